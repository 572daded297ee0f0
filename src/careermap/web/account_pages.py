"""Accounts on the web (server mode only): sign up, sign in, sign out, change the
password, and choose which cohorts see your plan and progress."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from careermap.api.deps import (
    SESSION_COOKIE,
    CsrfChecked,
    client_address,
    close_session,
    open_session,
)
from careermap.errors import (
    AuthenticationError,
    CareermapError,
    ConflictError,
    InputError,
    NotFoundError,
    RateLimitedError,
)
from careermap.web.deps import get_visit, person
from careermap.web.forms import read_form, text
from careermap.web.render import page
from careermap.web.routing import PageRoute, see_other
from careermap.web.visit import Visit

__all__ = ["router"]

router = APIRouter(route_class=PageRoute)
VisitDep = Annotated[Visit, Depends(get_visit)]
PersonDep = Annotated[Visit, Depends(person)]


def _accounts(visit: Visit) -> None:
    if not visit.accounts:
        raise NotFoundError(
            "this careermap runs without accounts: there is nothing to sign in to.",
            hint="Everything is on this computer already; start at the home page.",
        )


def _next(raw: str) -> str:
    """Where to go after signing in: a path on this site, else the start page."""
    if raw.startswith("/") and not raw.startswith(("//", "/\\")) and len(raw) <= 300:
        return raw
    return "/"


def _form_page(
    request: Request,
    visit: Visit,
    name: str,
    *,
    email: str = "",
    next_url: str = "/",
    error: CareermapError | None = None,
    status: int = 200,
) -> Response:
    context = visit.context(name.removesuffix(".html"), email=email, next=next_url, error=error)
    return page(request, name, context, status=status)


def _typed_twice(password: str, again: str, what: str, *, hint: str | None = None) -> None:
    """A password chosen in a form is typed twice; two that differ are an InputError."""
    if password != again:
        raise InputError(f"{what} are not the same.", hint=hint)


@router.get("/signin", response_class=HTMLResponse)
def signin_page(request: Request, visit: VisitDep) -> Response:
    _accounts(visit)
    next_url = _next(request.query_params.get("next", "/"))
    if visit.user is not None:
        return see_other(next_url)
    return _form_page(request, visit, "signin.html", next_url=next_url)


@router.post("/signin", response_class=HTMLResponse, dependencies=[CsrfChecked])
async def signin(request: Request, visit: VisitDep) -> Response:
    _accounts(visit)
    form = await read_form(request, max_fields=10)
    email = text(form, "email", limit=320)
    password = text(form, "password", limit=1000)
    next_url = _next(text(form, "next", limit=300) or "/")
    try:
        user = await run_in_threadpool(
            visit.store.authenticate, email, password, client=client_address(request)
        )
    except (AuthenticationError, RateLimitedError, InputError) as exc:
        status = exc.http_status if isinstance(exc, RateLimitedError) else 401
        return _form_page(
            request, visit, "signin.html", email=email, next_url=next_url, error=exc,
            status=status,
        )  # fmt: skip
    response = see_other("/account/password" if user.must_change_password else next_url)
    open_session(request, response, user)
    return response


@router.get("/signup", response_class=HTMLResponse)
def signup_page(request: Request, visit: VisitDep) -> Response:
    _accounts(visit)
    if visit.user is not None:
        return see_other("/")
    return _form_page(request, visit, "signup.html")


@router.post("/signup", response_class=HTMLResponse, dependencies=[CsrfChecked])
async def signup(request: Request, visit: VisitDep) -> Response:
    _accounts(visit)
    form = await read_form(request, max_fields=10)
    email = text(form, "email", limit=320)
    password = text(form, "password", limit=1000)
    again = text(form, "password_again", limit=1000)
    try:
        _typed_twice(password, again, "the two passwords", hint="Type the same password twice.")
        user = await run_in_threadpool(visit.store.create_user, email, password)
    except (InputError, ConflictError) as exc:
        return _form_page(request, visit, "signup.html", email=email, error=exc, status=422)
    response = see_other("/")
    open_session(request, response, user)
    return response


@router.post("/signout", dependencies=[CsrfChecked])
def signout(request: Request, visit: VisitDep) -> Response:
    _accounts(visit)
    response = see_other("/signin")
    close_session(request, response)
    return response


@router.get("/account/password", response_class=HTMLResponse)
def password_page(request: Request, visit: PersonDep) -> Response:
    _accounts(visit)
    return page(request, "password.html", visit.context("", error=None, done=False))


@router.post("/account/password", response_class=HTMLResponse, dependencies=[CsrfChecked])
async def change_password(request: Request, visit: PersonDep) -> Response:
    _accounts(visit)
    assert visit.user is not None
    form = await read_form(request, max_fields=10)
    current = text(form, "current", limit=1000)
    new = text(form, "new", limit=1000)
    again = text(form, "new_again", limit=1000)
    try:
        _typed_twice(new, again, "the two new passwords")
        await run_in_threadpool(
            visit.store.change_password,
            visit.user.id,
            current,
            new,
            keep_session=request.cookies.get(SESSION_COOKIE),
        )
    except (InputError, AuthenticationError) as exc:
        context = visit.context("", error=exc, done=False)
        return page(request, "password.html", context, status=422)
    return page(request, "password.html", visit.context("", error=None, done=True))


# ---------------------------------------------------------------- sharing with cohorts


@router.get("/sharing", response_class=HTMLResponse)
def sharing_page(request: Request, visit: PersonDep) -> Response:
    _accounts(visit)
    assert visit.user is not None
    memberships = visit.store.memberships(visit.user.id)
    context = visit.context("sharing", memberships=memberships, error=None)
    return page(request, "sharing.html", context)


@router.post("/sharing/join", response_class=HTMLResponse, dependencies=[CsrfChecked])
async def join_cohort(request: Request, visit: PersonDep) -> Response:
    """Join a cohort with the number and code its advisor gave out."""
    _accounts(visit)
    assert visit.user is not None
    user_id = visit.user.id
    form = await read_form(request, max_fields=10)
    number = text(form, "cohort", limit=20)
    code = text(form, "code", limit=200)
    shared = text(form, "shared") == "on"
    try:
        if not number.isdigit():
            raise InputError("the cohort number is a whole number.", hint="Ask your advisor.")
        await run_in_threadpool(
            partial(visit.store.join_cohort, user_id, int(number), shared=shared, code=code)
        )
    except (InputError, NotFoundError) as exc:
        memberships = await run_in_threadpool(visit.store.memberships, user_id)
        context = visit.context("sharing", memberships=memberships, error=exc)
        return page(request, "sharing.html", context, status=422)
    return see_other("/sharing")


@router.post("/sharing/{cohort_id}", dependencies=[CsrfChecked])
async def set_sharing(request: Request, cohort_id: int, visit: PersonDep) -> Response:
    _accounts(visit)
    assert visit.user is not None
    form = await read_form(request, max_fields=10)
    shared = text(form, "shared") == "on"
    await run_in_threadpool(visit.store.set_sharing, visit.user.id, cohort_id, shared)
    return see_other("/sharing")
