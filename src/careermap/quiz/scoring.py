"""A person's scores from their quiz answers: RIASEC interests, work styles, self-ratings.

Interests: each area's five answers (1-5) are averaged and the mean ``m`` is mapped
linearly onto O*NET's 1-7 occupational-interest (OI) scale, ``1 + 1.5 * (m - 1)``, so
that "strongly dislike" everything is 1.0 and "strongly like" everything is 7.0, the two
ends of the scale on which O*NET publishes each occupation's profile.

Work styles: the mean of each style's answers (1-5) mapped onto 0-1, ``(m - 1) / 4``,
the scale of :attr:`careermap.profile.Profile.work_styles`.

Holland code: the three highest areas, ties broken in R-I-A-S-E-C order.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from careermap.knowledge.schemas import SkillCategory, WorkStyle
from careermap.profile import RiasecCode
from careermap.quiz.answers import Answer
from careermap.quiz.items import AREAS, RATING_VALUES, STYLE_NAMES, ItemBank, RatingValue

__all__ = ["PersonScores", "holland_code", "holland_order", "score_person", "to_oi"]


_RATINGS: dict[str, RatingValue] = {v: v for v in RATING_VALUES}


def to_oi(mean: float) -> float:
    """A mean 1-5 rating on O*NET's 1-7 occupational-interest scale."""
    return 1.0 + 1.5 * (mean - 1.0)


def holland_order(interests: Mapping[RiasecCode, float]) -> list[RiasecCode]:
    """The six areas, highest first, ties in R-I-A-S-E-C order."""
    return sorted(AREAS, key=lambda a: (-interests[a], AREAS.index(a)))


def holland_code(interests: Mapping[RiasecCode, float], letters: int = 3) -> str:
    return "".join(holland_order(interests)[:letters])


class PersonScores(BaseModel):
    """What the answers say about a person, before any role is looked at."""

    model_config = ConfigDict(frozen=True)

    interests: dict[RiasecCode, float]
    holland_code: str
    work_styles: dict[WorkStyle, float]
    self_ratings: dict[SkillCategory, RatingValue]

    def holland_order(self) -> list[RiasecCode]:
        return holland_order(self.interests)


def _mean(values: list[Answer]) -> float:
    nums = [float(v) for v in values if isinstance(v, int)]
    return sum(nums) / len(nums)


def score_person(answers: Mapping[str, Answer], bank: ItemBank) -> PersonScores:
    """Scores from complete, canonical answers (see :func:`~careermap.quiz.parse_answers`)."""
    interests: dict[RiasecCode, float] = {
        area: round(to_oi(_mean([answers[i.id] for i in bank.interests if i.area == area])), 2)
        for area in AREAS
    }
    styles: dict[WorkStyle, float] = {
        style: round(
            (_mean([answers[w.id] for w in bank.work_styles if w.style == style]) - 1) / 4, 3
        )
        for style in STYLE_NAMES
    }
    ratings: dict[SkillCategory, RatingValue] = {}
    for item in bank.self_ratings:
        ratings[item.category] = _RATINGS.get(str(answers.get(item.id, "none")), "none")
    return PersonScores(
        interests=interests,
        holland_code=holland_code(interests),
        work_styles=styles,
        self_ratings=ratings,
    )
