"""O*NET occupations, titles, technology skills, interests, job zones, tasks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from careermap.knowledge.broad._db import (
    RIASEC,
    _one,
    _onet,
    _q,
    connect,
)

__all__ = [
    "EducationShare",
    "JobZone",
    "OnetOccupation",
    "OnetTitle",
    "RelatedOccupation",
    "Task",
    "TechFlags",
    "TechSkill",
    "education",
    "interest_high_points",
    "interests",
    "job_zone",
    "job_zone_info",
    "onet_alternate_titles",
    "onet_occupation",
    "onet_occupations",
    "onet_tech_skills",
    "related_occupations",
    "tasks",
    "tech_skill_flags",
    "tech_skill_occupations",
]


# ------------------------------------------------------------------------------ O*NET
@dataclass(frozen=True, slots=True)
class OnetOccupation:
    code: str
    title: str
    description: str
    job_zone: int | None


@dataclass(frozen=True, slots=True)
class OnetTitle:
    code: str
    title: str
    short_title: str | None
    kind: str  # 'alternate' (O*NET Alternate Titles) | 'reported' (Sample of Reported Titles)


@dataclass(frozen=True, slots=True)
class TechSkill:
    example: str
    commodity_code: int
    commodity_title: str
    hot: bool  # O*NET "Hot Technology": often named in job postings
    in_demand: bool  # O*NET "In Demand" for this occupation


class TechFlags(NamedTuple):
    hot: bool
    in_demand: bool  # in demand for at least one occupation


@dataclass(frozen=True, slots=True)
class JobZone:
    zone: int
    name: str
    experience: str
    education: str
    training: str
    examples: str
    svp_range: str


@dataclass(frozen=True, slots=True)
class RelatedOccupation:
    code: str
    title: str
    tier: str  # Primary-Short | Primary-Long | Supplemental
    index: int


@dataclass(frozen=True, slots=True)
class Task:
    task_id: int
    task: str
    task_type: str | None  # Core | Supplemental | None


@dataclass(frozen=True, slots=True)
class EducationShare:
    category: int  # 1 (less than high school) .. 12 (post-doctoral training)
    label: str
    pct: float  # share of incumbents saying the job requires this level


def onet_occupation(code: str) -> OnetOccupation | None:
    row = _one("SELECT * FROM onet_occupation WHERE code = ?", _onet(code))
    return OnetOccupation(*row) if row else None


def onet_occupations() -> Iterator[OnetOccupation]:
    for row in connect().execute("SELECT * FROM onet_occupation ORDER BY code"):
        yield OnetOccupation(*row)


def onet_alternate_titles(code: str | None = None) -> list[OnetTitle]:
    """Alternate and reported titles of one occupation, or of all when ``code`` is None."""
    sql = "SELECT code, title, short_title, kind FROM onet_title"
    rows = _q(f"{sql} WHERE code = ?", _onet(code)) if code else _q(sql)
    return [OnetTitle(*r) for r in rows]


def onet_tech_skills(code: str) -> list[TechSkill]:
    rows = _q(
        "SELECT e.name, t.commodity_code, c.title, e.hot, t.in_demand FROM onet_tech t "
        "JOIN onet_tech_example e ON e.id = t.example_id "
        "JOIN onet_commodity c ON c.code = t.commodity_code WHERE t.code = ? ORDER BY e.name",
        _onet(code),
    )
    return [TechSkill(n, cc, ct, bool(h), bool(d)) for n, cc, ct, h, d in rows]


def tech_skill_flags(example: str) -> TechFlags | None:
    """Hot / in-demand flags of a technology name (case-insensitive), or None if unknown."""
    row = _one(
        "SELECT hot, in_demand_occupations FROM onet_tech_example WHERE name = ?", example.strip()
    )
    return TechFlags(bool(row[0]), row[1] > 0) if row else None


def tech_skill_occupations(example: str) -> list[str]:
    """O*NET-SOC codes of the occupations that list a technology."""
    rows = _q(
        "SELECT t.code FROM onet_tech_example e JOIN onet_tech t ON t.example_id = e.id "
        "WHERE e.name = ? ORDER BY t.code",
        example.strip(),
    )
    return [r[0] for r in rows]


def interests(code: str) -> dict[str, float] | None:
    """RIASEC occupational-interest scores (1-7) keyed R, I, A, S, E, C."""
    row = _one("SELECT r, i, a, s, e, c FROM onet_interest WHERE code = ?", _onet(code))
    return dict(zip(RIASEC, row, strict=True)) if row else None


def interest_high_points(code: str) -> str | None:
    """O*NET's high-point code, e.g. 'IC' (first, second, third interest where present)."""
    row = _one("SELECT high_point FROM onet_interest WHERE code = ?", _onet(code))
    return str(row[0]) if row else None


def job_zone(code: str) -> int | None:
    row = _one("SELECT job_zone FROM onet_occupation WHERE code = ?", _onet(code))
    return int(row[0]) if row and row[0] is not None else None


def job_zone_info(zone: int) -> JobZone | None:
    row = _one("SELECT * FROM onet_job_zone WHERE zone = ?", zone)
    return JobZone(*row) if row else None


def related_occupations(code: str) -> list[RelatedOccupation]:
    rows = _q(
        "SELECT r.related_code, o.title, r.tier, r.idx FROM onet_related r "
        "JOIN onet_occupation o ON o.code = r.related_code WHERE r.code = ? ORDER BY r.idx",
        _onet(code),
    )
    return [RelatedOccupation(*r) for r in rows]


def tasks(code: str) -> list[Task]:
    rows = _q(
        "SELECT task_id, task, task_type FROM onet_task WHERE code = ? "
        "ORDER BY task_type IS NULL, task_type, task_id",
        _onet(code),
    )
    return [Task(*r) for r in rows]


def education(code: str) -> list[EducationShare]:
    rows = _q(
        "SELECT e.category, l.label, e.pct FROM onet_education e "
        "JOIN onet_education_level l ON l.category = e.category WHERE e.code = ? "
        "ORDER BY e.category",
        _onet(code),
    )
    return [EducationShare(*r) for r in rows]
