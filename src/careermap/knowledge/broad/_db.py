"""The broad layer's SQLite file: one lazy, read-only, immutable connection per process."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from careermap.errors import DataError

__all__ = [
    "BROAD_PATH",
    "ESCO_OCCUPATION",
    "ESCO_SKILL",
    "RIASEC",
    "SCHEMA_VERSION",
    "connect",
    "meta",
    "metro_groups",
    "open_broad",
]

BROAD_PATH = Path(__file__).parent.parent / "data" / "broad.sqlite"
SCHEMA_VERSION = "2"
ESCO_SKILL = "http://data.europa.eu/esco/skill/"
ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/"
RIASEC = ("R", "I", "A", "S", "E", "C")


def connect(path: Path | None = None) -> sqlite3.Connection:
    """A read-only connection to ``path``; by default this thread's connection to the
    shipped file, owned by the runtime."""
    if path is None:
        from careermap.runtime import get_runtime

        return get_runtime().broad()
    return open_broad(path)


def open_broad(path: Path | None = None) -> sqlite3.Connection:
    """Open a new read-only connection to ``path`` (default: the shipped file)."""
    target = BROAD_PATH if path is None else path
    if not target.is_file():
        raise DataError(
            f"the broad data file {target} is missing. Run `python scripts/build_broad.py` "
            "in a careermap checkout, or reinstall careermap."
        )
    uri = f"{target.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DataError(
            f"{target} is not a careermap broad data file ({exc}). "
            "Rebuild it with `python scripts/build_broad.py`."
        ) from exc
    if row is None or row[0] != SCHEMA_VERSION:
        found = row[0] if row else "none"
        raise DataError(
            f"{target} has schema version {found}, careermap needs "
            f"{SCHEMA_VERSION}. Rebuild it with `python scripts/build_broad.py`."
        )
    return conn


def _q(sql: str, *args: Any) -> list[Any]:
    return connect().execute(sql, args).fetchall()


def _one(sql: str, *args: Any) -> Any:
    return connect().execute(sql, args).fetchone()


def _meta() -> dict[str, str]:
    from careermap.runtime import get_runtime

    return get_runtime().cached("broad_meta", lambda: dict(_q("SELECT key, value FROM meta")))


def meta() -> dict[str, str]:
    """Build facts: schema version, sources, attributions, row counts per table."""
    return dict(_meta())


def metro_groups() -> tuple[str, ...]:
    """SOC major groups ('15', ...) whose metro and nonmetro rows the file keeps."""
    return tuple(_meta()["oews.metro_groups"].split(","))


def _onet(code: str) -> str:
    c = code.strip()
    return f"{c}.00" if len(c) == 7 else c


def _soc(code: str) -> str:
    return code.strip()[:7]


def _uuid(uri: str, prefix: str) -> str:
    return uri.strip().removeprefix(prefix)
