"""Pick the courses that close a gap at the least total hours (or cost).

A course covers a need when it teaches that skill to at least the need's target level,
starting from no more than the person already has (a claim's ``from_level``); a retired
course never does. Every need is closed either by a chosen course that covers it or by
self-study (the skill's own hour estimate). Choosing courses so that the total the plan
reports, course hours plus the self-study left, is least is solved exactly as a 0-1
integer program with SciPy's ``milp`` (the HiGHS solver):

    minimise  sum_c w_c x_c + sum_n s_n y_n
    subject to  sum_{c covers n} x_c + y_n >= 1   for every need n some course covers
                x_c, y_n in {0, 1}

``s_n`` is the need's self-study hours (``optimize="hours"``) or 0 (``"cost"``: studying
alone costs nothing). Without self-study hours the program is a plain weighted set cover
(every coverable need by a course).

``w_c`` is the course's hours (``optimize="hours"``) or estimated cost (``"cost"``), plus
a tie-break far below any real difference (the other measure, then nothing), so that
among equally good sets the one that is also cheaper (or shorter) wins and no course is
chosen that adds nothing. Needs no course covers are left to self-study.

It is solved exactly, in independent parts: needs fall into groups that no course spans
(a course covering needs of two groups joins them). In a group, a column covering one need
only is worth taking only as that need's cheapest one, and a course covering several
needs is worth considering only if it costs less than the cheapest single columns of its
needs together; with at most ``ENUMERATE_LIMIT`` such courses left, every subset of them is
tried (each completed by the cheapest single columns of the needs it leaves), which is
exact and, at this size, a fraction of a millisecond; a larger group goes to SciPy's
``milp`` (the HiGHS solver), whose set-up alone costs some milliseconds a call.
``method="milp"`` hands the whole program to HiGHS. If HiGHS fails or reaches its time
limit, a greedy cover (best weight per newly covered need, then redundant courses
removed) stands in and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

import numpy as np

from careermap.errors import InputError
from careermap.knowledge.schemas import LEVELS, Course
from careermap.plan.costs import CostModel
from careermap.plan.model import Optimize
from careermap.profile import SkillNeed

__all__ = [
    "ENUMERATE_LIMIT",
    "EXACT_OPTIMAL",
    "MILP_OPTIMAL",
    "Selection",
    "coverage",
    "greedy_cover",
    "select_courses",
]

MILP_OPTIMAL = "milp (HiGHS, optimal)"
EXACT_OPTIMAL = "an exact search (optimal)"
#: most courses spanning several needs of one group that are tried subset by subset
ENUMERATE_LIMIT = 12
T = TypeVar("T", bound=Hashable)


@dataclass(frozen=True)
class Selection:
    """The chosen courses and which of them each covered need is scheduled with."""

    chosen: list[Course]
    assignment: dict[str, str] = field(default_factory=dict)  # skill id -> course id
    covers: dict[str, list[str]] = field(default_factory=dict)  # course id -> skill ids
    uncovered: list[str] = field(default_factory=list)  # no course teaches it to the target
    self_taught: list[str] = field(default_factory=list)  # a course could; alone is less
    solver: str = EXACT_OPTIMAL
    objective: float = 0.0


def _teaches(course: Course, need: SkillNeed) -> int | None:
    """The level index the course reaches in the need's skill, if it takes the person
    from where they are (its claim's ``from_level`` at most their level) to the target."""
    want = LEVELS.index(need.target)
    have = -1 if need.current is None else LEVELS.index(need.current)
    best: int | None = None
    for cs in course.skills:
        if cs.skill != need.skill:
            continue
        if cs.from_level is not None and LEVELS.index(cs.from_level) > have:
            continue  # the course starts above what the person has
        lv = LEVELS.index(cs.level)
        if lv >= want and (best is None or lv < best):
            best = lv
    return best


def coverage(needs: Sequence[SkillNeed], courses: Iterable[Course]) -> dict[str, list[str]]:
    """Course id -> skill ids of the needs it covers (courses covering none are left out)."""
    by_skill: dict[str, list[SkillNeed]] = {}
    order: dict[str, int] = {}
    for i, n in enumerate(needs):
        by_skill.setdefault(n.skill, []).append(n)
        order.setdefault(n.skill, i)
    out: dict[str, list[str]] = {}
    for c in sorted(courses, key=lambda c: c.id):
        # only the needs of the skills the course claims can be covered by it
        claimed = {cs.skill for cs in c.skills if cs.skill in by_skill}
        hit = [
            n.skill
            for sid in sorted(claimed, key=order.__getitem__)
            for n in by_skill[sid]
            if _teaches(c, n) is not None
        ]
        if hit:
            out[c.id] = hit
    return out


def _weights(
    courses: Sequence[Course], optimize: Optimize, costs: CostModel
) -> tuple[np.ndarray, np.ndarray]:
    hours = np.array([c.hours for c in courses], dtype=float)
    usd = np.array([costs.cost(c) for c in courses], dtype=float)
    primary, secondary = (hours, usd) if optimize == "hours" else (usd, hours)
    # the tie-break adds less than 0.005 in all, below the smallest difference that
    # matters in the primary measure (0.01 h or USD 0.01); hours are always positive, so
    # every weight is, and an optimal set holds no course the others make redundant
    eps = 0.005 / (1.0 + float(secondary.sum()))
    return primary, primary + eps * secondary


def greedy_cover(
    elements: Sequence[T], sets: Sequence[set[T]], weights: Sequence[float]
) -> list[int]:
    """Indices of a cover: repeatedly the best weight per newly covered element, ties by
    index; then drop, heaviest first, any set the others make redundant."""
    left = set(elements)
    chosen: list[int] = []
    while left:
        best, best_ratio = -1, float("inf")
        for i, s in enumerate(sets):
            gain = len(s & left)
            if gain and weights[i] / gain < best_ratio:
                best, best_ratio = i, weights[i] / gain
        if best < 0:
            break
        chosen.append(best)
        left -= sets[best]
    for i in sorted(chosen, key=lambda i: (-weights[i], i)):
        others = set().union(*(sets[j] for j in chosen if j != i))
        if sets[i] & set(elements) <= others:
            chosen.remove(i)
    return sorted(chosen)


def _milp(
    n_rows: int, sets: Sequence[set[int]], weights: np.ndarray, time_limit: float
) -> tuple[list[int] | None, str]:
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_array

    rows = [r for s in sets for r in sorted(s)]
    cols = [j for j, s in enumerate(sets) for _ in s]
    a = csr_array((np.ones(len(rows)), (rows, cols)), shape=(n_rows, len(sets)))
    try:
        res = milp(
            weights,
            constraints=LinearConstraint(a, lb=np.ones(n_rows), ub=np.inf),
            integrality=np.ones(len(sets)),
            bounds=Bounds(0, 1),
            options={"time_limit": time_limit, "mip_rel_gap": 0.0, "presolve": True},
        )
    except (ValueError, TypeError, MemoryError) as exc:  # pragma: no cover - defensive
        return None, f"solver error: {exc}"
    if res.status != 0 or res.x is None:
        return None, f"milp status {res.status}: {res.message}"
    picked = [j for j, v in enumerate(res.x) if v > 0.5]
    covered = set().union(*(sets[j] for j in picked)) if picked else set()
    if len(covered) < n_rows:  # pragma: no cover - defensive
        return None, "milp returned a set that does not cover every need"
    return picked, ""


def _parts(n_rows: int, sets: Sequence[set[int]]) -> list[tuple[list[int], list[int]]]:
    """The program's independent parts: (rows, columns), no column spanning two parts.
    (A union-find of a few lines: SciPy's csgraph would add some 60 ms of import to every
    command that plans.)"""
    parent = list(range(n_rows))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s in sets:
        first, *rest = sorted(s)
        for r in rest:
            parent[find(r)] = find(first)
    rows: dict[int, list[int]] = {}
    for r in range(n_rows):
        rows.setdefault(find(r), []).append(r)
    cols: dict[int, list[int]] = {}
    for j, s in enumerate(sets):
        cols.setdefault(find(next(iter(s))), []).append(j)
    return [(rows[root], cols.get(root, [])) for root in sorted(rows)]


def _enumerate(
    rows: Sequence[int], cols: Sequence[int], sets: Sequence[set[int]], weights: np.ndarray
) -> list[int] | None:
    """The least-weight columns covering ``rows`` (every column of ``cols`` covers only
    these), by trying every subset of the columns that cover several rows; None when more
    than ENUMERATE_LIMIT of them are worth trying."""
    cheapest = dict.fromkeys(rows, (float("inf"), -1))  # row -> (weight, column) covering it alone
    spanning: list[int] = []
    for j in cols:
        if len(sets[j]) == 1:
            r = next(iter(sets[j]))
            if weights[j] < cheapest[r][0]:
                cheapest[r] = (float(weights[j]), j)
        else:
            spanning.append(j)
    # a course costing at least its needs' cheapest single columns together is never needed
    spanning = [j for j in spanning if weights[j] < sum(cheapest[r][0] for r in sets[j])]
    if len(spanning) > ENUMERATE_LIMIT:
        return None
    at = {r: i for i, r in enumerate(rows)}
    covers = np.zeros((len(spanning), len(rows)), dtype=np.int64)
    for i, j in enumerate(spanning):
        covers[i, [at[r] for r in sets[j]]] = 1
    subsets = (np.arange(1 << len(spanning))[:, None] >> np.arange(len(spanning))) & 1
    covered = (subsets @ covers) > 0
    alone = np.array([cheapest[r][0] for r in rows])
    total = subsets @ weights[spanning] + np.where(covered, 0.0, alone).sum(axis=1)
    best = int(np.argmin(total))  # of exact equals, the subset with the lowest number
    if not np.isfinite(total[best]):  # pragma: no cover - every row has a column
        return None
    picked = [j for i, j in enumerate(spanning) if subsets[best, i]]
    picked += [cheapest[r][1] for i, r in enumerate(rows) if not covered[best, i]]
    return sorted(picked)


def _solve_exact(
    n_rows: int, sets: Sequence[set[int]], weights: np.ndarray, time_limit: float
) -> tuple[list[int] | None, str]:
    """The optimal columns, part by part: by enumeration where a part is small enough,
    else by HiGHS on that part alone."""
    picked: list[int] = []
    for rows, cols in _parts(n_rows, sets):
        part = _enumerate(rows, cols, sets, weights)
        if part is None:
            local = {r: i for i, r in enumerate(rows)}
            sub = [{local[r] for r in sets[j]} for j in cols]
            found, why = _milp(len(rows), sub, weights[cols], time_limit)
            if found is None:
                return None, why
            part = [cols[i] for i in found]
        picked += part
    return sorted(picked), ""


_Solve = Callable[[int, Sequence[set[int]], np.ndarray, float], tuple[list[int] | None, str]]
#: each method's solver (None: greedy only) and the label a plan shows
_SOLVERS: dict[str, tuple[_Solve | None, str]] = {
    "exact": (_solve_exact, EXACT_OPTIMAL),
    "milp": (_milp, MILP_OPTIMAL),
    "greedy": (None, "greedy (requested)"),
}


def select_courses(
    needs: Sequence[SkillNeed],
    courses: Iterable[Course],
    *,
    optimize: Optimize = "hours",
    costs: CostModel,
    time_limit: float = 5.0,
    method: Literal["exact", "milp", "greedy"] = "exact",
    self_study: Mapping[str, float] | None = None,
) -> Selection:
    """Close every need at the least total hours or cost (see the module docstring);
    ``self_study`` gives each need's self-study hours (by skill id). ``method``: "exact"
    (part by part, see above), "milp" (the whole program to HiGHS) or "greedy"."""
    if not time_limit >= 0:
        raise InputError(f"time_limit must be 0 or more seconds, not {time_limit}")
    courses = [c for c in courses if c.status != "retired"]  # never a candidate once retired
    cover = coverage(needs, courses)
    pool = {c.id: c for c in courses if c.id in cover}
    cands = [pool[cid] for cid in sorted(cover)]
    covered_ids = sorted({s for ids in cover.values() for s in ids})
    uncovered = [n.skill for n in needs if n.skill not in set(covered_ids)]
    if not cands:
        return Selection(chosen=[], uncovered=uncovered, solver=_SOLVERS[method][1])

    row = {sid: i for i, sid in enumerate(covered_ids)}
    sets_idx = [{row[s] for s in cover[c.id]} for c in cands]
    primary, weights = _weights(cands, optimize, costs)
    alone: list[int] = []  # column -> row of a self-study column
    if self_study is not None:
        hours = np.array([float(self_study.get(sid, 0.0)) for sid in covered_ids])
        own_primary = hours if optimize == "hours" else np.zeros(len(covered_ids))
        eps = 0.005 / (1.0 + float(hours.sum()))
        own_weights = own_primary + (eps * hours if optimize == "cost" else 0.0)
        sets_idx = sets_idx + [{r} for r in range(len(covered_ids))]
        primary = np.concatenate([primary, own_primary])
        weights = np.concatenate([weights, own_weights])
        alone = list(range(len(covered_ids)))

    picked: list[int] | None = None
    solve, solver = _SOLVERS[method]
    if solve is not None:
        picked, why = solve(len(covered_ids), sets_idx, weights, time_limit)
        if picked is None:
            solver = f"greedy (fallback: {why})"
    if picked is None:
        picked = greedy_cover(
            list(range(len(covered_ids))), [set(x) for x in sets_idx], list(weights)
        )

    chosen = [cands[j] for j in picked if j < len(cands)]
    studied = {covered_ids[alone[j - len(cands)]] for j in picked if j >= len(cands)}
    need_by_id = {n.skill: n for n in needs}
    assignment: dict[str, str] = {}
    for sid in covered_ids:
        options = [c for c in chosen if sid in cover[c.id]]
        if not options:
            continue  # cheaper to study alone than with any course chosen
        # the course that teaches it at the lowest sufficient level (most focused) wins
        best = min(
            options,
            key=lambda c: (_teaches(c, need_by_id[sid]) or 0, len(cover[c.id]), c.hours, c.id),
        )
        assignment[sid] = best.id
    self_taught = [n.skill for n in needs if n.skill in studied and n.skill not in assignment]
    return Selection(
        chosen=chosen,
        assignment=assignment,
        covers={c.id: cover[c.id] for c in chosen},
        uncovered=uncovered,
        self_taught=self_taught,
        solver=solver,
        objective=float(sum(primary[j] for j in picked)),
    )
