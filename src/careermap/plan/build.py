"""Turn a gap (a list of needs) into a dated learning plan."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Literal, NamedTuple, get_args

from careermap.errors import InputError
from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import LEVELS, Certification, Importance, Level, Role
from careermap.plan.blocks import block_order, untangle
from careermap.plan.costs import CostModel
from careermap.plan.courses import Selection, select_courses
from careermap.plan.model import (
    Budget,
    CertificationChoice,
    CourseChoice,
    Extra,
    Milestone,
    Optimize,
    Plan,
    PlanStep,
)
from careermap.plan.order import IMPORTANCE_RANK, dependencies, order_needs, remaining_needs
from careermap.plan.projects import MAX_PROJECTS, credit_practice, pick_projects, place_projects
from careermap.plan.schedule import milestone, schedule_steps
from careermap.plan.within import learned_within, root_of
from careermap.profile import SkillNeed
from careermap.tuning import get_tuning

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


def budget_hours(budget: Budget | None, start: date, hours_per_week: float) -> float | None:
    """The hours a time box allows: weeks, an end date or hours, whichever is tightest."""
    if budget is None:
        return None
    limits: list[float] = []
    if budget.weeks is not None:
        limits.append(budget.weeks * hours_per_week)
    if budget.until is not None:
        days = (budget.until - start).days
        if days < 7:
            raise InputError(
                f"--until {budget.until.isoformat()} leaves less than a week after the start "
                f"({start.isoformat()}).",
                hint="Give a later date, or a number of weeks with --weeks.",
            )
        limits.append(days / 7 * hours_per_week)
    if budget.max_hours is not None:
        limits.append(budget.max_hours)
    return min(limits) if limits else None


def _fit(
    kb: KnowledgeBase, needs: list[SkillNeed], hours: float
) -> tuple[list[SkillNeed], list[SkillNeed]]:
    """The most valuable needs that fit in ``hours`` (each with the prerequisites it needs
    among them), and those left out.

    Essential needs go in first, then important ones, then useful ones, as an advisor
    would fill a short time; within a tier, bundles (a need and the prerequisites it still
    lacks) are taken best value per hour first, a bundle's value being the importance
    times the specificity of every role need in it."""
    own = {n.skill: n.study_hours(kb) for n in needs}
    by_id = {n.skill: n for n in needs}
    importance = {"essential": 3.0, "important": 2.0, "useful": 0.5}

    def value(sid: str) -> float:
        n = by_id[sid]
        return 0.0 if n.kind == "prerequisite" else importance[n.importance] * max(n.weight, 0.05)

    kept: set[str] = set()
    left = hours
    for tier in ("essential", "important", "useful"):
        while True:
            best: tuple[float, list[str]] | None = None
            for n in needs:
                if n.skill in kept or n.kind == "prerequisite" or n.importance != tier:
                    continue
                bundle = [
                    n.skill,
                    *sorted(a for a in kb.ancestors(n.skill) if a in by_id and a not in kept),
                ]
                cost = sum(own[s] for s in bundle)
                if cost > left + 1e-9:
                    continue
                ratio = sum(value(s) for s in bundle) / max(cost, 0.5)
                if best is None or ratio > best[0]:
                    best = (ratio, bundle)
            if best is None:
                break
            kept.update(best[1])
            left -= sum(own[s] for s in best[1])
    return [n for n in needs if n.skill in kept], [n for n in needs if n.skill not in kept]


def _after_stretch(steps: list[PlanStep], pos: int) -> int:
    """``pos``, or the last step of the course stretch it falls inside, so that nothing is
    put between a course's first and last step."""
    spans: dict[str, list[int]] = {}
    for i, st in enumerate(steps):
        if st.course:
            spans.setdefault(st.course, [i, i])[1] = i
    moved = True
    while moved:
        moved = False
        for first, last in spans.values():
            if first <= pos < last:
                pos, moved = last, True
    return pos


def _certification(
    kb: KnowledgeBase, role: Role, skills: list[str], held: set[str], wanted: str | None
) -> tuple[Certification | None, list[Certification]]:
    """The certification asked for, and the role's other active ones worth offering."""
    chosen: Certification | None = None
    if wanted is not None:
        chosen = kb.certification(wanted)
        if chosen.status == "retired":
            successor = f" Its successor is {chosen.successor}." if chosen.successor else ""
            raise InputError(
                f"{chosen.title} was retired on {chosen.retired_on}: careermap does not plan "
                f"for it.{successor}",
                hint="See the role's certifications with `careermap role ROLE`.",
            )
        if chosen.id in held:
            raise InputError(f"you already hold {chosen.title}.", hint="Leave it out.")
    offered = []
    wanted_skills = set(skills)
    for cid in role.certifications:
        cert = kb.certifications.get(cid)
        if cert is None or cert.status != "active" or cert.id in held:
            continue
        if chosen is not None and cert.id == chosen.id:
            continue
        if any(a.skill in wanted_skills for a in cert.attests):
            offered.append(cert)
    return chosen, offered


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
    budget: Budget | None = None,
    certification: str | None = None,
    held_certifications: Iterable[str] = (),
    taken_courses: Iterable[str] = (),
    include_optional: bool = False,
) -> Plan:
    """A dated plan that closes ``needs`` for the role at ``hours_per_week`` from ``start``.

    By default it schedules the needs that are not optional (the role's essential and
    important skills and their prerequisites) and offers the optional ones as extras
    (``include_optional`` schedules them too). ``budget`` time-boxes it: the most valuable
    needs that fit are kept and the rest offered as extras, over budget. ``done`` skills
    leave the plan; ``progress`` raises a need's current level (a need it meets leaves the
    plan); ``done_projects`` are not proposed again. ``certification`` adds one exam (its
    preparation, then the exam milestone); the role's other active certifications that
    attest a planned skill, and that the person does not hold (``held_certifications``),
    are offered; the courses the person has completed (``taken_courses``) are never
    chosen again. Raises :class:`~careermap.errors.InputError` on a bad pace, date or
    budget and :class:`~careermap.errors.UnknownIdError` on an unknown id.
    """
    hpw, day0 = check_pace(hours_per_week, start)
    if optimize not in get_args(Optimize):
        raise InputError(f"optimize must be 'hours' or 'cost', not {optimize!r}")
    role = kb.role(role_id)
    given = list(needs)
    done_ids = sorted({kb.skill(s).id for s in done})
    levels = {kb.skill(s).id: lv for s, lv in (progress or {}).items()}
    left, extras = _working_level(kb, remaining_needs(kb, given, done_ids, levels), role)
    wanted = [n for n in left if include_optional or not n.optional]
    for n in left:
        if n.optional and not include_optional:
            extras.append(_extra(kb, n, "optional", role))
    if budget is not None:
        if budget.until is not None:
            check_date(budget.until, "--until")
        limit = budget_hours(budget, day0, hpw)
    else:
        limit = None
    if limit is not None:
        wanted, over = _fit(kb, wanted, limit)
        extras = [_extra(kb, n, "over-budget", role) for n in over] + extras
    inside = _learned_within(kb, given, wanted, done_ids, levels)
    within, covered, wanted, met_within = inside.within, inside.covered, inside.rest, inside.met
    ordered = order_needs(kb, wanted, inside.deps, _carried(within, covered))
    costs = costs or CostModel(hours_per_week=hpw)
    self_study = {n.skill: n.study_hours(kb) for n in ordered.needs}
    taken = {kb.course(c).id for c in taken_courses}
    sel = select_courses(
        ordered.needs,
        [c for c in kb.courses.values() if c.id not in taken],
        optimize=optimize,
        costs=costs,
        time_limit=time_limit,
        self_study=self_study,
    )
    deps = ordered.deps
    sel, moved = untangle(
        sel, ordered.ids, deps, self_study, {c.id: float(c.hours) for c in sel.chosen}
    )
    by_id = {n.skill: n for n in ordered.needs}
    in_blocks = [by_id[s] for s in block_order(ordered.ids, deps, sel.assignment)]
    steps = _skill_steps(kb, role, in_blocks, ordered.after, sel)
    _insert_within(kb, role, steps, within, covered)
    skill_order = [st.ref for st in steps]

    held = {kb.certification(c).id for c in held_certifications}
    cert, offered = _certification(kb, role, skill_order, held, certification)
    if cert is not None:
        attests = [a.skill for a in cert.attests if a.skill in set(skill_order)]
        last = max((skill_order.index(s) for s in attests), default=len(steps) - 1)
        last = _after_stretch(steps, last)
        steps.insert(
            last + 1,
            PlanStep(
                index=0,
                kind="exam",
                ref=cert.id,
                title=cert.title,
                why=f"Preparation for the {cert.title} exam ({cert.issuer}), which attests "
                + (", ".join(kb.skill(s).label for s in attests) or "the role's skills")
                + ".",
                hours=float(cert.prep_hours),
                hours_basis=cert.prep_hours_basis,
                after=attests,
            ),
        )
    extras += [
        Extra(
            kind="certification",
            ref=c.id,
            title=c.title,
            hours=float(c.prep_hours),
            why=f"{c.issuer} certification attesting "
            + ", ".join(kb.skill(a.skill).label for a in c.attests[:4])
            + (f"; exam USD {c.exam_price_usd:g}" if c.exam_price_usd is not None else "")
            + f". Add it with --certification {c.id}.",
            reason="optional",
        )
        for c in offered
    ]

    finished = sorted({kb.project(p).id for p in done_projects})
    # projects are ranked against the whole gap, not what is left of it, so that progress
    # never swaps in a longer project; one whose skills are all done goes first
    gap_ids = list(dict.fromkeys(kb.skill(n.skill).id for n in given if not n.optional))
    essential = {
        kb.skill(n.skill).id
        for n in given
        if not n.optional and n.importance == "essential" and n.kind != "prerequisite"
    }
    picked = pick_projects(
        kb, role.id, {sid: sid in essential for sid in gap_ids}, max_projects, exclude=finished
    )
    if limit is not None:
        room = limit - sum(st.hours for st in steps)
        fitting = []
        for p in picked:
            if p.hours <= room + 1e-9:
                fitting.append(p)
                room -= p.hours
        picked = fitting
    order_now = [st.ref for st in steps]
    placed = [(_after_stretch(steps, pos), p) for pos, p in place_projects(picked, order_now)]
    placed.sort(key=lambda t: t[0])
    for offset, (pos, p) in enumerate(placed):
        uses = [kb.skill(s).label for s in p.skills if s in set(gap_ids)]
        used = [s for s in p.skills if s in set(order_now)]
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
    tuning = get_tuning().plan
    credit_practice(kb, steps, tuning.practice_share, tuning.project_own_share)
    for i, st in enumerate(steps):
        st.index = i

    sched = schedule_steps(steps, day0, hpw)
    choices = _course_choices(kb, sel, steps, costs)
    end = sched.blocks[-1].date if sched.blocks else day0
    weeks = sched.blocks[-1].week if sched.blocks else 0
    course_hours = sum(c.hours for c in choices)
    self_hours = sum(s.hours for s in steps if s.self_study)
    project_hours = sum(s.hours for s in steps if s.kind == "project")
    exam_hours = sum(s.hours for s in steps if s.kind == "exam")
    notes = []
    if sel.uncovered:
        notes.append(
            f"{len(sel.uncovered)} skill(s) have no course in the catalogue that reaches the "
            "target level from where you are; they are self-study steps with the knowledge "
            "base's hour estimate."
        )
    if sel.self_taught:
        notes.append(
            f"{len(sel.self_taught)} skill(s) are quicker to learn alone than with any course "
            "that teaches them; they are self-study steps."
        )
    starts = [(n, n.head_start) for n in ordered.needs if n.head_start is not None]
    if starts:
        notes.append(
            f"{len(starts)} skill(s) take a share of the usual hours because you already hold "
            "a skill of the same kind: "
            + ", ".join(
                f"{kb.skill(n.skill).label} ({hs.share:.0%}, as you hold "
                f"{kb.skill(hs.skill).label})"
                for n, hs in starts
            )
            + "."
        )
    inner = [s for s in steps if s.within]
    if inner:
        notes.append(
            f"{len(inner)} skill(s) are learned within another step, which teaches them on "
            "the way and takes longer, so they have no hours of their own: "
            + ", ".join(f"{s.title} (within {kb.skill(w).label})" for s in inner if (w := s.within))
            + "."
        )
    if met_within:
        notes.append(
            f"{len(met_within)} skill(s) came with what you have learned since, and have left "
            "the plan: "
            + ", ".join(
                f"{kb.skill(y).label} (with {kb.skill(x).label})"
                for y, x in sorted(met_within.items())
            )
            + "."
        )
    if moved:
        notes.append(
            f"{len(moved)} skill(s) are self-study rather than a third course at once, so "
            "that each course is studied in one stretch: "
            + ", ".join(kb.skill(sid).label for sid in moved)
            + "."
        )
    cut = [e for e in extras if e.reason == "over-budget"]
    if cut and limit is not None:
        notes.append(
            f"To fit {limit:.0f} h, {len(cut)} skill(s) are left out "
            f"({sum(e.hours for e in cut):.0f} h of self-study): "
            + ", ".join(e.title for e in cut[:6])
            + (" ..." if len(cut) > 6 else "")
            + "."
        )
    practice = [e for e in extras if e.reason == "practice"]
    if practice:
        notes.append(
            f"{len(practice)} skill(s) the role wants at advanced level are planned to "
            "intermediate; advanced comes from practice ("
            + ", ".join(e.title.removesuffix(" to advanced") for e in practice)
            + f", about {sum(e.hours for e in practice):.0f} h more)."
        )
    optional = [e for e in extras if e.reason == "optional" and e.kind == "skill"]
    if optional:
        notes.append(
            f"{len(optional)} useful extra skill(s) are offered, not scheduled "
            f"({sum(e.hours for e in optional):.0f} h if you add them)."
        )
    if weeks > 104:
        notes.append(
            f"At {hpw:g} h a week this plan takes {weeks} weeks (about {weeks / 52:.1f} "
            "years); more hours a week, or a time box (--weeks, --until, --max-hours), would "
            "shorten it."
        )
    cert_choices = []
    if cert is not None:
        cert_choices.append(
            CertificationChoice(
                certification=cert.id,
                title=cert.title,
                issuer=cert.issuer,
                code=cert.code,
                prep_hours=float(cert.prep_hours),
                exam_price_usd=cert.exam_price_usd,
                attests=[a.skill for a in cert.attests],
            )
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
        total_hours=round(course_hours + self_hours + project_hours + exam_hours, 2),
        course_hours=round(course_hours, 2),
        self_study_hours=round(self_hours, 2),
        project_hours=round(project_hours, 2),
        total_cost_usd=round(
            sum(c.cost_usd for c in choices) + sum(c.exam_price_usd or 0 for c in cert_choices),
            2,
        ),
        cost_basis=costs.basis(),
        steps=steps,
        courses=choices,
        uncovered=sel.uncovered,
        self_taught=[*sel.self_taught, *moved],
        blocks=sched.blocks,
        milestones=_milestones(day0, end, role, steps, choices),
        needs=given,
        done=done_ids,
        done_projects=finished,
        progress=levels,
        certifications=cert_choices,
        held_certifications=sorted(held),
        taken_courses=sorted(taken),
        extras=extras,
        budget=budget,
        budget_hours=None if limit is None else round(limit, 2),
        notes=notes,
    )


class _Within(NamedTuple):
    """Which wanted needs are learned within another (careermap.plan.within)."""

    within: dict[str, str]  # need id -> the id of the step it is learned within
    covered: list[SkillNeed]  # those needs
    rest: list[SkillNeed]  # the other wanted needs, which get steps of their own
    met: dict[str, str]  # need id -> the need the person has reached, which brought it
    deps: dict[str, set[str]] | None  # for ordering; None when nothing is learned within


def _learned_within(
    kb: KnowledgeBase,
    given: list[SkillNeed],
    wanted: list[SkillNeed],
    done: list[str],
    levels: Mapping[str, Level],
) -> _Within:
    reached = []
    for n in given:
        sid = kb.skill(n.skill).id
        lv = levels.get(sid)
        if sid in done or (lv is not None and LEVELS.index(lv) >= LEVELS.index(n.target)):
            reached.append(n.model_copy(update={"skill": sid}))
    within = learned_within(kb, wanted, reached)
    if not within:
        return _Within({}, [], wanted, {}, None)
    reached_ids = {n.skill for n in reached}
    met = {y: r for y in within if (r := root_of(within, y)) in reached_ids}
    staying = {y: x for y, x in within.items() if y not in met}
    rest = [n for n in wanted if n.skill not in within]
    deps = dependencies(kb, [n.skill for n in rest], staying)
    if deps is None:  # the stand-ins would make a need wait for itself: plan them apart
        return _Within({}, [], wanted, {}, None)
    covered = [n for n in wanted if n.skill in staying]
    return _Within(staying, covered, rest, met, deps)


def _carried(within: Mapping[str, str], covered: list[SkillNeed]) -> dict[str, Importance]:
    """For each step that others are learned within, the most important of them."""
    out: dict[str, Importance] = {}
    for n in covered:
        root = root_of(within, n.skill)
        prev = out.get(root)
        if prev is None or IMPORTANCE_RANK[n.importance] < IMPORTANCE_RANK[prev]:
            out[root] = n.importance
    return out


def _insert_within(
    kb: KnowledgeBase,
    role: Role,
    steps: list[PlanStep],
    within: Mapping[str, str],
    covered: list[SkillNeed],
) -> None:
    """A step of no hours right after the step each covered need is learned within."""

    def depth(sid: str) -> int:
        d = 0
        while sid in within:
            sid, d = within[sid], d + 1
        return d

    by_depth = sorted(covered, key=lambda n: (depth(n.skill), within[n.skill]))
    for n in by_depth:
        x = within[n.skill]
        at = next(i for i, st in enumerate(steps) if st.kind == "skill" and st.ref == x)
        host = steps[at]
        # after the host and whatever is already learned within it, in id order
        pos = at + 1
        while pos < len(steps) and steps[pos].within == x and steps[pos].ref < n.skill:
            pos += 1
        xs = kb.skill(x)
        implied = next(i for i in xs.implies if i.skill == n.skill)
        basis = (
            f"learned within {xs.label} (to {host.target}), which takes longer and "
            f"teaches it: {implied.why}"
        )
        steps.insert(pos, _need_step(kb, role, n, 0.0, basis, host.course, host.self_study, [x], x))


def _need_step(
    kb: KnowledgeBase,
    role: Role,
    n: SkillNeed,
    hours: float,
    basis: str,
    course: str | None,
    self_study: bool,
    after: list[str],
    within: str | None = None,
) -> PlanStep:
    """The plan step that learns need ``n``."""
    sk = kb.skill(n.skill)
    return PlanStep(
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
        course=course,
        self_study=self_study,
        after=after,
        within=within,
    )


def _working_level(
    kb: KnowledgeBase, needs: list[SkillNeed], role: Role
) -> tuple[list[SkillNeed], list[Extra]]:
    """Needs with an advanced target planned to intermediate, the working level courses
    and study reach; the step to advanced, which comes from practice (the plan's projects,
    then work in the role), is offered as an extra with its hours."""
    out: list[SkillNeed] = []
    practice: list[Extra] = []
    for n in needs:
        if n.target != "advanced":
            out.append(n)
            continue
        skill = kb.skill(n.skill)
        start: Level = "intermediate" if n.current in (None, "foundational") else n.current
        practice.append(
            Extra(
                kind="skill",
                ref=n.skill,
                title=f"{skill.label} to advanced",
                hours=float(skill.hours.to_reach("advanced", start)),
                why=f"{role.title} asks for {skill.label} at advanced level; the plan takes "
                "it to intermediate, and the rest comes from practice: the projects, then "
                "work in the role.",
                reason="practice",
            )
        )
        if n.current != "intermediate":
            out.append(n.model_copy(update={"target": "intermediate"}))
    return out, practice


def _extra(
    kb: KnowledgeBase, need: SkillNeed, reason: Literal["optional", "over-budget"], role: Role
) -> Extra:
    hours = need.study_hours(kb)
    return Extra(
        kind="skill",
        ref=need.skill,
        title=kb.skill(need.skill).label,
        hours=hours,
        why=need.reason or f"{need.importance} for {role.title}",
        reason=reason,
    )


def _skill_steps(
    kb: KnowledgeBase,
    role: Role,
    needs: list[SkillNeed],
    after: dict[str, list[str]],
    sel: Selection,
) -> list[PlanStep]:
    own = {n.skill: n.study_hours(kb) for n in needs}
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
            if n.head_start is not None:
                hs = n.head_start
                basis += (
                    f", {hs.share:.0%} of the usual hours as you hold "
                    f"{kb.skill(hs.skill).label} ({hs.why})"
                )
            hours = float(own[n.skill])
        steps.append(
            _need_step(
                kb, role, n, hours, basis, course_id, course_id is None, after.get(n.skill, [])
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
        elif s.kind == "exam":
            ms.append(milestone(day0, s.end, "exam", f"Take the {s.title} exam", [s.ref]))
        elif s.self_study and s.within is None:
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
    kind_rank = {"course": 0, "skill": 1, "project": 2, "exam": 3, "stage": 4, "finish": 5}
    return sorted(ms, key=lambda m: (m.date, kind_rank[m.kind], m.title))
