"""Commands that explore the knowledge base: roles, role, skills, skill, salary, sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer
from rich.panel import Panel

from careermap.cli.app import app
from careermap.cli.output import console, emit_json, money, safe, table
from careermap.knowledge import LEVELS, SKILL_CATEGORIES, KnowledgeBase, load
from careermap.knowledge.schemas import IMPORTANCE_ORDER, Role, SalaryRange, Skill

if TYPE_CHECKING:
    from careermap.knowledge.salary import SalaryBand

JSON = typer.Option(False, "--json", help="Print JSON for programs instead of tables.")


def _stated_line(figures: str, level: str, place: str, year: int | None, source: str) -> str:
    return f"{figures} — {level}; {place}, {year or 'undated'} [{source}]"


def _salary_lines(r: SalaryRange) -> tuple[str, str]:
    """A stated range as its source words it: the figures it gives, and its words."""
    from careermap.knowledge.salary import stated_figures

    place = r.country or "place not stated"
    return _stated_line(stated_figures(r), r.level, place, r.year, r.source), f"“{r.quote}”"


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
    from careermap.knowledge.salary import stated_figures

    rows = []
    for r in sorted(kb.roles.values(), key=lambda r: r.title):
        given = [stated_figures(s) for s in r.salary if s.low is not None or s.high is not None]
        more = f" (+{len(r.salary) - 1} more)" if len(r.salary) > 1 else ""
        pay = (given[0] if given else "stated, no figure") + more if r.salary else "none stated"
        ess = sum(1 for s in r.skills if s.importance == "essential")
        rows.append((r.id, r.title, ", ".join(r.work_styles), ess, pay))
    console.print(
        table(
            f"{len(rows)} GenAI roles",
            ["id", "title", "work style", "essential skills", "pay the seeds state"],
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
    data["certifications"] = [
        kb.certifications[c].model_dump(mode="json") for c in role.certifications
    ]
    data["projects"] = [kb.projects[p].model_dump(mode="json") for p in role.projects]
    data["sources"] = [kb.sources[s].model_dump(mode="json") for s in role.sources]
    return data


def _status_text(status: str, retired_on: object, successor: str | None) -> str:
    """'active', or 'retired on 2026-03-31, succeeded by X'."""
    if status != "retired":
        return status
    return f"retired on {retired_on}" + (f", succeeded by {successor}" if successor else "")


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
        console.print("[bold]Pay as the sources state it[/bold] (their words; no percentiles):")
        for rng in role.salary:
            line, quote = _salary_lines(rng)
            console.print(f"  • {safe(line)}\n    {safe(quote)}")
    console.print(f"  Survey and OEWS percentiles by level and place: careermap salary {role.id}")
    if role.courses:
        crow = []
        for cid in role.courses:
            course = kb.courses[cid]
            crow.append(
                (
                    course.title,
                    course.provider,
                    course.level,
                    f"{course.hours:g} h",
                    course.cost,
                    _status_text(course.status, course.retired_on, course.successor),
                )
            )
        console.print(
            table("Courses", ["course", "provider", "level", "hours", "cost", "status"], crow)
        )
    if role.certifications:
        trow = []
        for tid in role.certifications:
            cert = kb.certifications[tid]
            usd = cert.exam_price_usd
            price = "not stated" if usd is None else f"${usd:,.2f}".replace(".00", "")
            trow.append(
                (
                    cert.title,
                    cert.code or "",
                    cert.issuer,
                    price,
                    _status_text(cert.status, cert.retired_on, cert.successor),
                )
            )
        console.print(
            table("Certifications", ["certification", "code", "issuer", "exam", "status"], trow)
        )
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
    skills = kb.iter_skills(category)
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
        for link in skill.esco:
            hit = broad.esco_skill(link.uri)
            labels.append(f"{hit.label if hit else '?'} ({link.fit}) <{link.uri}>")
        console.print("[bold]ESCO:[/bold] " + "; ".join(labels))
    if skill.onet:
        tech = ", ".join(f"{link.name} ({link.fit})" for link in skill.onet)
        console.print("[bold]O*NET technology skills:[/bold] " + tech)
    console.print("[bold]Sources:[/bold] " + "; ".join(kb.sources[s].title for s in skill.sources))


def _records(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in counts.items()) or "none (see what it provides)"


def _cited_by(kb: KnowledgeBase, source_id: str) -> str:
    """'Grand View Research, cited by seed-genai-jobs, which accessed it on 2026-05-18'."""
    src = kb.sources[source_id]
    if src.cited_by is None:
        return src.title
    when = f", which accessed it on {src.cited_by.accessed}" if src.cited_by.accessed else ""
    return f"{src.title}, cited by {src.cited_by.source}{when}"


def _fact_source(kb: KnowledgeBase, source: str, cites: str | None) -> str:
    """'seed-genai-jobs, citing Grand View Research, which it accessed on 2026-05-18'."""
    if cites is None:
        return source
    study = kb.sources[cites]
    by = study.cited_by
    seen = by.accessed if by and by.source == source else None
    when = f", which it accessed on {seen}" if seen else ""
    return f"{source}, citing {study.publisher}{when}"


@app.command("sources")
def sources_cmd(json_out: bool = JSON) -> None:
    """Every source careermap's facts come from: licence, what careermap takes, who cites it."""
    kb = load()
    counts = kb.citations()
    if json_out:
        emit_json(
            [{**s.model_dump(mode="json"), "records": counts[s.id]} for s in kb.sources.values()]
        )
        return
    console.print(f"[bold]{len(kb.sources)} sources[/bold]")
    for s in kb.sources.values():
        console.print(
            f"• [bold]{safe(s.id)}[/bold]: {safe(_cited_by(kb, s.id))} ({safe(s.publisher)})"
        )
        console.print(f"    careermap takes: {safe(s.provides or 'not recorded')}")
        console.print(f"    licence: {safe(s.licence or 'none stated')}")
        console.print(f"    records citing it: {safe(_records(counts[s.id]))}")


@app.command("facts")
def facts_cmd(json_out: bool = JSON) -> None:
    """Market facts from the sources: size, growth, workforce, hubs, with their words."""
    kb = load()
    if json_out:
        emit_json([f.model_dump(mode="json") for f in kb.facts.values()])
        return
    rows = [
        (f.topic, f.statement, f"“{f.quote}”", f.as_of, _fact_source(kb, f.source, f.cites))
        for f in kb.facts.values()
    ]
    console.print(
        table("Market facts", ["topic", "fact", "the source's words", "as of", "source"], rows)
    )
    console.print("Figures as stated by each source; careermap has not re-estimated them.")


def _amount(v: int | None, currency: str) -> str:
    return money(v) if currency == "USD" else ("—" if v is None else f"{v:,} {currency}")


def _band_rows(b: SalaryBand) -> list[tuple[str, ...]]:
    n = "" if b.n is None else f"{b.n:,} {b.n_label or ''}".strip()
    what = b.dataset + (f" · {b.soc} {b.soc_title}" if b.soc else "")
    if b.kind == "survey":
        what += " · PROXY titles" if b.proxy else f" · {b.fit} titles"
    if b.kind == "survey" and b.small_sample:
        pct: tuple[str, ...] = ("too few", "too few", "too few")
    else:
        pct = (money(b.p25), money(b.median), money(b.p75))
    flag = " ⚠ small sample" if b.small_sample else ""
    rows = [(what, b.level or "all", b.place, "USD", *pct, n + flag, b.period)]
    if b.local is not None:
        lp = b.local
        few = ("too few",) * 3 if lp.too_few else ()
        local = few or tuple(_amount(v, lp.currency) for v in (lp.p25, lp.median, lp.p75))
        rows.append(
            (f"  the same, rows reported in {lp.currency}", b.level or "all", b.place,
             lp.currency, *local, f"{lp.n:,} salary reports", b.period)
        )  # fmt: skip
    return rows


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
        None,
        "--area",
        help="US state, metro area or city for BLS OEWS, e.g. 'California', 'Austin, TX', 'NYC'.",
    ),
    json_out: bool = JSON,
) -> None:
    """What a role pays: the sources' own words, survey percentiles and BLS OEWS, with n."""
    from careermap.knowledge.salary import salary_bands

    kb = load()
    report = salary_bands(kb, role_id, level=level, country=country, area=area)
    if json_out:
        emit_json(report)
        return
    where = ", ".join(x for x in (report.country, report.area) if x) or "all places"
    console.print(
        f"[bold]{safe(report.role_title)}[/bold] — level: {report.level or 'all'}; "
        f"place: {safe(where)}"
    )
    if report.stated:
        console.print(
            "[bold]Pay as the sources state it[/bold] (their words and figures only; "
            "not percentiles, not by level):"
        )
        for st in report.stated:
            line = _stated_line(st.figures, st.level, st.place, st.year, st.source)
            hedge = f" ({st.qualifier})" if st.qualifier else ""
            console.print(f"  • {safe(line + hedge)}\n    {safe('“' + st.quote + '”')}")
    rows = [row for b in report.bands for row in _band_rows(b)]
    columns = ["source", "level", "place", "currency", "p25", "median", "p75", "n", "years"]
    console.print(table("Yearly pay, percentiles", columns, rows))
    notes: list[str] = []
    for b in report.bands:
        if b.kind == "survey":
            titles = ", ".join(f"{t.title} {t.n:,}" for t in b.titles[:8])
            more = f", and {len(b.titles) - 8} more titles" if len(b.titles) > 8 else ""
            notes.append(f"{b.dataset} ({b.fit}): {b.basis}. Titles (rows): {titles}{more}.")
        if b.note:
            notes.append(f"{b.dataset}: {b.note}")
    for note in dict.fromkeys(notes + report.notes):  # each caveat once
        console.print(f"  • {safe(note)}")
