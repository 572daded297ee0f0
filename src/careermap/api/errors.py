"""Every failure of an HTTP request as careermap's one error shape.

:class:`~careermap.errors.CareermapError` answers ``to_dict()`` with its ``http_status``;
FastAPI's validation errors, unknown routes (404), wrong methods (405) and bodies over the
limit (413) are first translated into the careermap errors below, so a program sees one
shape whatever went wrong. Anything unexpected is a 500 ``internal_error``, logged with
its traceback but never with the request's body or the exception's message (which may
quote a document).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Message, Receive, Scope, Send

from careermap.api.asgi import HttpMiddleware
from careermap.errors import (
    AuthenticationError,
    CareermapError,
    InputError,
    InternalError,
    NotFoundError,
    PermissionDeniedError,
    UsageError,
)

__all__ = [
    "ERRORS",
    "CatchAll",
    "CsrfError",
    "ErrorBody",
    "MethodNotAllowedError",
    "PayloadTooLargeError",
    "UnsupportedMediaTypeError",
    "error_response",
    "install_handlers",
]

log = logging.getLogger("careermap.api")


class MethodNotAllowedError(UsageError):
    """A route that exists, asked with a method it does not take."""

    code = "method_not_allowed"
    http_status = 405


class PayloadTooLargeError(InputError):
    """A request body over the limit, refused before it is read (or as soon as it passes)."""

    code = "too_large"
    http_status = 413


class UnsupportedMediaTypeError(InputError):
    """A body in a content type the route does not take."""

    code = "unsupported_media_type"
    http_status = 415


class CsrfError(PermissionDeniedError):
    """A state-changing request without the form's (or header's) CSRF token."""

    code = "csrf_failed"


class ErrorDetail(BaseModel):
    model_config = ConfigDict(extra="allow")

    code: str = Field(description="stable machine-readable code, e.g. not_found")
    message: str = Field(description="what went wrong")
    hint: str | None = Field(default=None, description="what to do next, when careermap knows")


class ErrorBody(BaseModel):
    """careermap's one error shape (the same the CLI prints with --json)."""

    error: ErrorDetail


def _responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    words = {
        400: "Bad request",
        401: "Not signed in",
        403: "Not allowed (or the CSRF token is missing)",
        404: "No such record for this user, or no such id in the knowledge base",
        405: "Method not allowed",
        409: "Conflict with what is stored",
        413: "Body over the size limit",
        415: "Content type not taken",
        422: "Input careermap cannot use",
        429: "Too many attempts",
        500: "careermap failed",
    }
    return {s: {"model": ErrorBody, "description": words[s]} for s in statuses}


#: the error answers every API route may give, for the OpenAPI document
ERRORS = _responses(400, 404, 405, 413, 415, 422, 500)
#: and those of routes that need a signed-in user or a CSRF token
AUTH_ERRORS = _responses(401, 403, 429)


def error_response(error: CareermapError, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error.to_dict(), status_code=error.http_status, headers=headers)


def _validation_error(exc: RequestValidationError) -> InputError:
    errors = exc.errors()
    first = errors[0] if errors else {}
    loc = [str(p) for p in first.get("loc", ())]
    if loc and loc[0] == "body":
        where = ".".join(loc[1:]) or "the body"
    else:
        where = " ".join(loc[:1]) + (" " + ".".join(loc[1:]) if len(loc) > 1 else "")
    msg = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return InputError(
        f"{where.strip() or 'the request'}: {msg.rstrip('.')}{more}.",
        hint="See the API description at /api/v1/openapi.json for what each field takes.",
    )


def _http_error(request: Request, exc: StarletteHTTPException) -> CareermapError:
    status = exc.status_code
    if status == 404:
        return NotFoundError(
            f"nothing at {request.url.path[:200]}.",
            hint="See /api/v1/openapi.json for careermap's routes.",
        )
    if status == 405:
        return MethodNotAllowedError(
            f"{request.method} is not allowed on {request.url.path[:200]}."
        )
    if status == 413:
        from careermap.api.middleware import too_large

        return too_large()
    if status == 401:
        return AuthenticationError("sign in first.")
    if status == 403:
        return PermissionDeniedError("not allowed.")
    if status < 500:
        detail = exc.detail if isinstance(exc.detail, str) else "the request is not valid"
        return UsageError(f"{detail.rstrip('.')}.")
    return InternalError("careermap failed unexpectedly.", hint="This is a bug in careermap.")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route takes at the request's path (FastAPI makes one route per
    method, so the route that refused knows only its own)."""
    from starlette.routing import Match

    found: set[str] = set()
    for route in request.app.router.routes:
        methods = getattr(route, "methods", None)
        if methods and route.matches(request.scope)[0] != Match.NONE:
            found |= set(methods)
    return sorted(found)


def log_unexpected(request_path: str, exc: BaseException) -> None:
    """The traceback's frames and the exception's type, never its message or locals."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("unexpected %s on %s\n%s", type(exc).__name__, request_path, frames)


PageErrors = Callable[[Request, CareermapError], Response]
#: paths that always answer JSON, whatever renders the pages' errors
_MACHINE_PATHS = ("/api/", "/cal/", "/static/")


def install_handlers(app: FastAPI, pages: PageErrors | None = None) -> None:
    """The handlers of the one error shape. ``pages`` renders a web page for an unknown
    path (or a wrong method) outside the API, for a person in a browser; the API, the
    calendar feeds and the static files answer JSON whatever happens."""

    def answer(request: Request, error: CareermapError, headers: dict[str, str] | None) -> Response:
        if pages is not None and not request.url.path.startswith(_MACHINE_PATHS):
            page = pages(request, error)
            for key, value in (headers or {}).items():
                page.headers.setdefault(key, value)
            return page
        return error_response(error, headers)

    async def careermap_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, CareermapError)
        headers: dict[str, str] = {}
        if exc.http_status == 401:
            headers["WWW-Authenticate"] = 'Cookie realm="careermap"'
        retry = getattr(exc, "retry_after", None)
        if isinstance(retry, int):
            headers["Retry-After"] = str(retry)
        return error_response(exc, headers or None)

    async def validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error_response(_validation_error(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(allowed_methods(request))
        return answer(request, _http_error(request, exc), headers or None)

    app.add_exception_handler(CareermapError, careermap_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)


class CatchAll(HttpMiddleware):
    """Innermost safety net: an exception no handler took becomes a 500 in the one shape,
    logged without its message, and is not raised further (so the server does not print
    it either)."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:
            log_unexpected(str(scope.get("path", "")), exc)
            if started:
                return
            error = InternalError(
                "careermap failed unexpectedly.",
                hint="This is a bug in careermap: please report what you did.",
            )
            await error_response(error)(scope, receive, send)
