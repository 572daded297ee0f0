"""Time build_plan for every role of the shipped knowledge base, from an empty profile.

Every role skill becomes a need at the role's level (what the gap is for someone with no
matching skill), the plan is built at 8 hours a week, and each role is timed REPEAT times
after SciPy's solver is imported and one warm-up call is made (a plan calls HiGHS only
for a group of needs too large to try subset by subset, and the first such call would
otherwise pay for the import).

    python bench/bench_plan.py [--repeat 20] [--optimize hours|cost] [--kb PATH]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from pathlib import Path

from careermap.knowledge.loader import KnowledgeBase, load, load_from
from careermap.plan import build_plan
from careermap.profile import SkillNeed


def role_needs(kb: KnowledgeBase, role_id: str) -> list[SkillNeed]:
    return [
        SkillNeed(skill=s.skill, target=s.level, importance=s.importance, reason=s.why or "")
        for s in kb.role(role_id).skills
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--optimize", choices=["hours", "cost"], default="hours")
    ap.add_argument("--hours-per-week", type=float, default=8.0)
    ap.add_argument("--kb", type=Path, default=None, help="knowledge folder (default: shipped)")
    args = ap.parse_args()
    kb = load() if args.kb is None else load_from(args.kb)
    start = date(2026, 9, 7)

    t0 = time.perf_counter()
    from scipy.optimize import milp  # noqa: F401 - imported here, not in a timed plan

    first = sorted(kb.roles)[0]
    build_plan(kb, first, role_needs(kb, first), hours_per_week=8, start=start)
    warm = (time.perf_counter() - t0) * 1000
    print(f"SciPy's milp imported and a first plan made: {warm:.0f} ms")
    print(
        f"{'role':<22}{'needs':>6}{'steps':>6}{'courses':>8}{'self':>5}{'proj':>5}"
        f"{'hours':>8}{'USD':>8}{'weeks':>6}{'p50 ms':>8}{'max ms':>8}  solver"
    )
    all_ms: list[float] = []
    for role_id in sorted(kb.roles):
        needs = role_needs(kb, role_id)
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            plan = build_plan(
                kb,
                role_id,
                needs,
                hours_per_week=args.hours_per_week,
                start=start,
                optimize=args.optimize,
            )
            times.append((time.perf_counter() - t) * 1000)
        all_ms += times
        print(
            f"{role_id:<22}{len(needs):>6}{len(plan.steps):>6}{len(plan.courses):>8}"
            f"{len(plan.uncovered):>5}{len(plan.project_steps()):>5}{plan.total_hours:>8.0f}"
            f"{plan.total_cost_usd:>8.0f}{plan.weeks:>6}{statistics.median(times):>8.1f}"
            f"{max(times):>8.1f}  {plan.solver}"
        )
    print(
        f"all roles: p50 {statistics.median(all_ms):.1f} ms, max {max(all_ms):.1f} ms "
        f"over {len(all_ms)} plans ({args.optimize}, {args.hours_per_week:g} h/week)"
    )


if __name__ == "__main__":
    main()
