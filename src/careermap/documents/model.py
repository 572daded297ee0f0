"""The document a reader hands to the rest of careermap: clean text, sections, positions."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Document",
    "DocumentFormat",
    "DocumentMetadata",
    "Position",
    "Section",
    "SectionKind",
    "YearMonth",
]

SectionKind = Literal[
    "summary", "experience", "skills", "education", "projects", "certifications", "other"
]
DocumentFormat = Literal["pdf", "docx", "html", "markdown", "text", "linkedin"]


class Section(BaseModel):
    """A headed part of the document; ``text[start:end]`` is the heading and its body."""

    model_config = ConfigDict(frozen=True)

    kind: SectionKind
    heading: str = Field(description="the heading as the document writes it")
    start: int = Field(ge=0, description="offset of the heading's first character")
    body_start: int = Field(ge=0, description="offset of the first character after the heading")
    end: int = Field(ge=0, description="offset just past the section's last character")


class YearMonth(BaseModel):
    """A date as résumés give it: a year, and a month where one is written."""

    model_config = ConfigDict(frozen=True)

    year: int = Field(ge=1900, le=2200)
    month: int | None = Field(default=None, ge=1, le=12)

    def __str__(self) -> str:
        return f"{self.year}" if self.month is None else f"{self.year}-{self.month:02d}"

    def months_since_epoch(self) -> int:
        """Months since year 0, counting an unknown month as January."""
        return self.year * 12 + ((self.month or 1) - 1)

    @classmethod
    def today(cls, today: date | None = None) -> YearMonth:
        day = today or date.today()
        return cls(year=day.year, month=day.month)


class Position(BaseModel):
    """One job in an experience section, with the dates the document gives."""

    model_config = ConfigDict(frozen=True)

    title: str | None = None
    organisation: str | None = None
    start_date: YearMonth | None = None
    end_date: YearMonth | None = Field(default=None, description="None while current")
    current: bool = Field(default=False, description="the document says 'present' or similar")
    start: int = Field(ge=0, description="offset where the entry begins")
    end: int = Field(ge=0, description="offset just past the entry's last character")

    def years(self, today: date | None = None) -> float | None:
        """Length of the position in years, or None when its dates are not known."""
        if self.start_date is None:
            return None
        if self.end_date is not None:
            end = self.end_date
        elif self.current:
            end = YearMonth.today(today)
        else:
            return None
        if self.start_date.month is None or end.month is None:
            months = (end.year - self.start_date.year) * 12
        else:
            # inclusive of both months: Jan 2019 - Dec 2019 is twelve months
            months = end.months_since_epoch() - self.start_date.months_since_epoch() + 1
        return max(months, 0) / 12


class DocumentMetadata(BaseModel):
    model_config = ConfigDict(frozen=True)

    source: str = Field(
        description="the name given, else the path, '<stdin>', or 'the document' for bytes"
    )
    size_bytes: int = Field(ge=0)
    pages: int | None = Field(default=None, description="pages of a PDF; None for other formats")
    page_starts: list[int] = Field(
        default_factory=list, description="offset where each PDF page's text begins"
    )
    warnings: list[str] = Field(default_factory=list)


class Document(BaseModel):
    """A résumé or job posting as clean text, with its sections and positions."""

    model_config = ConfigDict(frozen=True)

    text: str
    format: DocumentFormat
    sections: list[Section] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    metadata: DocumentMetadata

    def section_at(self, offset: int) -> SectionKind | None:
        """Kind of the section holding ``offset``; None before the first heading."""
        section = self.section_containing(offset)
        return None if section is None else section.kind

    @cached_property
    def _section_starts(self) -> list[int]:
        return [s.start for s in self.sections]

    def section_containing(self, offset: int) -> Section | None:
        i = bisect_right(self._section_starts, offset) - 1
        if i < 0:
            return None
        section = self.sections[i]
        return section if offset < section.end else None

    def sections_of(self, kind: SectionKind) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]

    def section_text(self, section: Section, *, with_heading: bool = False) -> str:
        return self.text[section.start if with_heading else section.body_start : section.end]

    def page_at(self, offset: int) -> int | None:
        """1-based page of ``offset`` in a PDF; None for formats without pages."""
        if not self.metadata.page_starts:
            return None
        return max(bisect_right(self.metadata.page_starts, offset), 1)
