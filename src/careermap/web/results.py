"""What the results page shows, gathered from a saved plan, its profile and the progress.

Nothing is worked out here that the core does not already say: the scores come from
:func:`careermap.service.match` on the profile with the person's progress applied; the
plan is the saved one, which every change of progress re-plans
(:func:`careermap.api.people.replan_person`, as the REST API's PUT /progress does); the
target and its reason from :func:`careermap.service.choose_target`; pay from
:func:`careermap.service.pay_for`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careermap.errors import InputError
from careermap.knowledge import LEVELS, load

if TYPE_CHECKING:
    from careermap.knowledge.loader import KnowledgeBase
    from careermap.match import Gap, MatchReport
    from careermap.plan import Plan
    from careermap.profile import Profile, ProfileSkill, SkillNeed
    from careermap.service import Pay, Target, WeekTask
    from careermap.store import Store
    from careermap.store.records import PlanRecord, ProfileRecord

__all__ = ["GapLine", "Results", "SkillLine", "gather", "reached"]

#: how the results page words each basis of a skill found
BASIS = {
    "stated": "you wrote it",
    "implied": "implied",
    "experience": "your job title",
    "education": "your degree",
    "certification": "a certification",
    "course": "a course you took",
    "progress": "your progress",
}


def reached(progress: dict[str, str], skill: str, target: str) -> bool:
    """Whether the progress recorded for ``skill`` reaches the level ``target``."""
    have = progress.get(skill)
    if have not in LEVELS or target not in LEVELS:
        return False
    return LEVELS.index(have) >= LEVELS.index(target)


@dataclass(frozen=True)
class SkillLine:
    """One skill careermap found in the document, with what shows it."""

    id: str
    label: str
    level: str
    basis: str
    years: float | None
    quote: str | None
    implied_by: list[str]


@dataclass(frozen=True)
class GapLine:
    """One need of the plan, with the person's own evidence and whether it is ticked."""

    need: SkillNeed
    label: str
    prerequisite_of: list[str]
    have: SkillLine | None
    done: bool


@dataclass(frozen=True)
class Results:
    record: PlanRecord
    profile_record: ProfileRecord | None
    profile: Profile
    report: MatchReport
    target: Target
    gap: Gap
    lines: list[GapLine]
    plan: Plan
    pay: Pay | None
    week: list[WeekTask]
    skills: list[SkillLine]
    denied: list[tuple[str, str]]
    certifications: list[str]
    courses: list[str]
    progress: dict[str, str]
    replanned: bool


def skill_line(kb: KnowledgeBase, held: ProfileSkill) -> SkillLine:
    quote = None
    for ev in held.evidence:
        if ev.origin == "document":
            quote = ev.text
            break
    return SkillLine(
        id=held.skill,
        label=kb.skills[held.skill].label,
        level=held.level,
        basis=BASIS.get(held.basis, held.basis),
        years=held.years,
        quote=quote,
        implied_by=[kb.skills[s].label for s in held.implied_by if s in kb.skills],
    )


def _target(profile: Profile, report: MatchReport, role: str, kb: KnowledgeBase) -> Target:
    """Why the plan goes to ``role``: careermap's own choice when it is that role, else the
    person asked for it."""
    from careermap.service import choose_target

    try:
        chosen = choose_target(profile, report, None, kb=kb)
    except InputError:  # a goal careermap has no role for: the person chose one
        chosen = None
    if chosen is not None and chosen.role == role:
        return chosen
    return choose_target(profile, report, role, kb=kb)


def _profile_of(store: Store, user_id: int, record: PlanRecord) -> ProfileRecord | None:
    if record.profile_id is None:
        return None
    from careermap.errors import NotFoundError

    try:
        return store.profile(user_id, record.profile_id)
    except NotFoundError:  # the profile was deleted since; the plan stands on its own
        return None


def _pay(role: str, profile: Profile, kb: KnowledgeBase) -> Pay | None:
    """:func:`careermap.service.pay_for`, kept per role and years of experience (all it
    reads of the profile): a salary query costs tens of milliseconds, a page view none."""
    from careermap.runtime import get_runtime
    from careermap.service import pay_for

    return get_runtime().memo(
        "web.pay", (role, profile.years_experience), lambda: pay_for(role, profile, kb=kb)
    )


def gather(store: Store, user_id: int, plan_id: int) -> Results:
    """Everything the results page shows for one of the person's saved plans."""
    from careermap.match import compute_gap
    from careermap.profile import Profile
    from careermap.service import apply_progress, match, this_week

    kb = load()
    record = store.plan(user_id, plan_id)
    profile_record = _profile_of(store, user_id, record)
    original = profile_record.profile if profile_record else Profile()
    progress: dict[str, str] = dict(store.progress(user_id))
    profile = apply_progress(original, progress, kb=kb)
    report = match(profile, kb=kb)
    target = _target(profile, report, record.plan.role, kb)
    plan = record.plan  # kept current: every progress change re-plans the saved plans
    gap = compute_gap(kb, kb.role(record.plan.role), original)
    lines = []
    for need in record.plan.needs:
        held = original.skills.get(need.skill)
        lines.append(
            GapLine(
                need=need,
                label=kb.skills[need.skill].label,
                prerequisite_of=[kb.skills[s].label for s in need.via_prerequisite_of],
                have=skill_line(kb, held) if held is not None else None,
                done=reached(progress, need.skill, need.target),
            )
        )
    ranked = sorted(
        original.skills.values(),
        key=lambda s: (s.basis != "stated", -s.confidence, -len(s.evidence), s.skill),
    )
    return Results(
        record=record,
        profile_record=profile_record,
        profile=profile,
        report=report,
        target=target,
        gap=gap,
        lines=lines,
        plan=plan,
        pay=_pay(plan.role, profile, kb),
        week=this_week(plan),
        skills=[skill_line(kb, s) for s in ranked],
        denied=[(kb.skills[s].label, ev.text) for s, ev in original.denied.items()],
        certifications=[kb.certifications[c].title for c in original.certifications],
        courses=[kb.courses[c].title for c in original.courses if c in kb.courses],
        progress=progress,
        replanned=bool(plan.progress or plan.done),
    )
