"""What a role pays: the seeds' own words, aijobs survey percentiles and BLS OEWS by place."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pydantic import ValidationError

from careermap.cli import main
from careermap.errors import DataError, InputError, UnknownIdError
from careermap.knowledge import broad
from careermap.knowledge.broad.wages import PLACES_PATH, load_places
from careermap.knowledge.loader import DATA_DIR, KnowledgeBase, _parse, load_from
from careermap.knowledge.salary import (
    StatedPay,
    list_areas,
    list_countries,
    resolve_area,
    resolve_country,
    salary_bands,
)
from careermap.knowledge.schemas import Role, SalaryRange, Source, numbers_in
from careermap.knowledge.titles import match_title
from careermap.settings import Settings

DATA_SCIENTIST_OCC = "http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30"
SEEDS = Settings().shared_data.parent / "seeds"
SEED_FILES = {
    "seed-genai-jobs": "000_8fe143d198e1e22f.txt",
    "seed-genai-paths-2026": "001_d5cb72f78e3461e9.txt",
    "seed-genai-developer": "002_29486504dd48f80c.txt",
}
QUOTE = (
    "AI product management roles offer strong salaries, with typical compensation in 2026 "
    "ranging from around $140,000 for mid‑level positions up to $220,000 or more for senior "
    "managers and directors of AI product portfolios."
)


def _role(rid: str, onet: list[tuple[str, str]], salary: list[dict[str, Any]]) -> Role:
    """A role with the fields salary_bands reads; the rest is filler the schema demands."""
    return Role.model_validate(
        {
            "id": rid,
            "title": rid.replace("-", " ").capitalize(),
            "alt_titles": [rid],
            "summary": "test role",
            "responsibilities": ["a", "b", "c"],
            "skills": [
                {"skill": f"skill-{i}", "importance": "essential", "level": "advanced"}
                for i in range(5)
            ],
            "education": {"typical": "master", "fields": ["computer science"]},
            "industries": ["technology"],
            "onet": [{"code": c, "title": t, "fit": "close"} for c, t in onet],
            "esco": [{"uri": DATA_SCIENTIST_OCC, "label": "data scientist", "fit": "close"}],
            "work_styles": ["research"],
            "paths": {"big_tech": "x", "startup": "y", "independent": "z"},
            "salary": salary,
            "sources": ["seed-genai-jobs"],
        }
    )


def _stated(**kw: Any) -> dict[str, Any]:
    base = {
        "quote": QUOTE,
        "low": 140_000,
        "high": 220_000,
        "open_ended": True,
        "qualifier": "typical compensation … ranging from around",
        "level": "mid-level to directors",
        "year": 2026,
        "source": "seed-genai-paths-2026",
    }
    return {**base, **kw}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    roles = [
        _role("data-scientist", [("15-2051.00", "Data Scientists")], [_stated(country="US")]),
        _role("prompt-engineer", [("15-1299.08", "Computer Systems Engineers/Architects")], []),
        _role("mlops-engineer", [("15-1299.08", "Computer Systems Engineers/Architects")], []),
        _role("ai-content-creator", [("27-1024.00", "Graphic Designers")], []),
        _role("ai-ethics-specialist", [("13-1041.07", "Regulatory Affairs Specialists")], []),
        _role("genai-engineer", [("15-1252.00", "Software Developers")], []),
        _role("genai-marketer", [("11-2021.00", "Marketing Managers")], []),
    ]
    sources = {s.id: s for s in _parse(DATA_DIR / "sources.yaml", "sources", Source)}
    return KnowledgeBase(
        sources=sources, skills={}, roles={r.id: r for r in roles}, courses={}, projects={},
        facts={},
    )  # fmt: skip


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return load_from(DATA_DIR)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------- stated ranges
def test_a_stated_range_carries_only_the_figures_its_quote_gives() -> None:
    six = (
        "entry‑level prompt engineers in the United States can expect to earn competitive "
        "six‑figure salaries"
    )
    with pytest.raises(ValidationError, match="not in the quote"):  # "$100,000+" from "six-figure"
        SalaryRange.model_validate(_stated(quote=six, low=100_000, high=None, qualifier=None))
    ok = SalaryRange.model_validate(_stated(quote=six, low=None, high=None, qualifier=None))
    assert (ok.low, ok.high) == (None, None)
    with pytest.raises(ValidationError, match="open_ended"):  # the flag must be decided
        SalaryRange.model_validate({k: v for k, v in _stated().items() if k != "open_ended"})
    with pytest.raises(ValidationError, match="qualifier 'commonly reach'"):
        SalaryRange.model_validate(_stated(qualifier="commonly reach"))
    with pytest.raises(ValidationError, match="quote"):
        SalaryRange.model_validate({k: v for k, v in _stated().items() if k != "quote"})


def test_shipped_ranges_quote_their_seed_word_for_word(shipped: KnowledgeBase) -> None:
    ranges = [(r.id, s) for r in shipped.roles.values() for s in r.salary]
    assert len(ranges) >= 12
    for rid, s in ranges:
        given = numbers_in(s.quote)
        for v in (s.low, s.high):
            assert v is None or float(v) in given, (rid, v)
        if s.open_ended:
            assert any(
                w in s.quote for w in ("or more", "+", "well over", "well past", "exceeding")
            )
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not in {SEEDS}")
    for rid, s in ranges:
        text = (SEEDS / SEED_FILES[s.source]).read_text(encoding="utf-8")
        assert s.quote in text, (rid, s.quote[:60])


def test_or_more_is_kept_and_no_median_is_made(shipped: KnowledgeBase) -> None:
    report = salary_bands(shipped, "genai-engineer")
    figures = [s.figures for s in report.stated]
    assert "up to $300,000 or more" in figures
    assert "no figure stated" in figures  # "the low six figures" has no number
    assert "median" not in StatedPay.model_fields and "p25" not in StatedPay.model_fields
    assert all(not b.source.startswith("seed-") for b in report.bands)
    senior = next(s for s in report.stated if s.low == 200_000)
    assert senior.qualifier == "not uncommon to see … pushing well past"
    assert senior.place == "place not stated" and senior.year is None  # the seed is undated
    prompt = salary_bands(shipped, "prompt-engineer").stated
    assert [s.low for s in prompt] == [None, 180_000, None]


def test_stated_pay_has_its_own_lines_in_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "salary", "genai-engineer")
    assert code == 0
    head, table = out.split("Yearly pay, percentiles", 1)
    assert "Pay as the sources state it" in head and "up to $300,000 or more" in head
    assert "typically ranging from high‑five figures" in head and "[seed-genai-paths-2026]" in head
    assert "seed-genai" not in table.split("•", 1)[0]  # no stated range among the percentiles
    code, out, _ = run(capsys, "role", "genai-engineer")
    assert "[seed-genai-developer]" in out and "$200,000 or more" in out


# --------------------------------------------------------------------------- survey
def test_senior_data_scientist_in_the_us_has_survey_percentiles(kb: KnowledgeBase) -> None:
    report = salary_bands(kb, "data-scientist", level="senior", country="United States")
    assert report.level == "senior" and report.country == "US"
    (band,) = [b for b in report.bands if b.kind == "survey"]
    assert band.source == "aijobs-salaries" and band.fit == "exact+close" and not band.proxy
    assert band.n is not None and band.n >= 1000 and not band.small_sample
    assert band.p10 is not None and band.p90 is not None
    assert band.p10 <= band.p25 <= band.median <= band.p75 <= band.p90  # type: ignore[operator]
    rows = broad.aijobs_salaries(
        "data-scientist", years=(2024, 2025), experience="SE", company_location="US"
    )
    rows = [r for r in rows if r.fit in ("exact", "close")]
    assert band.n == len(rows)
    assert band.median == round(float(np.median([r.salary_in_usd for r in rows])))
    years = Counter(r.work_year for r in rows)
    share = round(100 * years[2025] / len(rows))
    assert band.period == f"2024 ({100 - share}%), 2025 ({share}%)"  # not "2024-2025"
    assert {t.title: t.n for t in band.titles}["Data Scientist"] == sum(
        1 for r in rows if r.job_title == "Data Scientist"
    )


def test_level_codes_and_names_give_the_same_report(kb: KnowledgeBase) -> None:
    a = salary_bands(kb, "data-scientist", level="SE", country="US")
    b = salary_bands(kb, "data-scientist", level="Senior", country="usa")
    assert a == b


def test_too_few_rows_give_n_and_no_percentiles(kb: KnowledgeBase) -> None:
    # aijobs holds 2 full-time 2024-2025 US entry-level MLOps rows.
    report = salary_bands(kb, "mlops-engineer", level="entry", country="US")
    (band,) = [b for b in report.bands if b.kind == "survey"]
    assert band.n == 2 and band.small_sample
    assert (band.p10, band.p25, band.median, band.p75, band.p90) == (None,) * 5
    assert band.note is not None and "too few" in band.note


def test_the_minimum_sample_is_a_setting(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERMAP_MIN_SALARY_SAMPLE", "50000")
    report = salary_bands(kb, "data-scientist", level="senior", country="US")
    (band,) = [b for b in report.bands if b.kind == "survey"]
    assert band.n is not None and band.n < 50_000 and band.median is None and band.small_sample


def test_close_titles_are_not_called_the_role(kb: KnowledgeBase) -> None:
    report = salary_bands(kb, "genai-engineer", country="US")
    close, proxy = [b for b in report.bands if b.kind == "survey"]
    assert close.fit == "close" and not close.proxy
    assert close.basis is not None and "no row's title names the role" in close.basis
    assert close.titles[0].title == "AI Engineer" and close.titles[0].fit == "close"
    assert proxy.proxy and {t.title for t in proxy.titles} == {
        "AI Architect",
        "AI Solution Architect",
    }


def test_proxy_bands_say_which_titles_and_how_many_rows(
    kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    (ethics,) = [b for b in salary_bands(kb, "ai-ethics-specialist").bands if b.kind == "survey"]
    assert ethics.proxy and ethics.basis is not None and ethics.basis.startswith("PROXY")
    assert all(t.title.startswith("Data Governance") for t in ethics.titles)
    assert sum(t.n for t in ethics.titles) == ethics.n
    (marketer,) = [b for b in salary_bands(kb, "genai-marketer").bands if b.kind == "survey"]
    assert marketer.proxy and all("Marketing" in t.title for t in marketer.titles)
    code, out, _ = run(capsys, "salary", "ai-ethics-specialist")
    assert code == 0 and "PROXY" in out and "Data Governance Analyst" in out


def test_non_us_survey_pay_is_also_in_the_local_currency(kb: KnowledgeBase) -> None:
    report = salary_bands(kb, "data-scientist", country="GB")
    (band,) = [b for b in report.bands if b.kind == "survey"]
    assert band.local is not None and band.local.currency == "GBP"
    rows = broad.aijobs_salaries("data-scientist", years=(2024, 2025), company_location="GB")
    gbp = [r.salary for r in rows if r.fit in ("exact", "close") and r.salary_currency == "GBP"]
    assert band.local.n == len(gbp) and band.local.median == round(float(np.median(gbp)))
    assert band.median is not None and band.local.median != band.median  # pounds, not dollars
    us = salary_bands(kb, "data-scientist", country="US")
    assert all(b.local is None for b in us.bands)


def test_role_without_survey_rows_says_so(kb: KnowledgeBase) -> None:
    report = salary_bands(kb, "ai-content-creator", country="US")
    assert not [b for b in report.bands if b.kind == "survey"]
    assert any("no full-time" in n for n in report.notes)
    assert [b.soc for b in report.bands if b.kind == "oews"] == ["27-1024"]


def test_every_alternative_title_of_a_role_maps_back_to_it(shipped: KnowledgeBase) -> None:
    for role in shipped.roles.values():
        for title in [role.title, *role.alt_titles]:
            hit = match_title(title)
            assert hit is not None and hit.role == role.id, (role.id, title, hit)
    architects = {match_title(t).role for t in ("AI Architect", "AI Solution Architect")}  # type: ignore[union-attr]
    assert architects == {"genai-engineer"}


# ---------------------------------------------------------------------------- OEWS
def test_oews_national_band_and_level_hint(kb: KnowledgeBase) -> None:
    plain = salary_bands(kb, "data-scientist")
    entry = salary_bands(kb, "data-scientist", level="entry")
    (a,) = [b for b in plain.bands if b.kind == "oews"]
    (b,) = [b for b in entry.bands if b.kind == "oews"]
    assert (a.soc, a.median, a.n) == ("15-2051", 120_230, 262_440)  # BLS national row
    assert a.n_label == "employment estimate (jobs)"
    assert b.level_hint == "p25" and b.median == a.median and b.p25 == a.p25
    assert b.level is None and b.note is not None and "rule of thumb" in b.note


def test_oews_in_a_metro_area_by_its_main_city(kb: KnowledgeBase) -> None:
    report = salary_bands(kb, "data-scientist", area="San Francisco")
    (band,) = [b for b in report.bands if b.kind == "oews"]
    assert band.place == "San Francisco-Oakland-Fremont, CA"
    (row,) = broad.oews("15-2051", "0041860")
    assert band.median == row.median and band.median is not None and band.median > 120_230
    assert report.country == "US"  # the area implies US survey rows


def test_oews_for_an_onet_sub_occupation_says_it_covers_more(kb: KnowledgeBase) -> None:
    report = salary_bands(kb, "prompt-engineer")
    (band,) = [b for b in report.bands if b.kind == "oews"]
    assert band.soc == "15-1299" and band.onet_code == "15-1299.08"
    assert band.note is not None and "one part of it" in band.note


def test_non_us_country_has_no_oews(kb: KnowledgeBase) -> None:
    report = salary_bands(kb, "data-scientist", country="Germany")
    assert {b.kind for b in report.bands} == {"survey"}
    assert all(b.place == "Germany" for b in report.bands)
    assert any("United States only" in n for n in report.notes)
    with pytest.raises(InputError, match="drop one"):
        salary_bands(kb, "data-scientist", country="UK", area="California")


# -------------------------------------------------------------------------- places
@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("Washington DC", "0047900"),  # not Washington state
        ("Washington, DC", "0047900"),
        ("DC", "1100000"),  # the District of Columbia itself
        ("Washington", "5300000"),
        ("New York City", "0035620"),  # not New York state
        ("NYC", "0035620"),
        ("New York", "3600000"),
        ("San Francisco, CA", "0041860"),
        ("SF", "0041860"),  # not Mansfield, OH
        ("Bay Area", "0041860"),
        ("Austin, TX", "0012420"),
        ("Austin Texas", "0012420"),
        ("Kansas City, KS", "0028140"),
        ("Portland, OR", "0038900"),
        ("Palo Alto, CA", "0041940"),
    ],
)
def test_metro_names_abbreviations_and_city_state_resolve(given: str, code: str) -> None:
    assert resolve_area(given).code == code


def test_an_alias_that_covers_part_of_a_place_says_so() -> None:
    notes: list[str] = []
    assert resolve_area("Bay Area", notes).name == "San Francisco-Oakland-Fremont, CA"
    assert notes and "San Jose" in notes[0]


@pytest.mark.parametrize(
    ("city", "code"),
    [
        ("London", "GB"),
        ("Berlin", "DE"),
        ("Bangalore", "IN"),
        ("London, UK", "GB"),
        ("Germany", "DE"),
    ],
)
def test_a_place_abroad_points_to_the_country(city: str, code: str) -> None:
    with pytest.raises(InputError) as err:
        resolve_area(city)
    assert f"--country {code}" in err.value.one_line() and "\n" not in err.value.one_line()
    assert not isinstance(err.value, UnknownIdError)


def test_ambiguous_places_ask_which_one() -> None:
    with pytest.raises(InputError, match="several OEWS areas"):
        resolve_area("Portland")
    with pytest.raises(InputError, match="--country CA"):  # Vancouver, WA or Vancouver, BC
        resolve_area("Vancouver")
    assert resolve_area("Vancouver, WA").code == "0038900"


def test_the_places_file_is_checked_against_the_broad_layer(tmp_path: Path) -> None:
    places = load_places()
    assert places.aliases["nyc"][0].code == "0035620" and places.abroad["london"] == "GB"
    text = PLACES_PATH.read_text(encoding="utf-8")
    cases = {
        "New York-Newark-Jersey City, NY-NJ": ("New York-Newark, NY", "correct the code"),
        "[New York City, NYC,": ("[New York City, LA, NYC,", "already a state"),
        "IE: [Dublin]": ("IE: [Dublin, London]", "listed twice"),
        "  JP: [Tokyo]": ("  XX: [Tokyo]", "not a non-US country"),
    }
    for old, (new, why) in cases.items():
        assert old in text
        bad = tmp_path / "places.yaml"
        bad.write_text(text.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(DataError, match=why):
            load_places(bad)


def test_unknown_inputs_say_what_is_valid(kb: KnowledgeBase) -> None:
    with pytest.raises(InputError, match="entry, mid, senior, executive"):
        salary_bands(kb, "data-scientist", level="guru")
    with pytest.raises(UnknownIdError) as country:
        salary_bands(kb, "data-scientist", country="Germny")
    assert "Germany" in country.value.suggestions
    with pytest.raises(UnknownIdError) as nowhere:
        resolve_country("Atlantis")
    line = nowhere.value.one_line()
    assert "countrys" not in line and "ISO 3166" in line and nowhere.value.listing is None
    with pytest.raises(UnknownIdError) as area:
        salary_bands(kb, "data-scientist", area="Gotham Metropolis")
    assert area.value.kind == "area" and len(area.value.suggestions) == 3
    with pytest.raises(InputError, match="no OEWS area has the code"):
        resolve_area("1234567")
    with pytest.raises(UnknownIdError):
        salary_bands(kb, "astronaut")


def test_areas_and_countries_resolve_by_code_and_name() -> None:
    assert resolve_area("CA").name == "California"
    assert resolve_area("california").code == "0600000"
    assert resolve_area("0041860").name == "San Francisco-Oakland-Fremont, CA"
    assert resolve_area("national").kind == "national"
    assert resolve_country("uk").code == "GB" and resolve_country("uk").currency == "GBP"
    assert resolve_country("de").name == "Germany"
    countries = list_countries()
    assert countries[0].code == "US" and countries[0].salary_rows > 60_000
    assert len(list_areas("state")) == 54
    with pytest.raises(InputError):
        list_areas("galaxy")


def test_salary_json_keeps_stated_pay_apart(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "salary", "prompt-engineer", "--json")
    data = json.loads(out)
    assert code == 0 and [s["low"] for s in data["stated"]] == [None, 180000, None]
    assert all("quote" in s and "median" not in s for s in data["stated"])
    assert {b["kind"] for b in data["bands"]} <= {"survey", "oews"}


def test_every_shipped_role_gets_sourced_bands(shipped: KnowledgeBase) -> None:
    for role in shipped.roles.values():
        report = salary_bands(shipped, role.id, country="US")
        assert report.bands, role.id
        socs = {o.code[:7] for o in role.onet}
        for band in report.bands:
            assert band.source in shipped.sources, (role.id, band.source)
            if band.kind == "oews":
                assert band.soc in socs
            if band.median is not None:
                assert band.p25 is not None and band.p75 is not None
                assert band.p25 <= band.median <= band.p75
        for st in report.stated:
            assert st.source in shipped.sources and st.quote
