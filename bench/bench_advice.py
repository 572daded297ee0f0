"""Advice quality on a panel of fictional résumés whose expectations were written blind.

Run: python bench/bench_advice.py [--split panel|heldout|fresh|all] [--only ID] [--json]
     [--no-semantic] [--held-out-details]

Each persona under ``bench/personas/<split>/<id>/`` has a ``source.md`` and an
``expect.yaml`` a careers advisor wrote before careermap was run on it (frozen in
``bench/personas/FROZEN.sha256``). The source is rendered in memory into the persona's format
(``bench/personas/render.py``), read by careermap, ranked, gapped against the persona's
``gap_role`` and planned at 8 h/week from 2026-12-07. Checks, each pass or fail:

- top1: careermap's first role is one the advisor accepts first;
- top3: every role in careermap's top three is one the advisor accepts there;
- goal: where the résumé states a goal, the role careermap plans towards by default is it;
- held: each listed skill is in the profile at or above the listed level, and not denied;
- denied: each skill the person says they lack is not in the profile's skills;
- max_level: skills that must not be read above a level are not;
- not_in_gap: skills the person plainly has are not in the gap to ``gap_role``;
- plan_hours: the default plan to ``gap_role`` takes at most ``max_plan_hours``.

Per split it prints the pass rate of each check, the personas passing every check, the median
and maximum plan hours, and beside top-1 and top-3 the best constant answer on that split.
The panel is "validation (panel, used for tuning)"; the held-out splits are never tuned on
(``fresh`` was written and frozen on 2026-12-03, without careermap being run on it). So
that tuning never sees them, the held-out splits print their summaries only, unless
``--held-out-details`` (or ``--only`` one of their personas, or ``--json``) asks for more.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import itertools
import json
import statistics
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

HERE = Path(__file__).resolve().parent
PERSONAS = HERE / "personas"
SPLITS = ("panel", "heldout", "fresh")
LABELS = {
    "panel": "validation (panel, used for tuning)",
    "heldout": "held-out",
    "fresh": "held-out, second split (written 2026-12-03)",
}
START = date(2026, 12, 7)
HOURS_PER_WEEK = 8

Level = Literal["foundational", "intermediate", "advanced"]
RANK = {"foundational": 0, "intermediate": 1, "advanced": 2}


# ---- careermap, one small function per stage (the API will evolve; adapt these) ----------


def load_kb() -> Any:
    from careermap import knowledge

    return knowledge.load()


def read(data: bytes, semantic: bool) -> Any:
    """A résumé's bytes → careermap's reading (``.profile``, ``.document``, ``.extraction``)."""
    from careermap.service import read_person

    return read_person(data, semantic=semantic)


def rank(kb: Any, profile: Any) -> list[tuple[str, float]]:
    """Every role, best first, with its score."""
    from careermap.match import rank_roles

    return [(m.role, float(m.score)) for m in rank_roles(kb, profile).matches]


def gap(kb: Any, role: str, profile: Any) -> list[Any]:
    """The needs (``.skill``, ``.you_said``, ...) between the profile and a role."""
    from careermap.match import compute_gap

    return list(compute_gap(kb, kb.role(role), profile).needs)


def plan_hours(kb: Any, role: str, needs: list[Any]) -> float:
    from careermap.plan import build_plan

    plan = build_plan(kb, role, needs, hours_per_week=HOURS_PER_WEEK, start=START)
    return float(plan.total_hours)


def default_target(reading: Any, ranking: list[tuple[str, float]]) -> str:
    """The role careermap plans towards when the person names none on the command line:
    the one their goal sentence names, else the best fit (careermap.service.choose_target)."""
    from careermap.match import rank_roles
    from careermap.service import choose_target

    kb = load_kb()
    return str(choose_target(reading.profile, rank_roles(kb, reading.profile), kb=kb).role)


def profile_skills(profile: Any) -> dict[str, str]:
    """Skill id → level read."""
    return {sid: ps.level for sid, ps in profile.skills.items()}


def profile_denied(profile: Any) -> set[str]:
    return set(profile.denied)


# ---- expectations ------------------------------------------------------------------------


class Expectation(BaseModel):
    """One persona's expect.yaml, as the advisor wrote it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    persona: str
    format: Literal["md", "txt", "docx", "pdf", "html", "linkedin"]
    written: date
    neighbouring: bool
    top1: list[str] = Field(min_length=1)
    top3: list[str] = Field(min_length=3)
    goal: str | None = None
    gap_role: str
    held: dict[str, Level | Literal["any"]] = Field(default_factory=dict)
    denied: list[str] = Field(default_factory=list)
    max_level: dict[str, Level] = Field(default_factory=dict)
    not_in_gap: list[str] = Field(default_factory=list)
    max_plan_hours: int = Field(gt=0)
    unknown_skills: list[str] = Field(default_factory=list)
    notes: str

    @model_validator(mode="after")
    def _consistent(self) -> Expectation:
        if not set(self.top1) <= set(self.top3):
            raise ValueError("every top1 role must also be in top3")
        if self.goal is not None and self.goal != self.gap_role:
            raise ValueError("gap_role must be the goal when a goal is set")
        if set(self.held) & set(self.denied):
            raise ValueError("a skill cannot be both held and denied")
        return self

    def unknown_ids(self, kb: Any) -> list[str]:
        roles = {*self.top1, *self.top3, self.gap_role, *([self.goal] if self.goal else [])}
        skills = {*self.held, *self.denied, *self.max_level, *self.not_in_gap}
        return sorted(
            [f"role {r}" for r in roles if r not in kb.roles]
            + [f"skill {s}" for s in skills if s not in kb.skills]
        )


@dataclass(frozen=True)
class Persona:
    split: str
    folder: Path
    expect: Expectation

    @property
    def id(self) -> str:
        return self.expect.id


def load_render() -> ModuleType:
    spec = importlib.util.spec_from_file_location("persona_render", PERSONAS / "render.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def load_personas(splits: list[str], only: str | None = None) -> list[Persona]:
    out = []
    for split in splits:
        if not (PERSONAS / split).is_dir():
            continue
        for folder in sorted((PERSONAS / split).iterdir()):
            if not (folder / "expect.yaml").is_file():
                continue
            raw = yaml.safe_load((folder / "expect.yaml").read_text(encoding="utf-8"))
            try:
                expect = Expectation.model_validate(raw)
            except ValueError as err:
                raise SystemExit(f"{folder / 'expect.yaml'}: {err}") from err
            if expect.id != folder.name:
                raise SystemExit(
                    f"{folder / 'expect.yaml'}: id {expect.id!r} is not the folder name"
                )
            if only is None or expect.id == only:
                out.append(Persona(split, folder, expect))
    if only is not None and not out:
        raise SystemExit(f"no persona {only!r} in {', '.join(splits)}; see bench/personas/")
    return out


def freeze_status() -> dict[str, Any]:
    """The freeze date and any expectation or source file changed since the freeze."""
    path = PERSONAS / "FROZEN.sha256"
    if not path.is_file():
        return {"frozen": None, "changed": [], "missing": []}
    frozen = None
    changed, missing, seen = [], [], set()
    for line in path.read_text().splitlines():
        if line.startswith("#"):
            if line.startswith("# frozen:"):  # the first freeze, panel and held-out
                frozen = line.split(":", 1)[1].split()[0]
            elif "frozen:" in line:  # a later split's freeze ("# fresh split frozen: ...")
                frozen = f"{frozen}, {line[2:].split(' (')[0]}"
            continue
        digest, _, name = line.partition("  ")
        seen.add(name)
        file = PERSONAS / name
        if not file.is_file():
            missing.append(name)
        elif hashlib.sha256(file.read_bytes()).hexdigest() != digest:
            changed.append(name)
    for file in sorted(PERSONAS.glob("*/*/*")):
        name = file.relative_to(PERSONAS).as_posix()
        if file.name in ("expect.yaml", "source.md") and name not in seen:
            changed.append(f"{name} (added after the freeze)")
    return {"frozen": frozen, "changed": changed, "missing": missing}


# ---- checks ------------------------------------------------------------------------------

CHECKS = ("top1", "top3", "goal", "held", "denied", "max_level", "not_in_gap", "plan_hours")


@dataclass
class Result:
    persona: Persona
    checks: dict[str, bool | None] = field(default_factory=dict)  # None: does not apply
    failures: list[str] = field(default_factory=list)
    ranking: list[tuple[str, float]] = field(default_factory=list)
    target: str | None = None
    hours: float | None = None
    gap_skills: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def all_pass(self) -> bool:
        return all(v is not False for v in self.checks.values())


def _applies(e: Expectation) -> dict[str, bool]:
    return {
        "top1": True,
        "top3": True,
        "goal": e.goal is not None,
        "held": bool(e.held),
        "denied": bool(e.denied),
        "max_level": bool(e.max_level),
        "not_in_gap": bool(e.not_in_gap),
        "plan_hours": True,
    }


def _quote(profile: Any, sid: str) -> str:
    hit = profile.skills.get(sid)
    if hit is None or not hit.evidence:
        return ""
    text = " ".join(hit.evidence[0].text.split())
    return f' from "{text[:70]}{"..." if len(text) > 70 else ""}"'


def evaluate(persona: Persona, kb: Any, render: ModuleType, semantic: bool) -> Result:
    e = persona.expect
    result = Result(persona)
    applies = _applies(e)
    data = render.render_persona(persona.folder, e.format)
    try:
        reading = read(data, semantic)
        profile = reading.profile
        ranking = rank(kb, profile)
        target = default_target(reading, ranking)
        needs = gap(kb, e.gap_role, profile)
        hours = plan_hours(kb, e.gap_role, needs)
    except Exception as err:  # careermap failed: every check fails with its message
        result.error = f"{type(err).__name__}: {err}"
        result.checks = {c: (False if applies[c] else None) for c in CHECKS}
        result.failures = [f"error: {result.error}"]
        return result
    result.ranking, result.target, result.hours = ranking, target, hours
    result.gap_skills = [n.skill for n in needs]
    fails: dict[str, list[str]] = {c: [] for c in CHECKS}
    skills, denied = profile_skills(profile), profile_denied(profile)

    first = ranking[0][0] if ranking else None
    if first not in e.top1:
        fails["top1"].append(f"first is {first}; acceptable: {', '.join(e.top1)}")
    for role, _ in ranking[:3]:
        if role not in e.top3:
            fails["top3"].append(f"{role} in the top three")
    if e.goal is not None and target != e.goal:
        fails["goal"].append(f"default target is {target}, the stated goal is {e.goal}")
    for sid, want in e.held.items():
        level = skills.get(sid)
        if sid in denied:
            fails["held"].append(f"{sid} read as denied")
        elif level is None:
            fails["held"].append(f"{sid} missing")
        elif want != "any" and RANK[level] < RANK[want]:
            fails["held"].append(f"{sid} at {level}, wants {want}")
    for sid in e.denied:
        if sid in skills:
            fails["denied"].append(f"{sid} in the profile ({skills[sid]}){_quote(profile, sid)}")
    for sid, cap in e.max_level.items():
        level = skills.get(sid)
        if level is not None and RANK[level] > RANK[cap]:
            fails["max_level"].append(f"{sid} read as {level}, at most {cap}")
    said = {n.skill: n for n in needs}
    for sid in e.not_in_gap:
        if sid in said:
            fails["not_in_gap"].append(f"{sid} in the gap")
    if hours > e.max_plan_hours:
        fails["plan_hours"].append(f"{hours:.0f} h, at most {e.max_plan_hours} h")

    for c in CHECKS:
        result.checks[c] = None if not applies[c] else not fails[c]
        result.failures += [f"{c}: {f}" for f in fails[c]]
    return result


# ---- summaries ---------------------------------------------------------------------------


def baselines(personas: list[Persona]) -> dict[str, Any]:
    """The best constant answers: one role always first, one fixed triple always on top."""
    roles = sorted({r for p in personas for r in p.expect.top3})
    if not personas or len(roles) < 3:
        return {}
    n = len(personas)
    best_role = min(roles, key=lambda r: (-sum(r in p.expect.top1 for p in personas), r))
    hits1 = sum(best_role in p.expect.top1 for p in personas)
    best3, hits3 = None, -1
    for triple in itertools.combinations(roles, 3):
        hits = sum(set(triple) <= set(p.expect.top3) for p in personas)
        if hits > hits3:
            best3, hits3 = triple, hits
    assert best3 is not None
    ordered = sorted(best3, key=lambda r: (-sum(r in p.expect.top1 for p in personas), r))
    return {
        "top1": {"answer": best_role, "passed": hits1, "of": n, "rate": hits1 / n},
        "top3": {"answer": ordered, "passed": hits3, "of": n, "rate": hits3 / n},
    }


def summarise(results: list[Result]) -> dict[str, Any]:
    checks = {}
    for c in CHECKS:
        applicable = [r for r in results if r.checks.get(c) is not None]
        passed = sum(bool(r.checks[c]) for r in applicable)
        checks[c] = {
            "passed": passed,
            "of": len(applicable),
            "rate": passed / len(applicable) if applicable else None,
        }
    hours = [r.hours for r in results if r.hours is not None]
    return {
        "personas": len(results),
        "checks": checks,
        "all_pass": sum(r.all_pass for r in results),
        "plan_hours": {
            "median": statistics.median(hours) if hours else None,
            "max": max(hours) if hours else None,
        },
        "baseline": baselines([r.persona for r in results]),
        "errors": sum(r.error is not None for r in results),
    }


def as_json(result: Result) -> dict[str, Any]:
    e = result.persona.expect
    return {
        "id": e.id,
        "format": e.format,
        "ranking": [{"role": r, "score": s} for r, s in result.ranking[:3]],
        "default_target": result.target,
        "gap_role": e.gap_role,
        "gap": result.gap_skills,
        "plan_hours": result.hours,
        "checks": result.checks,
        "failures": result.failures,
        "error": result.error,
    }


def _mark(v: bool | None) -> str:
    return "-" if v is None else "✓" if v else "✗"


def _rate(d: dict[str, Any]) -> str:
    return "n/a" if d["rate"] is None else f"{d['passed']:>2}/{d['of']:<2} {100 * d['rate']:5.1f}%"


def print_split(
    split: str, results: list[Result], summary: dict[str, Any], details: bool = True
) -> None:
    print(f"\n{LABELS[split]}: {len(results)} personas")
    if not details:
        print("  (personas not shown: a held-out split; --held-out-details shows them)")
    for r in results if details else []:
        e = r.persona.expect
        marks = " ".join(f"{c} {_mark(r.checks[c])}" for c in CHECKS)
        top = " > ".join(role for role, _ in r.ranking[:3]) or "-"
        hours = "-" if r.hours is None else f"{r.hours:.0f} h"
        print(f"  {e.id:<28} {e.format:<8} {marks}   [{top}; plan {hours}]")
        for f in r.failures:
            print(f"      {f}")
    print(f"  summary, {LABELS[split]}:")
    base = summary["baseline"]
    for c in CHECKS:
        line = f"    {c:<11} {_rate(summary['checks'][c])}"
        if c in base:
            b = base[c]
            answer = b["answer"] if c == "top1" else " > ".join(b["answer"])
            line += f"   baseline, always {answer}: {_rate(b)}"
        print(line)
    print(f"    every check passing: {summary['all_pass']}/{summary['personas']}")
    ph = summary["plan_hours"]
    if ph["median"] is not None:
        print(f"    plan hours to gap_role: median {ph['median']:.0f} h, max {ph['max']:.0f} h")
    if summary["errors"]:
        print(f"    careermap raised for {summary['errors']} persona(s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--only", metavar="ID", help="one persona only")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--no-semantic", action="store_true", help="lexical extraction only")
    parser.add_argument(
        "--held-out-details",
        action="store_true",
        help="print the held-out splits' personas too, not only their summaries",
    )
    args = parser.parse_args(argv)
    splits = list(SPLITS) if args.split == "all" else [args.split]

    personas = load_personas(splits, args.only)
    kb = load_kb()
    bad = {p.id: p.expect.unknown_ids(kb) for p in personas}
    if any(bad.values()):
        for pid, ids in bad.items():
            if ids:
                print(f"{pid}: unknown {', '.join(ids)}", file=sys.stderr)
        print("fix the ids (careermap roles / careermap skill ID) and run again", file=sys.stderr)
        return 2
    render = load_render()
    frozen = freeze_status()
    semantic = not args.no_semantic

    by_split: dict[str, list[Result]] = {}
    for p in personas:
        by_split.setdefault(p.split, []).append(evaluate(p, kb, render, semantic))
    summaries = {s: summarise(rs) for s, rs in by_split.items()}

    if args.json:
        out = {
            "settings": {"semantic": semantic, "start": START.isoformat(),
                         "hours_per_week": HOURS_PER_WEEK},
            "frozen": frozen,
            "splits": {
                s: {"label": LABELS[s], "personas": [as_json(r) for r in rs],
                    "summary": summaries[s]}
                for s, rs in by_split.items()
            },
        }  # fmt: skip
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0

    print(
        f"careermap advice bench: {len(personas)} personas, semantic "
        f"{'on' if semantic else 'off'}, plans at {HOURS_PER_WEEK} h/week from {START}"
    )
    if frozen["frozen"] is None:
        print("expectations are not frozen yet (no bench/personas/FROZEN.sha256)")
    elif frozen["changed"] or frozen["missing"]:
        print(f"WARNING: expectations frozen {frozen['frozen']} have changed since:")
        for name in frozen["changed"] + [f"{m} (missing)" for m in frozen["missing"]]:
            print(f"  {name}")
    else:
        print(f"expectations frozen {frozen['frozen']}; every frozen file matches")
    for split, results in by_split.items():
        shown = split == "panel" or args.held_out_details or args.only is not None
        print_split(split, results, summaries[split], details=shown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
