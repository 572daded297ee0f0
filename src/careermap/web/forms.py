"""Reading the pages' forms: every field is text from a browser, checked here before it
reaches the core, and a bad one is an :class:`InputError` that names the field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from fastapi import Request
from starlette.datastructures import FormData, UploadFile

from careermap.errors import InputError

__all__ = ["Document", "date_field", "float_field", "int_field", "read_form", "text", "upload"]

_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Document:
    """A résumé sent with a form: its bytes and what to call it."""

    data: bytes
    name: str


async def read_form(request: Request, *, max_fields: int = 100) -> FormData:
    """The request's form (URL-encoded or multipart, one file at most)."""
    return await request.form(max_files=1, max_fields=max_fields)


def text(form: FormData, name: str, *, limit: int = 1000) -> str:
    """A text field, stripped; "" when absent. Longer than ``limit`` is an error."""
    value = form.get(name)
    if not isinstance(value, str):
        return ""
    value = value.strip()
    if len(value) > limit:
        raise InputError(f"the field '{name}' is too long ({len(value):,} characters).")
    return value


def float_field(form: FormData, name: str, label: str, default: float) -> float:
    raw = text(form, name)
    if not raw:
        return default
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        raise InputError(f"{label} must be a number (got '{raw[:40]}').") from None


def int_field(form: FormData, name: str, label: str) -> int | None:
    raw = text(form, name)
    if not raw:
        return None
    if not raw.isdigit():
        raise InputError(f"{label} must be a whole number (got '{raw[:40]}').")
    return int(raw)


def date_field(form: FormData, name: str, label: str) -> date | None:
    raw = text(form, name)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InputError(f"{label} must be a date like 2026-12-07 (got '{raw[:40]}').") from None


def _file_name(raw: str | None, default: str) -> str:
    if not raw:
        return default
    base = re.split(r"[/\\]", raw)[-1]
    return _UNSAFE_NAME.sub("", base).strip()[:200] or default


async def upload(form: FormData, *, file_field: str = "file", text_field: str = "text",
                 default_name: str = "pasted text") -> Document | None:  # fmt: skip
    """The document of a form: the file chosen, else the text pasted, else None.

    A file input left empty still sends a part with no name and no bytes; it does not
    hide the text pasted beside it.
    """
    sent = form.get(file_field)
    if isinstance(sent, UploadFile) and sent.filename:
        data = await sent.read()
        if data:
            return Document(data, _file_name(sent.filename, "upload"))
    pasted = form.get(text_field)
    if isinstance(pasted, str) and pasted.strip():
        return Document(pasted.encode("utf-8"), default_name)
    return None
