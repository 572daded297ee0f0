"""Quiz answers -> every role ranked, on the shipped roles and the shipped O*NET interests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careermap.knowledge import load
from careermap.knowledge.broad import interests as onet_profile
from careermap.profile import Profile
from careermap.quiz import (
    RATING_VALUES,
    QuizResult,
    correlation,
    load_answers,
    load_items,
    role_interests,
    score_quiz,
)
from careermap.tuning import get_tuning

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "quiz-answers.yaml"
TECHNICAL = ("ml-scientist", "data-scientist", "genai-engineer", "ml-engineer")
ENGINEERING = (*TECHNICAL, "mlops-engineer", "nlp-specialist")


def answers(
    high: str,
    styles: dict[str, int],
    ratings: dict[str, str],
    *,
    low: int = 1,
) -> dict[str, object]:
    """A person who strongly likes the activities of the ``high`` areas and not the rest."""
    bank = load_items()
    out: dict[str, object] = {i.id: 5 if i.area in high else low for i in bank.interests}
    out.update({w.id: styles.get(w.style, 2) for w in bank.work_styles})
    out.update({f"self-{cat}": level for cat, level in ratings.items()})
    return out


@pytest.fixture(scope="module")
def builder() -> QuizResult:
    return score_quiz(
        answers(
            "IR",
            {"research": 5, "building": 4},
            {
                "programming": "advanced",
                "machine-learning": "intermediate",
                "theory-math": "intermediate",
                "frameworks-tools": "intermediate",
                "genai": "foundational",
            },
        )
    )


def test_investigative_realistic_ml_person_ranks_technical_roles_above_the_marketer(
    builder: QuizResult,
) -> None:
    assert builder.holland_code[:2] == "RI"  # tied at 7.0: Holland's order breaks the tie
    marketer = builder.role("genai-marketer").rank
    for role in TECHNICAL:
        assert builder.role(role).rank < marketer, role
    assert builder.roles[0].role in ENGINEERING


def test_reasons_cite_the_onet_occupation_and_the_skill_gap(builder: QuizResult) -> None:
    ds = builder.role("data-scientist")
    assert any("15-2051.00" in r and "O*NET" in r for r in ds.reasons), ds.reasons
    assert any("Investigative" in r for r in ds.reasons)
    ml = builder.role("ml-scientist")
    assert any(
        r.startswith("You rated machine learning intermediate; the role needs advanced")
        for r in ml.reasons
    ), ml.reasons


def test_artistic_enterprising_creative_person_is_pointed_to_creative_roles() -> None:
    result = score_quiz(
        answers(
            "AE",
            {"creative": 5, "people-product": 4},
            {"domain": "intermediate", "human": "intermediate", "genai": "foundational"},
        )
    )
    assert result.holland_code[:2] == "AE"
    assert result.roles[0].role in {"ai-content-creator", "genai-marketer"}
    for role in TECHNICAL:
        assert result.role(role).rank > result.role("ai-content-creator").rank


def test_the_sample_file_gives_a_full_ranking_with_components_and_reasons() -> None:
    kb = load()
    result = score_quiz(load_answers(SAMPLE))
    assert {m.role for m in result.roles} == set(kb.roles)
    ranks = [m.rank for m in result.roles]
    assert ranks == sorted(ranks) and ranks[0] == 1
    scores = [m.score for m in result.roles]
    assert scores == sorted(scores, reverse=True)
    for m in result.roles:
        assert 0 <= m.score <= 100
        assert m.components["skills"] is None  # no résumé: no evidence of skills
        for name in ("interests", "work_styles", "self_ratings"):
            value = m.components[name]
            assert value is not None and 0 <= value <= 100, (m.role, name)
        assert len(m.reasons) >= 3
    assert result.report.components_used == ["self_ratings", "interests", "work_styles"]
    # a builder with advanced programming: an engineering role comes out ahead of governance
    assert result.role("genai-engineer").rank < result.role("ai-ethics-specialist").rank


def test_each_role_profile_follows_its_onet_links() -> None:
    kb = load()
    ds = role_interests(kb.role("data-scientist"), onet_profile)
    assert ds is not None
    assert ds.order()[0] == "I"  # O*NET's Data Scientists lead with Investigative
    creator = role_interests(kb.role("ai-content-creator"), onet_profile)
    assert creator is not None and creator.order()[0] == "A"
    # the quiz's own profile of a person correlates with O*NET's on the same scale
    assert (correlation(creator.interests, ds.interests) or 0) < 0.5


def test_to_profile_carries_interests_styles_and_ratings(builder: QuizResult) -> None:
    profile = builder.to_profile()
    assert isinstance(profile, Profile)
    assert profile.interests == {"R": 7.0, "I": 7.0, "A": 1.0, "S": 1.0, "E": 1.0, "C": 1.0}
    assert profile.work_styles is not None and profile.work_styles["research"] == 1.0
    assert profile.self_ratings["programming"] == "advanced"
    assert profile.self_ratings["domain"] is None  # left out: "none"


def test_flat_interest_answers_favour_no_role_on_interests() -> None:
    result = score_quiz(answers("", {}, {}, low=3))
    assert {m.components["interests"] for m in result.roles} == {50.0}
    assert "all alike" in result.roles[0].reasons[0]


def test_a_role_without_onet_interests_is_scored_on_the_other_components() -> None:
    result = score_quiz(load_answers(SAMPLE), interests=lambda code: None)
    for m in result.roles:
        assert m.components["interests"] is None
        ws, sr = m.components["work_styles"], m.components["self_ratings"]
        assert ws is not None and sr is not None
        w = get_tuning().match.weights
        expected = (w.work_styles * ws + w.self_ratings * sr) / (w.work_styles + w.self_ratings)
        assert m.score == pytest.approx(expected, abs=0.06)
        assert any("No O*NET interest profile" in r for r in m.reasons)


_BANK = load_items()
_ANY_ANSWERS = st.fixed_dictionaries(
    {
        **{i.id: st.integers(1, 5) for i in [*_BANK.interests, *_BANK.work_styles]},
        **{i.id: st.sampled_from(RATING_VALUES) for i in _BANK.self_ratings},
    }
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_ANY_ANSWERS)
def test_any_complete_answers_rank_every_role_within_0_to_100(
    given_answers: dict[str, object],
) -> None:
    result = score_quiz(given_answers)
    assert len(result.roles) == len(load().roles)
    assert all(0 <= m.score <= 100 and m.reasons for m in result.roles)
    assert 1 <= min(result.interests.values()) <= max(result.interests.values()) <= 7
    assert len(result.holland_code) == 3
