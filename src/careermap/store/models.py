"""The tables of careermap's store, as SQLAlchemy 2 typed declarative models.

Every change here needs a migration in ``migrations/versions/`` (a test compares the two).
Profiles and plans are kept as the JSON of careermap's pydantic models; times are UTC.
Rows that belong to a person point at ``users`` with ``ON DELETE CASCADE``; the store
still deletes them one table at a time so that it can say how many rows went.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

__all__ = [
    "TABLES",
    "AdvisorNote",
    "Base",
    "CohortMember",
    "CohortRow",
    "LoginAttempt",
    "PlanRow",
    "ProfileRow",
    "ProgressRow",
    "QuizAnswers",
    "SessionRow",
    "UTCDateTime",
    "UserRow",
]

#: deterministic constraint names, so that later migrations can name what they alter
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A moment in UTC: stored without a zone (SQLite keeps none), read back as aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("careermap stores aware datetimes only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _user_fk() -> ForeignKey:
    return ForeignKey("users.id", ondelete="CASCADE")


class UserRow(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('learner', 'advisor', 'admin')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: trimmed and lower-cased, so that uniqueness ignores case; "local" for the local user
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    #: Argon2id PHC string; none for the local user, who never signs in
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    #: the password was set by someone else (an import) and should be changed
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[datetime] = mapped_column(UTCDateTime)
    last_login: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SessionRow(Base):
    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: SHA-256 of the session token (hex); the token itself is never stored
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(_user_fk(), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created: Mapped[datetime] = mapped_column(UTCDateTime)
    expires: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class LoginAttempt(Base):
    """A failed sign-in, kept for the length of the rate-limit window."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    client: Mapped[str] = mapped_column(String(200), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class ProfileRow(Base):
    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(_user_fk(), index=True)
    created: Mapped[datetime] = mapped_column(UTCDateTime)
    document_name: Mapped[str] = mapped_column(String(255))
    #: careermap.profile.Profile as JSON, evidence included
    profile_json: Mapped[str] = mapped_column(Text)
    #: the document's bytes, only when the person chose to keep them
    document: Mapped[bytes | None] = mapped_column(LargeBinary)


class QuizAnswers(Base):
    __tablename__ = "quiz_answers"

    user_id: Mapped[int] = mapped_column(_user_fk(), primary_key=True)
    answers_json: Mapped[str] = mapped_column(Text)
    updated: Mapped[datetime] = mapped_column(UTCDateTime)


class PlanRow(Base):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(_user_fk(), index=True)
    profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("profiles.id", ondelete="SET NULL"), index=True
    )
    role: Mapped[str] = mapped_column(String(100))
    created: Mapped[datetime] = mapped_column(UTCDateTime)
    updated: Mapped[datetime] = mapped_column(UTCDateTime)
    #: careermap.plan.Plan as JSON
    plan_json: Mapped[str] = mapped_column(Text)
    #: the secret in the plan's calendar-subscription address (256 random bits)
    calendar_token: Mapped[str] = mapped_column(String(64), unique=True)


class ProgressRow(Base):
    """The level a person has reached in one skill, by skill id."""

    __tablename__ = "progress"
    __table_args__ = (
        CheckConstraint("level IN ('foundational', 'intermediate', 'advanced')", name="level"),
    )

    user_id: Mapped[int] = mapped_column(_user_fk(), primary_key=True)
    skill_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    level: Mapped[str] = mapped_column(String(16))
    updated: Mapped[datetime] = mapped_column(UTCDateTime)


class CohortRow(Base):
    __tablename__ = "cohorts"
    __table_args__ = (UniqueConstraint("advisor_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    advisor_id: Mapped[int] = mapped_column(_user_fk(), index=True)
    name: Mapped[str] = mapped_column(String(200))
    created: Mapped[datetime] = mapped_column(UTCDateTime)
    #: the secret a learner gives to join the cohort on their own (256 random bits)
    join_code: Mapped[str] = mapped_column(String(64), unique=True)


class CohortMember(Base):
    __tablename__ = "cohort_members"

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    learner_id: Mapped[int] = mapped_column(_user_fk(), primary_key=True, index=True)
    #: whether the learner lets the cohort's advisor see their plan and progress
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    joined: Mapped[datetime] = mapped_column(UTCDateTime)


class AdvisorNote(Base):
    """A note an advisor wrote about a learner who shares with one of their cohorts."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    advisor_id: Mapped[int] = mapped_column(_user_fk(), index=True)
    learner_id: Mapped[int] = mapped_column(_user_fk(), index=True)
    text: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(UTCDateTime)


#: every table, in an order where each comes after the tables it points at
TABLES: tuple[str, ...] = tuple(t.name for t in Base.metadata.sorted_tables)
