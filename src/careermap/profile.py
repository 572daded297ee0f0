"""What careermap knows about a person, and what they need for a role.

These types are the contract between the stages: extraction and the quiz produce a
:class:`Profile`; matching reads it; the gap is a list of :class:`SkillNeed`; planning
turns the needs into a dated plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from careermap.knowledge.schemas import Importance, Level, SkillCategory

if TYPE_CHECKING:
    from careermap.knowledge.loader import KnowledgeBase

__all__ = [
    "RIASEC",
    "Degree",
    "Evidence",
    "Goal",
    "HeadStart",
    "Profile",
    "ProfileSkill",
    "SkillBasis",
    "SkillNeed",
]

RIASEC = ("R", "I", "A", "S", "E", "C")
RiasecCode = Literal["R", "I", "A", "S", "E", "C"]


class Evidence(BaseModel):
    """Where a claim about a person comes from: a sentence in a document, or a quiz answer."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="the sentence or answer, as the person wrote it")
    origin: Literal["document", "quiz", "manual"] = "document"
    section: str | None = None
    start: int | None = Field(default=None, ge=0, description="character offset in the document")
    end: int | None = Field(default=None, ge=0)


SkillBasis = Literal[
    "stated", "implied", "experience", "education", "certification", "course", "progress"
]


class ProfileSkill(BaseModel):
    skill: str = Field(description="careermap skill id")
    level: Level
    confidence: float = Field(ge=0, le=1)
    years: float | None = Field(default=None, ge=0)
    evidence: list[Evidence] = Field(default_factory=list)
    basis: SkillBasis = Field(
        default="stated",
        description="stated: the document names it; implied: what the person demonstrably "
        "did cannot be done without it; experience: a job title held that cannot be done "
        "without it; education: a degree in its subject; certification: a certification "
        "held that attests it; progress: the person marked it learned since",
    )
    implied_by: list[str] = Field(
        default_factory=list, description="for an implied skill, the skills it comes from"
    )
    reason: str | None = Field(
        default=None, description="how the level was read, in one line ('5+ years', 'strong')"
    )


class Degree(BaseModel):
    """A degree the document names: its level, subject and the line it is on."""

    level: Literal["associate", "bachelor", "master", "doctorate"]
    subject: str | None = Field(default=None, description="subject id (education.yaml)")
    text: str
    completed: bool = True


class Goal(BaseModel):
    """A sentence that says where the person wants to go, and the role it names."""

    text: str = Field(description="the sentence, as written")
    phrase: str = Field(description="the words naming the destination")
    role: str | None = Field(default=None, description="the careermap role it names, if any")
    specific: bool = Field(
        default=True,
        description="names a particular role ('quantum engineer'), not only a field ('AI')",
    )


class Profile(BaseModel):
    """A person as careermap sees them. Every field is optional evidence."""

    skills: dict[str, ProfileSkill] = Field(default_factory=dict)
    titles: list[str] = Field(default_factory=list, description="job titles held, newest first")
    years_experience: float | None = Field(default=None, ge=0)
    interests: dict[RiasecCode, float] | None = Field(
        default=None, description="RIASEC scores on O*NET's 1-7 scale"
    )
    work_styles: dict[str, float] | None = Field(
        default=None, description="work-style preference per style id, 0-1"
    )
    self_ratings: dict[SkillCategory, Level | None] = Field(default_factory=dict)
    denied: dict[str, Evidence] = Field(
        default_factory=dict,
        description="skills the person says they lack ('no experience with X'), with the sentence",
    )
    certifications: dict[str, Evidence] = Field(
        default_factory=dict, description="certifications held, by id, with the line naming it"
    )
    courses: dict[str, Evidence] = Field(
        default_factory=dict,
        description="catalogue courses the person has completed, by id, with the line naming it",
    )
    degrees: list[Degree] = Field(default_factory=list, description="degrees held or studied")
    goal: Goal | None = Field(default=None, description="where the person says they want to go")

    def level_of(self, skill_id: str) -> Level | None:
        hit = self.skills.get(skill_id)
        return None if hit is None else hit.level


class HeadStart(BaseModel):
    """A skill the person holds that makes a need quicker to learn (the skill graph's
    ``transfer``): a TypeScript developer learns Python in a share of a beginner's hours."""

    model_config = ConfigDict(frozen=True)

    skill: str = Field(description="the skill held")
    share: float = Field(gt=0, le=1, description="share of the usual hours still needed")
    why: str


class SkillNeed(BaseModel):
    """One line of a gap: a skill the person lacks, or has below the role's level."""

    skill: str
    target: Level
    current: Level | None = None
    importance: Importance
    reason: str = Field(description="why the role needs it, in one line")
    hot_technology: bool = False
    in_demand: bool = False
    via_prerequisite_of: list[str] = Field(
        default_factory=list, description="role skills this one is a prerequisite for"
    )
    you_said: str | None = Field(
        default=None, description="the person's own words saying they lack it, if any"
    )
    kind: Literal["role", "prerequisite"] = Field(
        default="role", description="a skill of the role, or one a role skill needs first"
    )
    optional: bool = Field(
        default=False, description="one of the role's useful extras: offered, not scheduled"
    )
    weight: float = Field(
        default=1.0, ge=0, description="how specific the skill is to the roles that need it"
    )
    head_start: HeadStart | None = Field(
        default=None, description="a held skill that shortens this one's hours, if any"
    )

    def study_hours(self, kb: KnowledgeBase) -> float:
        """Hours to go from the current level to the target: the knowledge base's
        estimate, times the head start's share when the person has one."""
        hours = float(kb.skill(self.skill).hours.to_reach(self.target, self.current))
        return hours * (self.head_start.share if self.head_start else 1.0)
