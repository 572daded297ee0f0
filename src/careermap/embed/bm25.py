"""A small BM25 index over short texts (skill labels, aliases), stored as a sparse matrix.

Scoring is one sparse product, so a batch of queries against 14k items takes milliseconds.
The index serialises to plain numpy arrays (see :meth:`LexicalIndex.to_arrays`) so it can be
shipped inside an ``.npz`` file and loaded without pickles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse

__all__ = ["LexicalIndex", "lexical_tokens", "pack_strings", "unpack_strings"]

F32 = npt.NDArray[np.float32]

#: function words that carry no skill (the Lucene English list, plus pronouns)
_STOPWORDS = frozenset(
    "a an and are as at be but by for from if in into is it its no not of on or our such "  # noqa: SIM905
    "that the their then there these they this to was we were will with you your".split()
)
_TOKEN = re.compile(r"[^\W_][\w+#]*")


def lexical_tokens(text: str) -> list[str]:
    """Lower-case word tokens for BM25, stopwords dropped ("C++" and "C#" survive)."""
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOPWORDS]


def pack_strings(strings: Sequence[str]) -> npt.NDArray[np.uint8]:
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def unpack_strings(arr: npt.NDArray[Any]) -> list[str]:
    return bytes(arr.astype(np.uint8)).decode("utf-8").split("\n") if arr.size else []


class LexicalIndex:
    """BM25 (Lucene's formula, k1=1.5, b=0.75) over one short document per item."""

    def __init__(self, vocab: Sequence[str], matrix: sparse.csr_matrix) -> None:
        self.vocab = {t: i for i, t in enumerate(vocab)}
        self.matrix = matrix.astype(np.float32)  # terms x items, BM25 weight per cell

    @classmethod
    def build(cls, docs: Sequence[str], k1: float = 1.5, b: float = 0.75) -> LexicalIndex:
        vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        tfs: list[float] = []
        lengths = np.zeros(len(docs), dtype=np.float32)
        for j, doc in enumerate(docs):
            toks = lexical_tokens(doc)
            lengths[j] = len(toks)
            for tok, count in Counter(toks).items():
                rows.append(vocab.setdefault(tok, len(vocab)))
                cols.append(j)
                tfs.append(count)
        r, c, tf = np.asarray(rows), np.asarray(cols), np.asarray(tfs, dtype=np.float32)
        df = np.bincount(r, minlength=len(vocab)).astype(np.float32)
        idf = np.log1p((len(docs) - df + 0.5) / (df + 0.5))
        norm = k1 * (1 - b + b * lengths / max(float(lengths.mean()), 1e-9))
        weights = idf[r] * tf / (tf + norm[c])
        shape = (len(vocab), len(docs))
        return cls(list(vocab), sparse.csr_matrix((weights, (r, c)), shape=shape))

    def scores(self, queries: Sequence[str]) -> F32:
        """BM25 score of every item for each query, ``(len(queries), n_items)``."""
        rows: list[int] = []
        cols: list[int] = []
        for i, q in enumerate(queries):
            ids = {self.vocab[t] for t in lexical_tokens(q) if t in self.vocab}
            rows.extend([i] * len(ids))
            cols.extend(ids)
        picks = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, cols)),
            shape=(len(queries), len(self.vocab)),
        )
        return np.asarray((picks @ self.matrix).toarray(), dtype=np.float32)

    def to_arrays(self, prefix: str) -> dict[str, npt.NDArray[Any]]:
        m = self.matrix
        return {
            f"{prefix}vocab": pack_strings(list(self.vocab)),
            f"{prefix}indptr": m.indptr.astype(np.int32),
            f"{prefix}indices": m.indices.astype(np.int32),
            f"{prefix}data": m.data.astype(np.float16),
        }

    @classmethod
    def from_arrays(cls, z: Any, prefix: str, n_items: int) -> LexicalIndex:
        vocab = unpack_strings(z[f"{prefix}vocab"])
        m = sparse.csr_matrix(
            (z[f"{prefix}data"].astype(np.float32), z[f"{prefix}indices"], z[f"{prefix}indptr"]),
            shape=(len(vocab), n_items),
        )
        return cls(vocab, m)
