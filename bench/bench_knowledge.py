"""Cold load time and peak memory of the knowledge base and of CLI commands, as whole processes.

Run: python bench/bench_knowledge.py [--runs 5] [--careermap DIR]

Each figure is measured in a fresh Python process (cold: no import or data cached in the
process; the OS file cache is warm after the first run, as it is for a user running a
command twice). Peak memory is the child's maximum resident set size.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG_DATA = ROOT / "src" / "careermap" / "knowledge" / "data"


def measure(label: str, code: str, runs: int) -> tuple[str, float, float, float]:
    walls, peaks = [], []
    for _ in range(runs):
        wrapper = (
            "import resource,subprocess,sys,time;"
            "t=time.perf_counter();"
            f"r=subprocess.run([sys.executable,'-c',{code!r}],capture_output=True);"
            "w=time.perf_counter()-t;"
            "m=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
            "print(w, m/1024, r.returncode)"
        )
        out = subprocess.run(
            [sys.executable, "-c", wrapper], capture_output=True, text=True, check=True
        ).stdout.split()
        if out[2] != "0":
            sys.exit(f"{label}: child failed")
        walls.append(float(out[0]))
        peaks.append(float(out[1]))
    return label, statistics.median(walls), min(walls), max(peaks)


TREE_HELP = "time the careermap in this source tree (e.g. a git worktree of an older commit)"


def report(cases: list[tuple[str, str]], runs: int, tree: Path | None = None) -> None:
    """Print one line per (label, python code) case: median and best wall time, peak RSS;
    with ``tree``, the careermap in ``tree/src`` is the one imported."""
    where = f", careermap from {tree}" if tree is not None else ""
    print(f"cold process timings over {runs} runs each ({os.cpu_count()} cores{where})\n")
    print(f"{'what':58} {'median s':>9} {'best s':>8} {'peak MB':>8}")
    prefix = "" if tree is None else f"import sys; sys.path.insert(0, {str(tree / 'src')!r});"
    for label, code in cases:
        name, med, best, peak = measure(label, prefix + code, runs)
        print(f"{name:58} {med:9.3f} {best:8.3f} {peak:8.1f}")


def closure(dist: str, seen: set[str] | None = None) -> set[str]:
    seen = set() if seen is None else seen
    try:
        reqs = md.requires(dist) or []
    except md.PackageNotFoundError:
        return seen
    for r in reqs:
        if "extra ==" in r:
            continue
        name = re.split(r"[ ;<>=!\[~]", r, maxsplit=1)[0].lower().replace("_", "-")
        if name not in seen:
            seen.add(name)
            closure(name, seen)
    return seen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--careermap", type=Path, help=TREE_HELP)
    args = ap.parse_args()
    cases = [
        ("python -c pass (interpreter floor)", "pass"),
        ("import careermap", "import careermap"),
        (
            "load knowledge base (validated)",
            "from careermap.knowledge import load; load()",
        ),
        (
            "careermap role genai-engineer",
            "import sys; sys.argv=['careermap','role','genai-engineer'];"
            "from careermap.cli import main; raise SystemExit(main())",
        ),
        (
            "careermap role genai-engineer --json",
            "import sys; sys.argv=['careermap','role','genai-engineer','--json'];"
            "from careermap.cli import main; raise SystemExit(main())",
        ),
        (
            "careermap salary data-scientist --level senior --country US",
            "import sys; sys.argv=['careermap','salary','data-scientist','--level','senior',"
            "'--country','US'];from careermap.cli import main; raise SystemExit(main())",
        ),
    ]
    report(cases, args.runs, args.careermap)
    print("\ngoals: CLI under 1 s cold, peak under 300 MB")
    size = sum(p.stat().st_size for p in PKG_DATA.rglob("*") if p.is_file())
    print(f"\npackage data: {size / 1e6:.1f} MB in {PKG_DATA.relative_to(ROOT)} (limit 40 MB)")
    deps = closure("careermap")
    print(f"install closure: {len(deps)} distributions; torch among them: {'torch' in deps}")


if __name__ == "__main__":
    main()
