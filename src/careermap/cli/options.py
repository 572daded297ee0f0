"""Shared option parsing for the person-facing commands: dates, hours, lists, answers."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from careermap.errors import InputError
from careermap.knowledge.loader import KnowledgeBase
from careermap.profile import Profile

__all__ = ["parse_done", "parse_format", "parse_hours", "parse_start", "quiz_profile"]

PlanFormat = Literal["md", "json", "ics", "html"]
_FORMATS: tuple[PlanFormat, ...] = ("md", "json", "ics", "html")


def parse_start(text: str | None, default: date) -> date:
    if text is None:
        return default
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"--start '{text}' is not a date. Write it as YYYY-MM-DD, e.g. 2026-12-01."
        ) from None


def parse_hours(value: float) -> float:
    if not value > 0:
        raise InputError(
            f"--hours-per-week must be more than 0 (got {value:g}); try 5 to 10 for evenings."
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
        raise InputError(f"unknown plan format '{fmt}'. Use one of: {', '.join(_FORMATS)}.")
    return fmt


def quiz_profile(kb: KnowledgeBase, path: Path | None) -> Profile | None:
    if path is None:
        return None
    from careermap.quiz import load_answers, score_quiz

    return score_quiz(load_answers(path), kb).to_profile()
