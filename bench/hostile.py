"""Hostile documents for careermap's reader: seeded, deterministic, built in memory.

Three kinds of case for each format (pdf, docx, html, md, txt, linkedin, zip-misc):

- ``seed``: a valid, realistic one- or two-page résumé rendered in the format;
- ``mutation``: a seed damaged by one to three operators (bit flips, byte insertions and
  deletions, truncation, chunk duplication and shuffling, splicing with another file, and
  format-aware ones: ZIP header fields, PDF numbers, names, objects and streams, the XML
  inside a DOCX, the CSVs inside a LinkedIn export, characters and markup in text);
- ``structural``: a named attack on one known weak spot (comment floods, deep nesting,
  entity expansion, flate and zip bombs, huge counts and spans, hostile encodings, ...).

Each case builds its bytes only when asked (``Case.build()``), from its own random
generator seeded by the run seed and the case's index, so one case can be rebuilt alone
and a run is the same for the same seed.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import random
import re
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["EXTENSIONS", "FORMATS", "Case", "generate"]

FORMATS = ("pdf", "docx", "html", "md", "txt", "linkedin", "zip-misc")
EXTENSIONS = {
    "pdf": "pdf",
    "docx": "docx",
    "html": "html",
    "md": "md",
    "txt": "txt",
    "linkedin": "zip",
    "zip-misc": "zip",
}
#: careermap's default document limit (``max_document_mb`` = 10 MiB)
LIMIT = 10 * 1024 * 1024
_SEEDS_PER_FORMAT = 8


@dataclass(frozen=True)
class Case:
    """One hostile input: where it comes from, and how to build its bytes."""

    index: int
    format: str
    name: str
    family: str
    kind: str  # "seed", "mutation" or "structural"
    make: Callable[[random.Random], bytes] = field(repr=False, compare=False)
    seed: int = 0
    #: text the document must never show (the content of a file an external entity names)
    forbidden: str | None = None

    @property
    def label(self) -> str:
        return f"{self.format}/{self.name}"

    @property
    def filename(self) -> str:
        return f"{self.index:05d}-{self.format}-{self.name}.{EXTENSIONS[self.format]}"

    def build(self) -> bytes:
        return self.make(random.Random(f"{self.seed}:{self.format}:{self.name}"))


# --------------------------------------------------------------------------- résumés

_FIRST = ["Jane", "Amir", "Li", "Sofia", "Kwame", "María", "Olga", "Raj", "Chloé", "Tomasz"]
_LAST = ["Example", "Okafor", "Nguyen", "García", "Kowalski", "Tanaka", "Müller", "Singh"]
_CITIES = ["London", "Leeds", "Berlin", "Lagos", "Toronto", "Austin, TX", "Madrid", "Pune"]
_TITLES = [
    "Data Analyst",
    "Senior Data Analyst",
    "Machine Learning Engineer",
    "Software Engineer",
    "Data Scientist",
    "Product Manager",
    "MLOps Engineer",
    "Prompt Engineer",
    "NLP Engineer",
    "Marketing Analyst",
    "Research Scientist",
    "Backend Developer",
]
_ORGS = [
    "Acme Corp",
    "Beta Ltd",
    "Gamma Group",
    "Delta Analytics",
    "Epsilon Health",
    "Zeta Retail",
    "Omega Bank",
    "Northwind Traders",
    "Contoso Ltd",
    "Initech",
]
_SKILLS = [
    "Python",
    "SQL",
    "pandas",
    "PyTorch",
    "TensorFlow",
    "scikit-learn",
    "Docker",
    "Kubernetes",
    "AWS",
    "GCP",
    "Azure",
    "LangChain",
    "Hugging Face Transformers",
    "RAG",
    "prompt engineering",
    "LoRA",
    "MLflow",
    "Airflow",
    "Spark",
    "Tableau",
    "Power BI",
    "Excel",
    "Git",
    "FastAPI",
    "PostgreSQL",
    "vector databases",
    "NLP",
    "computer vision",
    "A/B testing",
    "statistics",
    "Java",
    "TypeScript",
    "React",
    "CI/CD",
    "Terraform",
    "LLM evaluation",
    "fine-tuning",
]
_BULLETS = [
    "Built {a} pipelines in {s} and {t} for {n} stores.",
    "Led a team of {n} engineers shipping {a} features with {s}.",
    "Automated weekly reporting with {s} and {t}, saving {n} hours a month.",
    "Designed a {a} assistant using {s} over {n} thousand support tickets.",
    "Fine-tuned models with {s}; evaluated them with {t} and human review.",
    "Migrated {n} services to {s} on {t}, cutting costs by {n}%.",
    "Mentored {n} junior analysts in {s} and {t}.",
    "Ran {n} experiments with {s}; presented results to the leadership team.",
]
_ADJ = ["forecasting", "retrieval", "recommendation", "search", "reporting", "chat"]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass
class Job:
    title: str
    org: str
    city: str
    start: tuple[int, int]
    end: tuple[int, int] | None
    bullets: list[str]


@dataclass
class Resume:
    name: str
    email: str
    city: str
    headline: str
    summary: str
    jobs: list[Job]
    skills: list[str]
    education: list[tuple[str, str, int, int]]
    projects: list[tuple[str, str]]
    certifications: list[tuple[str, str, int]]
    languages: list[tuple[str, str]]


def make_resume(rng: random.Random, jobs: int | None = None, bullets: int | None = None) -> Resume:
    """A fictional résumé; three to five jobs of two to five bullets unless told."""
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    year, month = 2025, rng.randint(1, 12)
    made: list[Job] = []
    for n in range(jobs if jobs is not None else rng.randint(3, 5)):
        length = rng.randint(8, 40)
        start_total = year * 12 + month - 1 - length
        start = (start_total // 12, start_total % 12 + 1)
        lines = []
        for _ in range(bullets if bullets is not None else rng.randint(2, 5)):
            s, t = rng.sample(_SKILLS, 2)
            lines.append(
                rng.choice(_BULLETS).format(s=s, t=t, a=rng.choice(_ADJ), n=rng.randint(2, 90))
            )
        made.append(
            Job(
                rng.choice(_TITLES),
                rng.choice(_ORGS),
                rng.choice(_CITIES),
                start,
                None if n == 0 else (year, month),
                lines,
            )
        )
        year, month = start[0], start[1]
        if start[0] < 1960:
            break
    skills = rng.sample(_SKILLS, rng.randint(6, 14))
    title = made[0].title if made else rng.choice(_TITLES)
    return Resume(
        name=f"{first} {last}",
        email=f"{first.lower()}.{last.lower()}@example.com",
        city=rng.choice(_CITIES),
        headline=f"{title} at {made[0].org if made else 'Acme Corp'}",
        summary=(
            f"{title} with {rng.randint(2, 15)} years of experience in {skills[0]}, "
            f"{skills[1]} and {skills[2]}, moving into generative AI."
        ),
        jobs=made,
        skills=skills,
        education=[("MSc Statistics", "University of Leeds", 2012, 2013)],
        projects=[("Résumé chatbot", f"A retrieval-augmented assistant built with {skills[3]}.")],
        certifications=[("AWS Certified Cloud Practitioner", "Amazon Web Services", 2023)],
        languages=[("English", "Native"), ("Spanish", "Limited working")],
    )


def _ym(value: tuple[int, int] | None, style: int) -> str:
    if value is None:
        return "Present"
    y, m = value
    if style == 0:
        return f"{_MONTHS[m - 1]} {y}"
    if style == 1:
        return f"{m:02d}/{y}"
    return str(y)


def _dates(job: Job, style: int) -> str:
    return f"{_ym(job.start, style)} – {_ym(job.end, style)}"


def resume_lines(r: Resume) -> list[tuple[str, str]]:
    """The résumé as (kind, text) lines: kind is title, heading, job, bullet or body."""
    out = [("title", r.name), ("body", f"{r.email} · {r.city}"), ("heading", "Summary")]
    out += [("body", r.summary), ("heading", "Work Experience")]
    for n, job in enumerate(r.jobs):
        style = n % 3
        if n % 2:
            out.append(("job", f"{job.title} | {job.org} | {_dates(job, style)}"))
        else:
            out += [("job", f"{job.title}, {job.org} — {_dates(job, style)}")]
        out += [("bullet", b) for b in job.bullets]
    out += [("heading", "Skills"), ("body", ", ".join(r.skills)), ("heading", "Education")]
    out += [("body", f"{d}, {s}, {y0}–{y1}") for d, s, y0, y1 in r.education]
    out += [("heading", "Projects")] + [("body", f"{t}: {d}") for t, d in r.projects]
    out += [("heading", "Certifications")]
    out += [("body", f"{c} ({a}, {y})") for c, a, y in r.certifications]
    out += [("heading", "Languages"), ("body", ", ".join(f"{a} ({b})" for a, b in r.languages))]
    return out


def render_markdown(r: Resume) -> str:
    out = []
    for kind, text in resume_lines(r):
        if kind == "title":
            out += [f"# {text}", ""]
        elif kind == "heading":
            out += ["", f"## {text}", ""]
        elif kind == "job":
            out += ["", f"**{text}**", ""]
        elif kind == "bullet":
            out.append(f"- {text}")
        else:
            out += [text, ""]
    return "\n".join(out) + "\n"


def render_text(r: Resume) -> str:
    out = []
    for kind, text in resume_lines(r):
        if kind == "heading":
            out += ["", text.upper()]
        elif kind == "bullet":
            out.append(f"• {text}")
        else:
            out.append(text)
    return "\n".join(out) + "\n"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_html(r: Resume) -> str:
    body = []
    in_list = False
    for kind, text in resume_lines(r):
        if kind != "bullet" and in_list:
            body.append("</ul>")
            in_list = False
        if kind == "title":
            body.append(f"<h1>{_esc(text)}</h1>")
        elif kind == "heading":
            body.append(f"<h2>{_esc(text)}</h2>")
        elif kind == "job":
            body.append(f"<p><strong>{_esc(text)}</strong></p>")
        elif kind == "bullet":
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{_esc(text)}</li>")
        else:
            body.append(f"<p>{_esc(text)}</p>")
    if in_list:
        body.append("</ul>")
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>CV</title>"
        "<style>h2{color:#333}</style><script>var t = 'not part of the résumé';</script>"
        "</head><body><nav><a href='/'>Home</a></nav>\n" + "\n".join(body) + "\n</body></html>\n"
    )


# --------------------------------------------------------------------------- ZIP

_DATE_TIME = (2024, 1, 1, 0, 0, 0)


def zip_files(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A well-formed ZIP with fixed timestamps (so the bytes are the same every run)."""
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as archive:
        warnings.simplefilter("ignore")  # duplicate names are made on purpose
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=_DATE_TIME)
            info.compress_type = method
            archive.writestr(info, content)
    return out.getvalue()


def unzip(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(i.filename, archive.read(i)) for i in archive.infolist()]


def deflate(data: bytes, level: int = 6) -> bytes:
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


@dataclass
class RawMember:
    """A ZIP member written exactly as given, lies included."""

    name: bytes
    payload: bytes
    method: int = 8
    crc: int = 0
    usize: int = 0
    csize: int | None = None
    flags: int = 0
    local_name: bytes | None = None
    extra: bytes = b""


def raw_member(name: str, data: bytes, method: int = 8, flags: int = 0) -> RawMember:
    payload = deflate(data) if method == 8 else data
    return RawMember(
        name.encode("utf-8"),
        payload,
        method=method,
        crc=zlib.crc32(data),
        usize=len(data),
        flags=flags,
    )


def raw_zip(
    members: list[RawMember], *, entries: int | None = None, cd_shift: int = 0, comment: bytes = b""
) -> bytes:
    """Local headers, data, central directory and end record, fields taken as given."""
    out = bytearray()
    central = bytearray()
    for m in members:
        offset = len(out)
        csize = len(m.payload) if m.csize is None else m.csize
        local = m.name if m.local_name is None else m.local_name
        out += struct.pack(
            "<4sHHHHHIIIHH",
            b"PK\x03\x04",
            20,
            m.flags,
            m.method,
            0,
            0x5821,
            m.crc & 0xFFFFFFFF,
            csize & 0xFFFFFFFF,
            m.usize & 0xFFFFFFFF,
            len(local),
            len(m.extra),
        )
        out += local + m.extra + m.payload
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            m.flags,
            m.method,
            0,
            0x5821,
            m.crc & 0xFFFFFFFF,
            csize & 0xFFFFFFFF,
            m.usize & 0xFFFFFFFF,
            len(m.name),
            len(m.extra),
            0,
            0,
            0,
            0,
            offset,
        )
        central += m.name + m.extra
    cd_offset = len(out)
    out += central
    count = len(members) if entries is None else entries
    out += struct.pack(
        "<4sHHHHIIH",
        b"PK\x05\x06",
        0,
        0,
        count & 0xFFFF,
        count & 0xFFFF,
        len(central),
        (cd_offset + cd_shift) & 0xFFFFFFFF,
        len(comment),
    )
    return bytes(out + comment)


def zip_fields(data: bytes) -> list[tuple[int, int]]:
    """(offset, width) of every length, offset, size, CRC, method and flag field in a ZIP."""
    fields: list[tuple[int, int]] = []
    for m in re.finditer(rb"PK\x03\x04", data):
        o = m.start()
        fields += [(o + 6, 2), (o + 8, 2), (o + 14, 4), (o + 18, 4), (o + 22, 4)]
        fields += [(o + 26, 2), (o + 28, 2)]
    for m in re.finditer(rb"PK\x01\x02", data):
        o = m.start()
        fields += [(o + 8, 2), (o + 10, 2), (o + 16, 4), (o + 20, 4), (o + 24, 4)]
        fields += [(o + 28, 2), (o + 30, 2), (o + 32, 2), (o + 34, 2), (o + 42, 4)]
    for m in re.finditer(rb"PK\x05\x06", data):
        o = m.start()
        fields += [(o + 8, 2), (o + 10, 2), (o + 12, 4), (o + 16, 4), (o + 20, 2)]
    return [(o, w) for o, w in fields if o + w <= len(data)]


_ZIP_VALUES = [0, 1, 2, 8, 9, 12, 14, 93, 95, 98, 99, 0x7FFF, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF]


def mutate_zip_header(rng: random.Random, data: bytes) -> bytes:
    """Set one header field (a size, an offset, a method, flags, a CRC...) to a hostile value."""
    fields = zip_fields(data)
    if not fields:
        return bit_flips(rng, data)
    out = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 3])):
        offset, width = rng.choice(fields)
        old = int.from_bytes(out[offset : offset + width], "little")
        choice = rng.random()
        if choice < 0.5:
            value = rng.choice(_ZIP_VALUES)
        elif choice < 0.8:
            value = old + rng.choice([-2, -1, 1, 2, 16, -16, 1000])
        else:
            value = rng.getrandbits(8 * width)
        out[offset : offset + width] = (value % (1 << (8 * width))).to_bytes(width, "little")
    return bytes(out)


# --------------------------------------------------------------------------- PDF


def pdf_literal(text: str) -> bytes:
    """A PDF literal string in WinAnsi bytes, with every byte outside printable ASCII escaped."""
    raw = text.encode("cp1252", "replace")
    out = bytearray(b"(")
    for b in raw:
        if b in b"()\\":
            out += b"\\" + bytes([b])
        elif 32 <= b < 127:
            out.append(b)
        else:
            out += b"\\%03o" % b
    return bytes(out + b")")


def pdf_stream(data: bytes, extra: bytes = b"", *, compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf_document(
    objects: list[bytes], *, root: int = 1, trailer: bytes = b"", header: bytes = b"%PDF-1.7"
) -> bytes:
    """Objects 1..n with a correct cross-reference table."""
    out = bytearray(header + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        trailer,
        xref,
    )
    return bytes(out)


def page_content(lines: list[str], size: int = 10, top: int = 800) -> bytes:
    shown = b" T*\n".join(pdf_literal(t) + b" Tj" for t in lines)
    return b"BT /F1 %d Tf %d TL 50 %d Td\n" % (size, size + 4, top) + shown + b"\nET"


def text_pdf(
    pages: list[list[str]],
    *,
    compress: bool = False,
    mediabox: bytes = b"[0 0 595 842]",
    size: int = 10,
    top: int = 800,
) -> bytes:
    """A PDF with one Helvetica text block per page: catalog 1, pages 2, font 3."""
    n = len(pages)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (mediabox, 5 + 2 * i)
        )
        objects.append(pdf_stream(page_content(lines, size, top), compress=compress))
    return pdf_document(objects)


def paginate(lines: list[str], per_page: int = 52, width: int = 95) -> list[list[str]]:
    wrapped: list[str] = []
    for line in lines:
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            cut = cut if cut > 0 else width
            wrapped.append(line[:cut])
            line = line[cut:].lstrip()
        wrapped.append(line)
    return [wrapped[i : i + per_page] for i in range(0, len(wrapped), per_page)] or [[]]


def reportlab_pdf(r: Resume, *, compress: bool) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1, pageCompression=1 if compress else 0)
    y = 800.0
    for kind, text in resume_lines(r):
        size = 16 if kind == "title" else 12 if kind == "heading" else 10
        for part in paginate([("• " if kind == "bullet" else "") + text], width=90)[0]:
            if y < 60:
                pdf.showPage()
                y = 800.0
            pdf.setFont("Helvetica-Bold" if size > 10 else "Helvetica", size)
            pdf.drawString(60, y, part.upper() if kind == "heading" else part)
            y -= size + 6
    pdf.showPage()
    pdf.save()
    return out.getvalue()


# --------------------------------------------------------------------------- DOCX

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@functools.cache
def _docx_template() -> tuple[list[tuple[str, bytes]], str]:
    """The members of python-docx's blank document, and its document.xml root start tag."""
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    members = unzip(out.getvalue())
    xml = dict(members)["word/document.xml"].decode("utf-8")
    start = xml[xml.index("<w:document") : xml.index("<w:body>")]
    return members, start


def docx_from_body(
    body: str,
    *,
    doctype: str = "",
    replace: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
) -> bytes:
    """A DOCX whose body is ``body`` (WordprocessingML, ``w:`` prefix) in the blank template."""
    members, start = _docx_template()
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        + doctype
        + start
        + "<w:body>"
        + body
        + "<w:sectPr/></w:body></w:document>"
    ).encode("utf-8")
    swapped = {"word/document.xml": xml, **(replace or {})}
    out = [(n, swapped.get(n, c)) for n, c in members if n not in drop]
    out += [(n, c) for n, c in swapped.items() if n not in dict(members)]
    return zip_files(out)


def w_para(text: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{_esc(text)}</w:t></w:r></w:p>'


def docx_body(r: Resume) -> str:
    styles = {"title": "Title", "heading": "Heading2", "bullet": "ListBullet"}
    return "".join(w_para(text, styles.get(kind)) for kind, text in resume_lines(r))


def python_docx_bytes(r: Resume) -> bytes:
    """A résumé written through python-docx itself: styles, bullets, a skills table."""
    import docx

    document = docx.Document()
    for kind, text in resume_lines(r):
        if kind == "title":
            document.add_paragraph(text, style="Title")
        elif kind == "heading":
            document.add_heading(text, level=2)
            if text == "Skills":
                table = document.add_table(rows=2, cols=2)
                half = len(r.skills) // 2
                table.rows[0].cells[0].text = "Languages"
                table.rows[0].cells[1].text = ", ".join(r.skills[:half])
                table.rows[1].cells[0].text = "Tools"
                table.rows[1].cells[1].text = ", ".join(r.skills[half:])
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif not (kind == "body" and text == ", ".join(r.skills)):
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return zip_files(unzip(out.getvalue()))  # fixed timestamps


# --------------------------------------------------------------------------- LinkedIn


def csv_bytes(rows: list[list[str]], *, bom: bool = True) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig" if bom else "utf-8")


def linkedin_members(r: Resume) -> list[tuple[str, bytes]]:
    first, _, last = r.name.partition(" ")
    positions = [["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]]
    for job in r.jobs:
        positions.append(
            [
                job.org,
                job.title,
                " ".join(job.bullets),
                job.city,
                _ym(job.start, 0),
                "" if job.end is None else _ym(job.end, 0),
            ]
        )
    return [
        (
            "Profile.csv",
            csv_bytes(
                [
                    ["First Name", "Last Name", "Headline", "Summary", "Industry", "Geo Location"],
                    [first, last, r.headline, r.summary, "Software", r.city],
                ]
            ),
        ),
        ("Positions.csv", csv_bytes(positions)),
        ("Skills.csv", csv_bytes([["Name"], *([s] for s in r.skills)])),
        (
            "Education.csv",
            csv_bytes(
                [
                    ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"],
                    *([s, str(a), str(b), "", d, ""] for d, s, a, b in r.education),
                ]
            ),
        ),
        (
            "Certifications.csv",
            csv_bytes(
                [
                    ["Name", "Url", "Authority", "Started On", "Finished On", "License Number"],
                    *([c, "", a, f"Mar {y}", "", ""] for c, a, y in r.certifications),
                ]
            ),
        ),
        (
            "Projects.csv",
            csv_bytes(
                [
                    ["Title", "Description", "Url", "Started On", "Finished On"],
                    *([t, d, "", "Jan 2024", "Mar 2024"] for t, d in r.projects),
                ]
            ),
        ),
        ("Languages.csv", csv_bytes([["Name", "Proficiency"], *([a, b] for a, b in r.languages)])),
        (
            "Connections.csv",
            b'Notes:\n"When exporting your data, some fields may be empty."\n\n'
            + csv_bytes([["First Name", "Last Name"], ["Ann", "Other"]], bom=False),
        ),
    ]


def linkedin_zip(r: Resume, replace: dict[str, bytes] | None = None) -> bytes:
    members = [(n, (replace or {}).get(n, c)) for n, c in linkedin_members(r)]
    return zip_files(members)


# --------------------------------------------------------------------------- seeds


@functools.cache
def seed_resume(i: int) -> Resume:
    return make_resume(random.Random(f"seed-resume:{i}"))


@functools.cache
def seed_bytes(fmt: str, i: int) -> bytes:
    """Valid seed ``i`` of a format; DOCX and PDF alternate between two writers."""
    r = seed_resume(i)
    if fmt == "pdf":
        if i % 2:
            return reportlab_pdf(r, compress=i % 4 == 1)
        return text_pdf(paginate([t for _, t in resume_lines(r)]), compress=i % 4 == 2)
    if fmt == "docx":
        return python_docx_bytes(r) if i % 2 else docx_from_body(docx_body(r))
    if fmt == "html":
        return render_html(r).encode("utf-8")
    if fmt == "md":
        return render_markdown(r).encode("utf-8")
    if fmt == "txt":
        return render_text(r).encode("utf-8")
    if fmt == "linkedin":
        return linkedin_zip(r)
    if fmt == "zip-misc":
        return seed_bytes("docx", i) if i % 2 else seed_bytes("linkedin", i)
    raise ValueError(f"unknown format {fmt!r}")


# --------------------------------------------------------------------------- byte mutations

_INTERESTING = [
    b"\x00",
    b"\x00\x00",
    b"\xff",
    b"\x80",
    b"\xfe\xff",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\x1b[8m",
    b"%PDF-1.7",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"<",
    b">",
    b"<!--",
    b"-->",
    b"obj",
    b"endobj",
    b"stream",
    b"R",
    b"<<",
    b"[",
    b"(",
    b"\\",
    b"\r",
    b"\n" * 5,
    b"2147483647",
    b"-1",
    b"99999999999999999999",
]


def bit_flips(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 4, 8, 32])):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def insert_bytes(rng: random.Random, data: bytes) -> bytes:
    pos = rng.randrange(len(data) + 1)
    chunk = rng.choice(_INTERESTING) if rng.random() < 0.6 else rng.randbytes(rng.randint(1, 64))
    return data[:pos] + chunk * rng.choice([1, 1, 1, 3, 50]) + data[pos:]


def delete_bytes(rng: random.Random, data: bytes) -> bytes:
    if len(data) < 2:
        return data
    start = rng.randrange(len(data))
    length = rng.randint(1, max(1, min(len(data) // 4, rng.choice([1, 4, 64, 4096]))))
    return data[:start] + data[start + length :]


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(max(len(data), 1))]


def duplicate_chunk(rng: random.Random, data: bytes) -> bytes:
    if len(data) < 2:
        return data
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, min(4096, len(data))))
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[a:b] * rng.choice([1, 2, 4, 16]) + data[at:]


def shuffle_chunks(rng: random.Random, data: bytes) -> bytes:
    k = rng.randint(3, 12)
    cuts = sorted(rng.sample(range(len(data) + 1), min(k, len(data) + 1)))
    parts = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]
    i, j = rng.randrange(len(parts)), rng.randrange(len(parts))
    parts[i], parts[j] = parts[j], parts[i]
    if rng.random() < 0.3:
        rng.shuffle(parts)
    return b"".join(parts)


_NUMBERS = [b"0", b"-1", b"1", b"2147483647", b"4294967296", b"99999999999999999999", b"1e308"]


def overwrite_number(rng: random.Random, data: bytes) -> bytes:
    """Replace a run of ASCII digits (a length, offset, count, size...) by a hostile number."""
    runs = [m.span() for m in re.finditer(rb"\d+", data[:2_000_000])]
    if not runs:
        return insert_bytes(rng, data)
    out = data
    for _ in range(rng.choice([1, 1, 2, 4])):
        a, b = rng.choice(runs)
        if b > len(out):
            continue
        value = rng.choice(_NUMBERS) if rng.random() < 0.7 else str(rng.randint(0, 10**6)).encode()
        out = out[:a] + value + out[b:]
    return out


_BYTE_OPS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "bitflip": bit_flips,
    "insert": insert_bytes,
    "delete": delete_bytes,
    "truncate": truncate,
    "dup": duplicate_chunk,
    "shuffle": shuffle_chunks,
    "number": overwrite_number,
}


# --------------------------------------------------------------------------- PDF mutations

_PDF_NAMES = [
    b"/FlateDecode",
    b"/LZWDecode",
    b"/ASCIIHexDecode",
    b"/ASCII85Decode",
    b"/RunLengthDecode",
    b"/DCTDecode",
    b"/JBIG2Decode",
    b"/CCITTFaxDecode",
    b"/Crypt",
    b"/Page",
    b"/Pages",
    b"/Catalog",
    b"/Font",
    b"/XObject",
    b"/ObjStm",
    b"/XRef",
    b"/Type0",
    b"/Identity-H",
]


def pdf_name_swap(rng: random.Random, data: bytes) -> bytes:
    names = [m.span() for m in re.finditer(rb"/[A-Za-z0-9-]+", data)]
    if not names:
        return insert_bytes(rng, data)
    a, b = rng.choice(names)
    return data[:a] + rng.choice(_PDF_NAMES) + data[b:]


def pdf_reference(rng: random.Random, data: bytes) -> bytes:
    """Point a reference elsewhere: to itself, to its parent, to nothing, to a huge number."""
    refs = [m for m in re.finditer(rb"(\d+) (\d+) R", data)]
    if not refs:
        return overwrite_number(rng, data)
    m = rng.choice(refs)
    numbers = [int(x) for x in re.findall(rb"(\d+) 0 obj", data)] or [1]
    target = rng.choice([*numbers, 0, 999999, 2147483647, rng.choice(numbers)])
    return data[: m.start()] + b"%d %d R" % (target, rng.choice([0, 0, 1, 65535])) + data[m.end() :]


def pdf_keyword(rng: random.Random, data: bytes) -> bytes:
    """Delete, duplicate or corrupt one structural keyword (obj, endobj, stream, xref...)."""
    words = [
        m.span()
        for m in re.finditer(rb"endobj|endstream|stream|xref|trailer|startxref|obj|%%EOF", data)
    ]
    if not words:
        return delete_bytes(rng, data)
    a, b = rng.choice(words)
    action = rng.randrange(3)
    if action == 0:
        return data[:a] + data[b:]
    if action == 1:
        return data[:a] + data[a:b] * 2 + data[b:]
    return data[:a] + data[a:b][::-1] + data[b:]


_OPERATORS = [b"BT", b"ET", b"Tj", b"TJ", b"q", b"Q", b"cm", b"Td", b"Tf", b"Do", b"re", b"BI"]


def pdf_content(rng: random.Random, data: bytes) -> bytes:
    """Change the operators of a content stream (decompressing and recompressing it)."""
    streams = list(re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S))
    if not streams:
        return insert_bytes(rng, data)
    m = rng.choice(streams)
    body = m.group(1)
    compressed = False
    try:
        body = zlib.decompress(body)
        compressed = True
    except zlib.error:
        pass
    for _ in range(rng.randint(1, 6)):
        pos = rng.randrange(len(body) + 1)
        if rng.random() < 0.5:
            chunk = b" " + rng.choice(_OPERATORS) + b" "
        else:
            chunk = rng.choice([b"(", b")", b"[", b"]", b"<", b"<<", b" 1e99 ", b" -0 ", b"\\"])
        body = body[:pos] + chunk * rng.choice([1, 1, 10, 1000]) + body[pos:]
    if compressed:
        body = zlib.compress(body)
    start, end = m.span(1)
    return data[:start] + body + data[end:]


_PDF_OPS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "pdfname": pdf_name_swap,
    "pdfref": pdf_reference,
    "pdfkeyword": pdf_keyword,
    "pdfcontent": pdf_content,
    "pdfnumber": overwrite_number,
}


# --------------------------------------------------------------------------- text mutations

_CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\r"]
_ESCAPES = [
    "\x1b[8m",
    "\x1b[0m",
    "\x1b]0;title\x07",
    "\x1b[2J\x1b[H",
    "\x1b[31m",
    "\x9b31m",
    "\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\",
]
_BIDI = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u061c"]
_ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
_COMBINING = "\u0301\u0300\u0308\u0327\u036f\u0489"
_RICH = ["[/]", "[/bold]", "[link=https://example.org]x[/link]", "[bold red]", "[", "]"]
_ODD = ["\u2028", "\u2029", "\ufffd", "\ue000", "\U0001f600", "\uffff", "ﬁ", "\u0130", "\ud800"]
_TOKENS = {
    "html": [
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<![CDATA[",
        "&#x1b;",
        "&amp",
        "&#0;",
        "&#xD800;",
        "<h1>",
        "</h2>",
        "<table><tr><td>",
        "<li>",
        "<br>",
        "<html>",
        "<!DOCTYPE html>",
        "<svg>",
        "<template>",
        "<style>",
        "<pre>",
        "<noscript>",
    ],
    "md": [
        "#",
        "## ",
        "**",
        "__",
        "`",
        "```",
        "[",
        "](",
        ")",
        "---",
        "===",
        "> ",
        "| ",
        "|---|",
        "<!--",
        "-->",
        "<br>",
        "![",
        "* ",
        "~~~",
        "\n---\n",
    ],
    "txt": [
        "EXPERIENCE",
        "Skills:",
        "Jan 2019 – Present",
        "2017-2019",
        "9999",
        "Jan 9999 – Dec 9999",
        "13/2020",
        "•",
        "\u2022 ",
        "\f",
        "\t",
        "|",
        " — ",
        "since 1950",
        "10 years of",
    ],
}
_ENCODINGS = [
    "utf-8",
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "cp1252",
    "latin-1",
]
_ENCODINGS += ["utf-32", "shift_jis", "gb18030", "koi8-r", "iso-8859-7", "mac-roman"]


def _text_insert(rng: random.Random, text: str, fmt: str) -> str:
    pool = rng.choice(
        [_CONTROLS, _ESCAPES, _BIDI, _ZERO_WIDTH, list(_COMBINING), _RICH, _ODD, _TOKENS[fmt]]
    )
    for _ in range(rng.randint(1, 8)):
        pos = rng.randrange(len(text) + 1)
        text = text[:pos] + rng.choice(pool) * rng.choice([1, 1, 1, 2, 20, 500]) + text[pos:]
    return text


def _text_lines(rng: random.Random, text: str, fmt: str) -> str:
    lines = text.split("\n")
    action = rng.randrange(4)
    i = rng.randrange(len(lines))
    if action == 0:
        lines[i:i] = [lines[i]] * rng.choice([2, 10, 200])
    elif action == 1:
        del lines[i : i + rng.randint(1, 10)]
    elif action == 2:
        rng.shuffle(lines)
    else:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def _text_wrap(rng: random.Random, text: str, fmt: str) -> str:
    """Wrap a stretch in markup many levels deep, or nest the markup in itself."""
    a = rng.randrange(len(text) + 1)
    b = min(len(text), a + rng.randint(0, 400))
    depth = rng.choice([2, 10, 100, 1000])
    if fmt == "html":
        tag = rng.choice(["div", "span", "b", "ul", "li", "table", "p", "section"])
        return text[:a] + f"<{tag}>" * depth + text[a:b] + f"</{tag}>" * depth + text[b:]
    mark = rng.choice(["**", "_", "`", "[", "> ", "(", "*"])
    return text[:a] + mark * depth + text[a:b] + mark * rng.choice([0, depth]) + text[b:]


def encode_text(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(_ENCODINGS)
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    return text.encode(encoding, errors)


_TEXT_OPS: dict[str, Callable[[random.Random, str, str], str]] = {
    "chars": _text_insert,
    "lines": _text_lines,
    "nest": _text_wrap,
}


# --------------------------------------------------------------------------- container mutations


def _mutate_member(rng: random.Random, data: bytes, pick: Callable[[str], bool]) -> bytes:
    """Unzip, change the bytes (or text) of one member, zip again with correct headers."""
    members = unzip(data)
    chosen = [i for i, (n, _) in enumerate(members) if pick(n)] or list(range(len(members)))
    i = rng.choice(chosen)
    name, content = members[i]
    if rng.random() < 0.5:
        text = content.decode("utf-8", "surrogateescape")
        fmt = "html" if name.endswith(".xml") else "txt"
        text = rng.choice([_text_insert, _text_lines, _text_wrap])(rng, text, fmt)
        content = _encode_loose(text)
    else:
        op = rng.choice(["bitflip", "insert", "delete", "truncate", "dup", "shuffle", "number"])
        content = _BYTE_OPS[op](rng, content)
    members[i] = (name, content)
    if rng.random() < 0.1:
        members.append(members[i])  # the same name twice
    return zip_files(members, method=rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))


_XML_INSERTS = [
    "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>",
    '<w:tcPr><w:gridSpan w:val="2147483647"/></w:tcPr>',
    '<w:gridSpan w:val="-1"/>',
    '<w:vMerge w:val="continue"/>',
    "<w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent>",
    '<w:pStyle w:val="Heading1"/>',
    '<w:outlineLvl w:val="99999999999"/>',
    "<w:numPr/>",
    "<w:tab/>" * 50,
    "<w:br/>" * 50,
    "&#x1b;",
    "<!ENTITY x 'y'>",
    "&x;",
]


def _mutate_docx_xml(rng: random.Random, data: bytes) -> bytes:
    """Insert WordprocessingML fragments at random places of document.xml, or damage it."""
    members = unzip(data)
    index = {n: i for i, (n, _) in enumerate(members)}
    if "word/document.xml" not in index or rng.random() < 0.3:
        return _mutate_member(rng, data, lambda n: n.endswith((".xml", ".rels")))
    i = index["word/document.xml"]
    xml = members[i][1].decode("utf-8")
    for _ in range(rng.randint(1, 5)):
        slots = [m.end() for m in re.finditer(r"<w:(?:p|tc|tr|body|r|pPr)>", xml)] or [len(xml)]
        at = rng.choice(slots)
        xml = xml[:at] + rng.choice(_XML_INSERTS) * rng.choice([1, 1, 5, 200]) + xml[at:]
    members[i] = ("word/document.xml", xml.encode("utf-8"))
    return zip_files(members)


def _mutate_csv(rng: random.Random, data: bytes) -> bytes:
    """Change the rows of one CSV of a LinkedIn export: cells, quotes, columns, rows."""
    members = unzip(data)
    csvs = [i for i, (n, _) in enumerate(members) if n.lower().endswith(".csv")]
    if not csvs:
        return _mutate_member(rng, data, lambda n: True)
    i = rng.choice(csvs)
    name, content = members[i]
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig", "replace"))))
    action = rng.randrange(6)
    if action == 0 and rows:  # a hostile cell
        r = rng.randrange(len(rows))
        if rows[r]:
            c = rng.randrange(len(rows[r]))
            pool = rng.choice([_ESCAPES, _BIDI, _RICH, _CONTROLS, _ODD, _TOKENS["txt"]])
            rows[r][c] = rng.choice(pool) * rng.choice([1, 3, 1000]) + rows[r][c]
    elif action == 1 and rows:  # columns dropped or renamed in the header
        rows[0] = [h.upper() if rng.random() < 0.3 else h for h in rows[0]][: rng.randint(0, 6)]
    elif action == 2:  # many rows
        rows += rows[1:] * rng.choice([3, 10, 50])
    elif action == 3:  # ragged rows
        rows = [r[: rng.randint(0, len(r))] + [""] * rng.randint(0, 3) for r in rows]
    elif action == 4:  # a stray quote or NUL in the raw text
        raw = content.decode("utf-8-sig", "replace")
        pos = rng.randrange(len(raw) + 1)
        raw = raw[:pos] + rng.choice(['"', "\x00", "\r", '""', "\n\n"]) + raw[pos:]
        members[i] = (name, raw.encode("utf-8"))
        return zip_files(members)
    else:  # renamed or moved into a folder
        members[i] = (rng.choice(["", "Basic_LinkedInDataExport/", "a/b/"]) + name.upper(), content)
        return zip_files(members)
    members[i] = (name, csv_bytes(rows, bom=rng.random() < 0.5))
    return zip_files(members)


# --------------------------------------------------------------------------- mutation cases


def _other_seed(rng: random.Random) -> bytes:
    fmt = rng.choice(["pdf", "docx", "html", "md", "txt", "linkedin"])
    return seed_bytes(fmt, rng.randrange(_SEEDS_PER_FORMAT))


def _mutation_ops(fmt: str) -> list[str]:
    base = ["bitflip", "insert", "delete", "truncate", "dup", "shuffle", "splice", "number"]
    if fmt == "pdf":
        return base + list(_PDF_OPS) * 2
    if fmt == "docx":
        return [*base, "zipheader", "member", "docxml", "docxml", "docxml"]
    if fmt == "linkedin":
        return [*base, "zipheader", "member", "csv", "csv", "csv", "csv"]
    if fmt == "zip-misc":
        return ["zipheader"] * 6 + ["member", "splice", "truncate", "bitflip", "dup"]
    return [*base, "chars", "chars", "chars", "lines", "nest", "encode"]


def _apply(rng: random.Random, fmt: str, op: str, data: bytes) -> bytes:
    if op in _BYTE_OPS:
        return _BYTE_OPS[op](rng, data)
    if op == "splice":
        other = _other_seed(rng) if rng.random() < 0.5 else seed_bytes(fmt, rng.randrange(8))
        return data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1) :]
    if op in _PDF_OPS:
        return _PDF_OPS[op](rng, data)
    if op == "zipheader":
        return mutate_zip_header(rng, data)
    try:
        if op == "member":
            return _mutate_member(rng, data, lambda n: True)
        if op == "docxml":
            return _mutate_docx_xml(rng, data)
        if op == "csv":
            return _mutate_csv(rng, data)
    except Exception:  # an earlier operator broke the archive too badly to unpack
        return bit_flips(rng, data)
    text = data.decode("utf-8", "surrogateescape")
    if op == "encode":
        return encode_text(rng, text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
    return _encode_loose(_TEXT_OPS[op](rng, text, fmt))


def _encode_loose(text: str) -> bytes:
    """UTF-8 that keeps undecodable bytes as they were and lone surrogates as such."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _mutation_case(fmt: str, ops: list[str], seed_index: int) -> Callable[[random.Random], bytes]:
    def make(rng: random.Random) -> bytes:
        data = seed_bytes(fmt, seed_index)
        for op in ops:
            data = _apply(rng, fmt, op, data)
        return data

    return make


# --------------------------------------------------------------------------- structural: text


def _resume_text(fmt: str, r: Resume) -> str:
    return {"html": render_html, "md": render_markdown, "txt": render_text}[fmt](r)


def _big_resume(target: int) -> Resume:
    """A résumé of about ``target`` bytes of text: very many jobs with real bullets."""
    rng = random.Random(f"big:{target}")
    r = make_resume(rng, jobs=1, bullets=4)
    while sum(len(b) for j in r.jobs for b in j.bullets) < target * 0.85:
        r.jobs += make_resume(rng, jobs=8, bullets=6).jobs[1:]
    return r


def _skills_sentence(size: int) -> str:
    rng = random.Random(f"skills:{size}")
    parts = []
    total = 0
    while total < size:
        skill = rng.choice(_SKILLS) if rng.random() < 0.6 else rng.choice(_ADJ) + " thing"
        parts.append(skill)
        total += len(skill) + 2
    return "Skills: " + ", ".join(parts) + "."


def _insert_in_body(fmt: str, r: Resume, payload: str) -> str:
    """A seed résumé of ``fmt`` with ``payload`` placed after its summary."""
    doc = _resume_text(fmt, r)
    anchor = r.summary if fmt != "html" else _esc(r.summary)
    at = doc.index(anchor) + len(anchor)
    if fmt == "html":
        return doc[:at] + "</p><p>" + payload + doc[at:]
    return doc[:at] + "\n\n" + payload + "\n" + doc[at:]


def _many_positions(fmt: str, count: int, year: str | None = None) -> str:
    rng = random.Random(f"positions:{count}:{year}")
    lines = ["Jane Example", "", "Experience"]
    for i in range(count):
        y = year or str(1950 + i % 75)
        lines.append(f"{rng.choice(_TITLES)}, {rng.choice(_ORGS)} — Jan {y} – Dec {y}")
        lines.append(f"- Built {rng.choice(_ADJ)} tools in {rng.choice(_SKILLS)}.")
    text = "\n".join(lines)
    if fmt == "html":
        return "<html><body>" + "".join(f"<p>{_esc(x)}</p>" for x in lines) + "</body></html>"
    if fmt == "md":
        return "# Jane Example\n\n## Experience\n\n" + "\n".join(lines[3:])
    return text


#: shared text cases whose cost is in extraction, not in a format's reader: txt only
_EXTRACTION_ONLY = frozenset(
    {
        "words-1mb-line",
        "skills-sentence-1mb",
        "positions-20000-year-2099",
        "size-at-limit",
        "rich-markup-flood",
        "bullets-flood",
        "hyphen-joins",
        "date-lines-flood",
        "pipes-flood",
        "emoji-flood",
    }
)


def _text_structural(fmt: str) -> list[tuple[str, Callable[[random.Random], bytes], str | None]]:
    """(name, maker, forbidden) for the attacks every text format shares."""
    base = seed_resume(0)

    def doc(payload: str) -> Callable[[random.Random], bytes]:
        return lambda rng: _insert_in_body(fmt, base, payload).encode("utf-8", "surrogatepass")

    def whole(make: Callable[[], str], encoding: str = "utf-8") -> Callable[[random.Random], bytes]:
        return lambda rng: make().encode(encoding, "surrogatepass")

    seed = _resume_text(fmt, base)
    cases: list[tuple[str, Callable[[random.Random], bytes], str | None]] = []

    def flood(count: int) -> Callable[[], str]:
        return lambda: "<!-- x -->" * count + "\n" + seed

    for count in (35, 200, 1000) if fmt == "txt" else (35, 200):  # 35 comments: 350 bytes
        cases.append((f"comment-flood-{count}", whole(flood(count)), None))
    cases.append(
        (
            "comment-flood-unclosed",
            whole(lambda: "<!-- x -->" * 30 + "<!-- " + seed),
            None,
        )
    )
    cases += [
        ("utf16-bom", whole(lambda: seed, "utf-16"), None),
        ("utf16le-nobom", whole(lambda: seed, "utf-16-le"), None),
        ("utf16be-nobom", whole(lambda: seed, "utf-16-be"), None),
        ("utf32-bom", whole(lambda: seed, "utf-32"), None),
        ("utf8-bom", whole(lambda: seed, "utf-8-sig"), None),
        ("cp1252", lambda rng: seed.encode("cp1252", "replace"), None),
        (
            "two-nul-bytes",
            lambda rng: seed[:200].encode() + b"\x00\x00" + seed[200:].encode(),
            None,
        ),
        ("stray-0x80", lambda rng: seed[:300].encode() + b"\x80" + seed[300:].encode(), None),
        (
            "mixed-encodings",
            lambda rng: (
                seed[:400].encode("utf-8")
                + seed[400:800].encode("cp1252", "replace")
                + seed[800:1200].encode("utf-16-le")
                + seed[1200:].encode("shift_jis", "replace")
            ),
            None,
        ),
        ("lone-surrogates", doc("Python \ud800 and SQL \udfff, Docker \udbff\udc00x"), None),
        ("control-chars", doc("".join(chr(c) for c in range(32) if c not in (9, 10)) * 5), None),
        ("c1-controls", doc("Python" + "".join(chr(c) for c in range(0x80, 0xA0)) * 5), None),
        (
            "ansi-escapes",
            doc("Senior \x1b[8mhidden\x1b[0m Engineer \x1b]0;title\x07 \x1b[2J"),
            None,
        ),
        (
            "osc-hyperlink",
            doc("\x1b]8;;https://example.org\x1b\\Python\x1b]8;;\x1b\\ and SQL"),
            None,
        ),
        ("rtl-override", doc("\u202eNOHTYP\u202c and \u2067SQL\u2069 skills \u200f"), None),
        ("combining-flood", doc("Python" + _COMBINING * 20_000), None),
        ("zero-width-flood", doc("Py" + "\u200b\u200d\ufeff" * 30_000 + "thon"), None),
        ("line-1mb", doc("Python " + "x" * 1_000_000), None),
        ("words-1mb-line", doc(" ".join(["Python", "SQL", "Docker"] * 90_000)), None),
        ("lines-200k", doc("\n".join(f"line {i}" for i in range(200_000))), None),
        (
            "rich-markup",
            doc("[/] [/bold] [link=https://example.org]x[/link] [bold red]SQL[/]"),
            None,
        ),
        ("rich-markup-flood", doc("[/bold][link=x]" * 20_000), None),
        (
            "dates-9999",
            doc("Engineer, Acme — Jan 9999 – Dec 9999\n9999-99\n00/0000 – 13/2020"),
            None,
        ),
        ("resume-362kb", whole(lambda: _resume_text(fmt, _big_resume(362_000))), None),
        ("skills-sentence-160kb", doc(_skills_sentence(160_000)), None),
        ("skills-sentence-1mb", doc(_skills_sentence(1_000_000)), None),
        ("positions-5000", whole(lambda: _many_positions(fmt, 5000)), None),
        ("positions-20000-year-2099", whole(lambda: _many_positions(fmt, 20_000, "2099")), None),
        ("cr-only-lines", whole(lambda: seed.replace("\n", "\r")), None),
        ("line-separators", whole(lambda: seed.replace("\n", "\u2028")), None),
        ("form-feeds", whole(lambda: seed.replace("\n", "\f\n")), None),
        ("nbsp-only", whole(lambda: "\u00a0\u2003\u3000 " * 5000), None),
        ("bom-only", lambda rng: codecs.BOM_UTF8 * 100, None),
        ("random-bytes", lambda rng: rng.randbytes(20_000), None),
        ("high-bytes", lambda rng: bytes(rng.randrange(0x80, 0x100) for _ in range(20_000)), None),
        ("size-at-limit", lambda rng: _fill(seed.encode(), LIMIT - 1024), None),
        ("size-over-limit", lambda rng: _fill(seed.encode(), LIMIT + 1), None),
        ("bullets-flood", doc("• " * 200_000), None),
        ("hyphen-joins", doc("\n".join(["develop-", "ment"] * 50_000)), None),
        ("headings-flood", doc("\n".join(["EXPERIENCE", "SKILLS", "EDUCATION"] * 30_000)), None),
        ("date-lines-flood", doc("\n".join(["2019 – 2020"] * 100_000)), None),
        ("pipes-flood", doc("|" * 300_000), None),
        ("emoji-flood", doc("\U0001f600" * 200_000), None),
        ("private-use", doc("\ue000\uf0b7" * 2000 + " Python"), None),
        ("nul-flood-utf8", doc("\x00" * 5000), None),
    ]
    if fmt != "txt":  # the text these make stresses extraction alike in every format
        cases = [c for c in cases if c[0] not in _EXTRACTION_ONLY]
    return cases


def _fill(seed: bytes, size: int) -> bytes:
    return (seed * (size // len(seed) + 1))[:size]


def _html_structural() -> list[tuple[str, Callable[[random.Random], bytes], str | None]]:
    base = seed_resume(1)
    seed = render_html(base)

    def page(body: str) -> Callable[[random.Random], bytes]:
        return lambda rng: f"<html><body><h1>Jane Example</h1>{body}</body></html>".encode()

    bare = seed[seed.index("<head>") :]  # no doctype, no <html>: the first tag is <head>

    def flood(count: int) -> Callable[[random.Random], bytes]:
        return lambda rng: ("<!-- x -->" * count + "\n" + bare).encode()

    cases: list[tuple[str, Callable[[random.Random], bytes], str | None]] = [
        (f"comment-flood-no-doctype-{count}", flood(count), None) for count in (35, 200)
    ]
    for depth in (10_000, 30_000, 100_000):
        for tag in ("div", "span", "b"):
            cases.append(
                (
                    f"nesting-{tag}-{depth}",
                    page(f"<{tag}>" * depth + "Python and SQL" + f"</{tag}>" * depth),
                    None,
                )
            )
    cases += [
        ("nesting-unclosed-div-100000", page("<div>" * 100_000 + "Python and SQL"), None),
        ("nesting-ul-li-50000", page("<ul><li>" * 50_000 + "Python"), None),
        ("nesting-table-20000", page("<table><tr><td>" * 20_000 + "Python"), None),
        ("nesting-h1-20000", page("<h1>" * 20_000 + "Python"), None),
        ("heading-deep-text", page("<h2>" + "<span>" * 50_000 + "Skills"), None),
        ("script-unclosed-1mb", page("<p>Python</p><script>" + "x" * 1_000_000), None),
        ("attribute-1mb", page("<p title='" + "a" * 1_000_000 + "'>Python</p>"), None),
        (
            "attributes-100k",
            page("<p " + " ".join(f"a{i}=x" for i in range(100_000)) + ">P</p>"),
            None,
        ),
        ("entities-flood", page("<p>" + "&amp;" * 300_000 + "</p>"), None),
        (
            "entity-controls",
            page("<p>&#x1b;[8m &#x1b;]0;title&#x7; &#0; &#x9b; &#xD800;</p>"),
            None,
        ),
        ("tags-100k", page("<p>Python</p>" * 100_000), None),
        ("cells-100k", page("<table><tr>" + "<td>SQL</td>" * 100_000 + "</tr></table>"), None),
        ("cdata", page("<![CDATA[" + "Python " * 1000), None),
        ("xml-prolog", lambda rng: ("<?xml version='1.0'?>" + seed).encode(), None),
        ("pdf-magic-in-head", lambda rng: ("<!-- %PDF-1.7 -->" + seed).encode(), None),
        ("zip-magic-start", lambda rng: b"PK\x03\x04" + seed.encode(), None),
        ("frameset", page("<frameset><frame src='x'></frameset><noframes>Python</noframes>"), None),
        ("only-scripts", page("<script>" + "var a=1;" * 10_000 + "</script>"), None),
    ]
    return cases


def _md_structural() -> list[tuple[str, Callable[[random.Random], bytes], str | None]]:
    base = seed_resume(2)

    def doc(payload: str) -> Callable[[random.Random], bytes]:
        return lambda rng: _insert_in_body("md", base, payload).encode("utf-8")

    return [
        ("strong-unclosed-line", doc("**a " * 100_000), None),
        ("emphasis-unclosed-line", doc("*a " * 100_000), None),
        ("underscores-line", doc("__a" * 100_000), None),
        ("brackets-open", doc("[" * 200_000), None),
        ("links-unclosed", doc("[a](" * 100_000), None),
        ("images-unclosed", doc("![a](" * 100_000), None),
        ("backticks", doc("`a" * 100_000), None),
        ("fence-unclosed", doc("```\n" + "code line\n" * 50_000), None),
        ("fences-flood", doc("```\n" * 50_000), None),
        ("front-matter-unclosed", lambda rng: ("---\n" + "key: value\n" * 50_000).encode(), None),
        ("setext-flood", doc("Python\n===\n" * 50_000), None),
        ("quote-deep", doc(">" * 100_000 + " Python"), None),
        ("table-wide", doc("| " + " | ".join(["SQL"] * 50_000) + " |\n|" + "---|" * 50_000), None),
        ("atx-hashes", doc("#" * 100_000 + " Python"), None),
        ("atx-trailing", doc("## Skills " + "#" * 100_000 + " x"), None),
        ("html-comments-inside", doc("<!-- x -->" * 5000), None),
        ("comment-open-unclosed", doc("<!--" + " x" * 100_000), None),
        ("br-flood", doc("<br>" * 100_000), None),
    ]


def _txt_structural() -> list[tuple[str, Callable[[random.Random], bytes], str | None]]:
    base = seed_resume(3)

    def doc(payload: str) -> Callable[[random.Random], bytes]:
        return lambda rng: _insert_in_body("txt", base, payload).encode("utf-8")

    return [
        ("separators-flood", doc(" — ".join(["Engineer", "Acme"] * 50_000)), None),
        ("at-flood", doc(" at ".join(["Engineer"] * 100_000)), None),
        ("spaces-1mb", doc("Python" + " " * 1_000_000 + "SQL"), None),
        ("tabs-flood", doc("\t" * 500_000 + "Python"), None),
        ("since-flood", doc(" ".join(["since 2019"] * 100_000)), None),
        ("month-words", doc(" ".join(["January"] * 100_000) + " 2019"), None),
        ("numbers-flood", doc(" ".join(str(i) for i in range(100_000))), None),
        ("years-of-flood", doc(" ".join(["10 years of Python"] * 20_000)), None),
        ("negation-flood", doc(" ".join(["no experience with"] * 50_000) + " Python"), None),
        ("caps-lines-flood", doc("\n".join(["SENIOR DATA ANALYST"] * 100_000)), None),
    ]


# --------------------------------------------------------------------------- structural: DOCX


def _textbox(inner: str) -> str:
    return (
        "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        + inner
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    )


def _nested_boxes(depth: int, breadth: int) -> str:
    inner = w_para("Python and SQL in a text box")
    for level in range(depth):
        inner = w_para(f"level {level}") + _textbox(inner) * breadth
    return inner


def _nested_tables(depth: int) -> str:
    inner = w_para("Python")
    for _ in range(depth):
        inner = (
            "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc>"
            + w_para("Skills")
            + w_para("SQL")
            + inner
            + "<w:p/></w:tc><w:tc>"
            + w_para("Docker")
            + "</w:tc></w:tr></w:tbl>"
        )
    return inner


def _span_table(span: str, rows: int = 1, grid: int = 2) -> str:
    row = (
        f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>'
        + w_para("Python")
        + "</w:tc><w:tc>"
        + w_para("SQL")
        + "</w:tc></w:tr>"
    )
    return "<w:tbl><w:tblGrid>" + "<w:gridCol/>" * grid + "</w:tblGrid>" + row * rows + "</w:tbl>"


def _wide_table(rows: int, cols: int) -> str:
    row = "<w:tr>" + ("<w:tc>" + w_para("SQL") + "</w:tc>") * cols + "</w:tr>"
    return "<w:tbl><w:tblGrid>" + "<w:gridCol/>" * cols + "</w:tblGrid>" + row * rows + "</w:tbl>"


def _vmerge_table(rows: int) -> str:
    first = '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + w_para("Python")
    first += "</w:tc><w:tc>" + w_para("a") + "</w:tc></w:tr>"
    rest = "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>" + w_para("b")
    rest += "</w:tc></w:tr>"
    return (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>" + first + rest * rows + "</w:tbl>"
    )


_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY l0 "lol">'
    + "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    + "]>\n"
)
_QUADRATIC = '<!DOCTYPE w:document [<!ENTITY big "' + "Python " * 20_000 + '">]>\n'
_EXTERNAL = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
_PARAMETER = (
    '<!DOCTYPE w:document [<!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext;'
    ' <!ENTITY % missing SYSTEM "file:///nonexistent/careermap.dtd"> %missing;]>\n'
)
_PASSWD_MARK = "root:x:0:0"


def _docx_structural() -> list[tuple[str, Callable[[random.Random], bytes], str | None]]:
    r = seed_resume(4)
    resume = docx_body(r)

    def body(xml: str, **kw: object) -> Callable[[random.Random], bytes]:
        return lambda rng: docx_from_body(resume + xml, **kw)  # type: ignore[arg-type]

    cases: list[tuple[str, Callable[[random.Random], bytes], str | None]] = []
    for depth in (2, 4, 6, 8, 10, 12):
        cases.append((f"textbox-nesting-{depth}", body(_nested_boxes(depth, 1)), None))
    for depth, breadth in ((4, 3), (6, 3), (8, 2), (12, 2)):
        cases.append((f"textbox-tree-{depth}x{breadth}", body(_nested_boxes(depth, breadth)), None))
    for depth in (3, 8, 9, 20, 60, 200, 2000):
        cases.append((f"table-nesting-{depth}", body(_nested_tables(depth)), None))
    for span in ("2147483647", "1000000", "65536", "-5", "0", "1e9", "99999999999999999999"):
        cases.append((f"gridspan-{span}", body(_span_table(span)), None))
    cases += [
        ("gridspan-2147483647-rows-1000", body(_span_table("2147483647", rows=1000)), None),
        ("gridcols-100000", body(_span_table("2", grid=100_000)), None),
        ("table-rows-50000", body(_wide_table(50_000, 2)), None),
        ("table-cols-5000", body(_wide_table(2, 5000)), None),
        ("table-300x300", body(_wide_table(300, 300)), None),
        ("vmerge-20000", body(_vmerge_table(20_000)), None),
        (
            "billion-laughs",
            lambda rng: docx_from_body(resume + w_para("&l9;"), doctype=_LAUGHS),
            None,
        ),
        (
            "billion-laughs-in-styles",
            lambda rng: docx_from_body(
                resume,
                replace={
                    "word/styles.xml": (
                        "<?xml version='1.0'?>\n"
                        + _LAUGHS.replace("w:document", "w:styles")
                        + f'<w:styles xmlns:w="{_W_NS}"><w:style w:styleId="&l9;"/></w:styles>'
                    ).encode()
                },
            ),
            None,
        ),
        (
            "quadratic-entity",
            lambda rng: docx_from_body(resume + w_para("&big;") * 2000, doctype=_QUADRATIC),
            None,
        ),
        (
            "external-entity",
            lambda rng: docx_from_body(resume + w_para("&xxe;"), doctype=_EXTERNAL),
            _PASSWD_MARK,
        ),
        (
            "external-parameter-entity",
            lambda rng: docx_from_body(resume, doctype=_PARAMETER),
            _PASSWD_MARK,
        ),
        (
            "external-entity-in-rels",
            lambda rng: docx_from_body(
                resume,
                replace={
                    "_rels/.rels": (
                        "<?xml version='1.0'?>\n"
                        + _EXTERNAL.replace("w:document", "Relationships")
                        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                        'relationships"><Relationship Id="rId1" Type="http://schemas.'
                        "openxmlformats.org/officeDocument/2006/relationships/officeDocument"
                        '" Target="word/document.xml"/>&xxe;</Relationships>'
                    ).encode()
                },
            ),
            _PASSWD_MARK,
        ),
        ("resume-362kb", lambda rng: docx_from_body(docx_body(_big_resume(362_000))), None),
        ("skills-sentence-160kb", body(w_para(_skills_sentence(160_000))), None),
        ("paragraphs-100000", body(w_para("Python") * 100_000), None),
        ("runs-100000", body("<w:p>" + "<w:r><w:t>Py</w:t></w:r>" * 100_000 + "</w:p>"), None),
        (
            "tabs-100000",
            body("<w:p><w:r>" + "<w:tab/>" * 100_000 + "<w:t>x</w:t></w:r></w:p>"),
            None,
        ),
        ("line-1mb", body(w_para("Python " + "x" * 1_000_000)), None),
        ("headings-50000", body(w_para("Experience", "Heading1") * 50_000), None),
        (
            "outline-level-huge",
            body(
                '<w:p><w:pPr><w:outlineLvl w:val="99999999999999999999"/></w:pPr>'
                "<w:r><w:t>Skills</w:t></w:r></w:p>"
            ),
            None,
        ),
        (
            "xml-depth-5000",
            body("<w:p><w:r>" + "<w:smartTag>" * 5000 + "</w:smartTag>" * 5000 + "</w:r></w:p>"),
            None,
        ),
        ("control-char-refs", body(w_para("x").replace("x", "&#x1b;[8m &#x7;")), None),
        ("raw-controls", body(w_para("Engineer \x1b]0;title\x07 \x1b[8m")), None),
        ("rtl-and-zero-width", body(w_para("\u202eNOHTYP\u202c \u200b" * 1000)), None),
        ("document-utf16", lambda rng: _docx_utf16(resume), None),
        (
            "document-not-xml",
            lambda rng: docx_from_body("", replace={"word/document.xml": b"x"}),
            None,
        ),
        ("document-missing", lambda rng: docx_from_body(resume, drop=("word/document.xml",)), None),
        ("styles-missing", lambda rng: docx_from_body(resume, drop=("word/styles.xml",)), None),
        (
            "content-types-missing",
            lambda rng: docx_from_body(resume, drop=("[Content_Types].xml",)),
            None,
        ),
        ("rels-missing", lambda rng: docx_from_body(resume, drop=("_rels/.rels",)), None),
        ("style-cycle", lambda rng: _docx_style_cycle(resume), None),
        ("rels-target-outside", lambda rng: _docx_rels_target(resume, "../../../etc/passwd"), None),
        ("rels-target-self", lambda rng: _docx_rels_target(resume, "../_rels/.rels"), None),
        ("header-textbox-nesting", lambda rng: _docx_header(_nested_boxes(8, 2)), None),
    ]
    return cases


def _docx_utf16(body: str) -> bytes:
    members, start = _docx_template()
    xml = (
        "<?xml version='1.0' encoding='UTF-16' standalone='yes'?>\n"
        + start
        + "<w:body>"
        + body
        + "<w:sectPr/></w:body></w:document>"
    ).encode("utf-16")
    return zip_files([(n, xml if n == "word/document.xml" else c) for n, c in members])


def _docx_style_cycle(body: str) -> bytes:
    styles = (
        f"<?xml version='1.0'?>\n<w:styles xmlns:w=\"{_W_NS}\">"
        '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/>'
        '</w:style><w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/>'
        '<w:basedOn w:val="A"/></w:style></w:styles>'
    )
    xml = body.replace('w:val="Heading2"', 'w:val="A"')
    return docx_from_body(xml, replace={"word/styles.xml": styles.encode()})


def _docx_rels_target(body: str, target: str) -> bytes:
    members, _ = _docx_template()
    rels = dict(members)["word/_rels/document.xml.rels"].decode()
    rels = re.sub(r'Target="styles.xml"', f'Target="{target}"', rels)
    return docx_from_body(body, replace={"word/_rels/document.xml.rels": rels.encode()})


def _docx_header(header_body: str) -> bytes:
    """A résumé whose first-page header holds ``header_body``."""
    import docx

    document = docx.Document()
    document.add_paragraph("Jane Example", style="Title")
    for _, text in resume_lines(seed_resume(5))[1:]:
        document.add_paragraph(text)
    document.sections[0].header.paragraphs[0].text = "header"
    out = io.BytesIO()
    document.save(out)
    members = unzip(out.getvalue())
    changed = []
    for name, content in members:
        if name.startswith("word/header") and name.endswith(".xml"):
            xml = content.decode()
            at = xml.rindex("</w:hdr>")
            ns = ' xmlns:v="urn:schemas-microsoft-com:vml"' if "xmlns:v=" not in xml else ""
            xml = xml.replace("<w:hdr ", "<w:hdr" + ns + " ", 1)
            content = (xml[:at] + header_body + xml[at:]).encode()
        changed.append((name, content))
    return zip_files(changed)


# --------------------------------------------------------------------------- structural: PDF


def _pages_pdf(count: int, *, fanout: int | None = None) -> bytes:
    """``count`` small pages with a few words each, in one flat or a balanced page tree."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1"
               b" /BaseFont /Helvetica >>"]  # fmt: skip
    page_ids = []
    for i in range(count):
        page_ids.append(len(objects) + 1)
        objects.append(b"")  # filled below, once the parent is known
        words = [f"Page {i + 1}: Python" if i % 50 == 0 else f"{i + 1}"]
        objects.append(pdf_stream(page_content(words, 6, 50)))
    parent_of: dict[int, int] = {}
    if fanout is None:
        kids = b" ".join(b"%d 0 R" % p for p in page_ids)
        objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)
        parent_of = dict.fromkeys(page_ids, 2)
    else:
        level = page_ids
        while len(level) > fanout:
            nxt = []
            for g in range(0, len(level), fanout):
                group = level[g : g + fanout]
                objects.append(b"")
                node = len(objects)
                for k in group:
                    parent_of[k] = node
                nxt.append(node)
            level = nxt
        objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % k for k in level),
            count,
        )
        for k in level:
            parent_of[k] = 2
        # intermediate nodes
        children: dict[int, list[int]] = {}
        for k, p in parent_of.items():
            children.setdefault(p, []).append(k)
        for node, kids_of in children.items():
            if node == 2:
                continue
            n_pages = _count_pages(node, children, set(page_ids))
            objects[node - 1] = b"<< /Type /Pages /Parent %d 0 R /Kids [%s] /Count %d >>" % (
                parent_of[node],
                b" ".join(b"%d 0 R" % k for k in kids_of),
                n_pages,
            )
    for p in page_ids:
        objects[p - 1] = (
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 100 100] /Resources << /Font << /F1 3 0"
            b" R >> >> /Contents %d 0 R >>" % (parent_of[p], p + 1)
        )
    return pdf_document(objects)


def _count_pages(node: int, children: dict[int, list[int]], pages: set[int]) -> int:
    return sum(1 if k in pages else _count_pages(k, children, pages) for k in children[node])


def _one_page(
    content: bytes, *, resources: bytes = b"", extra_objects: tuple[bytes, ...] = ()
) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R"
        b" >> %s >> /Contents 4 0 R >>" % resources,
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra_objects,
    ]
    return pdf_document(objects)


_RESUME_CONTENT = page_content([t for _, t in resume_lines(make_resume(random.Random(9)))][:50])


@functools.cache
def _flate_bomb(size: int, chunk: bytes = b" ") -> bytes:
    c = zlib.compressobj(9)
    block = chunk * (1 << 20)
    parts = [c.compress(_RESUME_CONTENT + b"\n")]
    for _ in range(size >> 20):
        parts.append(c.compress(block))
    parts.append(c.flush())
    return b"".join(parts)


def _deep(open_: bytes, close: bytes, depth: int, core: bytes = b"1") -> bytes:
    return open_ * depth + core + close * depth


def _pdf_structural() -> list[tuple[str, Callable[[random.Random], bytes], str | None]]:
    resume_pages = paginate([t for _, t in resume_lines(seed_resume(6))])
    good = text_pdf(resume_pages)
    content = pdf_stream(_RESUME_CONTENT)

    def resume_with(trailer: bytes = b"", extra: list[bytes] | None = None) -> bytes:
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R /Extra 6 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0"
            b" R >> >> /Contents 4 0 R >>",
            content,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            *(extra or [b"null"]),
        ]
        return pdf_document(objects, trailer=trailer)

    cases: list[tuple[str, Callable[[random.Random], bytes], str | None]] = [
        ("pages-10000", lambda rng: _pages_pdf(10_000), None),
        ("pages-10000-tree", lambda rng: _pages_pdf(10_000, fanout=10), None),
        ("pages-2000", lambda rng: _pages_pdf(2000), None),
        ("resume-362kb", lambda rng: text_pdf(paginate(_lines(_big_resume(362_000)))), None),
        (
            "skills-sentence-160kb",
            lambda rng: text_pdf(paginate([_skills_sentence(160_000)])),
            None,
        ),
        (
            "line-1mb",
            lambda rng: _one_page(
                pdf_stream(page_content(["Python " + "x" * 1_000_000])),
            ),
            None,
        ),
    ]

    def nested(open_: bytes, close: bytes, depth: int) -> Callable[[random.Random], bytes]:
        return lambda rng: resume_with(extra=[_deep(open_, close, depth)])

    for depth in (1000, 10_000, 100_000):
        cases += [
            (f"nested-arrays-{depth}", nested(b"[", b"]", depth), None),
            (f"nested-dicts-{depth}", nested(b"<< /A ", b" >>", depth), None),
        ]
    cases += [
        (
            "nested-arrays-in-resources",
            lambda rng: _one_page(content, resources=b"/X " + _deep(b"[", b"]", 50_000)),
            None,
        ),
        (
            "nested-contents-arrays",
            lambda rng: _one_page(_deep(b"[", b"]", 20_000, b"4 0 R")),
            None,
        ),
        ("page-tree-depth-5000", lambda rng: _deep_page_tree(5000), None),
        ("page-tree-depth-50000", lambda rng: _deep_page_tree(50_000), None),
        ("ref-chain-50000", lambda rng: _ref_chain(50_000), None),
        ("kids-self-loop", lambda rng: _replace(good, b"/Kids [", b"/Kids [2 0 R ", 1), None),
        ("parent-loop", lambda rng: _pages_loop(), None),
        ("contents-self-ref", lambda rng: _one_page(b"[4 0 R 4 0 R]"), None),
        ("xref-prev-self", lambda rng: _xref_prev(good, self_loop=True), None),
        ("xref-prev-pair", lambda rng: _xref_prev(good, self_loop=False), None),
        ("xref-stream-loop", lambda rng: _xref_stream_loop(), None),
        ("startxref-wrong", lambda rng: re.sub(rb"startxref\n\d+", b"startxref\n7", good), None),
        ("xref-garbage", lambda rng: _replace(good, b"xref\n", b"xref\n0 999999999\n", 1), None),
        ("xref-missing", lambda rng: good[: good.rindex(b"xref")], None),
    ]

    def count_is(count: bytes) -> Callable[[random.Random], bytes]:
        return lambda rng: re.sub(rb"/Count \d+", b"/Count " + count, good)

    for count in (b"2147483647", b"1000000000000", b"-1", b"0", b"1e9"):
        cases.append((f"count-{count.decode()}", count_is(count), None))
    cases += [
        (
            "ops-1m-paths",
            lambda rng: _one_page(pdf_stream(b"0 0 m 1 1 l S\n" * 1_000_000, compress=True)),
            None,
        ),
        (
            "ops-1m-text",
            lambda rng: _one_page(
                pdf_stream(
                    b"BT /F1 10 Tf 50 800 Td " + b"(Python) Tj 0 -1 Td " * 500_000 + b"ET",
                    compress=True,
                )
            ),
            None,
        ),
        (
            "ops-1m-tj-array",
            lambda rng: _one_page(
                pdf_stream(
                    b"BT /F1 10 Tf 50 800 Td [" + b"(a) -250 " * 1_000_000 + b"] TJ ET",
                    compress=True,
                )
            ),
            None,
        ),
        (
            "ops-1m-save-state",
            lambda rng: _one_page(pdf_stream(b"q " * 1_000_000 + _RESUME_CONTENT, compress=True)),
            None,
        ),
        (
            "ops-1m-cm",
            lambda rng: _one_page(
                pdf_stream(_RESUME_CONTENT + b"\n1 0 0 1 0 0 cm" * 1_000_000, compress=True)
            ),
            None,
        ),
        (
            "ops-1m-td",
            lambda rng: _one_page(
                pdf_stream(
                    b"BT /F1 10 Tf (Python) Tj " + b"1 0 Td " * 1_000_000 + b"(SQL) Tj ET",
                    compress=True,
                )
            ),
            None,
        ),
        (
            "flate-bomb-100mb",
            lambda rng: _one_page(pdf_stream(_flate_bomb(100 << 20), b" /Filter /FlateDecode")),
            None,
        ),
        (
            "flate-bomb-1gb",
            lambda rng: _one_page(pdf_stream(_flate_bomb(1 << 30), b" /Filter /FlateDecode")),
            None,
        ),
        (
            "flate-bomb-double",
            lambda rng: _one_page(
                pdf_stream(
                    zlib.compress(_flate_bomb(1 << 30), 9), b" /Filter [/FlateDecode /FlateDecode]"
                )
            ),
            None,
        ),
        (
            "flate-bomb-newlines",
            lambda rng: _one_page(
                pdf_stream(_flate_bomb(200 << 20, b"\n"), b" /Filter /FlateDecode")
            ),
            None,
        ),
        ("flate-bomb-objstm", lambda rng: _objstm_bomb(), None),
        (
            "flate-truncated",
            lambda rng: _one_page(
                pdf_stream(zlib.compress(_RESUME_CONTENT)[:-20], b" /Filter /FlateDecode")
            ),
            None,
        ),
        ("length-huge", lambda rng: _replace(good, b"/Length ", b"/Length 99999999999", 1), None),
        ("length-negative", lambda rng: re.sub(rb"/Length \d+", b"/Length -5", good), None),
        ("length-indirect-loop", lambda rng: _length_loop(), None),
        (
            "cmap-huge-range",
            lambda rng: _cmap_pdf(b"1 beginbfrange\n<0000> <FFFF> <0041>\nendbfrange"),
            None,
        ),
        (
            "cmap-4byte-range",
            lambda rng: _cmap_pdf(
                b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
                b"1 beginbfrange\n<00000000> <FFFFFFFF> <0041>\nendbfrange"
            ),
            None,
        ),
        (
            "cmap-array-range",
            lambda rng: _cmap_pdf(
                b"1 beginbfrange\n<0000> <FFFF> [" + b"<0041> " * 65536 + b"]\nendbfrange"
            ),
            None,
        ),
        (
            "cmap-controls",
            lambda rng: _cmap_pdf(
                b"3 beginbfchar\n<0041> <001B>\n<0042> <0007>\n<0043> <202E>\nendbfchar"
            ),
            None,
        ),
        ("xobject-self", lambda rng: _xobject_loop(), None),
        (
            "inline-image-huge",
            lambda rng: _one_page(
                pdf_stream(
                    _RESUME_CONTENT
                    + b"\nq BI /W 100000 /H 100000 /BPC 8 /CS /RGB ID "
                    + b"\x00" * 1000
                    + b" EI Q"
                )
            ),
            None,
        ),
        (
            "text-control-chars",
            lambda rng: text_pdf(
                [
                    [
                        "Jane Example",
                        "Engineer \x1b]0;title\x07 \x1b[8m hidden",
                        "Python \x00\x01\x02 SQL",
                        "Skills: Python, SQL, Docker, Kubernetes and more",
                    ]
                ]
            ),
            None,
        ),
        (
            "text-rich-markup",
            lambda rng: text_pdf(
                [
                    [
                        "Jane Example",
                        "[/] [/bold] [link=https://example.org]x[/link]",
                        "Skills: Python, SQL, Docker",
                    ]
                ]
            ),
            None,
        ),
        (
            "encrypt-bogus",
            lambda rng: resume_with(
                trailer=b"/Encrypt << /Filter /Standard /V 99 /R 99 /O <00> /U <00> /P -1 >> "
            ),
            None,
        ),
        ("encrypt-missing-object", lambda rng: resume_with(trailer=b"/Encrypt 999 0 R "), None),
        (
            "encrypt-aes-v5",
            lambda rng: resume_with(
                trailer=b"/Encrypt << /Filter /Standard /V 5 /R 6 /Length 256 /O <"
                + b"00" * 48
                + b"> /U <"
                + b"00" * 48
                + b"> /OE <"
                + b"00" * 32
                + b"> /UE <"
                + b"00" * 32
                + b"> /Perms <"
                + b"00" * 16
                + b"> /P -1 /CF << /StdCF << /CFM /AESV3 >> >> >> "
            ),
            None,
        ),
        ("objects-200000", lambda rng: resume_with(extra=[b"null"] * 200_000), None),
        ("header-only", lambda rng: b"%PDF-1.7\n", None),
        ("header-late", lambda rng: b" " * 1000 + good, None),
        ("header-in-html", lambda rng: b"<html><body>%PDF-1.4 Python SQL</body></html>", None),
        ("mediabox-huge", lambda rng: text_pdf(resume_pages, mediabox=b"[0 0 1e38 1e38]"), None),
        (
            "mediabox-garbage",
            lambda rng: text_pdf(resume_pages, mediabox=b"[/a (b) <<>> null]"),
            None,
        ),
        ("font-size-huge", lambda rng: text_pdf(resume_pages, size=10**9), None),
        ("no-text-layer", lambda rng: _one_page(pdf_stream(b"0 0 m 100 100 l S")), None),
        ("concatenated", lambda rng: good + good, None),
    ]
    return cases


def _lines(r: Resume) -> list[str]:
    return [t for _, t in resume_lines(r)]


def _replace(data: bytes, old: bytes, new: bytes, count: int) -> bytes:
    return data.replace(old, new, count)


def _deep_page_tree(depth: int) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for i in range(depth):
        number = i + 2
        parent = b"/Parent %d 0 R " % (number - 1) if i else b""
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, number + 1))
    page = depth + 2
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R"
        b" >> >> /Contents %d 0 R >>" % (page - 1, page + 2, page + 1)
    )
    objects.append(pdf_stream(_RESUME_CONTENT))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return pdf_document(objects)


def _ref_chain(length: int) -> bytes:
    """The content stream's /Length is a chain of ``length`` indirect references."""
    stream = _RESUME_CONTENT
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R"
        b" >> >> /Contents 4 0 R >>",
        b"<< /Length 6 0 R >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i in range(length):
        objects.append(b"%d 0 R" % (7 + i))
    objects.append(b"%d" % len(stream))
    return pdf_document(objects)


def _pages_loop() -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 2 /Parent 3 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 2 /Parent 2 0 R >>",
        b"<< /Type /Page /Parent 3 0 R /Resources << /Font << /F1 6 0 R >> >> /Contents 5 0 R >>",
        pdf_stream(_RESUME_CONTENT),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_document(objects)


def _xref_prev(good: bytes, *, self_loop: bool) -> bytes:
    xref = int(re.findall(rb"startxref\n(\d+)", good)[-1])
    if self_loop:
        return good.replace(b"trailer\n<< ", b"trailer\n<< /Prev %d " % xref, 1)
    # a second (incremental) section whose /Prev points back to itself through the first
    probe = good.replace(b"trailer\n<< ", b"trailer\n<< /Prev %010d " % 0, 1)
    first = good.replace(b"trailer\n<< ", b"trailer\n<< /Prev %010d " % (len(probe) + 1), 1)
    second = (
        b"\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Root 1 0 R /Prev %d >>\n"
        b"startxref\n%d\n%%%%EOF\n" % (xref, len(first) + 1)
    )
    return first + second


def _xref_stream_loop() -> bytes:
    """A cross-reference stream whose /Prev is its own offset."""
    head = b"%PDF-1.7\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        pdf_stream(_RESUME_CONTENT),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(head)
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    rows = b"\x00\x00\x00\x00\x00\xff" + b"".join(struct.pack(">BIB", 1, o, 0)[:6] for o in offsets)
    rows += struct.pack(">BIB", 1, xref_at, 0)[:6]
    data = zlib.compress(rows)
    out += (
        b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 1] /Root 1 0 R /Prev %d /Filter /FlateDecode"
        b" /Length %d >>\nstream\n"
        % (xref_at, len(data))
        + data
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at
    )
    return bytes(out)


def _objstm_bomb() -> bytes:
    bomb = _flate_bomb(500 << 20)
    return _one_page(
        pdf_stream(_RESUME_CONTENT),
        extra_objects=(
            b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n"
            % len(bomb)
            + bomb
            + b"\nendstream",
        ),
    )


def _length_loop() -> bytes:
    stream = _RESUME_CONTENT
    return _one_page(
        b"<< /Length 6 0 R >>\nstream\n" + stream + b"\nendstream",
        extra_objects=(b"7 0 R", b"6 0 R"),
    )


def _cmap_pdf(body: bytes) -> bytes:
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n" + body + b"\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    text = b"BT /F1 12 Tf 50 800 Td <0041004200430044> Tj ET\n" + _RESUME_CONTENT
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R"
        b" >> >> /Contents 4 0 R >>",
        pdf_stream(text),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts"
        b" [7 0 R] /ToUnicode 6 0 R >>",
        pdf_stream(cmap),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (Identity) /Supplement 0 >> >>",
    ]
    return pdf_document(objects)


def _xobject_loop() -> bytes:
    """A form XObject that draws itself."""
    form = b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X1 6"
    form += b" 0 R >> /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n"
    body = b"BT /F1 10 Tf 50 700 Td (inside) Tj ET /X1 Do"
    return _one_page(
        pdf_stream(_RESUME_CONTENT + b"\n/X1 Do"),
        resources=b"/XObject << /X1 6 0 R >>",
        extra_objects=(form % len(body) + body + b"\nendstream",),
    )


# --------------------------------------------------------------------------- structural: LinkedIn


def _linkedin_structural() -> list[tuple[str, Callable[[random.Random], bytes], str | None]]:
    r = seed_resume(7)
    positions_header = ["Company Name", "Title", "Description", "Location", "Started On",
                        "Finished On"]  # fmt: skip

    def with_csv(name: str, rows: list[list[str]] | bytes) -> Callable[[random.Random], bytes]:
        def make(rng: random.Random) -> bytes:
            content = rows if isinstance(rows, bytes) else csv_bytes(rows)
            return linkedin_zip(r, {name: content})

        return make

    def positions(
        title: str, n: int = 1, start: str = "Jan 2019", end: str = ""
    ) -> list[list[str]]:
        return [positions_header] + [
            ["Acme Corp", title, "Built Python tools.", "London", start, end] for _ in range(n)
        ]

    def skills_csv(size: int) -> bytes:
        rng = random.Random(f"skills-csv:{size}")
        out = io.StringIO()
        out.write("Name\n")
        while out.tell() < size:
            out.write(f"{rng.choice(_SKILLS)} {rng.randint(0, 10**6)}\n")
        return out.getvalue().encode()

    return [
        ("skills-csv-9mb", with_csv("Skills.csv", skills_csv(9_000_000)), None),
        ("skills-csv-1mb", with_csv("Skills.csv", skills_csv(1_000_000)), None),
        (
            "field-over-131072",
            with_csv("Profile.csv", [["First Name", "Summary"], ["Jane", "Python " * 20_000]]),
            None,
        ),
        (
            "field-unclosed-quote",
            with_csv("Positions.csv", b'Company Name,Title\n"Acme,' + b"Python " * 30_000),
            None,
        ),
        ("nul-bytes", with_csv("Positions.csv", csv_bytes(positions("Data\x00Analyst"))), None),
        ("nul-bytes-header", with_csv("Skills.csv", b"Na\x00me\nPython\x00\nSQL\n"), None),
        (
            "title-ansi",
            with_csv("Positions.csv", positions("Engineer \x1b]0;title\x07\x1b[8m")),
            None,
        ),
        (
            "title-osc-hyperlink",
            with_csv(
                "Positions.csv",
                positions("\x1b]8;;https://example.org\x1b\\Engineer\x1b]8;;\x1b\\"),
            ),
            None,
        ),
        (
            "company-controls",
            with_csv(
                "Positions.csv",
                [positions_header, ["Acme\x07\x08\x1b[2J", "Engineer", "", "", "Jan 2019", ""]],
            ),
            None,
        ),
        (
            "title-c1-controls",
            with_csv("Positions.csv", positions("Engineer\x85\x9b31m\x90")),
            None,
        ),
        (
            "title-rich-markup",
            with_csv("Positions.csv", positions("[/] [/bold] [link=x]E[/link]")),
            None,
        ),
        ("title-rtl-override", with_csv("Positions.csv", positions("\u202eREENIGNE\u202c")), None),
        (
            "title-combining-flood",
            with_csv("Positions.csv", positions("E" + _COMBINING * 10_000)),
            None,
        ),
        ("title-newlines", with_csv("Positions.csv", positions("Senior\nData\r\nAnalyst")), None),
        ("positions-50000", with_csv("Positions.csv", positions("Engineer", 50_000)), None),
        (
            "dates-9999",
            with_csv("Positions.csv", positions("Engineer", 3, "Jan 9999", "Dec 9999")),
            None,
        ),
        (
            "dates-2200",
            with_csv("Positions.csv", positions("Engineer", 3, "Dec 2200", "2201")),
            None,
        ),
        (
            "dates-garbage",
            with_csv("Positions.csv", positions("Engineer", 3, "13/2020", "'00")),
            None,
        ),
        (
            "dates-end-before-start",
            with_csv("Positions.csv", positions("E", 3, "2020", "1990")),
            None,
        ),
        (
            "profile-line-1mb",
            with_csv("Profile.csv", [["First Name", "Headline"], ["Jane", "x" * 1_000_000]]),
            None,
        ),
        (
            "rows-200k",
            with_csv("Languages.csv", [["Name", "Proficiency"]] + [["a", "b"]] * 200_000),
            None,
        ),
        ("header-only", lambda rng: zip_files([("Positions.csv", b"Company Name,Title\n")]), None),
        ("empty-csvs", lambda rng: zip_files([(n, b"") for n, _ in linkedin_members(r)]), None),
        (
            "csv-utf16",
            lambda rng: zip_files(
                [(n, c.decode("utf-8-sig").encode("utf-16")) for n, c in linkedin_members(r)]
            ),
            None,
        ),
        (
            "csv-cp1252",
            lambda rng: zip_files(
                [
                    (n, c.decode("utf-8-sig").encode("cp1252", "replace"))
                    for n, c in linkedin_members(r)
                ]
            ),
            None,
        ),
        ("csv-binary", lambda rng: zip_files([("Profile.csv", rng.randbytes(50_000))]), None),
        (
            "nested-folders",
            lambda rng: zip_files([("a/" * 200 + n, c) for n, c in linkedin_members(r)]),
            None,
        ),
        ("duplicate-csvs", lambda rng: zip_files(linkedin_members(r) * 2), None),
        (
            "csv-is-folder",
            lambda rng: zip_files([("Positions.csv/", b""), *linkedin_members(r)[2:]]),
            None,
        ),
        (
            "separator-semicolons",
            with_csv("Positions.csv", b"Company Name;Title;Started On\nAcme;Engineer;Jan 2019\n"),
            None,
        ),
        (
            "many-columns",
            with_csv(
                "Positions.csv",
                [positions_header + [f"c{i}" for i in range(50_000)], ["Acme", "Engineer"] * 3],
            ),
            None,
        ),
    ]


# --------------------------------------------------------------------------- structural: ZIP


def _zip_structural() -> list[tuple[str, Callable[[random.Random], bytes], str | None]]:
    r = seed_resume(8 % _SEEDS_PER_FORMAT)
    docx = docx_from_body(docx_body(r))
    docx_members = unzip(docx)
    li_members = linkedin_members(r)

    def raw(
        members: list[tuple[str, bytes]],
        change: Callable[[RawMember], None] | None = None,
        target: str | None = None,
        **kw: object,
    ) -> bytes:
        made = [raw_member(n, c) for n, c in members]
        for m in made:
            if change is not None and (target is None or m.name.decode() == target):
                change(m)
        return raw_zip(made, **kw)  # type: ignore[arg-type]

    def setter(**values: object) -> Callable[[RawMember], None]:
        def change(m: RawMember) -> None:
            for k, v in values.items():
                setattr(m, k, v)

        return change

    def truncated(m: RawMember) -> None:
        m.payload = m.payload[: len(m.payload) // 2]

    def garbage(m: RawMember) -> None:
        m.payload = random.Random(len(m.payload)).randbytes(len(m.payload))

    def archive(
        kind: str, m: list[tuple[str, bytes]], t: str
    ) -> list[tuple[str, Callable[[random.Random], bytes], str | None]]:
        """The attacks on one kind of archive ``m`` whose main member is ``t``."""
        return [
            (
                f"{kind}-encrypted-member",
                lambda rng: raw(m, setter(flags=1), t),
                None,
            ),
            (f"{kind}-encrypted-all", lambda rng: raw(m, setter(flags=1)), None),
            (
                f"{kind}-deflate64",
                lambda rng: raw(m, setter(method=9), t),
                None,
            ),
            (
                f"{kind}-method-99-aes",
                lambda rng: raw(m, setter(method=99, flags=1), t),
                None,
            ),
            (
                f"{kind}-method-12-bzip2-garbage",
                lambda rng: raw(m, setter(method=12), t),
                None,
            ),
            (
                f"{kind}-method-14-lzma-garbage",
                lambda rng: raw(m, setter(method=14), t),
                None,
            ),
            (
                f"{kind}-method-unknown",
                lambda rng: raw(m, setter(method=77), t),
                None,
            ),
            (
                f"{kind}-flag-bit5-patched",
                lambda rng: raw(m, setter(flags=0x20), t),
                None,
            ),
            (
                f"{kind}-flag-bit6-strong-encryption",
                lambda rng: raw(m, setter(flags=0x41), t),
                None,
            ),
            (
                f"{kind}-bad-crc",
                lambda rng: raw(m, setter(crc=0xDEADBEEF), t),
                None,
            ),
            (
                f"{kind}-truncated-deflate",
                lambda rng: raw(m, truncated, t),
                None,
            ),
            (f"{kind}-garbage-deflate", lambda rng: raw(m, garbage, t), None),
            (
                f"{kind}-size-understated",
                lambda rng: raw(m, setter(usize=10), t),
                None,
            ),
            (
                f"{kind}-size-absurd",
                lambda rng: raw(m, setter(usize=0xFFFFFFFF), t),
                None,
            ),
            (
                f"{kind}-csize-absurd",
                lambda rng: raw(m, setter(csize=0xFFFFFFF0), t),
                None,
            ),
            (
                f"{kind}-local-name-differs",
                lambda rng: raw(m, setter(local_name=b"other.xml"), t),
                None,
            ),
            (f"{kind}-duplicate-names", lambda rng: raw(m + m), None),
            (
                f"{kind}-members-20000",
                lambda rng: zip_files(
                    m + [(f"junk/{i}.txt", b"") for i in range(20_000)], method=zipfile.ZIP_STORED
                ),
                None,
            ),
            (
                f"{kind}-members-9999",
                lambda rng: zip_files(
                    m + [(f"junk/{i}.txt", b"") for i in range(9999 - len(m))],
                    method=zipfile.ZIP_STORED,
                ),
                None,
            ),
            (
                f"{kind}-zip-bomb",
                lambda rng: raw_zip(
                    [raw_member(n, c) for n, c in m] + [_zeros_member("bomb.bin", 500 << 20)]
                ),
                None,
            ),
            (
                f"{kind}-zip-bomb-lying-size",
                lambda rng: raw_zip(
                    [raw_member(n, c) for n, c in m]
                    + [_zeros_member("word/media/x.bin", 500 << 20, declared=1000)]
                ),
                None,
            ),
            (
                f"{kind}-bomb-many-members",
                lambda rng: raw_zip(
                    [raw_member(n, c) for n, c in m]
                    + [_zeros_member(f"pad/{i}.bin", 1 << 20) for i in range(300)]
                ),
                None,
            ),
            (f"{kind}-entries-count-wrong", lambda rng: raw(m, entries=65535), None),
            (f"{kind}-cd-offset-wrong", lambda rng: raw(m, cd_shift=-7), None),
            (
                f"{kind}-comment-64k",
                lambda rng: raw(m, comment=b"PK\x05\x06" * 16383),
                None,
            ),
            (
                f"{kind}-extra-field-garbage",
                lambda rng: raw(m, setter(extra=b"\x01\x00\x10\x00" + b"\xff" * 16), t),
                None,
            ),
            (f"{kind}-nested-zip", lambda rng: zip_files([("inner.zip", raw(m))]), None),
            (
                f"{kind}-stored-uncompressed",
                lambda rng: zip_files(m, method=zipfile.ZIP_STORED),
                None,
            ),
            (
                f"{kind}-absolute-names",
                lambda rng: zip_files([("/" + n, c) for n, c in m]),
                None,
            ),
            (
                f"{kind}-traversal-names",
                lambda rng: zip_files([("../../" + n, c) for n, c in m]),
                None,
            ),
            (
                f"{kind}-name-with-nul",
                lambda rng: raw(m, setter(name=t.encode() + b"\x00.txt"), t),
                None,
            ),
        ]

    cases = archive("docx", docx_members, "word/document.xml")
    cases += archive("linkedin", li_members, "Positions.csv")
    odf = [
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        (
            "content.xml",
            b"<office:document-content><text:p>Python</text:p></office:document-content>",
        ),
        ("META-INF/manifest.xml", b"<manifest/>"),
    ]
    cases += [
        ("odf-plain", lambda rng: zip_files(odf, method=zipfile.ZIP_STORED), None),
        ("odf-mimetype-deflated", lambda rng: zip_files(odf), None),
        ("odf-mimetype-encrypted", lambda rng: raw(odf, setter(flags=1), "mimetype"), None),
        ("odf-mimetype-deflate64", lambda rng: raw(odf, setter(method=9), "mimetype"), None),
        ("odf-mimetype-method-99", lambda rng: raw(odf, setter(method=99), "mimetype"), None),
        ("odf-mimetype-bad-crc", lambda rng: raw(odf, setter(crc=1), "mimetype"), None),
        ("odf-mimetype-truncated", lambda rng: raw(odf, truncated, "mimetype"), None),
        ("odf-mimetype-garbage", lambda rng: raw(odf, garbage, "mimetype"), None),
        ("odf-mimetype-patched", lambda rng: raw(odf, setter(flags=0x20), "mimetype"), None),
        (
            "odf-mimetype-huge",
            lambda rng: zip_files(
                [("mimetype", b"application/vnd.oasis.opendocument.text" * 200_000), *odf[1:]]
            ),
            None,
        ),
        (
            "odf-mimetype-controls",
            lambda rng: zip_files(
                [("mimetype", b"opendocument\x1b]0;title\x07\x1b[2J\n\r"), *odf[1:]]
            ),
            None,
        ),
        ("xlsx-like", lambda rng: zip_files([("xl/workbook.xml", b"<workbook/>")]), None),
        ("pptx-like", lambda rng: zip_files([("ppt/presentation.xml", b"<p/>")]), None),
        ("empty-zip", lambda rng: b"PK\x05\x06" + b"\x00" * 18, None),
        ("eocd-only-garbage", lambda rng: b"PK\x05\x06" + b"\xff" * 18, None),
        ("local-header-only", lambda rng: b"PK\x03\x04" + b"\x00" * 26, None),
        ("zip64-locator-bogus", lambda rng: _zip64_bogus(docx), None),
        ("spliced-docx-linkedin", lambda rng: docx[: len(docx) // 2] + zip_files(li_members), None),
        ("two-archives-concatenated", lambda rng: docx + zip_files(li_members), None),
        ("random-after-magic", lambda rng: b"PK\x03\x04" + rng.randbytes(30_000), None),
    ]
    return cases


@functools.cache
def _zeros_deflated(size: int) -> tuple[bytes, int]:
    """Raw deflate of ``size`` zero bytes, and their CRC, made a megabyte at a time."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(1 << 20)
    crc = 0
    parts = []
    for _ in range(size >> 20):
        parts.append(c.compress(block))
        crc = zlib.crc32(block, crc)
    parts.append(c.flush())
    return b"".join(parts), crc


def _zeros_member(name: str, size: int, declared: int | None = None) -> RawMember:
    payload, crc = _zeros_deflated(size)
    return RawMember(name.encode(), payload, crc=crc, usize=size if declared is None else declared)


def _zip64_bogus(data: bytes) -> bytes:
    at = data.rindex(b"PK\x05\x06")
    locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, 0xFFFFFFFFFFFF, 1)
    eocd = bytearray(data[at:])
    eocd[16:20] = b"\xff\xff\xff\xff"
    return data[:at] + locator + bytes(eocd)


# --------------------------------------------------------------------------- the case list


def structural_cases(fmt: str) -> list[tuple[str, Callable[[random.Random], bytes], str | None]]:
    """The named attacks of one format: (name, maker, forbidden text)."""
    if fmt in ("html", "md", "txt"):
        own = {"html": _html_structural, "md": _md_structural, "txt": _txt_structural}[fmt]()
        return _text_structural(fmt) + own
    if fmt == "docx":
        return _docx_structural()
    if fmt == "pdf":
        return _pdf_structural()
    if fmt == "linkedin":
        return _linkedin_structural()
    if fmt == "zip-misc":
        return _zip_structural()
    raise ValueError(f"unknown format {fmt!r}")


def _family(name: str) -> str:
    return re.sub(r"-\d[\dx]*$", "", name)


def _seed_maker(fmt: str, i: int) -> Callable[[random.Random], bytes]:
    return lambda rng: seed_bytes(fmt, i)


def generate(n: int, seed: int = 0, formats: tuple[str, ...] = FORMATS) -> list[Case]:
    """``n`` cases spread evenly over ``formats``: seeds, every structural attack, mutations.

    When a format's share is smaller than its seeds and attacks, a seeded sample of them is
    taken. Structural cases come first (interleaved across formats), then the mutations.
    """
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    rng = random.Random(f"plan:{seed}:{n}")
    share = {f: n // len(formats) + (i < n % len(formats)) for i, f in enumerate(formats)}
    fixed: dict[str, list[Case]] = {}
    mutations: dict[str, list[Case]] = {}
    for fmt in formats:
        found: list[Case] = [
            Case(0, fmt, f"seed-{i}", "seed", "seed", _seed_maker(fmt, i), seed)
            for i in range(_SEEDS_PER_FORMAT)
        ]
        for name, make, forbidden in structural_cases(fmt):
            found.append(Case(0, fmt, name, _family(name), "structural", make, seed, forbidden))
        if len(found) > share[fmt]:
            keep = sorted(rng.sample(range(len(found)), share[fmt]))
            found = [found[i] for i in keep]
        fixed[fmt] = found
        ops = _mutation_ops(fmt)
        made = []
        for k in range(share[fmt] - len(found)):
            chosen = [rng.choice(ops) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
            seed_index = rng.randrange(_SEEDS_PER_FORMAT)
            name = f"mutate-{'+'.join(chosen)}-s{seed_index}-{k:05d}"
            made.append(
                Case(
                    0,
                    fmt,
                    name,
                    "mutate-" + "+".join(sorted(set(chosen))),
                    "mutation",
                    _mutation_case(fmt, chosen, seed_index),
                    seed,
                )
            )
        mutations[fmt] = made
    ordered: list[Case] = []
    for group in (fixed, mutations):
        pending = {f: list(cases) for f, cases in group.items()}
        while any(pending.values()):
            for fmt in formats:
                if pending[fmt]:
                    ordered.append(pending[fmt].pop(0))
    return [
        Case(i, c.format, c.name, c.family, c.kind, c.make, c.seed, c.forbidden)
        for i, c in enumerate(ordered)
    ]
