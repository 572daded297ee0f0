"""The shipped knowledge base: valid, complete against the seeds, and cross-referenced."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from careermap.errors import DataError, UnknownIdError
from careermap.knowledge import DATA_DIR, LEVELS, SKILL_CATEGORIES, KnowledgeBase, load, load_from

SEED_ROLES = {
    "genai-engineer",
    "ml-scientist",
    "prompt-engineer",
    "ai-product-manager",
    "data-scientist",
    "nlp-specialist",
    "mlops-engineer",
    "ai-ethics-specialist",
    "genai-marketer",
    "ai-content-creator",
    "ai-consultant",
    "ml-engineer",
}

# Every course and programme the seed articles name, by a distinctive part of its title.
SEED_COURSES = [
    "AI Foundations for Everyone",
    "Prompt Engineering Basics",
    "Generative AI with LLMs",
    "AI For Everyone",
    "Deep Learning Specialization",
    "PyTorch for Deep Learning",
    "Amazon SageMaker and Azure ML",
    "MLOps on GCP",
    "Complete MLOps Bootcamp",
    "IBM AI Engineering",
    "Machine Learning – Specialty",
]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load()


def test_every_seed_role_is_present_and_complete(kb: KnowledgeBase) -> None:
    assert set(kb.roles) >= SEED_ROLES
    for role in kb.roles.values():
        essentials = [s for s in role.skills if s.importance == "essential"]
        assert essentials, f"{role.id} has no essential skill"
        assert role.courses and role.projects, f"{role.id} lacks courses or projects"
        assert role.competencies, f"{role.id} lacks human competencies"


def test_skill_graph_is_large_and_covers_every_category(kb: KnowledgeBase) -> None:
    assert len(kb.skills) >= 250
    cats = {s.category for s in kb.skills.values()}
    assert cats == set(SKILL_CATEGORIES)
    linked_esco = sum(1 for s in kb.skills.values() if s.esco)
    linked_onet = sum(1 for s in kb.skills.values() if s.onet)
    assert linked_esco >= 100 and linked_onet >= 60


def test_seed_courses_are_present(kb: KnowledgeBase) -> None:
    named = [c.title for c in kb.courses.values() if c.named_in_seeds]
    for fragment in SEED_COURSES:
        assert any(fragment.lower() in t.lower() for t in named), f"missing seed course {fragment}"


def test_no_invented_course_urls(kb: KnowledgeBase) -> None:
    # The seed texts carry no URLs, so any URL would have to come from another source.
    for c in kb.courses.values():
        if c.url is not None:
            assert any(kb.sources[s].kind != "curation" for s in c.sources), c.id


# Core role skills no course in the catalogue honestly takes a learner to at the role's level
# (each course claim stands on the course's hours): a plan shows them as self-study with the
# knowledge base's hour estimate. Graduate-level depth, practice-built skills and the levels
# only work experience or a certification programme gives are here.
SELF_STUDY = {
    ("ai-auditing", "foundational"),
    ("ai-regulation", "intermediate"),
    ("aws-sagemaker", "intermediate"),
    ("business-analysis", "intermediate"),
    ("change-management", "intermediate"),
    ("data-privacy", "intermediate"),
    ("generative-content-creation", "intermediate"),
    ("nlp", "advanced"),
    ("openai-api", "intermediate"),
    ("product-strategy", "intermediate"),
    ("prompt-chaining", "intermediate"),
    ("prompt-engineering", "advanced"),
    ("requirements-engineering", "foundational"),
    ("research-methods", "intermediate"),
    ("risk-management", "intermediate"),
    ("roadmapping", "intermediate"),
    ("sql", "intermediate"),
    ("storytelling", "intermediate"),
    ("technical-writing", "intermediate"),
    ("terraform", "intermediate"),
    ("video-production", "intermediate"),
}


def test_every_core_role_skill_is_taught_by_a_course(kb: KnowledgeBase) -> None:
    # every essential or important skill is taught by an active course to the role's level,
    # or is a known self-study step; the list holds nothing a course has come to cover
    uncovered = {
        (s.skill, s.level)
        for r in kb.roles.values()
        for s in r.skills
        if s.importance in ("essential", "important") and not kb.courses_for(s.skill, s.level)
    }
    assert uncovered == SELF_STUDY
    essentials = {
        s.skill for r in kb.roles.values() for s in r.skills if s.importance == "essential"
    }
    assert all(kb.courses_for(s) for s in essentials), "an essential skill with no course at all"


def test_seed_projects_and_salaries(kb: KnowledgeBase) -> None:
    seed_projects = [p for p in kb.projects.values() if p.named_in_seeds]
    assert len(seed_projects) >= 3
    titles = " ".join(p.title.lower() for p in seed_projects)
    assert "chatbot" in titles and "image" in titles and ("rag" in titles or "retrieval" in titles)
    pe = kb.role("prompt-engineer")
    assert any(s.source == "seed-genai-paths-2026" and (s.low or 0) >= 180_000 for s in pe.salary)
    mlops = kb.role("mlops-engineer")
    assert any(s.low == 100_000 and s.high == 220_000 for s in mlops.salary)


def test_market_facts_carry_the_seed_figures(kb: KnowledgeBase) -> None:
    values = {f.value for f in kb.facts.values()}
    assert {40.8, 22.21, 324.68, 44.2} <= values


def test_every_market_fact_quotes_its_seed(kb: KnowledgeBase) -> None:
    import re

    from careermap.knowledge.schemas import numbers_in
    from careermap.settings import Settings

    for f in kb.facts.values():
        given = numbers_in(f.quote)
        assert f.value is None or f.value in given, (f.id, f.value)
        said = numbers_in(re.sub(r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b", "", f.statement))
        assert said <= given, (f.id, said - given)  # every number in the statement is quoted
    seeds = Settings().shared_data.parent / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"the seed articles are not in {seeds}")
    files = {
        "seed-genai-jobs": "000_8fe143d198e1e22f.txt",
        "seed-genai-paths-2026": "001_d5cb72f78e3461e9.txt",
        "seed-genai-developer": "002_29486504dd48f80c.txt",
    }
    for f in kb.facts.values():
        assert f.quote in (seeds / files[f.source]).read_text(encoding="utf-8"), f.id


def test_facts_from_a_cited_study_name_it_and_the_seed(kb: KnowledgeBase) -> None:
    cited = [f for f in kb.facts.values() if "Grand View Research" in f.statement]
    assert len(cited) == 3
    assert all(f.source == "seed-genai-jobs" for f in cited)
    assert all(f.cites == "grand-view-research-genai-2026" for f in cited)


def test_aliases_resolve_to_one_skill(kb: KnowledgeBase) -> None:
    owner: dict[str, str] = {}
    for s in kb.skills.values():
        for a in [s.label, *s.aliases, *s.case_sensitive_aliases]:
            key = a.lower()
            assert owner.setdefault(key, s.id) == s.id, f"'{a}' names {owner[key]} and {s.id}"
    assert kb.skill("retrieval-augmented generation").id == "rag"
    assert kb.skill("LLMs").id == "large-language-models"


def test_ambiguous_aliases_need_context(kb: KnowledgeBase) -> None:
    r = kb.skill("r-language")
    assert any(a.alias == "R" for a in r.ambiguous)
    assert "R" not in r.aliases


def test_prerequisites_are_ordered(kb: KnowledgeBase) -> None:
    order = kb.prerequisite_order()
    pos = {s: i for i, s in enumerate(order)}
    for s in kb.skills.values():
        for p in s.prerequisites:
            assert pos[p] < pos[s.id], f"{p} should come before {s.id}"
    assert "peft" in kb.ancestors("lora")


def test_level_hours_add_up(kb: KnowledgeBase) -> None:
    h = kb.skill("python").hours
    assert h.to_reach("advanced") == h.foundational + h.intermediate + h.advanced
    assert h.to_reach("advanced", start="foundational") == h.intermediate + h.advanced
    assert LEVELS[0] == "foundational"


def test_unknown_id_suggests_close_matches(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownIdError) as err:
        kb.role("genai-enginer")
    assert "genai-engineer" in err.value.suggestions
    assert "genai-engineer" in str(err.value)


def _copy_kb(tmp_path: Path) -> Path:
    dst = tmp_path / "kb"
    shutil.copytree(DATA_DIR, dst, ignore=shutil.ignore_patterns("*.sqlite", "*.npz"))
    return dst


def test_a_prerequisite_cycle_is_refused(tmp_path: Path) -> None:
    dst = _copy_kb(tmp_path)
    path = next(p for p in (dst / "skills").glob("*.yaml") if "peft" in p.read_text())
    doc = yaml.safe_load(path.read_text())
    for s in doc["skills"]:
        if s["id"] == "peft":
            s["prerequisites"] = [*s.get("prerequisites", []), "lora"]
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    with pytest.raises(DataError, match="cycle"):
        load_from(dst)


def test_a_dangling_reference_is_refused(tmp_path: Path) -> None:
    dst = _copy_kb(tmp_path)
    path = dst / "courses.yaml"
    doc = yaml.safe_load(path.read_text())
    doc["courses"][0]["skills"].append({"skill": "no-such-skill", "level": "foundational"})
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    with pytest.raises(DataError, match="no-such-skill"):
        load_from(dst)


def test_an_invalid_record_names_file_and_field(tmp_path: Path) -> None:
    dst = _copy_kb(tmp_path)
    path = dst / "roles" / "prompt-engineer.yaml"
    doc = yaml.safe_load(path.read_text())
    doc["roles"][0]["skills"][0]["level"] = "guru"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    with pytest.raises(DataError, match=r"prompt-engineer\.yaml.*skills\.0\.level"):
        load_from(dst)


def test_every_shipped_yaml_file_reads_back_the_same_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a YAML file parses to is kept under careermap's home as JSON; read back, it
    is exactly what PyYAML gives (dates included), and a damaged copy is parsed again."""
    import yaml

    from careermap import validation

    monkeypatch.setattr(validation, "_cache_dir", lambda: tmp_path)
    data_dir = Path(validation.__file__).parent / "knowledge" / "data"
    files = sorted(data_dir.rglob("*.yaml"))
    assert len(files) >= 20
    for path in files:
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert validation.read_yaml(path) == expected, path.name  # parsed, then kept
        assert validation.read_yaml(path) == expected, path.name  # from the cache
    kept = sorted(tmp_path.glob("*.json"))
    assert len(kept) == len(files)
    kept[0].write_text("{not json", encoding="utf-8")
    kept[1].write_text('{"__careermap_date__": "not a date"}', encoding="utf-8")
    assert [validation.read_yaml(p) for p in files] == [
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in files
    ]
