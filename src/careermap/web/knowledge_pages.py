"""Pages that explore the knowledge base: roles, a role, skills, a skill, pay, sources.

They show what ``careermap role``, ``careermap skill`` and ``careermap salary`` print, read
from the same knowledge base and salary queries.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from careermap.knowledge import LEVELS, SKILL_CATEGORIES, load
from careermap.knowledge.schemas import IMPORTANCE_ORDER
from careermap.web.charts import Bar, range_chart
from careermap.web.deps import get_visit
from careermap.web.render import page
from careermap.web.routing import PageRoute, see_other
from careermap.web.visit import Visit

__all__ = ["router"]

router = APIRouter(route_class=PageRoute)
VisitDep = Annotated[Visit, Depends(get_visit)]

SALARY_LEVELS = ("entry", "mid", "senior", "executive")
#: how many countries the "by place" chart compares (those with the most salary reports)
PLACES = 10


def _status(status: str, retired_on: object, successor: str | None) -> str:
    if status != "retired":
        return ""
    return f"retired on {retired_on}" + (f", succeeded by {successor}" if successor else "")


@router.get("/roles", response_class=HTMLResponse)
def roles_page(request: Request, visit: VisitDep) -> Response:
    from careermap.knowledge.salary import stated_figures

    kb = load()
    rows = []
    for r in sorted(kb.roles.values(), key=lambda r: r.title):
        given = [stated_figures(s) for s in r.salary if s.low is not None or s.high is not None]
        rows.append(
            {
                "role": r,
                "essential": sum(1 for s in r.skills if s.importance == "essential"),
                "pay": given[0] if given else None,
            }
        )
    return page(request, "roles.html", visit.context("roles", rows=rows), private=False)


@router.get("/roles/{role_id}", response_class=HTMLResponse)
def role_page(request: Request, role_id: str, visit: VisitDep) -> Response:
    from careermap.knowledge.salary import stated_figures

    kb = load()
    role = kb.role(role_id)
    if role.id != role_id:
        return see_other(f"/roles/{role.id}")
    skills = sorted(
        role.skills, key=lambda s: (IMPORTANCE_ORDER[s.importance], -LEVELS.index(s.level))
    )
    context = visit.context(
        "roles",
        role=role,
        skills=[(s, kb.skills[s.skill]) for s in skills],
        categories=SKILL_CATEGORIES,
        competencies=[kb.skills[c] for c in role.competencies],
        tools=[kb.skills[t] for t in role.tools],
        stated=[(rng, stated_figures(rng)) for rng in role.salary],
        courses=[
            (c, _status(c.status, c.retired_on, c.successor))
            for c in (kb.courses[cid] for cid in role.courses)
        ],
        certifications=[
            (c, _status(c.status, c.retired_on, c.successor))
            for c in (kb.certifications[cid] for cid in role.certifications)
        ],
        projects=[kb.projects[p] for p in role.projects],
        sources=[kb.sources[s] for s in role.sources],
    )
    return page(request, "role.html", context, private=False)


@router.get("/skills", response_class=HTMLResponse)
def skills_page(
    request: Request, visit: VisitDep, category: Annotated[str | None, Query()] = None
) -> Response:
    kb = load()
    if category == "":
        category = None
    skills = kb.iter_skills(category)
    groups: dict[str, list[Any]] = {}
    for s in skills:
        groups.setdefault(s.category, []).append((s, len(kb.roles_needing(s.id))))
    context = visit.context(
        "skills",
        groups=groups,
        categories=SKILL_CATEGORIES,
        category=category,
        total=len(skills),
    )
    return page(request, "skills.html", context, private=False)


@router.get("/skills/{skill_id}", response_class=HTMLResponse)
def skill_page(request: Request, skill_id: str, visit: VisitDep) -> Response:
    kb = load()
    skill = kb.skill(skill_id)
    if skill.id != skill_id:
        return see_other(f"/skills/{skill.id}")
    needed = [
        (r, s) for r in sorted(kb.roles.values(), key=lambda r: r.title) for s in r.skills
        if s.skill == skill.id
    ]  # fmt: skip
    courses = [
        (c, next(x.level for x in c.skills if x.skill == skill.id))
        for c in kb.courses_for(skill.id)
    ]
    esco = []
    if skill.esco:
        from careermap.knowledge import broad

        for link in skill.esco:
            hit = broad.esco_skill(link.uri)
            esco.append((link, hit.label if hit else None))
    context = visit.context(
        "skills",
        skill=skill,
        category=SKILL_CATEGORIES[skill.category],
        levels=[(lv, getattr(skill.levels, lv), getattr(skill.hours, lv)) for lv in LEVELS],
        prerequisites=[kb.skills[p] for p in skill.prerequisites],
        unlocks=[kb.skills[u] for u in kb.unlocks[skill.id]],
        needed=needed,
        courses=courses,
        projects=kb.projects_for(skill.id),
        esco=esco,
        sources=[kb.sources[s] for s in skill.sources],
    )
    return page(request, "skill.html", context, private=False)


# ---------------------------------------------------------------- pay


def _survey_bar(report: Any, label: str) -> Bar:
    """The survey band a chart row shows: the role's own titles before proxies, then the
    most reports."""
    bands = [b for b in report.bands if b.kind == "survey"]
    bands.sort(key=lambda b: (b.proxy, -(b.n or 0)))
    if not bands:
        return Bar(label, None, note="no survey reports")
    b = bands[0]
    if b.small_sample or b.median is None:
        return Bar(label, None, n=b.n, note=f"too few reports ({b.n or 0})")
    return Bar(label, b.median, b.p25, b.p75, b.n, note="proxy titles" if b.proxy else "")


def _by_level(kb: Any, role: str, country: str) -> list[Bar]:
    from careermap.knowledge.salary import salary_bands

    return [
        _survey_bar(salary_bands(kb, role, level=lv, country=country), lv) for lv in SALARY_LEVELS
    ]


def _by_place(kb: Any, role: str, level: str | None) -> list[Bar]:
    from careermap.knowledge.salary import list_countries, salary_bands

    bars = []
    for c in list_countries()[:PLACES]:
        bars.append(_survey_bar(salary_bands(kb, role, level=level, country=c.code), c.name))
    return bars


@router.get("/salary", response_class=HTMLResponse)
def salary_index(request: Request, visit: VisitDep) -> Response:
    role = request.query_params.get("role")
    if role:
        kb = load()
        query = {k: v for k, v in request.query_params.items() if k != "role" and v}
        from urllib.parse import urlencode

        tail = ("?" + urlencode(query)) if query else ""
        return see_other(f"/salary/{kb.role(role).id}{tail}")
    return salary_page(request, "data-scientist", visit)


@router.get("/salary/{role_id}", response_class=HTMLResponse)
def salary_page(
    request: Request,
    role_id: str,
    visit: VisitDep,
    level: Annotated[str | None, Query()] = None,
    country: Annotated[str | None, Query()] = None,
    area: Annotated[str | None, Query()] = None,
) -> Response:
    from careermap.knowledge.salary import (
        list_areas,
        list_countries,
        normalise_level,
        resolve_country,
        salary_bands,
    )

    kb = load()
    role = kb.role(role_id)
    level = normalise_level(level or None)
    country = (country or "").strip() or None
    area = (area or "").strip() or None
    report = salary_bands(kb, role.id, level=level, country=country, area=area)
    chart_country = resolve_country(country).code if country else "US"
    chart_country_name = resolve_country(chart_country).name
    by_level = range_chart(
        f"{role.title}: yearly pay by level, {chart_country_name} (survey, USD)",
        _by_level(kb, role.id, chart_country),
    )
    by_place = range_chart(
        f"{role.title}: yearly pay by country, {level or 'all levels'} (survey, USD)",
        _by_place(kb, role.id, level),
    )
    notes: list[str] = []
    for b in report.bands:
        if b.kind == "survey" and b.basis:
            notes.append(f"{b.dataset} ({b.fit}): {b.basis}.")
        if b.note:
            notes.append(f"{b.dataset}: {b.note}")
    context = visit.context(
        "salary",
        role=role,
        roles=sorted(kb.roles.values(), key=lambda r: r.title),
        report=report,
        level=level,
        country=country or "",
        area=area or "",
        levels=SALARY_LEVELS,
        countries=[c for c in list_countries() if c.salary_rows >= 10],
        areas=[a.name for a in list_areas() if a.kind == "state"],
        by_level=by_level,
        by_place=by_place,
        notes=list(dict.fromkeys(notes + report.notes)),
    )
    return page(request, "salary.html", context, private=False)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, visit: VisitDep) -> Response:
    kb = load()
    counts = kb.citations()
    rows = [(s, counts[s.id]) for s in kb.sources.values()]
    return page(request, "sources.html", visit.context("", rows=rows), private=False)
