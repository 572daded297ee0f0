"""The FastAPI application: the REST API under /api/v1, the calendar feeds, the web pages.

``create_app(accounts=False)`` is local mode: one person, no sign-in, every request acts as
the store's local user (serve it on a loopback address only). ``create_app(accounts=True)``
is server mode: sign-up, sign-in, roles, each person seeing only their own data.

The web pages (``careermap.web.router``) are mounted beside the API when that package is
present, with their static files at /static; an unknown page outside /api answers the web
package's error page (``careermap.web.error_page``, else ``careermap.web.routing.error_page``)
while everything under /api and /cal answers the one JSON error shape.

Nothing is loaded from the network at run time: FastAPI's /docs and /redoc (which pull
their scripts from a CDN) are off, and the OpenAPI document is served at
/api/v1/openapi.json.
"""

from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi

from careermap.api.deps import AppConfig, CsrfCookie
from careermap.api.errors import CatchAll, PageErrors, install_handlers
from careermap.api.middleware import (
    LOOPBACK_HOSTS,
    AccessLog,
    BodyLimit,
    LoopbackHosts,
    SecurityHeaders,
)

if TYPE_CHECKING:
    from careermap.store import Store

__all__ = ["API_PREFIX", "OPENAPI_URL", "create_app"]

API_PREFIX = "/api/v1"
OPENAPI_URL = f"{API_PREFIX}/openapi.json"
WEB = Path(__file__).resolve().parent.parent / "web"


def _api_router(accounts: bool) -> APIRouter:
    from careermap.api.routes import accounts as acc
    from careermap.api.routes import cohorts, documents, knowledge, person, saved

    api = APIRouter(prefix=API_PREFIX)
    api.include_router(acc.public)
    if accounts:
        api.include_router(acc.signing)
    api.include_router(acc.router)
    api.include_router(documents.router)
    api.include_router(person.router)
    api.include_router(saved.router)
    api.include_router(cohorts.router)
    api.include_router(knowledge.router)
    return api


def _web() -> tuple[APIRouter | None, PageErrors | None]:
    """The web pages' router, and what renders their error pages, when careermap's web
    package is installed beside the API (``careermap.web.router``, and
    ``careermap.web.error_page`` or ``careermap.web.routing.error_page``)."""
    if importlib.util.find_spec("careermap.web") is None:
        return None, None
    import careermap.web as web

    router: APIRouter | None = getattr(web, "router", None)
    pages: PageErrors | None = getattr(web, "error_page", None)
    if pages is None and importlib.util.find_spec("careermap.web.routing") is not None:
        from careermap.web import routing

        pages = getattr(routing, "error_page", None)
    return router, pages


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, with the bodies of the upload routes' JSON alternative."""
    if app.openapi_schema:
        return app.openapi_schema
    from careermap.api.schemas import StartIn, TextIn

    doc = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
    )
    schemas: dict[str, Any] = doc.setdefault("components", {}).setdefault("schemas", {})
    for model in (TextIn, StartIn):
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, sub in schema.pop("$defs", {}).items():
            schemas.setdefault(name, sub)
        schemas.setdefault(model.__name__, schema)
    app.openapi_schema = doc
    return doc


def create_app(
    *,
    accounts: bool = False,
    store: Store | None = None,
    hosts: Sequence[str] | None = None,
) -> FastAPI:
    """careermap's ASGI application.

    ``store``: an open, migrated :class:`~careermap.store.Store` (default: one opened on
    first use from the settings, SQLite under careermap's home or CAREERMAP_DATABASE_URL,
    migrated then, and closed at shutdown). ``hosts``: the Host names answered (default in
    local mode: the loopback names only, so no web page can reach the local server through
    a DNS name of its own; in accounts mode: any, the proxy in front decides).
    """
    import careermap

    cfg = AppConfig(accounts=accounts, store=store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from careermap.knowledge import load

        load()  # validate the knowledge base before the first request
        try:
            yield
        finally:
            cfg.close()

    app = FastAPI(
        title="careermap",
        version=getattr(careermap, "__version__", "0"),
        description="Find your place in generative AI: roles, skills, gaps, plans and pay, "
        "with sources. Errors always have the shape "
        '`{"error": {"code", "message", "hint"}}`.',
        docs_url=None,
        redoc_url=None,
        openapi_url=OPENAPI_URL,
        lifespan=lifespan,
    )
    app.state.careermap = cfg
    web, pages = _web()
    install_handlers(app, pages)
    app.include_router(_api_router(accounts))
    from careermap.api.routes import calendar

    app.include_router(calendar.router)
    if web is not None:
        app.include_router(web)
    static = WEB / "static"
    if static.is_dir():
        from fastapi.staticfiles import StaticFiles

        app.mount("/static", StaticFiles(directory=static), name="static")
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]

    # the last added runs first: headers, access log, hosts, body limit, CSRF cookie, and
    # innermost the net for anything no handler took
    app.add_middleware(CatchAll)
    app.add_middleware(CsrfCookie)
    app.add_middleware(BodyLimit)
    if hosts is not None or not accounts:
        app.add_middleware(LoopbackHosts, hosts=hosts if hosts is not None else LOOPBACK_HOSTS)
    app.add_middleware(AccessLog)
    app.add_middleware(SecurityHeaders)
    return app
