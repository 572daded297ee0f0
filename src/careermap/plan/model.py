"""The learning plan as data: what to learn, in which order, with what, and when.

A :class:`Plan` holds everything its exports need (labels, providers, dates), so a saved
plan renders without the knowledge base; it also keeps its inputs (the needs, the pace,
what was already done) so that it can be re-planned after progress.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from careermap.knowledge.schemas import Importance, Level, SkillCategory
from careermap.profile import SkillNeed

__all__ = [
    "BlockPart",
    "Budget",
    "CertificationChoice",
    "CostKind",
    "CourseChoice",
    "Extra",
    "Milestone",
    "MilestoneKind",
    "Optimize",
    "Plan",
    "PlanStep",
    "StepKind",
    "StudyBlock",
]

Optimize = Literal["hours", "cost"]
StepKind = Literal["skill", "project", "exam"]
CostKind = Literal["free", "subscription", "paid"]
MilestoneKind = Literal["course", "skill", "stage", "project", "exam", "finish"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CourseChoice(_Model):
    """A course the plan picked, with what it costs and which needs it takes care of."""

    course: str = Field(description="course id")
    title: str
    provider: str
    platform: str | None = None
    url: str | None = None
    level: Level
    kind: str
    hours: float = Field(description="the course's own estimate of study hours")
    cost: CostKind
    cost_usd: float = Field(ge=0, description="estimated cost at the plan's pace")
    cost_basis: str = Field(description="how cost_usd was worked out")
    skills: list[str] = Field(description="needs this course is scheduled for, in plan order")
    also_covers: list[str] = Field(
        default_factory=list, description="needs it also teaches, scheduled with another course"
    )
    start: date | None = None
    end: date | None = None


class PlanStep(_Model):
    """One thing to learn (a skill) or build (a portfolio project), in plan order."""

    index: int = Field(ge=0, description="position in the plan, from 0")
    kind: StepKind
    ref: str = Field(description="skill id or project id")
    title: str
    category: SkillCategory | None = None
    target: Level | None = None
    current: Level | None = None
    importance: Importance | None = None
    why: str = Field(description="why this step is in the plan, in one line")
    hours: float = Field(ge=0)
    hours_basis: str
    course: str | None = Field(default=None, description="course id, when a course teaches it")
    self_study: bool = False
    after: list[str] = Field(
        default_factory=list, description="skill ids in this plan that must come first"
    )
    deliverables: list[str] = Field(default_factory=list)
    within: str | None = Field(
        default=None,
        description="skill id of the step this one is learned within (it has no hours)",
    )
    start: date | None = None
    end: date | None = None
    week_start: int | None = None
    week_end: int | None = None


class Budget(_Model):
    """A time box for a plan: at most so many weeks, an end date, or hours."""

    weeks: int | None = Field(default=None, ge=1, le=520)
    until: date | None = None
    max_hours: float | None = Field(default=None, gt=0, le=20_000)


class Extra(_Model):
    """Something the plan offers but does not schedule, and its hours."""

    kind: Literal["skill", "certification"]
    ref: str = Field(description="skill id or certification id")
    title: str
    hours: float = Field(ge=0)
    why: str
    reason: Literal["optional", "over-budget", "practice"] = Field(
        description="optional: one of the role's useful extras or a certification to "
        "consider; over-budget: left out to fit the time box; practice: the step from "
        "intermediate to the advanced level the role asks, which comes from practice"
    )


class CertificationChoice(_Model):
    """A certification in the plan: its exam milestone after the preparation step."""

    certification: str = Field(description="certification id")
    title: str
    issuer: str
    code: str | None = None
    prep_hours: float
    exam_price_usd: float | None = None
    attests: list[str] = Field(default_factory=list)


class BlockPart(_Model):
    step: int = Field(description="index of the step worked on")
    title: str
    minutes: int = Field(gt=0)
    hours: float = Field(description="minutes / 60, rounded to 0.01")


class StudyBlock(_Model):
    """One study session on one day."""

    date: date
    week: int = Field(ge=1, description="plan week, from 1")
    session: int = Field(ge=1, description="session number within the week, from 1")
    minutes: int = Field(gt=0, description="exact length of the session")
    hours: float = Field(description="minutes / 60, rounded to 0.01")
    what: str
    parts: list[BlockPart]


class Milestone(_Model):
    date: date
    week: int
    kind: MilestoneKind
    title: str
    refs: list[str] = Field(default_factory=list)


class Plan(_Model):
    """A dated learning plan towards one role."""

    role: str
    role_title: str
    start: date
    end: date
    weeks: int = Field(ge=0)
    hours_per_week: float = Field(gt=0)
    sessions_per_week: int
    optimize: Optimize
    solver: str
    total_hours: float
    course_hours: float
    self_study_hours: float
    project_hours: float
    total_cost_usd: float
    cost_basis: str
    steps: list[PlanStep]
    courses: list[CourseChoice]
    uncovered: list[str] = Field(description="needs no course teaches to the target level")
    self_taught: list[str] = Field(
        default_factory=list,
        description="needs a course could teach that are self-study steps: alone takes "
        "fewer hours, or the course would be a third one at once",
    )
    blocks: list[StudyBlock]
    milestones: list[Milestone]
    needs: list[SkillNeed] = Field(description="the gap the plan was built from")
    done: list[str] = Field(default_factory=list, description="skill ids marked done")
    done_projects: list[str] = Field(default_factory=list, description="project ids done")
    progress: dict[str, Level] = Field(default_factory=dict)
    certifications: list[CertificationChoice] = Field(default_factory=list)
    held_certifications: list[str] = Field(
        default_factory=list, description="certification ids the person holds: never offered"
    )
    taken_courses: list[str] = Field(
        default_factory=list, description="course ids the person has completed: never chosen"
    )
    extras: list[Extra] = Field(
        default_factory=list, description="offered, not scheduled: optional or over budget"
    )
    budget: Budget | None = Field(default=None, description="the time box asked for")
    budget_hours: float | None = Field(default=None, description="the time box, in hours")
    notes: list[str] = Field(default_factory=list)

    def skill_steps(self) -> list[PlanStep]:
        return [s for s in self.steps if s.kind == "skill"]

    def project_steps(self) -> list[PlanStep]:
        return [s for s in self.steps if s.kind == "project"]
