"""A person's own data: profiles (with the document when they keep it), quiz answers,
plans with their calendar tokens, and progress by skill id."""

from __future__ import annotations

import json
from typing import Any, cast

from pydantic import ValidationError
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from careermap.accounts import new_token
from careermap.errors import DataError, InputError
from careermap.knowledge.schemas import LEVELS, Level
from careermap.plan.model import Plan
from careermap.profile import Profile
from careermap.store.base import StoreBase, check_id, not_found
from careermap.store.models import Base, PlanRow, ProfileRow, ProgressRow, QuizAnswers
from careermap.store.records import PlanRecord, ProfileRecord

__all__ = ["PersonPart"]

_MAX_DOCUMENT_NAME = 255
_MAX_ANSWERS_BYTES = 256 * 1024
_MAX_SKILL_ID = 200
_MAX_TOKEN = 200


def _document_name(name: object) -> str:
    if not isinstance(name, str):
        raise InputError("the document name must be text.")
    clean = " ".join(name.split()) or "document"
    return clean[:_MAX_DOCUMENT_NAME]


def _load(model: type[Profile] | type[Plan], text: str, kind: str, record_id: int) -> Any:
    try:
        return model.model_validate_json(text)
    except ValidationError:
        raise DataError(
            f"saved {kind} {record_id} no longer reads as a careermap {kind}.",
            hint="Export your data, then save it again from a new reading.",
        ) from None


class PersonPart(StoreBase):
    # ---- helpers -----------------------------------------------------------------------
    def _upsert(
        self, s: Session, model: type[Base], values: dict[str, Any], keys: list[str]
    ) -> None:
        """Insert a row, or update it where one with the same ``keys`` exists."""
        if self._db.backend == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            pg = pg_insert(model).values(**values)
            s.execute(
                pg.on_conflict_do_update(
                    index_elements=keys,
                    set_={k: pg.excluded[k] for k in values if k not in keys},
                )
            )
        else:
            from sqlalchemy.dialects.sqlite import insert as lite_insert

            lite = lite_insert(model).values(**values)
            s.execute(
                lite.on_conflict_do_update(
                    index_elements=keys,
                    set_={k: lite.excluded[k] for k in values if k not in keys},
                )
            )

    def _profile_record(
        self, row_id: int, created: Any, name: str, text: str, has_document: bool
    ) -> ProfileRecord:
        profile = self._renames.profile(_load(Profile, text, "profile", row_id))
        return ProfileRecord(
            id=row_id,
            created=created,
            document_name=name,
            has_document=has_document,
            profile=profile,
        )

    def _plan_record(self, row: PlanRow) -> PlanRecord:
        plan = self._renames.plan(_load(Plan, row.plan_json, "plan", row.id))
        return PlanRecord(
            id=row.id,
            created=row.created,
            updated=row.updated,
            role=row.role,
            plan=plan,
            calendar_token=row.calendar_token,
            profile_id=row.profile_id,
        )

    # ---- profiles ----------------------------------------------------------------------
    def save_profile(
        self,
        user_id: int,
        profile: Profile,
        *,
        document_name: str,
        document: bytes | None = None,
    ) -> ProfileRecord:
        """Keep a profile read from a document; the document's bytes only when given."""
        if not isinstance(profile, Profile):
            raise InputError("save_profile needs a careermap Profile.")
        name = _document_name(document_name)
        if document is not None:
            if not isinstance(document, bytes | bytearray | memoryview):
                raise InputError("the document must be bytes.")
            document = bytes(document)
            from careermap.settings import get_settings

            limit = get_settings().max_document_mb
            if len(document) > limit * 1024 * 1024:
                raise InputError(
                    f"the document is larger than {limit:g} MiB, the most careermap keeps.",
                    hint="Save the profile without the document.",
                )
        text = profile.model_dump_json()
        with self._db.writing() as s:
            self._user_row(s, user_id)
            row = ProfileRow(
                user_id=user_id,
                created=self._now(),
                document_name=name,
                profile_json=text,
                document=document,
            )
            s.add(row)
            s.flush()
            return self._profile_record(row.id, row.created, name, text, document is not None)

    def _profile_rows(self, s: Session, user_id: int, profile_id: int | None = None) -> list[Any]:
        q = select(
            ProfileRow.id,
            ProfileRow.created,
            ProfileRow.document_name,
            ProfileRow.profile_json,
            ProfileRow.document.is_not(None),
        ).where(ProfileRow.user_id == check_id(user_id, "user id"))
        if profile_id is not None:
            q = q.where(ProfileRow.id == check_id(profile_id, "profile id"))
        return list(s.execute(q.order_by(ProfileRow.created.desc(), ProfileRow.id.desc())))

    def profiles(self, user_id: int) -> list[ProfileRecord]:
        """The user's saved profiles, newest first (documents not loaded)."""
        with self._db.reading() as s:
            rows = self._profile_rows(s, user_id)
        return [self._profile_record(*r) for r in rows]

    def profile(self, user_id: int, profile_id: int) -> ProfileRecord:
        with self._db.reading() as s:
            rows = self._profile_rows(s, user_id, profile_id)
        if not rows:
            raise not_found("profile")
        return self._profile_record(*rows[0])

    def profile_document(self, user_id: int, profile_id: int) -> tuple[str, bytes]:
        """(name, bytes) of the document kept with a profile (NotFoundError when none)."""
        with self._db.reading() as s:
            row = self._owned(s, ProfileRow, profile_id, user_id, "profile")
            if row.document is None:
                raise not_found("document")
            return row.document_name, row.document

    def delete_profile(self, user_id: int, profile_id: int) -> None:
        """Delete a profile and its document; plans made from it stay, unlinked."""
        with self._db.writing() as s:
            row = self._owned(s, ProfileRow, profile_id, user_id, "profile")
            s.execute(update(PlanRow).where(PlanRow.profile_id == row.id).values(profile_id=None))
            s.delete(row)

    # ---- quiz answers ------------------------------------------------------------------
    def save_answers(self, user_id: int, answers: dict[str, object]) -> None:
        """Keep the user's quiz answers (item id -> answer), replacing earlier ones."""
        if not isinstance(answers, dict) or not all(isinstance(k, str) for k in answers):
            raise InputError("quiz answers must be a mapping of item id to answer.")
        try:
            text = json.dumps(answers, ensure_ascii=False, sort_keys=True, allow_nan=False)
        except (TypeError, ValueError):
            raise InputError("quiz answers must be plain JSON values.") from None
        if len(text.encode("utf-8")) > _MAX_ANSWERS_BYTES:
            raise InputError(f"quiz answers are larger than {_MAX_ANSWERS_BYTES // 1024} KiB.")
        with self._db.writing() as s:
            self._user_row(s, user_id)
            self._upsert(
                s,
                QuizAnswers,
                {"user_id": user_id, "answers_json": text, "updated": self._now()},
                ["user_id"],
            )

    def answers(self, user_id: int) -> dict[str, object] | None:
        """The user's saved quiz answers, or None when they have none."""
        with self._db.reading() as s:
            text = s.scalar(
                select(QuizAnswers.answers_json).where(
                    QuizAnswers.user_id == check_id(user_id, "user id")
                )
            )
        if text is None:
            return None
        loaded = json.loads(text)
        assert isinstance(loaded, dict)
        return cast(dict[str, object], loaded)

    # ---- plans -------------------------------------------------------------------------
    def save_plan(self, user_id: int, plan: Plan, *, profile_id: int | None) -> PlanRecord:
        """Keep a plan (made from one of the user's profiles, or none), with a new
        calendar token."""
        if not isinstance(plan, Plan):
            raise InputError("save_plan needs a careermap Plan.")
        now = self._now()
        with self._db.writing() as s:
            self._user_row(s, user_id)
            if profile_id is not None:
                self._owned(s, ProfileRow, profile_id, user_id, "profile")
            row = PlanRow(
                user_id=user_id,
                profile_id=profile_id,
                role=plan.role,
                created=now,
                updated=now,
                plan_json=plan.model_dump_json(),
                calendar_token=new_token(),
            )
            s.add(row)
            s.flush()
            return self._plan_record(row)

    def plans(self, user_id: int) -> list[PlanRecord]:
        """The user's plans, most recently changed first."""
        with self._db.reading() as s:
            rows = list(
                s.scalars(
                    select(PlanRow)
                    .where(PlanRow.user_id == check_id(user_id, "user id"))
                    .order_by(PlanRow.updated.desc(), PlanRow.id.desc())
                )
            )
        return [self._plan_record(r) for r in rows]

    def plan(self, user_id: int, plan_id: int) -> PlanRecord:
        with self._db.reading() as s:
            row = self._owned(s, PlanRow, plan_id, user_id, "plan")
        return self._plan_record(row)

    def replace_plan(self, user_id: int, plan_id: int, plan: Plan) -> PlanRecord:
        """Put a re-made plan in place of a saved one; its calendar address stays."""
        if not isinstance(plan, Plan):
            raise InputError("replace_plan needs a careermap Plan.")
        with self._db.writing() as s:
            row = self._owned(s, PlanRow, plan_id, user_id, "plan")
            row.plan_json = plan.model_dump_json()
            row.role = plan.role
            row.updated = self._now()
            s.flush()
            return self._plan_record(row)

    def delete_plan(self, user_id: int, plan_id: int) -> None:
        """Delete a plan; its calendar address stops working."""
        with self._db.writing() as s:
            s.delete(self._owned(s, PlanRow, plan_id, user_id, "plan"))

    def plan_for_calendar(self, token: str) -> PlanRecord:
        """The plan whose calendar token this is (NotFoundError when none is)."""
        if not isinstance(token, str) or not token or len(token) > _MAX_TOKEN:
            raise not_found("calendar")
        with self._db.reading() as s:
            row = s.scalar(select(PlanRow).where(PlanRow.calendar_token == token))
        if row is None:
            raise not_found("calendar")
        return self._plan_record(row)

    # ---- progress ----------------------------------------------------------------------
    def set_progress(self, user_id: int, skill_id: str, level: Level | None) -> None:
        """Record the level reached in a skill (None clears it). Ids are stored as given
        (the caller resolves aliases), after renames."""
        if not isinstance(skill_id, str) or not skill_id.strip():
            raise InputError("a skill id is needed to record progress.")
        if len(skill_id) > _MAX_SKILL_ID:
            raise InputError(f"the skill id is longer than {_MAX_SKILL_ID} characters.")
        if level is not None and level not in LEVELS:
            raise InputError(
                f"'{level}' is not a level.", hint="Use foundational, intermediate or advanced."
            )
        sid = self._renames.skill(skill_id.strip())
        # rows under ids that now read as this one go, so that a cleared skill stays cleared
        olds = [old for old, new in self._renames.items() if new == sid]
        gone = [sid, *olds] if level is None else olds
        with self._db.writing() as s:
            self._user_row(s, user_id)
            if gone:
                s.execute(
                    delete(ProgressRow).where(
                        ProgressRow.user_id == user_id, ProgressRow.skill_id.in_(gone)
                    )
                )
            if level is not None:
                self._upsert(
                    s,
                    ProgressRow,
                    {"user_id": user_id, "skill_id": sid, "level": level, "updated": self._now()},
                    ["user_id", "skill_id"],
                )

    def progress(self, user_id: int) -> dict[str, Level]:
        """Skill id -> level reached, under the current knowledge base's ids."""
        with self._db.reading() as s:
            rows = s.execute(
                select(ProgressRow.skill_id, ProgressRow.level)
                .where(ProgressRow.user_id == check_id(user_id, "user id"))
                .order_by(ProgressRow.skill_id)
            ).all()
        return self._renames.progress({sid: cast(Level, lv) for sid, lv in rows})
