"""careermap's command line: thin commands that parse, call the core and render.

Every command prints Rich tables for people and JSON with ``--json`` for programs.
:func:`main` is the one place where an error becomes output: one line on stderr (or, with
``--json``, the one JSON error shape on stdout) and an exit status, whatever raised it —
careermap itself, the command-line parser (usage errors exit 2, whichever click the
installed Typer bundles: they are recognised by what they do, not by their class),
Ctrl-C or a closed input (130), or a bug (70, still one line, never a traceback).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from careermap.cli.app import app
from careermap.cli.output import plain
from careermap.errors import (
    CancelledError,
    CareermapError,
    InternalError,
    UsageError,
)

__all__ = ["app", "as_error", "main"]

#: exit status after a broken pipe (``careermap ... | head``), as a shell reports SIGPIPE
BROKEN_PIPE = 141


def _is_click_error(exc: BaseException) -> bool:
    """A parser error of click or of the click copy inside Typer (both have these)."""
    return hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int)


def _command_path(exc: BaseException) -> str:
    ctx = getattr(exc, "ctx", None)
    path = getattr(ctx, "command_path", None) if ctx is not None else None
    return str(path) if path else "careermap"


def as_error(exc: BaseException) -> CareermapError:
    """Any exception as a :class:`CareermapError` (what the person sees)."""
    import typer

    if isinstance(exc, CareermapError):
        return exc
    if isinstance(exc, KeyboardInterrupt | typer.Abort):
        return CancelledError("cancelled.", hint="Nothing was written.")
    if isinstance(exc, EOFError):
        return CancelledError(
            "the input ended before careermap was done.",
            hint="Run the command in a terminal, or give the answers with a file.",
        )
    if _is_click_error(exc):
        message = str(exc.format_message()).strip().rstrip(".")  # type: ignore[attr-defined]
        return UsageError(
            f"{message}.", hint=f"Run `{_command_path(exc)} --help` to see what it takes."
        )
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return InternalError(
        f"careermap failed unexpectedly ({type(exc).__name__}{': ' + detail if detail else ''}).",
        hint="This is a bug in careermap: please report it with the command you ran.",
    )


def _report(error: CareermapError, as_json: bool) -> int:
    if as_json:
        sys.stdout.write(json.dumps(error.to_dict(), ensure_ascii=False) + "\n")
    else:
        sys.stderr.write(f"error: {plain(error.one_line())}\n")
    return error.exit_code


def _no_args_help(exc: BaseException) -> bool:
    return type(exc).__name__ == "NoArgsIsHelpError"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit status; never raises, never prints a traceback."""
    from careermap.cli import commands  # noqa: F401 - registers the commands

    args = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args
    previous = _catch_interrupts()
    try:
        result: Any = app(args=args, prog_name="careermap", standalone_mode=False)
        sys.stdout.flush()
    except SystemExit as exc:  # --help and friends
        code = exc.code
        return code if isinstance(code, int) else 0 if code is None else 1
    except BrokenPipeError:
        _silence_stdout()
        return BROKEN_PIPE
    except BaseException as exc:
        if _no_args_help(exc):  # `careermap` alone: the help, not an error
            ctx = getattr(exc, "ctx", None)
            sys.stdout.write((ctx.get_help() if ctx is not None else "") + "\n")
            return 0
        try:
            return _report(as_error(exc), as_json)
        except BrokenPipeError:
            _silence_stdout()
            return BROKEN_PIPE
    finally:
        _restore_interrupts(previous)
    return result if isinstance(result, int) else 0


def _interrupted(signum: int, frame: object) -> None:
    raise CancelledError("cancelled.", hint="Nothing was written.")


def _catch_interrupts() -> Any:
    """Ctrl-C raises CancelledError, which no parser layer turns into a silent exit."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    try:
        return signal.signal(signal.SIGINT, _interrupted)
    except (ValueError, OSError):  # pragma: no cover - no signals here
        return None


def _restore_interrupts(previous: Any) -> None:
    if previous is None:
        return
    import contextlib
    import signal

    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGINT, previous)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush
    does not raise again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def entrypoint() -> None:  # pragma: no cover - console script
    sys.exit(main())
