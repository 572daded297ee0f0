"""Small helpers shared by every loader: read YAML safely, describe a validation error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from careermap.errors import DataError

__all__ = ["first_error", "read_yaml"]

try:  # the C loader is several times faster where libyaml is present
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader


def read_yaml(path: Path, *, what: str | None = None) -> Any:
    """Parse a YAML file shipped with careermap; a broken one is a DataError."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read {what or path.name}: {exc}. Reinstall careermap.") from exc


def first_error(exc: ValidationError) -> tuple[str, str]:
    """(where, message) of a validation error's first problem, for one-line messages."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "top level"
    return where, str(first["msg"])
