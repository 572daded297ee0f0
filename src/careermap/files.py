"""Files careermap reads from a person and writes for them.

:func:`read_user_data` reads a YAML or JSON file a person gives (quiz answers, progress):
bounded in size and nesting, strictly UTF-8, every problem one
:class:`~careermap.errors.InputError` that says what is wrong and where.

:func:`write_atomic` is the one way careermap writes a file: to a temporary file in the
same folder, flushed to disk, then renamed over the target, so a failure or Ctrl-C
half-way leaves the old file whole and no partial one.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from careermap.errors import InputError

__all__ = ["MAX_NESTING", "MAX_USER_FILE_BYTES", "read_user_data", "write_atomic"]

#: largest quiz-answers or progress file (such files are a few KiB)
MAX_USER_FILE_BYTES = 1 << 20
#: deepest nesting of lists and mappings accepted in such a file (they need two levels)
MAX_NESTING = 20

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader


def _nesting(text: str) -> int:
    """Deepest bracket nesting (flow style), and indentation depth in block style."""
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(depth - 1, 0)
    indent = 0
    for line in text.splitlines():
        stripped = line.lstrip(" -")
        if stripped and not stripped.startswith("#"):
            indent = max(indent, (len(line) - len(stripped)) // 2)
    return max(deepest, indent)


def read_user_data(path: Path, what: str) -> Any:
    """Parse a person's YAML or JSON file (``.json`` as JSON, anything else as YAML)."""
    shown = f"{what} {path}"
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(f"{shown} is a folder, not a file.", hint="Give the file in it.")
        if size > MAX_USER_FILE_BYTES:
            raise InputError(
                f"{shown} is {size:,} bytes; careermap reads such files up to "
                f"{MAX_USER_FILE_BYTES:,} bytes.",
                hint="Check that it is the right file.",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{shown} does not exist.", hint="Check the path.") from None
    except OSError as exc:
        raise InputError(f"cannot read {shown} ({exc.strerror or exc}).") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            f"{shown} is not UTF-8 text (a binary file?).",
            hint="Give a YAML or JSON file saved as UTF-8.",
        ) from None
    if "\x00" in text:
        raise InputError(f"{shown} holds NUL bytes: it is not a YAML or JSON file.")
    if _nesting(text) > MAX_NESTING:
        raise InputError(
            f"{shown} is nested more than {MAX_NESTING} levels deep.",
            hint="An answers or progress file needs two levels at most.",
        )
    kind = "JSON" if path.suffix.lower() == ".json" else "YAML"
    try:
        if kind == "JSON":
            return json.loads(text)
        return yaml.load(text, Loader=_Loader)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{shown} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = " ".join(str(exc.problem or exc.context or "syntax error").split())
        raise InputError(f"{shown} is not valid YAML: {problem}{where}.") from None
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())[:160]
        raise InputError(f"{shown} is not valid YAML ({detail}).") from None
    except (ValueError, RecursionError, OverflowError) as exc:
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise InputError(f"{shown} holds a value careermap cannot read ({detail}).") from None


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` all at once (see the module docstring); returns ``path``."""
    blob = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}.") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write {path}: {exc.strerror or exc}.") from exc
        raise
    return path
