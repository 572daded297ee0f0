"""Telling formats apart by their content (magic bytes and structure), never by file name."""

from __future__ import annotations

import re
import zipfile
from typing import Literal

from careermap.documents.archive import read_member
from careermap.documents.clean import printable
from careermap.errors import DocumentError

__all__ = ["Container", "sniff", "sniff_text", "sniff_zip"]

Container = Literal["pdf", "zip", "text"]
TextFormat = Literal["html", "markdown", "text"]

_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)
_OTHER_BINARY = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Word .doc (or other Office 97) file",
        "Open it in Word or LibreOffice and save it as .docx or PDF",
    ),
    (b"{\\rtf", "an RTF file", "Save it as .docx, PDF or plain text"),
    (b"\x1f\x8b", "a gzip archive", "Unpack it and give careermap the document inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "Unpack it and give careermap the document inside"),
    (b"Rar!", "a RAR archive", "Unpack it and give careermap the document inside"),
)
_LINKEDIN_FILES = frozenset(
    {"profile.csv", "positions.csv", "skills.csv", "education.csv", "certifications.csv"}
)
_XML_DECL = re.compile(r"<\?xml[^>]{0,500}>")
_HTML_OPEN = re.compile(r"<(?:!doctype\s+html|html)\b", re.I)
#: how far into a text a page's opening tag is looked for (comments and blank space first)
_HTML_LOOKAHEAD = 64 * 1024
_HTML_TAG = re.compile(
    r"<(?:html|head|body|div|p|h[1-6]|ul|ol|li|table|tr|td|span|section|article|br|a|strong)"
    r"\b[^>]*>",
    re.I,
)
_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
# marks plain text rarely has (list bullets are common to both, so they do not count)
_MD_MARKS = re.compile(
    r"^(?:>\s|```)|\*\*[^*\n]{1,300}\*\*|__[^_\n]{1,300}__"
    r"|\[[^\[\]\n]{1,300}\]\([^()\s]{1,500}\)"
    r"|^\S.*\n(?:=+|-+)\s*$",
    re.M,
)


def sniff(data: bytes, name: str) -> Container:
    """Which reader family ``data`` needs; a DocumentError for what careermap cannot read."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    for magic, what in _IMAGES:
        if data.startswith(magic):
            raise DocumentError(
                f"{name} is {what}, not a document with text. Run OCR on it (e.g. "
                "ocrmypdf, or your scanner's OCR) and give careermap the result."
            )
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        raise DocumentError(f"{name} is a WebP image, not a document with text. Run OCR first.")
    for magic, what, fix in _OTHER_BINARY:
        if data.startswith(magic):
            raise DocumentError(f"{name} is {what}, which careermap does not read. {fix}.")
    return "text"


def sniff_zip(archive: zipfile.ZipFile, name: str) -> Literal["docx", "linkedin"]:
    """A ZIP is a Word document or a LinkedIn data export; anything else is refused."""
    names = archive.namelist()
    if "word/document.xml" in names:
        return "docx"
    if {n.rsplit("/", 1)[-1].lower() for n in names} & _LINKEDIN_FILES:
        return "linkedin"
    if "mimetype" in names:
        mimetype = printable(
            read_member(archive, "mimetype", name)[:100].decode("ascii", "replace")
        )
        if "opendocument" in mimetype:
            raise DocumentError(
                f"{name} is an OpenDocument file ({mimetype}). Save it as .docx or PDF."
            )
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
        raise DocumentError(
            f"{name} is an Excel or PowerPoint file, not a résumé. Give a PDF or DOCX."
        )
    raise DocumentError(
        f"{name} is a ZIP archive but neither a Word document (.docx) nor a LinkedIn data "
        "export (Profile.csv, Positions.csv, ...). Unpack it and give the document inside."
    )


def _starts_like_html(text: str) -> bool:
    """Whether the text opens with ``<!doctype html>`` or ``<html>``, after blank space, an
    XML declaration and any comments (one pass, linear in the text)."""
    head = text[:_HTML_LOOKAHEAD]
    pos = len(head) - len(head.lstrip())
    decl = _XML_DECL.match(head, pos)
    if decl:
        pos = decl.end()
    while True:
        while pos < len(head) and head[pos].isspace():
            pos += 1
        if not head.startswith("<!--", pos):
            break
        end = head.find("-->", pos + 4)
        if end < 0:
            return False
        pos = end + 3
    return bool(_HTML_OPEN.match(head, pos))


def sniff_text(text: str) -> TextFormat:
    """HTML when it starts like a page or is tag-heavy; Markdown when it uses its marks."""
    if _starts_like_html(text):
        return "html"
    sample = text[:20_000]
    tags = len(_HTML_TAG.findall(sample))
    if sample.lstrip().startswith("<") and tags >= 2:
        return "html"
    headings = len(_MD_HEADING.findall(sample))
    marks = len(_MD_MARKS.findall(sample))
    if tags >= 5 and tags > headings + marks:
        return "html"
    if headings >= 1 or marks >= 2:
        return "markdown"
    return "text"
