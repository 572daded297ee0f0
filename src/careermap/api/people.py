"""From what a request names (a profile, a saved profile's id, quiz answers) to the profile
careermap scores, and from a saved plan to its current form after progress."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from careermap.errors import AuthenticationError, InputError
from careermap.knowledge.loader import KnowledgeBase
from careermap.profile import Profile
from careermap.service import apply_progress, merge_profiles, quiz_profile

if TYPE_CHECKING:
    from careermap.api.schemas import PersonIn
    from careermap.plan import Plan
    from careermap.store import Store
    from careermap.store.records import User

__all__ = ["calendar_url", "checked_profile", "current_plan", "person_profile"]


def checked_profile(profile: Profile, kb: KnowledgeBase) -> Profile:
    """A profile sent by a client, its ids checked against the knowledge base (an unknown
    one is an UnknownIdError with suggestions, never silently ignored)."""
    for key, held in profile.skills.items():
        sid = kb.skill(key).id
        if sid != key or held.skill != key:
            raise InputError(
                f"profile.skills['{key[:80]}'] must be keyed by its skill id "
                f"('{sid}') and name the same skill.",
                hint="Send the profile as /api/v1/read returns it.",
            )
    for key in profile.denied:
        if kb.skill(key).id != key:
            raise InputError(f"profile.denied['{key[:80]}'] must be a skill id.")
    for key in profile.certifications:
        if kb.certification(key).id != key:
            raise InputError(f"profile.certifications['{key[:80]}'] must be a certification id.")
    if profile.goal is not None and profile.goal.role is not None:
        kb.role(profile.goal.role)
    return profile


def person_profile(
    body: PersonIn, store: Store | None, user: User | None, kb: KnowledgeBase
) -> Profile:
    """The profile to score: a saved one (with its owner's progress) or the one sent,
    completed by the quiz answers given."""
    resume: Profile | None = None
    if body.profile_id is not None:
        if user is None or store is None:
            raise AuthenticationError(
                "a saved profile needs you signed in.", hint="Sign in, or send the profile."
            )
        record = store.profile(user.id, body.profile_id)
        resume = apply_progress(record.profile, dict(store.progress(user.id)), kb=kb)
    elif body.profile is not None:
        resume = checked_profile(body.profile, kb)
    quiz = quiz_profile(body.answers, kb) if body.answers is not None else None
    return merge_profiles(resume, quiz)


def current_plan(plan: Plan, progress: dict[str, str], kb: KnowledgeBase) -> Plan:
    """A saved plan re-planned from today (or its start, if later) with the person's
    progress as it stands: the progress replaces what the plan knew, so a level cleared
    since comes back into the plan."""
    from careermap.plan import Progress, replan

    levels = {kb.skill(s).id: lv for s, lv in progress.items()}
    base = plan.model_copy(update={"progress": {}})
    start = max(plan.start, date.today())
    return replan(kb, base, Progress.model_validate({"levels": levels}), start=start)


def calendar_url(token: str) -> str:
    return f"/cal/{token}.ics"
