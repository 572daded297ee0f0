"""From answers to a ranked result: :func:`score_quiz` and :class:`QuizResult`."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel

from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import Level, SkillCategory, WorkStyle
from careermap.profile import Profile, RiasecCode
from careermap.quiz.answers import Answers, parse_answers
from careermap.quiz.items import ItemBank, RatingValue, load_items
from careermap.quiz.ranking import (
    COMPONENT_WEIGHTS,
    Component,
    InterestSource,
    RoleMatch,
    rank_roles,
)
from careermap.quiz.scoring import score_person

__all__ = ["QuizResult", "onet_interests", "score_quiz"]

_LEVELS: dict[str, Level] = {
    "foundational": "foundational",
    "intermediate": "intermediate",
    "advanced": "advanced",
}


class QuizResult(BaseModel):
    """A person's quiz scores and every role ranked against them."""

    interests: dict[RiasecCode, float]
    holland_code: str
    work_styles: dict[WorkStyle, float]
    self_ratings: dict[SkillCategory, RatingValue]
    weights: dict[Component, float]
    roles: list[RoleMatch]
    answers: Answers

    def top(self, n: int = 3) -> list[RoleMatch]:
        return self.roles[:n]

    def role(self, role_id: str) -> RoleMatch:
        for m in self.roles:
            if m.role == role_id:
                return m
        raise KeyError(role_id)

    def to_profile(self) -> Profile:
        """The quiz's part of a careermap profile: interests, work styles, self-ratings."""
        return Profile(
            interests=dict(self.interests),
            work_styles={k: v for k, v in self.work_styles.items()},
            self_ratings={k: _LEVELS.get(v) for k, v in self.self_ratings.items()},
        )


def onet_interests(code: str) -> dict[str, float] | None:
    """O*NET's OI profile of an occupation, from the shipped broad layer."""
    from careermap.knowledge.broad import interests

    return interests(code) or None


def score_quiz(
    answers: Mapping[str, object],
    kb: KnowledgeBase | None = None,
    *,
    interests: InterestSource | None = None,
    bank: ItemBank | None = None,
    weights: Mapping[Component, float] | None = None,
) -> QuizResult:
    """Validate answers (see :mod:`careermap.quiz.answers`) and rank every role.

    ``interests`` looks up an O*NET code's OI profile; the default reads the shipped
    O*NET data. ``kb`` defaults to the shipped knowledge base.
    """
    bank = bank or load_items()
    if kb is None:
        from careermap.knowledge.loader import load

        kb = load()
    canonical = parse_answers(answers, bank)
    person = score_person(canonical, bank)
    w = dict(weights or COMPONENT_WEIGHTS)
    ranked = rank_roles(person, kb.roles.values(), kb.skills, interests or onet_interests, w)
    return QuizResult(
        interests=person.interests,
        holland_code=person.holland_code,
        work_styles=person.work_styles,
        self_ratings=person.self_ratings,
        weights=w,
        roles=ranked,
        answers=canonical,
    )
