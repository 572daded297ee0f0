"""Small helpers shared by every loader: read YAML safely, validate it into a model, describe
a validation error."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ValidationError

from careermap.errors import DataError

__all__ = ["RegexText", "first_error", "read_model", "read_yaml"]

M = TypeVar("M", bound=BaseModel)


def _compiles(pattern: str) -> str:
    import re

    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from exc
    return pattern


#: a regular expression in a data file, refused on load when it does not compile
RegexText = Annotated[str, AfterValidator(_compiles)]

try:  # the C loader is several times faster where libyaml is present
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader


def read_yaml(path: Path, *, what: str | None = None) -> Any:
    """Parse a YAML file shipped with careermap; a broken one is a DataError.

    Building Python objects from YAML is most of the time a command takes to start, so
    what a file parses to is kept under careermap's home as JSON, keyed by the file's
    bytes: a later process reads that instead (a missing, stale or damaged copy is parsed
    again, never trusted; a read-only home only costs the parse)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read {what or path.name}: {exc}. Reinstall careermap.") from exc
    key = hashlib.sha256(_CACHE_VERSION + raw).hexdigest()[:32]
    found = _cached(key)
    if found is not _MISSING:
        return found
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_Loader)
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read {what or path.name}: {exc}. Reinstall careermap.") from exc
    _keep(key, data)
    return data


_MISSING: Any = object()
#: bump when what the cache holds changes shape
_CACHE_VERSION = b"careermap-yaml-json/1\n"
_DATE = "__careermap_date__"


class _NotJson(Exception):
    """A value JSON cannot give back as it was (a non-string key, a set, ...)."""


def _cache_dir() -> Path | None:
    try:
        from careermap.runtime import get_runtime

        return get_runtime().settings.home / "cache" / "yaml"
    except Exception:  # settings that cannot be read: no cache, the error comes elsewhere
        return None


def _cached(key: str) -> Any:
    folder = _cache_dir()
    if folder is None:
        return _MISSING
    try:
        text = (folder / f"{key}.json").read_text(encoding="utf-8")
        return json.loads(text, object_hook=_from_json)
    except (OSError, ValueError, TypeError):
        return _MISSING


def _keep(key: str, data: Any) -> None:
    folder = _cache_dir()
    if folder is None:
        return
    try:
        text = json.dumps(_to_json(data), ensure_ascii=False, allow_nan=False)
    except (_NotJson, ValueError):
        return  # kept only when JSON gives it back exactly
    from careermap.errors import InputError
    from careermap.files import write_atomic

    with contextlib.suppress(InputError):
        write_atomic(folder / f"{key}.json", text)


def _to_json(value: Any) -> Any:
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value) or _DATE in value:
            raise _NotJson
        return {k: _to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, datetime.datetime):
        raise _NotJson  # no shipped file holds one
    if isinstance(value, datetime.date):
        return {_DATE: value.isoformat()}
    if value is None or isinstance(value, str | bool | int | float):
        return value
    raise _NotJson


def _from_json(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and _DATE in obj:
        return datetime.date.fromisoformat(obj[_DATE])
    return obj


def first_error(exc: ValidationError) -> tuple[str, str]:
    """(where, message) of a validation error's first problem, for one-line messages."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "top level"
    return where, str(first["msg"])


def read_model(
    path: Path,
    model: type[M],
    *,
    what: str | None = None,
    hint: str = "Reinstall careermap.",
) -> M:
    """A shipped YAML file read and validated into ``model`` (an empty file as an empty
    mapping); a broken one is one DataError naming the file, the place and the problem."""
    raw = read_yaml(path, what=what)
    try:
        return model.model_validate(raw if raw is not None else {})
    except ValidationError as exc:
        where, msg = first_error(exc)
        raise DataError(f"{path.name} is invalid at '{where}': {msg}. {hint}".rstrip()) from exc
