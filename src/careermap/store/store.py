"""The :class:`Store`: one object for every part of careermap's persistence."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from types import TracebackType

from sqlalchemy import Engine

from careermap.store import migrate as _migrate
from careermap.store.database import Database
from careermap.store.person import PersonPart
from careermap.store.renames import Renames, load_renames
from careermap.store.rights import RightsPart

__all__ = ["Store"]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Store(RightsPart, PersonPart):
    """Accounts, saved profiles and plans, progress, cohorts and notes, in SQLite or
    PostgreSQL. Safe to share between threads: one engine, one session per call."""

    def __init__(
        self,
        url: str | None = None,
        *,
        renamed_skills: Mapping[str, str] | Renames | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        """``url``: a SQLAlchemy URL (default: the ``database_url`` setting, else SQLite
        ``careermap.db`` under careermap's home). ``renamed_skills``: old skill id -> new
        id (default: the mapping shipped with the knowledge base). ``clock``: the time
        now, aware (default: the system's, in UTC)."""
        self._db = Database(url)
        if isinstance(renamed_skills, Renames):
            self._renames = renamed_skills
        elif renamed_skills is not None:
            self._renames = Renames(renamed_skills)
        else:
            self._renames = load_renames()
        self._clock = clock or _utcnow

    def migrate(self) -> None:
        """Create or upgrade the tables to the newest schema (safe to run every start)."""
        with self._db.guard():
            _migrate.upgrade(self._db.engine)

    def schema_version(self) -> str | None:
        """The migration the database is at; None before :meth:`migrate`."""
        with self._db.guard():
            return _migrate.current(self._db.engine)

    def close(self) -> None:
        """Close every pooled connection (the store can be used again afterwards)."""
        self._db.dispose()

    @property
    def engine(self) -> Engine:
        return self._db.engine

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self._db.backend

    def __repr__(self) -> str:
        return f"Store({self._db.describe()!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
