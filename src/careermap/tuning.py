"""careermap's tuning (``tuning.yaml``): every weight, threshold and confidence, validated.

Each section of the file carries a ``basis`` with one entry per value, saying where the
number comes from; a value without its basis is refused on load. The runtime loads the
file once; :func:`get_tuning` returns it.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from careermap.knowledge.schemas import Fit, Level
from careermap.validation import read_model

__all__ = ["TUNING_FILE", "Tuning", "get_tuning", "load_tuning"]

TUNING_FILE = Path(__file__).with_name("tuning.yaml")

Unit = float  # a value from 0 to 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Section(_Model):
    """A section whose ``basis`` explains every one of its other fields."""

    basis: dict[str, str]

    @model_validator(mode="after")
    def _every_value_has_a_basis(self) -> _Section:
        fields = [f for f in type(self).model_fields if f != "basis"]
        missing = [f for f in fields if not self.basis.get(f, "").strip()]
        if missing:
            raise ValueError(f"no basis given for {', '.join(missing)}")
        extra = sorted(set(self.basis) - set(fields))
        if extra:
            raise ValueError(f"basis names unknown values: {', '.join(extra)}")
        return self


class Confidences(_Model):
    label: Unit = Field(gt=0, le=1)
    alias: Unit = Field(gt=0, le=1)
    ambiguous_in_context: Unit = Field(gt=0, le=1)
    ambiguous_in_list: Unit = Field(gt=0, le=1)
    esco_label: Unit = Field(gt=0, le=1)
    esco_alt_label: Unit = Field(gt=0, le=1)
    esco_one_word_penalty: Unit = Field(ge=0, lt=1)


class SemanticTuning(_Model):
    careermap_threshold: float = Field(gt=0, lt=2)
    esco_threshold: float = Field(gt=0, lt=2)
    top_k: int = Field(ge=1, le=20)
    max_sentences: int = Field(ge=0, le=10_000)
    min_words: int = Field(ge=1)
    max_words: int = Field(ge=1)
    confidence_scale: Unit = Field(gt=0, le=1)


class LevelTuning(_Model):
    intermediate_years: float = Field(gt=0)
    advanced_years: float = Field(gt=0)
    used_level: Level

    @model_validator(mode="after")
    def _ordered(self) -> LevelTuning:
        if self.advanced_years <= self.intermediate_years:
            raise ValueError("advanced_years must be above intermediate_years")
        return self


class ImpliedTuning(_Model):
    prerequisite_cap: Level
    credit: Unit = Field(gt=0, le=1)


class ExtractTuning(_Section):
    confidence: Confidences
    semantic: SemanticTuning
    levels: LevelTuning
    implied: ImpliedTuning


class ComponentWeights(_Model):
    skills: float = Field(ge=0)
    self_ratings: float = Field(ge=0)
    interests: float = Field(ge=0)
    work_styles: float = Field(ge=0)
    experience: float = Field(ge=0)


class ImportanceWeights(_Model):
    essential: float = Field(gt=0)
    important: float = Field(ge=0)
    useful: float = Field(ge=0)


class Specificity(_Model):
    floor: Unit = Field(ge=0, le=1)
    exponent: float = Field(ge=0, le=4)


class MatchTuning(_Section):
    weights: ComponentWeights
    importance: ImportanceWeights
    specificity: Specificity
    length_exponent: float = Field(gt=0, le=1)
    self_rating_credit: Unit = Field(ge=0, le=1)
    separation_margin: float = Field(ge=0, le=50)


class ProximityTuning(_Section):
    title_fit: dict[Fit, Unit]
    onet_fit: dict[Fit, Unit]
    related_tier: dict[str, Unit]
    shared_technology_cap: Unit = Field(ge=0, le=1)
    min_title_score: float = Field(ge=0, le=100)
    semantic_min: float = Field(gt=0, le=1)
    nearby_min: float = Field(gt=0, le=1)
    nearby_factor: float = Field(ge=0, le=1)


class QuizTuning(_Section):
    fit_weights: dict[Fit, Unit]
    liked_style: Unit = Field(ge=0, le=1)
    low_style: Unit = Field(ge=0, le=1)


class PlanTuning(_Section):
    practice_share: Unit = Field(ge=0, le=1)
    project_own_share: Unit = Field(ge=0, le=1)


class Tuning(_Model):
    version: int = Field(ge=1)
    extract: ExtractTuning
    match: MatchTuning
    proximity: ProximityTuning
    quiz: QuizTuning
    plan: PlanTuning


def load_tuning(path: Path = TUNING_FILE) -> Tuning:
    """Read and validate a tuning file (a broken one is a DataError naming the value)."""
    return read_model(path, Tuning, what=f"tuning file {path.name}", hint="")


def get_tuning() -> Tuning:
    """The shipped tuning, loaded once by the runtime."""
    from careermap.runtime import get_runtime

    return get_runtime().cached("tuning", load_tuning)
