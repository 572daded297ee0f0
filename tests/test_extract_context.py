"""Context of a mention (negation, level, years, section) and aggregation into a profile."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from careermap.documents import read
from careermap.extract import Extraction, Lexicon, extract
from careermap.extract.context import find_level, find_years, is_negated
from kbfactory import make_skill as skill

TODAY = date(2025, 6, 1)


SKILLS = [
    skill("python", "Python"),
    skill("sql", "SQL"),
    skill("java", "Java"),
    skill("docker", "Docker", "platforms"),
    skill("kubernetes", "Kubernetes", "platforms", aliases=["k8s"]),
    skill("r", "R", ambiguous={"R": ["statistics", "ggplot"]}),
    skill("go", "Go", ambiguous={"Go": ["golang"]}),
    skill("no-code", "No-code tools", "frameworks-tools", aliases=["no-code"]),
    skill("ml", "Machine learning", "machine-learning"),
    skill("pytorch", "PyTorch", "frameworks-tools"),
    skill("rag", "Retrieval-augmented generation", "genai", case_sensitive_aliases=["RAG"]),
    skill("langchain", "LangChain", "frameworks-tools"),
    skill("llms", "Large language models", "genai", case_sensitive_aliases=["LLM"]),
]


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon(SKILLS, [], stoplist=frozenset())


def run(text: str, lex: Lexicon) -> Extraction:
    return extract(text, lexicon=lex, semantic=False)


def facts(text: str, lex: Lexicon) -> dict[str, tuple[Any, Any, bool]]:
    return {m.skill_id: (m.level, m.years, m.negated) for m in run(text, lex).mentions}


# ---- negation -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("No experience with Kubernetes", {"kubernetes"}),
        ("I am not familiar with Docker", {"docker"}),
        ("Built the service without Java", {"java"}),
        ("Never used R for statistics", {"r"}),
        ("Haven't deployed Kubernetes or Docker yet", {"kubernetes", "docker"}),
        ("No experience with Kubernetes, Docker daily", {"kubernetes"}),
        ("No Java; Python every day", {"java"}),
        ("Not Java but Python", {"java"}),
        ("Built no-code tools and Python scripts", set()),
        ("Not only Python but also SQL", set()),
        ("Skills include, but are not limited to, Python and SQL", set()),
        ("No longer use Java", set()),
        ("Shipped without downtime for months using Docker and Kubernetes", set()),
        ("Nothing is merged without Docker tests passing", set()),
        ("We never release without Java integration tests", set()),
        ("Services in Java (no exceptions or reflection)", set()),
        ("Docker (no hands-on experience)", {"docker"}),
    ],
)
def test_negation_is_scoped_to_its_clause(text: str, negated: set[str], lex: Lexicon) -> None:
    got = {sid for sid, (_, _, neg) in facts(text, lex).items() if neg}
    assert got == negated


def test_negation_helper_reads_offsets() -> None:
    s = "Strong Python, but no experience with Kubernetes"
    assert is_negated(s, s.index("Kubernetes"))
    assert not is_negated(s, s.index("Python"))


# ---- levels -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Expert in Python", {"python": "advanced"}),
        ("Proficient in SQL and Python", {"sql": "advanced", "python": "advanced"}),
        ("Strong Java skills", {"java": "intermediate"}),
        ("Solid knowledge of Docker", {"docker": "intermediate"}),
        ("Familiar with Kubernetes", {"kubernetes": "foundational"}),
        ("Basic SQL", {"sql": "foundational"}),
        ("Some experience with Docker", {"docker": "foundational"}),
        ("Exposure to PyTorch", {"pytorch": "foundational"}),
        ("Currently learning Go (golang)", {"go": "foundational"}),
        ("Python (advanced), SQL: basic", {"python": "advanced", "sql": "foundational"}),
        (
            "Docker (one prototype), Java (a single project)",
            {"docker": "foundational", "java": "foundational"},
        ),
        (
            "Expert in Python; familiar with Docker",
            {"python": "advanced", "docker": "foundational"},
        ),
        ("Machine learning with PyTorch", {"ml": None, "pytorch": None}),
        ("Strong communication with teams that use Python", {"python": None}),
        ("Working daily with Docker", {"docker": "intermediate"}),
        (
            "Python at a basic level, Docker to an advanced level",
            {"python": "foundational", "docker": "advanced"},
        ),
        ("Java, one product integration", {"java": "foundational"}),
        (
            "I use Docker and Java at work, but only at a basic level",
            {"docker": "foundational", "java": "foundational"},
        ),
    ],
)
def test_proficiency_cues(text: str, want: dict[str, str | None], lex: Lexicon) -> None:
    got = {sid: level for sid, (level, _, _) in facts(text, lex).items()}
    assert got == want


# ---- years --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("5+ years of Python", {"python": 5.0}),
        ("Python (3 years)", {"python": 3.0}),
        ("over two years experience with SQL", {"sql": 2.0}),
        ("3-5 years of hands-on experience in Java and Docker", {"java": 3.0, "docker": 3.0}),
        ("Ten years of professional Python development", {"python": 10.0}),
        ("2.5 yrs SQL", {"sql": 2.5}),
        ("Python since 2019; led a team of 5 for years", {"python": None}),
        ("5 years at Acme, where I wrote Python", {"python": None}),
        ("Python developer with 5 years' experience", {"python": 5.0}),
        ("Senior Docker engineer with over six years on platforms", {"docker": 6.0}),
        ("Python and SQL, with 3 years in banking", {"python": None, "sql": None}),
        ("For two years I have been working daily with Docker", {"docker": 2.0}),
        ("I have used SQL for three years", {"sql": 3.0}),
    ],
)
def test_years(text: str, want: dict[str, float | None], lex: Lexicon) -> None:
    got = {sid: years for sid, (_, years, _) in facts(text, lex).items()}
    assert got == want


def test_context_helpers_accept_sentence_offsets() -> None:
    s = "Advanced: Python, SQL"
    assert find_level(s, s.index("SQL"), len(s), [(10, 16)]) == "advanced"
    assert find_years("SQL - 4 yrs", 0, 3) == 4.0


# ---- a résumé read by careermap.documents -----------------------------------------------
RESUME = """# Jane Doe

## Summary
Data scientist moving into generative AI. Familiar with Docker.

## Experience

### ML Engineer — Acme Corp
Jan 2019 – Present
- Built RAG services in Python with LangChain
- Fine-tuned LLM models; no experience with Kubernetes

### Data Analyst — Beta Ltd
2015 – 2018
- Wrote SQL reports and Python scripts

## Skills
Python, SQL, R, Go, PyTorch, Kubernetes
"""


@pytest.fixture()
def resume(tmp_path: Path, lex: Lexicon) -> Extraction:
    path = tmp_path / "jane.md"
    path.write_text(RESUME, encoding="utf-8")
    return extract(read(path), lexicon=lex, semantic=False)


def test_sections_come_from_the_document(resume: Extraction) -> None:
    sections = {(m.skill_id, m.section) for m in resume.mentions}
    assert ("docker", "summary") in sections
    assert ("langchain", "experience") in sections
    assert ("pytorch", "skills") in sections
    for m in resume.mentions:
        assert resume.text[m.start : m.end] == m.text


def test_profile_levels_follow_the_rule(resume: Extraction) -> None:
    profile = resume.profile(today=TODAY)
    # an explicit cue wins
    assert profile.level_of("docker") == "foundational"
    # years from dated positions: Python in both jobs, 2015-2018 and 2019-now (3 + 6.4 y)
    assert profile.skills["python"].years == pytest.approx(9.4, abs=0.2)
    assert profile.level_of("python") == "advanced"
    # only in one bullet of the 2019-now job: its 6.4 years are not all LangChain, so the
    # dates show intermediate at most
    assert profile.level_of("langchain") == "intermediate"
    # SQL: only in the 2015-2018 job: three years
    assert profile.level_of("sql") == "intermediate"
    # only listed in the skills section
    assert profile.level_of("pytorch") == "foundational"
    assert profile.level_of("r") == "foundational"


def test_negated_mentions_do_not_count(resume: Extraction) -> None:
    profile = resume.profile(today=TODAY)
    negated = {m.skill_id for m in resume.negated}
    assert negated == {"kubernetes"}
    # listed in the skills section too, with no level: "no experience with" is the
    # person's own word on it, so it is denied, not held
    assert "kubernetes" not in profile.skills
    assert "no experience with Kubernetes" in profile.denied["kubernetes"].text


def test_a_denial_gives_way_to_a_level_cue_and_to_nothing_else(lex: Lexicon) -> None:
    def read(text: str) -> Any:
        return extract(text, lexicon=lex, semantic=False).profile(today=TODAY)

    denied = "I have no experience with Kubernetes.\n"
    # a bare list entry, or a sentence that only names it, says nothing against the denial
    for other in ("Skills: Python, Kubernetes", "Our team moved to Kubernetes in 2023."):
        profile = read(denied + other)
        assert "kubernetes" not in profile.skills and "kubernetes" in profile.denied
    # a level cue or stated years are the person's word too: the skill is held at it
    for other, level in (
        ("Kubernetes (basic)", "foundational"),
        ("Kubernetes: 3 years", "intermediate"),
    ):
        profile = read(denied + other)
        assert profile.skills["kubernetes"].level == level and "kubernetes" not in profile.denied


def test_profile_titles_and_years(resume: Extraction) -> None:
    profile = resume.profile(today=TODAY)
    assert profile.titles == ["ML Engineer", "Data Analyst"]
    assert profile.years_experience == pytest.approx(9.4, abs=0.2)
    for ps in profile.skills.values():
        assert ps.evidence and all(e.text in RESUME for e in ps.evidence)
        assert 0 < ps.confidence <= 0.99


def test_aggregation_without_a_document(lex: Lexicon) -> None:
    text = (
        "Skills: Python, SQL, Docker\n"
        "Deployed Docker containers for the data team.\n"
        "6 years of SQL. Familiar with Python; expert in Python.\n"
        "No experience with Kubernetes."
    )
    profile = run(text, lex).profile()
    assert profile.level_of("python") == "advanced"  # the highest explicit cue
    assert profile.level_of("sql") == "advanced"  # six years
    assert profile.level_of("docker") == "intermediate"  # used in a sentence
    assert profile.level_of("kubernetes") is None  # only negated
    assert profile.titles == [] and profile.years_experience is None
