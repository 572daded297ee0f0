"""Text clean-up shared by every reader: whitespace, bullets, ligatures, hyphenation."""

from __future__ import annotations

import re
import unicodedata

from careermap.documents.vocabulary import KEEP_HYPHEN

__all__ = ["BULLET", "clean_inline", "clean_lines", "printable"]

#: the one bullet every reader writes at the start of a list item
BULLET = "- "

# ligatures PDFs keep; DEL and U+0095, which PDF fonts and Windows text turn bullets into
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
    | {"\x7f": "•", "\x95": "•"}
)
# glyphs word processors and PDF fonts use for list bullets (some from private-use fonts)
_BULLET_GLYPHS = "•●▪■□◦‣⁃∙○◆◇►▶➢➤✓✔★☐\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf0e0\uf06e\uf071"
_LEADING_BULLET = re.compile(rf"^(?:[{_BULLET_GLYPHS}*+·–—-]|o(?= [A-Z]))\s+|^[{_BULLET_GLYPHS}]")
_INLINE_BULLET = re.compile(rf"\s*[{_BULLET_GLYPHS}]\s*")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_RULE = re.compile(r"^[\s\-=_*~#─━═·.]{3,}$")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?$|^-\s*\d{1,3}\s*-$", re.I
)
_HYPHEN_END = re.compile(r"(?<![A-Za-z-])([A-Za-z][A-Za-z-]*[a-z])-$")
_LOWER_START = re.compile(r"^[a-z]{2}")


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]+")


def printable(text: object, width: int = 120) -> str:
    """Text from inside a file (a member name, a parser's complaint quoting its bytes) made
    fit for a one-line message: control characters and direction overrides removed, cut."""
    flat = " ".join(_UNPRINTABLE.sub(" ", str(text)).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def clean_inline(text: str) -> str:
    """Clean one line of text: Unicode form, invisible characters, spaces, inline bullets."""
    text = unicodedata.normalize("NFC", text).translate(_LIGATURES)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text.replace("\t", " "))
    text = _SPACES.sub(" ", text).strip()
    match = _LEADING_BULLET.match(text)
    if match:
        body = _INLINE_BULLET.sub(" · ", text[match.end() :]).strip()
        return BULLET + body if body else ""
    return _INLINE_BULLET.sub(" · ", text).strip(" ·")


def clean_lines(text: str, *, drop_page_numbers: bool = False) -> list[str]:
    """Split ``text`` into clean lines; blank lines are kept as ``""`` (never two in a row).

    A line ending in a word broken by a hyphen, followed by a line starting in lower case,
    is joined to it: "develop-" + "ment" gives "development"; the hyphen stays after
    prefixes such as "self-" and inside compounds such as "end-to-".
    """
    raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    lines: list[str] = []
    for part in raw.split("\n"):
        line = clean_inline(part)
        if _RULE.match(line) or (drop_page_numbers and _PAGE_NUMBER.match(line)):
            line = ""
        if not line:
            if lines and lines[-1]:
                lines.append("")
            continue
        if lines and lines[-1] and _LOWER_START.match(line):
            hyphen = _HYPHEN_END.search(lines[-1])
            if hyphen:
                word = hyphen.group(1)
                compound = "-" in word or word.lower() in KEEP_HYPHEN
                keep = "-" if compound else ""
                lines[-1] = lines[-1][: hyphen.start()] + word + keep + line
                continue
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines
