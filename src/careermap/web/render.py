"""Rendering pages: one Jinja2 environment, autoescaping everything, and its filters.

Every value a template prints is escaped (``autoescape=True`` whatever the file name) and
passes through :func:`printable` first, which drops control characters and the
bidirectional overrides that could make a browser show a résumé's text in another order
than it was written. Nothing from a document is ever marked safe; the only markup a page
takes from Python is the plan's timeline, which :mod:`careermap.plan.exports.svg` builds
with every text escaped.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

__all__ = ["STATIC", "TEMPLATES", "environment", "fragment", "page", "printable"]

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

# C0 and C1 controls but tab and newline, and the bidirectional embeddings, overrides
# and isolates
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(value: Any) -> Any:
    """What a template prints: strings without control or direction characters."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return _UNSAFE.sub("", value)
    return value


def _hours(v: float | None) -> str:
    if v is None:
        return ""
    return f"{v:.1f}".rstrip("0").rstrip(".") + " h"


def _money(v: float | None, currency: str = "USD") -> str:
    if v is None:
        return "—"
    return f"${v:,.0f}" if currency == "USD" else f"{v:,.0f} {currency}"


def _cost(v: float) -> str:
    return "free" if v == 0 else f"${v:,.0f}"


def _day(d: date | None, fmt: str = "%d %b %Y") -> str:
    return "" if d is None else d.strftime(fmt)


def _web_url(url: str | None) -> str:
    """A link target from a data file, only when it is an http(s) address."""
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return parts.geturl()


def _sentence(v: str | None) -> str:
    """A data file's clause shown as a sentence: its first letter in capitals."""
    if not v:
        return ""
    return v[:1].upper() + v[1:]


def _plural(n: int, word: str, many: str | None = None) -> str:
    """'1 learner', '3 learners' ('many' when the plural is not word + s)."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def _number(v: float | None, digits: int = 0) -> str:
    return "" if v is None else f"{v:,.{digits}f}"


def _build() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=printable,
    )
    env.filters.update(
        hours=_hours,
        money=_money,
        cost=_cost,
        day=_day,
        web_url=_web_url,
        number=_number,
        sentence=_sentence,
        plural=_plural,
    )
    return env


def environment() -> Environment:
    """The pages' Jinja2 environment (built once per runtime)."""
    from careermap.runtime import get_runtime

    return get_runtime().cached("web_env", _build)


def fragment(name: str, **context: Any) -> str:
    """A template rendered to a string (a page, or a part of one for htmx)."""
    return environment().get_template(name).render(**context)


def page(
    request: Request,
    name: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    private: bool = True,
) -> HTMLResponse:
    """A whole page. ``private``: the page shows a person's data, so no cache keeps it."""
    html = fragment(name, request=request, **context)
    response = HTMLResponse(html, status_code=status)
    if private:
        response.headers["Cache-Control"] = "no-store"
    return response
