"""Build careermap's broad layer: src/careermap/knowledge/data/broad.sqlite.

    python scripts/build_broad.py [--shared PATH] [--out FILE]

Reads the raw data sets in the shared data folder (ESCO 1.1.1, O*NET 29.3, BLS OEWS May
2025, the aijobs.net salary index, the Nesta ESCO-O*NET crosswalk and Microsoft's "Working
with AI" scores) and writes one read-only SQLite file. The output is deterministic: the
same inputs give the same bytes. Long texts are shortened (see SHORT) and only the OEWS
metro rows of the SOC groups careermap's roles use are kept (see METRO_GROUPS): the file
says so in its ``meta`` table, as the ESCO licence asks modifications to be flagged.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

from _broad_sources import build_esco, build_msai, build_nesta, build_onet
from _broad_wages import METRO_GROUPS, build_aijobs, build_oews

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "careermap" / "knowledge" / "data"
OUT = DATA / "broad.sqlite"
SCHEMA_VERSION = "2"
MAX_MB = 30.0
PACKAGE_MAX_MB = 40.0

SOURCES = {
    "esco-1-1-1": "ESCO v1.1.1 classification, English CSV export (files dated 2022-09-13)",
    "onet-29-3": "O*NET 29.3 Database, May 2025 release",
    "bls-oews-2025": "BLS OEWS May 2025 (release 2025A01, BLS files dated 2026-05-15)",
    "aijobs-salaries": "aijobs.net salary index, salaries.csv at commit 9c22587 (2025-01-19)",
    "nesta-crosswalk": "Nesta Mapping Career Causeways ESCO-O*NET crosswalk (Nov 2020)",
    "ms-working-with-ai": "Microsoft Working with AI, soc_ai_applicability_scores.csv (2025)",
}
ATTRIBUTION = {
    "esco-1-1-1": "This service uses the ESCO classification of the European Commission. "
    "Modified by careermap: descriptions shortened, subset of columns.",
    "onet-29-3": "This product includes information from the O*NET 29.3 Database by the U.S. "
    "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the "
    "CC BY 4.0 license (https://creativecommons.org/licenses/by/4.0/). O*NET(R) is a trademark "
    "of USDOL/ETA. Modified by careermap: subset of files and columns.",
    "bls-oews-2025": "U.S. Bureau of Labor Statistics, Occupational Employment and Wage "
    "Statistics, May 2025 (public domain). Subset: all occupations nationally and by state, "
    "metro areas for selected SOC groups.",
    "aijobs-salaries": "aijobs.net Global AI/ML/Data Salary Index, CC0 1.0 "
    "(https://aijobs.net/salaries). Modified by careermap: job titles mapped to roles.",
    "nesta-crosswalk": "Nesta, Mapping Career Causeways ESCO-O*NET crosswalk, Copyright (c) "
    "2021 Nesta, MIT License (permission notice in careermap's NOTICE); derived from ESCO and "
    "O*NET (see their attributions). Modified by careermap: subset of columns.",
    "ms-working-with-ai": "Tomlinson et al. (2025), Working with AI: Measuring the "
    "Applicability of Generative AI to Occupations, Microsoft Research, CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/). Modified by careermap: the "
    "applicability score only.",
}


def shared_dir(arg: str | None) -> Path:
    candidates = [Path(arg)] if arg else []
    if not arg:
        sys.path.insert(0, str(REPO / "src"))
        from careermap.settings import get_settings

        candidates.append(get_settings().shared_data)
    for c in candidates:
        if (c / "esco-1.1.1").is_dir():
            return c
    tried = ", ".join(str(c) for c in candidates)
    sys.exit(f"error: no shared data folder found (tried {tried}); pass --shared PATH")


def mb(path: Path) -> float:
    return path.stat().st_size / 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="folder holding esco-1.1.1/, onet-29.3/, ...")
    ap.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT})")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    out: Path = args.out
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    t0 = time.perf_counter()
    db = sqlite3.connect(tmp)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA page_size=4096")
    db.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
    counts: dict[str, int] = {}
    for step in (build_esco, build_onet, build_nesta, build_msai, build_oews, build_aijobs):
        name = step.__name__.removeprefix("build_")
        t = time.perf_counter()
        counts.update(step(db, shared))
        print(f"  {name:<7} {time.perf_counter() - t:5.1f}s")
    meta = {
        "schema_version": SCHEMA_VERSION,
        "sources": ",".join(SOURCES),
        "oews.metro_groups": ",".join(METRO_GROUPS),
        **{f"source.{k}": v for k, v in SOURCES.items()},
        **{f"attribution.{k}": v for k, v in ATTRIBUTION.items()},
        **{f"rows.{k}": str(v) for k, v in sorted(counts.items())},
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    db.commit()
    db.execute("ANALYZE")
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(out)

    print(f"wrote {out} in {time.perf_counter() - t0:.1f}s")
    print(f"{'table':<28}{'rows':>10}")
    for k, v in sorted(counts.items()):
        print(f"{k:<28}{v:>10,}")
    size = mb(out)
    total = sum(mb(p) for p in out.parent.rglob("*") if p.is_file())
    print(f"broad.sqlite: {size:.1f} MB (limit {MAX_MB:.0f} MB)")
    print(f"package data under {out.parent}: {total:.1f} MB (limit {PACKAGE_MAX_MB:.0f} MB)")
    if size > MAX_MB or (out == OUT and total > PACKAGE_MAX_MB):
        print("error: size limit exceeded", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
