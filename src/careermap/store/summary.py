"""How far a learner is along a saved plan, for an advisor's cohort table."""

from __future__ import annotations

from collections.abc import Mapping

from careermap.knowledge.schemas import LEVELS, Level
from careermap.plan.model import Plan

__all__ = ["plan_skills", "progress_percent"]


def plan_skills(plan: Plan) -> dict[str, Level]:
    """The skills a plan sets out to teach, each with the level it aims for: the skills it
    schedules, and those it no longer schedules because they were marked done or reached."""
    out: dict[str, Level] = {}

    def add(skill: str, level: Level) -> None:
        have = out.get(skill)
        if have is None or LEVELS.index(level) > LEVELS.index(have):
            out[skill] = level

    for step in plan.skill_steps():
        if step.target is not None:
            add(step.ref, step.target)
    for need in plan.needs:
        if need.optional:
            continue
        reached = plan.progress.get(need.skill)
        if need.skill in plan.done or (
            reached is not None and LEVELS.index(reached) >= LEVELS.index(need.target)
        ):
            add(need.skill, need.target)
    return out


def progress_percent(plan: Plan, progress: Mapping[str, Level]) -> float | None:
    """Skills of the plan marked done (their target level reached, in the plan's own record
    or in ``progress``) as a percentage of the plan's skills; None for a plan with none."""
    skills = plan_skills(plan)
    if not skills:
        return None
    done = 0
    for skill, target in skills.items():
        reached = [lv for lv in (progress.get(skill), plan.progress.get(skill)) if lv is not None]
        if skill in plan.done or any(LEVELS.index(lv) >= LEVELS.index(target) for lv in reached):
            done += 1
    return round(100.0 * done / len(skills), 1)
