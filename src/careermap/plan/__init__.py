"""The learning plan: needs in prerequisite order, courses chosen to cover them, portfolio
projects, and a dated schedule with milestones; exported as Markdown, JSON, iCalendar and
HTML."""

from careermap.plan.build import build_plan
from careermap.plan.costs import CostModel
from careermap.plan.model import (
    BlockPart,
    CourseChoice,
    Milestone,
    Plan,
    PlanStep,
    StudyBlock,
)
from careermap.plan.progress import Progress, load_progress, parse_progress, replan

__all__ = [
    "BlockPart",
    "CostModel",
    "CourseChoice",
    "Milestone",
    "Plan",
    "PlanStep",
    "Progress",
    "StudyBlock",
    "build_plan",
    "load_progress",
    "parse_progress",
    "replan",
]
