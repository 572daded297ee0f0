"""The knowledge base: roles, skills, pay, sources, market facts, certifications."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from careermap.api.errors import ERRORS
from careermap.api.schemas import (
    RoleDetail,
    RoleSkillOut,
    RoleSummary,
    SkillDetail,
    SkillSummary,
    SourceOut,
)
from careermap.knowledge import load
from careermap.knowledge.salary import SalaryReport, salary_bands
from careermap.knowledge.schemas import Certification, MarketFact, SkillCategory

__all__ = ["router"]

router = APIRouter(tags=["knowledge"], responses=ERRORS)
SalaryLevelIn = Literal["entry", "mid", "senior", "executive", "EN", "MI", "SE", "EX"]


@router.get("/roles", response_model=list[RoleSummary], summary="Every GenAI role")
def roles() -> list[RoleSummary]:
    kb = load()
    return [
        RoleSummary(
            id=r.id,
            title=r.title,
            summary=r.summary,
            work_styles=list(r.work_styles),
            onet=[o.code for o in r.onet],
            skills=len(r.skills),
        )
        for r in kb.roles.values()
    ]


@router.get("/roles/{role_id}", response_model=RoleDetail, summary="A role's full page")
def role(role_id: str) -> RoleDetail:
    kb = load()
    r = kb.role(role_id)
    return RoleDetail(
        role=r,
        skills=[
            RoleSkillOut(
                skill=s.skill,
                label=kb.skills[s.skill].label,
                importance=s.importance,
                level=s.level,
                why=s.why,
            )
            for s in r.skills
        ],
        courses=[kb.courses[c] for c in r.courses],
        certifications=[kb.certifications[c] for c in r.certifications],
        projects=[kb.projects[p] for p in r.projects],
        sources=[kb.sources[s] for s in r.sources],
    )


@router.get("/skills", response_model=list[SkillSummary], summary="The skill graph")
def skills(
    category: Annotated[SkillCategory | None, Query(description="one category only")] = None,
) -> list[SkillSummary]:
    kb = load()
    found = kb.iter_skills(category)
    return [
        SkillSummary(
            id=s.id,
            label=s.label,
            category=s.category,
            aliases=[*s.aliases, *s.case_sensitive_aliases],
            prerequisites=list(s.prerequisites),
        )
        for s in found
    ]


@router.get("/skills/{skill_id}", response_model=SkillDetail, summary="A skill's page")
def skill(skill_id: str) -> SkillDetail:
    kb = load()
    s = kb.skill(skill_id)
    return SkillDetail(
        skill=s,
        unlocks=list(kb.unlocks[s.id]),
        courses=[c.id for c in kb.courses_for(s.id)],
        projects=[p.id for p in kb.projects_for(s.id)],
        roles=[
            {"role": r.id, "importance": rs.importance, "level": rs.level}
            for r in kb.roles.values()
            for rs in r.skills
            if rs.skill == s.id
        ],
    )


@router.get("/salary/{role_id}", response_model=SalaryReport, summary="What a role pays")
def salary(
    role_id: str,
    level: Annotated[
        SalaryLevelIn | None,
        Query(description="entry, mid, senior or executive (or the survey's EN, MI, SE, EX)"),
    ] = None,
    country: Annotated[
        str | None, Query(max_length=80, description="country name or ISO code")
    ] = None,
    area: Annotated[
        str | None, Query(max_length=120, description="US state, metro area or city (OEWS)")
    ] = None,
) -> SalaryReport:
    return salary_bands(load(), role_id, level=level, country=country, area=area)


@router.get("/sources", response_model=list[SourceOut], summary="Every source, with licence")
def sources() -> list[SourceOut]:
    kb = load()
    counts = kb.citations()
    return [SourceOut(source=s, records=counts[s.id]) for s in kb.sources.values()]


@router.get("/facts", response_model=list[MarketFact], summary="Market facts from the sources")
def facts() -> list[MarketFact]:
    return list(load().facts.values())


@router.get(
    "/certifications", response_model=list[Certification], summary="Certifications careermap knows"
)
def certifications() -> list[Certification]:
    return list(load().certifications.values())
