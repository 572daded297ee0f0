"""From answers to a ranked result: :func:`score_quiz` and :class:`QuizResult`.

The roles are ranked by careermap's one scorer, :func:`careermap.match.rank_roles`, on the
profile the answers give (interests, work styles, self-ratings), so that ``careermap quiz``
and ``careermap match --quiz`` rank the same answers the same way.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel

from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import Level, SkillCategory, WorkStyle
from careermap.match.rank import Match, MatchReport, rank_roles
from careermap.profile import Profile, RiasecCode
from careermap.quiz.answers import Answers, parse_answers
from careermap.quiz.items import ItemBank, RatingValue, load_items
from careermap.quiz.ranking import InterestSource
from careermap.quiz.scoring import PersonScores, score_person

__all__ = ["QuizResult", "onet_interests", "quiz_profile", "score_quiz"]

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
    report: MatchReport
    answers: Answers

    @property
    def roles(self) -> list[Match]:
        return self.report.matches

    def top(self, n: int = 3) -> list[Match]:
        return self.roles[:n]

    def role(self, role_id: str) -> Match:
        return self.report.role(role_id)

    def to_profile(self) -> Profile:
        """The quiz's part of a careermap profile: interests, work styles, self-ratings."""
        return Profile(
            interests=dict(self.interests),
            work_styles=dict(self.work_styles),
            self_ratings={k: _LEVELS.get(v) for k, v in self.self_ratings.items()},
        )


def quiz_profile(person: PersonScores) -> Profile:
    return Profile(
        interests=dict(person.interests),
        work_styles=dict(person.work_styles),
        self_ratings={k: _LEVELS.get(v) for k, v in person.self_ratings.items()},
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
    report = rank_roles(kb, quiz_profile(person), interests=interests or onet_interests)
    return QuizResult(
        interests=person.interests,
        holland_code=person.holland_code,
        work_styles=person.work_styles,
        self_ratings=person.self_ratings,
        report=report,
        answers=canonical,
    )
