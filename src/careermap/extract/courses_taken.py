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
from dataclasses import dataclass
from typing import Any

import ahocorasick

from careermap.documents.model import Document
from careermap.extract.certifications import not_held
from careermap.extract.lexical import safe_lower
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
    names: Any  # Aho-Corasick automaton: lower-cased name -> (course id, length)
    vendors: dict[str, tuple[str, ...]]  # course id -> its provider's and platform's names


def _index(kb: KnowledgeBase) -> _Index:
    from careermap.runtime import get_runtime

    return get_runtime().memo("course_names", id(kb), lambda: _build(kb))


def _build(kb: KnowledgeBase) -> _Index:
    auto = ahocorasick.Automaton()
    vendors: dict[str, tuple[str, ...]] = {}
    for course in kb.courses.values():
        for name in (course.title, *course.aliases):
            key = " ".join(name.split()).lower()
            if len(key) >= _MIN_NAME_CHARS and not auto.exists(key):
                auto.add_word(key, (course.id, len(key)))
        names = [course.provider, *course.provider.split(" and ")]
        names += (course.platform or "").split(" and ")
        vendors[course.id] = tuple(
            sorted({n.strip().lower() for n in names if len(n.strip()) >= 3})
        )
    if len(auto):
        auto.make_automaton()
    return _Index(auto, vendors)


def _whole(low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` stands as whole words."""
    before = low[start - 1] if start > 0 else " "
    after = low[end] if end < len(low) else " "
    return not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_")


def _found(low: str, names: Any) -> list[tuple[int, int, str]]:
    """Whole-word matches of course names, left to right, none inside a longer one
    ("AI for Everyone" inside "Generative AI for Everyone")."""
    hits = sorted(
        (last + 1 - length, -length, course)
        for last, (course, length) in names.iter(low)
        if _whole(low, last + 1 - length, last + 1)
    )
    out: list[tuple[int, int, str]] = []
    reach = -1
    for start, neg, course in hits:
        end = start - neg
        if end <= reach:
            continue  # inside the longer name just kept
        out.append((start, end, course))
        reach = max(reach, end)
    return out


def _names_vendor(near: str, vendors: tuple[str, ...]) -> bool:
    for v in vendors:
        at = near.find(v)
        while at >= 0:
            if _whole(near, at, at + len(v)):
                return True
            at = near.find(v, at + 1)
    return False


def find_courses_taken(
    document: Document, sentences: list[Sentence], kb: KnowledgeBase
) -> dict[str, Evidence]:
    """Course id -> the sentence that shows the person has completed it."""
    text = document.text
    index = _index(kb)
    if not len(index.names):
        return {}
    low = safe_lower(text)
    starts = [s.start for s in sentences]
    taken: dict[str, Evidence] = {}
    tried: set[tuple[str, int]] = set()  # each course is judged once per sentence
    for start, end, course in _found(low, index.names):
        if course in taken:
            continue
        sent = sentences[sentence_at(sentences, starts, start)] if sentences else None
        if sent is None:
            sent = Sentence(0, len(text), text)
        if (course, sent.start) in tried:
            continue
        tried.add((course, sent.start))
        if not_held(sent, start, end):
            continue
        near = low[max(sent.start, start - _AROUND) : min(sent.end, end + _AROUND)]
        beside_vendor = _names_vendor(near, index.vendors[course])
        if len(low[start:end].split()) < _SPECIFIC_WORDS:
            if not beside_vendor:
                continue
        else:
            listed = document.section_at(start) in _LISTING_SECTIONS
            if not (listed or beside_vendor or _DONE.search(near)):
                continue
        taken[course] = Evidence(text=sent.text, start=sent.start, end=sent.end)
    return taken
