"""A person's saved data: profiles, plans (with exports and a calendar), progress, quiz
answers, cohorts they share with, and the data rights (export everything, delete it all).

Every id is looked up among the asking user's own records: another user's id answers 404,
exactly as one that does not exist, so ids reveal nothing.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, Path, Request, Response
from starlette.concurrency import run_in_threadpool

from careermap.api.deps import StoreDep, UserDep, check_csrf, close_session
from careermap.api.errors import AUTH_ERRORS, ERRORS
from careermap.api.people import calendar_url, person_profile, replan_person
from careermap.api.schemas import (
    AnswersIn,
    JoinIn,
    PlanRecordOut,
    PlanSummary,
    ProfileRecordOut,
    ProfileSummary,
    ProgressOut,
    RecordId,
    SavePlanIn,
    SharingIn,
)
from careermap.errors import InputError
from careermap.knowledge import load
from careermap.knowledge.schemas import Level
from careermap.plan.exports import render
from careermap.service import make_plan, replan_saved

__all__ = ["router"]

router = APIRouter(tags=["saved"], responses={**ERRORS, **AUTH_ERRORS})

CSRF = [Depends(check_csrf)]


def _plan_out(record: object) -> PlanRecordOut:
    from careermap.store.records import PlanRecord

    assert isinstance(record, PlanRecord)
    return PlanRecordOut(
        id=record.id,
        created=record.created,
        role=record.role,
        calendar_url=calendar_url(record.calendar_token),
        plan=record.plan,
    )


# ---------------------------------------------------------------- profiles


@router.get("/profiles", response_model=list[ProfileSummary], summary="Your saved profiles")
def profiles(store: StoreDep, user: UserDep) -> list[ProfileSummary]:
    return [
        ProfileSummary(
            id=p.id,
            created=p.created,
            document_name=p.document_name,
            has_document=p.has_document,
            skills=len(p.profile.skills),
        )
        for p in store.profiles(user.id)
    ]


@router.get("/profiles/{profile_id}", response_model=ProfileRecordOut, summary="A saved profile")
def profile(profile_id: RecordId, store: StoreDep, user: UserDep) -> ProfileRecordOut:
    p = store.profile(user.id, profile_id)
    return ProfileRecordOut(
        id=p.id,
        created=p.created,
        document_name=p.document_name,
        has_document=p.has_document,
        profile=p.profile,
    )


@router.delete(
    "/profiles/{profile_id}",
    status_code=204,
    summary="Delete a profile and its document",
    dependencies=CSRF,
)
def delete_profile(profile_id: RecordId, store: StoreDep, user: UserDep) -> Response:
    store.delete_profile(user.id, profile_id)
    return Response(status_code=204)


# ---------------------------------------------------------------- plans


@router.get("/plans", response_model=list[PlanSummary], summary="Your saved plans")
def plans(store: StoreDep, user: UserDep) -> list[PlanSummary]:
    return [
        PlanSummary(
            id=p.id,
            created=p.created,
            role=p.role,
            role_title=p.plan.role_title,
            start=p.plan.start,
            end=p.plan.end,
            weeks=p.plan.weeks,
            calendar_url=calendar_url(p.calendar_token),
        )
        for p in store.plans(user.id)
    ]


@router.post(
    "/plans",
    response_model=PlanRecordOut,
    status_code=201,
    summary="Build a plan for a person and save it",
    dependencies=CSRF,
)
async def save_plan(body: SavePlanIn, store: StoreDep, user: UserDep) -> PlanRecordOut:
    def work() -> PlanRecordOut:
        kb = load()
        profile = person_profile(body, store, user, kb)
        progress = store.progress(user.id)
        _, plan = make_plan(profile, kb.role(body.role).id, body.options, kb=kb)
        if progress:
            plan = replan_saved(plan, dict(progress), kb=kb)
        return _plan_out(store.save_plan(user.id, plan, profile_id=body.profile_id))

    return await run_in_threadpool(work)


@router.get("/plans/{plan_id}", response_model=PlanRecordOut, summary="A saved plan")
def plan(plan_id: RecordId, store: StoreDep, user: UserDep) -> PlanRecordOut:
    return _plan_out(store.plan(user.id, plan_id))


@router.delete(
    "/plans/{plan_id}", status_code=204, summary="Delete a plan (its calendar stops)",
    dependencies=CSRF,
)  # fmt: skip
def delete_plan(plan_id: RecordId, store: StoreDep, user: UserDep) -> Response:
    store.delete_plan(user.id, plan_id)
    return Response(status_code=204)


_EXPORT_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
    "ics": "text/calendar; charset=utf-8",
    "html": "text/html; charset=utf-8",
}


@router.get(
    "/plans/{plan_id}/export.{fmt}",
    summary="Download a saved plan as Markdown, JSON, iCalendar or HTML",
    response_class=Response,
    responses={200: {"content": {t.split(";")[0]: {} for t in _EXPORT_TYPES.values()}}},
)
def export_plan(
    plan_id: RecordId,
    fmt: Annotated[Literal["md", "json", "ics", "html"], Path(description="the format")],
    store: StoreDep,
    user: UserDep,
) -> Response:
    record = store.plan(user.id, plan_id)
    name = f"careermap-plan-{record.role}.{fmt}"
    return Response(
        render(record.plan, fmt),
        media_type=_EXPORT_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


# ---------------------------------------------------------------- progress


@router.get("/progress", response_model=ProgressOut, summary="Skills you have marked learned")
def progress(store: StoreDep, user: UserDep) -> ProgressOut:
    return ProgressOut(progress=store.progress(user.id))


@router.put(
    "/progress",
    response_model=ProgressOut,
    summary="Mark skills learned (a level) or clear them (null); saved plans re-plan",
    dependencies=CSRF,
)
async def set_progress(
    body: Annotated[
        dict[str, Level | None],
        Body(description="skill id -> level reached, or null to clear it"),
    ],
    store: StoreDep,
    user: UserDep,
) -> ProgressOut:
    if len(body) > 1000:
        raise InputError("at most 1,000 skills in one request.")

    def work() -> ProgressOut:
        kb = load()
        resolved = {kb.skill(raw).id: level for raw, level in body.items()}
        for sid, level in resolved.items():
            store.set_progress(user.id, sid, level)
        replanned = replan_person(store, user.id, kb)
        return ProgressOut(progress=store.progress(user.id), replanned=replanned)

    return await run_in_threadpool(work)


# ---------------------------------------------------------------- quiz answers


@router.get("/quiz/answers", response_model=AnswersIn, summary="Your saved quiz answers")
def saved_answers(store: StoreDep, user: UserDep) -> AnswersIn:
    found = store.answers(user.id) or {}
    return AnswersIn.model_validate({"answers": found})


@router.put(
    "/quiz/answers",
    response_model=AnswersIn,
    summary="Save quiz answers (some or all; they replace earlier ones)",
    dependencies=CSRF,
)
def save_answers(body: AnswersIn, store: StoreDep, user: UserDep) -> AnswersIn:
    store.save_answers(user.id, dict(body.answers))
    return body


# ---------------------------------------------------------------- cohorts, as a learner


@router.post(
    "/me/cohorts",
    status_code=204,
    summary="Join a cohort with the join code its advisor gave you",
    dependencies=CSRF,
)
def join_cohort(body: JoinIn, store: StoreDep, user: UserDep) -> Response:
    store.join_cohort(user.id, body.cohort_id, shared=body.shared, code=body.code)
    return Response(status_code=204)


@router.delete(
    "/me/cohorts/{cohort_id}", status_code=204, summary="Leave a cohort", dependencies=CSRF
)
def leave_cohort(cohort_id: RecordId, store: StoreDep, user: UserDep) -> Response:
    store.leave_cohort(user.id, cohort_id)
    return Response(status_code=204)


@router.put(
    "/me/cohorts/{cohort_id}",
    status_code=204,
    summary="Share (or stop sharing) your plan and progress with a cohort",
    dependencies=CSRF,
)
def set_sharing(cohort_id: RecordId, body: SharingIn, store: StoreDep, user: UserDep) -> Response:
    store.set_sharing(user.id, cohort_id, body.shared)
    return Response(status_code=204)


# ---------------------------------------------------------------- data rights


@router.get(
    "/me/export",
    summary="Everything careermap holds about you, as one JSON file",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}},
)
def export_me(store: StoreDep, user: UserDep) -> Response:
    data = store.export_user(user.id)
    name = f"careermap-export-{date.today().isoformat()}.json"
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8"),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.delete(
    "/me",
    response_model=dict[str, int],
    summary="Delete your account and everything careermap holds about you",
    dependencies=CSRF,
)
def delete_me(
    request: Request, response: Response, store: StoreDep, user: UserDep
) -> dict[str, int]:
    removed = store.delete_user(user.id)
    close_session(request, response)
    return removed
