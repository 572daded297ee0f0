"""When a sentence says the person began what it describes ("since early 2025", "over the
last year") or how long it lasted ("for a quarter", "for three months").

A skill named in a dated position is credited with the position's years; a sentence that
dates its own start ("Since early 2025 I use ChatGPT to draft ...") bounds that credit, so
a tool picked up last year in a five-year job is not read as five years of use. The cue
is read from the mention's sentence only, and a date after the reference day is ignored.
"""

from __future__ import annotations

import re
from datetime import date

from careermap.documents.dates import parse_date
from careermap.documents.model import YearMonth
from careermap.extract.context import parse_number

__all__ = ["lasted_months", "since_month"]

_PART_OF_YEAR = {
    "early": 2,
    "start": 1,
    "beginning": 1,
    "mid": 6,
    "middle": 6,
    "late": 10,
    "end": 11,
}
_SINCE = re.compile(
    r"\bsince\s+(?:(?:the\s+)?(?P<part>early|mid|middle|late|start|beginning|end)"
    r"(?:\s+of)?[\s-]+)?(?P<date>(?:[a-z]{3,9}\.?,?\s+)?(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
#: counts read here that are not numbers of years ("for a quarter", "the past few months");
#: every other word is read as the years cues read it (:func:`.context.parse_number`)
_COUNTS = {"a": 1, "few": 3, "couple of": 2}


def _count(word: str) -> int:
    word = " ".join(word.lower().split())
    return _COUNTS[word] if word in _COUNTS else int(parse_number(word))


_LAST = re.compile(
    r"\b(?:over|in|for|during|within)\s+the\s+(?:last|past)\s+"
    r"(?:(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"eighteen|few|couple\s+of)\s+)?(?P<unit>years?|months?)\b",
    re.IGNORECASE,
)


_FOR = re.compile(
    r"\bfor\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?"
    r"(?P<n>a\s+few|a\s+couple\s+of|\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|eighteen|few|couple\s+of)\s+(?P<unit>quarters?|months?|weeks?)\b",
    re.IGNORECASE,
)
_UNIT_MONTHS = {"quarter": 3, "month": 1, "week": 0.25}


def lasted_months(sentence: str) -> int | None:
    """How many months a sentence says its activity lasted ("for a quarter": 3), or None.

    Only spans shorter than a year are read: "for two years" is a stated number of years,
    which the mention itself carries.
    """
    longest: float | None = None
    for m in _FOR.finditer(sentence):
        n = _count(" ".join(m.group("n").lower().split()).removeprefix("a "))
        months = n * _UNIT_MONTHS[m.group("unit").lower().rstrip("s")]
        longest = months if longest is None else max(longest, months)
    return None if longest is None else max(1, round(longest))


def since_month(sentence: str, today: date | None = None) -> int | None:
    """The month (months since year 0) a sentence says its activity began, or None.

    Of several cues the latest start wins: the sentence's whole claim holds only from then.
    """
    now = YearMonth.today(today).months_since_epoch()
    starts: list[int] = []
    for m in _SINCE.finditer(sentence):
        when = parse_date(m.group("date"))
        if when is None:
            continue
        month = when.month
        if m.group("part"):
            month = _PART_OF_YEAR[m.group("part").lower()]
        start = YearMonth(year=when.year, month=month).months_since_epoch()
        if start <= now:
            starts.append(start)
    for m in _LAST.finditer(sentence):
        n = _count(m.group("n") or "one")
        months = n * 12 if m.group("unit").lower().startswith("year") else n
        starts.append(now - months)
    return max(starts) if starts else None
