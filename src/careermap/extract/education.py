"""Degrees and publications as evidence: what a degree in a subject shows.

Degrees are read from the education section, or, in a document without one, from any
line that names a degree level; the rule and the data are in
``knowledge/data/education.yaml`` (see its header). Each degree gives its subject's
skills at the level its degree level shows (lower by one while the degree is in
progress); a doctorate and peer-reviewed publications add research skills.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from careermap.errors import DataError
from careermap.knowledge.loader import DATA_DIR, KnowledgeBase
from careermap.knowledge.schemas import LEVELS, Level
from careermap.profile import Degree, Evidence
from careermap.validation import RegexText, read_model

if TYPE_CHECKING:
    from careermap.documents.model import Document

__all__ = ["EDUCATION_FILE", "EducationSkill", "degree_skills", "find_degrees"]

EDUCATION_FILE = DATA_DIR / "education.yaml"
DegreeLevel = Literal["associate", "bachelor", "master", "doctorate"]
_ORDER: tuple[DegreeLevel, ...] = ("doctorate", "master", "bachelor", "associate")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _LevelledSkill(_Model):
    skill: str
    level: Level


class _SubjectSkill(_Model):
    skill: str
    bachelor: Level
    master: Level
    doctorate: Level


class _Subject(_Model):
    id: str
    names: list[str] = Field(min_length=1)
    skills: list[_SubjectSkill] = Field(min_length=1)


class _Publications(_Model):
    lines: list[str] = Field(min_length=1)
    skills: list[_LevelledSkill] = Field(min_length=1)


class _Raw(_Model):
    version: int
    levels: dict[DegreeLevel, list[str]]
    in_progress: list[RegexText]
    doctorate: list[_LevelledSkill]
    publications: _Publications
    subjects: list[_Subject]


@dataclass(frozen=True)
class EducationSkill:
    """A skill a degree or publications show, and the line that shows it."""

    skill: str
    level: Level
    evidence: Evidence
    why: str


@dataclass(frozen=True)
class _Data:
    levels: tuple[tuple[DegreeLevel, re.Pattern[str]], ...]
    in_progress: re.Pattern[str]
    subjects: tuple[tuple[re.Pattern[str], _Subject], ...]
    doctorate: tuple[_LevelledSkill, ...]
    publications: re.Pattern[str]
    publication_skills: tuple[_LevelledSkill, ...]


def _data(kb: KnowledgeBase) -> _Data:
    from careermap.runtime import get_runtime

    return get_runtime().memo("education", id(kb), lambda: _load(kb))


def _load(kb: KnowledgeBase) -> _Data:
    data = read_model(EDUCATION_FILE, _Raw, what="education.yaml")
    named = [s.skill for subj in data.subjects for s in subj.skills]
    named += [s.skill for s in (*data.doctorate, *data.publications.skills)]
    unknown = sorted({s for s in named if s not in kb.skills})
    if unknown:
        raise DataError(f"education.yaml names unknown skills: {', '.join(unknown)}.")
    levels = tuple(
        (lv, re.compile("|".join(f"(?:{p})" for p in data.levels[lv])))
        for lv in _ORDER
        if lv in data.levels
    )
    subjects = []
    for subj in data.subjects:
        names = "|".join(re.escape(n) for n in sorted(subj.names, key=len, reverse=True))
        subjects.append((re.compile(rf"(?<![\w-])(?:{names})(?![\w-])"), subj))
    # on a tie of matched length the subject with the longer names wins (listed first)
    subjects.sort(key=lambda ps: -max(len(n) for n in ps[1].names))
    return _Data(
        levels=levels,
        in_progress=re.compile("|".join(f"(?:{p})" for p in data.in_progress)),
        subjects=tuple(subjects),
        doctorate=tuple(data.doctorate),
        publications=re.compile("|".join(f"(?:{p})" for p in data.publications.lines)),
        publication_skills=tuple(data.publications.skills),
    )


def _lines(document: Document) -> list[tuple[int, str]]:
    """(offset, line) of the education section(s), or of the whole text without one."""
    sections = document.sections_of("education")
    spans = [(s.body_start, s.end) for s in sections] or [(0, len(document.text))]
    out: list[tuple[int, str]] = []
    for a, b in spans:
        pos = a
        for line in document.text[a:b].split("\n"):
            if line.strip():
                out.append((pos, line))
            pos += len(line) + 1
    return out


def _subject(data: _Data, low: str) -> str | None:
    """The subject whose name matches the longest stretch of the line ("health
    informatics" before "informatics"), the first listed on a tie."""
    best: tuple[int, str] | None = None
    for pattern, subj in data.subjects:
        m = pattern.search(low)
        if m is not None and (best is None or m.end() - m.start() > best[0]):
            best = (m.end() - m.start(), subj.id)
    return None if best is None else best[1]


def find_degrees(document: Document, kb: KnowledgeBase) -> list[Degree]:
    """The degrees the document names, each once, in the order written."""
    data = _data(kb)
    in_education = bool(document.sections_of("education"))
    out: list[Degree] = []
    seen: set[tuple[str, str | None]] = set()
    for _, line in _lines(document):
        low = line.lower()
        if len(low) > 300:
            continue
        level = next((lv for lv, pattern in data.levels if pattern.search(low)), None)
        if level is None:
            continue
        subject = _subject(data, low)
        if subject is None and not in_education:
            continue  # outside an education section, a degree word alone is not a degree
        key = (level, subject)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Degree(
                level=level,
                subject=subject,
                text=" ".join(line.split())[:200],
                completed=not data.in_progress.search(low),
            )
        )
    return out


def _lower(level: Level) -> Level:
    return LEVELS[max(0, LEVELS.index(level) - 1)]


def degree_skills(
    document: Document, kb: KnowledgeBase
) -> tuple[list[Degree], list[EducationSkill]]:
    """The document's degrees, and the skills they and its publications show."""
    data = _data(kb)
    degrees = find_degrees(document, kb)
    by_subject = {s.id: s for _, s in data.subjects}
    found: dict[str, EducationSkill] = {}

    def add(skill: str, level: Level, text: str, why: str) -> None:
        have = found.get(skill)
        if have is None or LEVELS.index(level) > LEVELS.index(have.level):
            ev = Evidence(text=text, section="education")
            found[skill] = EducationSkill(skill, level, ev, why)

    for degree in degrees:
        base: DegreeLevel = degree.level
        for_table = "bachelor" if base == "associate" else base
        shown = degree.text
        if degree.subject is not None:
            subject = by_subject[degree.subject]
            for ss in subject.skills:
                level: Level = getattr(ss, for_table)
                if base == "associate" or not degree.completed:
                    level = _lower(level)
                add(ss.skill, level, shown, f"a {base}'s degree in {subject.names[0]}")
        if base == "doctorate":
            for ds in data.doctorate:
                level = ds.level if degree.completed else _lower(ds.level)
                add(ds.skill, level, shown, "a doctorate")
    line = _publication_line(document, data)
    if line is not None:
        for ps in data.publication_skills:
            add(ps.skill, ps.level, line, "peer-reviewed publications")
    return degrees, list(found.values())


def _publication_line(document: Document, data: _Data) -> str | None:
    """The first line that heads or names peer-reviewed publications, if any."""
    for line in document.text.split("\n"):
        if len(line) < 300 and data.publications.search(line.lower()):
            return " ".join(line.split())
    return None
