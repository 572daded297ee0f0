"""Properties every reader keeps for any input: a Document or one clean DocumentError.

Hypothesis generates the inputs: arbitrary text and bytes for the text formats, markup and
cell contents for HTML and LinkedIn exports, damaged bytes of real PDF and DOCX files. For
each, careermap either reads a Document whose sections, positions and text are consistent
and free of control characters, and whose extraction points at its own text, or refuses it
with a one-line ``DocumentError``. Examples are bounded so the suite stays fast.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careermap.documents import Document, read
from careermap.errors import DocumentError
from careermap.extract import extract
from docs_factory import docx_bytes, linkedin_zip_bytes, pdf_bytes, resume_markdown

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BOUNDED = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(doc: Document) -> None:
    text = doc.text
    assert not UNSAFE.search(text.replace("\n", "").replace("\t", ""))
    previous_end = 0
    for section in doc.sections:
        assert previous_end <= section.start <= section.body_start <= section.end <= len(text)
        previous_end = section.start
    for position in doc.positions:
        for value in (position.title, position.organisation):
            assert value is None or not UNSAFE.search(value)
    for warning in doc.metadata.warnings:
        assert "\n" not in warning and not UNSAFE.search(warning)
    for mention in extract(doc, semantic=False).mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text


def _read_or_refuse(data: bytes, name: str) -> None:
    try:
        doc = read(data, name=name)
    except DocumentError as exc:
        assert "\n" not in exc.message
        assert not UNSAFE.search(exc.message)
        return
    _check(doc)


# ---- text formats ---------------------------------------------------------------------
_RESUME_LINES = resume_markdown().splitlines()
_NASTY = st.sampled_from(
    ["\x00", "\x1b[31m", "\x1b]8;;http://x\x07", "[/]", "[bold]", "<!--", "-->", "\u202e",
     "\r", "\u2028", "\ufeff", "**", "# ", "- ", "|", "<b>", "&amp;", "\x85", "é", "\ud7ff"]
)  # fmt: skip
_LINE = st.one_of(st.sampled_from(_RESUME_LINES), st.text(max_size=60), _NASTY)
_DOCUMENT = st.lists(_LINE, min_size=1, max_size=40).map("\n".join)


@BOUNDED
@given(_DOCUMENT, st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_text_and_markdown_in_any_encoding(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    _read_or_refuse(data, "resume.md")
    _read_or_refuse(data, "resume.txt")


@BOUNDED
@given(st.binary(max_size=2_000))
def test_arbitrary_bytes(data: bytes) -> None:
    _read_or_refuse(data, "upload")


_TAG = st.sampled_from(["div", "p", "h1", "h2", "ul", "li", "table", "tr", "td", "b", "span"])


@st.composite
def _html(draw: st.DrawFn) -> str:
    parts: list[str] = ["<html><body>"]
    for _ in range(draw(st.integers(0, 60))):
        kind = draw(st.integers(0, 4))
        tag = draw(_TAG)
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(_LINE).replace("<", "&lt;"))
        elif kind == 3:
            parts.append(draw(st.sampled_from(["<!-- x -->", "<!--", "<script>x", "<br>"])))
        else:
            parts.append(draw(_NASTY))
    return "".join(parts)


@BOUNDED
@given(_html())
def test_html_of_any_shape(html: str) -> None:
    _read_or_refuse(html.encode("utf-8"), "page.html")


# ---- LinkedIn export --------------------------------------------------------------------
@cache
def _export_members() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(linkedin_zip_bytes())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@BOUNDED
@given(st.lists(st.text(max_size=40), min_size=6, max_size=6), st.text(max_size=30))
def test_linkedin_export_with_any_cells(cells: list[str], skill: str) -> None:
    members = dict(_export_members())
    positions = io.StringIO()
    csv.writer(positions).writerows(
        [["Company Name", "Title", "Description", "Location", "Started On", "Finished On"], cells]
    )
    members["Positions.csv"] = positions.getvalue().encode("utf-8")
    members["Skills.csv"] = f"Name\n{skill}\nPython\n".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    _read_or_refuse(out.getvalue(), "export.zip")


# ---- damaged binary formats -----------------------------------------------------------
@cache
def _valid(kind: str) -> bytes:
    return {"pdf": pdf_bytes, "docx": docx_bytes}[kind]()


@st.composite
def _damaged(draw: st.DrawFn, kind: str) -> bytes:
    data = bytearray(_valid(kind))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.integers(0, 2))
        if op == 0:
            data[at] = draw(st.integers(0, 255))
        elif op == 1:
            del data[at : at + draw(st.integers(1, 64))]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        if not data:
            data = bytearray(b"%")
    return bytes(data)


@BOUNDED
@given(_damaged("pdf"))
def test_damaged_pdf(data: bytes) -> None:
    _read_or_refuse(data, "resume.pdf")


@BOUNDED
@given(_damaged("docx"))
def test_damaged_docx(data: bytes) -> None:
    _read_or_refuse(data, "resume.docx")


def test_the_undamaged_files_are_read() -> None:
    for kind in ("pdf", "docx"):
        doc = read(_valid(kind), name=f"resume.{kind}")
        assert "Python" in doc.text
        _check(doc)
