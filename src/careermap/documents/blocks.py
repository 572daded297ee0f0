"""What readers produce (blocks of text with hints) and how blocks become one clean text."""

from __future__ import annotations

from dataclasses import dataclass

from careermap.documents.clean import clean_inline, clean_lines
from careermap.documents.model import SectionKind, YearMonth

__all__ = ["Block", "Line", "PositionHint", "assemble"]


@dataclass(frozen=True)
class PositionHint:
    """A position known from structured data (a LinkedIn export), not parsed from text."""

    title: str | None
    organisation: str | None
    start_date: YearMonth | None
    end_date: YearMonth | None
    current: bool


@dataclass(frozen=True)
class Block:
    """A run of text from a reader.

    ``heading`` is the heading level the source marks (0 for a title, 1-6 for headings) or
    None for body text; ``kind`` names the section outright where the source knows it.
    """

    text: str
    heading: int | None = None
    kind: SectionKind | None = None
    page: int = 0
    position: PositionHint | None = None


@dataclass
class Line:
    """One line of the assembled text, with what its block said about it."""

    text: str
    start: int
    heading: int | None = None
    kind: SectionKind | None = None
    page: int = 0
    position: PositionHint | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def assemble(blocks: list[Block], *, drop_page_numbers: bool = False) -> tuple[str, list[Line]]:
    """Clean every block and join them into one text, one line per ``Line``.

    A block's hints attach to its first line; a heading gets a blank line before it. Blank
    lines never repeat and never open or close the text.
    """
    lines: list[Line] = []
    offset = 0
    for block in blocks:
        if block.heading is not None or block.kind is not None:
            heading = clean_inline(" ".join(block.text.split()))
            parts = [heading] if heading else []
            if parts and lines and lines[-1].text:
                parts.insert(0, "")
        else:
            parts = clean_lines(block.text, drop_page_numbers=drop_page_numbers)
        first = True
        for part in parts:
            if not part and (not lines or not lines[-1].text):
                continue
            line = Line(text=part, start=offset, page=block.page)
            if first and part:
                line.heading, line.kind, line.position = block.heading, block.kind, block.position
                first = False
            lines.append(line)
            offset += len(part) + 1
    while lines and not lines[-1].text:
        lines.pop()
    return "\n".join(line.text for line in lines), lines
