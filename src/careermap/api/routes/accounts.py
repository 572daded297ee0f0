"""Who is asking: the CSRF token, the signed-in user, sign-up, sign-in, sign-out, passwords,
and (for an administrator) creating advisor and admin accounts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from careermap.api.deps import (
    StoreDep,
    UserDep,
    accounts_mode,
    check_csrf,
    client_address,
    close_session,
    csrf_token,
    open_session,
    require_role,
)
from careermap.api.errors import AUTH_ERRORS, ERRORS
from careermap.api.schemas import CsrfOut, MeOut, PasswordIn, SignIn, UserIn, UserOut, as_model
from careermap.store.records import Membership, User

__all__ = ["public", "router", "signing"]

public = APIRouter(tags=["accounts"], responses={**ERRORS, **AUTH_ERRORS})
#: sign-up, sign-in and sign-out: only in accounts mode
signing = APIRouter(prefix="/auth", tags=["accounts"], responses={**ERRORS, **AUTH_ERRORS})
router = APIRouter(tags=["accounts"], responses={**ERRORS, **AUTH_ERRORS})
CSRF = [Depends(check_csrf)]
Admin = Annotated[User, Depends(require_role("admin"))]


def _me(request: Request, user: User, token: str | None = None) -> MeOut:
    return MeOut(
        user=as_model(UserOut, user),
        mode="accounts" if accounts_mode(request) else "local",
        csrf_token=token or csrf_token(request),
    )


@public.get("/csrf", response_model=CsrfOut, summary="A CSRF token (and its cookie)")
def csrf(request: Request) -> CsrfOut:
    return CsrfOut(csrf_token=csrf_token(request))


@router.get("/me", response_model=MeOut, summary="Who you are, and your CSRF token")
def me(request: Request, user: UserDep) -> MeOut:
    return _me(request, user)


@router.get("/me/cohorts", response_model=list[Membership], summary="The cohorts you are in")
def my_cohorts(store: StoreDep, user: UserDep) -> list[Membership]:
    return store.memberships(user.id)


@router.post("/me/password", status_code=204, summary="Change your password", dependencies=CSRF)
def change_password(body: PasswordIn, request: Request, store: StoreDep, user: UserDep) -> Response:
    from careermap.api.deps import SESSION_COOKIE

    store.change_password(
        user.id, body.current, body.new, keep_session=request.cookies.get(SESSION_COOKIE)
    )
    return Response(status_code=204)


@signing.post(
    "/signup", response_model=MeOut, status_code=201, summary="Create a learner account",
    dependencies=CSRF,
)  # fmt: skip
def signup(body: SignIn, request: Request, response: Response, store: StoreDep) -> MeOut:
    user = store.create_user(body.email, body.password)
    return _me(request, user, open_session(request, response, user))


@signing.post("/signin", response_model=MeOut, summary="Sign in", dependencies=CSRF)
def signin(body: SignIn, request: Request, response: Response, store: StoreDep) -> MeOut:
    user = store.authenticate(body.email, body.password, client=client_address(request))
    return _me(request, user, open_session(request, response, user))


@signing.post("/signout", status_code=204, summary="Sign out", dependencies=CSRF)
def signout(request: Request) -> Response:
    response = Response(status_code=204)
    close_session(request, response)
    return response


@router.post(
    "/users",
    response_model=UserOut,
    status_code=201,
    summary="Create an account with a role (administrators)",
    dependencies=CSRF,
)
def create_user(body: UserIn, store: StoreDep, admin: Admin) -> UserOut:
    return as_model(UserOut, store.create_user(body.email, body.password, body.role))
