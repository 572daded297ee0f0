"""A person's data rights: everything held about them as one JSON document, and deleting
all of it.

Notes an advisor writes about a learner belong to both: the learner sees them in their
export (they are about them) and the advisor in theirs (they wrote them); deleting either
account deletes them. An advisor's cohorts, with everyone's membership in them, go with
the advisor's account; a learner's memberships go with the learner's.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, or_, select
from sqlalchemy.orm import Session

from careermap.store.models import (
    TABLES,
    AdvisorNote,
    Base,
    CohortMember,
    CohortRow,
    LoginAttempt,
    PlanRow,
    ProfileRow,
    ProgressRow,
    QuizAnswers,
    SessionRow,
    UserRow,
)
from careermap.store.roster import RosterPart

__all__ = ["EXPORT_FORMAT", "RightsPart"]

#: names the shape of an export, for programs that read one
EXPORT_FORMAT = "careermap-export/1"


def _when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


class RightsPart(RosterPart):
    def export_user(self, user_id: int) -> dict[str, object]:
        """Everything careermap holds about the person, as JSON data: account, sessions
        (times only), recent failed sign-ins, profiles with their evidence and any kept
        document (base64), quiz answers, plans, progress, cohorts, notes about them and
        notes they wrote."""
        with self._db.reading() as s:
            user = self._user_row(s, user_id)
            out: dict[str, object] = {
                "format": EXPORT_FORMAT,
                "exported": self._now().isoformat(),
                "account": {
                    "id": user.id,
                    "email": user.email,
                    "name": user.name,
                    "role": user.role,
                    "created": _when(user.created),
                    "last_sign_in": _when(user.last_login),
                    "must_change_password": user.must_change_password,
                },
                "sessions": [
                    {"created": _when(r.created), "expires": _when(r.expires)}
                    for r in s.scalars(select(SessionRow).where(SessionRow.user_id == user.id))
                ],
                "failed_sign_ins": [
                    _when(at)
                    for at in s.scalars(
                        select(LoginAttempt.at)
                        .where(LoginAttempt.email == user.email)
                        .order_by(LoginAttempt.at)
                    )
                ],
                "profiles": self._export_profiles(s, user.id),
                "quiz_answers": self._export_answers(s, user.id),
                "plans": self._export_plans(s, user.id),
                "progress": [
                    {
                        "skill": self._renames.skill(r.skill_id),
                        "level": r.level,
                        "updated": _when(r.updated),
                    }
                    for r in s.scalars(
                        select(ProgressRow)
                        .where(ProgressRow.user_id == user.id)
                        .order_by(ProgressRow.skill_id)
                    )
                ],
                **self._export_cohorts(s, user.id),
            }
        # a JSON round trip: what the caller gets is exactly what a file would hold
        return cast(dict[str, object], json.loads(json.dumps(out, ensure_ascii=False)))

    def _export_profiles(self, s: Session, user_id: int) -> list[dict[str, Any]]:
        rows = s.scalars(
            select(ProfileRow).where(ProfileRow.user_id == user_id).order_by(ProfileRow.id)
        )
        return [
            {
                "id": r.id,
                "created": _when(r.created),
                "document_name": r.document_name,
                "profile": json.loads(r.profile_json),
                "document_base64": (
                    None if r.document is None else base64.b64encode(r.document).decode("ascii")
                ),
            }
            for r in rows
        ]

    @staticmethod
    def _export_answers(s: Session, user_id: int) -> dict[str, Any] | None:
        row = s.get(QuizAnswers, user_id)
        if row is None:
            return None
        return {"answers": json.loads(row.answers_json), "updated": _when(row.updated)}

    @staticmethod
    def _export_plans(s: Session, user_id: int) -> list[dict[str, Any]]:
        rows = s.scalars(select(PlanRow).where(PlanRow.user_id == user_id).order_by(PlanRow.id))
        return [
            {
                "id": r.id,
                "created": _when(r.created),
                "updated": _when(r.updated),
                "role": r.role,
                "profile_id": r.profile_id,
                "calendar_token": r.calendar_token,
                "plan": json.loads(r.plan_json),
            }
            for r in rows
        ]

    @staticmethod
    def _export_cohorts(s: Session, user_id: int) -> dict[str, object]:
        owned = [
            {
                "id": c.id,
                "name": c.name,
                "created": _when(c.created),
                "learners": int(
                    s.scalar(
                        select(func.count())
                        .select_from(CohortMember)
                        .where(CohortMember.cohort_id == c.id)
                    )
                    or 0
                ),
            }
            for c in s.scalars(
                select(CohortRow).where(CohortRow.advisor_id == user_id).order_by(CohortRow.id)
            )
        ]
        memberships = [
            {
                "cohort_id": c.id,
                "cohort": c.name,
                "advisor": a.email,
                "shared": m.shared,
                "joined": _when(m.joined),
            }
            for m, c, a in s.execute(
                select(CohortMember, CohortRow, UserRow)
                .join(CohortRow, CohortRow.id == CohortMember.cohort_id)
                .join(UserRow, UserRow.id == CohortRow.advisor_id)
                .where(CohortMember.learner_id == user_id)
                .order_by(CohortRow.id)
            )
        ]

        def notes(mine: Any, other: Any, label: str) -> list[dict[str, Any]]:
            return [
                {"id": n.id, "created": _when(n.created), label: who, "text": n.text}
                for n, who in s.execute(
                    select(AdvisorNote, UserRow.email)
                    .join(UserRow, UserRow.id == other)
                    .where(mine == user_id)
                    .order_by(AdvisorNote.id)
                )
            ]

        return {
            "cohorts": owned,
            "memberships": memberships,
            "notes_about_you": notes(AdvisorNote.learner_id, AdvisorNote.advisor_id, "advisor"),
            "notes_written": notes(AdvisorNote.advisor_id, AdvisorNote.learner_id, "learner"),
        }

    def delete_user(self, user_id: int) -> dict[str, int]:
        """Delete the account and every row about it; returns the rows removed per table
        (every table named, zero where nothing was held)."""
        removed = dict.fromkeys(TABLES, 0)
        with self._db.writing() as s:
            user = self._user_row(s, user_id)
            uid, address = user.id, user.email
            cohorts = select(CohortRow.id).where(CohortRow.advisor_id == uid).scalar_subquery()

            def gone(model: type[Base], *where: Any) -> None:
                result = cast(CursorResult[Any], s.execute(delete(model).where(*where)))
                removed[model.__tablename__] += max(result.rowcount, 0)

            gone(AdvisorNote, or_(AdvisorNote.learner_id == uid, AdvisorNote.advisor_id == uid))
            gone(
                CohortMember,
                or_(CohortMember.learner_id == uid, CohortMember.cohort_id.in_(cohorts)),
            )
            gone(CohortRow, CohortRow.advisor_id == uid)
            gone(PlanRow, PlanRow.user_id == uid)
            gone(ProfileRow, ProfileRow.user_id == uid)
            gone(ProgressRow, ProgressRow.user_id == uid)
            gone(QuizAnswers, QuizAnswers.user_id == uid)
            gone(SessionRow, SessionRow.user_id == uid)
            gone(LoginAttempt, LoginAttempt.email == address)
            s.expunge(user)
            gone(UserRow, UserRow.id == uid)
        return removed
