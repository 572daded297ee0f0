"""careermap's command line: thin commands that parse, call the core and render.

Every command prints Rich tables for people and JSON with ``--json`` for programs. Every
:class:`~careermap.errors.CareermapError` becomes one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import sys

from careermap.cli.app import app
from careermap.errors import CareermapError

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit status instead of raising where possible."""
    from careermap.cli import commands  # noqa: F401 - registers the commands

    try:
        app(args=argv, standalone_mode=False)
    except CareermapError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except SystemExit as exc:  # typer/click exit paths (--help, usage errors)
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # click usage errors and the like
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            return exc.exit_code
        if isinstance(exc, click.exceptions.Abort):
            print("error: aborted", file=sys.stderr)
            return 1
        raise
    return 0


def entrypoint() -> None:  # pragma: no cover - console script
    sys.exit(main())
