"""Importing a class list: accounts for the learners of a CSV, put in a cohort."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select

from careermap.accounts import hash_password, new_one_time_password, normalize_email
from careermap.errors import CareermapError, ConflictError, InputError
from careermap.store.cohorts import CohortsPart
from careermap.store.models import CohortMember, UserRow
from careermap.store.records import ImportedLearner, ImportReport

__all__ = ["MAX_IMPORT_ROWS", "RosterPart"]

#: rows one import may hold (each new account costs one password hash, ~50 ms)
MAX_IMPORT_ROWS = 500
_MAX_NAME = 200


def _read_csv(text: str) -> tuple[list[str], list[list[str]]]:
    if not isinstance(text, str) or not text.strip():
        raise InputError(
            "the CSV is empty.", hint="Give a header row 'email,name' and one learner a row."
        )
    text = text.lstrip("\ufeff")
    first = text.splitlines()[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(
            f"the CSV cannot be read ({exc}).", hint="Save it again as plain CSV (UTF-8)."
        ) from None
    header = [h.strip().lower() for h in rows[0]]
    if "email" not in header:
        raise InputError(
            "the CSV's first row must be a header naming its columns.",
            hint="Start it with the line: email,name",
        )
    body = rows[1:]
    if len(body) > MAX_IMPORT_ROWS:
        raise InputError(
            f"the CSV has {len(body)} learners; one import takes at most {MAX_IMPORT_ROWS}.",
            hint="Split it into several files.",
        )
    return header, body


class RosterPart(CohortsPart):
    # ---- importing a class list --------------------------------------------------------
    def import_learners(self, advisor_id: int, cohort_id: int, csv_text: str) -> ImportReport:
        """Accounts for the learners of a CSV (header row ``email,name``; other columns are
        ignored), each put in the cohort, not sharing until the learner chooses to.

        A new account gets a random one-time password, returned once in the report for the
        advisor to hand over; the learner is asked to change it at first sign-in. A learner
        who already has an account is added to the cohort. Every other row is skipped with
        its reason; rows are numbered as in a spreadsheet (the header is row 1).
        """
        with self._db.reading() as s:
            self._own_cohort(s, advisor_id, cohort_id)
        header, body = _read_csv(csv_text)
        at_email, at_name = header.index("email"), header.index("name") if "name" in header else -1
        created: list[ImportedLearner] = []
        added: list[str] = []
        skipped: list[tuple[int, str]] = []
        seen: dict[str, int] = {}
        for number, cells in enumerate(body, start=2):
            if not any(c.strip() for c in cells):
                skipped.append((number, "empty row"))
                continue
            raw = cells[at_email] if at_email < len(cells) else ""
            try:
                address = normalize_email(raw)
            except InputError:
                skipped.append((number, "no valid e-mail address"))
                continue
            if address in seen:
                skipped.append((number, f"same e-mail address as row {seen[address]}"))
                continue
            seen[address] = number
            name = " ".join(cells[at_name].split()) if 0 <= at_name < len(cells) else ""
            if len(name) > _MAX_NAME:
                skipped.append((number, f"name longer than {_MAX_NAME} characters"))
                continue
            try:
                outcome = self._import_one(cohort_id, address, name or None)
            except CareermapError as exc:
                skipped.append((number, exc.message))
                continue
            if isinstance(outcome, ImportedLearner):
                created.append(outcome)
            else:
                added.append(outcome)
        return ImportReport(created=created, added=added, skipped=skipped)

    def _import_one(self, cohort_id: int, address: str, name: str | None) -> ImportedLearner | str:
        with self._db.writing() as s:
            existing = s.scalar(select(UserRow).where(UserRow.email == address))
            if existing is not None:
                if existing.role != "learner":
                    raise InputError("the address belongs to an advisor or admin account")
                if s.get(CohortMember, (cohort_id, existing.id)) is not None:
                    raise InputError("already in this cohort")
                s.add(
                    CohortMember(
                        cohort_id=cohort_id,
                        learner_id=existing.id,
                        shared=False,
                        joined=self._now(),
                    )
                )
                return address
        password = new_one_time_password()
        hashed = hash_password(password)
        try:
            with self._db.writing() as s:
                row = UserRow(
                    email=address,
                    name=name,
                    password_hash=hashed,
                    role="learner",
                    must_change_password=True,
                    created=self._now(),
                )
                s.add(row)
                s.flush()
                s.add(
                    CohortMember(
                        cohort_id=cohort_id, learner_id=row.id, shared=False, joined=self._now()
                    )
                )
                return ImportedLearner(
                    user_id=row.id, email=address, name=name, one_time_password=password
                )
        except ConflictError:
            raise InputError("an account with this address was created meanwhile") from None
