"""A timeline of the plan as inline SVG: one bar per step, milestones as diamonds.

Drawn in Python so that the HTML page needs no script; text is escaped; hovering a bar
shows its dates (an SVG ``<title>``).
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from careermap.plan.model import Plan, PlanStep

__all__ = ["COLOURS", "timeline_svg"]

COLOURS = {
    "course": "#3867d6",
    "self-study": "#e58e26",
    "project": "#20bf6b",
    "exam": "#8854d0",
}
_LABEL_W = 240
_ROW_H = 22
_TOP = 46
_PLOT_W = 640


def _kind(step: PlanStep) -> str:
    if step.kind in ("project", "exam"):
        return step.kind
    return "self-study" if step.self_study else "course"


def _short(text: str, n: int = 32) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def timeline_svg(plan: Plan) -> str:
    # a step learned within another has no time of its own: its host's bar shows it
    rows = [s for s in plan.steps if s.start and s.end and not s.within]
    days = max(7, (plan.end - plan.start).days + 1)
    height = _TOP + _ROW_H * max(1, len(rows)) + 30
    width = _LABEL_W + _PLOT_W + 20

    def x(d: date) -> float:
        return _LABEL_W + _PLOT_W * (d - plan.start).days / days

    out = [
        f'<svg class="timeline" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="tl-title" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif">',
        f'<title id="tl-title">Timeline of the {escape(plan.role_title)} plan, '
        f"{plan.start:%d %b %Y} to {plan.end:%d %b %Y}</title>",
    ]
    # week grid and date labels, at most about ten
    weeks = max(1, plan.weeks)
    every = max(1, -(-weeks // 10))
    fmt = "%b %Y" if days > 300 else "%d %b"
    for w in range(0, weeks + 1, every):
        d = plan.start + timedelta(days=7 * w)
        xx = x(d)
        out.append(
            f'<line x1="{xx:.1f}" y1="{_TOP - 8}" x2="{xx:.1f}" y2="{height - 24}" '
            'stroke="#ddd" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{xx:.1f}" y="{_TOP - 12}" font-size="10" text-anchor="middle" '
            f'fill="#555">{d.strftime(fmt)}</text>'
        )
    for i, s in enumerate(rows):
        assert s.start is not None and s.end is not None
        y = _TOP + i * _ROW_H
        x0, x1 = x(s.start), x(s.end + timedelta(days=1))
        kind = _kind(s)
        label = f"{s.index + 1}. {'Project: ' if s.kind == 'project' else ''}{s.title}"
        out.append(
            f'<text x="{_LABEL_W - 8}" y="{y + 15}" font-size="12" text-anchor="end" '
            f'fill="#222">{escape(_short(label))}</text>'
        )
        out.append(
            f'<rect x="{x0:.1f}" y="{y + 4}" width="{max(2.0, x1 - x0):.1f}" '
            f'height="{_ROW_H - 8}" rx="3" fill="{COLOURS[kind]}">'
            f"<title>{escape(label)}: {s.start:%d %b %Y} – {s.end:%d %b %Y}, "
            f"{s.hours:.1f} h ({kind})</title></rect>"
        )
    base = height - 24
    out.append(
        f'<line x1="{_LABEL_W}" y1="{base}" x2="{_LABEL_W + _PLOT_W}" y2="{base}" '
        'stroke="#888" stroke-width="1"/>'
    )
    for m in plan.milestones:
        mx = x(m.date + timedelta(days=1))
        colour = "#c0392b" if m.kind in ("finish", "stage") else "#555"
        out.append(
            f'<path d="M{mx:.1f} {base - 6} l6 6 l-6 6 l-6 -6 z" fill="{colour}">'
            f"<title>{m.date:%d %b %Y}: {escape(m.title)}</title></path>"
        )
    lx = _LABEL_W
    for name, colour in COLOURS.items():
        out.append(
            f'<rect x="{lx}" y="{height - 10}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{lx + 14}" y="{height - 1}" font-size="11" fill="#333">{name}</text>'
        )
        lx += 100
    out.append(
        f'<path d="M{lx + 5} {height - 11} l6 6 l-6 6 l-6 -6 z" fill="#555"/>'
        f'<text x="{lx + 14}" y="{height - 1}" font-size="11" fill="#333">milestone</text>'
    )
    out.append("</svg>")
    return "\n".join(out)
