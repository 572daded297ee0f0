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
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_advice
import bench_match
from careermap.match import rank_roles
from careermap.match.skills import _specificity
from careermap.runtime import Runtime, get_runtime, reset_runtime
from careermap.tuning import Tuning, get_tuning

GRID: dict[str, list[float]] = {
    "important": [1.5, 2.0, 2.5],
    "useful": [0.25, 0.5],
    "floor": [0.05, 0.15, 0.3],
    "exponent": [0.5, 1.0, 1.5, 2.0],
    "length_exponent": [0.8, 0.9, 1.0],
}


def panel_cases(kb: Any) -> list[tuple[Any, set[str], set[str]]]:
    render = bench_advice.load_render()
    out = []
    for p in bench_advice.load_personas(["panel"]):
        data = render.render_persona(p.folder, p.expect.format)
        profile = bench_advice.read(data, True).profile
        out.append((profile, set(p.expect.top1), set(p.expect.top3)))
    return out


def onet_cases(kb: Any) -> list[tuple[Any, set[str], set[str]]]:
    best: dict[str, tuple[int, set[str]]] = {}
    for role in kb.roles.values():
        for link in role.onet:
            order = bench_match.FIT_ORDER[link.fit]
            have = best.get(link.code)
            if have is None or order < have[0]:
                best[link.code] = (order, {role.id})
            elif order == have[0]:
                have[1].add(role.id)
    return [
        (bench_match.occupation_profile(code, True), want, want)
        for code, (_, want) in sorted(best.items())
    ]


def with_point(base: Tuning, kb: Any, point: dict[str, float]) -> None:
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
    tuning = base.model_copy(update={"match": match})
    root = get_runtime()
    root = getattr(root, "_parent", None) or root
    child = Runtime(parent=root)
    child._values["tuning"] = tuning
    child._values[("specificity", id(kb))] = _specificity(kb, match)
    reset_runtime(child)


def score(kb: Any, cases: list[tuple[Any, set[str], set[str]]]) -> tuple[int, int]:
    top1 = top3 = 0
    for profile, want1, want3 in cases:
        ranked = [m.role for m in rank_roles(kb, profile).matches]
        top1 += ranked[0] in want1
        if want1 is want3:  # O*NET: an expected role among the first three
            top3 += any(r in want3 for r in ranked[:3])
        else:  # panel: every role of the first three acceptable
            top3 += all(r in want3 for r in ranked[:3])
    return top1, top3


def main() -> None:
    kb = bench_advice.load_kb()
    base = get_tuning()
    panel, onet = panel_cases(kb), onet_cases(kb)
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
        with_point(base, kb, point)
        rows.append((point, score(kb, panel), score(kb, onet)))
    with_point(base, kb, shipped)
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
