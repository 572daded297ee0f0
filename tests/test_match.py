"""Matching a person to roles and the gap to a target role, on the shipped knowledge base."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from careermap.knowledge import KnowledgeBase, load
from careermap.knowledge.schemas import Level
from careermap.match import compute_gap, match_skills, rank_roles, recognise
from careermap.match.skills import self_rating_share
from careermap.profile import Evidence, Profile, ProfileSkill, SkillNeed


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load()


def person(skills: Iterable[tuple[str, Level]], titles: list[str] | None = None) -> Profile:
    return Profile(
        titles=titles or [],
        skills={
            s: ProfileSkill(
                skill=s, level=lv, confidence=0.9, evidence=[Evidence(text=f"I use {s}.")]
            )
            for s, lv in skills
        },
    )


ML_PERSON = [
    ("python", "advanced"),
    ("pytorch", "advanced"),
    ("deep-learning", "advanced"),
    ("ml-fundamentals", "advanced"),
    ("linear-algebra", "intermediate"),
    ("calculus", "intermediate"),
    ("probability", "intermediate"),
    ("statistics", "intermediate"),
    ("transformer-architecture", "intermediate"),
    ("research-paper-implementation", "intermediate"),
    ("model-training", "advanced"),
    ("model-evaluation", "advanced"),
]
MARKETER = [
    ("marketing-strategy", "advanced"),
    ("content-marketing", "advanced"),
    ("seo", "intermediate"),
    ("social-media-marketing", "advanced"),
    ("copywriting", "advanced"),
    ("chatgpt", "intermediate"),
    ("prompt-engineering", "foundational"),
    ("marketing-analytics", "intermediate"),
]


def test_skill_profiles_rank_the_obvious_role_first(kb: KnowledgeBase) -> None:
    ml = rank_roles(kb, person(ML_PERSON))
    assert ml.matches[0].role in {"ml-scientist", "ml-engineer", "nlp-specialist"}
    mk = rank_roles(kb, person(MARKETER))
    assert mk.matches[0].role == "genai-marketer"
    ranks = [m.rank for m in mk.matches]
    assert ranks == sorted(ranks) and ranks[0] == 1
    assert all(0 <= m.score <= 100 for m in mk.matches)
    assert mk.components_used == ["skills"]


def test_match_shows_evidence_and_missing_skills(kb: KnowledgeBase) -> None:
    cov = match_skills(kb, kb.role("genai-marketer"), person(MARKETER))
    matched = cov.by_status("matched")
    assert matched and all(m.evidence for m in matched)
    assert cov.by_status("missing")
    assert 0 < cov.score < 1


def test_under_level_is_partial_not_matched(kb: KnowledgeBase) -> None:
    role = kb.role("genai-engineer")
    need = next(s for s in role.skills if s.skill == "python")
    low = person([("python", "foundational")])
    row = next(s for s in match_skills(kb, role, low).skills if s.skill == "python")
    if need.level == "foundational":
        pytest.skip("python is only foundational for this role")
    assert row.status == "partial" and 0 < row.credit < 1


def test_self_rating_counts_less_than_evidence_and_never_overrides_it(kb: KnowledgeBase) -> None:
    role = kb.role("ml-engineer")
    programming = [
        (rs.skill, "advanced")
        for rs in role.skills
        if kb.skills[rs.skill].category == "programming"
    ]
    shown = person(programming)
    rated = Profile(self_ratings={"programming": "advanced"})
    evidence_share = match_skills(kb, role, shown).score
    rating_share = self_rating_share(kb, role, rated)
    assert rating_share is not None and 0 < rating_share < evidence_share
    # with both, the résumé's skills are read the same and the rating adds nothing for them
    both = shown.model_copy(update={"self_ratings": {"programming": "advanced"}})
    e, b = rank_roles(kb, shown).role(role.id), rank_roles(kb, both).role(role.id)
    assert b.components["skills"] == e.components["skills"]
    assert b.components["self_ratings"] == 0.0
    python = next(s for s in b.coverage.skills if s.skill == "python")
    assert python.basis == "evidence" and python.have == "advanced"


def test_a_contradicted_self_rating_is_reported(kb: KnowledgeBase) -> None:
    from careermap.profile import Evidence

    denied = {"python": Evidence(text="I have no experience with Python, SQL or R.")}
    profile = person([("stakeholder-management", "intermediate")]).model_copy(
        update={"self_ratings": {"programming": "advanced"}, "denied": denied}
    )
    report = rank_roles(kb, profile)
    assert report.contradictions and "no experience with Python" in report.contradictions[0]


def test_titles_are_recognised_and_bring_experience(kb: KnowledgeBase) -> None:
    assert recognise("Data Scientist").onet_code == "15-2051.00"  # type: ignore[union-attr]
    assert recognise("Registered Nurse").onet_code == "29-1141.00"  # type: ignore[union-attr]
    assert recognise("xyzzy plugh") is None
    report = rank_roles(kb, person(ML_PERSON[:4], titles=["Senior Data Scientist"]))
    ds = next(m for m in report.matches if m.role == "data-scientist")
    assert ds.components["experience"] is not None and ds.components["experience"] >= 80
    assert "experience" in report.components_used


def test_gap_orders_by_importance_and_adds_prerequisites(kb: KnowledgeBase) -> None:
    gap = compute_gap(kb, kb.role("genai-engineer"), person([("python", "advanced")]))
    skills = [n.skill for n in gap.needs]
    assert "python" not in skills and "python" in gap.have

    # the role's own essentials, then its important skills, then the prerequisites they
    # need, then soft skills, then the useful extras (offered, not planned)
    def group(n: SkillNeed) -> int:
        if n.optional:
            return 4
        if n.kind == "prerequisite":
            return 3 if kb.skills[n.skill].category == "human" else 2
        if kb.skills[n.skill].category == "human":
            return 3
        return 0 if n.importance == "essential" else 1

    groups = [group(n) for n in gap.needs]
    assert groups == sorted(groups) and groups[0] == 0
    assert all(n.importance == "useful" for n in gap.needs if n.optional and n.kind == "role")
    assert gap.required and all(not n.optional for n in gap.required)
    # every prerequisite of a need that the person lacks is itself a need, except under
    # a foundational target of a skill the role finds less than essential
    for n in gap.needs:
        if n.target == "foundational" and n.importance != "essential":
            continue
        for pre in kb.skills[n.skill].prerequisites:
            assert pre in skills or pre == "python", f"{pre} (for {n.skill}) missing"
    assert all(n.reason for n in gap.needs)
    assert gap.hours_estimate > 0


def test_gap_flags_onet_hot_technologies(kb: KnowledgeBase) -> None:
    gap = compute_gap(kb, kb.role("genai-engineer"), Profile())
    pt = next(n for n in gap.needs if n.skill == "pytorch")
    assert pt.hot_technology


def test_full_profile_has_no_gap(kb: KnowledgeBase) -> None:
    role = kb.role("prompt-engineer")
    everything = person((s.skill, "advanced") for s in role.skills)
    gap = compute_gap(kb, role, everything)
    assert gap.needs == [] and gap.coverage.score == 1.0


def test_titles_by_meaning_and_by_role_rules() -> None:
    from careermap.match.occupation import semantic_candidates
    from careermap.tuning import get_tuning

    uri, cos = semantic_candidates("barista coffee", 1)[0]
    assert "barista" in (broad_label(uri) or "")
    assert 0.5 < cos <= 1.0
    weak = semantic_candidates("ninja rockstar", 1)[0][1]
    assert weak < get_tuning().proximity.semantic_min and recognise("ninja rockstar") is None
    # a GenAI title careermap's rules know names the role's own occupations
    g = recognise("AI Engineer")
    assert g is not None and g.matched == "Generative AI Engineer"
    assert g.onet_title == "Software Developers"  # the role's closest, not O*NET's "AI" reading


@pytest.mark.parametrize(
    ("title", "context", "onet"),
    [
        # a title careermap's rules give a role keeps the occupation the lists give it
        ("Copywriter", (), "Writers and Authors"),
        ("Freelance Copywriter and Content Creator", (), "Writers and Authors"),
        # "UX" is written for O*NET's "User Experience"
        ("Senior UX Designer", ("Figma",), "Web and Digital Interface Designers"),
        # O*NET lists "Data Engineer" as an alternate title of Data Scientists and
        # Statisticians, and as a title Database Architects report: the reported one wins,
        # even for a data engineer whose tools a data scientist would also use
        (
            "Senior Data Engineer",
            ("Python", "Scikit-learn", "Jupyter Notebook"),
            "Database Architects",
        ),
    ],
)
def test_a_persons_occupation_is_the_one_their_title_names(
    title: str, context: tuple[str, ...], onet: str
) -> None:
    g = recognise(title, context)
    assert g is not None and g.onet_title == onet


def broad_label(uri: str) -> str | None:
    from careermap.knowledge import broad

    occ = broad.esco_occupation(uri)
    return None if occ is None else occ.label


def test_the_title_index_kept_under_home_is_the_one_built(tmp_path: Path) -> None:
    """A later process reads the reference titles from careermap's cache instead of
    normalising them again; a damaged cache file is rebuilt, never trusted."""
    from careermap.match.occupation import _build_title_index, _cached_title_index

    built = _build_title_index()
    first = _cached_title_index(tmp_path)
    (saved,) = tmp_path.glob("title-index-*.json")
    again = _cached_title_index(tmp_path)
    assert (again.onet, again.esco, again.originals) == (built.onet, built.esco, built.originals)
    assert again.esco_keys == built.esco_keys and first.onet == built.onet
    saved.write_text('{"onet": [1, 2', encoding="utf-8")
    mended = _cached_title_index(tmp_path)
    assert mended.esco == built.esco and saved.read_text(encoding="utf-8").startswith('{"onet": {')
