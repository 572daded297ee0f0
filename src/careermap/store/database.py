"""The engine behind a store: where the database is, how to connect, one session per call.

SQLite (the default, ``careermap.db`` under careermap's home) runs with foreign keys on,
write-ahead logging and a busy timeout; a transaction that writes starts with ``BEGIN
IMMEDIATE``, so that concurrent writers wait for each other instead of failing half-way.
PostgreSQL is reached through psycopg 3. Database errors are translated here into
careermap errors, without the SQL or its parameters (which may hold a résumé).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    NoSuchModuleError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, sessionmaker

from careermap.errors import ConflictError, DataError, InputError

__all__ = ["Database", "default_url", "resolve_url"]

#: seconds a SQLite connection waits for another writer before giving up
SQLITE_BUSY_TIMEOUT = 30.0
_WRITE = "careermap_write"


def default_url(home: Path) -> str:
    return f"sqlite:///{home / 'careermap.db'}"


def resolve_url(url: str | None = None) -> URL:
    """``url``, else the ``database_url`` setting, else SQLite under careermap's home."""
    if url is None:
        from careermap.settings import get_settings

        settings = get_settings()
        url = settings.database_url
        if url is None:
            settings.home.mkdir(parents=True, exist_ok=True)
            url = default_url(settings.home)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InputError(
            "CAREERMAP_DATABASE_URL is not a database URL careermap can use.",
            hint="Use postgresql+psycopg://user:password@host/dbname, or unset it for SQLite.",
        ) from None
    if parsed.drivername in {"postgres", "postgresql"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise InputError(
            f"careermap stores data in SQLite or PostgreSQL, not {parsed.get_backend_name()}.",
            hint="Use postgresql+psycopg://user:password@host/dbname, or unset "
            "CAREERMAP_DATABASE_URL for SQLite.",
        )
    if parsed.get_backend_name() == "sqlite" and parsed.database in {None, "", ":memory:"}:
        raise InputError(
            "careermap's store needs a SQLite file, not an in-memory database.",
            hint="Give a path: sqlite:////path/to/careermap.db.",
        )
    return parsed


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # the driver opens no transactions of its own: careermap says when (below)
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    """One engine (a pool shared by every thread) and short sessions on it."""

    def __init__(self, url: str | None = None) -> None:
        self.url = resolve_url(url)
        # parameters (a résumé's text, a profile) never appear in SQL logs or error texts
        kwargs: dict[str, Any] = {"hide_parameters": True}
        if self.backend == "sqlite":
            assert self.url.database is not None
            Path(self.url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            self.engine = create_engine(self.url, **kwargs)
        except (NoSuchModuleError, ModuleNotFoundError):
            raise InputError(
                f"careermap cannot reach {self.backend} without its driver.",
                hint="Install it with: pip install 'careermap[postgres]'.",
            ) from None
        if self.backend == "sqlite":
            _sqlite_setup(self.engine)
        self._writer = self.engine.execution_options(**{_WRITE: True})
        self._read = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._write = sessionmaker(bind=self._writer, expire_on_commit=False)

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    def describe(self) -> str:
        """The URL with any password hidden, for messages."""
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for a call that only reads."""
        with self.guard(), self._read() as session, session.begin():
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session for a call that writes: committed at the end, rolled back on error."""
        with self.guard(), self._write() as session, session.begin():
            yield session

    @contextmanager
    def guard(self) -> Iterator[None]:
        try:
            yield
        except IntegrityError:
            raise ConflictError(
                "the change clashes with what is already stored.",
                hint="Reload and try again.",
            ) from None
        except DBAPIError as exc:
            # the driver's error class only: the statement and its parameters stay out
            kind = type(exc.orig).__name__ if exc.orig is not None else type(exc).__name__
            raise DataError(
                f"the database at {self.describe()} refused the request ({kind}).",
                hint="Check that it is running and set up (careermap migrates it at start).",
            ) from None
        except SQLAlchemyError as exc:
            raise DataError(
                f"the database at {self.describe()} failed ({type(exc).__name__})."
            ) from None

    def dispose(self) -> None:
        self.engine.dispose()
