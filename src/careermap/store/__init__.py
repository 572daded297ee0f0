"""careermap's store: accounts, saved profiles and plans, progress, cohorts, in SQLite or
PostgreSQL (SQLAlchemy 2, Alembic migrations shipped under ``migrations/``).

Beyond the agreed interface (additions only; nothing in it was renamed or removed):

- ``Store(url=None, *, renamed_skills=None, clock=None)``: the two keyword arguments are
  for tests (a simulated knowledge-base release; a fixed clock).
- ``create_user(..., *, name=None)``; ``User`` also has ``name`` and
  ``must_change_password`` (true for an account an import created, until the learner
  changes the one-time password).
- ``session(token) -> ActiveSession | None`` (``.user``, ``.csrf``, ``.expires``): the
  CSRF secret of a live session, for forms and for checking a request's token.
- ``user(user_id) -> User``; ``change_password(user_id, old, new, *, keep_session=None)``
  (closes the user's other sessions).
- ``profile_document(user_id, profile_id) -> (name, bytes)``; ``delete_plan(user_id,
  plan_id)``; ``PlanRecord`` also has ``updated`` and ``profile_id``.
- ``join_cohort(learner_id, cohort_id, *, shared, code=None)``: a learner joins on their
  own with the cohort's ``join_code`` (``Cohort.join_code``, shown to its advisor only);
  without it, only a learner already in the cohort (put there by an import) gets in, and
  only their sharing changes. A wrong code answers NotFoundError, as for no cohort.
- ``memberships(learner_id) -> list[Membership]``, ``leave_cohort(learner_id,
  cohort_id)``, ``delete_note(advisor_id, note_id)``; ``Cohort`` has ``join_code`` and the
  ``members`` and ``sharing`` counts; ``LearnerSummary`` has ``name`` and ``role_title``.
- ``import_learners`` creates accounts with a random one-time password each, returned once
  in ``ImportReport.created`` (``ImportedLearner``: user_id, email, name,
  one_time_password) for the advisor to hand over; learners who already have an account
  are put in the cohort and listed in ``ImportReport.added``. Imported learners do not
  share with the cohort until they choose to (``set_sharing``).
- ``authenticate`` raises :class:`careermap.accounts.SignInRateLimitedError`, a
  ``RateLimitedError`` with its own code ``sign_in_rate_limited`` (every error class has
  one) and ``retry_after`` in seconds, also in its ``to_dict()``. It is built like every
  careermap error, ``SignInRateLimitedError(message=None, *, hint=None, retry_after=60)``
  (so ``SignInRateLimitedError(retry_after=90)``, not ``SignInRateLimitedError(90)``).
- ``Store.schema_version()``, ``Store.engine``, ``Store.backend``; a Store is a context
  manager (``close`` on exit).

Interface::

    class Store:
        def __init__(self, url: str | None = None) -> None
        def migrate(self) -> None                          # call once at start-up
        def close(self) -> None
        # accounts
        def create_user(self, email, password, role="learner") -> User
        def authenticate(self, email, password, *, client="") -> User   # rate-limited
        def open_session(self, user_id) -> SessionToken    # .token (once), .csrf, .expires
        def user_for_session(self, token) -> User | None
        def close_session(self, token) -> None
        def local_user(self) -> User
        # a person's data
        def save_profile(self, user_id, profile, *, document_name, document=None)
            -> ProfileRecord
        def profiles(self, user_id) -> list[ProfileRecord]            # newest first
        def profile(self, user_id, profile_id) -> ProfileRecord
        def delete_profile(self, user_id, profile_id) -> None
        def save_answers(self, user_id, answers) -> None
        def answers(self, user_id) -> dict[str, object] | None
        def save_plan(self, user_id, plan, *, profile_id) -> PlanRecord
        def plans(self, user_id) -> list[PlanRecord]                  # latest change first
        def plan(self, user_id, plan_id) -> PlanRecord
        def replace_plan(self, user_id, plan_id, plan) -> PlanRecord
        def plan_for_calendar(self, token) -> PlanRecord
        def set_progress(self, user_id, skill_id, level) -> None       # None clears
        def progress(self, user_id) -> dict[str, Level]
        # career services
        def create_cohort(self, advisor_id, name) -> Cohort
        def cohorts(self, advisor_id) -> list[Cohort]
        def join_cohort(self, learner_id, cohort_id, *, shared, code=None) -> None
        def set_sharing(self, learner_id, cohort_id, shared) -> None
        def cohort_learners(self, advisor_id, cohort_id) -> list[LearnerSummary]
        def add_note(self, advisor_id, learner_id, text) -> Note
        def notes(self, advisor_id, learner_id) -> list[Note]
        def import_learners(self, advisor_id, cohort_id, csv_text) -> ImportReport
        # data rights
        def export_user(self, user_id) -> dict[str, object]
        def delete_user(self, user_id) -> dict[str, int]

Errors (all :mod:`careermap.errors`): ``NotFoundError`` for a record that does not exist
*or* belongs to someone else (the same message, so ids reveal nothing);
``PermissionDeniedError`` when a role may not do something at all (a learner creating a
cohort); ``ConflictError``, ``AuthenticationError``, ``RateLimitedError``, ``InputError``;
``DataError`` when the database itself fails (its message never holds SQL or data).

Where an advisor may look: only at learners who share with one of their own cohorts; when
a learner stops sharing, the advisor no longer sees them or the notes about them.
Progress is stored by skill id; ids renamed in ``knowledge/data/renamed_skills.yaml`` are
read as their new ids, so a knowledge-base release never loses progress.
"""

from __future__ import annotations

from careermap.accounts import Role, SignInRateLimitedError
from careermap.store.records import (
    ActiveSession,
    Cohort,
    ImportedLearner,
    ImportReport,
    LearnerSummary,
    Membership,
    Note,
    PlanRecord,
    ProfileRecord,
    SessionToken,
    User,
)
from careermap.store.renames import Renames, load_renames
from careermap.store.store import Store

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
    "Renames",
    "Role",
    "SessionToken",
    "SignInRateLimitedError",
    "Store",
    "User",
    "load_renames",
]
