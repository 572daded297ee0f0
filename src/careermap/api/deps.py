"""Dependencies shared by the REST API and the web pages: the store, who is asking, CSRF.

::

    get_store(request: Request) -> Store
    current_user(request: Request, store: Store) -> User          # 401 when not signed in
    optional_user(request: Request, store: Store) -> User | None
    require_role(*roles: Role) -> Callable[..., User]             # 403 for other roles
    csrf_token(request: Request) -> str                           # for forms and htmx headers
    async check_csrf(request: Request) -> None                    # 403 csrf_failed
    accounts_mode(request: Request) -> bool
    active_session(request: Request) -> ActiveSession | None      # user, csrf, expires
    open_session(request: Request, response: Response, user: User) -> str   # -> CSRF token
    close_session(request: Request, response: Response) -> None
    client_address(request: Request) -> str

and the ``Annotated`` forms for route signatures: ``StoreDep``, ``UserDep``,
``OptionalUserDep``, ``CsrfChecked``.

Modes. In local mode (no accounts) every request acts as ``store.local_user()``. In
accounts mode the person is the one whose session token is in the ``careermap_session``
cookie (HttpOnly, SameSite=Lax, Secure over https).

CSRF. Every request that changes data carries a token, in the form field ``csrf_token`` or
the ``X-CSRF-Token`` header. With a session it is the session's own CSRF secret (kept by
the store beside the session), so it is valid for that session only; without one (local
mode, the sign-in form) it is a double-submit cookie, ``careermap_csrf``, set the first
time :func:`csrf_token` is asked for. A page on another site can read neither the cookie
nor the token, so it cannot make the browser change anything.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from starlette.types import Message, Receive, Scope, Send

from careermap.api.asgi import HttpMiddleware
from careermap.api.errors import CsrfError
from careermap.errors import AuthenticationError, PermissionDeniedError
from careermap.store import ActiveSession, Store, User

__all__ = [
    "CSRF_COOKIE",
    "CSRF_FIELD",
    "CSRF_HEADER",
    "SESSION_COOKIE",
    "AppConfig",
    "CsrfChecked",
    "CsrfCookie",
    "OptionalUserDep",
    "StoreDep",
    "UserDep",
    "accounts_mode",
    "active_session",
    "check_csrf",
    "client_address",
    "close_session",
    "config",
    "csrf_token",
    "current_user",
    "get_store",
    "open_session",
    "optional_user",
    "require_role",
]

SESSION_COOKIE = "careermap_session"
CSRF_COOKIE = "careermap_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
#: where a request keeps a CSRF cookie it made, or a session it opened, for the response
NEW_CSRF = "careermap.new_csrf"
NEW_SESSION = "careermap.new_session_csrf"
_SESSION = "careermap.session"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


@dataclass
class AppConfig:
    """What one app was made with: its mode and its store (opened on first use)."""

    accounts: bool
    store: Store | None = None
    owns_store: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def get_store(self) -> Store:
        store = self.store
        if store is None:
            with self._lock:
                if self.store is None:
                    opened = Store()
                    opened.migrate()
                    self.store, self.owns_store = opened, True
                store = self.store
        return store

    def close(self) -> None:
        if self.owns_store and self.store is not None:
            self.store.close()
            self.store, self.owns_store = None, False


def config(request: Request) -> AppConfig:
    cfg: AppConfig = request.app.state.careermap
    return cfg


def accounts_mode(request: Request) -> bool:
    return config(request).accounts


def get_store(request: Request) -> Store:
    return config(request).get_store()


StoreDep = Annotated[Store, Depends(get_store)]


def _state(request: Request) -> dict[str, Any]:
    """The request's own state (shared with the middlewares through the ASGI scope)."""
    state: dict[str, Any] = request.scope.setdefault("state", {})
    return state


def _session_token(request: Request) -> str | None:
    if not accounts_mode(request):
        return None
    return request.cookies.get(SESSION_COOKIE) or None


def active_session(request: Request) -> ActiveSession | None:
    """The request's live session (looked up once per request), None when there is none."""
    state = _state(request)
    if _SESSION in state:
        found: ActiveSession | None = state[_SESSION]
        return found
    token = _session_token(request)
    found = get_store(request).session(token) if token else None
    state[_SESSION] = found
    return found


def optional_user(request: Request, store: StoreDep) -> User | None:
    """The person asking: the local user in local mode; in accounts mode the session's
    user, or None when not signed in (or the session has expired)."""
    if not accounts_mode(request):
        return store.local_user()
    found = active_session(request)
    return None if found is None else found.user


def current_user(user: Annotated[User | None, Depends(optional_user)]) -> User:
    """The person asking; :class:`AuthenticationError` (401) when nobody is signed in."""
    if user is None:
        raise AuthenticationError(
            "sign in first.", hint="Sign in at /signin, or POST /api/v1/auth/signin."
        )
    return user


OptionalUserDep = Annotated[User | None, Depends(optional_user)]
UserDep = Annotated[User, Depends(current_user)]


def require_role(*roles: str) -> Callable[..., User]:
    """A dependency that lets through only users with one of ``roles`` (else 403)."""
    allowed = frozenset(roles)

    def dependency(user: UserDep) -> User:
        if user.role not in allowed:
            raise PermissionDeniedError(
                f"this needs an account with the role {' or '.join(sorted(allowed))}.",
                hint="Ask the server's administrator if you should have it.",
            )
        return user

    dependency.__name__ = f"require_{'_or_'.join(sorted(allowed))}"
    return dependency


# ---------------------------------------------------------------- CSRF


def _expected(request: Request) -> str | None:
    state = _state(request)
    if NEW_SESSION in state:  # signed in by this very request
        new: str = state[NEW_SESSION]
        return new
    if accounts_mode(request):
        found = active_session(request)
        if found is not None:
            return found.csrf
    return request.cookies.get(CSRF_COOKIE) or state.get(NEW_CSRF)


def csrf_token(request: Request) -> str:
    """The token a form or an htmx request must send back (``csrf_token`` / X-CSRF-Token)."""
    expected = _expected(request)
    if expected:
        return expected
    made = secrets.token_urlsafe(32)
    _state(request)[NEW_CSRF] = made
    return made


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request whose CSRF token is missing or wrong (403)."""
    if request.method in _SAFE_METHODS:
        return
    expected = _expected(request)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(_FORMS):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise CsrfError(
            "this request needs the CSRF token of your session.",
            hint="Reload the page and try again; a program sends the csrf_token from "
            "GET /api/v1/csrf (or /api/v1/me) as the X-CSRF-Token header, with the cookies.",
        )


CsrfChecked = Depends(check_csrf)


# ---------------------------------------------------------------- sessions


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def open_session(request: Request, response: Response, user: User) -> str:
    """Start a session for ``user`` (after sign-up or sign-in): sets the session cookie on
    ``response`` and returns the new session's CSRF token."""
    store = get_store(request)
    session = store.open_session(user.id)
    max_age = max(0, int((session.expires - _now(session.expires)).total_seconds()))
    response.set_cookie(
        SESSION_COOKIE,
        session.token,
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=_secure(request),
        path="/",
    )
    _state(request)[NEW_SESSION] = session.csrf
    return session.csrf


def close_session(request: Request, response: Response) -> None:
    """End the request's session (if any) and clear its cookie."""
    token = request.cookies.get(SESSION_COOKIE)
    if token and accounts_mode(request):
        get_store(request).close_session(token)
    response.delete_cookie(
        SESSION_COOKIE, httponly=True, samesite="lax", secure=_secure(request), path="/"
    )


def _now(like: Any) -> Any:
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    return now if getattr(like, "tzinfo", None) is not None else now.replace(tzinfo=None)


def client_address(request: Request) -> str:
    """The client's address, for the sign-in rate limit (the proxy's view behind one)."""
    return request.client.host if request.client else ""


class CsrfCookie(HttpMiddleware):
    """Sets the double-submit cookie on the response of a request that made one."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        state: dict[str, Any] = scope.setdefault("state", {})

        async def with_cookie(message: Message) -> None:
            made = state.get(NEW_CSRF)
            if message["type"] == "http.response.start" and made:
                parts = [f"{CSRF_COOKIE}={made}", "Path=/", "HttpOnly", "SameSite=Lax"]
                if scope.get("scheme") == "https":
                    parts.append("Secure")
                message["headers"] = [
                    *message.get("headers", []),
                    (b"set-cookie", "; ".join(parts).encode("latin-1")),
                ]
            await send(message)

        await self.app(scope, receive, with_cookie)
