"""BLS OEWS wages and the aijobs salary survey rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from careermap.errors import InputError
from careermap.knowledge.broad._db import (
    _one,
    _q,
    _soc,
)

__all__ = [
    "AijobsRow",
    "OewsArea",
    "OewsWage",
    "aijobs_salaries",
    "aijobs_years",
    "countries",
    "oews",
    "oews_area",
    "oews_areas",
    "oews_by_area",
]


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


def aijobs_years() -> tuple[int, ...]:
    """Survey years present in the data, oldest first."""
    from careermap.runtime import get_runtime

    return get_runtime().cached(
        "aijobs_years",
        lambda: tuple(r[0] for r in _q("SELECT DISTINCT work_year FROM aijobs_salary ORDER BY 1")),
    )


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
