"""Embed ESCO occupation titles for title recognition; writes occupation_vectors.npz.

Run: python scripts/build_occupation_vectors.py   (reads the shipped broad.sqlite only)

For each of ESCO's 3,007 occupations: one int8 vector for the preferred label and one for
the mean of its alternative labels (re-normalised), each with a float16 scale. A job title
is matched by the better of its two cosines (careermap.match.occupation).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from careermap.embed import get_embedder  # noqa: E402
from careermap.knowledge import broad  # noqa: E402
from careermap.match.occupation import OCCUPATION_VECTORS  # noqa: E402


def quantize(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = np.maximum(np.abs(v).max(axis=1), 1e-12) / 127.0
    return np.round(v / scale[:, None]).astype(np.int8), scale.astype(np.float16)


def main() -> None:
    occs = list(broad.esco_occupations())
    emb = get_embedder()
    t0 = time.perf_counter()
    labels = emb.embed([o.label for o in occs], batch_size=64)
    alts = [list(o.alt_labels) or [o.label] for o in occs]
    flat = emb.embed([a for group in alts for a in group], batch_size=64)
    means = np.zeros_like(labels)
    i = 0
    for row, group in enumerate(alts):
        means[row] = flat[i : i + len(group)].mean(axis=0)
        i += len(group)
    means /= np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)
    took = time.perf_counter() - t0
    ql, sl = quantize(labels)
    qa, sa = quantize(means)
    meta = {"embedder": emb.fingerprint, "occupations": len(occs), "source": "esco-1-1-1"}
    np.savez_compressed(
        OCCUPATION_VECTORS,
        meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode(), dtype=np.uint8),
        uris=np.array([o.uri for o in occs]),
        label_vectors=ql,
        label_scales=sl,
        alt_vectors=qa,
        alt_scales=sa,
    )
    size = OCCUPATION_VECTORS.stat().st_size / 1e6
    print(f"{len(occs):,} occupations, {len(flat):,} alt labels in {took:.1f}s -> {size:.2f} MB")


if __name__ == "__main__":
    main()
