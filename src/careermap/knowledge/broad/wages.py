"""BLS OEWS wages and areas, the aijobs salary survey rows, and the places people name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from careermap.errors import DataError, InputError, UnknownIdError
from careermap.knowledge.broad._db import (
    _one,
    _q,
    _soc,
)
from careermap.validation import read_model

__all__ = [
    "PLACES_PATH",
    "AijobsRow",
    "OewsArea",
    "OewsWage",
    "Places",
    "aijobs_salaries",
    "aijobs_years",
    "countries",
    "load_places",
    "oews",
    "oews_area",
    "oews_areas",
    "oews_by_area",
    "resolve_area_name",
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
    salary_currency: str  # ISO 4217 code of the currency the salary was reported in
    salary: int  # the salary as reported, in salary_currency


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
        "t.fit, s.salary_currency, coalesce(s.salary, s.salary_in_usd) "
        "FROM aijobs_title t JOIN aijobs_salary s ON s.title_id = t.id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [AijobsRow(*r) for r in _q(sql + " ORDER BY s.id", *args)]


def countries() -> list[tuple[str, str, tuple[str, ...], int, str]]:
    """(ISO code, name, other names, aijobs rows with that company location, ISO 4217
    currency code), by code."""
    rows = _q("SELECT code, name, aliases, salary_rows, currency FROM country ORDER BY code")
    return [(c, n, tuple(a.split("|")) if a else (), k, cur) for c, n, a, k, cur in rows]


# ----------------------------------------------------------------------------- places
PLACES_PATH = Path(__file__).resolve().parents[1] / "data" / "places.yaml"
_NATIONAL = (
    "us", "usa", "u.s.", "u.s.a.", "united states", "united states of america", "america",
    "national", "nationwide",
)  # fmt: skip


class _Alias(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    names: list[str] = Field(min_length=1)
    code: str = Field(pattern=r"^\d{7}$")
    oews_name: str
    note: str | None = None


class _PlacesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    areas: list[_Alias]
    abroad: dict[str, list[str]]


@dataclass(frozen=True, slots=True)
class Places:
    """``data/places.yaml``, checked against the broad layer."""

    aliases: dict[str, tuple[OewsArea, str | None]]  # casefolded name -> area, its caveat
    abroad: dict[str, str]  # casefolded city outside the US -> ISO country code


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def load_places(path: Path | None = None) -> Places:
    """The places file (default: the shipped one), validated: each area's code and OEWS
    name as in the broad layer, every name unique, none a state's name or postal code or an
    OEWS area's name, every country in the survey's country table and not the US."""
    target = path or PLACES_PATH
    name = target.name
    doc = read_model(target, _PlacesFile)
    reserved = {_key(x) for a in oews_areas() for x in (a.name, a.state_abbr or "") if x}
    reserved |= {_key(a.name) for a in oews_areas("state")} | set(_NATIONAL)
    seen: set[str] = set()

    def claim(text: str) -> str:
        key = _key(text)
        if key in reserved:
            raise DataError(f"{name}: '{text}' is already a state or an OEWS area name; remove it.")
        if key in seen:
            raise DataError(f"{name}: '{text}' is listed twice; keep one.")
        seen.add(key)
        return key

    aliases: dict[str, tuple[OewsArea, str | None]] = {}
    for alias in doc.areas:
        area = oews_area(alias.code)
        if area is None or area.name != alias.oews_name:
            found = f"'{area.name}'" if area else "no area"
            raise DataError(
                f"{name}: area {alias.code} ('{alias.oews_name}', for {alias.names[0]}) is "
                f"{found} in the broad layer; correct the code or the name."
            )
        for n in alias.names:
            aliases[claim(n)] = (area, alias.note)
    known = {c for c, *_rest in countries()}
    abroad: dict[str, str] = {}
    for code, cities in doc.abroad.items():
        if code not in known or code == "US":
            raise DataError(f"{name}: '{code}' is not a non-US country of the salary survey.")
        for city in cities:
            abroad[claim(city)] = code
    return Places(aliases, abroad)


def _places() -> Places:
    from careermap.runtime import get_runtime

    return get_runtime().cached("places", load_places)


def _country(text: str) -> tuple[str, str] | None:
    key = _key(text)
    for code, name, others, _rows, _cur in countries():
        if key == code.casefold() or key in (_key(n) for n in (name, *others)):
            return code, name
    return None


def _abroad(text: str, code: str) -> InputError:
    name = next(n for c, n, *_rest in countries() if c == code)
    where = "a country" if _country(text) else f"in {name}"
    return InputError(
        f"'{text}' is {where}, outside the United States, and OEWS areas are US only: "
        f"ask for pay there by country (--country {code})."
    )


def _state(text: str) -> str | None:
    """The postal code of a US state given by its name or its code, else None."""
    key = _key(text)
    for a in oews_areas("state"):
        if key in (_key(a.name), _key(a.state_abbr or "")):
            return a.state_abbr
    return None


def _split(text: str) -> tuple[str, str | None, str | None]:
    """(city, US state code, other place) from 'Austin, TX', 'Austin Texas' or 'London, UK'."""
    m = re.fullmatch(r"(.+?)\s*,\s*([^,]+)", text)
    if m:
        st = _state(m.group(2))
        return m.group(1), st, None if st else m.group(2)
    low = _key(text)
    for a in oews_areas("state"):  # 'Austin TX', 'Austin Texas', 'Kansas City MO'
        for tail in (_key(a.name), _key(a.state_abbr or "")):
            if tail and low.endswith(" " + tail) and len(low) > len(tail) + 1:
                return text[: len(low) - len(tail)].strip(), a.state_abbr, None
    return text, None, None


def _by_city(city: str, state: str | None) -> list[OewsArea]:
    """Metro areas whose OEWS name has ``city`` among its cities (and ``state``, if given):
    'Austin-Round Rock-San Marcos, TX' has Austin, Round Rock and San Marcos."""
    key = _key(city)
    out = []
    for a in oews_areas("metro"):
        head, _, states = a.name.rpartition(", ")
        if state is not None and state not in states.split("-"):
            continue
        parts = [_key(p) for p in re.split(r"[-/]", head)]
        if key == _key(head) or any(p == key or p.startswith(key + " ") for p in parts):
            out.append(a)
    return out


def resolve_area_name(text: str, notes: list[str] | None = None) -> OewsArea:
    """An OEWS area from its code or what people call it (see
    :func:`careermap.knowledge.salary.resolve_area`)."""
    key = " ".join(text.split())
    low = key.casefold()
    if not key:
        raise InputError("the area is empty: give a US state, metro area or city ('Austin, TX').")
    if re.fullmatch(r"\d{1,7}", key):
        hit = oews_area(key)
        if hit:
            return hit
        raise InputError(
            f"no OEWS area has the code '{text}'. Codes are BLS area codes such as 0000000 "
            "(national), 0600000 (California) or 0041860 (San Francisco-Oakland-Fremont, CA)."
        )
    areas = oews_areas()
    if low in _NATIONAL:
        return areas[0]
    for a in areas:
        if low == a.name.casefold() or (a.kind == "state" and low == (a.state_abbr or "").lower()):
            return a
    places = _places()
    if low in places.aliases:
        area, note = places.aliases[low]
        if note and notes is not None:
            notes.append(note)
        return area
    city, state, other = _split(key)
    named = places.aliases.get(_key(city))
    if named is not None and state in named[0].name.rpartition(", ")[2].split("-"):
        return named[0]  # 'Palo Alto, CA'
    elsewhere = _country(other) if other else None
    if elsewhere is not None and elsewhere[0] != "US":
        raise _abroad(text, elsewhere[0])
    found = _by_city(city, state)
    foreign = places.abroad.get(_key(city)) if state is None else None
    if foreign and found:
        abroad = next(n for c, n, *_rest in countries() if c == foreign)
        raise InputError(
            f"'{text}' may be {found[0].name} (an OEWS area) or {city} in {abroad}: give "
            f"'City, ST' for the US one, or ask by country (--country {foreign}) for the other."
        )
    if foreign:
        raise _abroad(text, foreign)
    if len(found) == 1:
        return found[0]
    if found:
        raise InputError(
            f"area '{text}' matches several OEWS areas: {'; '.join(a.name for a in found[:4])}. "
            "Give 'City, ST', the full name or the area code."
        )
    whole = _country(key)
    if whole is not None and whole[0] != "US":
        raise _abroad(text, whole[0])
    from rapidfuzz import fuzz, utils

    def score(a: OewsArea) -> float:  # the name, or its closest city ('San Fransisco')
        parts = re.split(r"[-/]", a.name.rpartition(", ")[0]) if a.kind == "metro" else []
        cities = [fuzz.ratio(_key(city), _key(p)) for p in parts]
        return max([fuzz.WRatio(key, a.name, processor=utils.default_process), *cities])

    pool = [a for a in areas if a.kind != "national" and (state is None or a.state_abbr == state)]
    ranked = sorted(pool, key=lambda a: (-score(a), a.name))
    err = UnknownIdError("area", text, [a.name for a in ranked[:3]], listing=None)
    err.hint = (
        f"{err.hint} " if err.hint else ""
    ) + "OEWS names metro areas after their main cities: give one ('San Jose, CA') or a state."
    raise err
