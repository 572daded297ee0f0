"""Read-only access to the broad layer: ESCO, O*NET, OEWS, aijobs salaries, crosswalks.

The data lives in one SQLite file shipped with the package (``data/broad.sqlite``), built
by ``scripts/build_broad.py`` from the raw data sets. It is opened lazily, read-only and
immutable, once per process, so importing this module costs nothing.

O*NET-SOC codes are accepted as ``15-2051.00`` or ``15-2051`` (read as ``.00``); SOC codes
for OEWS and the GenAI score as ``15-2051`` or a longer O*NET code (first 7 characters).
ESCO URIs are accepted in full or as their trailing id.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from careermap.errors import DataError, InputError

__all__ = [
    "BROAD_PATH",
    "SCHEMA_VERSION",
    "AijobsRow",
    "CrosswalkLink",
    "EducationShare",
    "EscoConcept",
    "EscoOccupation",
    "EscoOccupationSkill",
    "EscoSkill",
    "GenAIScore",
    "JobZone",
    "OewsArea",
    "OewsWage",
    "OnetOccupation",
    "OnetTitle",
    "RelatedOccupation",
    "Task",
    "TechFlags",
    "TechSkill",
    "aijobs_salaries",
    "aijobs_years",
    "connect",
    "countries",
    "crosswalk_esco_to_onet",
    "education",
    "esco_occupation",
    "esco_occupation_skills",
    "esco_occupations",
    "esco_skill",
    "esco_skill_broader",
    "esco_skill_occupations",
    "esco_skills",
    "genai_applicability",
    "interest_high_points",
    "interests",
    "job_zone",
    "job_zone_info",
    "meta",
    "metro_groups",
    "oews",
    "oews_area",
    "oews_areas",
    "oews_by_area",
    "onet_alternate_titles",
    "onet_occupation",
    "onet_occupations",
    "onet_tech_skills",
    "related_occupations",
    "tasks",
    "tech_skill_flags",
    "tech_skill_occupations",
]

BROAD_PATH = Path(__file__).parent / "data" / "broad.sqlite"
SCHEMA_VERSION = "1"
ESCO_SKILL = "http://data.europa.eu/esco/skill/"
ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/"
RIASEC = ("R", "I", "A", "S", "E", "C")

_lock = threading.Lock()
_conn: sqlite3.Connection | None = None


def connect(path: Path | None = None) -> sqlite3.Connection:
    """A read-only connection to ``path`` (default: the shipped file, cached)."""
    global _conn
    if path is None and _conn is not None:
        return _conn
    target = BROAD_PATH if path is None else path
    if not target.is_file():
        raise DataError(
            f"the broad data file {target} is missing. Run `python scripts/build_broad.py` "
            "in a careermap checkout, or reinstall careermap."
        )
    uri = f"{target.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DataError(
            f"{target} is not a careermap broad data file ({exc}). "
            "Rebuild it with `python scripts/build_broad.py`."
        ) from exc
    if row is None or row[0] != SCHEMA_VERSION:
        found = row[0] if row else "none"
        raise DataError(
            f"{target} has schema version {found}, careermap needs "
            f"{SCHEMA_VERSION}. Rebuild it with `python scripts/build_broad.py`."
        )
    if path is None:
        with _lock:
            if _conn is None:
                _conn = conn
            return _conn
    return conn


def _q(sql: str, *args: Any) -> list[Any]:
    return connect().execute(sql, args).fetchall()


def _one(sql: str, *args: Any) -> Any:
    return connect().execute(sql, args).fetchone()


@lru_cache(maxsize=1)
def _meta() -> dict[str, str]:
    return dict(_q("SELECT key, value FROM meta"))


def meta() -> dict[str, str]:
    """Build facts: schema version, sources, attributions, row counts per table."""
    return dict(_meta())


def metro_groups() -> tuple[str, ...]:
    """SOC major groups ('15', ...) whose metro and nonmetro rows the file keeps."""
    return tuple(_meta()["oews.metro_groups"].split(","))


def _onet(code: str) -> str:
    c = code.strip()
    return f"{c}.00" if len(c) == 7 else c


def _soc(code: str) -> str:
    return code.strip()[:7]


def _uuid(uri: str, prefix: str) -> str:
    return uri.strip().removeprefix(prefix)


# ------------------------------------------------------------------------------- ESCO
@dataclass(frozen=True, slots=True)
class EscoSkill:
    uri: str
    label: str
    alt_labels: tuple[str, ...]
    skill_type: str | None  # 'skill/competence' | 'knowledge'
    reuse_level: str | None  # transversal | cross-sector | sector-specific | occupation-specific
    description: str | None  # shortened to about 300 characters
    is_digital: bool


@dataclass(frozen=True, slots=True)
class EscoConcept:
    uri: str
    label: str
    kind: str  # 'skill' | 'group'


@dataclass(frozen=True, slots=True)
class EscoOccupation:
    uri: str
    label: str
    alt_labels: tuple[str, ...]
    code: str | None
    isco_group: str | None
    broader_uri: str | None
    description: str | None


@dataclass(frozen=True, slots=True)
class EscoOccupationSkill:
    uri: str
    label: str
    essential: bool
    skill_type: str | None


_SKILL_COLS = "uuid, label, alt_labels, skill_type, reuse_level, description, is_digital"


def _skill(row: tuple[Any, ...]) -> EscoSkill:
    u, label, alts, st, rl, desc, dig = row
    return EscoSkill(ESCO_SKILL + u, label, tuple(json.loads(alts)), st, rl, desc, bool(dig))


def esco_skill(uri: str) -> EscoSkill | None:
    row = _one(f"SELECT {_SKILL_COLS} FROM esco_skill WHERE uuid = ?", _uuid(uri, ESCO_SKILL))
    return _skill(row) if row else None


def esco_skills(*, digital_only: bool = False) -> Iterator[EscoSkill]:
    """Every ESCO skill (13,896), in URI order."""
    where = " WHERE is_digital = 1" if digital_only else ""
    for row in connect().execute(f"SELECT {_SKILL_COLS} FROM esco_skill{where} ORDER BY id"):
        yield _skill(row)


def esco_skill_broader(uri: str) -> list[EscoConcept]:
    """The skill's parents in ESCO's hierarchy: broader skills and skill groups."""
    rows = _q(
        "SELECT coalesce(? || s.uuid, g.uri), coalesce(s.label, g.label), "
        "CASE WHEN s.id IS NULL THEN 'group' ELSE 'skill' END "
        "FROM esco_skill_broader b JOIN esco_skill c ON c.id = b.skill_id "
        "LEFT JOIN esco_skill s ON s.id = b.broader_id "
        "LEFT JOIN esco_skill_group g ON g.id = b.broader_id "
        "WHERE c.uuid = ? ORDER BY 1",
        ESCO_SKILL,
        _uuid(uri, ESCO_SKILL),
    )
    return [EscoConcept(*r) for r in rows]


_OCC_SQL = (
    "SELECT o.uuid, o.label, o.alt_labels, o.code, o.isco_group, p.uuid, o.description "
    "FROM esco_occupation o LEFT JOIN esco_occupation p ON p.id = o.broader_id"
)


def _occupation(row: tuple[Any, ...]) -> EscoOccupation:
    u, label, alts, code, isco, up, desc = row
    broader = ESCO_OCCUPATION + up if up else None
    return EscoOccupation(
        ESCO_OCCUPATION + u, label, tuple(json.loads(alts)), code, isco, broader, desc
    )


def esco_occupation(uri: str) -> EscoOccupation | None:
    row = _one(f"{_OCC_SQL} WHERE o.uuid = ?", _uuid(uri, ESCO_OCCUPATION))
    return _occupation(row) if row else None


def esco_occupations() -> Iterator[EscoOccupation]:
    """Every ESCO occupation (3,007), in URI order."""
    for row in connect().execute(f"{_OCC_SQL} ORDER BY o.id"):
        yield _occupation(row)


def esco_occupation_skills(uri: str) -> list[EscoOccupationSkill]:
    """Skills of an occupation, essential ones first, then by label."""
    rows = _q(
        "SELECT s.uuid, s.label, r.essential, s.skill_type FROM esco_occupation o "
        "JOIN esco_occupation_skill r ON r.occupation_id = o.id "
        "JOIN esco_skill s ON s.id = r.skill_id WHERE o.uuid = ? "
        "ORDER BY r.essential DESC, s.label COLLATE NOCASE",
        _uuid(uri, ESCO_OCCUPATION),
    )
    return [EscoOccupationSkill(ESCO_SKILL + u, lab, bool(e), t) for u, lab, e, t in rows]


def esco_skill_occupations(uri: str) -> list[tuple[str, str, bool]]:
    """(occupation URI, label, essential) for every occupation that lists the skill."""
    rows = _q(
        "SELECT o.uuid, o.label, r.essential FROM esco_skill s "
        "JOIN esco_occupation_skill r ON r.skill_id = s.id "
        "JOIN esco_occupation o ON o.id = r.occupation_id WHERE s.uuid = ? "
        "ORDER BY r.essential DESC, o.label COLLATE NOCASE",
        _uuid(uri, ESCO_SKILL),
    )
    return [(ESCO_OCCUPATION + u, lab, bool(e)) for u, lab, e in rows]


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


# ---------------------------------------------------------------- crosswalk, GenAI score
@dataclass(frozen=True, slots=True)
class CrosswalkLink:
    esco_uri: str
    onet_code_2010: str  # as Nesta gives it (O*NET-SOC 2010 taxonomy)
    onet_title_2010: str
    confidence: float  # Nesta's confidence: 0.5, 1 or 2 (highest)
    onet_code: str | None  # the O*NET 29.3 code, found by the same code or the same title
    mapped_by: str | None  # 'same-code' | 'same-title' | None
    inherited_from: str | None  # ESCO URI of the parent occupation the link comes from


@dataclass(frozen=True, slots=True)
class GenAIScore:
    soc: str
    title: str
    score: float  # Microsoft "Working with AI" applicability score, 0-1


def crosswalk_esco_to_onet(uri: str) -> CrosswalkLink | None:
    """Nesta's O*NET match for an ESCO occupation, inherited from its parent when absent."""
    current: str | None = ESCO_OCCUPATION + _uuid(uri, ESCO_OCCUPATION)
    inherited: str | None = None
    for _ in range(10):  # ESCO occupations nest at most a few levels deep
        if current is None:
            return None
        row = _one(
            "SELECT onet_code_2010, onet_title_2010, confidence, onet_code, mapped_by "
            "FROM esco_onet_crosswalk WHERE esco_uri = ?",
            current,
        )
        if row:
            code10, title10, conf, code, how = row
            esco = ESCO_OCCUPATION + _uuid(uri, ESCO_OCCUPATION)
            return CrosswalkLink(esco, code10, title10, conf, code, how, inherited)
        occ = esco_occupation(current)
        current = inherited = occ.broader_uri if occ else None
    return None


def genai_applicability(soc: str) -> GenAIScore | None:
    row = _one("SELECT * FROM genai_applicability WHERE soc = ?", _soc(soc))
    return GenAIScore(*row) if row else None


# ------------------------------------------------------------------------------- OEWS
@dataclass(frozen=True, slots=True)
class OewsArea:
    code: str  # 7-digit BLS area code, e.g. '0000000' national, '0600000' California
    kind: str  # national | state | metro | nonmetro
    name: str
    state_code: str | None
    state_abbr: str | None


@dataclass(frozen=True, slots=True)
class OewsWage:
    """One OEWS May 2025 estimate: yearly USD; None where BLS withholds the figure."""

    soc: str
    title: str
    area: OewsArea
    employment: int | None
    mean: int | None
    p10: int | None
    p25: int | None
    median: int | None
    p75: int | None
    p90: int | None
    hourly_median: float | None  # only where annual wages are withheld
    employment_withheld: bool
    annual_withheld: bool


def _area(row: tuple[Any, ...]) -> OewsArea:
    code, kind, name, st, abbr = row
    return OewsArea(f"{code:07d}", kind, name, st, abbr)


def oews_areas(kind: str | None = None) -> list[OewsArea]:
    """National, state, metro and nonmetro areas, by kind then name."""
    order = "CASE kind WHEN 'national' THEN 0 WHEN 'state' THEN 1 WHEN 'metro' THEN 2 ELSE 3 END"
    sql = "SELECT * FROM oews_area"
    rows = (
        _q(f"{sql} WHERE kind = ? ORDER BY name", kind)
        if kind
        else _q(f"{sql} ORDER BY {order}, name")
    )
    return [_area(r) for r in rows]


def oews_area(code: str | int) -> OewsArea | None:
    try:
        num = int(code)
    except ValueError:
        return None
    row = _one("SELECT * FROM oews_area WHERE code = ?", num)
    return _area(row) if row else None


_WAGE_SQL = (
    "SELECT w.soc, o.title, a.code, a.kind, a.name, a.state_code, a.state_abbr, w.employment, "
    "w.a_mean, w.a_pct10, w.a_pct25, w.a_median, w.a_pct75, w.a_pct90, w.h_median, w.flags "
    "FROM oews_wage w JOIN oews_occupation o ON o.soc = w.soc "
    "JOIN oews_area a ON a.code = w.area_code"
)


def _wage(r: tuple[Any, ...]) -> OewsWage:
    soc, title, area = r[0], r[1], _area(r[2:7])
    emp, mean, p10, p25, p50, p75, p90, hourly, flags = r[7:16]
    return OewsWage(
        soc, title, area, emp, mean, p10, p25, p50, p75, p90, hourly, bool(flags & 1),
        bool(flags & 2),
    )  # fmt: skip


def oews(soc: str, area: str | int | None = None) -> list[OewsWage]:
    """OEWS rows for a SOC code: the national row, or the row of one area (by code)."""
    try:
        code = 0 if area is None else int(area)
    except ValueError:
        raise InputError(
            f"'{area}' is not an OEWS area code; resolve names with "
            "careermap.knowledge.salary.resolve_area."
        ) from None
    rows = _q(f"{_WAGE_SQL} WHERE w.soc = ? AND w.area_code = ?", _soc(soc), code)
    return [_wage(r) for r in rows]


def oews_by_area(soc: str) -> list[OewsWage]:
    """Every area's row for a SOC code (metro rows only for the groups the build keeps)."""
    return [_wage(r) for r in _q(f"{_WAGE_SQL} WHERE w.soc = ? ORDER BY a.code", _soc(soc))]


# ----------------------------------------------------------------------- aijobs salaries
@dataclass(frozen=True, slots=True)
class AijobsRow:
    work_year: int
    experience_level: str  # EN | MI | SE | EX
    employment_type: str  # FT | PT | CT | FL
    job_title: str
    salary_in_usd: int
    employee_residence: str
    remote_ratio: int
    company_location: str
    company_size: str
    role_id: str | None
    fit: str | None


@lru_cache(maxsize=1)
def aijobs_years() -> tuple[int, ...]:
    """Survey years present in the data, oldest first."""
    return tuple(r[0] for r in _q("SELECT DISTINCT work_year FROM aijobs_salary ORDER BY 1"))


def aijobs_salaries(
    role_id: str | None = None,
    *,
    years: tuple[int, int] | None = None,
    experience: str | None = None,
    company_location: str | None = None,
    employment_type: str | None = "FT",
) -> list[AijobsRow]:
    """Salary rows, filtered; ``role_id`` by the title rules, ``years`` inclusive."""
    where: list[str] = []
    args: list[Any] = []
    for col, val in (
        ("t.role_id", role_id),
        ("s.experience_level", experience),
        ("s.company_location", company_location),
        ("s.employment_type", employment_type),
    ):
        if val is not None:
            where.append(f"{col} = ?")
            args.append(val)
    if years is not None:
        where.append("s.work_year BETWEEN ? AND ?")
        args += list(years)
    sql = (
        "SELECT s.work_year, s.experience_level, s.employment_type, t.title, s.salary_in_usd, "
        "s.employee_residence, s.remote_ratio, s.company_location, s.company_size, t.role_id, "
        "t.fit FROM aijobs_title t JOIN aijobs_salary s ON s.title_id = t.id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [AijobsRow(*r) for r in _q(sql + " ORDER BY s.id", *args)]


def countries() -> list[tuple[str, str, tuple[str, ...], int]]:
    """(ISO code, name, other names, aijobs rows with that company location), by code."""
    rows = _q("SELECT code, name, aliases, salary_rows FROM country ORDER BY code")
    return [(c, n, tuple(a.split("|")) if a else (), k) for c, n, a, k in rows]
