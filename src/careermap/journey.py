"""From a person's documents and answers to a profile, in one place for every interface.

documents → extract → profile; the quiz adds interests, work styles and self-ratings.
The CLI, and later the API and the web, call these rather than wiring the stages again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from careermap.errors import InputError
from careermap.profile import Profile

if TYPE_CHECKING:  # imported where used, so that importing this module stays cheap
    from careermap.documents import Document
    from careermap.extract import Extraction

__all__ = ["PersonReading", "merge_profiles", "next_monday", "read_person"]


@dataclass(frozen=True)
class PersonReading:
    """What careermap read from one document."""

    document: Document
    extraction: Extraction
    profile: Profile


def read_person(
    source: Path | str | bytes | BinaryIO,
    *,
    semantic: bool = True,
    today: date | None = None,
) -> PersonReading:
    """Read a résumé (any format careermap reads, or ``"-"`` for stdin) into a profile."""
    from careermap.documents import read
    from careermap.extract import extract

    doc = read(source)
    found = extract(doc, semantic=semantic)
    profile = found.profile(today)
    if not profile.skills:
        raise InputError(
            "no skills careermap knows were found in the résumé. Check that it lists tools, "
            "languages or methods (e.g. a Skills section), or take the quiz: careermap quiz."
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


def next_monday(today: date | None = None) -> date:
    d = today or date.today()
    return d + timedelta(days=(7 - d.weekday()) % 7 or 7)
