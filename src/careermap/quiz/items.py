"""The quiz's items: schemas, and the loader that validates ``items.yaml`` on load.

Each item has an id, the key of its answer in an answers file. A malformed items file is a
:class:`~careermap.errors.DataError` (a broken install), never a wrong ranking.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from careermap.knowledge.schemas import SKILL_CATEGORIES, LevelText, SkillCategory, WorkStyle
from careermap.profile import RiasecCode
from careermap.validation import read_model

__all__ = [
    "AREAS",
    "AREA_NAMES",
    "ITEMS_FILE",
    "RATING_VALUES",
    "SCALE_VALUES",
    "STYLE_NAMES",
    "InterestItem",
    "Item",
    "ItemBank",
    "RatingValue",
    "Scale",
    "SelfRatingItem",
    "WorkStyleItem",
    "load_items",
    "load_items_from",
]

ITEMS_FILE = Path(__file__).with_name("items.yaml")

#: the six RIASEC areas in Holland's order
AREAS: tuple[RiasecCode, ...] = ("R", "I", "A", "S", "E", "C")
AREA_NAMES: dict[RiasecCode, str] = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
STYLE_NAMES: dict[WorkStyle, str] = {
    "building": "building",
    "research": "research",
    "people-product": "people and product",
    "creative": "creative",
    "governance": "governance",
}
#: answers of the two 1-5 scales
SCALE_VALUES: tuple[int, ...] = (1, 2, 3, 4, 5)
RatingValue = Literal["none", "foundational", "intermediate", "advanced"]
#: answers of a self-rating, lowest first
RATING_VALUES: tuple[RatingValue, ...] = ("none", "foundational", "intermediate", "advanced")

INTEREST_ITEMS_PER_AREA = 5
STYLE_ITEMS = (2, 3)  # fewest and most statements per work style


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Scale(_Model):
    prompt: str
    labels: dict[int, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check(self) -> Scale:
        if self.labels and tuple(sorted(self.labels)) != SCALE_VALUES:
            raise ValueError(f"scale labels must be exactly {SCALE_VALUES}")
        return self


class Scales(_Model):
    interest: Scale
    agreement: Scale
    self_rating: Scale


class InterestItem(_Model):
    """An activity, rated 1 (strongly dislike) to 5 (strongly like)."""

    kind: Literal["interest"] = "interest"
    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    area: RiasecCode
    text: str = Field(min_length=10)


class WorkStyleItem(_Model):
    """A statement about how one likes to work, rated 1 (strongly disagree) to 5."""

    kind: Literal["work_style"] = "work_style"
    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    style: WorkStyle
    text: str = Field(min_length=10)


class SelfRatingItem(_Model):
    """One skill category, rated none / foundational / intermediate / advanced."""

    kind: Literal["self_rating"] = "self_rating"
    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    category: SkillCategory
    text: str = Field(min_length=10)
    levels: LevelText
    source: str

    @property
    def label(self) -> str:
        return SKILL_CATEGORIES[self.category]


Item = InterestItem | WorkStyleItem | SelfRatingItem


class ItemBank(_Model):
    """Every item of the quiz, checked as a whole: ids unique, every area and style covered."""

    version: int
    scales: Scales
    interests: list[InterestItem]
    work_styles: list[WorkStyleItem]
    self_ratings: list[SelfRatingItem]

    @model_validator(mode="after")
    def _check(self) -> ItemBank:
        ids = [i.id for i in self.all()]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"item ids used twice: {dup}")
        for area in AREAS:
            n = sum(1 for i in self.interests if i.area == area)
            if n != INTEREST_ITEMS_PER_AREA:
                raise ValueError(
                    f"area {area} has {n} interest items, needs {INTEREST_ITEMS_PER_AREA}"
                )
        for style in STYLE_NAMES:
            n = sum(1 for w in self.work_styles if w.style == style)
            if not STYLE_ITEMS[0] <= n <= STYLE_ITEMS[1]:
                raise ValueError(f"work style {style} has {n} items, needs 2 or 3")
        cats = [s.category for s in self.self_ratings]
        if len(set(cats)) != len(cats):
            raise ValueError("a skill category has two self-rating items")
        return self

    def all(self) -> list[Item]:
        """Every item in the order the quiz asks them."""
        return [*self.interests, *self.work_styles, *self.self_ratings]

    def by_id(self) -> dict[str, Item]:
        return {i.id: i for i in self.all()}

    def allowed(self, item: Item) -> str:
        """The values an item accepts, in words, for error messages and prompts."""
        if isinstance(item, SelfRatingItem):
            return ", ".join(RATING_VALUES)
        scale = self.scales.interest if isinstance(item, InterestItem) else self.scales.agreement
        return ", ".join(f"{v} ({scale.labels[v].lower()})" for v in SCALE_VALUES)


def load_items_from(path: Path) -> ItemBank:
    """Load and validate a quiz items file."""
    return read_model(
        path,
        ItemBank,
        what=f"quiz items {path}",
        hint="Reinstall careermap, or fix the file if you edited it.",
    )


def load_items() -> ItemBank:
    """The quiz items shipped with careermap (loaded once, by the runtime)."""
    from careermap.runtime import get_runtime

    return get_runtime().cached("quiz_items", lambda: load_items_from(ITEMS_FILE))
