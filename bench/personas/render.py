"""Render a persona's ``source.md`` into the bytes of the résumé format it is read in.

Run: python bench/personas/render.py PERSONA_DIR [--format FORMAT] [-o OUT]

The rendering is deterministic (same source, same bytes) and happens in memory; nothing
binary is kept in the repository. The Markdown is the small subset résumés use: ``#`` the
name, ``##`` sections, ``###`` positions, ``-`` bullets, ``1.`` numbered items, ``---``
rules, ``**bold**``, ``*italic*`` and ``[text](url)``.

- ``md``: the source itself.
- ``txt``: plain text that keeps the source's line layout; section headings in capitals.
- ``html``: a plain HTML page (h1/h2/h3, paragraphs, lists).
- ``docx``: python-docx with Word's own styles (Title, Heading 1, Heading 2, List Bullet,
  List Number) and bold and italic runs.
- ``pdf``: reportlab with a real text layer in Bitstream Vera Sans (the TrueType font that
  ships with reportlab, embedded); source line breaks are kept and long lines wrap.
- ``linkedin``: a LinkedIn "Get a copy of your data" ZIP: Profile.csv, Email Addresses.csv,
  Positions.csv (one row per ``###`` position), Education.csv, Skills.csv and
  Certifications.csv.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

__all__ = ["FORMATS", "Block", "parse", "render", "render_persona"]

FORMATS = ("md", "txt", "docx", "pdf", "html", "linkedin")
Format = Literal["md", "txt", "docx", "pdf", "html", "linkedin"]

#: every timestamp written into a ZIP or a document's properties
FIXED_TIME = datetime(2026, 12, 1, 9, 0, 0)

BlockKind = Literal["h1", "h2", "h3", "para", "bullet", "number", "rule"]


@dataclass
class Block:
    """One block of the source: a heading, a paragraph, a list item or a rule."""

    kind: BlockKind
    lines: list[str] = field(default_factory=list)  # source lines, markers removed

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)


_BULLET = re.compile(r"^[-*] +(.*)$")
_NUMBER = re.compile(r"^\d+\. +(.*)$")


def _continues(block: Block, raw: str) -> bool:
    """Whether a source line carries on ``block``: an indented line under a list item, or any
    line of a paragraph but one that opens with bold."""
    if block.kind in ("bullet", "number"):
        return raw[:1] == " "
    return block.kind == "para" and not raw.strip().startswith("**")


def parse(source: str) -> list[Block]:
    """The source's blocks in order. A paragraph line that starts with ``**`` opens a new
    paragraph (a bold-labelled layout line, as in "**Languages:** Python, Go")."""
    blocks: list[Block] = []
    current: Block | None = None
    for raw in source.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            current = None
            continue
        heading = re.match(r"^(#{1,3}) +(.*)$", stripped)
        if heading:
            levels: tuple[BlockKind, ...] = ("h1", "h2", "h3")
            kind = levels[len(heading.group(1)) - 1]
            blocks.append(Block(kind, [heading.group(2).strip()]))
            current = None
        elif stripped in ("---", "***", "___"):
            blocks.append(Block("rule"))
            current = None
        elif bullet := _BULLET.match(stripped):
            current = Block("bullet", [bullet.group(1)])
            blocks.append(current)
        elif number := _NUMBER.match(stripped):
            current = Block("number", [number.group(1)])
            blocks.append(current)
        elif current is not None and _continues(current, raw):
            current.lines.append(stripped)
        else:
            current = Block("para", [stripped])
            blocks.append(current)
    return blocks


# ---- inline marks ------------------------------------------------------------------------

_INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)]+)\)")


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


def spans(text: str) -> list[Span]:
    """Text cut into plain, bold and italic runs; a link keeps only its text."""
    out: list[Span] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            out.append(Span(text[pos : m.start()]))
        if m.group(1) is not None:
            out.append(Span(m.group(1), bold=True))
        elif m.group(2) is not None:
            out.append(Span(m.group(2), italic=True))
        else:
            out.append(Span(m.group(3)))
        pos = m.end()
    if pos < len(text):
        out.append(Span(text[pos:]))
    return out


def plain(text: str) -> str:
    return "".join(s.text for s in spans(text))


# ---- md, txt, html -----------------------------------------------------------------------


def render_txt(blocks: list[Block]) -> bytes:
    out: list[str] = []
    for b in blocks:
        if b.kind == "h1":
            out += [plain(b.text), ""]
        elif b.kind == "h2":
            out += ["", plain(b.text).upper(), ""]
        elif b.kind == "h3":
            out += ["", plain(b.text)]
        elif b.kind == "rule":
            out.append("")
        elif b.kind in ("bullet", "number"):
            out.append("• " + plain(b.lines[0]))
            out += ["  " + plain(line) for line in b.lines[1:]]
        else:
            out += [plain(line) for line in b.lines]
            out.append("")
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"
    return text.encode("utf-8")


def _html_inline(text: str) -> str:
    parts = []
    for s in spans(text):
        t = html.escape(s.text, quote=False)
        parts.append(f"<strong>{t}</strong>" if s.bold else f"<em>{t}</em>" if s.italic else t)
    return "".join(parts)


def render_html(blocks: list[Block]) -> bytes:
    name = plain(blocks[0].text) if blocks and blocks[0].kind == "h1" else "Résumé"
    body: list[str] = []
    open_list: str | None = None
    for b in blocks:
        tag = {"bullet": "ul", "number": "ol"}.get(b.kind)
        if open_list and tag != open_list:
            body.append(f"</{open_list}>")
            open_list = None
        if tag and not open_list:
            body.append(f"<{tag}>")
            open_list = tag
        inner = "\n".join(_html_inline(line) for line in b.lines)
        if b.kind == "h1":
            body.append(f"<h1>{inner}</h1>")
        elif b.kind == "h2":
            body.append(f"<h2>{inner}</h2>")
        elif b.kind == "h3":
            body.append(f"<h3>{inner}</h3>")
        elif b.kind == "rule":
            body.append("<hr>")
        elif tag:
            body.append(f"<li>{inner}</li>")
        else:
            body.append(f"<p>{inner}</p>")
    if open_list:
        body.append(f"</{open_list}>")
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(name)} - CV</title>\n"
        "<style>body{font-family:Georgia,serif;max-width:46em;margin:2em auto}"
        "h2{border-bottom:1px solid #999}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
    return page.encode("utf-8")


# ---- docx --------------------------------------------------------------------------------


def _fixed_zip(data: bytes) -> bytes:
    """The same ZIP with every member stamped at FIXED_TIME (python-docx stamps 'now')."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def render_docx(blocks: list[Block]) -> bytes:
    import docx

    document = docx.Document()
    name = plain(blocks[0].text) if blocks and blocks[0].kind == "h1" else ""
    props = document.core_properties
    props.author = props.last_modified_by = name
    props.title = f"{name} - CV"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    style_of = {
        "h1": "Title",
        "h2": "Heading 1",
        "h3": "Heading 2",
        "bullet": "List Bullet",
        "number": "List Number",
        "para": None,
    }
    for b in blocks:
        if b.kind == "rule":
            continue
        paragraph = document.add_paragraph(style=style_of[b.kind])
        for s in spans(b.text):
            run = paragraph.add_run(s.text)
            run.bold = s.bold or None
            run.italic = s.italic or None
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


# ---- pdf ---------------------------------------------------------------------------------


def _fonts() -> tuple[str, str, set[int]]:
    """Bitstream Vera Sans (shipped inside reportlab), embedded so the text layer maps every
    glyph back to its character; returns the regular and bold names and the covered code points."""
    import reportlab  # type: ignore[import-untyped]
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
    from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]

    folder = Path(reportlab.__file__).parent / "fonts"
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", str(folder / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("Vera-Bold", str(folder / "VeraBd.ttf")))
    face = pdfmetrics.getFont("Vera").face
    return "Vera", "Vera-Bold", set(face.charToGlyph)


def render_pdf(blocks: list[Block]) -> bytes:
    from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
    from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
    from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

    regular, bold, glyphs = _fonts()

    width, height = A4
    left, right, top, bottom = 54.0, 54.0, 56.0, 56.0
    text_width = width - left - right
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    name = plain(blocks[0].text) if blocks and blocks[0].kind == "h1" else ""
    pdf.setTitle(f"{name} - CV")
    pdf.setAuthor(name)
    page = 1
    y = height - top

    def check(text: str) -> None:
        missing = sorted({ch for ch in text if ord(ch) not in glyphs})
        if missing:
            raise ValueError(
                f"{''.join(missing)!r} cannot be drawn in {regular}; "
                "use other characters in this PDF persona's source"
            )

    def footer() -> None:
        pdf.setFont(regular, 8)
        pdf.drawRightString(width - right, bottom / 2, f"{name} - page {page}")

    def new_line(step: float) -> None:
        nonlocal y, page
        if y - step < bottom:
            footer()
            pdf.showPage()
            page += 1
            y = height - top
        y -= step

    def wrap(text: str, font: str, size: float, room: float) -> list[str]:
        words, lines, now = text.split(" "), [], ""
        for word in words:
            trial = f"{now} {word}".strip()
            if now and stringWidth(trial, font, size) > room:
                lines.append(now)
                now = word
            else:
                now = trial
        return [*lines, now] if now else lines

    def draw(text: str, font: str, size: float, indent: float = 0.0, first: str = "") -> None:
        check(text)
        room = text_width - indent
        for n, line in enumerate(wrap(text, font, size, room)):
            new_line(size + 3.5)
            pdf.setFont(font, size)
            if n == 0 and first:  # the mark and the text in one string, as word processors do
                pdf.drawString(left + indent - 10, y, f"{first} {line}")
            else:
                pdf.drawString(left + indent, y, line)

    number = 0
    for b in blocks:
        number = number + 1 if b.kind == "number" else 0
        if b.kind == "h1":
            draw(plain(b.text), bold, 17)
            y -= 4
        elif b.kind == "h2":
            y -= 8
            draw(plain(b.text).upper(), bold, 11.5)
            pdf.setLineWidth(0.5)
            pdf.line(left, y - 3, width - right, y - 3)
            y -= 4
        elif b.kind == "h3":
            y -= 4
            draw(plain(b.text), bold, 10)
        elif b.kind == "rule":
            y -= 6
        elif b.kind in ("bullet", "number"):
            mark = f"{number}." if b.kind == "number" else "•"
            draw(plain(b.text), regular, 9.5, indent=14, first=mark)
        else:
            whole_bold = all(s.bold for s in spans(b.text))
            for line in b.lines:
                draw(plain(line), bold if whole_bold else regular, 9.5)
            y -= 3
    footer()
    pdf.showPage()
    pdf.save()
    return out.getvalue()


# ---- LinkedIn export ---------------------------------------------------------------------

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH} )?\d{{4}}"
_RANGE = re.compile(
    rf"^(?P<start>{_DATE})(?: *[–-] *(?P<end>{_DATE}|[Pp]resent|[Nn]ow|[Cc]urrent))?$"
)
_SECTION_KIND = (
    ("summary", ("about", "summary", "profile")),
    ("experience", ("experience", "employment", "work history", "positions")),
    ("education", ("education",)),
    ("skills", ("skills",)),
    ("certifications", ("certification", "licen")),
)


def _kind_of(heading: str) -> str:
    low = heading.lower()
    for kind, words in _SECTION_KIND:
        if any(w in low for w in words):
            return kind
    raise ValueError(f"section {heading!r} has no place in a LinkedIn export; rename or drop it")


def _dates(text: str) -> tuple[str, str]:
    m = _RANGE.match(text.strip())
    if not m:
        raise ValueError(f"{text!r} is not a date range like 'Mar 2021 – Present'")
    end = m.group("end") or ""
    return m.group("start"), "" if end.lower() in ("present", "now", "current") else end


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def render_linkedin(blocks: list[Block]) -> bytes:
    if not blocks or blocks[0].kind != "h1":
        raise ValueError("a LinkedIn persona's source starts with '# Name'")
    first, _, last = plain(blocks[0].text).partition(" ")
    headline = email = location = ""
    sections: dict[str, list[Block]] = {}
    kind = "head"
    for b in blocks[1:]:
        if b.kind == "h2":
            kind = _kind_of(b.text)
            sections.setdefault(kind, [])
        elif kind == "head":
            text = plain(b.text)
            if "@" in text:
                parts = [p.strip() for p in text.split("·")]
                email = next(p for p in parts if "@" in p)
                location = parts[1] if len(parts) > 1 else ""
            elif not headline:
                headline = text
        else:
            sections[kind].append(b)

    summary = "\n\n".join(plain(b.text) for b in sections.get("summary", []))

    positions: list[list[str]] = []
    job: list[str] | None = None
    for b in sections.get("experience", []):
        if b.kind == "h3":
            head, _, when = plain(b.text).rpartition(" — ")
            title, _, company = head.rpartition(" at ")
            if not title:
                raise ValueError(f"position {b.text!r} is not 'Title at Company — dates'")
            start, end = _dates(when)
            job = [company, title, "", "", start, end]
            positions.append(job)
        elif job is None:
            raise ValueError("text before the first position in the experience section")
        else:
            line = plain(b.text)
            line = f"• {line}" if b.kind == "bullet" else line
            job[2] = f"{job[2]}\n{line}" if job[2] else line

    education: list[list[str]] = []
    for b in sections.get("education", []):
        head, _, when = plain(b.text).rpartition(" — ")
        degree, _, school = head.partition(", ")
        start, end = _dates(when)
        education.append([school, start, end, "", degree, ""])

    skills = [
        [s.strip()]
        for b in sections.get("skills", [])
        for s in plain(b.text).split(",")
        if s.strip()
    ]

    certifications: list[list[str]] = []
    for b in sections.get("certifications", []):
        parts = [p.strip() for p in plain(b.text).split(" — ")]
        if len(parts) != 3:
            raise ValueError(f"certification {b.text!r} is not 'Name — Authority — Mon YYYY'")
        certifications.append([parts[0], "", parts[1], parts[2], "", ""])

    files = {
        "Profile.csv": _csv(
            ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline",
             "Summary", "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
             "Instant Messengers"],
            [[first, last, "", "", "", headline, summary, "", "", location, "", "", ""]],
        ),
        "Email Addresses.csv": _csv(
            ["Email Address", "Confirmed", "Primary", "Updated On"],
            [[email, "Yes", "Yes", "1/12/26, 9:00 AM"]],
        ),
        "Positions.csv": _csv(
            ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
            positions,
        ),
        "Education.csv": _csv(
            ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"],
            education,
        ),
        "Skills.csv": _csv(["Name"], skills),
        "Certifications.csv": _csv(
            ["Name", "Url", "Authority", "Started On", "Finished On", "License Number"],
            certifications,
        ),
    }  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for filename, content in files.items():
            info = zipfile.ZipInfo(filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return out.getvalue()


# ---- entry points ------------------------------------------------------------------------


def render(source: str, fmt: str) -> bytes:
    """The résumé ``source`` (Markdown) as the bytes of ``fmt``."""
    if fmt == "md":
        return source.encode("utf-8")
    blocks = parse(source)
    makers = {
        "txt": render_txt,
        "html": render_html,
        "docx": render_docx,
        "pdf": render_pdf,
        "linkedin": render_linkedin,
    }
    if fmt not in makers:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return makers[fmt](blocks)


def render_persona(folder: Path, fmt: str | None = None) -> bytes:
    """A persona folder's source in its own format (from expect.yaml) or in ``fmt``."""
    if fmt is None:
        match = re.search(r"^format: *(\w+)", (folder / "expect.yaml").read_text(), re.M)
        if not match:
            raise ValueError(f"{folder / 'expect.yaml'} has no 'format:' line")
        fmt = match.group(1)
    return render((folder / "source.md").read_text(encoding="utf-8"), fmt)


SUFFIX = {"md": ".md", "txt": ".txt", "docx": ".docx", "pdf": ".pdf", "html": ".html",
          "linkedin": ".zip"}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("persona", type=Path, help="a persona folder (source.md, expect.yaml)")
    parser.add_argument("--format", choices=FORMATS, help="default: the persona's own format")
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    data = render_persona(args.persona, args.format)
    if args.output:
        args.output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
