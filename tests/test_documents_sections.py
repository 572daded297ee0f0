"""Headings, sections, positions and clean-up on small texts a user could write."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careermap.documents import YearMonth, read
from careermap.errors import DocumentError

FILLER = "Jane Example\njane@example.com\n\n"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Work Experience", "experience"),
        ("Professional Experience", "experience"),
        ("EMPLOYMENT HISTORY", "experience"),
        ("E X P E R I E N C E", "experience"),
        ("Technical Skills:", "skills"),
        ("Core Competencies", "skills"),
        ("Education & Training", "education"),
        ("Selected Projects", "projects"),
        ("Certifications & Licenses", "certifications"),
        ("Licenses and Certifications", "certifications"),
        ("Professional Summary", "summary"),
        ("— AWARDS —", "other"),
    ],
)
def test_heading_variants(heading: str, kind: str) -> None:
    doc = read((FILLER + f"{heading}\nSomething written under the heading.\n").encode())
    assert [s.kind for s in doc.sections] == [kind]
    section = doc.sections[0]
    assert doc.section_text(section) == "Something written under the heading."
    assert doc.section_at(doc.text.index("written")) == kind
    assert doc.section_at(0) is None


def test_sentence_mentioning_a_heading_word_is_not_a_heading() -> None:
    doc = read(
        (FILLER + "I have experience in Python.\n- Skills\nExperience with SQL and dashboards\n")
        .encode()
    )  # fmt: skip
    assert doc.sections == []
    assert doc.section_at(10) is None


def test_markdown_heading_levels() -> None:
    text = (
        "# Jane Example\n\n## Experience\n\n### Data Analyst — Acme Corp\n\n2019 – 2021\n\n"
        "Built dashboards.\n\n## Volunteering Abroad\n\nTaught maths in Lima.\n\n"
        "## Skills\n\nPython, SQL\n"
    )
    doc = read(text.encode())
    # the h1 name is no section; the h3 job stays inside experience; an unknown h2 is "other"
    assert [(s.kind, s.heading) for s in doc.sections] == [
        ("experience", "Experience"),
        ("other", "Volunteering Abroad"),
        ("skills", "Skills"),
    ]
    (job,) = doc.positions
    assert (job.title, job.organisation) == ("Data Analyst", "Acme Corp")
    assert (
        doc.text[job.start : job.end]
        == "Data Analyst — Acme Corp\n2019 – 2021\n\nBuilt dashboards."
    )


def test_inline_heading_opens_a_section_outside_jobs_only() -> None:
    text = (
        FILLER
        + "Experience\nData Engineer, Acme Corp — 2020 – 2023\nTools: Python, Spark\n"
        + "Built pipelines.\n\nSkills: Python, SQL, Airflow\nLanguages: English, Polish\n"
    )
    doc = read(text.encode())
    assert [(s.kind, s.heading) for s in doc.sections] == [
        ("experience", "Experience"),
        ("skills", "Skills"),
        ("other", "Languages"),
    ]
    skills = doc.sections[1]
    assert doc.section_text(skills) == "Python, SQL, Airflow"
    assert doc.section_at(doc.text.index("Tools: Python")) == "experience"


def test_job_posting_headings() -> None:
    posting = (
        "Generative AI Engineer\nAcme Corp, London\n\nAbout the role\nYou will build LLM apps.\n\n"
        "Responsibilities\n- Ship retrieval-augmented generation features\n\n"
        "Requirements\n- 3+ years of Python\n- Experience with vector databases\n\n"
        "Nice to have\n- Kubernetes\n"
    )
    doc = read(posting.encode())
    assert [s.kind for s in doc.sections] == ["other", "other", "skills", "skills"]
    assert doc.section_at(doc.text.index("vector databases")) == "skills"
    assert doc.positions == []


@pytest.mark.parametrize(
    ("line", "title", "org", "start", "end", "current"),
    [
        ("Senior Data Analyst, Acme Corp — Jan 2019 – Present", "Senior Data Analyst",
         "Acme Corp", (2019, 1), None, True),
        ("Data Analyst at Beta Ltd (2020-03 to 2022-06)", "Data Analyst", "Beta Ltd",
         (2020, 3), (2022, 6), False),
        ("Acme Corp | Senior Engineer | Sept. 2018 - Mar. 2020", "Senior Engineer",
         "Acme Corp", (2018, 9), (2020, 3), False),
        ("ML Engineer, Gamma Labs, 03/2020 – 06/2022", "ML Engineer", "Gamma Labs",
         (2020, 3), (2022, 6), False),
        ("Analyst — Delta Group — 2015–2017", "Analyst", "Delta Group", (2015, None),
         (2017, None), False),
        ("Consultant, Epsilon — since May 2021", "Consultant", "Epsilon", (2021, 5), None,
         True),
        ("Senior Solutions Engineer — Loomwise (Jan 2022 – Present)",
         "Senior Solutions Engineer", "Loomwise", (2022, 1), None, True),
        ("Zeta Solutions — Engineer — 2015–2017", "Engineer", "Zeta Solutions", (2015, None),
         (2017, None), False),
    ],
)  # fmt: skip
def test_position_lines(
    line: str,
    title: str,
    org: str,
    start: tuple[int, int | None],
    end: tuple[int, int | None] | None,
    current: bool,
) -> None:
    doc = read((FILLER + f"Experience\n{line}\n- Did good work.\n").encode())
    (position,) = doc.positions
    assert (position.title, position.organisation, position.current) == (title, org, current)
    assert position.start_date == YearMonth(year=start[0], month=start[1])
    assert position.end_date == (None if end is None else YearMonth(year=end[0], month=end[1]))
    assert doc.text[position.start : position.end] == f"{line}\n- Did good work."


def test_dates_before_title_and_dates_in_bullets() -> None:
    text = (
        FILLER + "Employment History\nJan 2020 – Dec 2021\nProduct Manager\nZeta Software\n"
        "- Grew revenue 20% from 2019-2021 across three markets.\n"
        "Mar 2018 – Dec 2019\nBusiness Analyst\nEta Corp\n"
    )
    doc = read(text.encode())
    zeta, eta = doc.positions
    assert (zeta.title, zeta.organisation) == ("Product Manager", "Zeta Software")
    assert (eta.title, eta.organisation) == ("Business Analyst", "Eta Corp")
    assert zeta.years() == 2.0
    assert doc.text[eta.start : eta.end] == "Mar 2018 – Dec 2019\nBusiness Analyst\nEta Corp"


def test_no_positions_outside_experience() -> None:
    text = FILLER + "Education\nBSc Physics, University of Leeds — 2010 – 2013\n"
    assert read(text.encode()).positions == []


def test_clean_text() -> None:
    raw = (
        "Summary\n\uf0b7 Eﬃcient\u00a0and   self-\nmotivated  engineer;  develop-\nment of "
        "end-to-\nend systems\n▪ Python • SQL • Docker\n\n\n\nSkills\n\tPython\u200b\r\n"
    )
    doc = read(raw.encode())
    assert doc.text == (
        "Summary\n- Efficient and self-motivated engineer; development of end-to-end systems\n"
        "- Python · SQL · Docker\n\nSkills\nPython"
    )


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_reads_or_fails_cleanly(text: str) -> None:
    try:
        doc = read(text.encode("utf-8"))
    except DocumentError as exc:
        assert exc.message
        return
    assert len(doc.text) >= 20
    previous_end = 0
    for section in doc.sections:
        assert previous_end <= section.start <= section.body_start <= section.end
        assert section.end <= len(doc.text)
        previous_end = section.end
