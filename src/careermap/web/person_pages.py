"""A person's pages: the start form, the results of a saved plan, progress ticks that
re-plan in place, the list of saved plans, and a plan's downloads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from careermap.api.deps import CsrfChecked
from careermap.api.people import replan_person
from careermap.errors import CareermapError, InputError
from careermap.knowledge import LEVELS, load
from careermap.web.deps import get_visit, person
from careermap.web.forms import (
    Document,
    date_field,
    float_field,
    int_field,
    read_form,
    text,
    upload,
)
from careermap.web.render import fragment, page
from careermap.web.results import Results, gather
from careermap.web.routing import PageRoute, is_htmx, see_other
from careermap.web.visit import Visit

if TYPE_CHECKING:
    from careermap.service import PlanOptions

__all__ = ["router"]

router = APIRouter(route_class=PageRoute)
VisitDep = Annotated[Visit, Depends(get_visit)]
PersonDep = Annotated[Visit, Depends(person)]

FORMATS = {
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
    "ics": "text/calendar; charset=utf-8",
    "html": "text/html; charset=utf-8",
}


def quiz_done(visit: Visit) -> bool:
    """Whether the person has answered every quiz item that must be answered."""
    from careermap.quiz import parse_answers

    if visit.user is None:
        return False
    answers = visit.store.answers(visit.user.id)
    if not answers:
        return False
    try:
        parse_answers(answers)
    except InputError:
        return False
    return True


def _start_page(
    request: Request,
    visit: Visit,
    *,
    values: dict[str, str] | None = None,
    error: CareermapError | None = None,
    status: int = 200,
) -> Response:
    from careermap.runtime import get_runtime
    from careermap.service import next_monday

    kb = load()
    values = values or {}
    context = visit.context(
        "start",
        roles=sorted(kb.roles.values(), key=lambda r: r.title),
        quiz_done=quiz_done(visit),
        values={
            "hours_per_week": values.get("hours_per_week", "8"),
            "start": values.get("start", next_monday().isoformat()),
            "weeks": values.get("weeks", ""),
            "until": values.get("until", ""),
            "role": values.get("role", ""),
            "text": values.get("text", ""),
            "use_quiz": values.get("use_quiz", ""),
        },
        error=error,
        max_mb=get_runtime().settings.max_document_mb,
    )
    return page(request, "start.html", context, status=status)


@router.get("/", response_class=HTMLResponse)
def start_page(request: Request, visit: VisitDep) -> Response:
    if visit.accounts and visit.user is None:
        return page(request, "welcome.html", visit.context("start"))
    return _start_page(request, visit)


@dataclass(frozen=True)
class StartForm:
    document: Document | None
    use_quiz: bool
    role: str | None
    options: PlanOptions
    keep_document: bool


async def _start_form(form: FormData) -> StartForm:
    from careermap.service import PlanOptions, next_monday

    hours = float_field(form, "hours_per_week", "Hours a week", 8.0)
    if not 0 < hours <= 80:
        raise InputError(
            f"hours a week must be more than 0 and at most 80 (got {hours:g}).",
            hint="Most people plan 4 to 10 hours a week beside a job.",
        )
    start = date_field(form, "start", "The start date") or next_monday()
    weeks = int_field(form, "weeks", "The time box in weeks")
    until = date_field(form, "until", "The end date")
    role = text(form, "role", limit=100) or None
    if role is not None:
        role = load().role(role).id
    return StartForm(
        document=await upload(form),
        use_quiz=text(form, "use_quiz") == "on",
        role=role,
        options=PlanOptions(hours_per_week=hours, start=start, weeks=weeks, until=until),
        keep_document=text(form, "keep_document") == "on",
    )


def _run_start(visit: Visit, sent: StartForm) -> int:
    """Read, score, choose, plan and save; the new plan's id."""
    from careermap.quiz import parse_answers
    from careermap.service import (
        choose_target,
        make_plan,
        match,
        merge_profiles,
        quiz_profile,
        read_person,
    )

    assert visit.user is not None
    kb = load()
    resume = None
    if sent.document is not None:
        resume = read_person(sent.document.data, name=sent.document.name, kb=kb).profile
    quiz = None
    if sent.use_quiz:
        answers = visit.store.answers(visit.user.id)
        if not answers:
            raise InputError(
                "you have not taken the quiz yet.", hint="Take it first, or leave the box empty."
            )
        quiz = quiz_profile(parse_answers(answers, where="your quiz answers"), kb)
    if resume is None and quiz is None:
        raise InputError(
            "give careermap a résumé: choose a file or paste its text.",
            hint="Or take the quiz and tick 'use my quiz answers'.",
        )
    profile = merge_profiles(resume, quiz)
    report = match(profile, kb=kb)
    target = choose_target(profile, report, sent.role, kb=kb)
    _, plan = make_plan(profile, target.role, sent.options, kb=kb)
    progress: dict[str, str] = dict(visit.store.progress(visit.user.id))
    if progress:  # what the person has marked learned stays learned in a new plan too
        from careermap.service import replan_saved

        plan = replan_saved(plan, progress, kb=kb)
    name = sent.document.name if sent.document is not None else "quiz answers"
    keep = sent.document.data if sent.document is not None and sent.keep_document else None
    saved = visit.store.save_profile(visit.user.id, profile, document_name=name, document=keep)
    return visit.store.save_plan(visit.user.id, plan, profile_id=saved.id).id


@router.post("/start", response_class=HTMLResponse, dependencies=[CsrfChecked])
async def start_post(request: Request, visit: PersonDep) -> Response:
    form = await read_form(request)
    values = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    try:
        sent = await _start_form(form)
        plan_id = await run_in_threadpool(_run_start, visit, sent)
    except CareermapError as exc:
        if exc.http_status >= 500:
            raise
        # what the person sent cannot be used: the form again, with what they typed
        return _start_page(request, visit, values=values, error=exc, status=422)
    return see_other(f"/plans/{plan_id}")


# ---------------------------------------------------------------- results


def _results_context(request: Request, visit: Visit, results: Results) -> dict[str, Any]:
    from markupsafe import Markup

    from careermap.api.people import calendar_url
    from careermap.plan.exports import timeline_svg

    kb = load()
    base = str(request.base_url).rstrip("/")
    return visit.context(
        "plans",
        r=results,
        plan=results.plan,
        # the core draws the timeline with every text escaped (plan.exports.svg)
        timeline=Markup(timeline_svg(results.plan)),
        calendar=base + calendar_url(results.record.calendar_token),
        course_titles={c.course: c.title for c in results.plan.courses},
        skill_label=lambda sid: kb.skills[sid].label if sid in kb.skills else sid,
        levels=LEVELS,
        left_out=[e for e in results.plan.extras if e.reason == "over-budget"],
        oob=False,
    )


@router.get("/plans/{plan_id}", response_class=HTMLResponse)
def results_page(request: Request, plan_id: int, visit: PersonDep) -> Response:
    assert visit.user is not None
    results = gather(visit.store, visit.user.id, plan_id)
    return page(request, "results.html", _results_context(request, visit, results))


@router.post("/plans/{plan_id}/progress", response_class=HTMLResponse, dependencies=[CsrfChecked])
async def tick(request: Request, plan_id: int, visit: PersonDep) -> Response:
    """A skill ticked (or unticked) on the results page: the progress is saved by skill
    id, and the plan and the scores are drawn again."""
    assert visit.user is not None
    user_id = visit.user.id
    form = await read_form(request, max_fields=10)
    kb = load()
    skill = kb.skill(text(form, "skill", limit=100)).id
    level = text(form, "level", limit=20)
    if level not in LEVELS:
        raise InputError(f"'{level[:20]}' is not a level.", hint="Reload the page and try again.")
    done = text(form, "done") == "on"

    def save_and_gather() -> Results:
        visit.store.plan(user_id, plan_id)  # the plan is the person's (else 404)
        visit.store.set_progress(user_id, skill, level if done else None)
        replan_person(visit.store, user_id, load())
        return gather(visit.store, user_id, plan_id)

    results = await run_in_threadpool(save_and_gather)
    if not is_htmx(request):
        return see_other(f"/plans/{plan_id}#gap")
    context = _results_context(request, visit, results)
    label = kb.skills[skill].label
    context["saved"] = (
        f"Saved: {label} marked learned. The plan and the scores are updated."
        if done
        else f"Saved: {label} is back in the plan."
    )
    html = fragment("parts/ticked.html", **context)
    return HTMLResponse(html, headers={"Cache-Control": "no-store"})


@router.get("/plans", response_class=HTMLResponse)
def plans_page(request: Request, visit: PersonDep) -> Response:
    assert visit.user is not None
    kb = load()
    plans = visit.store.plans(visit.user.id)
    profiles = {p.id: p for p in visit.store.profiles(visit.user.id)}
    rows = [
        (p, profiles.get(p.profile_id) if p.profile_id is not None else None, kb.roles.get(p.role))
        for p in plans
    ]
    return page(request, "plans.html", visit.context("plans", rows=rows))


@router.get("/plans/{plan_id}/plan.{fmt}")
def download(request: Request, plan_id: int, fmt: str, visit: PersonDep) -> Response:
    """The plan as it stands (re-planned with the person's progress) as a file to keep:
    md, json, ics or html."""
    from careermap.plan.exports import render

    assert visit.user is not None
    if fmt not in FORMATS:
        raise InputError(
            f"careermap has no '{fmt[:20]}' download.", hint="Use md, json, ics or html."
        )
    record = visit.store.plan(visit.user.id, plan_id)
    body = render(record.plan, fmt)
    name = f"careermap-plan-{record.plan.role}.{fmt}"
    return Response(
        body,
        media_type=FORMATS[fmt],
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )
