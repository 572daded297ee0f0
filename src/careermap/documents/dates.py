"""Date ranges as résumés write them: "Jan 2019 – Present", "2017-2019", "03/2020 – 06/2022"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from careermap.documents.model import YearMonth

__all__ = ["DateRange", "find_date_ranges", "parse_date"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|spring|summer|fall|autumn|winter)\.?"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DATE = (
    rf"(?:{_MONTH_NAME},?\s+(?:{_YEAR}|['’]\d\d)"  # Jan 2019, January 2019, Sept. '19
    rf"|(?:0?[1-9]|1[0-2])\s*[/.]\s*{_YEAR}"  # 03/2020, 3.2020
    rf"|{_YEAR}\s*[-/.]\s*(?:0[1-9]|1[0-2])(?![\d])"  # 2020-03
    rf"|{_YEAR})"  # 2019
)
_NOW = r"(?:present|current(?:ly)?|now|today|to\s+date|ongoing|date)"
_SEPARATOR = r"\s*(?:-{1,2}|–|—|−|~|to|until|till|through|thru)\s*"
_RANGE = re.compile(
    rf"(?<![\w/.-])(?:(?P<since>since|from)\s+)?(?P<start>{_DATE})"
    rf"(?:{_SEPARATOR}(?P<end>{_DATE}|{_NOW}))?(?![\w/])",
    re.IGNORECASE,
)
_NOW_WORD = re.compile(rf"^{_NOW}$", re.IGNORECASE)


@dataclass(frozen=True)
class DateRange:
    start: YearMonth
    end: YearMonth | None
    current: bool
    span: tuple[int, int]


def parse_date(text: str) -> YearMonth | None:
    """One date as a résumé writes it ("Jan 2019", "03/2020", "2020-03", "2019"), or None."""
    text = text.strip().lower().rstrip(".")
    if not text:
        return None
    year_match = re.search(r"(19|20)\d\d|['’](\d\d)$", text)
    if not year_match:
        return None
    if year_match.group(2):
        short = int(year_match.group(2))
        year = 2000 + short if short < 70 else 1900 + short
    else:
        year = int(year_match.group(0))
    month: int | None = None
    word = re.match(r"[a-z]+", text)
    if word:
        name = word.group(0)
        month = _SEASONS.get(name) or _MONTHS.get(name[:3])
        if month is None:
            return None
    else:
        digits = [int(d) for d in re.findall(r"\d+", text) if len(d) <= 2]
        if digits and 1 <= digits[0] <= 12:
            month = digits[0]
    return YearMonth(year=year, month=month)


def find_date_ranges(text: str) -> list[DateRange]:
    """Every date range in ``text``: "start – end", "start – present" or "since start".

    A lone date is not a range; "2019" alone is returned only after "since"/"from".
    """
    found: list[DateRange] = []
    for match in _RANGE.finditer(text):
        start = parse_date(match.group("start"))
        if start is None:
            continue
        end_text = match.group("end")
        if end_text is None:
            if not match.group("since"):
                continue
            found.append(DateRange(start, None, True, match.span()))
            continue
        if _NOW_WORD.match(end_text.strip()):
            found.append(DateRange(start, None, True, match.span()))
            continue
        end = parse_date(end_text)
        if end is None:
            continue
        if end.month is None and start.month is not None and end.year == start.year:
            end = YearMonth(year=end.year, month=12)
        found.append(DateRange(start, end, False, match.span()))
    return found
