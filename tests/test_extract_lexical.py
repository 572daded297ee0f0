"""Lexical skill matching: token boundaries, case rules, ambiguous aliases, ESCO labels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careermap.extract import EscoEntry, Lexicon, extract
from careermap.extract.lexical import load_stoplist, shipped_esco
from careermap.extract.sentences import split_sentences
from kbfactory import make_skill as skill

ESCO = "http://data.europa.eu/esco/skill/"


SKILLS = [
    skill("python", "Python", aliases=["Python 3"], esco=[ESCO + "py"]),
    skill("r", "R", ambiguous={"R": ["statistics", "ggplot", "tidyverse", "rstudio"]}),
    skill("go", "Go", ambiguous={"Go": ["golang", "goroutines", "microservices"]}),
    skill("c", "C", ambiguous={"C": ["embedded", "firmware", "pointers"]}),
    skill("cpp", "C++"),
    skill("c-sharp", "C#"),
    skill("dotnet", ".NET", "frameworks-tools"),
    skill("nodejs", "Node.js", "frameworks-tools", aliases=["NodeJS"]),
    skill("react", "React", "frameworks-tools", aliases=["React.js"]),
    skill("sql", "SQL"),
    skill("rag", "Retrieval-augmented generation", "genai", case_sensitive_aliases=["RAG"]),
    skill("llms", "Large language models", "genai", case_sensitive_aliases=["LLM"]),
    skill(
        "spark",
        "Apache Spark",
        "frameworks-tools",
        ambiguous={"Spark": ["hadoop", "pyspark", "databricks", "big data"]},
    ),
    skill("fine-tuning", "Fine-tuning", "genai", aliases=["fine tuning LLMs"]),
    skill("ml", "Machine learning", "machine-learning", esco=[ESCO + "ml"]),
    skill("communication", "Communication", "human"),
]
SMALL_ESCO = [
    EscoEntry(ESCO + "py", "Python (computer programming)", ("python",)),
    EscoEntry(ESCO + "ml", "machine learning", ("ML",)),
    EscoEntry(ESCO + "plan", "plan", ()),
]


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon(SKILLS, SMALL_ESCO, stoplist=frozenset({"plan"}))


def found(text: str, lex: Lexicon, taxonomy: str = "careermap") -> list[tuple[str, str]]:
    out = extract(text, lexicon=lex, taxonomy=taxonomy, semantic=False)  # type: ignore[arg-type]
    for m in out.mentions:
        assert text[m.start : m.end] == m.text
        assert text[m.sentence_start : m.sentence_end] == m.sentence
    return [(m.skill_id, m.text) for m in out.mentions]


# ---- token boundaries -------------------------------------------------------------------
def test_short_names_are_not_found_inside_longer_words(lex: Lexicon) -> None:
    text = "Built React dashboards at Google with Reactive streams; statistics in ggplot."
    assert found(text, lex) == [("react", "React")]


def test_symbols_in_names_match_whole(lex: Lexicon) -> None:
    text = "Embedded services in C++ and C#, APIs on .NET and Node.js; ASP.NET too."
    ids = [sid for sid, _ in found(text, lex)]
    assert ids == ["cpp", "c-sharp", "dotnet", "nodejs", "dotnet"]
    assert found("Embedded firmware in C and C++", lex) == [("c", "C"), ("cpp", "C++")]
    assert found("Net income; NET gains", lex) == []


def test_node_js_spelled_differently(lex: Lexicon) -> None:
    assert found("NodeJS backend, React.js frontend", lex) == [
        ("nodejs", "NodeJS"),
        ("react", "React.js"),
    ]


def test_hyphen_and_space_forms_read_the_same(lex: Lexicon) -> None:
    assert [s for s, _ in found("machine-learning and fine tuning", lex)] == ["ml", "fine-tuning"]


def test_plural_is_accepted_and_kept_in_the_span(lex: Lexicon) -> None:
    assert found("Deployed LLMs in production", lex) == [("llms", "LLMs")]


def test_longest_match_wins(lex: Lexicon) -> None:
    assert found("Experience fine tuning LLMs", lex) == [("fine-tuning", "fine tuning LLMs")]


def test_wrapped_line_matches_but_not_across_a_blank_line(lex: Lexicon) -> None:
    assert found("built machine\nlearning systems", lex) == [("ml", "machine\nlearning")]
    assert found("machine\n\nlearning", lex) == []


PIECES = [
    *(
        [
            "Python",
            "R",
            ".NET",
            "C++",
            "C#",
            "Node.js",
            "rag",
            "RAG",
            "Go",
            "go",
            "Spark",
            "LLMs",
            "machine",
            "learning",
            "Net",
        ]
    ),
    *(["-", "(", ")", ",", "&", "/", ".", ";", ":", "é", "—", "•", "\n"]),
    " ",
    "  ",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_spans_always_point_at_the_text(lex: Lexicon, text: str) -> None:
    out = extract(text, lexicon=lex, taxonomy="both", semantic=False)
    for m in out.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text and m.text.strip() == m.text
        assert m.sentence_start <= m.start and m.sentence == text[m.sentence_start : m.sentence_end]


# ---- case rules ---------------------------------------------------------------------------
def test_acronym_aliases_need_their_case(lex: Lexicon) -> None:
    assert found("Built a RAG pipeline", lex) == [("rag", "RAG")]
    assert found("She sewed a rag doll", lex) == []


def test_plain_aliases_match_in_any_case(lex: Lexicon) -> None:
    assert found("PYTHON and python and Python", lex) == [
        ("python", "PYTHON"),
        ("python", "python"),
        ("python", "Python"),
    ]


# ---- ambiguous aliases --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Statistics in R with ggplot",
        "Skills: Python, R, SQL",
        "Languages: R | Python",
        "Wrote microservices in Go",
        "Python, Go, R",
        "Spark and Hadoop clusters",
        "Big data with Spark",
    ],
)
def test_ambiguous_alias_kept_in_context(text: str, lex: Lexicon) -> None:
    ids = {sid for sid, _ in found(text, lex)}
    assert ids & {"r", "go", "spark"}


@pytest.mark.parametrize(
    "text",
    [
        "Led R&D for the platform team",
        "As described in Section R of the contract",
        "Managed by John R. Smith",
        "Go to market with the new product",
        "Led the go-to-market plan",
        "We hope our tools spark joy",
        "Spark your career today",
        "Reported to the C-suite",
        "Grade: R",
    ],
)
def test_ambiguous_alias_rejected_without_context(text: str, lex: Lexicon) -> None:
    ids = {sid for sid, _ in found(text, lex)}
    assert not ids & {"r", "go", "spark"}


def test_one_sense_per_document_but_not_for_a_first_word(lex: Lexicon) -> None:
    text = "Familiar with Go.\nGo to market.\nSkills: Python, Go"
    got = [(sid, text[:start].count("\n")) for sid, start in _starts(text, lex)]
    assert got == [("go", 0), ("python", 2), ("go", 2)]


def _starts(text: str, lex: Lexicon) -> list[tuple[str, int]]:
    return [(m.skill_id, m.start) for m in extract(text, lexicon=lex, semantic=False).mentions]


def test_list_neighbours_must_be_technical(lex: Lexicon) -> None:
    assert found("Communication, R, teamwork", lex) == [("communication", "Communication")]


def test_rejected_ambiguous_span_hides_esco_too() -> None:
    lex = Lexicon(SKILLS, [EscoEntry(ESCO + "spark", "Spark", ())], stoplist=frozenset())
    assert found("Spark your career", lex, "both") == []
    assert ("spark", "Spark") in found("Spark on Databricks", lex, "both")


# ---- ESCO ---------------------------------------------------------------------------------
def test_esco_mentions_map_to_careermap_skills(lex: Lexicon) -> None:
    out = extract("Python and machine learning", lexicon=lex, taxonomy="esco", semantic=False)
    by_uri = {m.skill_id: m for m in out.mentions}
    assert set(by_uri) == {ESCO + "py", ESCO + "ml"}
    assert by_uri[ESCO + "py"].careermap_ids == ("python",)
    assert by_uri[ESCO + "py"].label == "Python (computer programming)"
    assert out.skill_ids("careermap") == ["python", "ml"]


def test_esco_stoplist_and_minimum_length(lex: Lexicon) -> None:
    assert found("We plan to ship", lex, "esco") == []
    tiny = Lexicon([], [EscoEntry(ESCO + "x", "ML", ("AI",))], stoplist=frozenset())
    assert found("ML and AI", tiny, "esco") == []


def test_shipped_stoplist_reads_plain_words() -> None:
    stop = load_stoplist()
    assert {"plan", "current", "standards"} <= stop
    assert "machine learning" not in stop
    assert all(w == w.lower().strip() and "#" not in w for w in stop)


def test_both_taxonomies_report_the_same_span_once_each(lex: Lexicon) -> None:
    out = extract("Python developer", lexicon=lex, taxonomy="both", semantic=False)
    assert sorted(m.taxonomy for m in out.mentions) == ["careermap", "esco"]
    esco = out.of("esco")[0]
    assert esco.method == "exact"  # "Python" is its preferred label without the qualifier


@pytest.fixture(scope="module")
def full_esco() -> Lexicon:
    return Lexicon([], shipped_esco())


def test_real_esco_labels_found_on_word_boundaries(full_esco: Lexicon) -> None:
    text = "Strong project management and SQL; we plan to use Python (computer programming)."
    out = extract(text, lexicon=full_esco, taxonomy="esco", semantic=False)
    labels = {m.label for m in out.mentions}
    assert {"project management", "SQL", "Python (computer programming)"} <= labels
    assert "plan" not in {m.text for m in out.mentions}
    for m in out.mentions:
        assert m.skill_id.startswith(ESCO)
        assert text[m.start : m.end] == m.text


# ---- sentences ------------------------------------------------------------------------------
def test_sentences_keep_offsets_and_skip_abbreviations() -> None:
    text = "• Built apps, e.g. chat\n  bots. Then J. Smith joined.\nSkills: Python"
    got = [(s.text, text[s.start : s.end]) for s in split_sentences(text)]
    assert [a for a, _ in got] == [
        "Built apps, e.g. chat\n  bots.",
        "Then J. Smith joined.",
        "Skills: Python",
    ]
    assert all(a == b for a, b in got)


# ---- coordinations ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Prompt writing and evaluation for the support bot.", ("llm-evaluation", "evaluation")),
        ("Unit and integration testing with pytest.", ("software-testing", "Unit")),
        ("Linear and logistic regression models.", ("regression", "Linear")),
        ("Model training and deployment on AWS.", ("model-deployment", "deployment")),
    ],
)
def test_a_word_a_coordination_leaves_out_is_read_back(text: str, want: tuple[str, str]) -> None:
    """The shipped graph's two-word names, found on the word that stands alone."""
    got = [(m.skill_id, m.text) for m in extract(text, semantic=False).mentions]
    assert want in got


def test_a_coordination_needs_the_name_itself() -> None:
    """Words that only look coordinated give nothing: no 'computer engineering' skill, and
    punctuation between the words breaks the coordination."""
    assert extract("Computer science and engineering.", semantic=False).mentions == []
    got = {m.skill_id for m in extract("Prompt writing, and evaluation.", semantic=False).mentions}
    assert "llm-evaluation" not in got
