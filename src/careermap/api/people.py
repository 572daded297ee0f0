"""From what a request names (a profile, a saved profile's id, quiz answers) to the profile
careermap scores, and from a saved plan to its current form after progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careermap.errors import AuthenticationError
from careermap.knowledge.loader import KnowledgeBase
from careermap.profile import Profile
from careermap.service import apply_progress, merge_profiles, quiz_profile, replan_saved
from careermap.service import check_profile as checked_profile

if TYPE_CHECKING:
    from fastapi import Request

    from careermap.api.schemas import PersonIn
    from careermap.store import Store
    from careermap.store.records import User

__all__ = [
    "calendar_url",
    "checked_profile",
    "person_profile",
    "replan_person",
    "request_profile",
]


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


def request_profile(body: PersonIn, request: Request, kb: KnowledgeBase) -> Profile:
    """:func:`person_profile` for a route that needs nobody signed in unless the body names
    a saved profile: the store and the person asking are looked up only then, so a request
    that sends its profile (the stateless match, gap and plan) never touches the database."""
    if body.profile_id is None:
        return person_profile(body, None, None, kb)
    from careermap.api.deps import get_store, optional_user

    store = get_store(request)
    return person_profile(body, store, optional_user(request, store), kb)


def replan_person(store: Store, user_id: int, kb: KnowledgeBase) -> list[int]:
    """Every saved plan of the person re-planned with their progress as it stands, so
    the results page, the downloads and the calendar subscription all follow a tick.
    Returns the ids of the plans re-planned."""
    levels: dict[str, str] = dict(store.progress(user_id))
    replanned = []
    for record in store.plans(user_id):
        store.replace_plan(user_id, record.id, replan_saved(record.plan, levels, kb=kb))
        replanned.append(record.id)
    return replanned


def calendar_url(token: str) -> str:
    return f"/cal/{token}.ics"
