"""The Typer application object, shared by the command modules."""

from __future__ import annotations

import typer

__all__ = ["app"]

app = typer.Typer(
    name="careermap",
    help="Find your place in generative AI: roles, skills, gaps, plans and pay, with sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
