"""Plan exports: Markdown, JSON, iCalendar and a self-contained HTML page."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from careermap.errors import InputError
from careermap.knowledge.loader import KnowledgeBase, load_from
from careermap.plan import Plan, build_plan
from careermap.plan.exports import (
    from_json,
    load_plan,
    render,
    to_html,
    to_ics,
    to_json,
    to_markdown,
    write,
)
from careermap.profile import SkillNeed

FIXTURE = Path(__file__).parent / "fixtures" / "plan"
STAMP = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_from(FIXTURE / "kb")


@pytest.fixture(scope="module")
def plan(kb: KnowledgeBase) -> Plan:
    needs = [
        SkillNeed(skill=s.skill, target=s.level, importance=s.importance, reason=s.why or "")
        for s in kb.role("genai-engineer").skills
    ]
    return build_plan(kb, "genai-engineer", needs, hours_per_week=10, start=date(2026, 6, 1))


def events(data: bytes) -> list[Any]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_ics_parses_back_with_one_event_per_block_and_milestone(plan: Plan) -> None:
    data = to_ics(plan, stamp=STAMP)
    cal = Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0" and "careermap" in str(cal["PRODID"])
    evs = list(cal.walk("VEVENT"))
    assert len(evs) == len(plan.blocks) + len(plan.milestones)
    uids = [str(e["UID"]) for e in evs]
    assert len(set(uids)) == len(uids)
    for e in evs:
        assert e.decoded("DTSTAMP") == STAMP
        assert e["SUMMARY"]
    sessions = [e for e in evs if str(e["SUMMARY"]).startswith("Study: ")]
    milestones = [e for e in evs if str(e["SUMMARY"]).startswith("Milestone: ")]
    assert len(sessions) == len(plan.blocks) and len(milestones) == len(plan.milestones)
    for e, b in zip(sessions, plan.blocks, strict=True):
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        assert isinstance(start, datetime) and start.date() == b.date
        assert start.time() == time(18, 0)
        assert (end - start).total_seconds() == b.minutes * 60
        assert end.date() == start.date(), "a session never runs past midnight"
    for e, m in zip(milestones, plan.milestones, strict=True):
        day = e.decoded("DTSTART")
        assert not isinstance(day, datetime) and day == m.date  # all-day
        assert (e.decoded("DTEND") - day).days == 1


def test_ics_uids_are_stable_across_exports(plan: Plan) -> None:
    a = [str(e["UID"]) for e in events(to_ics(plan))]
    b = [str(e["UID"]) for e in events(to_ics(plan))]
    assert a == b


def test_ics_with_a_time_zone_carries_its_definition(plan: Plan) -> None:
    data = to_ics(plan, tz="Europe/Paris", session_start=time(20, 30), stamp=STAMP)
    cal = Calendar.from_ical(data)
    assert [str(t["TZID"]) for t in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    first = next(e for e in cal.walk("VEVENT") if str(e["SUMMARY"]).startswith("Study"))
    start = first.decoded("DTSTART")
    assert start.utcoffset() is not None and start.hour == 20
    with pytest.raises(InputError, match="time zone"):
        to_ics(plan, tz="Mars/Olympus")


def test_ics_long_sessions_move_earlier_to_end_the_same_day(kb: KnowledgeBase) -> None:
    needs = [SkillNeed(skill="python", target="advanced", importance="essential", reason="r")]
    plan = build_plan(kb, "genai-engineer", needs, hours_per_week=60, start=date(2026, 6, 1))
    for e in events(to_ics(plan)):
        if str(e["SUMMARY"]).startswith("Study"):
            assert e.decoded("DTEND").hour <= 23
            assert e.decoded("DTEND").date() == e.decoded("DTSTART").date()


def test_html_is_self_contained_with_an_svg_timeline(plan: Plan) -> None:
    page = to_html(plan)
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<svg") == 1 and "</svg>" in page
    assert page.count("<rect") >= len(plan.steps)  # one bar per step, plus the legend
    assert "<style>" in page
    assert "<script" not in page.lower()
    # nothing loaded from elsewhere: no external scripts, styles, images, fonts or imports
    for pattern in (
        r"""\bsrc\s*=\s*["']?\s*(https?:)?//""",
        r"<link\b",
        r"""url\(\s*["']?\s*(https?:)?//""",
        r"@import",
        r"""xlink:href\s*=\s*["']?(https?:)?//""",
    ):
        assert not re.search(pattern, page, re.I), pattern
    assert "http://" not in page and "https://" not in page  # the fixture has no course URLs
    for s in plan.steps:
        assert s.title.replace("&", "&amp;") in page
    for m in plan.milestones:
        assert m.title.replace("&", "&amp;") in page


def test_html_escapes_text_from_the_data(plan: Plan) -> None:
    hostile = plan.model_copy(update={"role_title": "<script>alert(1)</script>"})
    page = to_html(hostile)
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_markdown_lists_every_skill_course_and_milestone(plan: Plan) -> None:
    md = to_markdown(plan)
    assert md.startswith("# Learning plan: GenAI engineer")
    for s in plan.skill_steps():
        assert f"**{s.title}**" in md
        assert s.why in md
    for c in plan.courses:
        assert c.title in md and c.provider in md
    for p in plan.project_steps():
        assert f"Project: {p.title}" in md
    for m in plan.milestones:
        assert f"{m.date:%d %b %Y}" in md and m.title in md
    assert "self-study" in md and "USD" in md
    assert f"{plan.weeks} weeks" in md


def test_json_round_trips(plan: Plan, tmp_path: Path) -> None:
    assert from_json(to_json(plan)) == plan
    path = write(plan, tmp_path / "plan.json")
    assert load_plan(path) == plan
    with pytest.raises(InputError, match="not a careermap plan"):
        from_json('{"role": "x"}')
    with pytest.raises(InputError, match="cannot read"):
        load_plan(tmp_path / "absent.json")


@pytest.mark.parametrize("suffix", [".md", ".json", ".ics", ".html"])
def test_write_picks_the_format_from_the_suffix(plan: Plan, tmp_path: Path, suffix: str) -> None:
    path = write(plan, tmp_path / f"plan{suffix}")

    def body(data: bytes) -> bytes:  # an .ics differs only in its DTSTAMP, the export time
        return re.sub(rb"DTSTAMP:\S+", b"", data)

    assert body(path.read_bytes()) == body(render(plan, suffix[1:]))
    assert path.stat().st_size > 500


def test_unknown_format_is_an_input_error(plan: Plan, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="format"):
        render(plan, "pdf")
    with pytest.raises(InputError, match=r"\.md, \.json"):
        write(plan, tmp_path / "plan.txt")
