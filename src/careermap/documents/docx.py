"""Word documents through python-docx: paragraphs and tables in reading order.

Styles are resolved once per document (heading level and list style by style id), not per
paragraph, and every structure is bounded: table nesting, text-box nesting, and the
paragraphs, table cells and text boxes a document may hold; past a bound the document is
refused with a :class:`DocumentError` saying which.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from careermap.documents.blocks import Block
from careermap.documents.clean import BULLET, printable
from careermap.errors import DocumentError

__all__ = ["MAX_CELLS", "MAX_PARAGRAPHS", "MAX_TEXT_BOXES", "docx_blocks"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
_TABS = re.compile(r"[ ]*\t+[ ]*")
_TXBX = f"{_W}txbxContent"
_P, _TBL = f"{_W}p", f"{_W}tbl"
_MAX_TABLE_DEPTH = 8
_MAX_BOX_DEPTH = 8
#: a two-page résumé has a few hundred paragraphs and cells; these are far above any
MAX_PARAGRAPHS = 50_000
MAX_CELLS = 50_000
MAX_TEXT_BOXES = 2_000


class _Reader:
    """One document: its style table, and the counts its limits apply to."""

    def __init__(self, document: Any, name: str) -> None:
        self.name = name
        self.styles: dict[str, tuple[int | None, bool]] = {}
        self.default: tuple[int | None, bool] = (None, False)
        self.paragraphs = self.cells = self.boxes = 0
        for style in document.styles:
            style_id = getattr(style, "style_id", None)
            if style_id is None or getattr(style, "type", None) != 1:  # paragraph styles
                continue
            self.styles[str(style_id)] = self._resolve(style)
            if getattr(style, "_element", None) is not None and style._element.get(
                f"{_W}default"
            ) in ("1", "true"):
                self.default = self.styles[str(style_id)]

    @staticmethod
    def _resolve(style: Any) -> tuple[int | None, bool]:
        """(heading level, is a list style) of a style, through up to four base styles."""
        level: int | None = None
        listed = False
        for _ in range(5):
            if style is None:
                break
            name = str(style.name or "")
            listed = listed or "list" in name.lower()
            match = _HEADING_STYLE.match(name)
            if level is None and match:
                level = int(match.group(1))
            elif level is None and name.lower() == "title":
                level = 0
            style = style.base_style
        return level, listed

    def _too_many(self, what: str, limit: int) -> DocumentError:
        return DocumentError(
            f"{self.name} holds more than {limit:,} {what}, more than a résumé or posting has.",
            hint="Save the document again from its editor, or export it as PDF.",
        )

    def _style_of(self, paragraph: Paragraph) -> tuple[int | None, bool, bool]:
        """(heading level, list item, has numbering) from the paragraph's own XML."""
        p_pr = paragraph._p.pPr
        style_id = None
        numbered = False
        outline: int | None = None
        if p_pr is not None:
            p_style = p_pr.find(f"{_W}pStyle")
            if p_style is not None:
                style_id = p_style.get(f"{_W}val")
            numbered = p_pr.find(f"{_W}numPr") is not None
            ol = p_pr.find(f"{_W}outlineLvl")
            if ol is not None:
                value = ol.get(f"{_W}val", "")
                if value.isdigit() and int(value) < 9:
                    outline = int(value) + 1
        level, listed = self.styles.get(style_id, self.default) if style_id else self.default
        return (level if level is not None else outline), listed, numbered

    def paragraph_blocks(self, paragraph: Paragraph, depth: int = 0) -> Iterator[Block]:
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise self._too_many("paragraphs", MAX_PARAGRAPHS)
        text = _paragraph_text(paragraph)
        if text.strip():
            level, listed, numbered = self._style_of(paragraph)
            if level is not None:
                yield Block(text, heading=level)
            elif numbered or listed:
                yield Block(BULLET + text)
            else:
                yield Block(text)
        # text boxes anchored in the paragraph (the Fallback copy repeats the same text);
        # only the outermost boxes here: a box inside a box belongs to the paragraph that
        # holds it, read when that paragraph is, so no text is read twice
        if depth >= _MAX_BOX_DEPTH:
            return
        for box in paragraph._p.iter(_TXBX):
            if not _outermost_box(box, paragraph._p):
                continue
            self.boxes += 1
            if self.boxes > MAX_TEXT_BOXES:
                raise self._too_many("text boxes", MAX_TEXT_BOXES)
            for p in box.iterchildren(f"{_W}p"):
                yield from self.paragraph_blocks(Paragraph(p, paragraph._parent), depth + 1)

    def table_blocks(self, table: Table, depth: int) -> Iterator[Block]:
        if depth > _MAX_TABLE_DEPTH:
            raise DocumentError(
                f"{self.name} has tables nested more than {_MAX_TABLE_DEPTH} deep.",
                hint="Save the document again without nested tables, or export it as PDF.",
            )
        for tr in table._tbl.tr_lst:
            # each cell element once, whatever grid columns it claims to span (python-docx's
            # row.cells walks the spans, which a hostile gridSpan makes endless)
            cells = tr.tc_lst
            self.cells += len(cells)
            if self.cells > MAX_CELLS:
                raise self._too_many("table cells", MAX_CELLS)
            # each cell's paragraphs and their text, worked out once, straight from the XML
            contents = [
                None
                if tc.find(_TBL) is not None
                else [(p, _paragraph_text(p)) for p in _cell_paragraphs(tc, table)]
                for tc in cells
            ]
            simple = all(
                content is not None
                and sum(bool(text.strip()) for _, text in content) <= 1
                and all(self._style_of(p)[0] is None for p, text in content if text.strip())
                for content in contents
            )
            if simple:
                texts = [t for content in contents for _, t in content or () if t.strip()]
                if texts:
                    yield Block(" | ".join(texts))
                continue
            for tc in cells:
                yield from self.content_blocks(_Cell(tc, table).iter_inner_content(), depth + 1)

    def content_blocks(self, items: Iterator[Paragraph | Table], depth: int) -> Iterator[Block]:
        for item in items:
            if isinstance(item, Paragraph):
                yield from self.paragraph_blocks(item)
            else:
                yield from self.table_blocks(item, depth)


def _cell_paragraphs(tc: Any, table: Table) -> Iterator[Paragraph]:
    return (Paragraph(p, table) for p in tc.iterchildren(_P))


_RUN, _T, _TAB = f"{_W}r", f"{_W}t", f"{_W}tab"
_BREAKS = frozenset({f"{_W}br", f"{_W}cr"})
#: elements inside a paragraph whose runs are part of its text (links, tracked insertions)
_RUN_HOLDERS = frozenset(
    {f"{_W}hyperlink", f"{_W}ins", f"{_W}smartTag", f"{_W}fldSimple", f"{_W}customXml"}
)


def _run_text(run: Any, out: list[str]) -> None:
    for child in run.iterchildren():
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag == _TAB:
            out.append("\t")
        elif tag in _BREAKS:
            out.append("\n")


def _raw_text(p: Any) -> str:
    """A paragraph's text from its runs, in one walk of its own XML (text boxes anchored
    in it are read as their own paragraphs, not here)."""
    out: list[str] = []
    for child in p.iterchildren():
        if child.tag == _RUN:
            _run_text(child, out)
        elif child.tag in _RUN_HOLDERS:
            for run in child.iter(_RUN):
                _run_text(run, out)
    return "".join(out)


def _paragraph_text(paragraph: Paragraph) -> str:
    return _TABS.sub(" | ", _raw_text(paragraph._p).strip(" \t"))


def _outermost_box(box: Any, p: Any) -> bool:
    """Whether ``box`` is a text box of paragraph ``p`` itself: not inside another text box
    of ``p``, and not the Fallback copy of one."""
    for a in box.iterancestors():
        if a is p:
            return True
        if a.tag == _TXBX or a.tag == _MC_FALLBACK:
            return False
    return True


def docx_blocks(data: bytes, name: str) -> list[Block]:
    """Blocks of the body (and the first page header), headings from Word's heading styles.

    The ZIP must already have passed :func:`careermap.documents.archive.open_zip`.
    """
    try:
        document = docx.Document(io.BytesIO(data))
        reader = _Reader(document, name)
        blocks: list[Block] = []
        if document.sections:
            header = document.sections[0].header
            blocks.extend(reader.content_blocks(header.iter_inner_content(), 0))
        blocks.extend(reader.content_blocks(document.iter_inner_content(), 0))
    except DocumentError:
        raise
    except Exception as exc:  # python-docx and lxml raise many types on broken files
        detail = printable(str(exc).strip().splitlines()[0]) if str(exc).strip() else ""
        raise DocumentError(
            f"{name} is a damaged Word document ({detail or type(exc).__name__}).",
            hint="Open it in Word or LibreOffice and save it again, or export it as PDF.",
        ) from exc
    return blocks
