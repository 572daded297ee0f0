"""The plan as one self-contained HTML page: inline CSS, an inline SVG timeline, no script
and nothing fetched from the network (it prints to PDF from any browser)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from careermap.plan.exports.svg import timeline_svg
from careermap.plan.model import Plan

__all__ = ["to_html"]

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _env() -> Environment:
    from careermap.runtime import get_runtime

    return get_runtime().cached(
        "plan_html_env",
        lambda: Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        ),
    )


def _hours(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".") + " h"


def _usd(v: float) -> str:
    return "free" if v == 0 else f"USD {v:,.0f}"


def to_html(plan: Plan) -> str:
    return (
        _env()
        .get_template("plan.html.j2")
        .render(
            plan=plan,
            skills=plan.skill_steps(),
            projects=plan.project_steps(),
            course_titles={c.course: c.title for c in plan.courses},
            step_titles={s.ref: s.title for s in plan.skill_steps()},
            svg=Markup(timeline_svg(plan)),
            hours=_hours,
            usd=_usd,
        )
    )
