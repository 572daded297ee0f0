"""Career services: an advisor's cohorts, the learners who share with them, class-list
imports and notes. An advisor sees only their own cohorts and, in them, only the learners
who chose to share; anything else answers 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from careermap.api.deps import StoreDep, check_csrf, require_role
from careermap.api.errors import AUTH_ERRORS, ERRORS
from careermap.api.schemas import (
    CohortIn,
    CohortOut,
    ImportOut,
    LearnerOut,
    NoteIn,
    NoteOut,
    RecordId,
    as_model,
)
from careermap.api.uploads import read_upload
from careermap.errors import InputError
from careermap.store.records import User

__all__ = ["router"]

router = APIRouter(tags=["cohorts"], responses={**ERRORS, **AUTH_ERRORS})
Advisor = Annotated[User, Depends(require_role("advisor", "admin"))]
CSRF = [Depends(check_csrf)]


@router.get("/cohorts", response_model=list[CohortOut], summary="Your cohorts")
def cohorts(store: StoreDep, advisor: Advisor) -> list[CohortOut]:
    return [as_model(CohortOut, c) for c in store.cohorts(advisor.id)]


@router.post(
    "/cohorts", response_model=CohortOut, status_code=201, summary="Create a cohort",
    dependencies=CSRF,
)  # fmt: skip
def create_cohort(body: CohortIn, store: StoreDep, advisor: Advisor) -> CohortOut:
    return as_model(CohortOut, store.create_cohort(advisor.id, body.name))


@router.get(
    "/cohorts/{cohort_id}/learners",
    response_model=list[LearnerOut],
    summary="The cohort's learners who share with it",
)
def learners(cohort_id: RecordId, store: StoreDep, advisor: Advisor) -> list[LearnerOut]:
    return [as_model(LearnerOut, x) for x in store.cohort_learners(advisor.id, cohort_id)]


@router.post(
    "/cohorts/{cohort_id}/import",
    response_model=ImportOut,
    summary="Import learners from a CSV (header email,name)",
    description="The CSV as the body (text/csv) or as the multipart field `file`. Each new "
    "learner gets an account with a one-time password, shown once in the answer.",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {"file": {"type": "string", "format": "binary"}},
                        "required": ["file"],
                    }
                },
            },
        }
    },
    dependencies=CSRF,
)
async def import_learners(
    cohort_id: RecordId, request: Request, store: StoreDep, advisor: Advisor
) -> ImportOut:
    from starlette.concurrency import run_in_threadpool

    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind in ("text/csv", "text/plain"):
        data = await request.body()
    else:
        upload = await read_upload(request)
        if upload.data is None:
            raise InputError("give the class list as the multipart field 'file'.")
        data = upload.data
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            "the class list is not UTF-8 text.", hint="Save it from the spreadsheet as CSV UTF-8."
        ) from None
    report = await run_in_threadpool(store.import_learners, advisor.id, cohort_id, text)
    return as_model(ImportOut, report)


@router.get(
    "/learners/{learner_id}/notes", response_model=list[NoteOut], summary="Your notes on a learner"
)
def notes(learner_id: RecordId, store: StoreDep, advisor: Advisor) -> list[NoteOut]:
    return [as_model(NoteOut, n) for n in store.notes(advisor.id, learner_id)]


@router.delete(
    "/notes/{note_id}", status_code=204, summary="Delete one of your notes", dependencies=CSRF
)
def delete_note(note_id: RecordId, store: StoreDep, advisor: Advisor) -> Response:
    store.delete_note(advisor.id, note_id)
    return Response(status_code=204)


@router.post(
    "/learners/{learner_id}/notes",
    response_model=NoteOut,
    status_code=201,
    summary="Add a note on a learner who shares with you",
    dependencies=CSRF,
)
def add_note(learner_id: RecordId, body: NoteIn, store: StoreDep, advisor: Advisor) -> NoteOut:
    return as_model(NoteOut, store.add_note(advisor.id, learner_id, body.text))
