"""The request pipeline every route shares, as small ASGI middlewares.

- :class:`SecurityHeaders`: a strict Content-Security-Policy (no inline script), no MIME
  sniffing, no referrer, no framing, and ``no-store`` on personal answers.
- :class:`BodyLimit`: a body over the limit is refused by its Content-Length before a byte
  of it is read, and counted while it streams when there is no Content-Length.
- :class:`AccessLog`: one line per request, method, path and status only: never a query
  string, a body, or a calendar token.
- :class:`LoopbackHosts`: in local mode only the loopback names are answered, so a web
  page cannot reach the local server through a DNS name it controls.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from careermap.api.asgi import HttpMiddleware
from careermap.api.errors import PayloadTooLargeError, error_response
from careermap.errors import UsageError

__all__ = [
    "CSP",
    "LOOPBACK_HOSTS",
    "AccessLog",
    "BodyLimit",
    "LoopbackHosts",
    "SecurityHeaders",
    "body_limit_bytes",
    "too_large",
]

#: no inline script or style, nothing from another origin, no framing
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
)
_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)
#: multipart framing and the small fields beside the document
_MULTIPART_OVERHEAD = 256 * 1024
MIB = 1024 * 1024


def body_limit_bytes() -> int:
    """The largest body careermap takes: the document limit and room for its framing."""
    from careermap.runtime import get_runtime

    return int(get_runtime().settings.max_document_mb * MIB) + _MULTIPART_OVERHEAD


class SecurityHeaders(HttpMiddleware):
    """Adds the security headers to every response (those a route set stay as they are)."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        personal = not path.startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                have = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in _HEADERS if k not in have]
                if personal and b"cache-control" not in have:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit(HttpMiddleware):
    """Refuses a body over ``limit()`` bytes with 413 in the one error shape."""

    def __init__(self, app: ASGIApp, limit: Callable[[], int] = body_limit_bytes) -> None:
        super().__init__(app)
        self.limit = limit

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = self.limit()
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            size = int(declared) if declared.strip().isdigit() else None
            if size is None or size > limit:
                error = too_large(limit) if size is not None else _bad_length()
                await error_response(error, {"Connection": "close"})(scope, receive, send)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    # an HTTPException, so that FastAPI's own body parsing lets it through
                    raise HTTPException(413)
            return message

        await self.app(scope, counted, send)


def too_large(limit: int | None = None) -> PayloadTooLargeError:
    """The 413 answer, naming the document limit."""
    mb = ((limit or body_limit_bytes()) - _MULTIPART_OVERHEAD) / MIB
    return PayloadTooLargeError(
        f"the request is larger than careermap takes ({mb:g} MiB for a document).",
        hint="Send a smaller file, or raise CAREERMAP_MAX_DOCUMENT_MB on the server.",
    )


def _bad_length() -> UsageError:
    return UsageError("the Content-Length header is not a number.")


_CALENDAR = re.compile(r"^/cal/[^/]+\.ics$")
access_log = logging.getLogger("careermap.access")


def _shown_path(path: str) -> str:
    """The path as the access log writes it: a calendar's secret token is left out."""
    return "/cal/<token>.ics" if _CALENDAR.match(path) else path


class AccessLog(HttpMiddleware):
    """``GET /api/v1/roles 200 3.1ms``: method, path and status, nothing a person sent."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        began = time.perf_counter()
        status = 500

        async def noted(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, noted)
        finally:
            access_log.info(
                "%s %s %d %.1fms",
                scope.get("method", "-"),
                _shown_path(str(scope.get("path", ""))),
                status,
                (time.perf_counter() - began) * 1000,
            )


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


class LoopbackHosts:
    """Answers only requests whose Host is one of ``hosts`` (port ignored); others get 400."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str] = LOOPBACK_HOSTS) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts}

    def _allowed(self, host: str) -> bool:
        host = host.strip().lower()
        if host.startswith("["):  # [::1]:8000
            name = host.split("]", 1)[0] + "]"
        else:
            name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        return name in self.hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        host = Headers(scope=scope).get("host", "")
        if self._allowed(host):
            await self.app(scope, receive, send)
            return
        error = UsageError(
            "this careermap server answers only on its loopback address.",
            hint="Open it at http://127.0.0.1 with its port; to serve other machines, "
            "run careermap serve --accounts.",
        )
        if scope["type"] == "http":
            await error_response(error)(scope, receive, send)
