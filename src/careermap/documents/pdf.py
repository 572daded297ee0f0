"""PDF text through pypdf, page by page; scans and locked files are refused plainly."""

from __future__ import annotations

import io
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from careermap.documents.blocks import Block
from careermap.documents.clean import printable
from careermap.errors import DocumentError

__all__ = ["PdfContent", "pdf_blocks"]

#: a PDF whose pages hold fewer characters than this altogether has no usable text layer
MIN_TEXT_CHARS = 20
#: a page of text is drawn with some kilobytes of instructions; a page holding more than
#: this (or pages holding more than MAX_CONTENT_BYTES in all) is skipped with a warning,
#: since reading its text would take minutes
MAX_PAGE_CONTENT_BYTES = 1 << 20
MAX_CONTENT_BYTES = 8 << 20
#: a résumé or posting of 50 pages is drawn with a few thousand objects; pypdf checks each
#: object the cross-reference table lists when it opens a file, about 10 µs apiece
MAX_OBJECTS = 50_000
_XREF_ENTRY = re.compile(rb"\d{10} \d{5} [nf]")
_DIGITS = re.compile(r"\d+")
_MAX_LOGGED = 5


@dataclass
class PdfContent:
    blocks: list[Block]
    pages: int
    warnings: list[str] = field(default_factory=list)


def _damaged(name: str, exc: BaseException) -> DocumentError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    detail = printable(first)
    return DocumentError(
        f"{name} is a damaged or invalid PDF ({detail}). Open it in a PDF viewer and save "
        "or print it to a new PDF, or export the résumé again."
    )


def _open(data: bytes, name: str, password: str | None) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if not reader.is_encrypted:
            return reader
        result = reader.decrypt(password or "")
    except DependencyError as exc:
        raise DocumentError(
            f"{name} is encrypted with AES, which needs the 'cryptography' package "
            "(pip install cryptography); or save an unprotected copy of the PDF."
        ) from exc
    except Exception as exc:  # pypdf raises many types on malformed files
        raise _damaged(name, exc) from exc
    if result == PasswordType.NOT_DECRYPTED:
        if password is None:
            raise DocumentError(
                f"{name} is protected by a password. Give the password (password=... or "
                "--password), or save an unprotected copy of the PDF."
            )
        raise DocumentError(f"the password given for {name} is wrong. Check it and try again.")
    return reader


def _declared_pages(reader: PdfReader) -> int | None:
    """The page count the document's page tree declares, read without walking it (a
    hostile file may declare any number; it only serves to refuse early)."""
    try:
        count = reader.trailer["/Root"]["/Pages"]["/Count"]  # type: ignore[index]
        return int(count) if isinstance(count, int) else None
    except Exception:  # no readable page tree: the walk that follows will say so
        return None


def _content_size(page: object) -> int:
    """Bytes of the page's content streams, decoded (0 when it has none)."""
    contents = page.get_contents()  # type: ignore[attr-defined]
    if contents is None:
        return 0
    return len(contents.get_data())


def _repeated_edges(pages: list[list[str]]) -> set[str]:
    """Header and footer lines printed on every page ("Jane Doe - page 2")."""
    if len(pages) < 2 or any(not lines for lines in pages):
        return set()
    repeated: set[str] = set()
    for index in (0, -1):
        keys = {_DIGITS.sub("#", lines[index].strip()) for lines in pages}
        if len(keys) == 1 and len(next(iter(keys))) <= 80:
            repeated |= {lines[index] for lines in pages}
    return repeated


def _trim_edges(lines: list[str], repeated: set[str], *, keep_top: bool) -> list[str]:
    if lines and lines[0] in repeated and not keep_top:
        lines = lines[1:]
    if lines and lines[-1] in repeated:
        lines = lines[:-1]
    return lines


class _ThreadLog(logging.Handler):
    """Collects what pypdf logs about one file, from this thread only, as warnings."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread and len(self.messages) < _MAX_LOGGED:
            message = record.getMessage()
            if message not in self.messages:
                self.messages.append(message)


@contextmanager
def _pypdf_log() -> Iterator[list[str]]:
    """pypdf's complaints end up in the document's warnings, not on the user's stderr."""
    handler = _ThreadLog()
    logger = logging.getLogger("pypdf")
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def pdf_blocks(
    data: bytes, name: str, password: str | None = None, *, max_pages: int = 50
) -> PdfContent:
    """One block per page. Raises DocumentError for a scan, a locked or a damaged file,
    or one with more than ``max_pages`` pages."""
    with _pypdf_log() as logged:
        content = _pdf_blocks(data, name, password, max_pages)
    content.warnings.extend(f"PDF structure: {printable(message)}" for message in logged)
    return content


def _check_objects(data: bytes, name: str) -> None:
    """Refuse a file with more objects than any résumé, before pypdf checks each one."""
    objects = max(data.count(b"endobj"), len(_XREF_ENTRY.findall(data)))
    if objects > MAX_OBJECTS:
        raise DocumentError(
            f"{name} is a PDF of {objects:,} objects, more than careermap reads in a résumé "
            f"or posting ({MAX_OBJECTS:,}).",
            hint="Print or export the pages that hold the résumé to a new PDF.",
        )


def _pdf_blocks(data: bytes, name: str, password: str | None, max_pages: int) -> PdfContent:
    _check_objects(data, name)
    reader = _open(data, name, password)
    warnings: list[str] = []
    texts: list[str] = []
    try:
        declared = _declared_pages(reader)
        count = declared if declared is not None and declared > max_pages else len(reader.pages)
        if count > max_pages:
            raise DocumentError(
                f"{name} has {count:,} pages, more than careermap's limit of {max_pages:,} "
                "for a résumé or posting.",
                hint="Give the pages that hold the résumé, or raise CAREERMAP_MAX_PAGES.",
            )
        pages = [reader.pages[i] for i in range(count)]
    except DocumentError:
        raise
    except Exception as exc:  # a broken page tree
        raise _damaged(name, exc) from exc
    if not pages:
        raise DocumentError(f"{name} is a PDF with no pages. Export the résumé again.")
    budget = MAX_CONTENT_BYTES
    for number, page in enumerate(pages, 1):
        try:
            size = _content_size(page)
            if size > MAX_PAGE_CONTENT_BYTES or size > budget:
                warnings.append(
                    f"page {number} holds {size:,} bytes of drawing instructions, more than a "
                    "page of text; skipped"
                )
                texts.append("")
                continue
            budget -= size
            texts.append(page.extract_text() or "")
        except Exception as exc:  # one unreadable page should not lose the others
            warnings.append(f"page {number} could not be read ({type(exc).__name__}); skipped")
            texts.append("")
    if sum(len(t.strip()) for t in texts) < MIN_TEXT_CHARS:
        raise DocumentError(
            f"{name} has no text layer (a scan?). Export it as text, or run OCR "
            "(e.g. ocrmypdf) on it first."
        )
    for number, text in enumerate(texts, 1):
        if not text.strip():
            warnings.append(f"page {number} has no text layer (a scanned page?); skipped")
    split = [[ln for ln in t.splitlines() if ln.strip()] for t in texts]
    repeated = _repeated_edges(split)
    if repeated:
        # the first page keeps its top line: a header repeated on every page is often the name
        split = [_trim_edges(lines, repeated, keep_top=n == 0) for n, lines in enumerate(split)]
    blocks = [Block("\n".join(lines), page=number) for number, lines in enumerate(split, 1)]
    return PdfContent(blocks=blocks, pages=len(pages), warnings=warnings)
