"""careermap's web pages: server-rendered Jinja2 templates, htmx for partial updates.

:data:`router` holds every page; :func:`careermap.api.create_app` mounts it and serves
:data:`STATIC` at ``/static``. The pages call :mod:`careermap.service` and the store
through the request pipeline's dependencies (:mod:`careermap.api.deps`), and render.
"""

from fastapi import APIRouter

from careermap.web.render import STATIC, TEMPLATES

__all__ = ["STATIC", "TEMPLATES", "router"]


def _router() -> APIRouter:
    from careermap.web import (
        account_pages,
        advisor_pages,
        knowledge_pages,
        person_pages,
        quiz_pages,
    )

    pages = APIRouter(include_in_schema=False)
    for module in (person_pages, quiz_pages, knowledge_pages, account_pages, advisor_pages):
        pages.include_router(module.router)
    return pages


router = _router()
