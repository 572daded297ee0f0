"""Alembic migrations, run from Python: no ``alembic.ini`` to find, no logging set up.

:func:`upgrade` brings a database to the newest schema (what ``Store.migrate`` does). To
add a migration after changing ``models.py``::

    python -c "from careermap.store.migrate import revision; revision('what changed')"

writes a new file under ``migrations/versions/`` from the difference between the models and
a scratch SQLite database migrated to head; read it, tidy it, and keep the models and the
migrations in step (a test compares them).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine

__all__ = ["MIGRATIONS", "config", "current", "head", "revision", "upgrade"]

MIGRATIONS = Path(__file__).parent / "migrations"


def config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for careermap's migrations, bound to ``connection``."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("version_path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, target: str = "head") -> None:
    """Apply every migration up to ``target`` in one transaction where the database allows."""
    with engine.begin() as conn:
        command.upgrade(config(conn), target)


def current(engine: Engine) -> str | None:
    """The revision the database is at (None before the first migration)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head() -> str:
    """The newest revision shipped with careermap."""
    found = ScriptDirectory.from_config(config()).get_current_head()
    assert found is not None
    return found


def revision(message: str) -> None:  # pragma: no cover - a developer's tool
    """Write a new migration from the models' difference to the shipped migrations."""
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'scratch.db'}")
        upgrade(engine)
        with engine.begin() as conn:
            command.revision(config(conn), message=message, autogenerate=True)
        engine.dispose()
