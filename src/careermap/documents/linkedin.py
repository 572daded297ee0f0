"""LinkedIn data exports ("Get a copy of your data" ZIP): CSV files into a résumé."""

from __future__ import annotations

import csv
import io
import zipfile

from careermap.documents.archive import read_member
from careermap.documents.blocks import Block, PositionHint
from careermap.documents.clean import clean_inline
from careermap.documents.dates import parse_date
from careermap.documents.model import SectionKind
from careermap.errors import DocumentError

__all__ = ["linkedin_blocks"]

Row = dict[str, str]


_READ = (
    "Profile.csv",
    "Positions.csv",
    "Education.csv",
    "Skills.csv",
    "Certifications.csv",
    "Projects.csv",
    "Languages.csv",
)


class _Export:
    """The export's archive, and the name messages call it by."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive = archive
        self.name = name
        self.members = {n.rsplit("/", 1)[-1].lower(): n for n in reversed(archive.namelist())}


def _csv_rows(export: _Export, filename: str, key_column: str) -> list[Row]:
    """Rows of one CSV of the export, found by base name in any folder; [] when absent.

    Some exports start a CSV with a few "Notes:" lines; the header is the first row that
    holds ``key_column``. Cells keep their line breaks (a description's paragraphs) but
    lose control characters.
    """
    member = export.members.get(filename.lower())
    if member is None:
        return []
    raw = read_member(export.archive, member, export.name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    text = text.replace("\x00", "")
    rows = list(csv.reader(io.StringIO(text)))
    header_at = next((i for i, r in enumerate(rows) if key_column in r), None)
    if header_at is None:
        return []
    header = [h.strip() for h in rows[header_at]]
    return [
        {h: (_clean_cell(r[i]) if i < len(r) else "") for i, h in enumerate(header)}
        for r in rows[header_at + 1 :]
        if any(cell.strip() for cell in r)
    ]


def _clean_cell(value: str) -> str:
    return "\n".join(clean_inline(line) for line in value.splitlines()).strip()


def _span(start: str, end: str, *, open_ended_is_current: bool) -> str:
    if not start and not end:
        return ""
    if not end:
        return f"{start} – Present" if open_ended_is_current else start
    return f"{start} – {end}" if start else end


def _heading(blocks: list[Block], title: str, kind: SectionKind) -> None:
    blocks.append(Block(title, heading=2, kind=kind))


def _profile(blocks: list[Block], export: _Export) -> None:
    for row in _csv_rows(export, "Profile.csv", "First Name")[:1]:
        name = " ".join(p for p in (row.get("First Name", ""), row.get("Last Name", "")) if p)
        if name:
            blocks.append(Block(name, heading=1))
        lines = [row.get("Headline", ""), row.get("Geo Location", ""), row.get("Industry", "")]
        if any(lines):
            blocks.append(Block("\n".join(x for x in lines if x)))
        if row.get("Summary"):
            _heading(blocks, "Summary", "summary")
            blocks.append(Block(row["Summary"]))


def _experience(blocks: list[Block], export: _Export) -> None:
    rows = _csv_rows(export, "Positions.csv", "Company Name")
    if not rows:
        return
    _heading(blocks, "Experience", "experience")
    for row in rows:
        title, company = row.get("Title", ""), row.get("Company Name", "")
        started, finished = row.get("Started On", ""), row.get("Finished On", "")
        head = " — ".join(x for x in (title, company) if x)
        dates = _span(started, finished, open_ended_is_current=True)
        start_date = parse_date(started)
        hint = PositionHint(
            title=title or None,
            organisation=company or None,
            start_date=start_date,
            end_date=parse_date(finished) if finished else None,
            current=bool(start_date and not finished),
        )
        blocks.append(Block(f"{head} ({dates})" if dates else head, position=hint))
        details = [row.get("Location", ""), row.get("Description", "")]
        if any(details):
            blocks.append(Block("\n".join(x for x in details if x)))


def _education(blocks: list[Block], export: _Export) -> None:
    rows = _csv_rows(export, "Education.csv", "School Name")
    if not rows:
        return
    _heading(blocks, "Education", "education")
    for row in rows:
        head = ", ".join(x for x in (row.get("Degree Name", ""), row.get("School Name", "")) if x)
        dates = _span(
            row.get("Start Date", ""), row.get("End Date", ""), open_ended_is_current=False
        )
        blocks.append(Block(f"{head} ({dates})" if dates else head))
        details = [row.get("Notes", ""), row.get("Activities", "")]
        if any(details):
            blocks.append(Block("\n".join(x for x in details if x)))


def _skills(blocks: list[Block], export: _Export) -> None:
    names = [r.get("Name", "") for r in _csv_rows(export, "Skills.csv", "Name")]
    names = [n for n in names if n]
    if names:
        _heading(blocks, "Skills", "skills")
        blocks.append(Block("\n".join(f"- {n}" for n in names)))


def _certifications(blocks: list[Block], export: _Export) -> None:
    rows = _csv_rows(export, "Certifications.csv", "Name")
    if not rows:
        return
    _heading(blocks, "Certifications", "certifications")
    for row in rows:
        head = " — ".join(x for x in (row.get("Name", ""), row.get("Authority", "")) if x)
        dates = _span(
            row.get("Started On", ""), row.get("Finished On", ""), open_ended_is_current=False
        )
        blocks.append(Block(f"- {head} ({dates})" if dates else f"- {head}"))


def _projects(blocks: list[Block], export: _Export) -> None:
    rows = _csv_rows(export, "Projects.csv", "Title")
    if not rows:
        return
    _heading(blocks, "Projects", "projects")
    for row in rows:
        dates = _span(
            row.get("Started On", ""), row.get("Finished On", ""), open_ended_is_current=False
        )
        title = row.get("Title", "")
        blocks.append(Block(f"{title} ({dates})" if dates else title))
        if row.get("Description"):
            blocks.append(Block(row["Description"]))


def _languages(blocks: list[Block], export: _Export) -> None:
    rows = _csv_rows(export, "Languages.csv", "Name")
    if rows:
        _heading(blocks, "Languages", "other")
        lines = [
            " — ".join(x for x in (r.get("Name", ""), r.get("Proficiency", "")) if x) for r in rows
        ]
        blocks.append(Block("\n".join(f"- {x}" for x in lines if x)))


def linkedin_blocks(
    archive: zipfile.ZipFile, name: str, *, max_bytes: int | None = None
) -> list[Block]:
    """A résumé-shaped text from the export's profile, positions, education, skills,
    certifications, projects and languages, each under a heading of its section kind;
    ``max_bytes`` bounds what the CSVs read may hold in all."""
    blocks: list[Block] = []
    export = _Export(archive, name)
    if max_bytes is not None:
        wanted = {f.lower() for f in _READ}
        total = sum(
            m.file_size
            for m in archive.infolist()
            if m.filename.rsplit("/", 1)[-1].lower() in wanted
        )
        if total > max_bytes:
            raise DocumentError(
                f"{name} holds {total:,} bytes of profile data, more than a résumé has.",
                hint="Export the profile again, or give a PDF of it.",
            )
    try:
        for part in (
            _profile,
            _experience,
            _education,
            _skills,
            _certifications,
            _projects,
            _languages,
        ):
            part(blocks, export)
    except csv.Error as exc:
        raise DocumentError(
            f"{name} is a damaged LinkedIn export ({exc}).", hint="Download the archive again."
        ) from exc
    return blocks
