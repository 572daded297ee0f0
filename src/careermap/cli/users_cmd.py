"""``careermap add-user``: an account made by whoever runs the server (the first admin,
advisors), with a one-time password that must be changed at the first sign-in."""

from __future__ import annotations

import sys

import typer

from careermap.cli.app import app
from careermap.cli.output import console, emit_json, safe
from careermap.errors import InputError

__all__ = ["add_user_cmd"]


@app.command("add-user")
def add_user_cmd(
    email: str = typer.Argument(..., metavar="EMAIL", help="The account's e-mail address."),
    role: str = typer.Option(
        "learner", "--role", help="learner, advisor or admin (who may create other accounts)."
    ),
    name: str | None = typer.Option(None, "--name", help="The name shown to advisors."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON for programs."),
) -> None:
    """Create an account for server mode and print its one-time password."""
    from careermap.accounts import ROLES
    from careermap.store import Store

    if role not in ROLES:
        raise InputError(f"unknown role {role!r}.", hint=f"Use one of: {', '.join(ROLES)}.")
    store = Store()
    try:
        store.migrate()  # a new database is set up as careermap serve would
        user, password = store.create_user_one_time(email, role, name=name)
    finally:
        store.close()
    if json_out:
        emit_json({"email": user.email, "role": user.role, "one_time_password": password})
        return
    console.print(f"Created the {safe(user.role)} account {safe(user.email)}.")
    sys.stdout.write(f"One-time password: {password}\n")
    console.print(
        "It is shown only now: pass it on privately. careermap asks for a new password at "
        "the first sign-in (careermap serve --accounts)."
    )
