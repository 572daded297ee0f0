"""Each reader, fed real files made by ``docs_factory``, yields the same clean résumé."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from careermap.documents import Document, YearMonth, read
from docs_factory import (
    HEADINGS,
    RESUME,
    docx_bytes,
    encrypted_pdf_bytes,
    linkedin_zip_bytes,
    pdf_bytes,
    resume_html,
    resume_markdown,
    resume_text,
)

KINDS = ["summary", "experience", "skills", "education", "projects", "certifications", "other"]

MAKERS = {
    "markdown": lambda: resume_markdown().encode("utf-8"),
    "text": lambda: resume_text().encode("utf-8"),
    "html": lambda: resume_html().encode("utf-8"),
    "docx": docx_bytes,
    "pdf": pdf_bytes,
}


@pytest.fixture(scope="module", params=sorted(MAKERS))
def resume(request: pytest.FixtureRequest) -> tuple[str, Document]:
    fmt: str = request.param
    # a misleading name: the format must come from the content
    return fmt, read(MAKERS[fmt](), name="resume.bin")


def test_format_is_told_from_content(resume: tuple[str, Document]) -> None:
    fmt, doc = resume
    assert doc.format == fmt
    assert doc.metadata.source == "resume.bin"


def test_every_section_kind_found_in_order(resume: tuple[str, Document]) -> None:
    _, doc = resume
    assert [s.kind for s in doc.sections] == KINDS
    for section in doc.sections:
        assert (
            doc.text[section.start : section.end].lower().startswith(HEADINGS[section.kind].lower())
        )
        assert section.heading.lower() == HEADINGS[section.kind].lower()


def test_section_offsets_hold_their_text(resume: tuple[str, Document]) -> None:
    _, doc = resume
    bodies = {
        "summary": "generative AI",
        "experience": "Led a team of three analysts.",
        "skills": "Tableau",
        "education": RESUME.education,
        "projects": "retrieval-augmented assistant",
        "certifications": RESUME.certification,
        "other": RESUME.languages,
    }
    for section in doc.sections:
        assert bodies[section.kind] in doc.section_text(section)
    for kind, phrase in bodies.items():
        assert doc.section_at(doc.text.index(phrase)) == kind
    # the name and contact line come before any heading
    assert doc.section_at(doc.text.index("jane@example.com")) is None


def test_positions_with_dates(resume: tuple[str, Document]) -> None:
    _, doc = resume
    got = [(p.title, p.organisation, p.start_date, p.end_date, p.current) for p in doc.positions]
    assert got == [
        ("Senior Data Analyst", "Acme Corp", YearMonth(year=2019, month=1), None, True),
        ("Data Analyst", "Beta Ltd", YearMonth(year=2017), YearMonth(year=2019), False),
        (
            "Junior Analyst",
            "Gamma Group",
            YearMonth(year=2015, month=3),
            YearMonth(year=2017, month=6),
            False,
        ),
    ]
    for position, job in zip(doc.positions, RESUME.jobs, strict=True):
        entry = doc.text[position.start : position.end]
        assert entry.startswith(job.title)
        assert all(bullet in entry for bullet in job.bullets)
        assert doc.section_at(position.start) == "experience"
    assert doc.positions[1].years() == 2.0
    assert doc.positions[2].years() == pytest.approx(28 / 12)


def test_bullets_are_normalised(resume: tuple[str, Document]) -> None:
    _, doc = resume
    assert "- Built forecasting models" in doc.text
    assert "•" not in doc.text


def test_pdf_pages_hyphenation_and_page_numbers() -> None:
    doc = read(pdf_bytes())
    assert doc.metadata.pages == 2
    assert len(doc.metadata.page_starts) == 2
    assert doc.page_at(doc.text.index("Acme Corp")) == 1
    assert doc.page_at(doc.text.index(RESUME.certification)) == 2
    # "dash-" at a line end and "boards" on the next are one word again
    assert "SQL and dashboards, moving into generative AI." in doc.text
    assert "Page 1 of 2" not in doc.text
    assert doc.metadata.warnings == []


def test_encrypted_pdf_opens_with_its_password() -> None:
    doc = read(encrypted_pdf_bytes("s3cret"), password="s3cret")
    assert doc.format == "pdf"
    assert [s.kind for s in doc.sections] == KINDS


def test_docx_table_and_heading_styles() -> None:
    doc = read(docx_bytes())
    skills = doc.section_text(doc.sections_of("skills")[0])
    assert "Languages | Python, SQL" in skills
    assert "Tools | pandas, Tableau, Docker" in skills
    # the Title-styled name is not a section; the "Languages" table cell is not a heading
    assert doc.section_at(0) is None
    assert len(doc.sections_of("other")) == 1


def test_html_drops_scripts_styles_and_navigation() -> None:
    doc = read(resume_html().encode())
    for hidden in ("tracking", "console.log", "color:red", "Home", "Jobs"):
        assert hidden not in doc.text
    assert doc.text.startswith(RESUME.name)


def test_markdown_markup_is_removed() -> None:
    doc = read(resume_markdown().encode())
    assert "**" not in doc.text and "#" not in doc.text
    assert "https://example.com" not in doc.text
    assert "Résumé chatbot: a retrieval-augmented" in doc.text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_text_in_other_encodings(encoding: str) -> None:
    text = resume_text().replace("Jane Q. Example", "José Müller-Çelik, Zürich")
    if encoding == "latin-1":  # no dashes or bullets in Latin-1
        text = text.replace("—", "-").replace("–", "-").replace("•", "*").replace("·", "|")
    doc = read(text.encode(encoding))
    assert doc.format == "text"
    assert doc.text.startswith("José Müller-Çelik, Zürich")
    assert [s.kind for s in doc.sections] == KINDS
    assert doc.positions[0].current


def test_linkedin_export() -> None:
    doc = read(linkedin_zip_bytes())
    assert doc.format == "linkedin"
    assert [s.kind for s in doc.sections] == [
        "summary",
        "experience",
        "education",
        "skills",
        "certifications",
        "other",
    ]
    acme, beta = doc.positions
    assert (acme.title, acme.organisation, acme.current) == (
        "Senior Data Analyst",
        "Acme, Inc.",
        True,
    )
    assert acme.start_date == YearMonth(year=2019, month=1)
    assert (beta.start_date, beta.end_date) == (
        YearMonth(year=2017, month=3),
        YearMonth(year=2018, month=12),
    )
    assert "Built forecasting models in Python." in doc.text[acme.start : acme.end]
    skills = doc.section_text(doc.sections_of("skills")[0])
    assert skills.split() == ["-", "Python", "-", "SQL", "-", "Tableau"]
    assert "Ann" not in doc.text  # connections are not part of a résumé
    assert doc.section_at(doc.text.index("Chess club")) == "education"


def test_linkedin_export_in_a_folder() -> None:
    doc = read(linkedin_zip_bytes(folder="Basic_LinkedInDataExport_01-01-2025/"))
    assert doc.format == "linkedin"
    assert len(doc.positions) == 2


def test_path_str_stream_and_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(pdf_bytes())  # a PDF under a .txt name
    by_path, by_str = read(path), read(str(path))
    with path.open("rb") as handle:
        by_stream = read(handle)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pdf_bytes())))
    by_stdin = read("-")
    assert by_path.text == by_str.text == by_stream.text == by_stdin.text
    assert by_path.format == by_stdin.format == "pdf"
    assert by_path.metadata.source == str(path)
    assert by_stream.metadata.source == str(path)
    assert by_stdin.metadata.source == "<stdin>"


def test_document_round_trips_through_json() -> None:
    doc = read(docx_bytes())
    assert Document.model_validate_json(doc.model_dump_json()) == doc


def test_html_fragment_job_posting() -> None:
    posting = (
        "<div class='description'><p><strong>GenAI Engineer</strong> at Acme Corp</p>"
        "<p><strong>Responsibilities:</strong></p><ul><li>Build RAG pipelines</li></ul>"
        "<p><strong>Requirements</strong></p><ul><li>Python</li><li>LangChain</li></ul></div>"
    )
    doc = read(posting.encode())
    assert doc.format == "html"
    assert doc.text == (
        "GenAI Engineer at Acme Corp\nResponsibilities:\n- Build RAG pipelines\n"
        "Requirements\n- Python\n- LangChain"
    )
    assert doc.section_at(doc.text.index("LangChain")) == "skills"


def test_plain_text_with_dashes_is_not_markdown() -> None:
    text = "Jane Example\nSkills\n- Python\n- SQL\n1. Ranked first in class\n"
    assert read(text.encode()).format == "text"
