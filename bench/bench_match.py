"""Match quality on data nobody at careermap wrote, and title recognition on JobBERT.

Run: python bench/bench_match.py [--no-semantic] [--titles N]

1. Role match. For every O*NET occupation that some role links to, build a profile from
   O*NET alone: its technology skills (mapped to careermap skills through each skill's
   O*NET names; Hot Technology skills at intermediate, others at foundational) plus the
   skills careermap extracts from its task statements. Rank every role with
   ``rank_roles`` (skills component only: no titles, no quiz). The expected roles for an
   occupation are those that link it with the closest fit (exact before close before
   broad). Prints top-1 / top-3 accuracy and the confusions.
2. Title recognition. The JobBERT validation titles (``../shared/data/jobbert-titles``)
   against their ESCO occupation: R@1, R@5, MRR of careermap's title index, beside a
   plain baseline (exact normalised label look-up only). Skipped when the data is absent.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from careermap.extract import extract
from careermap.knowledge import broad, load
from careermap.knowledge.schemas import Level
from careermap.match import rank_roles
from careermap.match.occupation import normalise_title, title_index
from careermap.profile import Evidence, Profile, ProfileSkill

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
_FIT_ORDER = {"exact": 0, "close": 1, "broad": 2}


def occupation_profile(code: str, semantic: bool) -> Profile:
    kb = load()
    by_onet: dict[str, list[str]] = defaultdict(list)
    for s in kb.skills.values():
        for name in s.onet:
            by_onet[name.lower()].append(s.id)
    skills: dict[str, ProfileSkill] = {}
    for t in broad.onet_tech_skills(code):
        level: Level = "intermediate" if t.hot else "foundational"
        for sid in by_onet.get(t.example.lower(), []):
            ev = Evidence(text=f"O*NET technology skill: {t.example}", origin="manual")
            skills[sid] = ProfileSkill(skill=sid, level=level, confidence=0.8, evidence=[ev])
    text = "\n".join(t.task for t in broad.tasks(code))
    if text:
        found = extract(text, semantic=semantic).profile()
        for sid, ps in found.skills.items():
            skills.setdefault(sid, ps)
    return Profile(skills=skills)


def bench_roles(semantic: bool) -> None:
    kb = load()
    expected: dict[str, tuple[str, set[str]]] = {}
    for role in kb.roles.values():
        for link in role.onet:
            title, roles = expected.get(link.code, (link.title, set()))
            expected[link.code] = (title, roles)
    for code in expected:
        best = min(
            _FIT_ORDER[link.fit] for r in kb.roles.values() for link in r.onet if link.code == code
        )
        expected[code][1].update(
            r.id
            for r in kb.roles.values()
            for link in r.onet
            if link.code == code and _FIT_ORDER[link.fit] == best
        )
    top1 = top3 = 0
    confusion: Counter[tuple[str, str]] = Counter()
    rows = []
    t0 = time.perf_counter()
    for code, (title, want) in sorted(expected.items()):
        report = rank_roles(kb, occupation_profile(code, semantic))
        ranked = [m.role for m in report.matches]
        hit1 = ranked[0] in want
        hit3 = any(r in want for r in ranked[:3])
        top1 += hit1
        top3 += hit3
        if not hit1:
            for w in want:
                confusion[(w, ranked[0])] += 1
        rows.append((code, title, ",".join(sorted(want)), ranked[0], hit1, hit3))
    n = len(expected)
    took = time.perf_counter() - t0
    print(f"role match from O*NET profiles ({n} occupations, semantic={semantic}, {took:.1f} s)")
    print(f"{'O*NET':11} {'occupation':44} {'expected':34} {'ranked first':22} top1 top3")
    for code, title, want, first, h1, h3 in rows:
        print(f"{code:11} {title[:44]:44} {want[:34]:34} {first:22} {h1!s:5} {h3!s:5}")
    print(
        f"\ntop-1 accuracy {top1 / n:.1%} ({top1}/{n}); top-3 accuracy {top3 / n:.1%} ({top3}/{n})"
    )
    if confusion:
        print("confusions (expected -> ranked first):")
        for (a, b), c in confusion.most_common(10):
            print(f"  {a} -> {b}: {c}")


def bench_titles(limit: int) -> None:
    path = SHARED / "jobbert-titles" / "titles.csv"
    if not path.exists():
        print(f"\ntitle recognition: skipped ({path} is absent)")
        return
    with path.open(encoding="utf-8") as fh:
        rows = [(r["vacancyTitle"], r["conceptUri"]) for r in csv.DictReader(fh)]
    random.Random(7).shuffle(rows)
    rows = rows[:limit]
    index = title_index()
    known = {o.uri for o in broad.esco_occupations()}
    rows = [(t, u) for t, u in rows if u in known]
    rr: list[float] = []
    r1 = r5 = base1 = 0
    t0 = time.perf_counter()
    for title, uri in rows:
        cands = [u for u, _ in index.esco_candidates(title, limit=10)]
        rank = cands.index(uri) + 1 if uri in cands else None
        rr.append(1 / rank if rank else 0.0)
        r1 += rank == 1
        r5 += rank is not None and rank <= 5
        base1 += index.esco.get(normalise_title(title)) == uri
    took = time.perf_counter() - t0
    n = len(rows)
    print(f"\ntitle recognition on JobBERT validation titles ({n} sampled, seed 7)")
    print(f"{'method':40} {'R@1':>6} {'R@5':>6} {'MRR':>6} {'titles/s':>9}")
    print(f"{'exact normalised label (baseline)':40} {base1 / n:6.3f} {'':>6} {'':>6}")
    print(
        f"{'careermap title index (fuzzy)':40} {r1 / n:6.3f} {r5 / n:6.3f} "
        f"{statistics.fmean(rr):6.3f} {n / took:9.0f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-semantic", action="store_true")
    ap.add_argument("--titles", type=int, default=2000, help="JobBERT titles to sample")
    args = ap.parse_args()
    bench_roles(semantic=not args.no_semantic)
    bench_titles(args.titles)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
