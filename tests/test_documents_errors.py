"""Every file careermap cannot read honestly fails with a one-line DocumentError."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from careermap.documents import read
from careermap.errors import DocumentError
from docs_factory import (
    docx_bytes,
    encrypted_pdf_bytes,
    pdf_bytes,
    resume_text,
    scanned_pdf_bytes,
    zip_bomb_docx_bytes,
)


def _fails(data: bytes | str | Path, match: str, **kwargs: object) -> DocumentError:
    with pytest.raises(DocumentError, match=match) as caught:
        read(data, **kwargs)  # type: ignore[arg-type]
    message = caught.value.message
    assert "\n" not in message
    assert caught.value.code == "document_error"
    return caught.value


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_scanned_pdf_is_refused_not_invented() -> None:
    _fails(
        scanned_pdf_bytes(),
        r"scan\.pdf has no text layer \(a scan\?\)\. .*OCR \(e\.g\. ocrmypdf\)",
        name="scan.pdf",
    )


def test_encrypted_pdf_needs_its_password() -> None:
    locked = encrypted_pdf_bytes("s3cret")
    _fails(locked, "protected by a password.*password=", name="cv.pdf")
    _fails(locked, "password given for cv.pdf is wrong", name="cv.pdf", password="guess")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"], ids=["empty", "whitespace"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(data)
    _fails(path, "cv.txt is empty")


def test_too_little_text() -> None:
    _fails(b"Jane Doe\nCV\n", "only 11 characters of text, too little")


def test_html_with_no_text() -> None:
    page = b"<html><head><script>var a = 'lots of script text';</script></head><body></body></html>"
    _fails(page, "has no text, too little")


def test_binary_data() -> None:
    noise = random.Random(7).randbytes(4096)
    _fails(noise, "binary data, not a format careermap reads")


def test_text_in_no_known_encoding() -> None:
    garbage = b"Work Experience\nAnalyst " + bytes(range(0x80, 0x100)) * 3
    _fails(garbage, "not text in any encoding careermap recognises.*UTF-8")


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "is a PNG image.*OCR"),
        (b"\xff\xd8\xff\xe0" + bytes(200), "is a JPEG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200), r"old Word \.doc.*save it as \.docx"),
        (b"{\\rtf1\\ansi Experience in Python and SQL}", "is an RTF file"),
    ],
    ids=["png", "jpeg", "doc", "rtf"],
)
def test_formats_careermap_does_not_read(data: bytes, match: str) -> None:
    _fails(data, match)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    _fails(tmp_path / "nope.pdf", r"nope\.pdf does not exist\. Check the path\.")
    _fails(str(tmp_path), "is a folder, not a document")


def test_size_limit_parameter() -> None:
    data = resume_text().encode() * 4
    _fails(data, r"the document is 3 KiB, over careermap's limit of 900 bytes", max_bytes=900)


def test_size_limit_from_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(resume_text().encode() * 200)  # about 170 KB
    monkeypatch.setenv("CAREERMAP_MAX_DOCUMENT_MB", "0.1")
    _fails(path, "over careermap's limit of 102 KiB.*CAREERMAP_MAX_DOCUMENT_MB")


def _docx_with_images(count: int) -> bytes:
    members = {f"word/media/image{i}.png": b"x" for i in range(count)}
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as archive:
        members |= {m.filename: archive.read(m) for m in archive.infolist()}
    return _zip(members)


def test_zip_member_limit_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERMAP_MAX_ZIP_MEMBERS", "20")
    _fails(
        _docx_with_images(30),
        r"cv\.docx holds \d+ files, more than careermap's limit of 20.*CAREERMAP_MAX_ZIP_MEMBERS",
        name="cv.docx",
    )


def test_a_docx_under_the_zip_member_limit_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERMAP_MAX_ZIP_MEMBERS", "60")
    assert "Python" in read(_docx_with_images(30), name="cv.docx").text


def test_a_bad_setting_names_its_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    from careermap.errors import InputError

    monkeypatch.setenv("CAREERMAP_MAX_ZIP_MEMBERS", "5000000")
    with pytest.raises(InputError, match=r"CAREERMAP_MAX_ZIP_MEMBERS.*at most 1,000,000"):
        read(b"Jane Doe, Python developer", name="cv.txt")


def test_size_limit_on_streams() -> None:
    _fails(io.BytesIO(bytes(5000)), "bigger than.*limit of 4 KiB", max_bytes=4096)


@pytest.fixture
def no_stray_logging(capsys: pytest.CaptureFixture[str]) -> Iterator[None]:
    yield
    assert capsys.readouterr().err == ""


@pytest.mark.usefixtures("no_stray_logging")
@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + bytes(range(256)) * 8,
        pdf_bytes()[:1200],
    ],
    ids=["garbage", "truncated"],
)
def test_corrupt_pdf(data: bytes) -> None:
    _fails(data, "damaged or invalid PDF.*save or print it to a new PDF", name="cv.pdf")


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (docx_bytes()[:4000], "damaged ZIP archive"),
        (_zip({"word/document.xml": b"<w:document"}), "damaged Word document"),
    ],
    ids=["truncated", "missing-parts"],
)
def test_corrupt_docx(data: bytes, match: str) -> None:
    _fails(data, match)


def test_zip_bomb_by_total_size() -> None:
    # 30 MB of zeros in a 1 MB-limit document: over 20x the limit once unpacked
    _fails(zip_bomb_docx_bytes(30), r"would unpack to 29 MiB.*zip bomb", max_bytes=1_000_000)


def test_zip_bomb_by_compression_ratio() -> None:
    _fails(zip_bomb_docx_bytes(5), r"word/media/padding\.bin\) compressed \d+ to 1")


@pytest.mark.parametrize(
    ("members", "match"),
    [
        ({"notes.txt": b"hello"}, "neither a Word document .* nor a LinkedIn data export"),
        ({"mimetype": b"application/vnd.oasis.opendocument.text"}, "OpenDocument file"),
        ({"xl/workbook.xml": b"<workbook/>"}, "Excel or PowerPoint"),
    ],
    ids=["other", "odt", "xlsx"],
)
def test_zip_that_is_not_a_document(members: dict[str, bytes], match: str) -> None:
    _fails(_zip(members), match)


def test_error_renders_as_json_shape() -> None:
    error = _fails(b"", "is empty")
    assert error.to_dict() == {
        "error": {"code": "document_error", "message": error.message, "hint": error.hint}
    }
    assert error.exit_code == 3
