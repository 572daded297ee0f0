"""HTML pages (saved job postings, résumé pages) into blocks, with h1-h6 as headings."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from careermap.documents.blocks import Block
from careermap.errors import DocumentError

__all__ = ["html_blocks"]

_DROP = frozenset(
    {
        "script",
        "style",
        "nav",
        "noscript",
        "template",
        "svg",
        "head",
        "iframe",
        "form",
        "button",
        "select",
        "canvas",
        "object",
        "embed",
        "-comment",
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCK = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "blockquote",
        "pre",
        "address",
        "figure",
        "figcaption",
        "hr",
        "body",
        "html",
        "fieldset",
        "details",
        "summary",
        "caption",
    }
)
_CELLS = frozenset({"td", "th"})
_CELL_END = re.compile(r"[ |]+$", re.M)


class _Writer:
    """Collects text into blocks as the tree is walked."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []

    def text(self, value: str) -> None:
        self.parts.append(value)

    def newline(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def flush(self) -> None:
        text = _CELL_END.sub("", "".join(self.parts))
        if text.strip():
            self.blocks.append(Block(text))
        self.parts.clear()

    def heading(self, text: str, level: int) -> None:
        self.flush()
        if text.strip():
            self.blocks.append(Block(text, heading=level))


#: bounds checked before the page is parsed (the parser's time grows faster than the
#: page past them); a saved job posting has a few thousand elements, a dozen levels deep
MAX_ELEMENTS = 100_000
MAX_DEPTH = 500
MAX_TAG_CHARS = 20_000
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]{0,40})")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_LONG_TAG = re.compile(rf"<[^<>]{{{MAX_TAG_CHARS}}}")


def check_page(html: str, name: str) -> None:
    """Refuse, before parsing, a page with too many elements, nested too deep, or with a
    tag longer than any real one (a flood of attributes); one linear pass."""
    depth = deepest = 0
    for elements, m in enumerate(_TAG.finditer(html), 1):
        if elements > MAX_ELEMENTS:
            raise _refused(name, f"holds more than {MAX_ELEMENTS:,} elements")
        tag = m.group(2).lower()
        if m.group(1):
            depth = max(depth - 1, 0)
        elif tag not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                raise _refused(name, f"is nested more than {MAX_DEPTH} elements deep")
    if _LONG_TAG.search(html):
        raise _refused(name, f"has a tag over {MAX_TAG_CHARS:,} characters long")


def _refused(name: str, why: str) -> DocumentError:
    return DocumentError(
        f"{name} {why}, more than a résumé or posting page has.",
        hint="Save the page as text, or give the posting's text alone.",
    )


def html_blocks(html: str, name: str = "the page") -> list[Block]:
    """Text of the page's body in reading order; scripts, styles and navigation dropped."""
    check_page(html, name)
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    writer = _Writer()
    if root is None:
        return []
    # iterative walk: deep pages must not exhaust Python's recursion limit
    stack: list[tuple[LexborNode, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        tag = node.tag or ""
        if not entering:
            if tag in _BLOCK or tag == "li":
                writer.newline()
            elif tag in _CELLS:
                writer.text(" | ")
            continue
        if tag in _DROP:
            continue
        if tag == "-text":
            writer.text(node.text_content or "")
            continue
        if tag in _HEADINGS:
            writer.heading(node.text(separator=" "), _HEADINGS[tag])
            continue
        if tag == "br":
            writer.newline()
            continue
        if tag in _BLOCK:
            writer.newline()
        elif tag == "li":
            writer.newline()
            writer.text("- ")
        stack.append((node, False))
        children: list[LexborNode] = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, True) for c in reversed(children))
    writer.flush()
    return writer.blocks
