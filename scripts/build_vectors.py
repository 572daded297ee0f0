"""Build the ESCO skill index careermap links text with: knowledge/data/esco_vectors.npz.

    python scripts/build_vectors.py [--shared PATH] [--out FILE]

Reads ``esco-1.1.1/skills_en.csv`` from the shared data folder (13,896 skills) and stores,
in the order of that file:

* ``vectors`` / ``scales``: one all-MiniLM-L6-v2 vector per skill, of its preferred label,
  as int8 with one float16 scale per row (worst cosine loss 0.0001; 5.3 MB);
* ``bm25_*``: a BM25 index over the preferred label plus every alternative label
  (97,483 of them), as a CSR matrix of float16 weights and its vocabulary;
* ``uri_suffixes`` / ``labels``: the skill URIs (without ``http://data.europa.eu/esco/skill/``)
  and preferred labels, newline-joined UTF-8;
* ``meta``: JSON with the embedder fingerprint (model and tokenizer hash), the ESCO version
  and the ESCO attribution; the linker refuses a file built with another model.

Why these vectors (Decorte et al. benchmark, VALIDATION splits only, RP@5 / MRR by sentence;
design chosen on TECH, HOUSE is the check; figures from this build's embeddings):

================================================  ==============  ==============
query sentence scored against                      TECH val        HOUSE val
================================================  ==============  ==============
preferred-label vector (cosine)                    52.6 / 0.527    47.7 / 0.450
mean of preferred + alternative label vectors      58.8 / 0.538    41.6 / 0.441
max over preferred and every alternative label     52.0 / 0.492    45.1 / 0.398
description vector                                 24.7 / 0.255    25.7 / 0.256
preferred label + 0.5 x description                50.4 / 0.486    47.2 / 0.461
label vector, sentence + chunks, no BM25 [1]       60.5 / 0.584    52.2 / 0.552
label vector, sentence + chunks + BM25 [1]         72.4 / 0.665    58.1 / 0.562
the same, mean vector instead of label vector      71.6 / 0.642    58.5 / 0.494
the same, label and mean vectors (max of both)     71.3 / 0.651    60.5 / 0.523
label vector + chunks + BM25, pooled chunks [2]    70.0 / 0.641    56.3 / 0.519
================================================  ==============  ==============

[1] chunks embedded as texts of their own; [2] chunk vectors pooled from the sentence's
forward pass, careermap's default (about 2 RP@5 points lower, 1.6 times faster).

Alternative labels help as words (BM25) more than as vectors: once BM25 sees them, a mean
vector adds nothing on TECH (where the choice was made), and storing all 110k label vectors
would not fit the 12 MB budget. Descriptions describe an activity in general terms and rank
poorly against job-ad sentences. So the file keeps one vector per skill and puts the
alternative labels in the BM25 index.

This service uses the ESCO classification of the European Commission. The file is a
processed subset of ESCO v1.1.1 (labels re-encoded as vectors and term weights).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "careermap" / "knowledge" / "data" / "esco_vectors.npz"
MAX_MB = 12.0
URI_PREFIX = "http://data.europa.eu/esco/skill/"
ATTRIBUTION = "This service uses the ESCO classification of the European Commission."


def default_shared() -> Path:
    sys.path.insert(0, str(REPO / "src"))
    from careermap.settings import get_settings

    return get_settings().shared_data


def read_skills(esco_dir: Path) -> list[dict[str, str]]:
    path = esco_dir / "skills_en.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows or not all(r["conceptUri"].startswith(URI_PREFIX) for r in rows):
        sys.exit(f"{path}: not the ESCO skills export this script expects")
    return rows


def alt_labels(row: dict[str, str]) -> list[str]:
    pref = row["preferredLabel"].strip()
    out = []
    for a in row["altLabels"].split("\n"):
        a = a.strip()
        if a and a != pref and a not in out:
            out.append(a)
    return out


def quantize(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows with one float16 scale each (``row ~= q * scale``)."""
    scales = np.abs(vectors).max(axis=1) / 127.0
    scales = np.maximum(scales, 1e-8).astype(np.float16)
    q = np.clip(np.rint(vectors / scales.astype(np.float32)[:, None]), -127, 127)
    return q.astype(np.int8), scales


def ship_skill_vectors() -> None:
    """Embed careermap's own skill texts and ship them (float16) beside the ESCO vectors,
    under the same name the run-time cache uses, so a first run needs no embedding."""
    sys.path.insert(0, str(REPO / "src"))
    from careermap.embed import get_embedder
    from careermap.extract.semantic import SHIPPED_VECTORS, skill_texts, vectors_name
    from careermap.knowledge import load

    emb = get_embedder()
    texts = [t for ts in skill_texts(list(load().skills.values())) for t in ts]
    t0 = time.perf_counter()
    vectors = emb.embed(texts)
    SHIPPED_VECTORS.mkdir(parents=True, exist_ok=True)
    for old in SHIPPED_VECTORS.glob("vectors-*.npy"):
        old.unlink()
    path = SHIPPED_VECTORS / vectors_name(emb, texts)
    np.save(path, vectors.astype(np.float16))
    took = time.perf_counter() - t0
    print(
        f"careermap skills: {len(texts):,} texts in {took:.1f}s -> {path.name} "
        f"({path.stat().st_size / 1e6:.2f} MB)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=default_shared(), help="shared data folder")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument(
        "--skills-only",
        action="store_true",
        help="only re-embed careermap's own skills (after editing the skill YAML files)",
    )
    args = ap.parse_args()
    ship_skill_vectors()
    if args.skills_only:
        return
    esco_dir = args.shared / "esco-1.1.1"
    if not esco_dir.is_dir():
        sys.exit(f"{esco_dir} is missing: pass --shared with the folder holding esco-1.1.1/")

    sys.path.insert(0, str(REPO / "src"))
    from careermap.embed import get_embedder
    from careermap.embed.bm25 import LexicalIndex, pack_strings

    rows = read_skills(esco_dir)
    labels = [r["preferredLabel"].strip() for r in rows]
    emb = get_embedder()
    t0 = time.perf_counter()
    vectors = emb.embed(labels, batch_size=64)
    t1 = time.perf_counter()
    print(f"embedded {len(labels):,} labels in {t1 - t0:.1f}s ({len(labels) / (t1 - t0):.0f}/s)")
    q, scales = quantize(vectors)
    back = q.astype(np.float32) * scales.astype(np.float32)[:, None]
    back /= np.linalg.norm(back, axis=1, keepdims=True)
    loss = float(1.0 - (back * vectors).sum(axis=1).min())
    print(f"int8 quantisation: worst cosine loss {loss:.4f}")

    docs = [" \n".join([lab, *alt_labels(r)]) for lab, r in zip(labels, rows, strict=True)]
    lexical = LexicalIndex.build(docs)
    n_alt = sum(len(alt_labels(r)) for r in rows)
    print(f"BM25 index: {len(lexical.vocab):,} terms, {lexical.matrix.nnz:,} weights")

    meta = {
        "format": 1,
        "embedder": emb.fingerprint,
        "vectors": "preferred label, int8 with a float16 scale per row",
        "lexical": "BM25 (k1=1.5, b=0.75) over preferred + alternative labels",
        "esco_version": "1.1.1",
        "source": "esco-1-1-1",
        "skills": len(rows),
        "alt_labels": n_alt,
        "attribution": ATTRIBUTION,
        "modified": "processed subset: labels re-encoded as vectors and term weights",
    }
    suffixes = [r["conceptUri"][len(URI_PREFIX) :] for r in rows]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode(), dtype=np.uint8),
        uri_suffixes=pack_strings(suffixes),
        labels=pack_strings(labels),
        vectors=q,
        scales=scales,
        **lexical.to_arrays("bm25_"),
    )
    mb = args.out.stat().st_size / 1e6
    print(f"wrote {args.out} ({mb:.2f} MB)")
    if mb > MAX_MB:
        sys.exit(f"{args.out.name} is {mb:.1f} MB, over the {MAX_MB} MB budget")


if __name__ == "__main__":
    main()
