"""Career services: an advisor's cohorts, learners who choose to share with them, notes,
and importing a class list from CSV."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from careermap.accounts import (
    new_token,
    same_secret,
)
from careermap.errors import ConflictError, InputError, PermissionDeniedError
from careermap.knowledge.schemas import Level
from careermap.plan.model import Plan
from careermap.store.base import check_id, not_found
from careermap.store.models import (
    AdvisorNote,
    CohortMember,
    CohortRow,
    PlanRow,
    ProfileRow,
    ProgressRow,
    QuizAnswers,
    UserRow,
)
from careermap.store.records import (
    Cohort,
    LearnerSummary,
    Membership,
    Note,
)
from careermap.store.summary import progress_percent
from careermap.store.users import AccountsPart

__all__ = ["CohortsPart"]

_MAX_COHORT_NAME = 200
_MAX_NOTE = 10_000
_ADVISING = ("advisor", "admin")


def _cohort_name(name: object) -> str:
    if not isinstance(name, str) or not " ".join(name.split()):
        raise InputError("a cohort needs a name.", hint="e.g. 'Data bootcamp, spring 2027'.")
    clean = " ".join(name.split())
    if len(clean) > _MAX_COHORT_NAME:
        raise InputError(f"the cohort name is longer than {_MAX_COHORT_NAME} characters.")
    return clean


class CohortsPart(AccountsPart):
    # ---- checks ------------------------------------------------------------------------
    def _advisor(self, s: Session, advisor_id: int) -> UserRow:
        row = self._user_row(s, advisor_id)
        if row.role not in _ADVISING:
            raise PermissionDeniedError(
                "only advisors have cohorts.", hint="Ask an admin to make your account an advisor."
            )
        return row

    def _own_cohort(self, s: Session, advisor_id: int, cohort_id: int) -> CohortRow:
        self._advisor(s, advisor_id)
        row = s.get(CohortRow, check_id(cohort_id, "cohort id"))
        if row is None or row.advisor_id != advisor_id:
            raise not_found("cohort")
        return row

    def _check_shares(self, s: Session, advisor_id: int, learner_id: int) -> None:
        """NotFound unless the learner shares with one of the advisor's cohorts."""
        self._advisor(s, advisor_id)
        hit = s.scalar(
            select(CohortMember.learner_id)
            .join(CohortRow, CohortRow.id == CohortMember.cohort_id)
            .where(
                CohortRow.advisor_id == advisor_id,
                CohortMember.learner_id == check_id(learner_id, "learner id"),
                CohortMember.shared.is_(True),
            )
            .limit(1)
        )
        if hit is None:
            raise not_found("learner")

    # ---- cohorts -----------------------------------------------------------------------
    def create_cohort(self, advisor_id: int, name: str) -> Cohort:
        clean = _cohort_name(name)
        try:
            with self._db.writing() as s:
                self._advisor(s, advisor_id)
                if s.scalar(
                    select(CohortRow.id).where(
                        CohortRow.advisor_id == advisor_id, CohortRow.name == clean
                    )
                ):
                    raise ConflictError("")
                row = CohortRow(
                    advisor_id=advisor_id, name=clean, created=self._now(), join_code=new_token()
                )
                s.add(row)
                s.flush()
                return _cohort(row)
        except ConflictError:
            raise ConflictError(
                f"you already have a cohort named '{clean}'.", hint="Choose another name."
            ) from None

    def cohorts(self, advisor_id: int) -> list[Cohort]:
        """The advisor's cohorts, oldest first, with how many learners each has and share."""
        with self._db.reading() as s:
            self._advisor(s, advisor_id)
            rows = s.execute(
                select(
                    CohortRow,
                    func.count(CohortMember.learner_id),
                    func.count(CohortMember.learner_id).filter(CohortMember.shared.is_(True)),
                )
                .outerjoin(CohortMember, CohortMember.cohort_id == CohortRow.id)
                .where(CohortRow.advisor_id == advisor_id)
                .group_by(CohortRow.id)
                .order_by(CohortRow.created, CohortRow.id)
            ).all()
            return [_cohort(c, members=int(n), sharing=int(shared)) for c, n, shared in rows]

    def memberships(self, learner_id: int) -> list[Membership]:
        """The cohorts a learner is in, whether they share with each, and whose they are."""
        with self._db.reading() as s:
            self._user_row(s, learner_id)
            rows = s.execute(
                select(CohortMember, CohortRow, UserRow)
                .join(CohortRow, CohortRow.id == CohortMember.cohort_id)
                .join(UserRow, UserRow.id == CohortRow.advisor_id)
                .where(CohortMember.learner_id == learner_id)
                .order_by(CohortMember.joined, CohortRow.id)
            ).all()
            return [
                Membership(
                    cohort_id=c.id,
                    cohort_name=c.name,
                    advisor_email=a.email,
                    advisor_name=a.name,
                    shared=m.shared,
                    joined=m.joined,
                )
                for m, c, a in rows
            ]

    def join_cohort(
        self, learner_id: int, cohort_id: int, *, shared: bool, code: str | None = None
    ) -> None:
        """Put a learner in a cohort with the cohort's join code (from its advisor); a
        learner already in it (added by an import) needs no code, and only the sharing
        changes. Without the right code the cohort is not found, so its id reveals nothing."""
        with self._db.writing() as s:
            learner = self._user_row(s, learner_id)
            cohort = s.get(CohortRow, check_id(cohort_id, "cohort id"))
            if cohort is None:
                raise not_found("cohort")
            member = s.get(CohortMember, (cohort.id, learner.id))
            if member is not None:
                member.shared = bool(shared)
                return
            if not isinstance(code, str) or not same_secret(code, cohort.join_code):
                raise not_found("cohort")
            if learner.role != "learner":
                raise PermissionDeniedError("only learners join cohorts.")
            s.add(
                CohortMember(
                    cohort_id=cohort.id,
                    learner_id=learner.id,
                    shared=bool(shared),
                    joined=self._now(),
                )
            )

    def set_sharing(self, learner_id: int, cohort_id: int, shared: bool) -> None:
        """Share (or stop sharing) plan and progress with a cohort's advisor."""
        with self._db.writing() as s:
            member = s.get(
                CohortMember, (check_id(cohort_id, "cohort id"), check_id(learner_id, "user id"))
            )
            if member is None:
                raise not_found("cohort")
            member.shared = bool(shared)

    def leave_cohort(self, learner_id: int, cohort_id: int) -> None:
        with self._db.writing() as s:
            member = s.get(
                CohortMember, (check_id(cohort_id, "cohort id"), check_id(learner_id, "user id"))
            )
            if member is None:
                raise not_found("cohort")
            s.delete(member)

    # ---- the advisor's view ------------------------------------------------------------
    def cohort_learners(self, advisor_id: int, cohort_id: int) -> list[LearnerSummary]:
        """The learners who share with this cohort: their latest plan's role, how far
        along it they are, and when they last did something in careermap."""
        with self._db.reading() as s:
            cohort = self._own_cohort(s, advisor_id, cohort_id)
            learners = list(
                s.scalars(
                    select(UserRow)
                    .join(CohortMember, CohortMember.learner_id == UserRow.id)
                    .where(CohortMember.cohort_id == cohort.id, CohortMember.shared.is_(True))
                    .order_by(UserRow.email)
                )
            )
            ids = [u.id for u in learners]
            progress = self._progress_of(s, ids)
            active = self._last_active(s, ids)
            plans = {uid: self._latest_plan(s, uid) for uid in ids}
        out: list[LearnerSummary] = []
        for u in learners:
            plan = plans[u.id]
            out.append(
                LearnerSummary(
                    user_id=u.id,
                    email=u.email,
                    name=u.name,
                    role=plan.role if plan else None,
                    role_title=plan.role_title if plan else None,
                    progress_percent=(
                        progress_percent(plan, progress.get(u.id, {})) if plan else None
                    ),
                    last_active=max(
                        (t for t in (u.last_login, active.get(u.id)) if t is not None),
                        default=None,
                    ),
                )
            )
        return out

    def _latest_plan(self, s: Session, user_id: int) -> Plan | None:
        text = s.scalar(
            select(PlanRow.plan_json)
            .where(PlanRow.user_id == user_id)
            .order_by(PlanRow.updated.desc(), PlanRow.id.desc())
            .limit(1)
        )
        if text is None:
            return None
        try:
            return self._renames.plan(Plan.model_validate_json(text))
        except ValueError:  # a plan an older release wrote that no longer reads
            return None

    def _progress_of(self, s: Session, ids: list[int]) -> dict[int, dict[str, Level]]:
        raw: dict[int, dict[str, Level]] = {}
        if ids:
            rows = s.execute(
                select(ProgressRow.user_id, ProgressRow.skill_id, ProgressRow.level).where(
                    ProgressRow.user_id.in_(ids)
                )
            )
            for uid, sid, level in rows:
                raw.setdefault(uid, {})[sid] = cast(Level, level)
        return {uid: self._renames.progress(levels) for uid, levels in raw.items()}

    @staticmethod
    def _last_active(s: Session, ids: list[int]) -> dict[int, datetime]:
        out: dict[int, datetime] = {}
        if not ids:
            return out
        for owner, stamp in (
            (ProfileRow.user_id, ProfileRow.created),
            (PlanRow.user_id, PlanRow.updated),
            (ProgressRow.user_id, ProgressRow.updated),
            (QuizAnswers.user_id, QuizAnswers.updated),
        ):
            rows = s.execute(select(owner, func.max(stamp)).where(owner.in_(ids)).group_by(owner))
            for uid, when in rows:
                if when is not None:
                    out[uid] = max(out.get(uid, when), when)
        return out

    # ---- notes -------------------------------------------------------------------------
    def add_note(self, advisor_id: int, learner_id: int, text: str) -> Note:
        """A note about a learner who shares with one of the advisor's cohorts."""
        if not isinstance(text, str) or not text.strip():
            raise InputError("the note is empty.")
        if len(text) > _MAX_NOTE:
            raise InputError(f"the note is longer than {_MAX_NOTE:,} characters.")
        with self._db.writing() as s:
            self._check_shares(s, advisor_id, learner_id)
            row = AdvisorNote(
                advisor_id=advisor_id, learner_id=learner_id, text=text.strip(), created=self._now()
            )
            s.add(row)
            s.flush()
            return _note(row)

    def notes(self, advisor_id: int, learner_id: int) -> list[Note]:
        """The advisor's notes about a learner who shares with them, oldest first."""
        with self._db.reading() as s:
            self._check_shares(s, advisor_id, learner_id)
            rows = s.scalars(
                select(AdvisorNote)
                .where(AdvisorNote.advisor_id == advisor_id, AdvisorNote.learner_id == learner_id)
                .order_by(AdvisorNote.created, AdvisorNote.id)
            )
            return [_note(r) for r in rows]

    def delete_note(self, advisor_id: int, note_id: int) -> None:
        """Delete one of the advisor's own notes."""
        with self._db.writing() as s:
            row = s.scalar(
                select(AdvisorNote).where(
                    and_(
                        AdvisorNote.id == check_id(note_id, "note id"),
                        AdvisorNote.advisor_id == check_id(advisor_id, "user id"),
                    )
                )
            )
            if row is None:
                raise not_found("note")
            s.delete(row)


def _cohort(row: CohortRow, *, members: int = 0, sharing: int = 0) -> Cohort:
    return Cohort(
        id=row.id,
        advisor_id=row.advisor_id,
        name=row.name,
        created=row.created,
        join_code=row.join_code,
        members=members,
        sharing=sharing,
    )


def _note(row: AdvisorNote) -> Note:
    return Note(
        id=row.id,
        advisor_id=row.advisor_id,
        learner_id=row.learner_id,
        text=row.text,
        created=row.created,
    )
