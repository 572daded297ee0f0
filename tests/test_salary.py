"""salary_bands: what a role pays at a level in a place, from seeds, aijobs and OEWS."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from careermap.errors import InputError, UnknownIdError
from careermap.knowledge import broad
from careermap.knowledge.loader import DATA_DIR, KnowledgeBase, _parse, load_from
from careermap.knowledge.salary import (
    list_areas,
    list_countries,
    resolve_area,
    resolve_country,
    salary_bands,
)
from careermap.knowledge.schemas import Role, Source

DATA_SCIENTIST_OCC = "http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30"


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


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    stated = {
        "low": 100_000,
        "high": 150_000,
        "year": 2026,
        "level": "mid to senior",
        "source": "seed-genai-paths-2026",
    }
    roles = [
        _role("data-scientist", [("15-2051.00", "Data Scientists")], [stated]),
        _role("prompt-engineer", [("15-1299.08", "Computer Systems Engineers/Architects")], []),
        _role("mlops-engineer", [("15-1299.08", "Computer Systems Engineers/Architects")], []),
        _role("ai-content-creator", [("27-1024.00", "Graphic Designers")], []),
    ]
    sources = {s.id: s for s in _parse(DATA_DIR / "sources.yaml", "sources", Source)}
    return KnowledgeBase(
        sources=sources,
        skills={},
        roles={r.id: r for r in roles},
        courses={},
        projects={},
        facts={},
    )


def test_senior_data_scientist_in_the_us_has_survey_percentiles(kb: KnowledgeBase) -> None:
    report = salary_bands(kb, "data-scientist", level="senior", country="United States")
    assert report.level == "senior" and report.country == "US"
    survey = [b for b in report.bands if b.kind == "survey" and b.fit == "exact/close"]
    (band,) = survey
    assert band.source == "aijobs-salaries" and band.period == "2024-2025"
    assert band.n is not None and band.n >= 1000 and not band.small_sample
    assert band.p10 is not None and band.p90 is not None
    assert band.p10 <= band.p25 <= band.median <= band.p75 <= band.p90  # type: ignore[operator]
    assert "Data Scientist" in band.titles
    # the same figures straight from the rows
    rows = broad.aijobs_salaries(
        "data-scientist", years=(2024, 2025), experience="SE", company_location="US"
    )
    pay = [r.salary_in_usd for r in rows if r.fit in ("exact", "close")]
    assert band.n == len(pay)
    assert band.median == round(float(np.median(pay)))


def test_level_codes_and_names_give_the_same_report(kb: KnowledgeBase) -> None:
    a = salary_bands(kb, "data-scientist", level="SE", country="US")
    b = salary_bands(kb, "data-scientist", level="Senior", country="usa")
    assert a == b


def test_tiny_sample_is_flagged(kb: KnowledgeBase) -> None:
    # aijobs holds 2 full-time 2024-2025 US entry-level MLOps rows.
    report = salary_bands(kb, "mlops-engineer", level="entry", country="US")
    (band,) = [b for b in report.bands if b.kind == "survey"]
    assert band.n == 2 and band.small_sample
    assert band.note is not None and "too few to trust" in band.note


def test_role_without_survey_rows_says_so(kb: KnowledgeBase) -> None:
    report = salary_bands(kb, "ai-content-creator", country="US")
    assert not [b for b in report.bands if b.kind == "survey"]
    assert any("no full-time" in n for n in report.notes)
    assert [b.soc for b in report.bands if b.kind == "oews"] == ["27-1024"]


def test_stated_range_from_the_seed_is_kept_as_a_range(kb: KnowledgeBase) -> None:
    report = salary_bands(kb, "data-scientist")
    (stated,) = [b for b in report.bands if b.kind == "stated-range"]
    assert (stated.low, stated.high, stated.median) == (100_000, 150_000, None)
    assert stated.source == "seed-genai-paths-2026" and stated.place == "United States"


def test_oews_national_band_and_level_hint(kb: KnowledgeBase) -> None:
    plain = salary_bands(kb, "data-scientist")
    entry = salary_bands(kb, "data-scientist", level="entry")
    (a,) = [b for b in plain.bands if b.kind == "oews"]
    (b,) = [b for b in entry.bands if b.kind == "oews"]
    assert (a.soc, a.median, a.n) == ("15-2051", 120_230, 262_440)  # BLS national row
    assert a.n_label == "employment estimate (jobs)"
    assert b.level_hint == "p25" and b.median == a.median and b.p25 == a.p25
    assert b.level is None and b.note is not None and "rule of thumb" in b.note


def test_oews_in_a_metro_area_by_fuzzy_name(kb: KnowledgeBase) -> None:
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


def test_unknown_inputs_say_what_is_valid(kb: KnowledgeBase) -> None:
    with pytest.raises(InputError, match="entry, mid, senior, executive"):
        salary_bands(kb, "data-scientist", level="guru")
    with pytest.raises(UnknownIdError) as country:
        salary_bands(kb, "data-scientist", country="Germny")
    assert "Germany" in country.value.suggestions
    with pytest.raises(UnknownIdError) as area:
        salary_bands(kb, "data-scientist", area="Gotham Metropolis")
    assert area.value.kind == "area" and len(area.value.suggestions) == 3
    with pytest.raises(InputError, match="several OEWS areas"):
        resolve_area("Portland")
    with pytest.raises(InputError, match="no OEWS area has the code"):
        resolve_area("1234567")
    with pytest.raises(UnknownIdError):
        salary_bands(kb, "astronaut")


def test_areas_and_countries_resolve_by_code_and_name() -> None:
    assert resolve_area("CA").name == "California"
    assert resolve_area("california").code == "0600000"
    assert resolve_area("0041860").name == "San Francisco-Oakland-Fremont, CA"
    assert resolve_area("national").kind == "national"
    assert resolve_country("uk").code == "GB"
    assert resolve_country("de").name == "Germany"
    countries = list_countries()
    assert countries[0].code == "US" and countries[0].salary_rows > 60_000
    assert len(list_areas("state")) == 54
    with pytest.raises(InputError):
        list_areas("galaxy")


def test_every_shipped_role_gets_sourced_bands() -> None:
    shipped = load_from(DATA_DIR, check=False)
    if not shipped.roles:
        pytest.skip("no roles shipped yet")
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
