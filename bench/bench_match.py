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
   against their ESCO occupation: R@1, R@5, MRR of exact, fuzzy, semantic and careermap's
   (exact, then semantic) ranking, on a held-out half; the other half only sets the
   acceptance threshold of ``recognise``. Skipped when the data is absent.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable

from careermap.extract import extract
from careermap.knowledge import KnowledgeBase, broad, load
from careermap.knowledge.schemas import FIT_ORDER, Level
from careermap.match import rank_roles
from careermap.match.occupation import (
    normalise_title,
    semantic_candidates,
    title_index,
)
from careermap.profile import Evidence, Profile, ProfileSkill
from careermap.settings import get_settings
from careermap.tuning import Tuning, get_tuning

SHARED = get_settings().shared_data


def occupation_profile(code: str, semantic: bool) -> Profile:
    kb = load()
    by_onet: dict[str, list[str]] = defaultdict(list)
    for s in kb.skills.values():
        for name in s.onet_names():
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


def expected_roles(kb: KnowledgeBase) -> dict[str, tuple[str, set[str]]]:
    """O*NET code -> (its title, the roles that link it with the best fit any role has)."""
    expected: dict[str, tuple[str, set[str]]] = {}
    for role in kb.roles.values():
        for link in role.onet:
            title, roles = expected.get(link.code, (link.title, set()))
            expected[link.code] = (title, roles)
    for code in expected:
        best = min(
            FIT_ORDER[link.fit] for r in kb.roles.values() for link in r.onet if link.code == code
        )
        expected[code][1].update(
            r.id
            for r in kb.roles.values()
            for link in r.onet
            if link.code == code and FIT_ORDER[link.fit] == best
        )
    return expected


def bench_roles(semantic: bool) -> None:
    kb = load()
    expected = expected_roles(kb)
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
    wants = [set(w.split(",")) for _, _, w, _, _, _ in rows]
    print(_constant_line(wants, list(kb.roles)))
    if confusion:
        print("confusions (expected -> ranked first):")
        for (a, b), c in confusion.most_common(10):
            print(f"  {a} -> {b}: {c}")


def _constant_line(wants: list[set[str]], roles: list[str]) -> str:
    """The best constant answer's top-1 and top-3 on the same items: the one role (and
    the three roles) that would be right most often if given to everyone."""
    n = len(wants)
    one = max(roles, key=lambda r: (sum(r in w for w in wants), r))
    best1 = sum(one in w for w in wants)
    three = max(
        itertools.combinations(sorted(roles), 3),
        key=lambda c: sum(bool(w & set(c)) for w in wants),
    )
    best3 = sum(bool(w & set(three)) for w in wants)
    return (
        f"best constant answer: top-1 {best1 / n:.1%} ({best1}/{n}, always {one}); "
        f"top-3 {best3 / n:.1%} ({best3}/{n}, always {' > '.join(three)})"
    )


def _title_role_items(limit: int) -> list[tuple[str, set[str]]] | None:
    """(title, expected roles): JobBERT titles whose ESCO occupation a careermap role
    links with an exact or close fit; the expected roles are those with the best fit."""
    path = SHARED / "jobbert-titles" / "titles.csv"
    if not path.exists():
        return None
    kb = load()
    links: dict[str, dict[str, int]] = defaultdict(dict)
    for role in kb.roles.values():
        for link in role.esco:
            if link.fit in ("exact", "close"):
                links[link.uri][role.id] = FIT_ORDER[link.fit]
    with path.open(encoding="utf-8") as fh:
        rows = [(r["vacancyTitle"], r["conceptUri"]) for r in csv.DictReader(fh)]
    rows = [(t, u) for t, u in rows if u in links]
    random.Random(11).shuffle(rows)
    out = []
    for title, uri in rows[:limit]:
        best = min(links[uri].values())
        out.append((title, {r for r, f in links[uri].items() if f == best}))
    return out


def _title_role_run(
    items: list[tuple[str, set[str]]], semantic: bool
) -> tuple[int, int, dict[str, list[bool]]]:
    kb = load()
    top1 = top3 = 0
    per_role: dict[str, list[bool]] = defaultdict(list)
    for title, want in items:
        profile = extract(title, semantic=semantic).profile(kb=kb)
        profile = profile.model_copy(update={"titles": [title]})
        report = rank_roles(kb, profile)
        ranked = [m.role for m in report.matches]
        # no evidence that separates the roles is no answer, not the first in a tie
        hit1 = report.matches[0].score > 0 and ranked[0] in want
        top1 += hit1
        top3 += report.matches[0].score > 0 and any(r in want for r in ranked[:3])
        for r in want:
            per_role[r].append(hit1)
    return top1, top3, per_role


def install_tuning(tuning: Tuning) -> None:
    """Install a runtime with this tuning, sharing the loaded data of the first runtime."""
    from careermap.runtime import Runtime, get_runtime, reset_runtime

    base = get_runtime()
    base = getattr(base, "_parent", None) or base
    child = Runtime(parent=base)
    child._values["tuning"] = tuning
    reset_runtime(child)


def _with_tuning(**proximity: float) -> None:
    """Install a runtime whose tuning has these proximity values (the rest shared)."""
    tuning = get_tuning()
    install_tuning(
        tuning.model_copy(update={"proximity": tuning.proximity.model_copy(update=proximity)})
    )


def bench_title_roles(limit: int, semantic: bool) -> None:
    """Role matching from a vacancy title alone, with the best constant answer beside it.

    The titles are split in two: ``proximity.nearby_min`` is chosen on the tuning half
    (the sweep is printed); the figures are for the held-out half."""
    items = _title_role_items(2 * limit)
    if items is None:
        print("\nrole match on JobBERT titles: skipped (the JobBERT titles are absent)")
        return
    tune, test = items[: len(items) // 2], items[len(items) // 2 :]
    shipped = get_tuning().proximity.nearby_min
    print(f"\nnearby_min for role matching, swept on the tuning half ({len(tune)} titles):")
    for cut in (0.4, 0.5, 0.55, 0.6, 0.7, 0.8, 0.99):
        _with_tuning(nearby_min=cut)
        t1, t3, _ = _title_role_run(tune, semantic)
        print(f"  nearby_min {cut:.2f}: top-1 {t1 / len(tune):.1%}, top-3 {t3 / len(tune):.1%}")
    _with_tuning(nearby_min=shipped)
    print(f"  shipped nearby_min = {shipped}")
    t0 = time.perf_counter()
    top1, top3, per_role = _title_role_run(test, semantic)
    took = time.perf_counter() - t0
    n = len(test)
    print(
        f"\nrole match from a vacancy title alone, held-out half: {n} JobBERT titles whose "
        f"ESCO occupation a role links exactly or closely (seed 11, semantic={semantic}, "
        f"{took:.1f} s)"
    )
    print(f"top-1 accuracy {top1 / n:.1%} ({top1}/{n}); top-3 accuracy {top3 / n:.1%} ({top3}/{n})")
    print(_constant_line([w for _, w in test], list(load().roles)))
    macro = statistics.fmean(statistics.fmean(v) for v in per_role.values())
    print(
        f"per expected role (macro mean of top-1 over {len(per_role)} roles): {macro:.1%}; "
        f"a constant answer scores at most {1 / len(per_role):.1%} on this measure"
    )
    for r, v in sorted(per_role.items()):
        print(f"  {r:22} {sum(v):4}/{len(v):<4} top-1")


def _ranks(rows: list[tuple[str, str]], rank_fn: Callable[[str], list[str]]) -> list[int | None]:
    out: list[int | None] = []
    for title, uri in rows:
        cands = rank_fn(title)
        out.append(cands.index(uri) + 1 if uri in cands else None)
    return out


def _line(name: str, ranks: list[int | None], took: float) -> str:
    n = len(ranks)
    r1 = sum(r == 1 for r in ranks) / n
    r5 = sum(r is not None and r <= 5 for r in ranks) / n
    mrr = statistics.fmean(1 / r if r else 0.0 for r in ranks)
    return f"{name:44} {r1:6.3f} {r5:6.3f} {mrr:6.3f} {n / took:9.0f}"


def bench_titles(limit: int) -> None:
    path = SHARED / "jobbert-titles" / "titles.csv"
    if not path.exists():
        print(f"\ntitle recognition: skipped ({path} is absent)")
        return
    with path.open(encoding="utf-8") as fh:
        rows = [(r["vacancyTitle"], r["conceptUri"]) for r in csv.DictReader(fh)]
    random.Random(7).shuffle(rows)
    index = title_index()
    known = {o.uri for o in broad.esco_occupations()}
    rows = [(t, u) for t, u in rows if u in known][: 2 * limit]
    tune, test = rows[:limit], rows[limit:]

    def exact(title: str) -> list[str]:
        hit = index.esco.get(normalise_title(title))
        return [hit] if hit else []

    def fuzzy(title: str) -> list[str]:
        return [u for u, _ in index.esco_candidates(title, limit=10)]

    def semantic(title: str) -> list[str]:
        return [u for u, _ in semantic_candidates(title, limit=10)]

    def hybrid(title: str) -> list[str]:
        first = exact(title)
        return first + [u for u in semantic(title) if u not in first]

    # the acceptance threshold of recognise(): chosen on the tuning half only
    sims = [(semantic_candidates(t, 1)[0], u) for t, u in tune if not exact(t)]
    print(f"\nthreshold for a title with no written match, tuned on {len(tune)} titles:")
    for cut in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9):
        kept = [(c, u) for c, u in sims if c[1] >= cut]
        right = sum(c[0] == u for c, u in kept)
        prec = right / len(kept) if kept else 0.0
        print(f"  cosine >= {cut:.2f}: accepts {len(kept):4}/{len(sims)}, right {prec:.1%}")
    print(f"  shipped semantic_min = {get_tuning().proximity.semantic_min}")

    print(f"\ntitle recognition, JobBERT validation titles: {len(test)} held-out (seed 7)")
    print(f"{'method':44} {'R@1':>6} {'R@5':>6} {'MRR':>6} {'titles/s':>9}")
    for name, fn in (
        ("exact normalised label (baseline)", exact),
        ("fuzzy label match (rapidfuzz)", fuzzy),
        ("semantic (MiniLM, label / alt-label mean)", semantic),
        ("careermap: exact label, then semantic", hybrid),
    ):
        t0 = time.perf_counter()
        ranks = _ranks(test, fn)
        print(_line(name, ranks, time.perf_counter() - t0))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-semantic", action="store_true")
    ap.add_argument(
        "--titles", type=int, default=1000, help="JobBERT titles per half (tune / test)"
    )
    ap.add_argument("--title-roles", type=int, default=600, help="JobBERT titles for role matching")
    args = ap.parse_args()
    bench_roles(semantic=not args.no_semantic)
    bench_title_roles(args.title_roles, semantic=not args.no_semantic)
    bench_titles(args.titles)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
