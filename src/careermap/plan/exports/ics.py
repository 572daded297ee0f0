"""The plan as an iCalendar file: one event per study session and per milestone.

Sessions are timed events (by default from 18:00, earlier where a long session would run
past 23:00) in floating local time, or in ``tz`` (an IANA name such as "Europe/Paris")
with its VTIMEZONE included; milestones are all-day events. UIDs depend only on the
plan's role, start date and the event's place in it, so importing a re-exported plan
updates events instead of duplicating them.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event

from careermap.errors import InputError
from careermap.plan.model import Plan

__all__ = ["to_ics"]

_LATEST_END = 23 * 60
_EARLIEST_START = 6 * 60


def _key(plan: Plan) -> str:
    raw = f"{plan.role}|{plan.start.isoformat()}"
    return hashlib.sha1(raw.encode()).hexdigest()[:12]


def _session_start(day: date, minutes: int, at: time) -> datetime:
    begin = at.hour * 60 + at.minute
    if begin + minutes > _LATEST_END:
        begin = max(_EARLIEST_START, _LATEST_END - minutes)
    return datetime.combine(day, time(begin // 60, begin % 60))


def to_ics(
    plan: Plan,
    *,
    session_start: time = time(18, 0),
    tz: str | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """iCalendar bytes for the plan (RFC 5545)."""
    zone = None
    if tz is not None:
        try:
            zone = ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise InputError(
                f"unknown time zone '{tz}'; use an IANA name like Europe/Paris"
            ) from exc
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    key = _key(plan)
    cal = Calendar()
    cal.add("prodid", "-//careermap//learning plan//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = f"careermap: {plan.role_title} plan"
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    steps = plan.steps
    for b in plan.blocks:
        begin = _session_start(b.date, b.minutes, session_start)
        if zone is not None:
            begin = begin.replace(tzinfo=zone)
        ev = Event()
        ev.add("uid", f"{key}-w{b.week:03d}-s{b.session}@careermap")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", begin)
        ev.add("dtend", begin + timedelta(minutes=b.minutes))
        ev.add("summary", f"Study: {b.what}")
        lines = []
        for p in b.parts:
            st = steps[p.step]
            how = (
                f" ({next((c.title for c in plan.courses if c.course == st.course), st.course)})"
                if st.course
                else " (self-study)"
                if st.kind == "skill"
                else ""
            )
            lines.append(f"{p.title}: {p.minutes} min{how}")
        lines.append(f"Week {b.week} of {plan.weeks} of your {plan.role_title} plan.")
        ev.add("description", "\n".join(lines))
        ev.add("categories", ["careermap", "study"])
        ev.add("transp", "OPAQUE")
        cal.add_component(ev)
    for m in plan.milestones:
        digest = hashlib.sha1(f"{m.kind}|{m.title}|{','.join(m.refs)}".encode()).hexdigest()
        ev = Event()
        ev.add("uid", f"{key}-m-{m.kind}-{digest[:10]}@careermap")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", m.date)
        ev.add("dtend", m.date + timedelta(days=1))
        ev.add("summary", f"Milestone: {m.title}")
        ev.add("description", f"Week {m.week} of your {plan.role_title} plan.")
        ev.add("categories", ["careermap", "milestone"])
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    if zone is not None:
        cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data
