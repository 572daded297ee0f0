"""``read()``: any résumé or job posting, from a path, bytes, a stream or stdin."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from careermap.documents.archive import open_zip
from careermap.documents.blocks import Block, Line, assemble
from careermap.documents.detect import sniff, sniff_text, sniff_zip
from careermap.documents.docx import docx_blocks
from careermap.documents.encoding import binary_error, decode_text, looks_binary
from careermap.documents.html import html_blocks
from careermap.documents.linkedin import linkedin_blocks
from careermap.documents.markdown import markdown_blocks, text_blocks
from careermap.documents.model import Document, DocumentFormat, DocumentMetadata
from careermap.documents.pdf import pdf_blocks
from careermap.documents.positions import find_positions
from careermap.documents.sections import find_sections
from careermap.errors import DocumentError
from careermap.settings import get_settings

__all__ = ["MIN_TEXT_CHARS", "STDIN", "read"]

#: the path that means "read standard input"
STDIN = "-"
#: a document with less text than this is refused rather than returned nearly empty
MIN_TEXT_CHARS = 20

Source = Path | str | bytes | bytearray | BinaryIO


def _limit(max_bytes: int | None) -> int:
    if max_bytes is not None:
        if max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
        return max_bytes
    return int(get_settings().max_document_mb * 1024 * 1024)


def _size(n: int) -> str:
    """A size in binary units, as the limit setting is given (1 MiB = 1,048,576 bytes)."""
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f}".removesuffix(".0") + " MiB"
    return f"{n / 1024:.0f} KiB" if n >= 1024 else f"{n} bytes"


def _too_big(name: str, size: int | None, limit: int) -> DocumentError:
    shown = f"is {_size(size)}" if size is not None else "is bigger than"
    return DocumentError(
        f"{name} {shown}, over careermap's limit of {_size(limit)} for a document.",
        hint="Give a smaller file, or raise CAREERMAP_MAX_DOCUMENT_MB.",
    )


def _read_stream(stream: BinaryIO, name: str, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if not isinstance(data, bytes | bytearray):
        raise DocumentError(f"{name} gave text, not bytes. Open the file in binary mode ('rb').")
    if len(data) > limit:
        raise _too_big(name, None, limit)
    return bytes(data)


def _load(source: Source, name: str | None, limit: int) -> tuple[bytes, str]:
    """The bytes of ``source`` (never more than ``limit``) and the name to report it by."""
    if isinstance(source, bytes | bytearray):
        if len(source) > limit:
            raise _too_big(name or "the document", len(source), limit)
        return bytes(source), name or "the document"
    if isinstance(source, str) and source == STDIN:
        return _read_stream(sys.stdin.buffer, name or "<stdin>", limit), name or "<stdin>"
    if isinstance(source, str | Path):
        path = Path(source)
        shown = name or str(path)
        try:
            if path.is_dir():
                raise DocumentError(f"{shown} is a folder, not a document. Give a file in it.")
            size = path.stat().st_size
            if size > limit:
                raise _too_big(shown, size, limit)
            with path.open("rb") as handle:
                return _read_stream(handle, shown, limit), shown
        except FileNotFoundError as exc:
            raise DocumentError(f"{shown} does not exist. Check the path.") from exc
        except PermissionError as exc:
            raise DocumentError(
                f"{shown} cannot be read (permission denied). Check its permissions."
            ) from exc
        except OSError as exc:
            raise DocumentError(f"{shown} cannot be read ({exc.strerror or exc}).") from exc
    shown = name or str(getattr(source, "name", "") or "the document")
    return _read_stream(source, shown, limit), shown


def _blocks(
    data: bytes, name: str, limit: int, password: str | None
) -> tuple[list[Block], DocumentFormat, int | None, list[str]]:
    settings = get_settings()
    most = settings.max_text_chars
    container = sniff(data, name)
    if container == "pdf":
        content = pdf_blocks(data, name, password, max_pages=settings.max_pages)
        return content.blocks, "pdf", content.pages, content.warnings
    if container == "zip":
        with open_zip(data, name, limit, settings.max_zip_members) as archive:
            if sniff_zip(archive, name) == "linkedin":
                return linkedin_blocks(archive, name, max_bytes=most * 4), "linkedin", None, []
            xml = next((m for m in archive.infolist() if m.filename == "word/document.xml"), None)
            if xml is not None and xml.file_size > most * 25:
                raise _too_much_text(name, None, most)
        return docx_blocks(data, name), "docx", None, []
    text, warnings = decode_text(data, name)
    if looks_binary(text):
        raise binary_error(name)
    if len(text) > most * 10:
        raise _too_much_text(name, None, most)
    kind = sniff_text(text)
    if kind == "html":
        return html_blocks(text, name), "html", None, warnings
    if len(text) > most * 1.25:
        raise _too_much_text(name, len(text), most)
    if kind == "markdown":
        return markdown_blocks(text), "markdown", None, warnings
    return text_blocks(text), "text", None, warnings


def _too_much_text(name: str, chars: int | None, most: int) -> DocumentError:
    shown = f"has {chars:,} characters of text" if chars else "holds more text than"
    return DocumentError(
        f"{name} {shown}, over careermap's limit of {most:,} for one résumé or posting.",
        hint="Give the résumé or posting alone, or raise CAREERMAP_MAX_TEXT_CHARS.",
    )


def _page_starts(lines: list[Line], pages: int, text_length: int) -> list[int]:
    """Offset where each page's text begins; a page with no text begins where the next does."""
    starts = [text_length] * pages
    for line in reversed(lines):
        if line.text and 1 <= line.page <= pages:
            starts[line.page - 1] = line.start
    for n in range(pages - 2, -1, -1):
        starts[n] = min(starts[n], starts[n + 1])
    return starts


def read(
    source: Source,
    *,
    name: str | None = None,
    password: str | None = None,
    max_bytes: int | None = None,
) -> Document:
    """Read a résumé or job posting into a :class:`Document`.

    ``source`` is a path (``"-"`` for standard input), the file's bytes, or a binary
    stream. The format is told from the content, never from the file name. ``name`` is
    what messages and metadata call the source; ``password`` opens an encrypted PDF;
    ``max_bytes`` overrides the ``max_document_mb`` setting.

    Raises :class:`~careermap.errors.DocumentError` for anything that is not a readable
    document: missing, empty, too big, binary, damaged, encrypted, a scan with no text,
    or too little text to be a résumé.
    """
    limit = _limit(max_bytes)
    data, shown = _load(source, name, limit)
    if not data.strip():
        raise DocumentError(f"{shown} is empty. Give the file that holds the résumé or posting.")
    blocks, fmt, pages, warnings = _blocks(data, shown, limit, password)
    text, lines = assemble(blocks, drop_page_numbers=fmt == "pdf")
    most = get_settings().max_text_chars
    if len(text) > most:
        raise _too_much_text(shown, len(text), most)
    if len(text) < MIN_TEXT_CHARS:
        found = f"only {len(text)} characters of text" if text else "no text"
        raise DocumentError(
            f"{shown} has {found}, too little for a résumé or job posting. "
            "Check that it is the right file."
        )
    sections = find_sections(lines, len(text))
    page_starts = _page_starts(lines, pages or 0, len(text))
    return Document(
        text=text,
        format=fmt,
        sections=sections,
        positions=find_positions(lines, sections),
        metadata=DocumentMetadata(
            source=shown,
            size_bytes=len(data),
            pages=pages,
            page_starts=page_starts,
            warnings=warnings,
        ),
    )
