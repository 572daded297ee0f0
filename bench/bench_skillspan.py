"""Span P/R/F1 of careermap's lexical extraction on SkillSpan (NAACL 2022), dev split.

    python bench/bench_skillspan.py                 # the table (dev: TECH, HOUSE, both)
    python bench/bench_skillspan.py --learn-stoplist # ESCO labels unreliable on TRAIN
    python bench/bench_skillspan.py --calibrate-semantic  # careermap semantic threshold

Gold: SkillSpan's skill spans, knowledge spans, and their union. Each sentence is the
tokens joined by single spaces; a predicted span covers the tokens its characters touch;
with both taxonomies, overlapping spans are settled to the longest.
Strict: a predicted span counts when it equals a gold span token for token. Loose: a
predicted span counts when it overlaps a gold span, and a gold span is found when a
predicted one overlaps it. Nothing here is tuned on dev: the ESCO stop-list is learned
on TRAIN (``--learn-stoplist``) and curated by hand.

The published supervised anchor (ESCOXLM-R, span-F1 on the SkillSpan *test* split, which
is held out and not here) is printed beside the figures for scale; careermap's lexicon is
not trained on SkillSpan and the two splits differ.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from careermap.errors import CareermapError
from careermap.extract.lexical import Lexicon, default_lexicon, resolve_overlaps, shipped_esco
from careermap.extract.pipeline import TaxonomyChoice, lexical_hits
from careermap.settings import get_settings

REPO = Path(__file__).resolve().parent.parent
SHARED = get_settings().shared_data
SKILLSPAN = SHARED / "skillspan" / "json"
ANCHOR = ("ESCOXLM-R (supervised, test split)", 62.6)

Span = tuple[int, int]


@dataclass
class Record:
    tokens: list[str]
    skill: set[Span]
    knowledge: set[Span]
    source: str

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def bio_spans(tags: list[str]) -> set[Span]:
    """Token spans [i, j) of a BIO tag sequence."""
    out: set[Span] = set()
    start: int | None = None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("B") or tag == "O" or (tag.startswith("I") and start is None):
            if start is not None:
                out.add((start, i))
                start = None
            if tag.startswith(("B", "I")):
                start = i
    return out


def load(split: str) -> list[Record]:
    out: list[Record] = []
    with (SKILLSPAN / f"{split}.json").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out.append(
                Record(
                    d["tokens"],
                    bio_spans(d["tags_skill"]),
                    bio_spans(d["tags_knowledge"]),
                    d["source"],
                )
            )
    return out


def token_spans(rec: Record, char_spans: list[Span]) -> set[Span]:
    starts: list[int] = []
    pos = 0
    for tok in rec.tokens:
        starts.append(pos)
        pos += len(tok) + 1
    out: set[Span] = set()
    for s, e in char_spans:
        first = max(i for i, st in enumerate(starts) if st <= s)
        last = max(i for i, st in enumerate(starts) if st < e)
        out.add((first, last + 1))
    return out


def predict(
    records: list[Record], taxonomy: TaxonomyChoice, lexicon: Lexicon
) -> Iterator[set[Span]]:
    for rec in records:
        # one span per place: where the taxonomies overlap, the longest span stands
        hits = resolve_overlaps(lexical_hits(rec.text, taxonomy, lexicon=lexicon))
        yield token_spans(rec, sorted({(h.start, h.end) for h in hits}))


@dataclass
class Score:
    tp_p: int = 0
    n_pred: int = 0
    tp_g: int = 0
    n_gold: int = 0

    def add(self, pred: set[Span], gold: set[Span], loose: bool) -> None:
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        if loose:
            self.tp_p += sum(any(p[0] < g[1] and g[0] < p[1] for g in gold) for p in pred)
            self.tp_g += sum(any(p[0] < g[1] and g[0] < p[1] for p in pred) for g in gold)
        else:
            both = len(pred & gold)
            self.tp_p += both
            self.tp_g += both

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_p / self.n_pred if self.n_pred else 0.0
        r = self.tp_g / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


def evaluate(lexicon: Lexicon, taxonomies: list[TaxonomyChoice]) -> None:
    dev = load("dev")
    subsets = {"TECH": "tech", "HOUSE": "house", "ALL": None}
    print(f"SkillSpan dev: {len(dev)} sentences (TECH and HOUSE); spans in tokens.")
    print(f"Anchor: {ANCHOR[0]} span-F1 {ANCHOR[1]} (strict, union of skill+knowledge).\n")
    header = f"{'system':<11}{'subset':<7}{'gold':<10}{'strict P/R/F1':>20}{'loose P/R/F1':>22}"
    print(header)
    print("-" * len(header))
    for taxonomy in taxonomies:
        t0 = time.perf_counter()
        preds = list(predict(dev, taxonomy, lexicon))
        took = time.perf_counter() - t0
        for name, source in subsets.items():
            for gold_name in ("union", "skill", "knowledge"):
                strict, loose = Score(), Score()
                for rec, pred in zip(dev, preds, strict=True):
                    if source is not None and rec.source != source:
                        continue
                    gold = {
                        "union": rec.skill | rec.knowledge,
                        "skill": rec.skill,
                        "knowledge": rec.knowledge,
                    }[gold_name]
                    strict.add(pred, gold, loose=False)
                    loose.add(pred, gold, loose=True)
                sp, sr, sf = strict.prf()
                lp, lr, lf = loose.prf()
                print(
                    f"{taxonomy:<11}{name:<7}{gold_name:<10}"
                    f"{sp:6.1f}{sr:6.1f}{sf:6.1f}  {lp:8.1f}{lr:6.1f}{lf:6.1f}"
                )
        print(f"{'':<11}({len(dev)} sentences in {took:.2f} s)\n")


def learn_stoplist(min_count: int, max_precision: float) -> None:
    """ESCO forms that, on TRAIN, rarely touch a gold span: stop-list candidates."""
    train = load("train")
    lexicon = Lexicon([], shipped_esco(), stoplist=frozenset())
    seen: Counter[str] = Counter()
    good: Counter[str] = Counter()
    for rec in train:
        gold = rec.skill | rec.knowledge
        for h in lexical_hits(rec.text, "esco", lexicon=lexicon):
            form = rec.text[h.start : h.end].lower()
            (span,) = token_spans(rec, [(h.start, h.end)])
            seen[form] += 1
            good[form] += any(span[0] < g[1] and g[0] < span[1] for g in gold)
    print(
        f"# learned from SkillSpan train ({len(train)} sentences): forms seen >= "
        f"{min_count} times touching a gold span <= {max_precision:.0%} of the time"
    )
    for form, n in seen.most_common():
        if n >= min_count and good[form] / n <= max_precision:
            print(f"{form:<40} # train {good[form]}/{n}")


DECORTE = SHARED / "decorte-esco-skill-benchmark"
THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def decorte_careermap(split: str) -> dict[str, set[str]]:
    """Decorte et al. validation sentences -> careermap skills standing for their gold ESCO
    skills (through the one careermap skill listing each URI; others give nothing)."""
    import csv

    from careermap.knowledge import broad
    from careermap.knowledge import load as load_kb

    uri_of = {e.label: e.uri for e in broad.esco_skills()}
    listed: dict[str, set[str]] = {}
    for sk in load_kb().skills.values():
        for uri in sk.esco_uris():
            listed.setdefault(uri, set()).add(sk.id)
    out: dict[str, set[str]] = {}
    path = DECORTE / f"{split}_validation_annotations.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            ids = listed.get(uri_of.get(row["label"], ""), set())
            out.setdefault(row["sentence"], set()).update(ids if len(ids) == 1 else ())
    return out


def calibrate_semantic() -> None:
    """F1 of the careermap semantic links per threshold: chosen on TECH, checked on HOUSE."""
    from careermap.extract.semantic_stage import TOP_K, careermap_index

    index = careermap_index(default_lexicon())
    print("careermap semantic links on Decorte et al. validation sentences (sentence level;")
    print("gold = careermap skills that alone list a gold ESCO URI, so precision is a floor)")
    print(f"{'split':<7}{'thr':>5}{'P':>7}{'R':>7}{'F1':>7}")
    for split in ("tech", "house"):
        gold = decorte_careermap(split)
        sentences = list(gold)
        links = index.search(sentences, top_k=TOP_K, threshold=0.0)
        for thr in THRESHOLDS:
            tp = fp = fn = 0
            for sent, found in zip(sentences, links, strict=True):
                pred = {k.id for k in found if k.score >= thr}
                tp += len(pred & gold[sent])
                fp += len(pred - gold[sent])
                fn += len(gold[sent] - pred)
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{split:<7}{thr:5.2f}{100 * p:7.1f}{100 * r:7.1f}{100 * f:7.1f}")
        n_gold = sum(len(g) for g in gold.values())
        print(f"{'':<7}({len(sentences)} sentences, {n_gold} gold careermap skills)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--learn-stoplist", action="store_true")
    ap.add_argument("--calibrate-semantic", action="store_true")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--max-precision", type=float, default=0.2)
    ap.add_argument("--taxonomy", choices=["careermap", "esco", "both", "all"], default="all")
    args = ap.parse_args()
    if not SKILLSPAN.is_dir():
        print(f"skipped: SkillSpan is not in {SKILLSPAN} (set CAREERMAP_SHARED_DATA).")
        return 0
    if args.learn_stoplist:
        learn_stoplist(args.min_count, args.max_precision)
        return 0
    if args.calibrate_semantic:
        if not DECORTE.is_dir():
            print(f"skipped: the Decorte et al. benchmark is not in {DECORTE}.")
            return 0
        calibrate_semantic()
        return 0
    try:
        lexicon = default_lexicon()
        taxonomies: list[TaxonomyChoice] = ["careermap", "esco", "both"]
    except CareermapError as exc:
        print(f"note: careermap's skill graph did not load ({exc}); ESCO only.\n")
        lexicon = Lexicon([], shipped_esco())
        taxonomies = ["esco"]
    if args.taxonomy != "all":
        taxonomies = [t for t in taxonomies if t == args.taxonomy]
    evaluate(lexicon, taxonomies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
