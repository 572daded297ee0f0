"""Exports of a plan: Markdown, JSON, iCalendar and a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from careermap.errors import InputError
from careermap.plan.exports.html import to_html
from careermap.plan.exports.ics import to_ics
from careermap.plan.exports.jsondoc import from_json, load_plan, to_json
from careermap.plan.exports.markdown import to_markdown
from careermap.plan.exports.svg import timeline_svg
from careermap.plan.model import Plan

__all__ = [
    "FORMATS",
    "Format",
    "from_json",
    "load_plan",
    "render",
    "timeline_svg",
    "to_html",
    "to_ics",
    "to_json",
    "to_markdown",
    "write",
]

Format = Literal["md", "json", "ics", "html"]

FORMATS: dict[str, Callable[[Plan], str | bytes]] = {
    "md": to_markdown,
    "json": to_json,
    "ics": to_ics,
    "html": to_html,
}
_SUFFIX = {
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".ics": "ics",
    ".html": "html",
    ".htm": "html",
}


def render(plan: Plan, fmt: str) -> bytes:
    """The plan in one of :data:`FORMATS`, as UTF-8 bytes."""
    try:
        out = FORMATS[fmt](plan)
    except KeyError:
        raise InputError(
            f"unknown plan format '{fmt}'; choose one of {', '.join(FORMATS)}"
        ) from None
    return out if isinstance(out, bytes) else out.encode("utf-8")


def write(plan: Plan, path: Path | str, fmt: str | None = None) -> Path:
    """Write the plan to ``path``, the format taken from ``fmt`` or the file's suffix."""
    p = Path(path)
    fmt = fmt or _SUFFIX.get(p.suffix.lower())
    if fmt is None:
        raise InputError(f"cannot tell the format of '{p.name}'; name it .md, .json, .ics or .html")
    from careermap.files import write_atomic

    return write_atomic(p, render(plan, fmt))  # the old file stays whole if this fails
