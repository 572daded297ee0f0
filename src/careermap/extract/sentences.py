"""Cutting text into sentences with their offsets, fast enough for millions of postings.

A résumé is mostly lines (bullets, "Skills: ..." lines, headings), so a line break ends a
sentence, unless the line only wraps it: the next line goes on in lower case after a line
that does not end in punctuation ("built an evaluation harness with human / review"), or
the line ends in a comma or in a word no sentence ends on ("analysis tools in / Python",
"have not built / machine-learning models") and the next line is not a bullet. Inside a
line, a sentence ends at ``.``, ``!`` or ``?`` followed by white space and a capital
letter, a digit or an opening quote/bracket, except after a common abbreviation ("e.g.",
"Inc.", "Dr.") or a single capital letter (an initial: "J. Smith").
Leading bullets and white space are left out of each sentence's span.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["Sentence", "sentence_at", "split_sentences"]

_BOUNDARY = re.compile(r"\n|(?<=[.!?])[ \t]+(?=[\"'(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "vs",
        "approx",
        "incl",
        "dept",
        "inc",
        "ltd",
        "co",
        "corp",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "sr",
        "jr",
        "st",
        "no",
        "fig",
        "al",
        "cf",
        "resp",
        "univ",
        "est",
        "mt",
    ]
)
_NEXT_LINE = re.compile(r"[ \t]*[a-z]")
#: the next line goes on with text, not a bullet or a blank
_NEXT_TEXT = re.compile(r"[ \t]*[\w(\"'“‘]")
#: a line ending in a comma or in one of these words cannot end its sentence there
# fmt: off
_OPEN_WORDS = frozenset([
    "a", "an", "the", "and", "or", "nor", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "into", "onto", "as", "via", "using", "including", "such", "like", "than", "that",
    "which", "who", "whose", "my", "our", "their", "its", "his", "her", "not", "no", "never",
    "is", "are", "was", "were", "be", "been", "have", "has", "had", "do", "does", "did",
    "will", "would", "can", "could", "both", "either", "neither", "between", "across",
    "over", "under", "about", "through",
])
# fmt: on
#: the longest of them
_LONGEST_OPEN_WORD = max(map(len, _OPEN_WORDS))
_ENDS = ".!?:;\n"
_LEAD = " \t\r\f\v•●▪◦‣∙·*-–—>"
_TRAIL = " \t\r\f\v"


@dataclass(frozen=True, slots=True)
class Sentence:
    """``text`` is ``source[start:end]``."""

    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial."""
    i = dot
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    return dot - i == 1 and text[i].isupper()


def _wraps(text: str, newline: int) -> bool:
    """Whether the line break at ``newline`` only wraps a sentence onto the next line."""
    i = newline - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0:
        return False
    if _NEXT_LINE.match(text, newline + 1):
        return text[i] not in _ENDS
    if not _NEXT_TEXT.match(text, newline + 1):
        return False
    if text[i] == ",":
        return True
    j = i
    while j >= 0 and i - j < _LONGEST_OPEN_WORD and text[j].isalpha():
        j -= 1
    whole = j < 0 or not (text[j].isalnum() or text[j] == "_")
    return whole and text[j + 1 : i + 1].lower() in _OPEN_WORDS


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start] in _LEAD:
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; empty lines give none."""
    out: list[Sentence] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        if m.group() == "\n":
            if _wraps(text, m.start()):
                continue
        elif _is_abbreviation(text, m.start() - 1):
            continue
        _add(out, text, pos, m.start())
        pos = m.end()
    _add(out, text, pos, len(text))
    return out


def sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> int:
    """Index of the sentence holding ``offset`` (``starts`` lists each sentence's start)."""
    return max(bisect_right(starts, offset) - 1, 0)
