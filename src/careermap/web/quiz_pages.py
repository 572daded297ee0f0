"""The career quiz on the web: three sections of native radio groups, saved as you go.

Each answer is saved to the store when it changes (htmx posts the section's form); without
script the section's "Next" button saves it. The result page ranks every role with
careermap's one scorer, the same ``careermap quiz`` uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from careermap.api.deps import CsrfChecked
from careermap.errors import InputError, NotFoundError
from careermap.web.deps import person
from careermap.web.forms import read_form
from careermap.web.render import fragment, page
from careermap.web.routing import PageRoute, is_htmx, see_other
from careermap.web.visit import Visit

__all__ = ["SECTIONS", "router"]

router = APIRouter(route_class=PageRoute)
PersonDep = Annotated[Visit, Depends(person)]


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    intro: str


SECTIONS: tuple[Section, ...] = (
    Section(
        "interests",
        "Interests",
        "Thirty everyday activities, some nothing to do with AI. Answer from your gut: "
        "how would you feel about doing each one?",
    ),
    Section(
        "work-styles",
        "Work style",
        "How you like to work. There are no right answers.",
    ),
    Section(
        "self-ratings",
        "Your skills today",
        "Where you are in each area. Leave one at 'none' if you have not worked in it.",
    ),
)
_BY_SLUG = {s.slug: s for s in SECTIONS}


def _section(slug: str) -> Section:
    found = _BY_SLUG.get(slug)
    if found is None:
        raise NotFoundError(
            f"the quiz has no section '{slug[:40]}'.",
            hint="Its sections are " + ", ".join(s.slug for s in SECTIONS) + ".",
        )
    return found


def _items(slug: str) -> list[Any]:
    from careermap.quiz import load_items

    bank = load_items()
    sections: dict[str, list[Any]] = {
        "interests": list(bank.interests),
        "work-styles": list(bank.work_styles),
        "self-ratings": list(bank.self_ratings),
    }
    return sections[slug]


def _choices(slug: str, item: Any) -> list[tuple[str, str]]:
    """(value, label) of an item's answers, lowest first."""
    from careermap.quiz import RATING_VALUES, SCALE_VALUES, load_items

    bank = load_items()
    if slug == "self-ratings":
        out = [("none", "None yet")]
        for value in RATING_VALUES[1:]:
            out.append((value, f"{value.capitalize()}: {getattr(item.levels, value)}"))
        return out
    scale = bank.scales.interest if slug == "interests" else bank.scales.agreement
    return [(str(v), scale.labels[v]) for v in SCALE_VALUES]


def _stored(visit: Visit) -> dict[str, Any]:
    assert visit.user is not None
    return dict(visit.store.answers(visit.user.id) or {})


def _counts(answers: dict[str, Any]) -> dict[str, tuple[int, int]]:
    return {
        s.slug: (sum(1 for i in _items(s.slug) if i.id in answers), len(_items(s.slug)))
        for s in SECTIONS
    }


def _status(slug: str, answers: dict[str, Any]) -> str:
    done, total = _counts(answers)[slug]
    if slug == "self-ratings":
        return f"Saved. {done} of {total} rated (any left out count as none)."
    return f"Saved. {done} of {total} answered in this section."


@router.get("/quiz", response_class=HTMLResponse)
def quiz_home(request: Request, visit: PersonDep) -> Response:
    answers = _stored(visit)
    context = visit.context("quiz", sections=SECTIONS, counts=_counts(answers))
    return page(request, "quiz_home.html", context)


@router.get("/quiz/result", response_class=HTMLResponse)
def quiz_result(request: Request, visit: PersonDep) -> Response:
    from careermap.knowledge import load
    from careermap.quiz import AREA_NAMES, parse_answers, score_quiz
    from careermap.quiz.items import STYLE_NAMES

    answers = _stored(visit)
    try:
        checked = parse_answers(answers, where="your answers")
    except InputError as exc:
        context = visit.context(
            "quiz", sections=SECTIONS, counts=_counts(answers), error=exc, result=None
        )
        return page(request, "quiz_result.html", context)
    result = score_quiz(checked, load())
    context = visit.context(
        "quiz",
        sections=SECTIONS,
        counts=_counts(answers),
        error=None,
        result=result,
        areas=AREA_NAMES,
        styles=STYLE_NAMES,
    )
    return page(request, "quiz_result.html", context)


@router.get("/quiz/{slug}", response_class=HTMLResponse)
def quiz_section(request: Request, slug: str, visit: PersonDep) -> Response:
    from careermap.quiz import load_items

    section = _section(slug)
    answers = _stored(visit)
    bank = load_items()
    prompt = {
        "interests": bank.scales.interest.prompt,
        "work-styles": bank.scales.agreement.prompt,
        "self-ratings": bank.scales.self_rating.prompt,
    }[slug]
    index = SECTIONS.index(section)
    context = visit.context(
        "quiz",
        section=section,
        sections=SECTIONS,
        counts=_counts(answers),
        prompt=prompt,
        items=[(item, _choices(slug, item), answers.get(item.id)) for item in _items(slug)],
        next=SECTIONS[index + 1] if index + 1 < len(SECTIONS) else None,
        previous=SECTIONS[index - 1] if index > 0 else None,
    )
    return page(request, "quiz_section.html", context)


@router.post("/quiz/{slug}", response_class=HTMLResponse, dependencies=[CsrfChecked])
async def quiz_save(request: Request, slug: str, visit: PersonDep) -> Response:
    """Save the answers of one section (those sent; the others stay as they were)."""
    from careermap.quiz import check_answer, load_items

    section = _section(slug)
    form = await read_form(request)
    bank = load_items()
    sent: dict[str, Any] = {}
    for item in _items(slug):
        value = form.get(item.id)
        if isinstance(value, str) and value:
            sent[item.id] = check_answer(item, value, bank)
    assert visit.user is not None
    user_id = visit.user.id

    def save() -> dict[str, Any]:
        answers = {**(visit.store.answers(user_id) or {}), **sent}
        visit.store.save_answers(user_id, answers)
        return answers

    answers = await run_in_threadpool(save)
    if is_htmx(request):
        html = fragment("parts/quiz_status.html", status=_status(slug, answers))
        return HTMLResponse(html, headers={"Cache-Control": "no-store"})
    index = SECTIONS.index(section)
    after = SECTIONS[index + 1].slug if index + 1 < len(SECTIONS) else "result"
    return see_other(f"/quiz/{after}")
