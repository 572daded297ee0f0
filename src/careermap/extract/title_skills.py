"""What a person's job titles show: the skills their work cannot be done without.

``knowledge/data/title_skills.yaml`` maps title patterns to skills (see its header); a
dated position with a matching title gives each skill at the level its years show (all
positions with that title counted together, overlaps once), capped by the entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from careermap.errors import DataError
from careermap.knowledge.loader import DATA_DIR, KnowledgeBase
from careermap.knowledge.schemas import LEVELS, Level
from careermap.profile import Evidence
from careermap.validation import RegexText, read_model

if TYPE_CHECKING:
    from careermap.documents.model import Document, Position

__all__ = ["TITLE_SKILLS_FILE", "TitleSkill", "title_skills"]

TITLE_SKILLS_FILE = DATA_DIR / "title_skills.yaml"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: RegexText
    skills: list[str] = Field(min_length=1)
    max: Level = "advanced"


class _Raw(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    titles: list[_Entry] = Field(min_length=1)


@dataclass(frozen=True)
class TitleSkill:
    skill: str
    level: Level
    evidence: Evidence
    why: str


def _entries(kb: KnowledgeBase) -> tuple[tuple[re.Pattern[str], _Entry], ...]:
    from careermap.runtime import get_runtime

    return get_runtime().memo("title_skills", id(kb), lambda: _load(kb))


def _load(kb: KnowledgeBase) -> tuple[tuple[re.Pattern[str], _Entry], ...]:
    data = read_model(TITLE_SKILLS_FILE, _Raw, what="title_skills.yaml")
    unknown = sorted({s for e in data.titles for s in e.skills if s not in kb.skills})
    if unknown:
        raise DataError(f"title_skills.yaml names unknown skills: {', '.join(unknown)}.")
    return tuple((re.compile(e.pattern), e) for e in data.titles)


def title_skills(
    document: Document, kb: KnowledgeBase, today: date | None = None
) -> list[TitleSkill]:
    """The skills the document's position titles show, each once at its highest level."""
    from careermap.extract.profile import level_for_years, merged_years

    entries = _entries(kb)
    matched: dict[str, tuple[_Entry, list[Position]]] = {}
    for position in document.positions:
        title = (position.title or "").lower()
        if not title or len(title) > 120:
            continue
        for i, (pattern, entry) in enumerate(entries):
            if pattern.search(title):
                matched.setdefault(str(i), (entry, []))[1].append(position)
    found: dict[str, TitleSkill] = {}
    for entry, positions in matched.values():
        years = merged_years(positions, today)
        level = level_for_years(years) if years is not None else "foundational"
        if LEVELS.index(level) > LEVELS.index(entry.max):
            level = entry.max
        first = positions[0]
        where = first.title or ""
        line = document.text[first.start : first.end].split("\n", 1)[0].strip()
        ev = Evidence(text=line or where, section="experience", start=first.start, end=first.end)
        span = f", {years:g} years" if years else ""
        for skill in entry.skills:
            have = found.get(skill)
            if have is None or LEVELS.index(level) > LEVELS.index(have.level):
                found[skill] = TitleSkill(skill, level, ev, f"your title {where}{span}")
    return list(found.values())
