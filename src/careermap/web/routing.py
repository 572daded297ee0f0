"""The pages' route class: a careermap error on a page is a page, not JSON.

The REST API answers every error in careermap's one JSON shape; a person in a browser
gets an HTML page instead, with the same message and hint. Not being signed in sends
them to the sign-in page (an htmx request is told to go there with ``HX-Redirect``).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import quote

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute

from careermap.api.deps import accounts_mode, csrf_token, get_store, optional_user
from careermap.errors import AuthenticationError, CareermapError, InputError, UnknownIdError
from careermap.web.render import fragment
from careermap.web.visit import Chrome, Visit

__all__ = ["PageRoute", "error_page", "is_htmx", "see_other"]

_TITLES = {
    400: "That request was not understood",
    401: "Please sign in",
    403: "Not allowed",
    404: "Not found",
    409: "Already there",
    413: "Too large",
    422: "careermap cannot use that",
    429: "Too many attempts",
}


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def see_other(url: str) -> RedirectResponse:
    """The answer to a form posted without htmx: go to ``url`` (a path on this site)."""
    return RedirectResponse(url, status_code=303)


def _local_path(url: str) -> str:
    """``url`` when it is a path on this site, else the start page (no open redirect)."""
    return url if url.startswith("/") and not url.startswith(("//", "/\\")) else "/"


def _chrome(request: Request) -> Chrome:
    """The frame of an error page: who is signed in, if that can still be told."""
    try:
        store = get_store(request)
        visit = Visit(
            store=store,
            accounts=accounts_mode(request),
            user=optional_user(request, store),
            csrf=csrf_token(request),
        )
        return visit.chrome("")
    except Exception:  # the error may be the store itself: a plain frame then
        return Chrome(accounts=False, user=None, csrf="", active="", links=[])


def error_page(request: Request, error: CareermapError) -> Response:
    """The page for ``error``; for an htmx request, the message alone (an alert)."""
    status = error.http_status
    if is_htmx(request):
        # htmx swaps only 2xx answers by default: the alert goes to the page's message
        # area, whatever the request was aiming at
        html = fragment("parts/alert.html", error=error)
        return HTMLResponse(
            html,
            status_code=200,
            headers={
                "HX-Retarget": "#flash",
                "HX-Reswap": "innerHTML",
                "Cache-Control": "no-store",
            },
        )
    chrome = _chrome(request)
    html = fragment(
        "error.html",
        request=request,
        chrome=chrome,
        error=error,
        status=status,
        title=_TITLES.get(status, "Something went wrong"),
        suggestions=error.suggestions if isinstance(error, UnknownIdError) else [],
    )
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def _to_signin(request: Request) -> Response:
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    target = _local_path(path if request.method == "GET" else request.url.path)
    url = "/signin?next=" + quote(target, safe="/")  # the rest of the address encoded
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": url})
    return see_other(url)


class PageRoute(APIRoute):
    """An APIRoute whose careermap errors are rendered as pages."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except AuthenticationError:
                return _to_signin(request)
            except CareermapError as exc:
                return error_page(request, exc)
            except RequestValidationError as exc:
                errors = exc.errors()
                where = ".".join(str(p) for p in (errors[0].get("loc", ()) if errors else ()))
                return error_page(
                    request,
                    InputError(
                        f"a value in the request is not valid ({where or 'the request'}).",
                        hint="Go back, check the form and send it again.",
                    ),
                )
            finally:
                await request.close()  # the form's uploaded files, spooled to disk

        return page_handler
