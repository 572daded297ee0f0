"""The broad layer shipped in broad.sqlite: ESCO, O*NET, OEWS, aijobs, crosswalks."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from careermap.errors import DataError
from careermap.knowledge import broad
from careermap.knowledge.titles import load_title_rules, match_title

PYTHON_SKILL = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
DATA_SCIENTIST = "http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30"
CONTRACT_ROLES = {
    "genai-engineer", "ml-scientist", "prompt-engineer", "ai-product-manager", "data-scientist",
    "nlp-specialist", "mlops-engineer", "ai-ethics-specialist", "genai-marketer",
    "ai-content-creator", "ai-consultant", "ml-engineer",
}  # fmt: skip


def test_esco_holds_every_skill_with_python_among_digital_skills() -> None:
    assert sum(1 for _ in broad.esco_skills()) == 13_896
    py = broad.esco_skill(PYTHON_SKILL)
    assert py is not None
    assert py.label == "Python (computer programming)"
    assert "Python" in py.alt_labels
    assert py.is_digital and py.skill_type == "knowledge"
    assert py.description is not None and len(py.description) <= 300
    assert broad.esco_skill(PYTHON_SKILL.rsplit("/", 1)[1]) == py  # bare id works too
    parents = {c.label for c in broad.esco_skill_broader(PYTHON_SKILL)}
    assert "computer programming" in parents


def test_esco_occupation_has_its_skills_and_an_onet_match() -> None:
    occ = broad.esco_occupation(DATA_SCIENTIST)
    assert occ is not None and occ.label == "data scientist" and occ.isco_group == "2511"
    skills = broad.esco_occupation_skills(DATA_SCIENTIST)
    essential = [s for s in skills if s.essential]
    assert essential and skills[: len(essential)] == essential  # essential ones come first
    assert any(s.label == "data mining" for s in skills)
    # Nesta matched it to the 2010 code 15-1111.00, carried to 29.3 by its title.
    link = broad.crosswalk_esco_to_onet(DATA_SCIENTIST)
    assert link is not None
    assert (link.onet_code_2010, link.onet_code, link.mapped_by) == (
        "15-1111.00",
        "15-1221.00",
        "same-title",
    )
    assert link.confidence == 2.0 and link.inherited_from is None


def test_crosswalk_inherits_from_the_parent_occupation() -> None:
    tech_director = "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34"
    occ = broad.esco_occupation(tech_director)
    assert occ is not None and occ.broader_uri is not None
    link = broad.crosswalk_esco_to_onet(tech_director)
    assert link is not None and link.inherited_from == occ.broader_uri


def test_onet_data_scientists_list_python_as_hot_and_in_demand() -> None:
    occ = broad.onet_occupation("15-2051")
    assert occ is not None and occ.title == "Data Scientists" and occ.job_zone == 4
    tech = {t.example: t for t in broad.onet_tech_skills("15-2051.00")}
    assert tech["Python"].hot and tech["Python"].in_demand
    assert tech["PyTorch"].hot
    assert broad.tech_skill_flags("python") == (True, True)
    assert broad.tech_skill_flags("no such technology") is None
    assert "15-2051.00" in broad.tech_skill_occupations("Python")


def test_interests_are_riasec_scores_with_investigative_highest() -> None:
    scores = broad.interests("15-2051.00")
    assert scores is not None and set(scores) == set("RIASEC")
    assert all(1.0 <= v <= 7.0 for v in scores.values())
    assert max(scores, key=lambda k: scores[k]) == "I"
    assert broad.interest_high_points("15-2051.00") == "IC"


def test_related_occupations_tasks_and_titles() -> None:
    related = broad.related_occupations("15-2051.00")
    assert related[0].index == 1 and related[0].tier == "Primary-Short"
    assert any(r.title == "Statisticians" for r in related)
    tasks = broad.tasks("15-2051.00")
    assert any("statistical software" in t.task for t in tasks)
    titles = {t.title for t in broad.onet_alternate_titles("15-2051.00")}
    assert "Applied Scientist" in titles
    zone = broad.job_zone_info(4)
    assert zone is not None and "Considerable" in zone.name
    levels = broad.education("11-1011.00")  # Chief Executives: shares of 12 levels
    assert len(levels) == 12 and sum(e.pct for e in levels) == pytest.approx(100, abs=1)
    assert levels[7].label == "Master's Degree"


def test_oews_national_data_scientists_match_the_bls_release() -> None:
    # oews_may2025_all_industries_by_area.csv, national row for 15-2051:
    # employment 262440, a_mean 126800, a_pct10 67240, a_pct25 85660, a_median 120230,
    # a_pct75 158880, a_pct90 199130.
    (row,) = broad.oews("15-2051.00")
    assert row.area.kind == "national" and row.title == "Data Scientists"
    assert (row.employment, row.mean, row.p10, row.p25, row.median, row.p75, row.p90) == (
        262440,
        126800,
        67240,
        85660,
        120230,
        158880,
        199130,
    )
    assert not row.annual_withheld


def test_oews_withheld_wages_are_none_and_flagged() -> None:
    # Actors: BLS publishes '-' for annual wages (hourly only), hourly median 29.05.
    (row,) = broad.oews("27-2011")
    assert row.annual_withheld and row.median is None and row.hourly_median == 29.05


def test_oews_covers_states_and_metros_for_the_roles_groups() -> None:
    kinds = {a.kind for a in broad.oews_areas()}
    assert kinds == {"national", "state", "metro", "nonmetro"}
    assert len(broad.oews_areas("state")) == 54
    areas = {w.area.name for w in broad.oews_by_area("15-2051")}
    assert {"California", "San Jose-Sunnyvale-Santa Clara, CA"} <= areas


def test_genai_applicability_score() -> None:
    score = broad.genai_applicability("15-2051.00")
    assert score is not None and score.title == "Data Scientists"
    assert score.score == pytest.approx(0.35716, abs=1e-5)


def test_aijobs_rows_carry_the_role_their_title_maps_to() -> None:
    rows = broad.aijobs_salaries("prompt-engineer", employment_type=None)
    assert rows and {r.job_title for r in rows} == {"Prompt Engineer"}
    assert all(r.salary_in_usd > 0 for r in rows)
    engineers = broad.aijobs_salaries(None, years=(2024, 2024), company_location="US")
    assert any(r.job_title == "Data Engineer" and r.role_id is None for r in engineers)


def test_title_rules_name_contract_roles_and_map_common_titles() -> None:
    rules = load_title_rules()
    assert rules.roles() <= CONTRACT_ROLES
    expected = {
        "Prompt Engineer": "prompt-engineer",
        "Generative AI Engineer": "genai-engineer",
        "Senior LLM Engineer": "genai-engineer",
        "AI Engineer": "genai-engineer",
        "Machine Learning Engineer": "ml-engineer",
        "Research Scientist": "ml-scientist",
        "Machine Learning Scientist": "ml-scientist",
        "Lead Data Scientist": "data-scientist",
        "NLP Engineer": "nlp-specialist",
        "MLOps Engineer": "mlops-engineer",
        "AI Product Manager": "ai-product-manager",
        "Responsible AI Lead": "ai-ethics-specialist",
        "AI Ethics Specialist": "ai-ethics-specialist",
        "AI Strategy Consultant": "ai-consultant",
        "Generative AI Marketing Manager": "genai-marketer",
        "AI Content Creator": "ai-content-creator",
    }
    got = {t: (m.role if (m := match_title(t)) else None) for t in expected}
    assert got == expected
    assert match_title("Data Engineer") is None
    generic = match_title("Product Manager")
    assert generic is not None and generic.fit == "broad"


def test_meta_counts_match_the_tables() -> None:
    meta = broad.meta()
    assert meta["schema_version"] == broad.SCHEMA_VERSION
    assert set(meta["sources"].split(",")) == {
        "esco-1-1-1",
        "onet-29-3",
        "bls-oews-2025",
        "aijobs-salaries",
        "nesta-crosswalk",
        "ms-working-with-ai",
    }
    conn = broad.connect()
    for key, value in meta.items():
        if key.startswith("rows."):
            table = key.removeprefix("rows.")
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == int(value)


def test_missing_file_says_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"scripts/build_broad\.py"):
        broad.connect(tmp_path / "broad.sqlite")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database" * 100)
    with pytest.raises(DataError, match="not a careermap broad data file"):
        broad.connect(bad)


@pytest.mark.shared_data
def test_row_counts_equal_the_raw_files(shared_data: Path) -> None:
    shared = shared_data

    def rows(path: Path, delimiter: str = ",") -> int:
        with path.open(encoding="utf-8", newline="") as fh:
            quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
            return sum(1 for _ in csv.DictReader(fh, delimiter=delimiter, quoting=quoting))

    onet = shared / "onet-29.3" / "text"
    meta = broad.meta()
    expected = {
        "esco_skill": rows(shared / "esco-1.1.1" / "skills_en.csv"),
        "esco_occupation": rows(shared / "esco-1.1.1" / "occupations_en.csv"),
        "isco_group": rows(shared / "esco-1.1.1" / "ISCOGroups_en.csv"),
        "onet_occupation": rows(onet / "Occupation Data.txt", "\t"),
        "onet_tech": rows(onet / "Technology Skills.txt", "\t"),
        "onet_task": rows(onet / "Task Statements.txt", "\t"),
        "onet_related": rows(onet / "Related Occupations.txt", "\t"),
        "onet_interest": rows(onet / "Interests.txt", "\t") // 9,  # 6 scores + 3 high points
        "esco_onet_crosswalk": rows(
            shared / "nesta-esco-onet-crosswalk" / "esco_onet_crosswalk_Nov2020.csv"
        ),
        "genai_applicability": rows(
            shared / "ms-working-with-ai" / "soc_ai_applicability_scores.csv"
        ),
        "aijobs_salary": rows(shared / "aijobs-salaries" / "salaries.csv"),
    }
    assert {k: int(meta[f"rows.{k}"]) for k in expected} == expected
