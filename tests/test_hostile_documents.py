"""Each hostile document once found careermap hanging, crashing or showing wrong text.

The files come from ``bench/hostile.py``, the generator ``bench/bench_robustness.py`` runs by
the thousand; here each defect the robustness work fixed is one named case. A case passes
when careermap reads and extracts it, or refuses it with one clean line, and what it shows
carries no terminal control characters. Without the fix, several of these ran for minutes.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from careermap.documents import read
from careermap.errors import CareermapError, DocumentError
from careermap.extract import extract

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import hostile

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

#: (format, structural case): the defects the robustness work met, by the name the bench gives them
DEFECTS = [
    ("html", "comment-flood-35"),
    ("html", "comment-flood-200"),
    ("md", "comment-flood-200"),
    ("txt", "comment-flood-1000"),
    ("docx", "textbox-nesting-12"),
    ("docx", "textbox-tree-8x2"),
    ("docx", "gridspan-2147483647"),
    ("docx", "gridspan-2147483647-rows-1000"),
    ("docx", "table-nesting-2000"),
    ("docx", "table-cols-5000"),
    ("docx", "billion-laughs"),
    ("docx", "external-entity"),
    ("docx", "resume-362kb"),
    ("txt", "skills-sentence-160kb"),
    ("md", "resume-362kb"),
    ("html", "nesting-div-100000"),
    ("html", "tags-100k"),
    ("linkedin", "skills-csv-9mb"),
    ("linkedin", "title-ansi"),
    ("linkedin", "title-osc-hyperlink"),
    ("linkedin", "title-rich-markup"),
    ("pdf", "pages-10000"),
    ("pdf", "flate-bomb-100mb"),
    ("pdf", "page-tree-depth-50000"),
    ("pdf", "kids-self-loop"),
    ("zip-misc", "linkedin-encrypted-member"),
    ("zip-misc", "docx-encrypted-member"),
    ("zip-misc", "docx-deflate64"),
    ("zip-misc", "linkedin-method-99-aes"),
    ("zip-misc", "linkedin-flag-bit5-patched"),
    ("zip-misc", "linkedin-bad-crc"),
    ("zip-misc", "docx-truncated-deflate"),
    ("zip-misc", "odf-mimetype-bad-crc"),
    ("zip-misc", "odf-mimetype-truncated"),
    ("zip-misc", "odf-mimetype-deflate64"),
    ("zip-misc", "docx-members-20000"),
    ("zip-misc", "docx-zip-bomb-lying-size"),
    ("txt", "ansi-escapes"),
    ("txt", "osc-hyperlink"),
    ("md", "rich-markup"),
]


def _case(fmt: str, name: str) -> tuple[bytes, str | None]:
    for case_name, make, forbidden in hostile.structural_cases(fmt):
        if case_name == name:
            return make(random.Random(f"0:{fmt}:{name}")), forbidden
    raise AssertionError(f"bench/hostile.py has no {fmt} case {name!r}")


def _shown(doc: object) -> list[str]:
    """Every text of a Document that careermap shows a person."""
    from careermap.documents import Document

    assert isinstance(doc, Document)
    texts = [doc.text, *doc.metadata.warnings]
    texts += [s.heading or "" for s in doc.sections]
    for p in doc.positions:
        texts += [p.title or "", p.organisation or ""]
    return texts


@pytest.mark.parametrize(("fmt", "name"), DEFECTS, ids=[f"{f}/{n}" for f, n in DEFECTS])
def test_a_hostile_document_is_read_or_refused_in_one_clean_line(fmt: str, name: str) -> None:
    data, forbidden = _case(fmt, name)
    filename = f"case.{hostile.EXTENSIONS[fmt]}"
    try:
        doc = read(data, name=filename)
        extract(doc, semantic=False).profile()  # the profile is what every command builds
    except CareermapError as exc:
        message = str(exc)
        assert "\n" not in message
        assert not UNSAFE.search(message), message
        if forbidden:
            assert forbidden not in message
        return
    for text in _shown(doc):
        assert not UNSAFE.search(text), f"control characters reach the person: {text[:80]!r}"
        if forbidden:
            assert forbidden not in text


def test_damaged_archives_are_document_errors_naming_the_file() -> None:
    for name in ("linkedin-bad-crc", "docx-deflate64", "odf-mimetype-truncated"):
        data, _ = _case("zip-misc", name)
        with pytest.raises(DocumentError) as caught:
            read(data, name="export.zip")
        assert "export.zip" in caught.value.message


def test_nested_text_boxes_are_read_once() -> None:
    data, _ = _case("docx", "textbox-nesting-4")
    doc = read(data, name="boxes.docx")
    words = re.findall(r"\w+", doc.text)
    lines = [line for line in doc.text.splitlines() if line.strip()]
    assert len(lines) == len(set(lines)), "a text box's text was duplicated"
    assert words


def test_two_nul_bytes_do_not_turn_utf8_html_into_utf16() -> None:
    data, _ = _case("html", "two-nul-bytes")
    doc = read(data, name="page.html")
    assert re.search(r"\b(Experience|Skills|Python|SQL)\b", doc.text), doc.text[:200]


def test_one_stray_byte_keeps_the_positions_and_says_so() -> None:
    clean, _ = _case("md", "utf8-bom")
    damaged, _ = _case("md", "stray-0x80")
    good = read(clean, name="cv.md")
    doc = read(damaged, name="cv.md")
    assert len(doc.positions) == len(good.positions) > 0
    assert any("replaced" in w or "byte" in w for w in doc.metadata.warnings), doc.metadata.warnings


def test_terminal_sequences_in_a_linkedin_title_are_removed() -> None:
    data, _ = _case("linkedin", "title-ansi")
    doc = read(data, name="export.zip")
    assert doc.positions
    assert all("\x1b" not in (p.title or "") for p in doc.positions)


def test_each_sentence_is_read_once_for_use_however_many_skills_it_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 5,000-cell table is one sentence naming a skill 5,000 times: whether it says the
    skill was used is read once, not once per mention (that took a minute)."""
    from careermap.extract.wording import Wording

    calls: list[int] = []
    real = Wording.describes_use

    def counted(self: Wording, sentence: str) -> bool:
        calls.append(len(sentence))
        return real(self, sentence)

    monkeypatch.setattr(Wording, "describes_use", counted)
    text = "Skills: " + ", ".join(["SQL", "Python", "Docker", "Git"] * 500) + "\n"
    profile = extract(text, semantic=False).profile()
    assert {"sql", "python", "docker", "git"} <= set(profile.skills)
    assert len(calls) == 1
