"""Makers of real test documents: PDFs (reportlab), DOCX (python-docx), exports, bad files.

Every maker returns the file's bytes; tests write them to ``tmp_path`` where a path is
needed. One fictional résumé is rendered in each format so tests can compare them.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

import docx
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

__all__ = [
    "RESUME",
    "docx_bytes",
    "encrypted_pdf_bytes",
    "linkedin_zip_bytes",
    "pdf_bytes",
    "resume_html",
    "resume_markdown",
    "resume_text",
    "scanned_pdf_bytes",
    "zip_bomb_docx_bytes",
]


@dataclass(frozen=True)
class Job:
    title: str
    org: str
    dates: str
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class Resume:
    name: str
    contact: str
    summary: str
    jobs: tuple[Job, ...]
    skills: str
    education: str
    project: str
    certification: str
    languages: str


RESUME = Resume(
    name="Jane Q. Example",
    contact="jane@example.com · London",
    summary=(
        "Data analyst with six years of experience in Python, SQL and dashboards, "
        "moving into generative AI."
    ),
    jobs=(
        Job(
            "Senior Data Analyst",
            "Acme Corp",
            "Jan 2019 – Present",
            (
                "Built forecasting models in Python and scikit-learn for 40 stores.",
                "Led a team of three analysts.",
            ),
        ),
        Job(
            "Data Analyst",
            "Beta Ltd",
            "2017-2019",
            ("Automated weekly reporting with SQL and Airflow.",),
        ),
        Job(
            "Junior Analyst",
            "Gamma Group",
            "03/2015 – 06/2017",
            ("Cleaned survey data in Excel.",),
        ),
    ),
    skills="Python, SQL, pandas, Tableau, Docker",
    education="MSc Statistics, University of Leeds, 2015",
    project="Résumé chatbot: a retrieval-augmented assistant built with LangChain.",
    certification="AWS Certified Cloud Practitioner (2023)",
    languages="English (native), Spanish (conversational)",
)

#: headings each rendering uses, by section kind
HEADINGS = {
    "summary": "Professional Summary",
    "experience": "Work Experience",
    "skills": "Technical Skills",
    "education": "Education & Training",
    "projects": "Selected Projects",
    "certifications": "Certifications & Licenses",
    "other": "Languages",
}


def _job_lines(job: Job, layout: int) -> list[str]:
    """Three layouts résumés use for a job's first lines."""
    if layout == 0:
        return [f"{job.title}, {job.org} — {job.dates}"]
    if layout == 1:
        return [f"{job.title} | {job.org} | {job.dates}"]
    return [job.title, f"{job.org}, Leeds", job.dates]


def resume_markdown(r: Resume = RESUME) -> str:
    out = [f"# {r.name}", "", r.contact, "", f"## {HEADINGS['summary']}", "", r.summary, ""]
    out += [f"## {HEADINGS['experience']}", ""]
    for n, job in enumerate(r.jobs):
        out += [*(f"**{line}**" if n == 0 else line for line in _job_lines(job, n)), ""]
        out += [f"- {b}" for b in job.bullets] + [""]
    for kind, body in (
        ("skills", r.skills),
        ("education", r.education),
        ("projects", f"[{r.project.split(':')[0]}](https://example.com/bot):"
         f"{r.project.split(':', 1)[1]}"),
        ("certifications", r.certification),
        ("other", r.languages),
    ):  # fmt: skip
        out += [f"## {HEADINGS[kind]}", "", body, ""]
    return "\n".join(out)


def resume_text(r: Resume = RESUME) -> str:
    """Plain text with ALL-CAPS headings and bullet glyphs, as résumés saved as .txt have."""
    out = [r.name, r.contact, "", HEADINGS["summary"].upper(), r.summary, ""]
    out += [HEADINGS["experience"].upper()]
    for n, job in enumerate(r.jobs):
        out += _job_lines(job, n) + [f"• {b}" for b in job.bullets]
    for kind, body in (
        ("skills", r.skills),
        ("education", r.education),
        ("projects", r.project),
        ("certifications", r.certification),
        ("other", r.languages),
    ):
        out += ["", HEADINGS[kind].upper() + ":", body]
    return "\n".join(out) + "\n"


def resume_html(r: Resume = RESUME) -> str:
    jobs = "".join(
        "<div class='job'>"
        + "".join(f"<p>{line}</p>" for line in _job_lines(job, n))
        + "<ul>"
        + "".join(f"<li>{b}</li>" for b in job.bullets)
        + "</ul></div>"
        for n, job in enumerate(r.jobs)
    )
    rest = "".join(
        f"<section><h2>{HEADINGS[kind]}</h2><p>{body}</p></section>"
        for kind, body in (
            ("skills", r.skills),
            ("education", r.education),
            ("projects", r.project),
            ("certifications", r.certification),
            ("other", r.languages),
        )
    )
    return (
        "<!DOCTYPE html><html><head><title>CV</title><style>h2{color:red}</style>"
        "<script>var tracking = 'do not read me';</script></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/jobs'>Jobs</a></nav>"
        f"<h1>{r.name}</h1><p>{r.contact}</p>"
        f"<h2>{HEADINGS['summary']}</h2><p>{r.summary}</p>"
        f"<h2>{HEADINGS['experience']}</h2>{jobs}{rest}"
        "<script>console.log('x')</script></body></html>"
    )


def docx_bytes(r: Resume = RESUME) -> bytes:
    """A Word résumé: Title and Heading 2 styles, bulleted lists, skills in a table."""
    document = docx.Document()
    document.add_paragraph(r.name, style="Title")
    document.add_paragraph(r.contact)
    document.add_heading(HEADINGS["summary"], level=2)
    document.add_paragraph(r.summary)
    document.add_heading(HEADINGS["experience"], level=2)
    for n, job in enumerate(r.jobs):
        for line in _job_lines(job, n):
            document.add_paragraph(line)
        for bullet in job.bullets:
            document.add_paragraph(bullet, style="List Bullet")
    document.add_heading(HEADINGS["skills"], level=2)
    table = document.add_table(rows=2, cols=2)
    left, right = r.skills.split(", pandas")
    for row, (label, value) in zip(
        table.rows, (("Languages", left), ("Tools", "pandas" + right)), strict=True
    ):
        row.cells[0].text = label
        row.cells[1].text = value
    for kind, body in (
        ("education", r.education),
        ("projects", r.project),
        ("certifications", r.certification),
        ("other", r.languages),
    ):
        document.add_heading(HEADINGS[kind], level=2)
        document.add_paragraph(body)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(r: Resume = RESUME) -> bytes:
    """A two-page PDF with a real text layer; the page breaks after the experience."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    y = 800.0

    def line(text: str, size: int = 10) -> None:
        nonlocal y
        pdf.setFont("Helvetica-Bold" if size > 10 else "Helvetica", size)
        pdf.drawString(60, y, text)
        y -= size + 6

    line(r.name, 16)
    line(r.contact)
    line(HEADINGS["summary"].upper(), 12)
    # a long sentence wrapped by hand, hyphenating a word at the line end as PDFs do
    line("Data analyst with six years of experience in Python, SQL and dash-")
    line("boards, moving into generative AI.")
    line(HEADINGS["experience"].upper(), 12)
    for n, job in enumerate(r.jobs):
        for text in _job_lines(job, n):
            line(text)
        for bullet in job.bullets:
            line(f"• {bullet}")
    line("Page 1 of 2")
    pdf.showPage()
    y = 800.0
    for kind, body in (
        ("skills", r.skills),
        ("education", r.education),
        ("projects", r.project),
        ("certifications", r.certification),
        ("other", r.languages),
    ):
        line(HEADINGS[kind].upper(), 12)
        line(body)
    line("Page 2 of 2")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def scanned_pdf_bytes() -> bytes:
    """A PDF whose only page is a picture (as a scanner makes): no text layer at all."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 300), 255)
    ImageDraw.Draw(image).rectangle((40, 40, 560, 80), fill=0)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.drawImage(ImageReader(image), 40, 400, width=500, height=250)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def encrypted_pdf_bytes(password: str) -> bytes:
    """The two-page résumé PDF, locked with a user password (RC4, no extra packages)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt(user_password=password, owner_password=password + "-owner",
                   algorithm="RC4-128")  # fmt: skip
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _csv(rows: list[list[str]], notes: bool = False) -> bytes:
    out = io.StringIO()
    if notes:
        out.write('Notes:\n"When exporting your data, some fields may be empty."\n\n')
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def linkedin_zip_bytes(folder: str = "") -> bytes:
    """A LinkedIn "Get a copy of your data" archive with the CSVs a résumé needs."""
    files = {
        "Profile.csv": _csv([
            ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline",
             "Summary", "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
             "Instant Messengers"],
            ["Jane", "Example", "", "", "", "Senior Data Analyst at Acme Corp",
             "Data analyst moving into generative AI.", "Retail", "", "London, England", "",
             "", ""],
        ]),
        "Positions.csv": _csv([
            ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
            ["Acme, Inc.", "Senior Data Analyst", "Built forecasting models in Python.",
             "London", "Jan 2019", ""],
            ["Beta Ltd", "Data Analyst", "Automated reporting with SQL.", "Leeds", "Mar 2017",
             "Dec 2018"],
        ]),
        "Skills.csv": _csv([["Name"], ["Python"], ["SQL"], ["Tableau"]]),
        "Education.csv": _csv([
            ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"],
            ["University of Leeds", "2014", "2015", "", "MSc Statistics", "Chess club"],
        ]),
        "Certifications.csv": _csv([
            ["Name", "Url", "Authority", "Started On", "Finished On", "License Number"],
            ["AWS Certified Cloud Practitioner", "", "Amazon Web Services", "Mar 2023", "", ""],
        ]),
        "Languages.csv": _csv([["Name", "Proficiency"], ["Spanish", "Limited working"]]),
        "Connections.csv": _csv([["First Name", "Last Name"], ["Ann", "Other"]], notes=True),
    }  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for filename, content in files.items():
            archive.writestr(folder + filename, content)
    return out.getvalue()


def zip_bomb_docx_bytes(megabytes: int) -> bytes:
    """A real DOCX with one extra member of ``megabytes`` MB of zeros (deflates ~1000:1)."""
    out = io.BytesIO(docx_bytes())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", bytes(megabytes * 1_000_000))
    return out.getvalue()
