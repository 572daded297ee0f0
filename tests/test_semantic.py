"""Semantic linking to ESCO and to careermap's skills, with the real model and shipped data."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from careermap.embed import get_embedder
from careermap.embed.bm25 import LexicalIndex, lexical_tokens
from careermap.extract.semantic import (
    ESCO_VECTORS,
    EscoLinker,
    Scoring,
    SemanticIndex,
    chunk_spans,
    esco_threshold,
    query_chunks,
    skill_index,
)


@pytest.fixture(scope="module")
def linker() -> EscoLinker:
    return EscoLinker.load()


def test_shipped_vectors_fit_the_budget_and_cover_esco(linker: EscoLinker) -> None:
    assert ESCO_VECTORS.stat().st_size < 12_000_000
    assert len(linker) == 13_896 == linker.vectors.shape[0]
    assert linker.ids[0].startswith("http://data.europa.eu/esco/skill/")
    assert linker.meta["esco_version"] == "1.1.1"
    assert EscoLinker.load() is linker  # loaded once per process


def test_a_clear_sentence_links_to_the_right_esco_skill(linker: EscoLinker) -> None:
    (links,) = linker.link(["Experience with Python programming"])
    assert links, "nothing above the threshold"
    assert "Python" in links[0].label
    assert links[0].uri.startswith("http://data.europa.eu/esco/skill/")
    assert all(x.score >= esco_threshold() for x in links)
    assert [x.score for x in links] == sorted((x.score for x in links), reverse=True)


def test_one_sentence_can_name_several_skills(linker: EscoLinker) -> None:
    (links,) = linker.link(["Strong knowledge of SQL and data warehousing"], top_k=5)
    labels = [x.label for x in links]
    assert "SQL" in labels
    assert any("warehous" in lab for lab in labels)


def test_an_unrelated_sentence_links_to_nothing(linker: EscoLinker) -> None:
    assert linker.link(["The weather was nice on Sunday."]) == [[]]


def test_threshold_zero_gives_a_full_ranking(linker: EscoLinker) -> None:
    (links,) = linker.link(["The weather was nice on Sunday."], top_k=7, threshold=0)
    assert len(links) == 7


def test_empty_input(linker: EscoLinker) -> None:
    assert linker.link([]) == []


def test_batch_and_single_queries_agree(linker: EscoLinker) -> None:
    texts = ["Team player with great communication skills", "Knowledge of Java and C#"]
    together = linker.link(texts, top_k=3, threshold=0)
    for text, links in zip(texts, together, strict=True):
        alone = linker.link([text], top_k=3, threshold=0)[0]
        assert [x.id for x in alone] == [x.id for x in links]


def test_chunks_drop_boilerplate_and_split_lists() -> None:
    text = "Experience with Java, C# or Go"
    assert query_chunks(text) == ["Java", "C#", "Go"]
    assert [[text[a:b] for a, b in g] for g in chunk_spans(text)] == [["Java"], ["C#"], ["Go"]]
    assert query_chunks("SQL") == []
    assert query_chunks("Strong knowledge of cloud computing") == ["cloud computing"]


def test_encoded_chunks_rank_like_pooled_ones(linker: EscoLinker) -> None:
    encoded = SemanticIndex(
        linker.ids,
        linker.labels,
        linker.vectors,
        lexical=linker.lexical,
        scoring=Scoring(chunk_vectors="encoded"),
    )
    text = ["Proficiency in Java and Javascript"]
    top_pooled = {x.label for x in linker.link(text, top_k=3)[0]}
    top_encoded = {x.label for x in encoded.search(text, top_k=3, threshold=esco_threshold())[0]}
    assert {"JavaScript", "Java (computer programming)"} <= top_pooled & top_encoded


def test_bm25_round_trips_through_arrays() -> None:
    docs = ["Python (computer programming)\npython", "SQL", "manage musical staff"]
    idx = LexicalIndex.build(docs)
    again = LexicalIndex.from_arrays(idx.to_arrays("x_"), "x_", len(docs))
    s = again.scores(["python and sql", "nothing here"])
    assert s.shape == (2, 3)
    assert s[0, 0] > 0 and s[0, 1] > 0 and s[0, 2] == 0
    assert not s[1].any()
    assert lexical_tokens("C++ and C# in the cloud") == ["c++", "c#", "cloud"]


def test_own_index_caches_vectors_by_text(tmp_path: Path) -> None:
    texts = [["Python", "python programming"], ["prompt engineering", "prompt design"]]
    a = SemanticIndex.from_texts(["py", "pe"], ["Python", "Prompt"], texts, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("vectors-*.npy"))) == 1
    b = SemanticIndex.from_texts(["py", "pe"], ["Python", "Prompt"], texts, cache_dir=tmp_path)
    np.testing.assert_array_equal(a.vectors, b.vectors)
    (links,) = b.search(["I design prompts for LLM apps"], top_k=1, threshold=0)
    assert links[0].id == "pe"


def test_careermap_skills_link_by_meaning(tmp_path: Path) -> None:
    from careermap.knowledge.loader import load

    kb = load()
    wanted = {"rag", "sql", "prompt-engineering", "data-visualization", "xgboost"}
    skills = [s for s in kb.skills.values() if s.id in wanted]
    assert len(skills) == len(wanted)
    idx = skill_index(skills, cache_dir=tmp_path)
    res = idx.search(
        [
            "Built retrieval-augmented generation pipelines over company documents",
            "The weather was nice on Sunday.",
        ],
        top_k=2,
    )
    assert res[0] and res[0][0].id == "rag"
    assert res[1] == []


def test_the_default_cache_lives_under_careermap_home(tmp_path: Path) -> None:
    from careermap.settings import get_settings

    idx = SemanticIndex.from_texts(
        ["a"], ["A"], [["a tiny skill"]], cache_dir=get_settings().home / "cache"
    )
    assert len(idx) == 1
    assert list((get_settings().home / "cache").glob("vectors-*.npy"))


@pytest.mark.shared_data
def test_shipped_vectors_match_the_esco_export(linker: EscoLinker, shared_data: Path) -> None:
    with (shared_data / "esco-1.1.1" / "skills_en.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert linker.ids == [r["conceptUri"] for r in rows]
    assert linker.labels == [r["preferredLabel"].strip() for r in rows]
    fresh = get_embedder().embed([r["preferredLabel"] for r in rows[:50]])
    assert np.min(np.sum(fresh * linker.vectors[:50], axis=1)) > 0.999


def test_top_k_zero_asks_for_nothing(linker: EscoLinker) -> None:
    assert linker.link(["Python", "SQL"], top_k=0, threshold=0) == [[], []]


def test_shipped_skill_vectors_match_the_skill_graph() -> None:
    """Editing the skill YAML without `python scripts/build_vectors.py --skills-only` would
    make every new user's first run embed ~3,000 texts; this catches it."""
    from careermap.embed import get_embedder
    from careermap.extract.semantic import SHIPPED_VECTORS, skill_texts, vectors_name
    from careermap.knowledge import load

    texts = [t for ts in skill_texts(list(load().skills.values())) for t in ts]
    name = vectors_name(get_embedder(), texts)
    assert (SHIPPED_VECTORS / name).is_file(), "run: python scripts/build_vectors.py --skills-only"
