"""Courses of the catalogue a document says the person has completed.

A course's title (or one of its former names) is matched as whole words in any case. A
name of three words or more counts where the sentence stands in a certifications or
education section, names the course's provider or platform, or says it was done
("completed", "finished", "certificate"); a shorter, generic name ("A/B Testing",
"AI Governance") counts only beside its provider or platform ("A/B Testing (Udacity)").
A course in a sentence that says it is still to come ("enrolled in", "planning to take")
or not done is not taken. Each course taken shows the skills it claims, at the levels
``courses.yaml`` gives, and is never recommended again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from careermap.documents.model import Document
from careermap.extract.certifications import not_held
from careermap.extract.sentences import Sentence, sentence_at
from careermap.knowledge.loader import KnowledgeBase
from careermap.profile import Evidence

__all__ = ["find_courses_taken"]

#: names shorter than this are never matched, however they are written
_MIN_NAME_CHARS = 8
#: a name of fewer words needs its provider or platform in the same sentence
_SPECIFIC_WORDS = 3
_DONE = re.compile(
    r"\b(?:completed|complete|finished|took|taken|passed|certificate|certified|"
    r"certification|graduated|earned|awarded)\b",
    re.I,
)
_LISTING_SECTIONS = frozenset({"certifications", "education"})
#: how much of a sentence around a name is read for its provider or a word of completion
_AROUND = 240


@dataclass(frozen=True)
class _Index:
    pattern: re.Pattern[str]
    owner: dict[str, str]  # lower-cased name -> course id
    vendors: dict[str, re.Pattern[str]]  # course id -> its provider's or platform's names


def _index(kb: KnowledgeBase) -> _Index:
    from careermap.runtime import get_runtime

    return get_runtime().memo("course_names", id(kb), lambda: _build(kb))


def _build(kb: KnowledgeBase) -> _Index:
    owner: dict[str, str] = {}
    vendors: dict[str, re.Pattern[str]] = {}
    for course in kb.courses.values():
        for name in (course.title, *course.aliases):
            name = " ".join(name.split()).lower()
            if len(name) >= _MIN_NAME_CHARS:
                owner.setdefault(name, course.id)
        names = [course.provider, *(course.platform or "").split(" and ")]
        names += course.provider.split(" and ")
        words = sorted({n.strip() for n in names if len(n.strip()) >= 3}, key=len, reverse=True)
        vendors[course.id] = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I
        )
    body = "|".join(re.escape(n) for n in sorted(owner, key=len, reverse=True)) or r"(?!x)x"
    return _Index(re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I), owner, vendors)


def find_courses_taken(
    document: Document, sentences: list[Sentence], kb: KnowledgeBase
) -> dict[str, Evidence]:
    """Course id -> the sentence that shows the person has completed it."""
    text = document.text
    index = _index(kb)
    starts = [s.start for s in sentences]
    section_starts = [s.start for s in document.sections]
    taken: dict[str, Evidence] = {}
    tried: set[tuple[str, int]] = set()  # each course is judged once per sentence
    for m in index.pattern.finditer(text):
        name = " ".join(m.group().lower().split())
        course = index.owner.get(name)
        if course is None or course in taken:
            continue
        sent = sentences[sentence_at(sentences, starts, m.start())] if sentences else None
        if sent is None:
            sent = Sentence(0, len(text), text)
        if (course, sent.start) in tried:
            continue
        tried.add((course, sent.start))
        if not_held(sent, m.start(), m.end()):
            continue
        near = text[max(sent.start, m.start() - _AROUND) : min(sent.end, m.end() + _AROUND)]
        beside_vendor = bool(index.vendors[course].search(near))
        if len(name.split()) < _SPECIFIC_WORDS:
            if not beside_vendor:
                continue
        else:
            i = bisect_right(section_starts, m.start()) - 1
            listed = (
                i >= 0
                and m.start() < document.sections[i].end
                and document.sections[i].kind in _LISTING_SECTIONS
            )
            if not (listed or beside_vendor or _DONE.search(near)):
                continue
        taken[course] = Evidence(text=sent.text, start=sent.start, end=sent.end)
    return taken
