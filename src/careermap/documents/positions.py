"""Jobs in experience sections: title, organisation and dates, with their offsets."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import takewhile

from careermap.documents.blocks import Line
from careermap.documents.dates import DateRange, find_date_ranges
from careermap.documents.model import Position, Section
from careermap.documents.vocabulary import ORG_WORDS, TITLE_WORDS

__all__ = ["find_positions"]

_SEPARATORS = re.compile(r"\s+(?:at|@)\s+|\s*[|·•]\s*|\s+[—–-]\s+|\s*[—–]\s*|,\s+|\s{3,}", re.I)
_STRONG = re.compile(r"\s+(?:at|@)\s+|\s*[|·•]\s*|\s+[—–-]\s+|\s*[—–]\s*|\s{3,}", re.I)
_AT = re.compile(r"\s+(?:at|@)\s+", re.I)
_EDGE = " \t|,;:·•()[]—–-"
_MAX_ANCHOR_CHARS = 160
_MAX_CONTEXT_CHARS = 90
_LOCATION = re.compile(
    r"^(?:remote|hybrid|on-?site|worldwide|[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s*[A-Z]{2,3})$"
)


def _words(text: str) -> list[str]:
    return [w.strip("().,").lower() for w in text.split()]


def _title_score(text: str) -> int:
    return sum(w in TITLE_WORDS for w in _words(text))


def _org_score(text: str) -> int:
    return sum(w in ORG_WORDS for w in _words(text))


def _split(text: str, *, commas: bool = True) -> tuple[list[str], bool]:
    """Parts of a title/organisation line, and whether they were joined by "at"/"@"."""
    joined_by_at = bool(_AT.search(text))
    parts = [p.strip(_EDGE) for p in (_SEPARATORS if commas else _STRONG).split(text)]
    return [p for p in parts if p and not _LOCATION.match(p)], joined_by_at


def _title_and_org(parts: list[str], joined_by_at: bool) -> tuple[str | None, str | None]:
    if not parts:
        return None, None
    if len(parts) == 1:
        only = parts[0]
        if _org_score(only) > _title_score(only):
            return None, only
        return only, None
    first, second = parts[0], parts[1]

    def lean(text: str) -> int:  # how much more a title than an organisation it reads
        return _title_score(text) - _org_score(text)

    # "Solutions Engineer — Loomwise": "solutions" is an organisation word, but the
    # title word outweighs it; the part that leans more to a title is the title
    if not joined_by_at and lean(second) > lean(first):
        first, second = second, first
    return first, second


def _is_anchor(line: Line, found: DateRange) -> bool:
    """A date range heads an entry when it stands at an end of its line or between bars."""
    if line.text.startswith("- ") or len(line.text) > _MAX_ANCHOR_CHARS:
        return False
    before = line.text[: found.span[0]].rstrip()
    after = line.text[found.span[1] :].lstrip()
    if not before.strip(_EDGE) or not after.strip(_EDGE):
        return True
    return before[-1] in "|(,—–-·•[" and after[0] in "|),—–-·•]"


def _is_context(line: Line) -> bool:
    """A short non-bullet line above a date line can hold the title or organisation."""
    text = line.text
    return bool(
        text
        and not text.startswith("- ")
        and len(text) <= _MAX_CONTEXT_CHARS
        and not text.endswith(".")
        and not find_date_ranges(text)
    )


def find_positions(lines: list[Line], sections: list[Section]) -> list[Position]:
    """Positions in the experience sections, from lines carrying a date range.

    The title and organisation come from the rest of the dated line ("Senior Data Analyst,
    Acme Corp — Jan 2019 – Present") or, when it holds only dates, from the one or two
    lines above it ("Senior Data Analyst" / "Acme Corp" / "2019 – 2021"). An entry runs
    to the next entry or the end of its section.
    """
    positions: list[Position] = []
    starts = [ln.start for ln in lines]
    for section in sections:
        if section.kind != "experience":
            continue
        body = lines[bisect_left(starts, section.body_start) : bisect_left(starts, section.end)]
        if any(ln.position is not None for ln in body):
            drafts = _from_hints(body)
        else:
            drafts = _from_dates(body)
        for n, (first, title, org, found) in enumerate(drafts):
            stop = drafts[n + 1][0] if n + 1 < len(drafts) else len(body)
            last = stop - 1
            while last > first and not body[last].text:
                last -= 1
            positions.append(
                Position(
                    title=title,
                    organisation=org,
                    start_date=found.start if found else None,
                    end_date=found.end if found else None,
                    current=found.current if found else False,
                    start=body[first].start,
                    end=min(body[last].end, section.end),
                )
            )
    return positions


#: index of the entry's first line in the section body, title, organisation, dates
_Draft = tuple[int, str | None, str | None, DateRange | None]


def _from_hints(body: list[Line]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for i, line in enumerate(body):
        hint = line.position
        if hint is None:
            continue
        found = None
        if hint.start_date is not None:
            found = DateRange(hint.start_date, hint.end_date, hint.current, (0, 0))
        drafts.append((i, hint.title, hint.organisation, found))
    return drafts


def _from_dates(body: list[Line]) -> list[_Draft]:
    drafts: list[_Draft] = []
    previous_anchor = -1
    dates_first = False  # the section writes each entry's dates above its title
    for i, line in enumerate(body):
        ranges = find_date_ranges(line.text) if line.text else []
        found = next((r for r in ranges if _is_anchor(line, r)), None)
        if found is None:
            continue
        rest = line.text[: found.span[0]] + " | " + line.text[found.span[1] :]
        parts, joined_by_at = _split(rest)
        first = i
        above: list[Line] = []
        j = i - 1
        while (
            not dates_first
            and len(above) < 2 - len(parts)
            and j > previous_anchor
            and _is_context(body[j])
        ):
            above.insert(0, body[j])
            j -= 1
            if len(_split(above[0].text, commas=False)[0]) >= 2:
                break  # "Senior Data Analyst — Acme Corp" holds both on one line
        if len(above) == 1 and not parts:
            parts, joined_by_at = _split(above[0].text)
        elif above:
            # "Junior Analyst" / "Gamma Group, Leeds": the first part of each line
            parts = [_split(ln.text)[0][0] for ln in above if _split(ln.text)[0]] + parts
            joined_by_at = False
        first -= len(above)
        if not parts:
            # dates first, then the title and organisation below them
            dates_first = dates_first or not drafts
            for ln in takewhile(_is_context, body[i + 1 : i + 3]):
                parts += _split(ln.text)[0][:1]
        title, org = _title_and_org(parts, joined_by_at)
        drafts.append((first, title, org, found))
        previous_anchor = i
    return drafts
