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
#: a line ending in a comma or one of these words cannot end its sentence there
_OPEN_END = re.compile(
    r"(?:,|\b(?:a|an|the|and|or|nor|of|in|on|at|to|for|with|by|from|into|onto|as|via|"
    r"using|including|such|like|than|that|which|who|whose|my|our|their|its|his|her|"
    r"not|no|never|is|are|was|were|be|been|have|has|had|do|does|did|will|would|can|"
    r"could|both|either|neither|between|across|over|under|about|through))[ \t]*\Z",
    re.I,
)
#: how far back a line's last word is looked for
_TAIL_CHARS = 24
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
    after = _NEXT_LINE.match(text, newline + 1)
    if after is None:
        return bool(
            _NEXT_TEXT.match(text, newline + 1)
            and _OPEN_END.search(
                text, max(text.rfind("\n", 0, newline) + 1, newline - _TAIL_CHARS), newline
            )
        )
    i = newline - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and text[i] not in _ENDS


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
