"""``careermap start`` end to end on the example résumé, cold, as a whole process.

Run: python bench/bench_start.py [--runs 5] [--careermap DIR]

Each run is a fresh process (imports, knowledge base, embedding model, title index all
loaded from scratch), writing the plan to a temp file. Goal: under 3 s on 2 cores.
The plan computation alone is measured by bench/bench_plan.py (goal: under 200 ms).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench_knowledge import TREE_HELP, report

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--careermap", type=Path, help=TREE_HELP)
    args = ap.parse_args()
    out = Path(tempfile.mkdtemp()) / "plan.md"
    resume = ROOT / "examples" / "resume.md"
    cases = [
        (
            "careermap start examples/resume.md",
            f"import sys; sys.argv=['careermap','start',{str(resume)!r},'-o',{str(out)!r}];"
            "from careermap.cli import main; raise SystemExit(main())",
        ),
    ]
    report(cases, args.runs, args.careermap)
    print("\ngoal: under 3 s cold on 2 cores")


if __name__ == "__main__":
    main()
