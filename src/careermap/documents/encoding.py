"""Turning the bytes of a text file into ``str``, whatever encoding it was saved in."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from careermap.errors import DocumentError

__all__ = ["decode_text", "looks_binary"]

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


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file: a byte-order mark, else UTF-8, else the likeliest encoding.

    Among single-byte encodings that read the bytes equally well, Windows-1252 (the usual
    encoding of Western résumés saved on Windows) is preferred.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise _undecodable(name, exc) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" not in text:
            return text
    matches = list(from_bytes(data))
    if not matches:
        raise _undecodable(name, None)
    best = matches[0]
    least_chaos = min(m.chaos for m in matches)
    for match in matches:
        if match.chaos <= least_chaos + _CHAOS_SLACK and "cp1252" in match.could_be_from_charset:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                break
    text = str(best)
    if "\x00" in text or looks_binary(text):
        raise _undecodable(name, None)
    return text


def _undecodable(name: str, exc: Exception | None) -> DocumentError:
    detail = f" ({exc.reason})" if isinstance(exc, UnicodeDecodeError) else ""
    return DocumentError(
        f"{name} is not text in any encoding careermap recognises{detail}. "
        "Save it as UTF-8 text, or give the original PDF or DOCX."
    )
