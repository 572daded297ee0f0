"""Sources: what careermap takes from each, who cites it, and the licences in NOTICE."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from careermap.cli import main
from careermap.knowledge import broad
from careermap.knowledge.loader import DATA_DIR, KnowledgeBase, load_from
from careermap.knowledge.schemas import MarketFact, Source

REPO = Path(__file__).resolve().parent.parent
NOTICE = (REPO / "NOTICE").read_text(encoding="utf-8")
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
# the sources careermap's own records and data files come from
CORE_SOURCES = {
    "seed-genai-jobs", "seed-genai-paths-2026", "seed-genai-developer",
    "grand-view-research-genai-2026", "esco-1-1-1", "onet-29-3", "bls-oews-2025",
    "aijobs-salaries", "ms-working-with-ai", "nesta-crosswalk", "provider-catalogue",
    "careermap-curation",
}  # fmt: skip


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_from(DATA_DIR)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_each_source_says_what_careermap_takes_from_it(kb: KnowledgeBase) -> None:
    assert set(kb.sources) >= CORE_SOURCES
    for sid in CORE_SOURCES:
        assert kb.sources[sid].provides, f"{sid} has no 'provides'"


def test_citation_counts_match_the_records(kb: KnowledgeBase) -> None:
    counts = kb.citations()
    assert set(counts) == set(kb.sources)
    ranges = sum(
        1 for r in kb.roles.values() for s in r.salary if s.source == "seed-genai-paths-2026"
    )
    assert counts["seed-genai-paths-2026"]["salary ranges"] == ranges > 0
    assert counts["onet-29-3"]["roles"] == sum(
        1 for r in kb.roles.values() if "onet-29-3" in r.sources
    )
    facts = [f for f in kb.facts.values() if f.cites == "grand-view-research-genai-2026"]
    assert counts["grand-view-research-genai-2026"] == {"facts": len(facts)} and facts
    assert counts["bls-oews-2025"] == {}  # used by `careermap salary`, cited by no record


def test_sources_command_shows_provides_counts_and_citations(
    capsys: pytest.CaptureFixture[str], kb: KnowledgeBase
) -> None:
    code, out, _ = run(capsys, "sources", "--json")
    data = {s["id"]: s for s in json.loads(out)}
    assert code == 0 and set(data) == set(kb.sources)
    assert data["seed-genai-developer"]["records"] == kb.citations()["seed-genai-developer"]
    assert data["aijobs-salaries"]["provides"]
    code, out, _ = run(capsys, "sources")
    flat = " ".join(out.split())
    assert "cited by seed-genai-jobs, which accessed it on 2026-05-18" in flat
    assert "salary ranges" in flat and "careermap takes" in flat


def test_a_study_known_through_a_seed_carries_the_seeds_access_date(kb: KnowledgeBase) -> None:
    gvr = kb.sources["grand-view-research-genai-2026"]
    assert gvr.accessed is None and gvr.cited_by is not None
    assert gvr.cited_by.source == "seed-genai-jobs" and str(gvr.cited_by.accessed) == "2026-05-18"
    assert "Accessed May 18, 2026" in gvr.cited_by.reference
    base = gvr.model_dump()
    with pytest.raises(ValidationError, match="belongs under cited_by"):
        Source.model_validate({**base, "accessed": "2026-05-18"})
    with pytest.raises(ValidationError, match="cited by itself"):
        Source.model_validate({**base, "cited_by": {**base["cited_by"], "source": gvr.id}})


def test_a_fact_citing_an_unknown_study_is_a_problem(kb: KnowledgeBase) -> None:
    fact = next(f for f in kb.facts.values() if f.cites)
    broken = MarketFact.model_validate({**fact.model_dump(), "cites": "no-such-study"})
    bad = KnowledgeBase(
        sources=kb.sources, skills=kb.skills, roles=kb.roles, courses=kb.courses,
        projects=kb.projects, facts={**kb.facts, fact.id: broken},
    )  # fmt: skip
    assert any("no-such-study" in p for p in bad.problems())


def test_notice_names_every_shipped_data_file() -> None:
    data = REPO / "src" / "careermap" / "knowledge" / "data"
    shipped = [p.name for p in data.iterdir() if p.suffix in (".sqlite", ".npz")]
    assert {"broad.sqlite", "esco_vectors.npz", "occupation_vectors.npz"} <= set(shipped)
    for name in [*shipped, "skill_vectors/", "esco_stoplist.txt", "tokenizer.json"]:
        assert name in NOTICE, f"NOTICE does not name {name}"


def test_notice_carries_each_licences_required_text() -> None:
    assert "This service uses the ESCO classification of the European Commission." in NOTICE
    assert "This product includes information from the O*NET 29.3 Database" in NOTICE
    assert NOTICE.count(CC_BY) >= 2  # O*NET and Working with AI
    assert "Copyright (c) 2021 Nesta" in NOTICE
    assert "The above copyright notice and this permission notice shall be included" in NOTICE
    assert "CC0 1.0" in NOTICE and "public domain" in NOTICE
    meta = broad.meta()
    for sid in meta["sources"].split(","):  # every data set in broad.sqlite is attributed
        assert meta[f"attribution.{sid}"], sid


@pytest.mark.shared_data
def test_notice_matches_the_licences_of_the_raw_data(shared_data: Path) -> None:
    licences = {
        "esco-1.1.1": "2011/833/EU",
        "onet-29.3": "CC BY 4.0",
        "oews-2025": "public domain",
        "aijobs-salaries": "CC0 1.0",
        "ms-working-with-ai": "CC BY 4.0",
        "nesta-esco-onet-crosswalk": "MIT",
    }
    for folder, licence in licences.items():
        readme = (shared_data / folder / "README.txt").read_text(encoding="utf-8")
        assert licence in readme, f"{folder}: README no longer says {licence}"
        assert licence in NOTICE
