"""Commands about a person: extract, match, gap, plan, and start (all of them in one run).

Each parses its options, calls :mod:`careermap.service` and renders what comes back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from careermap.cli.app import app
from careermap.cli.options import parse_date, parse_done, parse_format, parse_hours, parse_start
from careermap.cli.output import console, emit_json, err_console, money, safe, snippet, table
from careermap.errors import InputError
from careermap.files import write_atomic
from careermap.knowledge import load
from careermap.profile import Profile

if TYPE_CHECKING:
    from careermap.documents import Document
    from careermap.match import Gap, MatchReport
    from careermap.plan import Plan
    from careermap.service import Pay, PersonReading, PlanOptions, Target, WeekTask

JSON = typer.Option(False, "--json", help="Print JSON for programs instead of tables.")
FILE = typer.Argument(
    ..., help="Résumé or posting: PDF, DOCX, HTML, Markdown, text, LinkedIn ZIP, or - for stdin."
)
QUIZ = typer.Option(
    None, "--quiz", help="Quiz answers file (YAML/JSON) to combine with the résumé."
)
WEEKS = typer.Option(None, "--weeks", help="Fit the plan in this many weeks.")
UNTIL = typer.Option(None, "--until", help="Fit the plan before this date, YYYY-MM-DD.")
MAX_HOURS = typer.Option(None, "--max-hours", help="Fit the plan in this many hours.")
CERT = typer.Option(
    None, "--certification", help="Add this certification's exam (id, code or name)."
)
EXTRAS = typer.Option(False, "--include-optional", help="Schedule the role's useful extras too.")

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
    from careermap.service import merge_profiles, quiz_profile, read_person

    reading = None
    if file is not None:
        with _step("Reading the résumé and finding skills", quiet):
            reading = read_person(_source(file))
        _warn(reading.document)
    qp = None
    if quiz is not None:
        with _step("Scoring the quiz answers", quiet):
            qp = quiz_profile(quiz)
    return merge_profiles(reading.profile if reading else None, qp), reading


def _options(
    hours_per_week: float,
    start: str | None,
    optimize: str,
    done: str | None,
    weeks: int | None,
    until: str | None,
    max_hours: float | None,
    certification: str | None,
    include_optional: bool,
) -> PlanOptions:
    from careermap.service import PlanOptions, next_monday

    kb = load()
    if optimize not in ("hours", "cost"):
        raise InputError(
            f"--optimize must be 'hours' or 'cost', not '{optimize}'.",
            hint="Use --optimize hours (the default) or --optimize cost.",
        )
    return PlanOptions(
        hours_per_week=parse_hours(hours_per_week),
        start=parse_start(start, next_monday()),
        optimize=optimize,
        done=parse_done(kb, done),
        weeks=weeks,
        until=parse_date(until, "--until"),
        max_hours=max_hours,
        certification=certification,
        include_optional=include_optional,
    )


# ---------------------------------------------------------------- rendering helpers


_BASIS = {
    "stated": "",
    "implied": "implied",
    "experience": "job title",
    "education": "degree",
    "certification": "certification",
    "course": "course taken",
    "progress": "your progress",
}


def _render_skills(profile: Profile, limit: int = 25) -> None:
    kb = load()
    rows = []
    ranked = sorted(
        profile.skills.values(),
        key=lambda s: (s.basis != "stated", -s.confidence, -len(s.evidence), s.skill),
    )
    for s in ranked[:limit]:
        sk = kb.skills[s.skill]
        if s.basis == "implied" and s.implied_by:
            ev = f"implied by {kb.skills[s.implied_by[0]].label}"
        else:
            ev = snippet(s.evidence[0].text, [sk.label, *sk.aliases]) if s.evidence else ""
        years = f"{s.years:g}" if s.years else ""
        rows.append((sk.label, s.level, _BASIS[s.basis], years, ev))
    more = f" (showing {limit})" if len(profile.skills) > limit else ""
    console.print(
        table(
            f"{len(profile.skills)} skills found{more}",
            ["skill", "level", "from", "years", "evidence"],
            rows,
        )
    )
    if profile.denied:
        said = ", ".join(kb.skills[s].label for s in profile.denied)
        console.print(f"You say you do not have: {safe(said)}")
    if profile.certifications:
        held = ", ".join(kb.certifications[c].title for c in profile.certifications)
        console.print(f"Certifications held: {safe(held)}")
    if profile.courses:
        taken = ", ".join(kb.courses[c].title for c in profile.courses)
        console.print(f"Courses completed (not recommended again): {safe(taken)}")


def _render_matches(report: MatchReport, top: int) -> None:
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
        held = f"{m.essential[0]}/{m.essential[1]} · {m.important[0]}/{m.important[1]}"
        rows.append((m.rank, m.title, f"{m.score:.0f}", held, comp))
    console.print(
        table(
            "Roles that fit",
            ["#", "role", "score", "essential · important held", "components"],
            rows,
        )
    )
    if report.note:
        console.print(f"note: {safe(report.note)}")
    for c in report.contradictions:
        console.print(f"note: {safe(c)}")


def _render_gap(gap: Gap, limit: int = 15) -> None:
    kb = load()
    rows = []
    required = gap.required
    for n in required[:limit]:
        flags = " ".join(
            x for x, on in (("hot", n.hot_technology), ("in demand", n.in_demand)) if on
        )
        what = (
            n.importance
            if n.kind == "role"
            else f"before {kb.skills[n.via_prerequisite_of[0]].label}"
        )
        rows.append(
            (
                kb.skills[n.skill].label,
                what,
                f"{n.current or 'none'} → {n.target}",
                flags,
                n.reason + (f' (you wrote: "{n.you_said}")' if n.you_said else ""),
            )
        )
    more = f", showing {limit}" if len(required) > limit else ""
    console.print(
        table(
            f"Gap to {gap.role_title}: {len(required)} skills to learn{more}",
            ["skill", "importance", "level", "O*NET", "why"],
            rows,
        )
    )
    extras = [n for n in gap.needs if n.optional]
    if extras:
        names = ", ".join(kb.skills[n.skill].label for n in extras[:8])
        console.print(
            f"Useful extras, not in the plan: {safe(names)}" + (" ..." if len(extras) > 8 else "")
        )
    have = ", ".join(kb.skills[s].label for s in gap.have[:10])
    if have:
        console.print(f"Already at the role's level: {safe(have)}")


def _render_plan(plan: Plan) -> None:
    console.print(
        f"[bold]Plan for {safe(plan.role_title)}[/bold]: {plan.total_hours:.0f} h over "
        f"{plan.weeks} weeks at {plan.hours_per_week:g} h/week, "
        f"{plan.start.isoformat()} → {plan.end.isoformat()}; "
        f"estimated cost ${plan.total_cost_usd:,.0f}"
    )
    rows = [
        (c.title, c.provider, f"{c.hours:g} h", c.cost, ", ".join(c.skills[:4]))
        for c in plan.courses
    ]
    if rows:
        console.print(table("Courses chosen", ["course", "provider", "hours", "cost", "for"], rows))
    ms = [(m.date.isoformat(), m.kind, m.title) for m in plan.milestones[:12]]
    console.print(table("Milestones", ["date", "kind", "what"], ms))
    for note in plan.notes:
        console.print(f"note: {safe(note)}")


def _render_target(target: Target) -> None:
    why = {
        "asked": "the role you asked for",
        "goal": "the role your résumé says you want",
        "best": "the role that fits you best",
    }[target.why]
    console.print(f"Planning for [bold]{safe(target.title)}[/bold], {why}.")
    if target.note:
        console.print(safe(target.note))


def _render_pay(pay: Pay | None, title: str) -> None:
    if pay is None or pay.median is None:
        console.print(f"Pay: no band for {safe(title)} in careermap's data.")
        return
    n = f"n = {pay.n:,} {pay.n_label or ''}".strip() if pay.n else ""
    level = f" at {pay.level} level" if pay.level else ""
    band = ""
    if pay.p25 and pay.p75:
        band = f" (middle half {money(pay.p25)} – {money(pay.p75)})"
    extra = f"; {pay.note}" if pay.note else ""
    console.print(
        f"Pay for {safe(title)}{level}, {safe(pay.place)}: median {money(pay.median)}"
        f"{band}, {n}, {safe(pay.dataset)} {safe(pay.period)}{safe(extra)}."
        "  More: careermap salary " + safe(pay.role)
    )


def _render_week(week: list[WeekTask]) -> None:
    if not week:
        return
    console.print("[bold]This week[/bold]")
    for task in week:
        console.print(f"  • {task.day:%a %d %b}: {task.hours:g} h, {safe(task.what)}")


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
    profile = found.profile(kb=load())
    if json_out:
        emit_json({**found.to_dict(), "profile": profile.model_dump(mode="json")})
        return
    rows = []
    for m in found.mentions:
        state: str = "NOT (negated)" if m.negated else (m.level or "")
        if m.boilerplate:
            state = "(about the employer)"
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
        _render_skills(profile)


@app.command("match")
def match_cmd(
    file: str | None = typer.Argument(None, help="Résumé (optional when --quiz is given)."),
    quiz: Path | None = QUIZ,
    top: int = typer.Option(5, "--top", "-n", min=1, help="How many roles to show."),
    json_out: bool = JSON,
) -> None:
    """Score every role 0-100 against a résumé and/or quiz answers, with reasons."""
    from careermap.service import match

    profile, _ = _profile(file, quiz, json_out)
    report = match(profile)
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
    kb = load()
    rows = []
    for s in best.coverage.skills:
        if s.status == "missing" and s.importance == "useful":
            continue
        sk = kb.skills[s.skill]
        if s.implied_by:
            ev = f"implied by {kb.skills[s.implied_by[0]].label}"
        elif s.evidence:
            ev = snippet(s.evidence[0].text, [sk.label, *sk.aliases])
        else:
            ev = ""
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
    console.print(
        f"Self-study estimate to close it: {gap.hours_estimate} h"
        + (f" (and {gap.optional_hours} h for the extras)" if gap.optional_hours else "")
    )


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
    weeks: int | None = WEEKS,
    until: str | None = UNTIL,
    max_hours: float | None = MAX_HOURS,
    certification: str | None = CERT,
    include_optional: bool = EXTRAS,
    quiz: Path | None = QUIZ,
) -> None:
    """A dated learning plan to a role: skills in order, courses, projects, milestones."""
    from careermap.plan import load_progress
    from careermap.service import make_plan

    kind = parse_format(fmt, output)
    kb = load()
    target = kb.role(role)
    options = _options(
        hours_per_week, start, optimize, done, weeks, until, max_hours, certification,
        include_optional,
    )  # fmt: skip
    prog = load_progress(progress, kb) if progress else None
    profile, _ = _profile(file, quiz, True)
    _, plan = make_plan(profile, target.id, options, progress=prog)
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
        None, "--role", "-r", help="Target role (default: your stated goal, else the best fit)."
    ),
    quiz: Path | None = QUIZ,
    hours_per_week: float = typer.Option(8.0, "--hours-per-week", "-h", help="Study hours a week."),
    start: str | None = typer.Option(
        None, "--start", help="First day, YYYY-MM-DD (default: next Monday)."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Where to write the plan (default: careermap-plan-ROLE.md)."
    ),
    weeks: int | None = WEEKS,
    until: str | None = UNTIL,
    max_hours: float | None = MAX_HOURS,
    top: int = typer.Option(5, "--top", "-n", min=1, help="How many roles to show."),
    json_out: bool = JSON,
) -> None:
    """Everything in one run: skills found, roles that fit, the gap, a dated plan, pay."""
    from careermap.service import (
        choose_target,
        make_plan,
        match,
        pay_for,
        this_week,
    )

    kb = load()
    if role is not None:
        role = kb.role(role).id
    options = _options(hours_per_week, start, "hours", None, weeks, until, max_hours, None, False)
    quiet = json_out
    profile, _ = _profile(file, quiz, quiet)
    with _step("Matching you against every role", quiet):
        report = match(profile)
    target = choose_target(profile, report, role)
    with _step(f"Building your plan to {target.title}", quiet):
        gap, plan = make_plan(profile, target.role, options)
    pay = pay_for(target.role, profile)
    week = this_week(plan)
    path = output or Path(f"careermap-plan-{target.role}.md")
    kind = parse_format(None, path)
    _write(plan, kind, path)
    if json_out:
        emit_json(
            {
                "profile": profile.model_dump(mode="json"),
                "matches": report.model_dump(mode="json")["matches"][:top],
                "separated": report.separated,
                "note": report.note,
                "occupation": None if report.occupation is None else report.occupation.model_dump(),
                "target": target.model_dump(mode="json"),
                "gap": gap.model_dump(mode="json"),
                "plan": plan.model_dump(mode="json"),
                "pay": None if pay is None else pay.model_dump(mode="json"),
                "this_week": [t.model_dump(mode="json") for t in week],
                "plan_file": str(path),
            }
        )
        return
    console.rule("Your skills")
    _render_skills(profile, limit=15)
    console.rule("Roles")
    _render_matches(report, top)
    console.rule("Target")
    _render_target(target)
    _render_pay(pay, target.title)
    console.rule("Gap")
    _render_gap(gap)
    console.rule("Plan")
    _render_plan(plan)
    _render_week(week)
    console.print(
        f"\nPlan written to [bold]{safe(path)}[/bold]. Other formats: "
        f"careermap plan {safe(file)} --role {target.role} --format ics|html|json -o FILE"
    )
