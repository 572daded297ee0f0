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
    "SAME_SKILL_FITS",
    "SKILL_CATEGORIES",
    "AmbiguousAlias",
    "Certification",
    "CertificationSkill",
    "CitedBy",
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
    "SkillEscoLink",
    "SkillImplication",
    "SkillOnetLink",
    "SkillTransfer",
    "Source",
    "Status",
    "level_index",
    "numbers_in",
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


_LEVEL_INDEX: dict[str | None, int] = {None: 0, **{lv: i + 1 for i, lv in enumerate(LEVELS)}}


def level_index(level: Level | None) -> int:
    """0 for none, 1 foundational, 2 intermediate, 3 advanced."""
    return _LEVEL_INDEX[level]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def numbers_in(text: str) -> set[float]:
    """The numbers written in a text: '$140,000' -> 140000, '44.20%' -> 44.2, '2026' -> 2026."""
    found = re.findall(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", text)
    return {float(n.replace(",", "")) for n in found}


class CitedBy(_Model):
    """How careermap knows a source it never read itself: through another source citing it."""

    source: Id = Field(description="the source careermap read the citation in")
    accessed: date | None = Field(
        default=None, description="the date the citing source says it accessed this one"
    )
    reference: str = Field(min_length=10, description="the citing source's reference, exact")


class Source(_Model):
    """Where a fact comes from: a seed article, a data set, a provider's course page."""

    id: Id
    title: str
    publisher: str
    kind: Literal["article", "dataset", "catalogue", "curation"]
    url: str | None = None
    published: str | None = None
    accessed: date | None = Field(default=None, description="when careermap accessed it")
    licence: str | None = None
    note: str | None = None
    provides: str | None = Field(default=None, description="what careermap takes from it")
    cited_by: CitedBy | None = None

    @model_validator(mode="after")
    def _check(self) -> Source:
        if self.cited_by is not None:
            if self.cited_by.source == self.id:
                raise ValueError(f"source {self.id} cannot be cited by itself")
            if self.accessed is not None:
                raise ValueError(
                    f"source {self.id} is known only as cited by {self.cited_by.source}: "
                    "its access date belongs under cited_by, not to careermap"
                )
        return self


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
    neighbours: bool = Field(
        default=True,
        description=(
            "whether technical list neighbours confirm it too; false where a list of tools"
            ' names the thing without the practice ("Git, pull requests" is no code review)'
        ),
    )


#: the fits under which a link stands for the skill itself (extraction, flags, matching);
#: a broad link only names a related, wider skill and is shown, never counted
SAME_SKILL_FITS: tuple[Fit, ...] = ("exact", "close")


class SkillEscoLink(_Model):
    """A careermap skill's link to an ESCO skill, and how close the two are.

    exact: the same skill; close: nearly the same (a narrower or wider name for the same
    practice); broad: a related, wider skill.
    """

    uri: str
    fit: Fit

    @model_validator(mode="after")
    def _check(self) -> SkillEscoLink:
        if not self.uri.startswith(_ESCO_SKILL):
            raise ValueError(f"'{self.uri}' is not an ESCO skill URI")
        return self


class SkillOnetLink(_Model):
    """A careermap skill's link to an O*NET technology-skill example name, with its fit."""

    name: str = Field(min_length=1, description="the O*NET example name, exactly as written")
    fit: Fit


class SkillImplication(_Model):
    """A skill that a person who demonstrably uses one skill also has, up to a level."""

    skill: Id
    level: Level = Field(description="the most the implication shows; never above the evidence")
    why: str = Field(min_length=10)


class SkillTransfer(_Model):
    """A head start: a person who holds one of ``skills`` at ``level`` or above learns this
    skill in ``share`` of its usual hours (a second programming language, a second cloud)."""

    skills: list[Id] = Field(min_length=1, description="any one of these, held, gives it")
    level: Level = Field(default="intermediate", description="the least level they are held at")
    share: float = Field(gt=0, lt=1, description="share of the skill's hours still needed")
    why: str = Field(min_length=10)


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
    implies: list[SkillImplication] = Field(
        default_factory=list,
        description="skills that demonstrated use of this one shows, each up to a level",
    )
    hours: LevelHours
    transfer: list[SkillTransfer] = Field(
        default_factory=list,
        description="skills whose holders learn this one in a share of its hours",
    )
    esco: list[SkillEscoLink] = Field(default_factory=list, description="ESCO skills, with fit")
    onet: list[SkillOnetLink] = Field(
        default_factory=list, description="O*NET technology-skill example names, with fit"
    )
    sources: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Skill:
        if self.id in self.prerequisites:
            raise ValueError(f"skill {self.id} lists itself as a prerequisite")
        for kind, keys in (
            ("ESCO link", [x.uri for x in self.esco]),
            ("O*NET link", [x.name for x in self.onet]),
            ("implication", [x.skill for x in self.implies]),
        ):
            twice = sorted({k for k in keys if keys.count(k) > 1})
            if twice:
                raise ValueError(f"skill {self.id} lists the {kind} {twice[0]} twice; keep one")
        for t in self.transfer:
            if self.id in t.skills:
                raise ValueError(f"skill {self.id} gives itself a head start; remove it")
        for imp in self.implies:
            if imp.skill == self.id:
                raise ValueError(f"skill {self.id} implies itself; remove that implication")
        return self

    def surface_forms(self) -> list[str]:
        """Label and every unambiguous alias."""
        return [self.label, *self.aliases, *self.case_sensitive_aliases]

    def esco_uris(self, fits: tuple[Fit, ...] = SAME_SKILL_FITS) -> list[str]:
        """URIs of the ESCO links with one of ``fits`` (by default those that are this skill)."""
        wanted = set(fits)
        return [x.uri for x in self.esco if x.fit in wanted]

    def onet_names(self, fits: tuple[Fit, ...] = SAME_SKILL_FITS) -> list[str]:
        """O*NET example names of the links with one of ``fits`` (by default this skill's)."""
        wanted = set(fits)
        return [x.name for x in self.onet if x.fit in wanted]


class RoleSkill(_Model):
    skill: Id
    importance: Importance
    level: Level
    why: str | None = None
    one_of: Id | None = Field(
        default=None,
        description="a group of alternatives (one cloud, one deep-learning framework): the "
        "role needs one skill of the group, whichever the person has",
    )


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
    """Pay for a role as a source states it (yearly, before tax): its words, and only the
    figures it gives. careermap derives nothing from it: no median, no midpoint, no bound
    the source leaves unsaid ("competitive six-figure salaries" has no figure)."""

    quote: str = Field(min_length=20, description="the source's sentence or clause, exact")
    low: int | None = Field(default=None, ge=0, description="only where the quote gives it")
    high: int | None = Field(default=None, ge=0, description="only where the quote gives it")
    open_ended: bool = Field(
        description="the source leaves the top open ('or more', '+', 'well over', 'exceeding')"
    )
    qualifier: str | None = Field(
        default=None,
        description="how the source hedges the figure, in its words ('often', 'not uncommon'); "
        "parts separated by '…' each appear in the quote",
    )
    level: str = Field(description="who the range is for, as the source puts it")
    currency: str = "USD"
    country: str | None = Field(default=None, description="ISO code, where the source names it")
    year: int | None = Field(default=None, description="the year the source gives; None: undated")
    note: str | None = None
    source: Id

    @model_validator(mode="after")
    def _check(self) -> SalaryRange:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"salary low {self.low} is above high {self.high}")
        given = numbers_in(self.quote)
        for name, value in (("low", self.low), ("high", self.high)):
            if value is not None and float(value) not in given:
                raise ValueError(
                    f"salary {name} {value:,} is not in the quote: a stated range carries "
                    "only the figures its source gives"
                )
        words = self.quote.casefold()
        for part in (self.qualifier or "").split("…"):
            if part.strip() and part.strip().casefold() not in words:
                raise ValueError(f"salary qualifier '{part.strip()}' is not in the quote")
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
    certifications: list[Id] = Field(
        default_factory=list, description="certifications people in the role commonly hold"
    )
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
        groups: dict[str, int] = {}
        for s in self.skills:
            if s.one_of is not None:
                groups[s.one_of] = groups.get(s.one_of, 0) + 1
        lone = sorted(g for g, n in groups.items() if n < 2)
        if lone:
            raise ValueError(f"role {self.id}: group '{lone[0]}' needs two skills or more")
        return self


Status = Literal["active", "retired"]


def _check_status(
    what: str, status: Status, retired_on: date | None, successor: str | None
) -> None:
    if status == "retired" and retired_on is None:
        raise ValueError(f"{what} is retired: give retired_on, the date its provider ended it")
    if status == "active" and (retired_on is not None or successor is not None):
        raise ValueError(f"{what} is active: retired_on and successor belong to retired records")


def _check_quote(what: str, named_in_seeds: bool, quote: str | None) -> None:
    if named_in_seeds and not quote:
        raise ValueError(
            f"{what} is named in the seeds: give the seed's words that name it (quote)"
        )
    if quote and not named_in_seeds:
        raise ValueError(f"{what} carries a seed quote but is not marked named_in_seeds")


class CourseSkill(_Model):
    """A level a course claims to take a learner to in one skill."""

    skill: Id
    level: Level = Field(description="level a learner reaches in this skill by finishing")
    from_level: Level | None = Field(
        default=None,
        description="the level in this skill the course assumes a learner starts from "
        "(none: from nothing)",
    )
    justification: str | None = Field(
        default=None,
        min_length=20,
        description="why the claim stands although the course's hours are below the share of "
        "the skill's study hours careermap asks of a claim",
    )

    @model_validator(mode="after")
    def _check(self) -> CourseSkill:
        if self.from_level is not None and level_index(self.from_level) >= level_index(self.level):
            raise ValueError(
                f"claim on {self.skill}: from_level {self.from_level} must be below the level "
                f"it reaches ({self.level})"
            )
        return self


class Course(_Model):
    id: Id
    title: str
    aliases: list[str] = Field(default_factory=list, description="former or other names")
    provider: str
    platform: str | None = None
    url: str | None = Field(default=None, description="only where a source gives it")
    level: Level
    hours: float = Field(gt=0, le=1000)
    hours_basis: str = Field(
        description="the provider's figure and where it is stated, or how careermap estimated it"
    )
    cost: Literal["free", "subscription", "paid"]
    price_usd: float | None = Field(default=None, ge=0)
    skills: list[CourseSkill] = Field(min_length=1)
    kind: Literal["course", "specialization", "certificate", "bootcamp"] = "course"
    status: Status = "active"
    retired_on: date | None = None
    successor: Id | None = Field(default=None, description="the course that replaces it")
    named_in_seeds: bool = False
    quote: str | None = Field(
        default=None, min_length=10, description="the seed's words that name it, exact"
    )
    sources: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Course:
        ids = [c.skill for c in self.skills]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"course {self.id} claims skills twice: {dup}")
        _check_status(f"course {self.id}", self.status, self.retired_on, self.successor)
        _check_quote(f"course {self.id}", self.named_in_seeds, self.quote)
        return self


class CertificationSkill(_Model):
    """A level in one skill that holding a certification shows."""

    skill: Id
    level: Level


class Certification(_Model):
    """An exam-based credential: what holding it shows, what its exam costs, whether it can
    still be earned. Certifications are not courses: a plan never schedules one as study."""

    id: Id
    title: str
    issuer: str
    code: str | None = Field(default=None, description="the exam code, e.g. 'MLS-C01'")
    aliases: list[str] = Field(
        default_factory=list, description="how people write it on a résumé ('CKA', 'SAA-C03')"
    )
    level: Level
    attests: list[CertificationSkill] = Field(min_length=1)
    prep_hours: float = Field(
        gt=0, le=1000, description="exam preparation beyond learning the skills themselves"
    )
    prep_hours_basis: str
    exam_price_usd: float | None = Field(
        default=None, ge=0, description="only as a source states it; None: not known"
    )
    exam_price_source: Id | None = Field(default=None, description="where the price is stated")
    prep_courses: list[Id] = Field(default_factory=list, description="course ids")
    status: Status = "active"
    retired_on: date | None = None
    successor: Id | None = Field(default=None, description="the certification that replaces it")
    named_in_seeds: bool = False
    quote: str | None = Field(
        default=None, min_length=10, description="the seed's words that name it, exact"
    )
    sources: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Certification:
        what = f"certification {self.id}"
        if (self.exam_price_usd is None) != (self.exam_price_source is None):
            raise ValueError(f"{what}: an exam price needs its source, and a source its price")
        if self.exam_price_source is not None and self.exam_price_source not in self.sources:
            raise ValueError(f"{what}: list the price's source {self.exam_price_source} in sources")
        ids = [a.skill for a in self.attests]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"{what} attests skills twice: {dup}")
        _check_status(what, self.status, self.retired_on, self.successor)
        _check_quote(what, self.named_in_seeds, self.quote)
        return self

    def names(self) -> list[str]:
        """Title, exam code and every alias."""
        return [self.title, *([self.code] if self.code else []), *self.aliases]


class PortfolioProject(_Model):
    id: Id
    title: str
    summary: str
    level: Level
    hours: int = Field(gt=0, le=500)
    skills: list[Id] = Field(min_length=2)
    deliverables: list[str] = Field(min_length=1)
    named_in_seeds: bool = False
    quote: str | None = Field(
        default=None, min_length=10, description="the seed's words that name it, exact"
    )
    sources: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> PortfolioProject:
        _check_quote(f"project {self.id}", self.named_in_seeds, self.quote)
        return self


_SOURCE_ID = re.compile(r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b")


class MarketFact(_Model):
    """A market figure or claim as a source states it, with the source's own words."""

    id: Id
    topic: Literal["market-size", "growth", "workforce", "hubs", "companies", "productivity"]
    statement: str = Field(description="careermap's wording; every number in it is in the quote")
    quote: str = Field(min_length=20, description="the source's sentence or clause, exact")
    value: float | None = None
    unit: str | None = None
    as_of: str = Field(description="year or period the figure refers to")
    source: Id = Field(description="where careermap read it")
    cites: Id | None = Field(default=None, description="the study the source cites for it")

    @model_validator(mode="after")
    def _check(self) -> MarketFact:
        given = numbers_in(self.quote)
        if self.value is not None and self.value not in given:
            raise ValueError(f"fact {self.id}: value {self.value:g} is not in the quote")
        said = numbers_in(_SOURCE_ID.sub("", self.statement))
        if said - given:
            missing = ", ".join(f"{n:g}" for n in sorted(said - given))
            raise ValueError(f"fact {self.id}: the statement's {missing} is not in the quote")
        return self
