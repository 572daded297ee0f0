"""Finding section headings in assembled lines, and the sections they open."""

from __future__ import annotations

import re

from careermap.documents.blocks import Line
from careermap.documents.headings import kind_of_heading
from careermap.documents.model import Section, SectionKind

__all__ = ["find_sections"]

_MAX_HEADING_CHARS = 60
_MAX_HEADING_WORDS = 7
_INLINE = re.compile(r"^([^:]{3,40}):\s+(\S.*)$")
_DECORATION = " \t:|-–—•·*_=~#>"
_FRAME = ("-", "–", "—", "•", "*", "=", "~", "#", "|")
# inside these, "Tools: Python" describes the job unless a blank line sets it apart
_NO_INLINE_INSIDE: frozenset[SectionKind | None] = frozenset({"experience", "projects"})


def _stripped(text: str) -> str:
    return text.strip(_DECORATION)


def _heading_kind(line: Line) -> SectionKind | None:
    text = _stripped(line.text)
    words = text.split()
    letter_spaced = all(len(w) == 1 for w in words)  # "S K I L L S"
    if not text or len(text) > _MAX_HEADING_CHARS:
        return None
    if len(words) > _MAX_HEADING_WORDS and not letter_spaced:
        return None
    if line.text.startswith("- ") and not line.text.rstrip().endswith(_FRAME):
        return None  # "- Skills" is a list item; "- AWARDS -" a framed heading
    return kind_of_heading(text)


def find_sections(lines: list[Line], text_length: int) -> list[Section]:
    """Sections of the text, in order, each running to the next heading.

    A line opens a section when its text is a heading careermap knows (any case, with or
    without a trailing colon), when the source marked it a heading at the level the known
    headings use (then of kind "other" if its words are not known), or when the source
    names its kind outright (LinkedIn exports). "Skills: Python, SQL" opens a section with
    the heading "Skills", except inside a job or project where no blank line sets it apart.
    """
    known_levels = [
        line.heading
        for line in lines
        if line.heading is not None and _heading_kind(line) is not None
    ]
    top_level = min(known_levels) if known_levels else None
    first_text = next((i for i, line in enumerate(lines) if line.text), -1)

    opened: list[tuple[int, SectionKind, str, int]] = []  # line index, kind, heading, body
    current: SectionKind | None = None
    for i, line in enumerate(lines):
        if not line.text:
            continue
        kind = line.kind or _heading_kind(line)
        heading = _stripped(line.text)
        body_start = min(line.end + 1, text_length)
        if kind is None and line.heading is not None and line.heading == top_level:
            kind = "other" if i != first_text else None
        after_break = i > 0 and not lines[i - 1].text
        if kind is None and (current not in _NO_INLINE_INSIDE or after_break):
            inline = _INLINE.match(line.text)
            if inline and not line.text.startswith("- "):
                kind = kind_of_heading(inline.group(1))
                heading = inline.group(1).strip()
                body_start = line.start + inline.start(2)
        if kind is None:
            continue
        opened.append((i, kind, heading, body_start))
        current = kind

    sections: list[Section] = []
    for n, (index, kind, heading, body_start) in enumerate(opened):
        stop = opened[n + 1][0] if n + 1 < len(opened) else len(lines)
        # the section ends with its last line of text, not the blank line before the next
        last = stop - 1
        while last > index and not lines[last].text:
            last -= 1
        end = lines[last].end
        sections.append(
            Section(
                kind=kind,
                heading=heading,
                start=lines[index].start,
                body_start=min(body_start, end),
                end=end,
            )
        )
    return sections
