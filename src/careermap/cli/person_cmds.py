"""Commands about a person: extract, match, gap, plan, and start (all of them in one run)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from careermap.cli.app import app
from careermap.cli.options import (
    parse_done,
    parse_format,
    parse_hours,
    parse_start,
    quiz_profile,
)
from careermap.cli.output import console, emit_json, err_console, safe, snippet, table
from careermap.errors import InputError
from careermap.files import write_atomic
from careermap.knowledge import load
from careermap.profile import Profile

if TYPE_CHECKING:
    from careermap.documents import Document
    from careermap.journey import PersonReading

JSON = typer.Option(False, "--json", help="Print JSON for programs instead of tables.")
FILE = typer.Argument(
    ..., help="Résumé or posting: PDF, DOCX, HTML, Markdown, text, LinkedIn ZIP, or - for stdin."
)
QUIZ = typer.Option(
    None, "--quiz", help="Quiz answers file (YAML/JSON) to combine with the résumé."
)

_err = err_console


@contextmanager
def _step(text: str, quiet: bool) -> Iterator[None]:
    if quiet:
        yield
        return
    with _err.status(safe(text), spinner="dots"):
        yield
    _err.print(f"[green]✓[/green] {safe(text)}")


def _warn(document: Document) -> None:
    """What the reader skipped or doubted (an unreadable page...), on stderr, never lost."""
    for w in document.metadata.warnings:
        _err.print(f"warning: {safe(w)}")


def _source(file: str) -> Path | str:
    return "-" if file == "-" else Path(file)


def _profile(
    file: str | None, quiz: Path | None, quiet: bool
) -> tuple[Profile, PersonReading | None]:
    from careermap.journey import merge_profiles, read_person

    kb = load()
    reading = None
    if file is not None:
        with _step("Reading the résumé and finding skills", quiet):
            reading = read_person(_source(file))
        _warn(reading.document)
    with _step("Scoring the quiz answers", quiet or quiz is None):
        qp = quiz_profile(kb, quiz)
    return merge_profiles(reading.profile if reading else None, qp), reading


# ---------------------------------------------------------------- rendering helpers


def _render_skills(profile: Profile, limit: int = 25) -> None:
    kb = load()
    rows = []
    ranked = sorted(
        profile.skills.values(), key=lambda s: (-s.confidence, -len(s.evidence), s.skill)
    )
    for s in ranked[:limit]:
        sk = kb.skills[s.skill]
        ev = snippet(s.evidence[0].text, [sk.label, *sk.aliases]) if s.evidence else ""
        years = f"{s.years:g}" if s.years else ""
        rows.append((kb.skills[s.skill].label, s.level, years, ev))
    more = f" (showing {limit})" if len(profile.skills) > limit else ""
    console.print(
        table(
            f"{len(profile.skills)} skills found{more}",
            ["skill", "level", "years", "evidence"],
            rows,
        )
    )


def _render_matches(report: Any, top: int) -> None:
    if report.occupation is not None:
        o = report.occupation
        console.print(
            f"Current occupation: [bold]{safe(o.onet_title or o.esco_label)}[/bold]"
            f" (from your title '{safe(o.title)}'"
            + (f", O*NET {safe(o.onet_code)}" if o.onet_code else "")
            + ")"
        )
    rows = []
    for m in report.matches[:top]:
        comp = " · ".join(f"{k} {v:.0f}" for k, v in m.components.items() if v is not None)
        rows.append((m.rank, m.title, f"{m.score:.0f}", comp, m.reasons[0] if m.reasons else ""))
    console.print(
        table("Roles that fit", ["#", "role", "score", "components", "first reason"], rows)
    )


def _render_gap(gap: Any, limit: int = 15) -> None:
    kb = load()
    rows = []
    for n in gap.needs[:limit]:
        flags = " ".join(
            x for x, on in (("hot", n.hot_technology), ("in demand", n.in_demand)) if on
        )
        rows.append(
            (
                kb.skills[n.skill].label,
                n.importance,
                f"{n.current or 'none'} → {n.target}",
                flags,
                n.reason + (f' (you wrote: "{n.you_said}")' if n.you_said else ""),
            )
        )
    more = f", showing {limit}" if len(gap.needs) > limit else ""
    console.print(
        table(
            f"Gap to {gap.role_title}: {len(gap.needs)} skills to learn{more}",
            ["skill", "importance", "level", "O*NET", "why"],
            rows,
        )
    )
    have = ", ".join(kb.skills[s].label for s in gap.have[:10])
    if have:
        console.print(f"Already at the role's level: {safe(have)}")


def _render_plan(plan: Any) -> None:
    console.print(
        f"[bold]Plan for {safe(plan.role_title)}[/bold]: {plan.total_hours:.0f} h over "
        f"{plan.weeks} weeks at {plan.hours_per_week:g} h/week, "
        f"{plan.start.isoformat()} → {plan.end.isoformat()}; "
        f"estimated cost ${plan.total_cost_usd:,.0f} ({safe(plan.solver)})"
    )
    rows = [
        (c.title, c.provider, f"{c.hours:g} h", c.cost, ", ".join(c.skills[:4]))
        for c in plan.courses
    ]
    console.print(table("Courses chosen", ["course", "provider", "hours", "cost", "for"], rows))
    ms = [(m.date.isoformat(), m.kind, m.title) for m in plan.milestones[:12]]
    console.print(table("Milestones", ["date", "kind", "what"], ms))


# ---------------------------------------------------------------- commands


@app.command("extract")
def extract_cmd(
    file: str = FILE,
    taxonomy: str = typer.Option("careermap", "--taxonomy", help="careermap, esco or both."),
    semantic: bool = typer.Option(True, "--semantic/--no-semantic", help="Also match by meaning."),
    json_out: bool = JSON,
) -> None:
    """Find the skills in a résumé or posting, each with its evidence, level and years."""
    from careermap.documents import read
    from careermap.extract import extract

    doc = read(_source(file))
    _warn(doc)
    found = extract(doc, taxonomy=taxonomy, semantic=semantic)  # type: ignore[arg-type]
    if json_out:
        emit_json({**found.to_dict(), "profile": found.profile().model_dump(mode="json")})
        return
    rows = []
    for m in found.mentions:
        state = "NOT (negated)" if m.negated else (m.level or "")
        sent = m.sentence.strip().replace("\n", " ")
        sent = sent if len(sent) <= 60 else sent[:57] + "..."
        rows.append(
            (
                m.label,
                m.taxonomy,
                m.method,
                state,
                f"{m.years:g}" if m.years else "",
                m.section or "",
                sent,
            )
        )
    console.print(
        table(
            f"{len(found.mentions)} mentions",
            ["skill", "taxonomy", "how", "level", "years", "section", "sentence"],
            rows,
        )
    )
    for note in found.notes:
        console.print(f"note: {safe(note)}")
    if taxonomy != "esco":
        _render_skills(found.profile())


@app.command("match")
def match_cmd(
    file: str | None = typer.Argument(None, help="Résumé (optional when --quiz is given)."),
    quiz: Path | None = QUIZ,
    top: int = typer.Option(5, "--top", "-n", min=1, help="How many roles to show."),
    json_out: bool = JSON,
) -> None:
    """Score every role 0-100 against a résumé and/or quiz answers, with reasons."""
    from careermap.match import rank_roles

    profile, _ = _profile(file, quiz, json_out)
    report = rank_roles(load(), profile)
    if json_out:
        data = report.model_dump(mode="json")
        data["matches"] = data["matches"][:top]
        emit_json(data)
        return
    _render_matches(report, top)
    best = report.matches[0]
    console.print(f"\n[bold]Why {safe(best.title)}[/bold]")
    for r in best.reasons:
        console.print(f"  • {safe(r)}")
    rows = []
    for s in best.coverage.skills:
        if s.status == "missing" and s.importance == "useful":
            continue
        sk = load().skills[s.skill]
        ev = (
            snippet(s.evidence[0].text, [sk.label, *sk.aliases])
            if s.evidence
            else ("(quiz self-rating)" if s.have else "")
        )
        rows.append((s.label, s.importance, s.status, f"{s.have or 'none'} / {s.required}", ev))
    console.print(
        table(
            f"{best.title}: skill by skill",
            ["skill", "importance", "status", "have / needs", "evidence"],
            rows,
        )
    )


@app.command("gap")
def gap_cmd(
    file: str = FILE,
    role: str = typer.Option(..., "--role", "-r", help="Target role id."),
    quiz: Path | None = QUIZ,
    json_out: bool = JSON,
) -> None:
    """What you lack for a role, most important first, with why it matters."""
    from careermap.match import compute_gap

    kb = load()
    target = kb.role(role)
    profile, _ = _profile(file, quiz, json_out)
    gap = compute_gap(kb, target, profile)
    if json_out:
        emit_json(gap)
        return
    _render_gap(gap, limit=40)
    console.print(f"Self-study estimate to close it: {gap.hours_estimate} h")


def _make_plan(
    profile: Profile,
    role_id: str,
    hours_per_week: float,
    start: str | None,
    optimize: str,
    done: str | None,
    progress: Path | None,
) -> tuple[Any, Any]:
    from careermap.journey import next_monday
    from careermap.match import compute_gap
    from careermap.plan import build_plan, load_progress

    kb = load()
    target = kb.role(role_id)
    hours = parse_hours(hours_per_week)
    when = parse_start(start, next_monday())
    if optimize not in ("hours", "cost"):
        raise InputError(f"--optimize must be 'hours' or 'cost', not '{optimize}'.")
    done_ids = parse_done(kb, done)
    prog = load_progress(progress, kb) if progress else None
    gap = compute_gap(kb, target, profile)
    plan = build_plan(
        kb,
        target.id,
        gap.needs,
        hours_per_week=hours,
        start=when,
        optimize=optimize,  # type: ignore[arg-type]
        done=[*done_ids, *(prog.done if prog else [])],
        progress=prog.levels if prog else None,
        done_projects=prog.projects if prog else (),
    )
    return gap, plan


def _write(plan: Any, fmt: str, output: Path | None) -> Path | None:
    from careermap.plan.exports import render

    text = render(plan, fmt)
    if output is None:
        return None
    return write_atomic(output, text)


@app.command("plan")
def plan_cmd(
    file: str = FILE,
    role: str = typer.Option(..., "--role", "-r", help="Target role id."),
    hours_per_week: float = typer.Option(8.0, "--hours-per-week", "-h", help="Study hours a week."),
    start: str | None = typer.Option(
        None, "--start", help="First day, YYYY-MM-DD (default: next Monday)."
    ),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="md, json, ics or html (default: from -o, else md)."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the plan here."),
    optimize: str = typer.Option(
        "hours", "--optimize", help="Choose courses for least 'hours' or 'cost'."
    ),
    done: str | None = typer.Option(
        None, "--done", help="Skills already learned, comma-separated."
    ),
    progress: Path | None = typer.Option(
        None, "--progress", help="Progress file (YAML/JSON: done, levels, projects)."
    ),
    quiz: Path | None = QUIZ,
) -> None:
    """A dated learning plan to a role: skills in order, courses, projects, milestones."""
    kind = parse_format(fmt, output)
    profile, _ = _profile(file, quiz, True)
    _, plan = _make_plan(profile, role, hours_per_week, start, optimize, done, progress)
    if output is None:
        import sys

        from careermap.plan.exports import render

        sys.stdout.write(render(plan, kind).decode("utf-8"))
        return
    _write(plan, kind, output)
    _render_plan(plan)
    console.print(f"Plan written to {safe(output)}")


@app.command("start")
def start_cmd(
    file: str = FILE,
    role: str | None = typer.Option(
        None, "--role", "-r", help="Target role (default: the best fit)."
    ),
    quiz: Path | None = QUIZ,
    hours_per_week: float = typer.Option(8.0, "--hours-per-week", "-h", help="Study hours a week."),
    start: str | None = typer.Option(
        None, "--start", help="First day, YYYY-MM-DD (default: next Monday)."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Where to write the plan (default: careermap-plan-ROLE.md)."
    ),
    top: int = typer.Option(5, "--top", "-n", min=1, help="How many roles to show."),
    json_out: bool = JSON,
) -> None:
    """Everything in one run: skills found, roles that fit, the gap, and a dated plan."""
    from careermap.match import rank_roles

    kb = load()
    if role is not None:
        role = kb.role(role).id
    quiet = json_out
    profile, _ = _profile(file, quiz, quiet)
    with _step("Matching you against every role", quiet):
        report = rank_roles(kb, profile)
    target = role or report.matches[0].role
    with _step(f"Building your plan to {kb.roles[target].title}", quiet):
        gap, plan = _make_plan(profile, target, hours_per_week, start, "hours", None, None)
    path = output or Path(f"careermap-plan-{target}.md")
    kind = parse_format(None, path)
    _write(plan, kind, path)
    if json_out:
        emit_json(
            {
                "profile": profile.model_dump(mode="json"),
                "matches": report.model_dump(mode="json")["matches"][:top],
                "occupation": None if report.occupation is None else report.occupation.model_dump(),
                "gap": gap.model_dump(mode="json"),
                "plan": plan.model_dump(mode="json"),
                "plan_file": str(path),
            }
        )
        return
    console.rule("Your skills")
    _render_skills(profile, limit=15)
    console.rule("Roles")
    _render_matches(report, top)
    console.rule("Gap")
    _render_gap(gap)
    console.rule("Plan")
    _render_plan(plan)
    console.print(
        f"\nPlan written to [bold]{safe(path)}[/bold]. "
        "Other formats: careermap plan --format ics|html|json"
    )
