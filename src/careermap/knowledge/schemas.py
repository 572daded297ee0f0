"""Schemas of careermap's curated knowledge base, validated when the data files load.

The data lives in YAML files beside this module (``data/*.yaml``); every fact names the
sources it comes from by id (``sources.yaml``). Ids are lower-case kebab-case.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "FIT_ORDER",
    "IMPORTANCE_ORDER",
    "IMPORTANCE_WEIGHTS",
    "LEVELS",
    "SKILL_CATEGORIES",
    "AmbiguousAlias",
    "Course",
    "CourseSkill",
    "Education",
    "EscoLink",
    "Importance",
    "Level",
    "LevelHours",
    "LevelText",
    "MarketFact",
    "OnetLink",
    "PortfolioProject",
    "Role",
    "RoleSkill",
    "SalaryRange",
    "Skill",
    "SkillCategory",
    "Source",
    "level_index",
]

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SOC = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
_ESCO_OCC = "http://data.europa.eu/esco/occupation/"
_ESCO_SKILL = "http://data.europa.eu/esco/skill/"


def _check_id(v: str) -> str:
    if not _ID.match(v):
        raise ValueError(f"id '{v}' must be lower-case kebab-case (a-z, 0-9, '-')")
    return v


Id = Annotated[str, AfterValidator(_check_id)]

Level = Literal["foundational", "intermediate", "advanced"]
LEVELS: tuple[Level, ...] = ("foundational", "intermediate", "advanced")

SkillCategory = Literal[
    "programming",
    "machine-learning",
    "frameworks-tools",
    "genai",
    "theory-math",
    "platforms",
    "domain",
    "human",
]
SKILL_CATEGORIES: dict[SkillCategory, str] = {
    "programming": "Programming",
    "machine-learning": "Machine learning",
    "frameworks-tools": "Frameworks & tools",
    "genai": "GenAI specialisation",
    "theory-math": "Theory & math",
    "platforms": "Platforms & services",
    "domain": "Domain & business",
    "human": "Human competencies",
}

Importance = Literal["essential", "important", "useful"]
#: most important first (sort key)
IMPORTANCE_ORDER: dict[Importance, int] = {"essential": 0, "important": 1, "useful": 2}
#: how much a role skill counts in a weighted score
IMPORTANCE_WEIGHTS: dict[Importance, int] = {"essential": 3, "important": 2, "useful": 1}
Fit = Literal["exact", "close", "broad"]
#: closest fit first (sort key)
FIT_ORDER: dict[Fit, int] = {"exact": 0, "close": 1, "broad": 2}


def level_index(level: Level | None) -> int:
    """0 for none, 1 foundational, 2 intermediate, 3 advanced."""
    return 0 if level is None else LEVELS.index(level) + 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Model):
    """Where a fact comes from: a seed article, a data set, a provider's course page."""

    id: Id
    title: str
    publisher: str
    kind: Literal["article", "dataset", "catalogue", "curation"]
    url: str | None = None
    published: str | None = None
    accessed: date | None = None
    licence: str | None = None
    note: str | None = None


class LevelText(_Model):
    """What a level means for one skill, in careermap's own words."""

    foundational: str
    intermediate: str
    advanced: str


class LevelHours(_Model):
    """Study hours to go from the level below to each level (not cumulative)."""

    foundational: int = Field(ge=1, le=2000)
    intermediate: int = Field(ge=1, le=2000)
    advanced: int = Field(ge=1, le=4000)
    basis: str = Field(min_length=10, description="how the estimate was made")

    def to_reach(self, level: Level, start: Level | None = None) -> int:
        """Hours from ``start`` (or from nothing) up to and including ``level``."""
        order = list(LEVELS)
        lo = 0 if start is None else order.index(start) + 1
        hi = order.index(level) + 1
        return sum(getattr(self, lv) for lv in order[lo:hi])


class AmbiguousAlias(_Model):
    """An alias that names the skill only in the right context ("R", "Go", "Spark")."""

    alias: str
    note: str
    context: list[str] = Field(
        min_length=1,
        description="words that, near the alias, confirm it names this skill",
    )
    case_sensitive: bool = True


class Skill(_Model):
    id: Id
    label: str
    category: SkillCategory
    description: str
    aliases: list[str] = Field(default_factory=list)
    ambiguous: list[AmbiguousAlias] = Field(default_factory=list)
    case_sensitive_aliases: list[str] = Field(
        default_factory=list,
        description="aliases matched only with this exact case (acronyms such as 'RAG')",
    )
    levels: LevelText
    prerequisites: list[Id] = Field(default_factory=list)
    hours: LevelHours
    esco: list[str] = Field(default_factory=list, description="ESCO skill URIs")
    onet: list[str] = Field(
        default_factory=list, description="O*NET technology-skill example names"
    )
    sources: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Skill:
        for uri in self.esco:
            if not uri.startswith(_ESCO_SKILL):
                raise ValueError(f"skill {self.id}: '{uri}' is not an ESCO skill URI")
        if self.id in self.prerequisites:
            raise ValueError(f"skill {self.id} lists itself as a prerequisite")
        return self

    def surface_forms(self) -> list[str]:
        """Label and every unambiguous alias."""
        return [self.label, *self.aliases, *self.case_sensitive_aliases]


class RoleSkill(_Model):
    skill: Id
    importance: Importance
    level: Level
    why: str | None = None


class OnetLink(_Model):
    code: str
    title: str
    fit: Fit

    @model_validator(mode="after")
    def _check(self) -> OnetLink:
        if not _SOC.match(self.code):
            raise ValueError(f"'{self.code}' is not an O*NET-SOC code like 15-2051.00")
        return self


class EscoLink(_Model):
    uri: str
    label: str
    fit: Fit

    @model_validator(mode="after")
    def _check(self) -> EscoLink:
        if not self.uri.startswith(_ESCO_OCC):
            raise ValueError(f"'{self.uri}' is not an ESCO occupation URI")
        return self


class SalaryRange(_Model):
    """A salary range stated by a source (yearly, before tax)."""

    low: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    currency: str = "USD"
    country: str = "US"
    year: int
    level: str = Field(description="who the range is for, e.g. 'entry', 'mid to senior'")
    note: str | None = None
    source: Id

    @model_validator(mode="after")
    def _check(self) -> SalaryRange:
        if self.low is None and self.high is None:
            raise ValueError("a salary range needs a low or a high bound")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"salary low {self.low} is above high {self.high}")
        return self


class Education(_Model):
    typical: Literal["none", "associate", "bachelor", "master", "doctorate"]
    fields: list[str] = Field(min_length=1)
    note: str | None = None


class CareerPaths(_Model):
    big_tech: str
    startup: str
    independent: str


WorkStyle = Literal["building", "research", "people-product", "creative", "governance"]


class Role(_Model):
    id: Id
    title: str
    alt_titles: list[str] = Field(min_length=1)
    summary: str
    responsibilities: list[str] = Field(min_length=3)
    skills: list[RoleSkill] = Field(min_length=5)
    competencies: list[Id] = Field(default_factory=list, description="human-competency skill ids")
    education: Education
    industries: list[str] = Field(min_length=1)
    tools: list[Id] = Field(default_factory=list, description="tool and platform skill ids")
    onet: list[OnetLink] = Field(min_length=1)
    esco: list[EscoLink] = Field(min_length=1)
    work_styles: list[WorkStyle] = Field(min_length=1)
    courses: list[Id] = Field(default_factory=list)
    projects: list[Id] = Field(default_factory=list)
    paths: CareerPaths
    salary: list[SalaryRange] = Field(default_factory=list)
    contrasts: list[str] = Field(
        default_factory=list, description="how this role differs from close ones"
    )
    sources: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Role:
        ids = [s.skill for s in self.skills]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise ValueError(f"role {self.id} lists skills twice: {sorted(dup)}")
        return self


class CourseSkill(_Model):
    skill: Id
    level: Level = Field(description="level a learner reaches in this skill by finishing")


class Course(_Model):
    id: Id
    title: str
    provider: str
    platform: str | None = None
    url: str | None = Field(default=None, description="only where a source gives it")
    level: Level
    hours: float = Field(gt=0, le=1000)
    hours_basis: str
    cost: Literal["free", "subscription", "paid"]
    price_usd: float | None = Field(default=None, ge=0)
    skills: list[CourseSkill] = Field(min_length=1)
    kind: Literal["course", "specialization", "certificate", "bootcamp", "certification"] = "course"
    named_in_seeds: bool = False
    sources: list[Id] = Field(min_length=1)


class PortfolioProject(_Model):
    id: Id
    title: str
    summary: str
    level: Level
    hours: int = Field(gt=0, le=500)
    skills: list[Id] = Field(min_length=2)
    deliverables: list[str] = Field(min_length=1)
    named_in_seeds: bool = False
    sources: list[Id] = Field(min_length=1)


class MarketFact(_Model):
    id: Id
    topic: Literal["market-size", "growth", "workforce", "hubs", "companies", "productivity"]
    statement: str
    value: float | None = None
    unit: str | None = None
    as_of: str = Field(description="year or period the figure refers to")
    source: Id
