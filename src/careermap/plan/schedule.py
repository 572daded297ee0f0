"""Lay the ordered steps out on a calendar, week by week from the start date.

Each week holds ``sessions_per_week(hours)`` study sessions (about three hours each, at
least two and at most seven), spread over the seven days that start on the plan's start
date's weekday. The week's hours, counted in whole minutes, are shared out between its
sessions; steps fill the sessions in order, a step running on into the next session
where it does not fit. Nothing is random: the same steps give the same calendar.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from careermap.plan.model import BlockPart, Milestone, MilestoneKind, PlanStep, StudyBlock

__all__ = [
    "SESSION_HOURS",
    "Schedule",
    "milestone",
    "schedule_steps",
    "session_days",
    "sessions_per_week",
    "week_of",
]

SESSION_HOURS = 3.0


def sessions_per_week(hours_per_week: float) -> int:
    return max(2, min(7, math.ceil(hours_per_week / SESSION_HOURS - 1e-9)))


def session_days(n: int) -> list[int]:
    """Day offsets within a week for ``n`` sessions, spread out (2 -> Mon/Thu style)."""
    return [i * 7 // n for i in range(n)]


def week_of(start: date, day: date) -> int:
    return (day - start).days // 7 + 1


class Schedule:
    def __init__(self, blocks: list[StudyBlock], sessions: int) -> None:
        self.blocks = blocks
        self.sessions = sessions


def _minutes(hours: float) -> int:
    return max(1, round(hours * 60))


def schedule_steps(steps: Sequence[PlanStep], start: date, hours_per_week: float) -> Schedule:
    """Study blocks for the steps; fills in each step's start/end dates and weeks."""
    n = sessions_per_week(hours_per_week)
    week_minutes = math.floor(hours_per_week * 60 + 1e-6)
    caps = [week_minutes // n + (1 if i < week_minutes % n else 0) for i in range(n)]
    offsets = session_days(n)
    left = [_minutes(s.hours) if s.hours > 0 else 0 for s in steps]
    blocks: list[StudyBlock] = []
    first: dict[int, date] = {}
    last: dict[int, date] = {}
    i = 0
    week = 0
    while i < len(steps):
        week += 1
        for j in range(n):
            cap = caps[j]
            day = start + timedelta(days=7 * (week - 1) + offsets[j])
            parts: list[BlockPart] = []
            used = 0
            while cap > 0 and i < len(steps):
                if left[i] == 0:  # no hours of its own: done with the step before it
                    first.setdefault(i, last.get(i - 1, day))
                    last[i] = first[i]
                    i += 1
                    continue
                take = min(cap, left[i])
                parts.append(
                    BlockPart(step=i, title=steps[i].title, minutes=take, hours=round(take / 60, 2))
                )
                first.setdefault(i, day)
                last[i] = day
                left[i] -= take
                cap -= take
                used += take
                if left[i] == 0:
                    i += 1
            if parts:
                blocks.append(
                    StudyBlock(
                        date=day,
                        week=week,
                        session=j + 1,
                        minutes=used,
                        hours=round(used / 60, 2),
                        what=" + ".join(_label(steps[p.step]) for p in parts),
                        parts=parts,
                    )
                )
            if i >= len(steps):
                break
    for k, step in enumerate(steps):
        if k in first:
            step.start, step.end = first[k], last[k]
            step.week_start, step.week_end = week_of(start, first[k]), week_of(start, last[k])
    return Schedule(blocks, n)


def _label(step: PlanStep) -> str:
    return f"Project: {step.title}" if step.kind == "project" else step.title


def milestone(
    start: date, day: date, kind: MilestoneKind, title: str, refs: list[str]
) -> Milestone:
    return Milestone(date=day, week=week_of(start, day), kind=kind, title=title, refs=refs)
