"""Shared option parsing for the person-facing commands: dates, hours, lists, formats."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from careermap.errors import InputError
from careermap.knowledge.loader import KnowledgeBase

__all__ = ["parse_date", "parse_done", "parse_format", "parse_hours", "parse_start"]

PlanFormat = Literal["md", "json", "ics", "html"]
_FORMATS: tuple[PlanFormat, ...] = ("md", "json", "ics", "html")


def parse_date(text: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value, inside careermap's date range; None when not given."""
    if text is None:
        return None
    from careermap.plan.build import check_date

    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"{option} '{text[:40]}' is not a date.",
            hint="Write it as YYYY-MM-DD, e.g. 2026-12-01.",
        ) from None
    return check_date(day, option)


def parse_start(text: str | None, default: date) -> date:
    return parse_date(text, "--start") or default


def parse_hours(value: float) -> float:
    if not value > 0:
        raise InputError(
            f"--hours-per-week must be more than 0 (got {value:g}).",
            hint="Try 5 to 10 for evenings.",
        )
    return value


def parse_done(kb: KnowledgeBase, text: str | None) -> list[str]:
    """Comma-separated skill ids, labels or aliases → skill ids (unknown ones rejected)."""
    if not text:
        return []
    return [kb.skill(part.strip()).id for part in text.split(",") if part.strip()]


def parse_format(fmt: str | None, output: Path | None) -> PlanFormat:
    if fmt is None:
        suffix = output.suffix.lower().lstrip(".") if output else "md"
        fmt = {"markdown": "md", "ical": "ics", "htm": "html"}.get(suffix, suffix)
    if fmt not in _FORMATS:
        raise InputError(
            f"unknown plan format '{fmt}'.", hint=f"Use one of: {', '.join(_FORMATS)}."
        )
    return fmt
