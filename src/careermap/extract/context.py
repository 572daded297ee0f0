"""What the words around a mention say: proficiency, years of use, negation.

Heuristics (each reads only the mention's own sentence):

Proficiency cue
    A cue before the mention ("expert in", "proficient in", "strong", "familiar with",
    "exposure to", "some experience with", "currently learning") or right after it in
    brackets, after a colon or a dash ("Python (advanced)", "SQL: basic"). Between a cue
    before and the mention there may be only other mentions, list separators and
    connecting words ("Expert in Python, SQL and Docker" gives all three), so "strong
    communication with Python teams" does not make Python advanced. The nearest cue wins.
    Levels: expert, advanced, proficient, deep/extensive/in-depth, mastery, fluent ->
    advanced; strong, solid, good, working knowledge, hands-on, intermediate, competent,
    comfortable, experienced -> intermediate; familiar, basic, exposure, some
    experience, beginner, learning, introductory, novice, limited -> foundational.

Years
    "5+ years of Python", "3-5 years experience with SQL" (the lower bound), "over two
    years of hands-on experience in Go" (spelled numbers one to twenty, "a couple of"),
    before the mention under the same gap rule as cues; or right after it: "Python (3
    years)", "Python - 5 yrs".

Negation
    "no", "not", "never", "n't", "without", "lack of", "unfamiliar with", "nor" within six
    words before the mention ("without": three) and in the same clause: a comma,
    semicolon, colon, full stop, bracket or a contrast word ("but", "however", "although",
    "while", "whereas", "yet", "except") closes the clause. "No-code", "not only",
    "not just", "no longer" and "not limited to" are not negations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from careermap.knowledge.schemas import Level

__all__ = ["SentenceContext", "find_level", "find_years", "is_negated", "parse_number"]

_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "a couple of": 2,
    "a couple": 2,
}
_NUM = r"(?:\d{1,2}(?:\.\d)?|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_YEARS = (  # "over", "at least", "about" before the number change nothing
    rf"\b(?P<n>{_NUM})(?:\s*(?:-|–|to)\s*{_NUM})?\s*\+?\s*(?:years?|yrs?)\b['’]?"
)
_YEARS_RE = re.compile(_YEARS)
_YEARS_AFTER = re.compile(r"\s*(?:\(|:|-|–|—)\s*" + _YEARS)

_ADVANCED = (
    r"expert(?:ise)?|advanced|proficient|proficiency|deep|extensive|in-depth|mastery|"
    r"highly skilled|fluent|fluency|specialist|specialised|specialized"
)
_INTERMEDIATE = (
    r"strong|solid|good|working knowledge|hands-on|intermediate|competent|comfortable|"
    r"experienced|practical experience|proven experience|demonstrated experience"
)
_FOUNDATIONAL = (
    r"familiar|familiarity|basic|basics|exposure|some (?:experience|exposure|knowledge|"
    r"familiarity)|beginner|(?:currently |now )?learning|introductory|novice|elementary|"
    r"limited|foundational|entry-level"
)
_CUES = re.compile(
    rf"\b(?<!-)(?:(?P<advanced>{_ADVANCED})|(?P<intermediate>{_INTERMEDIATE})|"
    rf"(?P<foundational>{_FOUNDATIONAL}))(?![\w-])"
)
_CUE_AFTER = re.compile(
    r"\s*(?:\(|:|-|–|—)\s*(?:(?P<advanced>expert|advanced|proficient|fluent|native)|"
    r"(?P<intermediate>intermediate|good|working knowledge|competent)|"
    r"(?P<foundational>basic|beginner|foundational|familiar|learning|novice|elementary))"
    r"(?![\w-])"
)
_LIST_WORDS = (
    r"and|or|in|with|of|at|on|to|using|including|plus|the|both|experience|knowledge|skills?|"
    r"understanding|command|programming|development|languages?|frameworks?|tools?|"
    r"libraries|platforms?|concepts?|such as|like|e\.g\."
)
_GAP = re.compile(rf"(?:[\s,/&|:+(]|\b(?:{_LIST_WORDS})\b)*")
#: after a number of years: "5+ years of professional experience with ..."
_YEARS_GAP = re.compile(
    rf"(?:[\s,/&|:+(]|\b(?:{_LIST_WORDS}|for|professional|hands-on|industry|commercial|"
    r"relevant|practical|working|production|solid|strong|proven|developing|coding|"
    r"building|writing|a|an)\b)*"
)
_NEGATION = re.compile(
    r"\b(?<!-)(?:(?P<close>without)|no(?!-)|not|never|nor|none|\w+n['’]t|lack(?:s|ing)?"
    r"(?:\s+of)?|unfamiliar)(?![\w-])"
)
_NOT_NEGATION = re.compile(
    r"no longer|not only|not just|not limited|not restricted|not necessarily"
)
_CLAUSE_END = re.compile(
    r"[,;:.!?()\[\]|\n]|\b(?:but|however|although|though|while|whereas|yet|except)\b"
)

Span = tuple[int, int]


def parse_number(word: str) -> float:
    """A number of years as written: "5", "2.5", "two", "a couple of"."""
    word = word.strip().lower()
    if word in _NUMBERS:
        return float(_NUMBERS[word])
    return float(word)


def _blank(sentence: str, a: int, b: int, others: Sequence[Span]) -> str | None:
    """``sentence[a:b]`` with the other mentions in it blanked out (None if ``b < a``)."""
    if b < a:
        return None
    gap = sentence[a:b]
    for s, e in others:
        if s < b and a < e:
            lo, hi = max(s, a) - a, min(e, b) - a
            gap = gap[:lo] + " " * (hi - lo) + gap[hi:]
    return gap


def _level_of(m: re.Match[str]) -> Level:
    if m.group("advanced"):
        return "advanced"
    if m.group("intermediate"):
        return "intermediate"
    return "foundational"


class SentenceContext:
    """The cues, years and negations of one sentence, found once for all its mentions.

    ``spans`` are the offsets (in the sentence) of every mention in it.
    """

    __slots__ = ("_clauses", "_cues", "_negations", "_years", "low", "sentence", "spans")

    def __init__(self, sentence: str, spans: Sequence[Span] = ()) -> None:
        self.sentence = sentence
        low = sentence.lower()  # every pattern here is lower case
        self.low = low if len(low) == len(sentence) else sentence
        self.spans = list(spans)
        self._cues: list[tuple[int, int, Level]] | None = None
        self._years: list[tuple[int, float]] | None = None
        self._clauses: list[int] | None = None
        self._negations: list[tuple[int, int, bool]] | None = None

    def _others(self, start: int, end: int) -> list[Span]:
        return [sp for sp in self.spans if sp != (start, end)]

    def level(self, start: int, end: int) -> Level | None:
        """Level a cue gives the mention at ``sentence[start:end]``."""
        after = _CUE_AFTER.match(self.low, end)
        if after:
            return _level_of(after)
        if self._cues is None:
            self._cues = [
                (m.start(), m.end(), _level_of(m))
                for m in _CUES.finditer(self.low)
                if not any(s <= m.start() < e for s, e in self.spans)  # "machine learning"
            ]
        others = self._others(start, end)
        for _, cue_end, level in reversed(self._cues):
            if cue_end <= start:
                gap = _blank(self.low, cue_end, start, others)
                if gap is not None and _GAP.fullmatch(gap):
                    return level
        return None

    def years(self, start: int, end: int) -> float | None:
        """Years of use stated for the mention at ``sentence[start:end]``."""
        after = _YEARS_AFTER.match(self.low[end : end + 40])
        if after:
            return parse_number(after.group("n"))
        if self._years is None:
            low = self.low
            self._years = (
                [(m.end(), parse_number(m.group("n"))) for m in _YEARS_RE.finditer(low)]
                if "year" in low or "yr" in low
                else []
            )
        others = self._others(start, end)
        for years_end, value in reversed(self._years):
            if years_end <= start:
                gap = _blank(self.low, years_end, start, others)
                if gap is not None and _YEARS_GAP.fullmatch(gap):
                    return value
        return None

    def has_negation(self) -> bool:
        """Whether the sentence holds a negation anywhere."""
        self.negated(0)
        return bool(self._negations)

    def negated(self, start: int) -> bool:
        """Whether a negation governs the mention starting at ``sentence[start]``."""
        if self._negations is None:
            self._negations = [
                (m.start(), m.end(), bool(m.group("close")))
                for m in _NEGATION.finditer(self.low)
                if not _NOT_NEGATION.match(self.low, m.start())
            ]
            self._clauses = (
                [m.end() for m in _CLAUSE_END.finditer(self.low)] if self._negations else []
            )
        if not self._negations:
            return False
        clause_start = 0
        for b in self._clauses or ():
            if b > start:
                break
            clause_start = b
        for a, b, close in self._negations:
            if clause_start <= a and b <= start:
                words = len(self.sentence[b:start].split())
                if words <= (3 if close else 6):
                    return True
        return False


def find_level(sentence: str, start: int, end: int, others: Sequence[Span] = ()) -> Level | None:
    """Level a cue gives the mention at ``sentence[start:end]``; ``others`` are the spans
    of the sentence's other mentions (offsets in ``sentence``)."""
    return SentenceContext(sentence, [*others, (start, end)]).level(start, end)


def find_years(sentence: str, start: int, end: int, others: Sequence[Span] = ()) -> float | None:
    """Years of use stated for the mention at ``sentence[start:end]``."""
    return SentenceContext(sentence, [*others, (start, end)]).years(start, end)


def is_negated(sentence: str, start: int) -> bool:
    """Whether a negation governs the mention starting at ``sentence[start]``."""
    return SentenceContext(sentence).negated(start)
