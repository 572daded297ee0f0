"""What every part of the store shares: the database, the clock, the skill renames, and
the look-ups that keep each person to their own rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from careermap.accounts import Role
from careermap.errors import InputError, NotFoundError
from careermap.store.database import Database
from careermap.store.models import Base, UserRow
from careermap.store.records import User
from careermap.store.renames import Renames

__all__ = ["LOCAL_EMAIL", "StoreBase", "not_found"]

#: the local user's address: it has no "@", so no account can ever claim it
LOCAL_EMAIL = "local"

R = TypeVar("R", bound=Base)


def not_found(kind: str) -> NotFoundError:
    """The same answer for a record that does not exist and one that is someone else's."""
    return NotFoundError(f"no such {kind}.", hint=f"List yours to see which {kind}s you have.")


def check_id(value: object, what: str = "id") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"the {what} must be a whole number.")
    return value


def user_record(row: UserRow) -> User:
    return User(
        id=row.id,
        email=row.email,
        role=cast(Role, row.role),
        created=row.created,
        name=row.name,
        must_change_password=row.must_change_password,
    )


class StoreBase:
    _db: Database
    _renames: Renames
    _clock: Callable[[], datetime]

    def _now(self) -> datetime:
        now = self._clock()
        return now if now.tzinfo is not None else now.replace(tzinfo=UTC)

    @staticmethod
    def _user_row(session: Session, user_id: int, kind: str = "user") -> UserRow:
        row = session.get(UserRow, check_id(user_id, "user id"))
        if row is None:
            raise not_found(kind)
        return row

    @staticmethod
    def _owned(session: Session, model: type[R], record_id: int, user_id: int, kind: str) -> R:
        """The row ``record_id`` of ``model`` if it belongs to ``user_id``; else NotFound."""
        check_id(record_id, f"{kind} id")
        check_id(user_id, "user id")
        table: Any = model
        row = session.scalar(select(table).where(table.id == record_id, table.user_id == user_id))
        if row is None:
            raise not_found(kind)
        return cast(R, row)
