"""Markdown and plain text into blocks: headings from ``#`` and underlines, markup removed."""

from __future__ import annotations

import re

from careermap.documents.blocks import Block

__all__ = ["markdown_blocks", "text_blocks"]

_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*)$")
_ATX_CLOSE = re.compile(r"(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.S)
# every inner part is bounded, so that a line of a thousand unclosed brackets or
# asterisks costs time in proportion to its length (links and emphasis run short)
_IMAGE = re.compile(r"!\[([^\[\]\n]{0,300})\]\([^()\n]{0,500}\)")
_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\n]{0,500}\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]{1,500})>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![*\w])")
_CODE = re.compile(r"`([^`\n]{1,300})`")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^ {0,3}>\s?")
_BREAK = re.compile(r"<br\s*/?>", re.I)


def strip_comments(text: str) -> str:
    """``text`` without HTML comments (``<!-- ... -->``), in one pass; an unclosed comment
    runs to the end, as in HTML."""
    out: list[str] = []
    pos = 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            out.append(text[pos:])
            return "".join(out)
        out.append(text[pos:start])
        end = text.find("-->", start + 4)
        if end < 0:
            return "".join(out)
        pos = end + 3


def _inline(text: str) -> str:
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\1", text)
    if text.strip().startswith("|") and text.strip().endswith("|"):
        text = " | ".join(cell.strip() for cell in text.strip().strip("|").split("|"))
    return _QUOTE.sub("", text)


def markdown_blocks(text: str) -> list[Block]:
    """Blocks of a Markdown document; ATX (``## x``) and setext headings keep their level."""
    text = _FRONT_MATTER.sub("", text.replace("\r\n", "\n"), count=1)
    text = _BREAK.sub("\n", strip_comments(text))
    raw = text.split("\n")
    blocks: list[Block] = []
    body: list[str] = []
    in_fence = False

    def flush() -> None:
        if body:
            blocks.append(Block("\n".join(body)))
            body.clear()

    for i, line in enumerate(raw):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            body.append(line)
            continue
        atx = _ATX.match(line)
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        if atx:
            flush()
            title = atx.group(2)
            title = title[: _ATX_CLOSE.search(title).start()]  # type: ignore[union-attr]
            blocks.append(Block(_inline(title), heading=len(atx.group(1))))
        elif (
            line.strip()
            and _SETEXT.match(nxt)
            and not _TABLE_RULE.match(line)
            and not line.lstrip().startswith(("- ", "* ", "+ "))
        ):
            flush()
            blocks.append(Block(_inline(line), heading=1 if nxt.strip()[0] == "=" else 2))
        elif _SETEXT.match(line) and blocks and blocks[-1].heading is not None and not body:
            continue  # the underline of the heading just read
        elif _TABLE_RULE.match(line) and "|" in line:
            continue
        else:
            body.append(_inline(line))
    flush()
    return blocks


def text_blocks(text: str) -> list[Block]:
    """Plain text is one block; headings are found later from the words of each line."""
    return [Block(text)]
