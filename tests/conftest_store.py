"""Stores for tests: a temp SQLite file, and PostgreSQL when CAREERMAP_TEST_POSTGRES_URL
names a database the tests may write to (each test gets a schema of its own, dropped
afterwards; nothing else in the database is touched).

Start a throwaway server for them, e.g.::

    initdb -D /tmp/pg -U postgres --auth=trust
    pg_ctl -D /tmp/pg -o "-k /tmp -p 54329 -c listen_addresses=127.0.0.1" -w start
    createdb -h 127.0.0.1 -p 54329 -U postgres careermap_test
    export CAREERMAP_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:54329/careermap_test
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from careermap.store import Store

POSTGRES_URL = os.environ.get("CAREERMAP_TEST_POSTGRES_URL")

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=pytest.mark.skipif(
            not POSTGRES_URL,
            reason="PostgreSQL tests need CAREERMAP_TEST_POSTGRES_URL "
            "(postgresql+psycopg://user@host:port/db of a throwaway database)",
        ),
    ),
]


class Clock:
    """A clock the test moves by hand (aware, UTC)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2027, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL whose connections work in a new, empty schema (dropped on exit)."""
    assert POSTGRES_URL
    schema = f"cm_test_{secrets.token_hex(6)}"
    admin = create_engine(POSTGRES_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()


@contextmanager
def backend_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """An empty database of the given kind, as a URL."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'careermap.db'}"
    else:
        with postgres_schema() as url:
            yield url


@contextmanager
def open_store(url: str | None, **kw: Any) -> Iterator[Store]:
    """A migrated store on ``url`` (None: the settings' database), closed on exit."""
    store = Store(url, **kw)
    try:
        store.migrate()
        yield store
    finally:
        store.close()


def count_rows(store: Store) -> dict[str, int]:
    """Rows in every table of the store."""
    from careermap.store.models import TABLES

    with store.engine.connect() as conn:
        return {
            t: int(conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()) for t in TABLES
        }


StoreFactory = Callable[..., Store]
