"""Commands that explore the knowledge base: roles, role, skills, skill, salary, sources."""

from __future__ import annotations

from typing import Any

import typer
from rich.panel import Panel

from careermap.cli.app import app
from careermap.cli.output import console, emit_json, money, table
from careermap.errors import InputError
from careermap.knowledge import LEVELS, SKILL_CATEGORIES, load
from careermap.knowledge.schemas import IMPORTANCE_ORDER, Role, Skill

JSON = typer.Option(False, "--json", help="Print JSON for programs instead of tables.")


def _salary_text(role: Role) -> list[str]:
    out = []
    for s in role.salary:
        lo = money(s.low) if s.low is not None else "…"
        hi = money(s.high) if s.high is not None else "+"
        rng = f"{lo} – {hi}" if s.high is not None else f"{lo}+"
        out.append(f"{rng} ({s.level}, {s.country} {s.year}) [{s.source}]")
    return out


@app.command("roles")
def roles_cmd(json_out: bool = JSON) -> None:
    """List every GenAI role careermap knows."""
    kb = load()
    if json_out:
        emit_json(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "summary": r.summary,
                    "work_styles": r.work_styles,
                    "onet": [o.code for o in r.onet],
                    "skills": len(r.skills),
                }
                for r in kb.roles.values()
            ]
        )
        return
    rows = []
    for r in sorted(kb.roles.values(), key=lambda r: r.title):
        ranges = [s for s in r.salary if s.low is not None]
        pay = f"from {money(min(s.low or 0 for s in ranges))}" if ranges else "see `salary`"
        ess = sum(1 for s in r.skills if s.importance == "essential")
        rows.append((r.id, r.title, ", ".join(r.work_styles), ess, pay))
    console.print(
        table(
            f"{len(rows)} GenAI roles",
            ["id", "title", "work style", "essential skills", "seed salary"],
            rows,
        )
    )
    console.print("Details: careermap role ID")


def _role_data(role: Role) -> dict[str, Any]:
    kb = load()
    data = role.model_dump(mode="json")
    data["skills"] = [
        {**s.model_dump(mode="json"), "label": kb.skills[s.skill].label} for s in role.skills
    ]
    data["courses"] = [kb.courses[c].model_dump(mode="json") for c in role.courses]
    data["projects"] = [kb.projects[p].model_dump(mode="json") for p in role.projects]
    data["sources"] = [kb.sources[s].model_dump(mode="json") for s in role.sources]
    return data


@app.command("role")
def role_cmd(
    role_id: str = typer.Argument(..., help="Role id or title, e.g. genai-engineer."),
    json_out: bool = JSON,
) -> None:
    """Show a role's full page: what it does, skills by level, pay, courses, projects, paths."""
    kb = load()
    role = kb.role(role_id)
    if json_out:
        emit_json(_role_data(role))
        return
    console.print(Panel.fit(f"[bold]{role.title}[/bold]  ({role.id})\n{role.summary}"))
    console.print("Also called: " + ", ".join(role.alt_titles))
    console.print("\n[bold]What the role does[/bold]")
    for r in role.responsibilities:
        console.print(f"  • {r}")
    rows = []
    for s in sorted(
        role.skills, key=lambda s: (IMPORTANCE_ORDER[s.importance], -LEVELS.index(s.level))
    ):
        sk = kb.skills[s.skill]
        rows.append((sk.label, SKILL_CATEGORIES[sk.category], s.importance, s.level, s.why or ""))
    console.print(table("Skills", ["skill", "category", "importance", "level", "why"], rows))
    if role.competencies:
        console.print(
            "[bold]Human competencies:[/bold] "
            + ", ".join(kb.skills[c].label for c in role.competencies)
        )
    if role.tools:
        console.print(
            "[bold]Tools and platforms:[/bold] " + ", ".join(kb.skills[t].label for t in role.tools)
        )
    ed = role.education
    console.print(
        f"[bold]Education:[/bold] typically {ed.typical} in {', '.join(ed.fields)}"
        + (f". {ed.note}" if ed.note else "")
    )
    console.print("[bold]Industries:[/bold] " + ", ".join(role.industries))
    console.print(
        "[bold]O*NET:[/bold] "
        + "; ".join(f"{o.code} {o.title} ({o.fit})" for o in role.onet)
        + "\n[bold]ESCO:[/bold] "
        + "; ".join(f"{e.label} ({e.fit})" for e in role.esco)
    )
    if role.salary:
        console.print("[bold]Salary (as the sources state it):[/bold]")
        for line in _salary_text(role):
            console.print(f"  • {line}")
    console.print(f"  Percentiles by level and place: careermap salary {role.id}")
    if role.courses:
        crow = []
        for cid in role.courses:
            course = kb.courses[cid]
            crow.append(
                (course.title, course.provider, course.level, f"{course.hours:g} h", course.cost)
            )
        console.print(table("Courses", ["course", "provider", "level", "hours", "cost"], crow))
    if role.projects:
        prow = [
            (kb.projects[p].title, kb.projects[p].level, f"{kb.projects[p].hours} h")
            for p in role.projects
        ]
        console.print(table("Portfolio projects", ["project", "level", "hours"], prow))
    console.print("[bold]Career paths[/bold]")
    console.print(f"  • Big tech: {role.paths.big_tech}")
    console.print(f"  • Startup: {role.paths.startup}")
    console.print(f"  • Independent: {role.paths.independent}")
    for c in role.contrasts:
        console.print(f"  ↔ {c}")
    console.print("[bold]Sources:[/bold] " + "; ".join(kb.sources[s].title for s in role.sources))


@app.command("skills")
def skills_cmd(
    category: str | None = typer.Option(
        None, "--category", "-c", help=f"One of: {', '.join(SKILL_CATEGORIES)}."
    ),
    json_out: bool = JSON,
) -> None:
    """List the skills of the GenAI skill graph, optionally one category."""
    kb = load()
    if category is not None and category not in SKILL_CATEGORIES:
        raise InputError(
            f"unknown category '{category}'. Use one of: {', '.join(SKILL_CATEGORIES)}."
        )
    skills = sorted(kb.iter_skills(category), key=lambda s: (s.category, s.label.lower()))
    if json_out:
        emit_json(
            [
                {
                    "id": s.id,
                    "label": s.label,
                    "category": s.category,
                    "aliases": s.aliases + s.case_sensitive_aliases,
                    "prerequisites": s.prerequisites,
                }
                for s in skills
            ]
        )
        return
    rows = [
        (
            s.id,
            s.label,
            SKILL_CATEGORIES[s.category],
            ", ".join((s.aliases + s.case_sensitive_aliases)[:4]),
            len(kb.roles_needing(s.id)),
        )
        for s in skills
    ]
    console.print(
        table(f"{len(rows)} skills", ["id", "label", "category", "aliases", "roles"], rows)
    )


def _skill_data(skill: Skill) -> dict[str, Any]:
    kb = load()
    data = skill.model_dump(mode="json")
    data["unlocks"] = kb.unlocks[skill.id]
    data["courses"] = [c.id for c in kb.courses_for(skill.id)]
    data["projects"] = [p.id for p in kb.projects_for(skill.id)]
    data["roles"] = [
        {"role": r.id, "importance": s.importance, "level": s.level}
        for r in kb.roles.values()
        for s in r.skills
        if s.skill == skill.id
    ]
    return data


@app.command("skill")
def skill_cmd(
    skill_id: str = typer.Argument(..., help="Skill id, label or alias, e.g. rag."),
    json_out: bool = JSON,
) -> None:
    """Show a skill: levels, prerequisites, what it unlocks, courses, ESCO/O*NET links."""
    kb = load()
    skill = kb.skill(skill_id)
    if json_out:
        emit_json(_skill_data(skill))
        return
    console.print(
        Panel.fit(
            f"[bold]{skill.label}[/bold]  ({skill.id}, {SKILL_CATEGORIES[skill.category]})\n"
            f"{skill.description}"
        )
    )
    names = skill.aliases + skill.case_sensitive_aliases + [a.alias for a in skill.ambiguous]
    if names:
        console.print("Also written: " + ", ".join(names))
    for a in skill.ambiguous:
        console.print(f"  ⚠ '{a.alias}' is ambiguous: {a.note}")
    rows = [(lv, getattr(skill.levels, lv), f"{getattr(skill.hours, lv)} h") for lv in LEVELS]
    console.print(table("Levels", ["level", "what it means", "study hours"], rows))
    console.print(f"  Hours basis: {skill.hours.basis}")
    pre = ", ".join(kb.skills[p].label for p in skill.prerequisites) or "none"
    unl = ", ".join(kb.skills[u].label for u in kb.unlocks[skill.id]) or "nothing yet"
    console.print(f"[bold]Prerequisites:[/bold] {pre}")
    console.print(f"[bold]Unlocks:[/bold] {unl}")
    needed = [
        f"{r.title} ({s.importance}, {s.level})"
        for r in kb.roles.values()
        for s in r.skills
        if s.skill == skill.id
    ]
    if needed:
        console.print("[bold]Needed by:[/bold] " + "; ".join(needed))
    courses = kb.courses_for(skill.id)
    if courses:
        crow = [
            (
                c.title,
                c.provider,
                next(x.level for x in c.skills if x.skill == skill.id),
                f"{c.hours:g} h",
                c.cost,
            )
            for c in courses
        ]
        console.print(table("Courses", ["course", "provider", "reaches", "hours", "cost"], crow))
    if skill.esco:
        from careermap.knowledge import broad

        labels = []
        for uri in skill.esco:
            hit = broad.esco_skill(uri)
            labels.append(f"{hit.label if hit else '?'} <{uri}>")
        console.print("[bold]ESCO:[/bold] " + "; ".join(labels))
    if skill.onet:
        console.print("[bold]O*NET technology skills:[/bold] " + ", ".join(skill.onet))
    console.print("[bold]Sources:[/bold] " + "; ".join(kb.sources[s].title for s in skill.sources))


@app.command("sources")
def sources_cmd(json_out: bool = JSON) -> None:
    """List every source careermap's facts come from, with licences."""
    kb = load()
    if json_out:
        emit_json([s.model_dump(mode="json") for s in kb.sources.values()])
        return
    rows = [(s.id, s.title, s.publisher, s.kind, s.licence or "") for s in kb.sources.values()]
    console.print(table("Sources", ["id", "title", "publisher", "kind", "licence"], rows))


@app.command("facts")
def facts_cmd(json_out: bool = JSON) -> None:
    """Market facts from the sources: size, growth, workforce, hubs."""
    kb = load()
    if json_out:
        emit_json([f.model_dump(mode="json") for f in kb.facts.values()])
        return
    rows = [(f.topic, f.statement, f.as_of, f.source) for f in kb.facts.values()]
    console.print(table("Market facts", ["topic", "fact", "as of", "source"], rows))
    console.print("Figures as stated by each source; careermap has not re-estimated them.")


@app.command("salary")
def salary_cmd(
    role_id: str = typer.Argument(..., help="Role id or title."),
    level: str | None = typer.Option(
        None, "--level", "-l", help="entry, mid, senior or executive (or EN/MI/SE/EX)."
    ),
    country: str | None = typer.Option(
        None, "--country", help="Country name or ISO code, e.g. US, Germany, GB."
    ),
    area: str | None = typer.Option(
        None, "--area", help="US state or metro area for BLS OEWS, e.g. 'California'."
    ),
    json_out: bool = JSON,
) -> None:
    """What a role pays: stated ranges, survey percentiles and BLS OEWS, each with n and source."""
    from careermap.knowledge.salary import salary_bands

    kb = load()
    report = salary_bands(kb, role_id, level=level, country=country, area=area)
    if json_out:
        emit_json(report)
        return
    where = ", ".join(x for x in (report.country, report.area) if x) or "all places"
    console.print(
        f"[bold]{report.role_title}[/bold] — level: {report.level or 'all'}; place: {where}"
    )
    rows = []
    for b in report.bands:
        if b.kind == "stated-range":
            fig = f"{money(b.low)} – {money(b.high)}" if b.high else f"{money(b.low)}+"
            pct = ("", fig, "")
        else:
            pct = (money(b.p25), money(b.median), money(b.p75))
        n = "" if b.n is None else f"{b.n:,} {b.n_label or ''}".strip()
        what = b.dataset + (f" · {b.soc} {b.soc_title}" if b.soc else "")
        flag = " ⚠ small sample" if b.small_sample else ""
        rows.append((what, b.level or "all", b.place, *pct, n + flag, b.period))
    console.print(
        table(
            "Yearly pay (USD)",
            ["source", "level", "place", "p25", "median", "p75", "n", "period"],
            rows,
        )
    )
    notes = [f"{b.dataset}: {b.note}" for b in report.bands if b.note] + report.notes
    for note in dict.fromkeys(notes):  # the same caveat once, however many bands share it
        console.print(f"  • {note}")
