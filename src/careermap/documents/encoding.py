"""Turning the bytes of a text file into ``str``, whatever encoding it was saved in."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from careermap.errors import DocumentError

__all__ = ["binary_error", "decode_text", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")
_CHAOS_SLACK = 0.01
_SAMPLE = 4096


def looks_binary(text: str) -> bool:
    """Decoded text that is mostly control characters or replacement marks is not text."""
    sample = text[:_SAMPLE]
    return bool(sample) and len(_UNPRINTABLE.findall(sample)) > 0.05 * len(sample)


#: a UTF-8 text may have this share of bad bytes (a stray Windows character, a cut-off
#: multibyte character) and still be read as UTF-8, the bad bytes replaced and counted
_UTF8_BAD_SHARE = 0.002
_UTF8_BAD_MAX = 64
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: NULs in every other byte."""
    sample = data[:_SAMPLE]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for encoding, nuls in (("utf-16-le", odd), ("utf-16-be", even)):
        if nuls > 0.6 * half and min(even, odd) < 0.05 * half:
            try:
                return data[: len(data) - len(data) % 2].decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode a text file: a byte-order mark, else UTF-8, else the likeliest encoding; and
    what careermap had to repair, as warnings.

    Valid UTF-8 with a few bad bytes or NUL characters stays UTF-8: the bad bytes become
    U+FFFD and NULs are dropped, each counted in a warning, so one stray byte never turns
    a whole résumé into another encoding. UTF-16 is recognised by its byte-order mark or
    by the NULs of every other byte. Among single-byte encodings that read the bytes
    equally well, Windows-1252 (the usual encoding of Western résumés saved on Windows) is
    preferred.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError as exc:
                raise _undecodable(name, exc) from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None and not looks_binary(utf16):
        return utf16, []
    if data.count(0) > max(_UTF8_BAD_MAX, len(data) // 100):
        raise binary_error(name)  # NULs all through: binary data, not text
    warnings: list[str] = []
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
    if bad <= max(_UTF8_BAD_MAX, _UTF8_BAD_SHARE * len(data)) and _mostly_utf8(data, bad):
        if bad:
            warnings.append(
                f"{bad} byte{'s' if bad > 1 else ''} that {'are' if bad > 1 else 'is'} not "
                "valid UTF-8 replaced by \N{REPLACEMENT CHARACTER}"
            )
        nuls = text.count("\x00")
        if nuls:
            text = text.replace("\x00", "")
            warnings.append(f"{nuls} NUL character{'s' if nuls > 1 else ''} removed")
        return text, warnings
    sample = data[:_SAMPLE]
    controls = sum(sample.count(b) for b in _CONTROL_BYTES)
    if controls > 0.05 * len(sample):
        raise binary_error(name)
    matches = list(from_bytes(data))
    if not matches:
        raise _undecodable(name, None)
    best = matches[0]
    least_chaos = min(m.chaos for m in matches)
    for match in matches:
        if match.chaos <= least_chaos + _CHAOS_SLACK and "cp1252" in match.could_be_from_charset:
            try:
                return data.decode("cp1252"), []
            except UnicodeDecodeError:
                break
    text = str(best)
    if "\x00" in text or looks_binary(text):
        raise _undecodable(name, None)
    return text, []


def _mostly_utf8(data: bytes, bad: int) -> bool:
    """Whether the bytes read as UTF-8: all of them, or they hold multibyte UTF-8
    sequences besides the few bad ones (a Windows-1252 file has none)."""
    if bad == 0:
        return True
    return len(data.decode("utf-8", errors="ignore").encode("utf-8")) > len(
        data.decode("utf-8", errors="ignore").encode("ascii", errors="ignore")
    )


def binary_error(name: str) -> DocumentError:
    return DocumentError(
        f"{name} is binary data, not a format careermap reads.",
        hint="Give a PDF, DOCX, HTML, Markdown or text file, or a LinkedIn data export ZIP.",
    )


def _undecodable(name: str, exc: Exception | None) -> DocumentError:
    detail = f" ({exc.reason})" if isinstance(exc, UnicodeDecodeError) else ""
    return DocumentError(
        f"{name} is not text in any encoding careermap recognises{detail}. "
        "Save it as UTF-8 text, or give the original PDF or DOCX."
    )
