"""What the store hands back: frozen pydantic records, safe to pass between threads."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from careermap.accounts import Role
from careermap.plan.model import Plan
from careermap.profile import Profile

__all__ = [
    "ActiveSession",
    "Cohort",
    "ImportReport",
    "ImportedLearner",
    "LearnerSummary",
    "Membership",
    "Note",
    "PlanRecord",
    "ProfileRecord",
    "SessionToken",
    "User",
]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class User(_Record):
    id: int
    email: str = Field(description="lower case; 'local' for the local user")
    role: Role
    created: datetime
    name: str | None = None
    must_change_password: bool = Field(
        default=False, description="the password was set by an advisor's import"
    )


class SessionToken(_Record):
    """A new session: ``token`` is the secret for the cookie, shown this once."""

    token: str = Field(repr=False)
    csrf: str = Field(repr=False, description="the session's CSRF secret, for forms and headers")
    expires: datetime
    user_id: int


class ActiveSession(_Record):
    """A signed-in session found by its token."""

    user: User
    csrf: str = Field(repr=False)
    expires: datetime


class ProfileRecord(_Record):
    id: int
    created: datetime
    document_name: str
    has_document: bool
    profile: Profile


class PlanRecord(_Record):
    id: int
    created: datetime
    updated: datetime
    role: str
    plan: Plan
    calendar_token: str = Field(repr=False)
    profile_id: int | None = None


class Cohort(_Record):
    id: int
    advisor_id: int
    name: str
    created: datetime
    join_code: str = Field(
        repr=False, description="give it to learners so that they can join on their own"
    )
    members: int = Field(default=0, description="learners in the cohort")
    sharing: int = Field(default=0, description="of them, those who share with it")


class Membership(_Record):
    """A cohort a learner is in, as the learner sees it."""

    cohort_id: int
    cohort_name: str
    advisor_email: str
    advisor_name: str | None = None
    shared: bool
    joined: datetime


class LearnerSummary(_Record):
    """One row of an advisor's cohort table."""

    user_id: int
    email: str
    name: str | None = None
    role: str | None = Field(default=None, description="role of the learner's latest plan")
    role_title: str | None = None
    progress_percent: float | None = Field(
        default=None, description="skills of that plan marked done / the plan's skills, 0-100"
    )
    last_active: datetime | None = None


class Note(_Record):
    id: int
    advisor_id: int
    learner_id: int
    text: str
    created: datetime


class ImportedLearner(_Record):
    """An account an import created, with the one-time password to hand to the learner."""

    user_id: int
    email: str
    name: str | None = None
    one_time_password: str = Field(repr=False)


class ImportReport(_Record):
    """What an import of learners did, row by row (the header is row 1)."""

    created: list[ImportedLearner] = Field(default_factory=list)
    added: list[str] = Field(
        default_factory=list,
        description="e-mails of learners who already had an account: added to the cohort, "
        "not sharing until they choose to",
    )
    skipped: list[tuple[int, str]] = Field(
        default_factory=list, description="(row, reason) for every row not imported"
    )
