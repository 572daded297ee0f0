"""Documents: any résumé or job posting read into clean text with sections and offsets.

``read(path_or_bytes)`` tells the format from the content (PDF, DOCX, LinkedIn export,
HTML, Markdown, plain text) and returns a :class:`Document`; anything it cannot read
honestly raises :class:`careermap.errors.DocumentError`.
"""

from __future__ import annotations

from careermap.documents.model import (
    Document,
    DocumentFormat,
    DocumentMetadata,
    Position,
    Section,
    SectionKind,
    YearMonth,
)
from careermap.documents.read import MIN_TEXT_CHARS, STDIN, read

__all__ = [
    "MIN_TEXT_CHARS",
    "STDIN",
    "Document",
    "DocumentFormat",
    "DocumentMetadata",
    "Position",
    "Section",
    "SectionKind",
    "YearMonth",
    "read",
]
