"""A document sent to the API: a multipart upload (field ``file``) or JSON ``{"text": ...}``.

The body's size is bounded before it is read (:class:`careermap.api.middleware.BodyLimit`);
what the bytes are is told by :func:`careermap.documents.read` from their content, never
from the file name or the declared type, and it refuses what it cannot read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile

from careermap.api.errors import UnsupportedMediaTypeError
from careermap.errors import InputError
from careermap.validation import first_error

__all__ = ["Upload", "multipart_schema", "parse_json", "read_upload"]

M = TypeVar("M", bound=BaseModel)
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069/\\]")


@dataclass
class Upload:
    """The document's bytes and what to call it, and the other fields sent beside it."""

    data: bytes | None
    name: str
    fields: dict[str, str] = field(default_factory=dict)
    json: dict[str, Any] | None = None


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _safe_name(raw: str | None, default: str) -> str:
    """A file name as data: its last part, no control or direction characters, 200 at most."""
    if not raw:
        return default
    base = re.split(r"[/\\]", raw)[-1]
    cleaned = _UNSAFE_NAME.sub("", base).strip()[:200]
    return cleaned or default


def parse_json(model: type[M], data: Any, where: str = "the body") -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        at, msg = first_error(exc)
        raise InputError(
            f"{where}: invalid at '{at}': {msg}.",
            hint="See /api/v1/openapi.json for what each field takes.",
        ) from None


async def _json_body(request: Request) -> Any:
    raw = await request.body()
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise InputError(
            "the body is not valid JSON.", hint='Send e.g. {"text": "..."} as UTF-8 JSON.'
        ) from None


async def read_upload(request: Request, *, default_name: str = "pasted text") -> Upload:
    """The document of a request: the multipart ``file`` (or a ``text`` field), or the
    JSON body (returned whole in ``Upload.json``, its ``text`` as the document)."""
    kind = _media_type(request)
    if kind == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=20)
        try:
            fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
            upload = form.get("file")
            if isinstance(upload, UploadFile):
                data = await upload.read()
                return Upload(data, _safe_name(upload.filename, "upload"), fields)
        finally:
            await form.close()  # the spooled temporary file of the upload
        text = fields.get("text")
        if text:
            name = _safe_name(fields.get("name"), default_name)
            return Upload(text.encode("utf-8"), name, fields)
        return Upload(None, default_name, fields)
    if kind == "application/json" or kind.endswith("+json"):
        body = await _json_body(request)
        if not isinstance(body, dict):
            raise InputError("the body must be a JSON object.", hint='e.g. {"text": "..."}')
        text, given = body.get("text"), body.get("name")
        name = _safe_name(given if isinstance(given, str) else None, default_name)
        raw = text.encode("utf-8") if isinstance(text, str) and text else None
        return Upload(raw, name, json=body)
    raise UnsupportedMediaTypeError(
        f"careermap does not take a body of type '{kind[:80] or 'none'}' here.",
        hint="Upload the file as multipart/form-data (field 'file'), or send JSON "
        '{"text": "..."}.',
    )


def multipart_schema(
    properties: dict[str, Any], json_ref: str, *, one_of_these: list[str]
) -> dict[str, Any]:
    """The OpenAPI request body of a route that takes an upload or JSON; the multipart form
    needs at least one of the fields ``one_of_these``."""
    form = {
        "type": "object",
        "properties": properties,
        "anyOf": [{"required": [name]} for name in one_of_these],
    }
    return {
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {"schema": form},
                "application/json": {"schema": {"$ref": f"#/components/schemas/{json_ref}"}},
            },
        }
    }
