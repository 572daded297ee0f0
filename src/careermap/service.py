"""The use cases every edge calls: read a person, match, gap, plan, pay, and start.

The command line, the REST API and the web pages parse their input, call these, and
render what comes back; none of them wires the stages itself. Everything here takes the
knowledge base to use (default: the runtime's) and keeps nothing between calls.

documents → extract → profile (with the quiz's answers, if any) → role scores → the
target role (the one asked for, else the one the person's goal sentence names, else the
best fit) → the gap → a dated plan → pay for the role and what to do this week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from pydantic import BaseModel, ConfigDict, Field

from careermap.errors import InputError
from careermap.profile import Goal, Profile

if TYPE_CHECKING:  # imported where used, so that importing this module stays cheap
    from careermap.documents import Document
    from careermap.extract import Extraction
    from careermap.knowledge.loader import KnowledgeBase
    from careermap.match import Gap, MatchReport
    from careermap.plan import Plan, Progress

__all__ = [
    "Pay",
    "PersonReading",
    "PlanOptions",
    "StartResult",
    "Target",
    "WeekTask",
    "apply_progress",
    "choose_target",
    "make_plan",
    "match",
    "merge_profiles",
    "next_monday",
    "pay_for",
    "read_person",
    "start",
    "this_week",
]

Source = Path | str | bytes | BinaryIO


def _kb(kb: KnowledgeBase | None) -> KnowledgeBase:
    if kb is not None:
        return kb
    from careermap.knowledge import load

    return load()


def next_monday(today: date | None = None) -> date:
    d = today or date.today()
    return d + timedelta(days=(7 - d.weekday()) % 7 or 7)


# ---------------------------------------------------------------- reading a person


@dataclass(frozen=True)
class PersonReading:
    """What careermap read from one document."""

    document: Document
    extraction: Extraction
    profile: Profile


def read_person(
    source: Source,
    *,
    name: str | None = None,
    semantic: bool = True,
    today: date | None = None,
    kb: KnowledgeBase | None = None,
) -> PersonReading:
    """Read a résumé (any format careermap reads, or ``"-"`` for stdin) into a profile."""
    from careermap.documents import read
    from careermap.extract import extract

    kb = _kb(kb)
    doc = read(source, name=name)
    found = extract(doc, semantic=semantic)
    profile = found.profile(today, kb)
    if not profile.skills and not profile.denied:
        raise InputError(
            f"no skills careermap knows were found in {doc.metadata.source}.",
            hint="Check that it lists tools, languages or methods (e.g. a Skills section), "
            "or take the quiz: careermap quiz.",
        )
    return PersonReading(document=doc, extraction=found, profile=profile)


def merge_profiles(resume: Profile | None, quiz: Profile | None) -> Profile:
    """A résumé profile completed by quiz answers (evidence always wins over self-rating)."""
    if resume is None and quiz is None:
        raise InputError("give a résumé, a quiz answers file, or both.")
    if resume is None:
        assert quiz is not None
        return quiz
    if quiz is None:
        return resume
    return resume.model_copy(
        update={
            "interests": quiz.interests,
            "work_styles": quiz.work_styles,
            "self_ratings": {**quiz.self_ratings, **resume.self_ratings},
        }
    )


def apply_progress(
    profile: Profile, levels: dict[str, str], *, kb: KnowledgeBase | None = None
) -> Profile:
    """The profile with what the person has since learned (skill id -> level reached):
    each skill raised to that level where it is above what the profile holds, so that
    marking a skill learned changes every role's score and every plan built from it."""
    from careermap.knowledge.schemas import LEVELS
    from careermap.profile import Evidence, ProfileSkill

    kb = _kb(kb)
    skills = dict(profile.skills)
    denied = dict(profile.denied)
    for raw, level in levels.items():
        sid = kb.skill(raw).id
        if level not in LEVELS:
            raise InputError(
                f"progress for {sid} is '{level}', not a level.",
                hint="Use foundational, intermediate or advanced.",
            )
        have = skills.get(sid)
        if have is not None and LEVELS.index(have.level) >= LEVELS.index(level):
            continue
        skills[sid] = ProfileSkill(
            skill=sid,
            level=LEVELS[LEVELS.index(level)],
            confidence=max(0.9, have.confidence if have else 0.0),
            evidence=[Evidence(text=f"marked {level} in your progress", origin="manual")],
            basis="progress",
            reason="your progress",
        )
        denied.pop(sid, None)
    return profile.model_copy(update={"skills": skills, "denied": denied})


def check_profile(profile: Profile, kb: KnowledgeBase | None = None) -> Profile:
    """A profile that came from outside careermap (a client, a file), its ids checked
    against the knowledge base: an unknown one is an error with suggestions, never
    silently ignored."""
    kb = _kb(kb)
    for key, held in profile.skills.items():
        sid = kb.skill(key).id
        if sid != key or held.skill != key:
            raise InputError(
                f"profile.skills['{key[:80]}'] must be keyed by its skill id "
                f"('{sid}') and name the same skill.",
                hint="Send the profile as careermap returns it.",
            )
    for key in profile.denied:
        if kb.skill(key).id != key:
            raise InputError(f"profile.denied['{key[:80]}'] must be a skill id.")
    for key in profile.certifications:
        if kb.certification(key).id != key:
            raise InputError(f"profile.certifications['{key[:80]}'] must be a certification id.")
    for key in profile.courses:
        if kb.course(key).id != key:
            raise InputError(f"profile.courses['{key[:80]}'] must be a course id.")
    if profile.goal is not None and profile.goal.role is not None:
        kb.role(profile.goal.role)
    return profile


def quiz_profile(answers: Any, kb: KnowledgeBase | None = None) -> Profile:
    """The profile a quiz's answers give (a mapping of item id to answer, or a file)."""
    from careermap.quiz import load_answers, score_quiz

    if isinstance(answers, Path):
        answers = load_answers(answers)
    return score_quiz(answers, _kb(kb)).to_profile()


# ---------------------------------------------------------------- roles


def match(profile: Profile, *, kb: KnowledgeBase | None = None) -> MatchReport:
    """Every role scored against the person, best first."""
    from careermap.match import rank_roles

    return rank_roles(_kb(kb), profile)


class Target(BaseModel):
    """The role a plan goes to, and why that one."""

    model_config = ConfigDict(frozen=True)

    role: str
    title: str
    why: Literal["asked", "goal", "best"]
    goal: Goal | None = None
    best: str = Field(description="the best-scoring role, shown beside the target")
    best_title: str
    note: str | None = None


def choose_target(
    profile: Profile,
    report: MatchReport,
    role: str | None = None,
    *,
    kb: KnowledgeBase | None = None,
) -> Target:
    """``role`` when given; else the role the résumé's goal sentence names; else the best.

    A goal sentence that names a specific role careermap does not know ("I want to become
    a quantum engineer") is an :class:`InputError` that says to choose one with ``--role``;
    one that names only a field ("the AI space") leaves the choice to the ranking.
    """
    kb = _kb(kb)
    best = report.matches[0]
    goal = profile.goal
    if role is not None:
        chosen = kb.role(role)
        return Target(
            role=chosen.id,
            title=chosen.title,
            why="asked",
            goal=goal,
            best=best.role,
            best_title=best.title,
        )
    if goal is not None and goal.role is not None:
        chosen = kb.role(goal.role)
        note = None
        if chosen.id != best.role:
            note = (
                f"You wrote that you want to move into {goal.phrase}, so the plan goes to "
                f"{chosen.title}; on the evidence alone {best.title} fits best "
                f"({best.score:.0f} against {report.role(chosen.id).score:.0f})."
            )
        return Target(
            role=chosen.id,
            title=chosen.title,
            why="goal",
            goal=goal,
            best=best.role,
            best_title=best.title,
            note=note,
        )
    if goal is not None and goal.specific:
        raise InputError(
            f"your résumé says you want to move into '{goal.phrase}', which is not one of "
            "careermap's roles.",
            hint="Choose the nearest with --role (`careermap roles` lists them).",
        )
    note = None
    if goal is not None:
        note = f"You wrote '{goal.phrase}'; the plan goes to the role that fits you best."
    elif not report.separated and report.note:
        note = report.note
    return Target(
        role=best.role,
        title=best.title,
        why="best",
        goal=goal,
        best=best.role,
        best_title=best.title,
        note=note,
    )


# ---------------------------------------------------------------- the plan


#: the longest time box a plan takes (ten years), and the most hours
MAX_WEEKS = 520
MAX_HOURS = 20_000


class PlanOptions(BaseModel):
    """How to plan: pace, start, time box, what is done, which certification."""

    model_config = ConfigDict(extra="forbid")

    hours_per_week: float = Field(default=8.0, gt=0, le=80)
    start: date | None = Field(default=None, description="default: next Monday")
    optimize: Literal["hours", "cost"] = "hours"
    weeks: int | None = Field(default=None, description="time box in weeks")
    until: date | None = Field(default=None, description="time box: end by this date")
    max_hours: float | None = Field(default=None, description="time box in hours")
    done: list[str] = Field(default_factory=list, description="skills already learned")
    certification: str | None = Field(default=None, description="add this exam to the plan")
    include_optional: bool = Field(default=False, description="schedule the useful extras too")


def _budget(options: PlanOptions) -> Any:
    from careermap.plan.model import Budget

    if options.weeks is not None and options.weeks < 1:
        raise InputError(
            f"--weeks must be 1 or more (got {options.weeks}).",
            hint="Give how many weeks you want the plan to fit in, e.g. --weeks 12.",
        )
    if options.weeks is not None and options.weeks > MAX_WEEKS:
        raise InputError(
            f"--weeks must be at most {MAX_WEEKS} (ten years; got {options.weeks}).",
            hint="Give how many weeks you want the plan to fit in, e.g. --weeks 12.",
        )
    if options.max_hours is not None and not 0 < options.max_hours <= MAX_HOURS:
        raise InputError(
            f"--max-hours must be more than 0 and at most {MAX_HOURS:,} "
            f"(got {options.max_hours:g}).",
            hint="Give the hours you can give the plan, e.g. --max-hours 120.",
        )
    if options.until is not None and options.until <= date.today():
        raise InputError(
            f"--until {options.until.isoformat()} is not in the future.",
            hint="Give the date the plan should end by, e.g. "
            f"{(date.today() + timedelta(days=180)).isoformat()}.",
        )
    if options.weeks is None and options.until is None and options.max_hours is None:
        return None
    try:
        return Budget(weeks=options.weeks, until=options.until, max_hours=options.max_hours)
    except ValueError as exc:
        raise InputError(f"the time box is not valid: {exc}") from None


def make_plan(
    profile: Profile,
    role: str,
    options: PlanOptions | None = None,
    *,
    progress: Progress | None = None,
    kb: KnowledgeBase | None = None,
) -> tuple[Gap, Plan]:
    """The gap to ``role`` and a dated plan to close it."""
    from careermap.match import compute_gap
    from careermap.plan import build_plan

    kb = _kb(kb)
    options = options or PlanOptions()
    target = kb.role(role)
    gap = compute_gap(kb, target, profile)
    done = [kb.skill(s).id for s in options.done]
    plan = build_plan(
        kb,
        target.id,
        gap.needs,
        hours_per_week=options.hours_per_week,
        start=options.start or next_monday(),
        optimize=options.optimize,
        done=[*done, *(progress.done if progress else [])],
        progress=progress.levels if progress else None,
        done_projects=progress.projects if progress else (),
        budget=_budget(options),
        certification=options.certification,
        held_certifications=list(profile.certifications),
        taken_courses=list(profile.courses),
        include_optional=options.include_optional,
    )
    return gap, plan


def replan_saved(
    plan: Plan,
    progress: dict[str, str],
    *,
    today: date | None = None,
    kb: KnowledgeBase | None = None,
) -> Plan:
    """A saved plan re-planned from today (or its start, if later) with the person's
    progress as it stands: the progress replaces what the plan knew, so a level cleared
    since comes back into the plan."""
    from careermap.plan import Progress, replan

    kb = _kb(kb)
    levels = {kb.skill(s).id: lv for s, lv in progress.items()}
    base = plan.model_copy(update={"progress": {}})
    start = max(plan.start, today or date.today())
    return replan(kb, base, Progress.model_validate({"levels": levels}), start=start)


# ---------------------------------------------------------------- pay and the first week


class Pay(BaseModel):
    """The pay band a person would look at first for a role: one median, its n and source."""

    model_config = ConfigDict(frozen=True)

    role: str
    level: str | None
    place: str
    median: int | None
    p25: int | None = None
    p75: int | None = None
    currency: str = "USD"
    n: int | None = None
    n_label: str | None = None
    source: str
    dataset: str
    period: str
    note: str | None = None


def _level_for(profile: Profile) -> str:
    years = profile.years_experience or 0.0
    return "mid" if years >= 3 else "entry"


def pay_for(
    role: str,
    profile: Profile | None = None,
    *,
    country: str | None = None,
    level: str | None = None,
    kb: KnowledgeBase | None = None,
) -> Pay | None:
    """The survey band for the role at the person's likely entry level (mid with three
    or more years of work, else entry), in ``country`` (default the US); failing a large
    enough sample there, the role's national BLS OEWS median."""
    from careermap.knowledge.salary import salary_bands

    kb = _kb(kb)
    lv = level or (_level_for(profile) if profile is not None else None)
    try:
        report = salary_bands(kb, role, level=lv, country=country or "US")
    except InputError:
        report = salary_bands(kb, role, level=lv)
    survey = [b for b in report.bands if b.kind == "survey" and not b.small_sample and b.median]
    survey.sort(key=lambda b: (b.proxy, -(b.n or 0)))
    oews = [b for b in report.bands if b.kind == "oews" and b.median]
    oews.sort(key=lambda b: (b.fit != "exact", b.fit != "close", -(b.n or 0)))
    band = survey[0] if survey else (oews[0] if oews else None)
    if band is None:
        return None
    note = None
    if band.kind == "survey" and band.proxy:
        note = f"proxy titles: {band.basis}" if band.basis else "proxy titles"
    if band.kind == "oews":
        note = f"{band.soc} {band.soc_title}, all levels"
    return Pay(
        role=role,
        level=band.level,
        place=band.place,
        median=band.median,
        p25=band.p25,
        p75=band.p75,
        currency=band.currency,
        n=band.n,
        n_label=band.n_label,
        source=band.source,
        dataset=band.dataset,
        period=band.period,
        note=note,
    )


class WeekTask(BaseModel):
    """One thing to do in the plan's first week."""

    model_config = ConfigDict(frozen=True)

    day: date
    hours: float
    what: str


def this_week(plan: Plan) -> list[WeekTask]:
    """The study sessions of the plan's first week, each with what to work on."""
    from careermap.plan.model import PlanStep

    steps: dict[int, PlanStep] = {s.index: s for s in plan.steps}
    courses = {c.course: c for c in plan.courses}
    out: list[WeekTask] = []
    for block in plan.blocks:
        if block.week != 1:
            break
        bits = []
        for part in block.parts:
            st = steps[part.step]
            if st.kind == "project":
                bits.append(f"start the project '{st.title}'")
            elif st.kind == "exam":
                bits.append(f"prepare for {st.title}")
            elif st.course and st.course in courses:
                c = courses[st.course]
                bits.append(f"{st.title} with {c.title} ({c.provider})")
            else:
                bits.append(f"{st.title} (self-study)")
        out.append(WeekTask(day=block.date, hours=block.hours, what="; ".join(bits)))
    return out


# ---------------------------------------------------------------- everything at once


@dataclass(frozen=True)
class StartResult:
    reading: PersonReading | None
    profile: Profile
    report: MatchReport
    target: Target
    gap: Gap
    plan: Plan
    pay: Pay | None
    week: list[WeekTask]


def start(
    source: Source | None,
    *,
    role: str | None = None,
    quiz: Any = None,
    options: PlanOptions | None = None,
    semantic: bool = True,
    kb: KnowledgeBase | None = None,
) -> StartResult:
    """The main job: read the résumé (and quiz), rank the roles, choose the target, and
    plan the way there, with pay and the first week."""
    kb = _kb(kb)
    reading = read_person(source, semantic=semantic, kb=kb) if source is not None else None
    qp = quiz_profile(quiz, kb) if quiz is not None else None
    profile = merge_profiles(reading.profile if reading else None, qp)
    report = match(profile, kb=kb)
    target = choose_target(profile, report, role, kb=kb)
    gap, plan = make_plan(profile, target.role, options, kb=kb)
    return StartResult(
        reading=reading,
        profile=profile,
        report=report,
        target=target,
        gap=gap,
        plan=plan,
        pay=pay_for(target.role, profile, kb=kb),
        week=this_week(plan),
    )
