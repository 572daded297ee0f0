"""A plan's calendar subscription: ``/cal/{token}.ics`` with no cookie (calendar apps send
none), the token being the plan's own unguessable secret. It always serves the plan as it
is now, so a re-planned plan moves in the person's calendar app."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from careermap.api.deps import StoreDep
from careermap.api.errors import ERRORS
from careermap.plan.exports import to_ics

__all__ = ["router"]

router = APIRouter(tags=["calendar"], responses=ERRORS)


@router.get(
    "/cal/{token}.ics",
    summary="A plan's iCalendar, for calendar subscriptions",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}},
)
def calendar(
    token: Annotated[str, Path(min_length=1, max_length=200)], store: StoreDep
) -> Response:
    record = store.plan_for_calendar(token)
    body = to_ics(record.plan)
    return Response(
        body if isinstance(body, bytes) else body.encode("utf-8"),
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "no-cache", "Referrer-Policy": "no-referrer"},
    )
