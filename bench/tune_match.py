"""Grid over the role scorer's weights on validation data only: the persona panel and the
O*NET occupation profiles (the two sets ``match`` in tuning.yaml says it was checked on).

    python bench/tune_match.py            # the shipped point, then the best points found

Each profile is read once with the shipped tuning; only the scorer's values change per
point (importance of important and useful skills, the specificity floor and exponent, the
length exponent). The held-out persona splits are never read here: run
``bench/bench_advice.py`` on them after choosing, as a measurement.
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_advice
import bench_match
from careermap.match import rank_roles
from careermap.tuning import Tuning, get_tuning

GRID: dict[str, list[float]] = {
    "important": [1.5, 2.0, 2.5],
    "useful": [0.25, 0.5],
    "floor": [0.05, 0.15, 0.3],
    "exponent": [0.5, 1.0, 1.5, 2.0],
    "length_exponent": [0.8, 0.9, 1.0],
}


@dataclass(frozen=True)
class Case:
    profile: Any
    top1: set[str]  # acceptable first roles
    top3: set[str]
    all_three: bool  # every role of the first three in top3 (panel), or any (O*NET)


def panel_cases() -> list[Case]:
    render = bench_advice.load_render()
    out = []
    for p in bench_advice.load_personas(["panel"]):
        data = render.render_persona(p.folder, p.expect.format)
        profile = bench_advice.read(data, True).profile
        out.append(Case(profile, set(p.expect.top1), set(p.expect.top3), all_three=True))
    return out


def onet_cases(kb: Any) -> list[Case]:
    return [
        Case(bench_match.occupation_profile(code, True), want, want, all_three=False)
        for code, (_, want) in sorted(bench_match.expected_roles(kb).items())
    ]


def with_point(base: Tuning, point: dict[str, float]) -> None:
    m = base.match
    match = m.model_copy(
        update={
            "importance": m.importance.model_copy(
                update={"important": point["important"], "useful": point["useful"]}
            ),
            "specificity": m.specificity.model_copy(
                update={"floor": point["floor"], "exponent": point["exponent"]}
            ),
            "length_exponent": point["length_exponent"],
        }
    )
    bench_match.install_tuning(base.model_copy(update={"match": match}))


def score(kb: Any, cases: list[Case]) -> tuple[int, int]:
    top1 = top3 = 0
    for c in cases:
        ranked = [m.role for m in rank_roles(kb, c.profile).matches]
        top1 += ranked[0] in c.top1
        hits = [r in c.top3 for r in ranked[:3]]
        top3 += all(hits) if c.all_three else any(hits)
    return top1, top3


def main() -> None:
    kb = bench_advice.load_kb()
    base = get_tuning()
    panel, onet = panel_cases(), onet_cases(kb)
    m = base.match
    shipped = {
        "important": m.importance.important,
        "useful": m.importance.useful,
        "floor": m.specificity.floor,
        "exponent": m.specificity.exponent,
        "length_exponent": m.length_exponent,
    }
    rows = []
    for values in itertools.product(*GRID.values()):
        point = dict(zip(GRID, values, strict=True))
        with_point(base, point)
        rows.append((point, score(kb, panel), score(kb, onet)))
    with_point(base, shipped)
    here = (shipped, score(kb, panel), score(kb, onet))
    n_p, n_o = len(panel), len(onet)

    def line(row: tuple[dict[str, float], tuple[int, int], tuple[int, int]]) -> str:
        p, (p1, p3), (o1, o3) = row
        vals = " ".join(f"{k}={v:g}" for k, v in p.items())
        return f"panel {p1:2}/{n_p} {p3:2}/{n_p}   O*NET {o1:2}/{n_o} {o3:2}/{n_o}   {vals}"

    print(f"{len(rows)} points; panel top-1, top-3 all accepted; O*NET top-1, top-3 (validation)")
    print("shipped: " + line(here))
    rows.sort(key=lambda r: (-(r[1][0] + r[2][0]), -(r[1][1] + r[2][1])))
    for row in rows[:15]:
        print("         " + line(row))


if __name__ == "__main__":
    main()
