"""What does a role pay, at a level, in a place: pay from three kinds of source.

1. What the seed articles say a role pays (``Role.salary``): kept as the source states it,
   its words quoted, only the figures it gives, open-ended where it says "or more"; never
   turned into a median or a percentile (:class:`StatedPay`, apart from the bands).
2. The aijobs.net salary index: percentiles of the full-time rows whose job title maps to
   the role (``title_rules.yaml``), from the latest two survey years in the data, filtered
   by experience level and by the *company's* country (the market that pays; it differs
   from the employee's residence in under 0.2% of rows). Titles that name the role or a
   close synonym give one band, proxy titles (generic or neighbouring ones) another, each
   saying which titles and how many rows it rests on. Below ``settings.min_salary_sample``
   rows a band shows n and "too few", no percentiles. Outside the US a band also gives the
   percentiles of the rows reported in the country's own currency.
3. BLS OEWS May 2025 for each of the role's O*NET-SOC codes: nationally, or in a state or
   metro area (a state's name or code, a metro's name or main city, "City, ST", or a
   common name from ``data/places.yaml``; see :func:`resolve_area`).
   OEWS has no experience levels; a level only adds a hint (entry ~ p25, mid ~ median,
   senior ~ p75, executive ~ p90), it never changes the figures. OEWS figures are BLS's
   published estimates: a small employment estimate is flagged, the figures are kept.
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict

from careermap.errors import InputError, UnknownIdError
from careermap.knowledge import broad
from careermap.knowledge.broad.wages import resolve_area_name
from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import OnetLink, Role, SalaryRange
from careermap.settings import get_settings

__all__ = [
    "LEVELS",
    "Country",
    "LocalPay",
    "SalaryBand",
    "SalaryReport",
    "StatedPay",
    "TitleCount",
    "list_areas",
    "list_countries",
    "normalise_level",
    "resolve_area",
    "resolve_country",
    "salary_bands",
    "stated_figures",
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


class StatedPay(_Model):
    """Pay as a source states it: its words and the figures it gives, nothing derived."""

    source: str  # source id in sources.yaml
    dataset: str  # the source's title
    quote: str  # the source's words, exact
    figures: str  # the given figures in words: "$140,000 – $250,000 or more", "no figure"
    low: int | None
    high: int | None
    open_ended: bool
    qualifier: str | None  # how the source hedges it, in its words
    level: str  # who it is for, as the source puts it
    currency: str
    place: str  # the country the source names, or "place not stated"
    year: int | None  # None: the source is undated
    note: str | None


class TitleCount(_Model):
    title: str
    n: int
    fit: str  # exact | close | broad (title_rules.yaml)


class LocalPay(_Model):
    """Survey percentiles of the rows reported in a country's own currency."""

    currency: str
    n: int  # rows reported in this currency
    p25: int | None = None  # None when n is below the minimum sample
    median: int | None = None
    p75: int | None = None
    too_few: bool = False


class SalaryBand(_Model):
    """Percentiles from one data set, yearly, before tax."""

    kind: Literal["survey", "oews"]
    source: str  # source id in sources.yaml
    dataset: str
    year: int  # latest year the figures describe
    period: str  # the years the rows come from, e.g. "2024 (96%), 2025 (4%)"; "May 2025"
    currency: str = "USD"
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
    fit: str | None = None  # survey: fits of the rows' titles; OEWS: the O*NET link's fit
    basis: str | None = None  # survey: what the rows' titles are, in words
    proxy: bool = False  # survey: the rows' titles are not the role's (fit broad)
    titles: list[TitleCount] = []  # survey: the rows' job titles, most rows first
    local: LocalPay | None = None  # survey outside the US: the country's own currency
    small_sample: bool = False  # n below the minimum sample (survey: no percentiles)
    note: str | None = None


class Country(_Model):
    code: str
    name: str
    aliases: tuple[str, ...]
    salary_rows: int  # aijobs rows with a company in this country
    currency: str  # ISO 4217 code of the country's currency


class SalaryReport(_Model):
    role_id: str
    role_title: str
    level: SalaryLevel | None
    country: str | None  # ISO code
    area: str | None  # OEWS area name
    stated: list[StatedPay]
    bands: list[SalaryBand]
    notes: list[str]


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
    out = [
        Country(code=c, name=n, aliases=a, salary_rows=k, currency=cur)
        for c, n, a, k, cur in broad.countries()
    ]
    return sorted(out, key=lambda c: (-c.salary_rows, c.code))


def resolve_country(text: str) -> Country:
    """A country from an ISO-2 code or a name ('US', 'United States', 'Germany', 'UK')."""
    key = " ".join(text.split()).casefold()
    countries = list_countries()
    for c in countries:
        if key == c.code.casefold() or key in (n.casefold() for n in (c.name, *c.aliases)):
            return c
    from rapidfuzz import fuzz, process, utils

    names = {f"{c.code}\x00{n}": n for c in countries for n in (c.name, *c.aliases)}
    hits = process.extract(
        key, names, scorer=fuzz.WRatio, processor=utils.default_process, limit=12
    )
    near = list(dict.fromkeys(n for n, score, _k in hits if score >= 80))[:3]
    err = UnknownIdError("country", text, near, listing=None)
    if not near:  # no command lists countries: say what a country looks like instead
        err.hint = "Give an ISO 3166 code (US, GB, DE, IN) or a country's English name."
    raise err


def list_areas(kind: str | None = None) -> list[broad.OewsArea]:
    """OEWS areas (national, state, metro, nonmetro), optionally of one kind."""
    if kind is not None and kind not in ("national", "state", "metro", "nonmetro"):
        raise InputError(f"unknown area kind '{kind}'. Use national, state, metro or nonmetro.")
    return broad.oews_areas(kind)


def resolve_area(text: str, notes: list[str] | None = None) -> broad.OewsArea:
    """A US OEWS area from what people call it: an area code, a state's name or postal code,
    an OEWS area's name, a metro's main city ('Austin'), 'City, ST' ('Austin, TX'), or a
    common name in ``data/places.yaml`` ('NYC', 'Bay Area'). A caveat the place carries
    (the Bay Area spans two OEWS areas) is appended to ``notes``. A city outside the US is
    an :class:`~careermap.errors.InputError` pointing to the country instead."""
    return resolve_area_name(text, notes)


# ------------------------------------------------------------------------ stated pay
def _usd(v: int, currency: str) -> str:
    return f"${v:,}" if currency == "USD" else f"{v:,} {currency}"


def stated_figures(r: SalaryRange) -> str:
    """The figures a stated range gives, in words; nothing the source does not give."""
    more = " or more" if r.open_ended else ""
    if r.low is not None and r.high is not None:
        return f"{_usd(r.low, r.currency)} – {_usd(r.high, r.currency)}{more}"
    if r.low is not None:
        return f"{_usd(r.low, r.currency)}{more}" if more else f"from {_usd(r.low, r.currency)}"
    if r.high is not None:
        return f"up to {_usd(r.high, r.currency)}{more}"
    return "no figure stated"


def _stated(kb: KnowledgeBase, role: Role, country: Country | None) -> list[StatedPay]:
    names = {c.code: c.name for c in list_countries()}
    out = []
    for r in role.salary:
        if country is not None and r.country is not None and r.country.upper() != country.code:
            continue
        src = kb.sources.get(r.source)
        place = names.get(r.country.upper(), r.country) if r.country else "place not stated"
        out.append(
            StatedPay(
                source=r.source, dataset=src.title if src else r.source, quote=r.quote,
                figures=stated_figures(r), low=r.low, high=r.high, open_ended=r.open_ended,
                qualifier=r.qualifier, level=r.level, currency=r.currency, place=place,
                year=r.year, note=r.note,
            )
        )  # fmt: skip
    return out


# ------------------------------------------------------------------------ the survey
def _pct(values: list[int]) -> tuple[int, int, int, int, int]:
    p = np.percentile(np.asarray(values, dtype=float), [10, 25, 50, 75, 90])
    a, b, c, d, e = (round(float(x)) for x in p)
    return a, b, c, d, e


def _years(years: list[int]) -> str:
    """'2024 (96%), 2025 (4%)': the years the rows come from, with their shares."""
    counts = Counter(years)
    parts = []
    for y in sorted(counts):
        share = 100 * counts[y] / len(years)
        parts.append(f"{y} ({'<1' if 0 < share < 0.5 else f'{share:.0f}'}%)")
    return ", ".join(parts)


def _basis(role: Role, fits: Counter[str]) -> str:
    if fits.keys() == {"broad"}:
        return (
            f"PROXY: generic or neighbouring job titles, not {role.title} titles "
            "(title_rules.yaml fit 'broad')"
        )
    if "exact" not in fits:
        return (
            f"close titles only: synonyms or specialisations of {role.title}; "
            "no row's title names the role"
        )
    if "close" not in fits:
        return "job titles that name the role"
    return (
        f"job titles that name the role ({fits['exact']:,} rows) or a close synonym "
        f"({fits['close']:,} rows)"
    )


def _local(rows: list[broad.AijobsRow], country: Country | None) -> LocalPay | None:
    if country is None or country.currency == "USD":
        return None
    pay = [r.salary for r in rows if r.salary_currency == country.currency]
    if len(pay) < get_settings().min_salary_sample:
        return LocalPay(currency=country.currency, n=len(pay), too_few=True)
    _p10, p25, p50, p75, _p90 = _pct(pay)
    return LocalPay(currency=country.currency, n=len(pay), p25=p25, median=p50, p75=p75)


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
    least = get_settings().min_salary_sample
    out: list[SalaryBand] = []
    for fits in (("exact", "close"), ("broad",)):
        sel = [r for r in rows if r.fit in fits]
        if not sel:
            continue
        counts = Counter((r.job_title, r.fit or "") for r in sel)
        titles = [
            TitleCount(title=t, n=k, fit=f)
            for (t, f), k in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
        ]
        present = Counter(r.fit or "" for r in sel)
        band = SalaryBand(
            kind="survey", source="aijobs-salaries", dataset=_AIJOBS_NAME,
            year=max(r.work_year for r in sel), period=_years([r.work_year for r in sel]),
            n=len(sel), n_label="salary reports", level=level, place=place,
            fit="+".join(f for f in ("exact", "close", "broad") if f in present),
            basis=_basis(role, present), proxy=fits == ("broad",), titles=titles,
            local=_local(sel, country),
        )  # fmt: skip
        note = "Full-time rows, by the company's country."
        if len(sel) < least:
            note += f" Only {len(sel)} rows, fewer than {least}: too few for percentiles."
            band = band.model_copy(update={"small_sample": True, "note": note})
        else:
            p10, p25, p50, p75, p90 = _pct([r.salary_in_usd for r in sel])
            update = {"p10": p10, "p25": p25, "median": p50, "p75": p75, "p90": p90}
            band = band.model_copy(update={**update, "note": note})
        out.append(band)
    if out and country is not None and country.currency != "USD":
        notes.append(
            f"USD figures use every row's salary_in_usd (the survey's own conversion); the "
            f"{country.currency} figures use only the rows reported in {country.currency}."
        )
    if not out:
        where = f" in {country.name}" if country else ""
        lv = f" at {level} level" if level else ""
        notes.append(
            f"aijobs.net has no full-time {span[0]}-{span[1]} salary rows{where}{lv} "
            f"whose job title maps to {role.title}."
        )
    return out


# ------------------------------------------------------------------------------ OEWS
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
        out.append(_oews_band(rows[0], link, level, place))
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
    least = get_settings().min_salary_sample
    small = n is not None and n < least
    if small:
        parts.append(
            f"only {n} jobs in the employment estimate, fewer than {least}: "
            "BLS's figures, shown with that warning."
        )
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
    """Stated pay and percentile bands for a role, optionally at a level, in a country
    and/or a US area.

    ``area`` (a US state or metro area) applies to OEWS; with no ``country`` it also limits
    the survey rows to the United States. A non-US ``country`` leaves OEWS out.
    """
    role = kb.role(role_id)
    lv = normalise_level(level)
    ctry = resolve_country(country) if country else None
    notes: list[str] = []
    where = resolve_area(area, notes) if area else None
    if where is not None and ctry is None:
        ctry = resolve_country("US")
        notes.append("An OEWS area implies the United States: survey rows are US rows.")
    if where is not None and ctry is not None and ctry.code != "US":
        raise InputError(
            f"area '{area}' is in the United States but country is {ctry.name}; drop one of them."
        )
    bands = _survey(role, lv, ctry, notes)
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
        stated=_stated(kb, role, ctry),
        bands=bands,
        notes=notes,
    )
