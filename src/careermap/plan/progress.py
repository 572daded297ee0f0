"""Progress on a plan, and re-planning from it.

A progress file is YAML or JSON::

    done: [python, git]            # skills finished: they leave the plan
    levels:                        # skills part-way: the level reached so far
      deep-learning: foundational
    projects: [rag-chatbot]        # portfolio projects finished (optional)

Skills may be named by id, label or alias (projects by id or title); an unknown one is
an error that suggests the closest ids.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from careermap.errors import InputError
from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import Level
from careermap.plan.build import build_plan
from careermap.plan.model import Optimize, Plan
from careermap.validation import first_error

__all__ = ["Progress", "load_progress", "parse_progress", "replan"]


class Progress(BaseModel):
    model_config = ConfigDict(extra="forbid")

    done: list[str] = Field(default_factory=list)
    levels: dict[str, Level] = Field(default_factory=dict)
    projects: list[str] = Field(default_factory=list)


def parse_progress(data: Any, kb: KnowledgeBase, *, where: str = "progress") -> Progress:
    """Validate progress data and resolve its skills to ids (UnknownIdError if unknown)."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(
            f"{where}: expected a mapping with 'done' and/or 'levels', got {type(data).__name__}"
        )
    try:
        raw = Progress.model_validate(data)
    except ValidationError as exc:
        at, msg = first_error(exc)
        raise InputError(
            f"{where}: invalid at '{at}': {msg}. Expected "
            "{done: [skill, ...], levels: {skill: foundational|intermediate|advanced}, "
            "projects: [project, ...]}"
        ) from exc
    done = list(dict.fromkeys(kb.skill(s).id for s in raw.done))
    levels = {kb.skill(s).id: lv for s, lv in raw.levels.items()}
    projects = list(dict.fromkeys(kb.project(p).id for p in raw.projects))
    return Progress(
        done=done,
        levels={k: v for k, v in levels.items() if k not in done},
        projects=projects,
    )


def load_progress(path: Path | str, kb: KnowledgeBase) -> Progress:
    """Read a progress file (YAML or JSON)."""
    from careermap.files import read_user_data

    p = Path(path)
    data = read_user_data(p, "progress file")
    return parse_progress(data, kb, where=p.name)


def replan(
    kb: KnowledgeBase,
    plan: Plan,
    progress: Progress | None = None,
    *,
    start: date | None = None,
    hours_per_week: float | None = None,
    optimize: Optimize | None = None,
) -> Plan:
    """The plan rebuilt from ``start`` (default today) with what is done since taken off.

    Progress adds to what the plan already knew was done; a level given now replaces an
    earlier one.
    """
    progress = progress or Progress()
    done = list(dict.fromkeys([*plan.done, *progress.done]))
    levels = {**plan.progress, **progress.levels}
    return build_plan(
        kb,
        plan.role,
        plan.needs,
        hours_per_week=plan.hours_per_week if hours_per_week is None else hours_per_week,
        start=date.today() if start is None else start,
        optimize=plan.optimize if optimize is None else optimize,
        done=done,
        progress={k: v for k, v in levels.items() if k not in done},
        done_projects=list(dict.fromkeys([*plan.done_projects, *progress.projects])),
        budget=plan.budget,
        certification=plan.certifications[0].certification if plan.certifications else None,
        held_certifications=plan.held_certifications,
        taken_courses=plan.taken_courses,
    )
