"""The plan as a Markdown document a person reads top to bottom."""

from __future__ import annotations

from itertools import groupby

from careermap.plan.model import Plan, PlanStep

__all__ = ["to_markdown"]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _h(hours: float) -> str:
    return f"{hours:.1f}".rstrip("0").rstrip(".") + " h"


def _usd(v: float) -> str:
    return "free" if v == 0 else f"USD {v:,.0f}" if v == int(v) else f"USD {v:,.2f}"


def _step_line(plan: Plan, s: PlanStep) -> list[str]:
    titles = {c.course: c.title for c in plan.courses}
    when = f"{s.start:%d %b %Y} – {s.end:%d %b %Y}" if s.start and s.end else "not scheduled"
    marker = f"{s.index + 1}. "
    pad = " " * len(marker)
    if s.kind == "project":
        lines = [f"{marker}**Project: {s.title}** · {_h(s.hours)} · {when}", f"{pad}- {s.why}"]
        lines += [f"{pad}- Deliverable: {d}" for d in s.deliverables]
        return lines
    frm = f"from {s.current} " if s.current else ""
    how = f"with *{titles.get(s.course, s.course)}*" if s.course else "self-study"
    if s.within:
        host = next((t.title for t in plan.steps if t.ref == s.within), s.within)
        how = f"learned within {host}, no hours of its own"
    else:
        how = f"{_h(s.hours)} {how}"
    head = f"{marker}**{s.title}** {frm}to {s.target} ({s.importance}) · {how} · {when}"
    lines = [head, f"{pad}- Why: {s.why}"]
    if s.after:
        lines.append(f"{pad}- After: {', '.join(s.after)}")
    return lines


def _how_learned(skills: list[PlanStep]) -> str:
    within = sum(1 for s in skills if s.within)
    course = sum(1 for s in skills if s.course and not s.within)
    alone = sum(1 for s in skills if s.self_study and not s.within)
    parts = [f"{course} with a course", f"{alone} by self-study"]
    if within:
        parts.append(f"{within} learned within another step")
    return ", ".join(parts)


def to_markdown(plan: Plan) -> str:
    skills = plan.skill_steps()
    projects = plan.project_steps()
    out = [
        f"# Learning plan: {plan.role_title}",
        "",
        f"Start **{plan.start:%d %b %Y}** at **{plan.hours_per_week:g} h a week** "
        f"({plan.sessions_per_week} sessions) · **{plan.weeks} weeks** · "
        f"ends **{plan.end:%d %b %Y}**",
        "",
        "## Summary",
        "",
        f"- Skills to learn: {len(skills)} ({_how_learned(skills)})",
        f"- Courses: {len(plan.courses)}, {_h(plan.course_hours)}, estimated cost "
        f"{_usd(plan.total_cost_usd)}",
        f"- Self-study: {_h(plan.self_study_hours)}",
        f"- Portfolio projects: {len(projects)}, {_h(plan.project_hours)}",
        f"- In all: **{_h(plan.total_hours)}**",
        f"- Courses chosen for the least total {plan.optimize} by {plan.solver}",
    ]
    if plan.done:
        out.append(f"- Already done, left out: {', '.join(plan.done)}")
    out += ["", "## Steps, in order", ""]
    for s in plan.steps:
        out += _step_line(plan, s)
    if plan.courses:
        out += [
            "",
            "## Courses",
            "",
            "| Course | Provider | Level | Hours | Cost | For |",
            "|---|---|---|---:|---:|---|",
        ]
        for c in plan.courses:
            name = f"[{_cell(c.title)}]({c.url})" if c.url else _cell(c.title)
            out.append(
                f"| {name} | {_cell(c.provider)} | {c.level} | {c.hours:g} | "
                f"{_usd(c.cost_usd)} | {_cell(', '.join(c.skills))} |"
            )
        out += ["", f"Cost: {plan.cost_basis}"]
    if plan.uncovered:
        out += [
            "",
            "No course in the catalogue reaches the target for: "
            + ", ".join(plan.uncovered)
            + " (self-study).",
        ]
    if projects:
        out += ["", "## Portfolio projects", ""]
        for p in projects:
            out.append(
                f"- **{p.title}** ({_h(p.hours)}, week {p.week_start}–{p.week_end}): {p.why}"
            )
    out += ["", "## Milestones", "", "| Date | Week | Milestone |", "|---|---:|---|"]
    for m in plan.milestones:
        out.append(f"| {m.date:%d %b %Y} | {m.week} | {_cell(m.title)} |")
    if plan.blocks:
        out += [
            "",
            "## Week by week",
            "",
            "| Week | From | Hours | Working on |",
            "|---:|---|---:|---|",
        ]
        for week, blocks in groupby(plan.blocks, key=lambda b: b.week):
            bl = list(blocks)
            titles = list(dict.fromkeys(p.title for b in bl for p in b.parts))
            minutes = sum(b.minutes for b in bl)
            out.append(
                f"| {week} | {bl[0].date:%d %b %Y} | {_h(minutes / 60)} | "
                f"{_cell(', '.join(titles))} |"
            )
    if plan.notes:
        out += ["", "## Notes", ""] + [f"- {n}" for n in plan.notes]
    return "\n".join(out) + "\n"
