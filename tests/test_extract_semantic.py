"""The semantic stage, with the real ONNX MiniLM model, and extraction on shipped data."""

from __future__ import annotations

from pathlib import Path

import pytest

from careermap.documents import read
from careermap.extract import Lexicon, extract
from careermap.tuning import get_tuning
from kbfactory import make_skill as skill

SKILLS = [
    skill("python", "Python", "programming", "The Python programming language."),
    skill(
        "data-visualization",
        "Data visualization",
        "machine-learning",
        "Showing data in charts and plots so people see patterns.",
        aliases=["data visualisation"],
    ),
    skill(
        "stakeholder-management",
        "Stakeholder management",
        "human",
        "Keeping the people affected by a project informed and on side.",
    ),
]
CHARTS = "Drew charts and plots of the data so people see patterns in it."


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon(SKILLS, [], stoplist=frozenset())


def test_a_described_skill_is_found_by_meaning(lex: Lexicon) -> None:
    text = f"{CHARTS}\nWalked the dog every morning before work started."
    out = extract(text, lexicon=lex, semantic=True)
    assert out.notes == []
    (m,) = out.mentions
    assert (m.skill_id, m.method, m.taxonomy) == ("data-visualization", "semantic", "careermap")
    assert m.text == CHARTS == text[m.start : m.end]
    assert 0 < m.confidence <= 0.6
    assert "semantic" in out.timings
    # lexical only: nothing, as no skill is named
    assert extract(text, lexicon=lex, semantic=False).mentions == []
    assert get_tuning().extract.semantic.careermap_threshold > 0.5


def test_a_semantic_skill_alone_is_foundational(lex: Lexicon) -> None:
    profile = extract(CHARTS, lexicon=lex).profile()
    ps = profile.skills["data-visualization"]
    assert ps.level == "foundational"
    assert ps.evidence[0].text == CHARTS


def test_sentences_naming_a_skill_are_not_read_again(lex: Lexicon) -> None:
    text = "Drew charts and plots of the data in Python so people see patterns in it."
    out = extract(text, lexicon=lex)
    assert [m.method for m in out.mentions] == ["exact"]


def test_only_experience_like_sections_are_read(tmp_path: Path, lex: Lexicon) -> None:
    path = tmp_path / "cv.md"
    path.write_text(f"# Sam\n\n## Experience\n- {CHARTS}\n\n## Interests\n- {CHARTS}\n")
    out = extract(read(path), lexicon=lex)
    assert [(m.method, m.section) for m in out.mentions] == [("semantic", "experience")]


def test_a_negated_sentence_gives_negated_semantic_mentions(lex: Lexicon) -> None:
    text = "Never drew charts and plots of the data so people see patterns in it."
    out = extract(text, lexicon=lex)
    assert out.mentions and all(m.negated for m in out.mentions)
    assert out.profile().skills == {}


# ---- shipped skill graph and ESCO ---------------------------------------------------------
def test_shipped_lexicon_reads_a_resume_line() -> None:
    text = (
        "Built RAG services in Python and C++ with Node.js and React; statistics in R; "
        "sewed a rag doll at Google."
    )
    out = extract(text, taxonomy="both", semantic=False)
    names = {(m.taxonomy, m.text) for m in out.mentions}
    assert {("careermap", "RAG"), ("careermap", "C++"), ("careermap", "Node.js")} <= names
    assert ("careermap", "R") in names  # "statistics" confirms it
    assert not any(m.text in {"rag", "Go"} for m in out.mentions)
    react = [m for m in out.mentions if m.text == "React"]
    assert react and all(m.skill_id != "r-language" for m in react)
    esco = out.of("esco")
    assert any(m.label == "Python (computer programming)" for m in esco)
    for m in out.mentions:
        assert text[m.start : m.end] == m.text


def test_esco_label_inside_a_longer_careermap_name_is_dropped() -> None:
    out = extract("Fitted logistic regression models", taxonomy="both", semantic=False)
    assert all(m.taxonomy == "careermap" for m in out.mentions)
    assert out.mentions
