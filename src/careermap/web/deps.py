"""The pages' dependencies, built on the request pipeline's (:mod:`careermap.api.deps`).

::

    get_visit(request, store, user) -> Visit               # anyone (user None when signed out)
    person(visit) -> Visit                                 # signed in (else to the sign-in page)
    advisor(visit) -> Visit                                # an advisor or admin (else 403)
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from careermap.api.deps import OptionalUserDep, StoreDep, accounts_mode, csrf_token
from careermap.errors import AuthenticationError, PermissionDeniedError
from careermap.web.visit import Visit

__all__ = ["advisor", "get_visit", "person"]


async def get_visit(request: Request, store: StoreDep, user: OptionalUserDep) -> Visit:
    # async: nothing here waits, and each sync dependency would cost a thread hop
    return Visit(store=store, accounts=accounts_mode(request), user=user, csrf=csrf_token(request))


async def person(visit: Annotated[Visit, Depends(get_visit)]) -> Visit:
    """The visit of a signed-in person (in local mode, always the local user)."""
    if visit.user is None:
        raise AuthenticationError("sign in first.", hint="Sign in to see your plans.")
    return visit


async def advisor(visit: Annotated[Visit, Depends(person)]) -> Visit:
    """The visit of an advisor (or an administrator)."""
    if not visit.is_advisor:
        raise PermissionDeniedError(
            "this page is for career advisors.",
            hint="Ask the server's administrator for an advisor account.",
        )
    return visit
