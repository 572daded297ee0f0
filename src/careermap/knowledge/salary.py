"""What does a role pay, at a level, in a place: salary bands from three kinds of source.

1. Ranges the seed articles state for the role (``Role.salary``): shown as ranges.
2. The aijobs.net salary index: percentiles of the full-time rows whose job title maps to
   the role (``title_rules.yaml``), from the latest two survey years in the data (2024 and
   2025), filtered by experience level and by the *company's* country (the market that
   pays; it differs from the employee's residence in under 0.2% of rows). Titles that name
   the role (exact/close fit) and generic titles (broad fit) give separate bands.
3. BLS OEWS May 2025 for each of the role's O*NET-SOC codes: nationally, or in a state or
   metro area. OEWS has no experience levels; a level only adds a hint (entry ~ p25,
   mid ~ median, senior ~ p75, executive ~ p90), it never changes the figures.

Every band says where it comes from, its year, and how many observations it rests on;
bands resting on fewer than ``settings.min_salary_sample`` observations are flagged.
"""

from __future__ import annotations

import re
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict

from careermap.errors import InputError, UnknownIdError
from careermap.knowledge import broad
from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import OnetLink, Role
from careermap.settings import get_settings

__all__ = [
    "LEVELS",
    "Country",
    "SalaryBand",
    "SalaryReport",
    "list_areas",
    "list_countries",
    "normalise_level",
    "resolve_area",
    "resolve_country",
    "salary_bands",
]

SalaryLevel = Literal["entry", "mid", "senior", "executive"]
LEVELS: tuple[SalaryLevel, ...] = ("entry", "mid", "senior", "executive")
_LEVEL_WORDS: dict[str, SalaryLevel] = {
    "entry": "entry", "en": "entry", "entry-level": "entry", "junior": "entry",
    "mid": "mid", "mi": "mid", "mid-level": "mid", "intermediate": "mid",
    "senior": "senior", "se": "senior",
    "executive": "executive", "ex": "executive", "director": "executive",
}  # fmt: skip
_AIJOBS_LEVEL = {"entry": "EN", "mid": "MI", "senior": "SE", "executive": "EX"}
_OEWS_HINT = {"entry": "p25", "mid": "median", "senior": "p75", "executive": "p90"}
_AIJOBS_NAME = "aijobs.net Global AI/ML/Data Salary Index"
_OEWS_NAME = "BLS Occupational Employment and Wage Statistics"
_OEWS_YEAR = 2025


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SalaryBand(_Model):
    """One salary figure set, yearly, before tax."""

    kind: Literal["stated-range", "survey", "oews"]
    source: str  # source id in sources.yaml
    dataset: str
    year: int  # latest year the figures describe
    period: str  # e.g. "2024-2025", "May 2025"
    currency: str = "USD"
    low: int | None = None  # stated ranges only
    high: int | None = None
    p10: int | None = None
    p25: int | None = None
    median: int | None = None
    p75: int | None = None
    p90: int | None = None
    mean: int | None = None
    n: int | None = None
    n_label: str | None = None  # what n counts: salary reports, or jobs (OEWS employment)
    level: str | None = None  # the level the figures are for; None = all levels
    level_hint: str | None = None  # OEWS: the percentile nearest the asked level
    place: str
    soc: str | None = None
    soc_title: str | None = None
    onet_code: str | None = None
    fit: str | None = None  # how the rows' titles or the O*NET code fit the role
    titles: list[str] = []  # survey: job titles the rows carry, most frequent first
    small_sample: bool = False
    note: str | None = None


class SalaryReport(_Model):
    role_id: str
    role_title: str
    level: SalaryLevel | None
    country: str | None  # ISO code
    area: str | None  # OEWS area name
    bands: list[SalaryBand]
    notes: list[str]


class Country(_Model):
    code: str
    name: str
    aliases: tuple[str, ...]
    salary_rows: int  # aijobs rows with a company in this country


# -------------------------------------------------------------------- input resolution
def normalise_level(level: str | None) -> SalaryLevel | None:
    """careermap level (entry/mid/senior/executive) from it or an aijobs code (EN/MI/SE/EX)."""
    if level is None:
        return None
    hit = _LEVEL_WORDS.get(level.strip().lower())
    if hit is None:
        raise InputError(
            f"unknown level '{level}'. Use one of: {', '.join(LEVELS)} "
            "(or the aijobs codes EN, MI, SE, EX)."
        )
    return hit


def list_countries() -> list[Country]:
    """Countries in the salary index, with their row counts (most rows first)."""
    out = [Country(code=c, name=n, aliases=a, salary_rows=k) for c, n, a, k in broad.countries()]
    return sorted(out, key=lambda c: (-c.salary_rows, c.code))


def resolve_country(text: str) -> Country:
    """A country from an ISO-2 code or a name ('US', 'United States', 'Germany', 'UK')."""
    key = " ".join(text.split()).casefold()
    countries = list_countries()
    for c in countries:
        if key == c.code.casefold() or key in (n.casefold() for n in (c.name, *c.aliases)):
            return c
    names = {f"{c.code}\x00{n}": n for c in countries for n in (c.name, *c.aliases)}
    raise UnknownIdError("country", text, _closest(key, names, 3, score=60))


def list_areas(kind: str | None = None) -> list[broad.OewsArea]:
    """OEWS areas (national, state, metro, nonmetro), optionally of one kind."""
    if kind is not None and kind not in ("national", "state", "metro", "nonmetro"):
        raise InputError(f"unknown area kind '{kind}'. Use national, state, metro or nonmetro.")
    return broad.oews_areas(kind)


def _closest(key: str, choices: dict[str, str], limit: int, score: float) -> list[str]:
    from rapidfuzz import fuzz, process, utils

    hits = process.extract(
        key, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit * 4
    )
    out: list[str] = []
    for name, s, _k in hits:
        if s >= score and name not in out:
            out.append(name)
        if len(out) == limit:
            break
    return out


def resolve_area(text: str) -> broad.OewsArea:
    """An OEWS area from its code, a state name or postal code, or a (fuzzy) area name."""
    key = " ".join(text.split())
    low = key.casefold()
    areas = broad.oews_areas()
    if re.fullmatch(r"\d{1,7}", key):
        hit = broad.oews_area(key)
        if hit:
            return hit
        raise InputError(
            f"no OEWS area has the code '{text}'. Codes are BLS area codes such as 0000000 "
            "(national), 0600000 (California) or 0041860 (San Francisco-Oakland-Fremont, CA)."
        )
    if low in ("us", "usa", "united states", "national", "nationwide", "u.s."):
        return areas[0]
    for a in areas:
        if low == a.name.casefold() or (a.kind == "state" and low == (a.state_abbr or "").lower()):
            return a
    from rapidfuzz import fuzz, process, utils

    choices = {a.code: a.name for a in areas if a.kind != "national"}
    hits = process.extract(
        key, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=5
    )
    good = [h for h in hits if h[1] >= 88]
    if good and (len(good) == 1 or good[0][1] - good[1][1] >= 4):
        found = broad.oews_area(good[0][2])
        assert found is not None
        return found
    if len(good) > 1:
        raise InputError(
            f"area '{text}' matches several OEWS areas: {'; '.join(h[0] for h in good[:4])}. "
            "Give the full name, the state or the area code."
        )
    suggestions = [h[0] for h in hits[:3]]
    raise UnknownIdError("area", text, suggestions)


# ------------------------------------------------------------------------------- bands
def _pct(values: list[int]) -> tuple[int, int, int, int, int]:
    p = np.percentile(np.asarray(values, dtype=float), [10, 25, 50, 75, 90])
    a, b, c, d, e = (round(float(x)) for x in p)
    return a, b, c, d, e


def _small(n: int | None, what: str) -> tuple[bool, str | None]:
    least = get_settings().min_salary_sample
    if n is not None and n < least:
        return True, f"only {n} {what}, fewer than {least}: too few to trust; shown for reference."
    return False, None


def _stated(kb: KnowledgeBase, role: Role, country: Country | None) -> list[SalaryBand]:
    names = {c: n for c, n, _a, _k in broad.countries()}
    out = []
    for r in role.salary:
        if country is not None and r.country.upper() != country.code:
            continue
        src = kb.sources.get(r.source)
        place = names.get(r.country.upper(), r.country)
        out.append(
            SalaryBand(
                kind="stated-range", source=r.source, dataset=src.title if src else r.source,
                year=r.year, period=str(r.year), currency=r.currency, low=r.low, high=r.high,
                level=r.level, place=place, note=r.note,
            )
        )  # fmt: skip
    return out


def _survey(
    role: Role, level: SalaryLevel | None, country: Country | None, notes: list[str]
) -> list[SalaryBand]:
    years = broad.aijobs_years()
    span = (years[-1] - 1, years[-1])
    rows = broad.aijobs_salaries(
        role.id,
        years=span,
        experience=_AIJOBS_LEVEL[level] if level else None,
        company_location=country.code if country else None,
    )
    place = country.name if country else "all countries (mostly United States)"
    groups = (
        ("exact", "close"),
        ("broad",),
    )
    out: list[SalaryBand] = []
    for fits in groups:
        sel = [r for r in rows if r.fit in fits]
        if not sel:
            continue
        counts: dict[str, int] = {}
        for r in sel:
            counts[r.job_title] = counts.get(r.job_title, 0) + 1
        titles = sorted(counts, key=lambda t: (-counts[t], t))
        p10, p25, p50, p75, p90 = _pct([r.salary_in_usd for r in sel])
        small, why = _small(len(sel), "salary reports")
        scope = (
            "job titles that name the role"
            if fits[0] == "exact"
            else "generic or neighbouring job titles, not the role itself"
        )
        note = f"Full-time rows, {span[0]}-{span[1]}, company location; {scope}."
        out.append(
            SalaryBand(
                kind="survey", source="aijobs-salaries", dataset=_AIJOBS_NAME, year=span[1],
                period=f"{span[0]}-{span[1]}", p10=p10, p25=p25, median=p50, p75=p75,
                p90=p90, n=len(sel), n_label="salary reports", level=level, place=place,
                fit="/".join(fits), titles=titles[:8], small_sample=small,
                note=f"{note} {why}" if why else note,
            )
        )  # fmt: skip
    if not out:
        where = f" in {country.name}" if country else ""
        lv = f" at {level} level" if level else ""
        notes.append(
            f"aijobs.net has no full-time {span[0]}-{span[1]} salary rows{where}{lv} "
            f"whose job title maps to {role.title}."
        )
    return out


def _oews(
    role: Role, level: SalaryLevel | None, area: broad.OewsArea | None, notes: list[str]
) -> list[SalaryBand]:
    where = area or broad.oews_areas("national")[0]
    place = "United States" if where.kind == "national" else where.name
    seen: set[str] = set()
    out: list[SalaryBand] = []
    for link in role.onet:
        soc = link.code[:7]
        if soc in seen:
            continue
        seen.add(soc)
        rows = broad.oews(soc, where.code)
        if not rows:
            if where.kind in ("metro", "nonmetro") and soc[:2] not in broad.metro_groups():
                groups = ", ".join(f"{g}-" for g in broad.metro_groups())
                notes.append(
                    f"careermap ships metro-area OEWS rows only for SOC groups {groups}; "
                    f"SOC {soc} ({link.title}) is outside them: ask for its state instead."
                )
            else:
                notes.append(
                    f"OEWS has no May 2025 estimate for SOC {soc} ({link.title}) in {place}."
                )
            continue
        w = rows[0]
        out.append(_oews_band(w, link, level, place))
    return out


def _oews_band(
    w: broad.OewsWage, link: OnetLink, level: SalaryLevel | None, place: str
) -> SalaryBand:
    parts = []
    if not link.code.endswith(".00"):
        parts.append(
            f"OEWS publishes SOC {w.soc} ({w.title}) as a whole; O*NET {link.code} "
            f"({link.title}) is one part of it."
        )
    if w.annual_withheld:
        hourly = f" (hourly median ${w.hourly_median:.2f})" if w.hourly_median else ""
        parts.append(f"BLS withholds annual wages for this cell{hourly}.")
    hint = _OEWS_HINT[level] if level else None
    if hint:
        parts.append(
            f"OEWS has no experience levels: for {level} pay, look near the {hint} "
            "(a rule of thumb, not a measured figure)."
        )
    n = None if w.employment_withheld else w.employment
    small, why = _small(n, "jobs in the employment estimate")
    if why:
        parts.append(why)
    return SalaryBand(
        kind="oews", source="bls-oews-2025", dataset=_OEWS_NAME, year=_OEWS_YEAR,
        period="May 2025", p10=w.p10, p25=w.p25, median=w.median, p75=w.p75, p90=w.p90,
        mean=w.mean, n=n, n_label="employment estimate (jobs)", level=None, level_hint=hint,
        place=place, soc=w.soc, soc_title=w.title, onet_code=link.code, fit=link.fit,
        small_sample=small, note=" ".join(parts) or None,
    )  # fmt: skip


def salary_bands(
    kb: KnowledgeBase,
    role_id: str,
    *,
    level: str | None = None,
    country: str | None = None,
    area: str | None = None,
) -> SalaryReport:
    """Salary bands for a role, optionally at a level, in a country and/or a US area.

    ``area`` (a US state or metro area) applies to OEWS; with no ``country`` it also limits
    the survey rows to the United States. A non-US ``country`` leaves OEWS out.
    """
    role = kb.role(role_id)
    lv = normalise_level(level)
    ctry = resolve_country(country) if country else None
    where = resolve_area(area) if area else None
    notes: list[str] = []
    if where is not None and ctry is None:
        ctry = resolve_country("US")
        notes.append("An OEWS area implies the United States: survey rows are US rows.")
    if where is not None and ctry is not None and ctry.code != "US":
        raise InputError(
            f"area '{area}' is in the United States but country is {ctry.name}; drop one of them."
        )
    bands = _stated(kb, role, ctry)
    bands += _survey(role, lv, ctry, notes)
    if ctry is None or ctry.code == "US":
        bands += _oews(role, lv, where, notes)
    else:
        notes.append("OEWS covers the United States only: no OEWS bands for " + ctry.name + ".")
    return SalaryReport(
        role_id=role.id,
        role_title=role.title,
        level=lv,
        country=ctry.code if ctry else None,
        area=where.name if where else None,
        bands=bands,
        notes=notes,
    )
