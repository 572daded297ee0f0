"""Turn a gap (a list of needs) into a dated learning plan."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import get_args

from careermap.errors import InputError
from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import Level, Role
from careermap.plan.costs import CostModel
from careermap.plan.courses import Selection, select_courses
from careermap.plan.model import CourseChoice, Milestone, Optimize, Plan, PlanStep
from careermap.plan.order import IMPORTANCE_RANK, order_needs, remaining_needs
from careermap.plan.projects import MAX_PROJECTS, pick_projects, place_projects
from careermap.plan.schedule import milestone, schedule_steps
from careermap.profile import SkillNeed

__all__ = [
    "LAST_DAY",
    "MAX_HOURS_PER_WEEK",
    "MIN_HOURS_PER_WEEK",
    "build_plan",
    "check_date",
    "check_pace",
]

MIN_HOURS_PER_WEEK = 0.5
MAX_HOURS_PER_WEEK = 80.0


def check_pace(hours_per_week: object, start: object) -> tuple[float, date]:
    """Validate the pace and start date (a date, a datetime or an ISO date string)."""
    if isinstance(hours_per_week, bool) or not isinstance(hours_per_week, int | float):
        raise InputError(f"hours per week must be a number, not {hours_per_week!r}")
    hpw = float(hours_per_week)
    if not math.isfinite(hpw) or hpw <= 0:
        raise InputError(
            f"hours per week must be more than 0 (got {hours_per_week}); "
            "say how many hours a week you can study, e.g. 5"
        )
    if not MIN_HOURS_PER_WEEK <= hpw <= MAX_HOURS_PER_WEEK:
        raise InputError(
            f"hours per week must be between {MIN_HOURS_PER_WEEK:g} and "
            f"{MAX_HOURS_PER_WEEK:g} (got {hpw:g})"
        )
    day: date | None = None
    if isinstance(start, datetime):
        day = start.date()
    elif isinstance(start, date):
        day = start
    elif isinstance(start, str):
        try:
            day = date.fromisoformat(start.strip())
        except ValueError:
            day = None
    if day is None:
        raise InputError(f"start must be a date such as 2026-09-01, not {str(start)[:40]!r}")
    return hpw, check_date(day, "the start date")


#: plans start no earlier than this many days ago (a plan re-dated from an old one)...
MAX_DAYS_PAST = 366
#: ...and end by this day: a date past it is a typing mistake
LAST_DAY = date(2100, 12, 31)


def check_date(day: date, what: str, *, today: date | None = None) -> date:
    """``day`` if it lies in careermap's window (a year ago to the end of 2100)."""
    now = today or date.today()
    earliest = now - timedelta(days=MAX_DAYS_PAST)
    if day < earliest or day > LAST_DAY:
        raise InputError(
            f"{what} {day.isoformat()} is outside careermap's range "
            f"({earliest.isoformat()} to {LAST_DAY.isoformat()}).",
            hint="Give a date such as next Monday, written YYYY-MM-DD.",
        )
    return day


def build_plan(
    kb: KnowledgeBase,
    role_id: str,
    needs: Iterable[SkillNeed],
    *,
    hours_per_week: float,
    start: date,
    optimize: Optimize = "hours",
    done: Iterable[str] = (),
    progress: Mapping[str, Level] | None = None,
    done_projects: Iterable[str] = (),
    time_limit: float = 5.0,
    costs: CostModel | None = None,
    max_projects: int = MAX_PROJECTS,
) -> Plan:
    """A dated plan that closes ``needs`` for the role at ``hours_per_week`` from ``start``.

    ``done`` skills leave the plan; ``progress`` raises a need's current level (a need it
    meets leaves the plan); ``done_projects`` are not proposed again. Raises
    :class:`~careermap.errors.InputError` on a bad pace or date and
    :class:`~careermap.errors.UnknownIdError` on an unknown role, skill or project.
    """
    hpw, day0 = check_pace(hours_per_week, start)
    if optimize not in get_args(Optimize):
        raise InputError(f"optimize must be 'hours' or 'cost', not {optimize!r}")
    role = kb.role(role_id)
    given = list(needs)
    done_ids = sorted({kb.skill(s).id for s in done})
    levels = {kb.skill(s).id: lv for s, lv in (progress or {}).items()}
    left = remaining_needs(kb, given, done_ids, levels)
    ordered = order_needs(kb, left)
    costs = costs or CostModel(hours_per_week=hpw)
    sel = select_courses(
        ordered.needs, kb.courses.values(), optimize=optimize, costs=costs, time_limit=time_limit
    )

    steps = _skill_steps(kb, role, ordered.needs, ordered.after, sel)
    finished = sorted({kb.project(p).id for p in done_projects})
    # projects are ranked against the whole gap, not what is left of it, so that progress
    # never swaps in a longer project; one whose skills are all done goes first
    gap_ids = list(dict.fromkeys(kb.skill(n.skill).id for n in given))
    picked = pick_projects(kb, role.id, gap_ids, max_projects, exclude=finished)
    for offset, (pos, p) in enumerate(place_projects(picked, ordered.ids)):
        uses = [kb.skill(s).label for s in p.skills if s in set(gap_ids)]
        used = [s for s in p.skills if s in set(ordered.ids)]
        steps.insert(
            pos + 1 + offset,
            PlanStep(
                index=0,
                kind="project",
                ref=p.id,
                title=p.title,
                why=f"{p.summary} Puts to work: {', '.join(uses)}.",
                hours=float(p.hours),
                hours_basis="the project's own estimate",
                after=used,
                deliverables=list(p.deliverables),
            ),
        )
    for i, st in enumerate(steps):
        st.index = i

    sched = schedule_steps(steps, day0, hpw)
    choices = _course_choices(kb, sel, steps, costs)
    end = sched.blocks[-1].date if sched.blocks else day0
    weeks = sched.blocks[-1].week if sched.blocks else 0
    course_hours = sum(c.hours for c in choices)
    self_hours = sum(s.hours for s in steps if s.self_study)
    project_hours = sum(s.hours for s in steps if s.kind == "project")
    notes = []
    if sel.uncovered:
        notes.append(
            f"{len(sel.uncovered)} skill(s) have no course in the catalogue that reaches the "
            "target level; they are self-study steps with the knowledge base's hour estimate."
        )
    if weeks > 104:
        notes.append(
            f"At {hpw:g} h a week this plan takes {weeks} weeks (about {weeks / 52:.1f} "
            "years); more hours a week, or fewer useful-only skills, would shorten it."
        )
    return Plan(
        role=role.id,
        role_title=role.title,
        start=day0,
        end=end,
        weeks=weeks,
        hours_per_week=hpw,
        sessions_per_week=sched.sessions,
        optimize=optimize,
        solver=sel.solver,
        total_hours=round(course_hours + self_hours + project_hours, 2),
        course_hours=round(course_hours, 2),
        self_study_hours=round(self_hours, 2),
        project_hours=round(project_hours, 2),
        total_cost_usd=round(sum(c.cost_usd for c in choices), 2),
        cost_basis=costs.basis(),
        steps=steps,
        courses=choices,
        uncovered=sel.uncovered,
        blocks=sched.blocks,
        milestones=_milestones(day0, end, role, steps, choices),
        needs=given,
        done=done_ids,
        done_projects=finished,
        progress=levels,
        notes=notes,
    )


def _skill_steps(
    kb: KnowledgeBase,
    role: Role,
    needs: list[SkillNeed],
    after: dict[str, list[str]],
    sel: Selection,
) -> list[PlanStep]:
    own = {n.skill: kb.skill(n.skill).hours.to_reach(n.target, n.current) for n in needs}
    by_course: dict[str, list[str]] = {}
    for sid, cid in sel.assignment.items():
        by_course.setdefault(cid, []).append(sid)
    share: dict[str, float] = {}
    for cid, sids in by_course.items():
        # whole minutes, shared by size with the largest remainders rounded up, so that
        # the shares add up to the course exactly
        minutes = round(kb.course(cid).hours * 60)
        total = sum(own[s] for s in sids)
        raw = [minutes * own[s] / total for s in sids]
        got = [math.floor(r) for r in raw]
        by_remainder = sorted(range(len(sids)), key=lambda i: (got[i] - raw[i], i))
        for i in by_remainder[: minutes - sum(got)]:
            got[i] += 1
        for s, m in zip(sids, got, strict=True):
            share[s] = m / 60
    steps = []
    for n in needs:
        sk = kb.skill(n.skill)
        course_id = sel.assignment.get(n.skill)
        if course_id is not None:
            c = kb.course(course_id)
            k = len(by_course[course_id])
            basis = f"{c.title}: {c.hours:g} h in all" + (
                f", shared across {k} skills by their size" if k > 1 else ""
            )
            hours = share[n.skill]
        else:
            basis = f"self-study estimate, {n.current or 'no experience'} to {n.target}"
            hours = float(own[n.skill])
        steps.append(
            PlanStep(
                index=0,
                kind="skill",
                ref=n.skill,
                title=sk.label,
                category=sk.category,
                target=n.target,
                current=n.current,
                importance=n.importance,
                why=n.reason.strip() or f"{n.importance} for {role.title}",
                hours=hours,
                hours_basis=basis,
                course=course_id,
                self_study=course_id is None,
                after=after.get(n.skill, []),
            )
        )
    return steps


def _course_choices(
    kb: KnowledgeBase, sel: Selection, steps: list[PlanStep], costs: CostModel
) -> list[CourseChoice]:
    out = []
    for c in sel.chosen:
        mine = [s for s in steps if s.course == c.id]
        usd, basis = costs.price(c)
        own = [s.ref for s in mine]
        out.append(
            CourseChoice(
                course=c.id,
                title=c.title,
                provider=c.provider,
                platform=c.platform,
                url=c.url,
                level=c.level,
                kind=c.kind,
                hours=c.hours,
                cost=c.cost,
                cost_usd=usd,
                cost_basis=basis,
                skills=own,
                also_covers=[s for s in sel.covers[c.id] if s not in own],
                start=min((s.start for s in mine if s.start), default=None),
                end=max((s.end for s in mine if s.end), default=None),
            )
        )
    first = {s.course: s.index for s in reversed(steps) if s.course}
    return sorted(out, key=lambda c: (first.get(c.course, len(steps)), c.course))


def _milestones(
    day0: date, end: date, role: Role, steps: list[PlanStep], courses: list[CourseChoice]
) -> list[Milestone]:
    ms: list[Milestone] = []
    for c in courses:
        if c.end:
            ms.append(
                milestone(day0, c.end, "course", f"Finish {c.title} ({c.provider})", [c.course])
            )
    for s in steps:
        if s.end is None:
            continue
        if s.kind == "project":
            ms.append(
                milestone(day0, s.end, "project", f"Portfolio project done: {s.title}", [s.ref])
            )
        elif s.self_study:
            title = f"{s.title} at {s.target} level (self-study)"
            ms.append(milestone(day0, s.end, "skill", title, [s.ref]))
    tiers = sorted({s.importance for s in steps if s.importance}, key=IMPORTANCE_RANK.__getitem__)
    for tier in tiers[:-1]:
        mine = [s for s in steps if s.importance == tier and s.end]
        last = max(s.end for s in mine if s.end)
        refs = [s.ref for s in mine]
        ms.append(milestone(day0, last, "stage", f"All {tier} skills learned", refs))
    if steps:
        ms.append(milestone(day0, end, "finish", f"Plan complete: ready for {role.title}", []))
    kind_rank = {"course": 0, "skill": 1, "project": 2, "stage": 3, "finish": 4}
    return sorted(ms, key=lambda m: (m.date, kind_rank[m.kind], m.title))
