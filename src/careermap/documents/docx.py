"""Word documents through python-docx: paragraphs and tables in reading order."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from careermap.documents.blocks import Block
from careermap.documents.clean import BULLET
from careermap.errors import DocumentError

__all__ = ["docx_blocks"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
_TABS = re.compile(r"[ ]*\t+[ ]*")
_TXBX = f"{_W}txbxContent"
_MAX_TABLE_DEPTH = 8
_MAX_BOX_DEPTH = 8


def _style_level(paragraph: Paragraph) -> int | None:
    """Heading level from the paragraph's style (or a style it is based on), or outline."""
    style: Any = paragraph.style
    for _ in range(4):
        if style is None:
            break
        name = str(style.name or "")
        match = _HEADING_STYLE.match(name)
        if match:
            return int(match.group(1))
        if name.lower() == "title":
            return 0
        style = style.base_style
    p_pr = paragraph._p.pPr
    outline = p_pr.find(f"{_W}outlineLvl") if p_pr is not None else None
    if outline is not None:
        value = outline.get(f"{_W}val", "")
        if value.isdigit() and int(value) < 9:
            return int(value) + 1
    return None


def _is_list_item(paragraph: Paragraph) -> bool:
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.find(f"{_W}numPr") is not None:
        return True
    style: Any = paragraph.style
    return style is not None and "list" in str(style.name or "").lower()


def _paragraph_text(paragraph: Paragraph) -> str:
    return _TABS.sub(" | ", paragraph.text.strip(" \t"))


def _paragraph_blocks(paragraph: Paragraph, depth: int = 0) -> Iterator[Block]:
    text = _paragraph_text(paragraph)
    if text.strip():
        level = _style_level(paragraph)
        if level is not None:
            yield Block(text, heading=level)
        elif _is_list_item(paragraph):
            yield Block(BULLET + text)
        else:
            yield Block(text)
    # text boxes anchored in the paragraph (the Fallback copy repeats the same text); only
    # the outermost boxes here: a box inside a box belongs to the paragraph that holds it,
    # read when that paragraph is, so no text is read twice
    if depth >= _MAX_BOX_DEPTH:
        return
    for box in paragraph._p.iter(_TXBX):
        if not _outermost_box(box, paragraph._p):
            continue
        for p in box.iterchildren(f"{_W}p"):
            yield from _paragraph_blocks(Paragraph(p, paragraph._parent), depth + 1)


def _outermost_box(box: Any, p: Any) -> bool:
    """Whether ``box`` is a text box of paragraph ``p`` itself: not inside another text box
    of ``p``, and not the Fallback copy of one."""
    for a in box.iterancestors():
        if a is p:
            return True
        if a.tag == _TXBX or a.tag == _MC_FALLBACK:
            return False
    return True


def _table_blocks(table: Table, depth: int) -> Iterator[Block]:
    if depth > _MAX_TABLE_DEPTH:
        return
    for tr in table._tbl.tr_lst:
        # each cell element once, whatever grid columns it claims to span (python-docx's
        # row.cells walks the spans, which a hostile gridSpan makes endless)
        cells = [_Cell(tc, table) for tc in tr.tc_lst]
        simple = all(
            not c.tables
            and sum(bool(p.text.strip()) for p in c.paragraphs) <= 1
            and all(_style_level(p) is None for p in c.paragraphs)
            for c in cells
        )
        if simple:
            texts = [_paragraph_text(p) for c in cells for p in c.paragraphs if p.text.strip()]
            if texts:
                yield Block(" | ".join(texts))
            continue
        for cell in cells:
            yield from _content_blocks(cell.iter_inner_content(), depth + 1)


def _content_blocks(items: Iterator[Paragraph | Table], depth: int) -> Iterator[Block]:
    for item in items:
        if isinstance(item, Paragraph):
            yield from _paragraph_blocks(item)
        else:
            yield from _table_blocks(item, depth)


def docx_blocks(data: bytes, name: str) -> list[Block]:
    """Blocks of the body (and the first page header), headings from Word's heading styles.

    The ZIP must already have passed :func:`careermap.documents.archive.open_zip`.
    """
    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[Block] = []
        if document.sections:
            header = document.sections[0].header
            blocks.extend(_content_blocks(header.iter_inner_content(), 0))
        blocks.extend(_content_blocks(document.iter_inner_content(), 0))
    except DocumentError:
        raise
    except Exception as exc:  # python-docx and lxml raise many types on broken files
        detail = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
        raise DocumentError(
            f"{name} is a damaged Word document ({detail or type(exc).__name__}). Open it in "
            "Word or LibreOffice and save it again, or export it as PDF."
        ) from exc
    return blocks
