"""Reading a résumé (``/read``) and the main job in one call (``/start``)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from careermap.api.deps import StoreDep, UserDep, check_csrf
from careermap.api.errors import AUTH_ERRORS, ERRORS
from careermap.api.people import calendar_url
from careermap.api.schemas import DocumentInfo, MentionOut, ReadOut, StartIn, StartOut, TextIn
from careermap.api.uploads import Upload, multipart_schema, parse_json, read_upload
from careermap.errors import InputError
from careermap.knowledge import load
from careermap.service import PlanOptions, read_person, start

__all__ = ["router"]

router = APIRouter(tags=["documents"], responses={**ERRORS, **AUTH_ERRORS})

_FILE = {"type": "string", "format": "binary", "description": "the résumé (any format)"}
_TEXT = {"type": "string", "minLength": 1, "description": "or the résumé's text"}
_NAME = {"type": "string", "maxLength": 200, "description": "what to call pasted text"}


def _need_document(upload: Upload) -> bytes:
    if not upload.data:
        raise InputError(
            "give the résumé as a file (multipart field 'file') or as text.",
            hint='e.g. curl -F file=@resume.pdf, or JSON {"text": "..."}.',
        )
    return upload.data


@router.post(
    "/read",
    response_model=ReadOut,
    status_code=201,
    summary="Read a résumé into a saved profile",
    description="Upload a document (PDF, DOCX, HTML, Markdown, text, LinkedIn ZIP) as the "
    'multipart field `file`, or send JSON `{"text": ...}`. The profile is saved for you; '
    "the document's bytes only with `keep_document=true`.",
    openapi_extra=multipart_schema(
        {"file": _FILE, "text": _TEXT, "name": _NAME}, "TextIn", one_of_these=["file", "text"]
    ),
    dependencies=[Depends(check_csrf)],
)
async def read_route(
    request: Request,
    store: StoreDep,
    user: UserDep,
    keep_document: Annotated[
        bool, Query(description="store the document's bytes with the profile")
    ] = False,
) -> ReadOut:
    from starlette.concurrency import run_in_threadpool

    upload = await read_upload(request)
    if upload.json is not None:
        parse_json(TextIn, upload.json)
    data = _need_document(upload)

    def work() -> ReadOut:
        reading = read_person(data, name=upload.name, kb=load())
        record = store.save_profile(
            user.id,
            reading.profile,
            document_name=upload.name,
            document=data if keep_document else None,
        )
        return ReadOut(
            profile_id=record.id,
            kept_document=record.has_document,
            document=DocumentInfo.of(reading.document),
            profile=reading.profile,
        )

    return await run_in_threadpool(work)


def _start_input(upload: Upload) -> StartIn:
    if upload.json is not None:
        return parse_json(StartIn, upload.json)
    raw: dict[str, Any] = {}
    for key in ("role", "name"):
        if upload.fields.get(key):
            raw[key] = upload.fields[key]
    for key in ("answers", "options"):
        if upload.fields.get(key):
            try:
                raw[key] = json.loads(upload.fields[key])
            except ValueError:
                raise InputError(f"the field '{key}' is not valid JSON.") from None
    if "save" in upload.fields:
        raw["save"] = upload.fields["save"].strip().lower() in ("1", "true", "yes", "on")
    return parse_json(StartIn, raw, where="the form")


@router.post(
    "/start",
    response_model=StartOut,
    summary="The main job: skills, roles, target, gap, plan, pay, this week",
    description="A résumé (multipart `file`, or JSON `text`) and/or quiz `answers`; the "
    "target `role` (default: the goal the résumé states, else the best fit) and plan "
    "`options`. In multipart, `answers` and `options` are JSON strings. With `save` (the "
    "default) the profile and the plan are saved and the plan's calendar link returned.",
    openapi_extra=multipart_schema(
        {
            "file": _FILE,
            "text": _TEXT,
            "name": _NAME,
            "role": {"type": "string", "maxLength": 200},
            "answers": {"type": "string", "description": "quiz answers as a JSON object"},
            "options": {"type": "string", "description": "PlanOptions as a JSON object"},
            "save": {"type": "boolean"},
        },
        "StartIn",
        one_of_these=["file", "text", "answers"],
    ),
    dependencies=[Depends(check_csrf)],
)
async def start_route(request: Request, store: StoreDep, user: UserDep) -> StartOut:
    from starlette.concurrency import run_in_threadpool

    upload = await read_upload(request)
    body = _start_input(upload)
    data = upload.data
    if data is None and body.answers is None:
        raise InputError(
            "give a résumé (multipart field 'file', or text), quiz answers, or both.",
            hint="GET /api/v1/quiz/items lists the quiz's items.",
        )

    def work() -> StartOut:
        kb = load()
        options: PlanOptions = body.options
        result = start(data, role=body.role, quiz=body.answers, options=options, kb=kb)
        out = StartOut(
            document=DocumentInfo.of(result.reading.document) if result.reading else None,
            mentions=_mentions(result.reading.extraction.mentions) if result.reading else [],
            profile=result.profile,
            report=result.report,
            target=result.target,
            gap=result.gap,
            plan=result.plan,
            pay=result.pay,
            this_week=result.week,
        )
        if body.save:
            profile_id = None
            if result.reading is not None:
                saved = store.save_profile(
                    user.id, result.reading.profile, document_name=upload.name
                )
                profile_id = saved.id
            plan = store.save_plan(user.id, result.plan, profile_id=profile_id)
            out.profile_id, out.plan_id = profile_id, plan.id
            out.calendar_url = calendar_url(plan.calendar_token)
        return out

    return await run_in_threadpool(work)


def _mentions(mentions: list[Any]) -> list[MentionOut]:
    return [
        MentionOut(
            skill=m.skill_id,
            label=m.label,
            taxonomy=m.taxonomy,
            method=m.method,
            text=m.text,
            sentence=m.sentence,
            start=m.start,
            end=m.end,
            confidence=m.confidence,
            level=m.level,
            years=m.years,
            negated=m.negated,
            section=m.section,
        )
        for m in mentions
    ]
