"""Link free text to skills by meaning: hybrid dense + BM25 ranking over a fixed skill set.

:class:`SemanticIndex` holds one or more unit vectors per item (an ESCO skill, a careermap
skill) and, optionally, a BM25 index over the item's labels. A query (a sentence or a span)
is scored against every item as::

    score = 2/3 * cos(sentence, item)
          + 1/3 * max(cos(sentence, item), max over chunks c of cos(c, item))
          + 0.5 * bm25 / (bm25 + 10)

where an item's cosine is the best over its vectors, and the chunks are the sentence cut at
punctuation, conjunctions and a few prepositions, with requirement boilerplate
("experience with", "strong knowledge of") removed: a sentence usually names several skills,
and each chunk tends to carry one. The saturating BM25 term rewards shared words with the
item's preferred and alternative labels without depending on the other items in the ranking,
so the score keeps an absolute meaning and a threshold can be set on it.

:class:`EscoLinker` is that index over the 13,896 ESCO v1.1.1 skills, loaded from
``knowledge/data/esco_vectors.npz`` (built by ``scripts/build_vectors.py``). The weights were
chosen on the TECH validation split of Decorte et al.'s ESCO-linked SkillSpan benchmark and
checked on the HOUSE validation split; ``bench/bench_esco_linking.py`` prints (RP@5 / MRR):

=============================================  ==============  ==============  ========
ranking from the sentence alone                TECH val        HOUSE val       sent/s
=============================================  ==============  ==============  ========
BM25 over preferred + alternative labels        50.2 / 0.479    27.5 / 0.281      3,500
zero-shot MiniLM, best of a skill's labels      52.0 / 0.493    45.1 / 0.407        320
this module, chunk vectors pooled (default)     70.0 / 0.641    56.3 / 0.519        340
this module, chunks embedded on their own       72.4 / 0.665    58.1 / 0.562        210
=============================================  ==============  ==============  ========

(2 cores, shared machine, validation splits only; the test splits are used nowhere.)

The ESCO threshold (``tuning.yaml``: ``extract.semantic.esco_threshold``) was chosen on
TECH validation as the score that maximises the micro F1
of "skills scoring at or above the threshold (at most 5 per sentence)" against the gold
skills of every annotated sentence (sentences whose spans are all 'LABEL NOT PRESENT' or
'UNDERSPECIFIED' count as having no skill): 0.64 gives P 0.23, R 0.50, F1 0.310 on TECH and,
on HOUSE validation, data it was not chosen on, P 0.19, R 0.35, F1 0.243. Precision looks
low partly because annotators linked only the spans SkillSpan marked, so plausible skills
they did not list count as errors.

This module uses ESCO: "This service uses the ESCO classification of the European
Commission." careermap's ESCO data is a processed subset (labels and vectors).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt

from careermap.embed import Embedder, SpanEmbedder, get_embedder
from careermap.embed.bm25 import LexicalIndex, unpack_strings
from careermap.errors import DataError
from careermap.settings import get_settings

if TYPE_CHECKING:
    from careermap.knowledge.schemas import Skill

__all__ = [
    "ESCO_VECTORS",
    "EscoLinker",
    "LexicalIndex",
    "Link",
    "Scoring",
    "SemanticIndex",
    "chunk_spans",
    "esco_threshold",
    "query_chunks",
    "skill_index",
]

ESCO_VECTORS = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "esco_vectors.npz"
#: vectors of careermap's own skills, precomputed by scripts/build_vectors.py and shipped,
#: so that a first run does not embed ~3,000 texts (float16, same file names as the cache)
SHIPPED_VECTORS = ESCO_VECTORS.parent / "skill_vectors"
ESCO_URI_PREFIX = "http://data.europa.eu/esco/skill/"


def esco_threshold() -> float:
    """The calibrated ESCO threshold (``tuning.yaml``: extract.semantic.esco_threshold)."""
    from careermap.tuning import get_tuning

    return get_tuning().extract.semantic.esco_threshold


F32 = npt.NDArray[np.float32]

# --- word data used to cut and clean queries ------------------------------------------------
_CUTS = re.compile(
    r"\s*(?:[,;:()\[\]•*|!?]|\s-\s|\s/\s|\.\s|\.$|\band\b|\bor\b|\bas well as\b|"
    r"\bincluding\b|\bsuch as\b|\bwith\b|\bin\b|\bof\b|\bfor\b)\s*",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"\b(?:experience|experienced|knowledge|understanding|ability|able|proficiency|proficient|"
    r"familiarity|familiar|strong|solid|excellent|good|great|skills?|years?|plus|preferred|"
    r"required|must|have|having|you|your|we|our|will|be|are|is|to|the|a|an)\b",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
_NONSPACE = re.compile(r"\S+")


def chunk_spans(text: str) -> list[list[tuple[int, int]]]:
    """The pieces of ``text`` scored on their own, as the character ranges of their words
    (boilerplate words left out); a piece equal to the whole text is left out too."""
    out: list[list[tuple[int, int]]] = []
    seen: set[str] = set()
    pos = 0
    bounds = [(m.start(), m.end()) for m in _CUTS.finditer(text)] + [(len(text), len(text))]
    for cut_start, cut_end in bounds:
        start, end = pos, cut_start
        pos = max(pos, cut_end)
        if end <= start or not _LETTER.search(text, start, end):
            continue
        words = _words(text, start, end)
        piece = " ".join(text[a:b] for a, b in words)
        if words and piece != text and piece not in seen:
            seen.add(piece)
            out.append(words)
    return out


def query_chunks(text: str) -> list[str]:
    """The pieces of ``text`` that are scored on their own, as strings."""
    return [" ".join(text[a:b] for a, b in words) for words in chunk_spans(text)]


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges of the whitespace-separated words in ``text[start:end]``, minus boilerplate."""
    out: list[tuple[int, int]] = []
    at = start
    for m in _BOILERPLATE.finditer(text, start, end):
        out.extend((a.start(), a.end()) for a in _NONSPACE.finditer(text, at, m.start()))
        at = m.end()
    out.extend((a.start(), a.end()) for a in _NONSPACE.finditer(text, at, end))
    return out


@dataclass(frozen=True, slots=True)
class Scoring:
    """How the three signals add up (see the module docstring).

    ``chunk_vectors="pooled"`` takes each chunk's vector from the sentence's own forward
    pass (the mean of its contextual token vectors): one model call per sentence.
    ``"encoded"`` embeds each chunk as a text of its own: about 1.6 times the time for
    about 2 points more RP@5 on the validation splits (see the module docstring).
    Backends without ``embed_spans`` always use ``"encoded"``.
    """

    sentence: float = 2 / 3
    chunks: float = 1 / 3
    lexical: float = 0.5
    lexical_half: float = 10.0  # BM25 score that earns half the lexical weight
    chunk_vectors: Literal["pooled", "encoded"] = "pooled"


@dataclass(frozen=True, slots=True)
class Link:
    """One item linked to a query: its id (an ESCO URI or a careermap skill id).

    ``score`` is the hybrid score the threshold applies to (roughly 0 to 1.2);
    ``cosine`` is the plain cosine between the whole text and the item's closest vector.
    """

    id: str
    label: str
    score: float
    cosine: float

    @property
    def uri(self) -> str:
        return self.id


class SemanticIndex:
    """Items with one or more unit vectors each (rows grouped by item) and optional BM25."""

    def __init__(
        self,
        ids: Sequence[str],
        labels: Sequence[str],
        vectors: F32,
        *,
        owners: npt.NDArray[np.intp] | None = None,
        lexical: LexicalIndex | None = None,
        embedder: Embedder | None = None,
        scoring: Scoring | None = None,
        threshold: float = 0.0,
    ) -> None:
        if len(ids) != len(labels):
            raise DataError("semantic index: ids and labels differ in length")
        self.ids = list(ids)
        self.labels = list(labels)
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        owners = np.arange(len(self.ids)) if owners is None else np.asarray(owners)
        if len(owners) != len(self.vectors) or np.any(np.diff(owners) < 0):
            raise DataError("semantic index: vector owners must be sorted, one per vector")
        self._starts = np.searchsorted(owners, np.arange(len(self.ids)))
        self._single = len(owners) == len(self.ids)
        self.lexical = lexical
        self.scoring = scoring or Scoring()
        self.threshold = threshold
        self._embedder = embedder

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder()
        return self._embedder

    def __len__(self) -> int:
        return len(self.ids)

    def cosines(self, query_vectors: F32) -> F32:
        """Best cosine over each item's vectors, ``(n_queries, n_items)``."""
        sims = query_vectors @ self.vectors.T
        if self._single:
            return sims
        return np.maximum.reduceat(sims, self._starts, axis=1)

    def score(self, texts: Sequence[str], *, embedder: Embedder | None = None) -> tuple[F32, F32]:
        """Hybrid scores and sentence cosines of every item for each text, both
        ``(len(texts), n_items)``. :meth:`search` calls this on blocks of texts.
        ``embedder`` embeds the texts instead of the index's own (same model: a wrapper
        that remembers vectors, for instance)."""
        texts = list(texts)
        if not texts:
            empty = np.zeros((0, len(self.ids)), dtype=np.float32)
            return empty, empty
        w = self.scoring
        cos, chunk_cos = self._cosines(texts, w, embedder or self.embedder)
        best = cos.copy()
        for i, cc in enumerate(chunk_cos):
            if cc is not None:
                np.maximum(best[i], cc, out=best[i])
        total = w.sentence * cos + w.chunks * best
        if self.lexical is not None and w.lexical:
            bm = self.lexical.scores(texts)
            total += w.lexical * bm / (bm + w.lexical_half)
        return total.astype(np.float32), cos

    def _cosines(self, texts: list[str], w: Scoring, emb: Embedder) -> tuple[F32, list[F32 | None]]:
        """Sentence cosines, and for each text the best cosine over its chunks (or None)."""
        spans = [chunk_spans(t) if w.chunks else [] for t in texts]
        if w.chunk_vectors == "pooled" and isinstance(emb, SpanEmbedder):
            vecs, chunk_vecs = emb.embed_spans(texts, spans)
        else:
            pieces = [
                " ".join(t[a:b] for a, b in words)
                for t, groups in zip(texts, spans, strict=True)
                for words in groups
            ]
            both = emb.embed(texts + pieces)
            vecs, chunk_vecs = both[: len(texts)], both[len(texts) :]
        cos = self.cosines(vecs)
        out: list[F32 | None] = [None] * len(texts)
        counts = [len(g) for g in spans]
        if sum(counts):
            owners = [i for i, c in enumerate(counts) if c]
            starts = np.cumsum([0, *(counts[i] for i in owners)])[:-1]
            best = np.maximum.reduceat(self.cosines(chunk_vecs), starts, axis=0)
            for row, i in enumerate(owners):
                out[i] = best[row]
        return cos, out

    def search(
        self,
        texts: Sequence[str],
        top_k: int = 10,
        threshold: float | None = None,
        block: int = 64,
        *,
        embedder: Embedder | None = None,
    ) -> list[list[Link]]:
        """The ``top_k`` best items for each text, best first, scoring at least ``threshold``
        (default: the index's calibrated threshold; pass ``0`` or less for a full ranking).
        Texts are scored ``block`` at a time, so memory stays bounded for long inputs."""
        cut = self.threshold if threshold is None else threshold
        k = max(0, min(top_k, len(self.ids)))
        out: list[list[Link]] = []
        for start in range(0, len(texts), max(1, block)):
            total, cos = self.score(texts[start : start + block], embedder=embedder)
            for row, crow in zip(total, cos, strict=True):
                top = np.argpartition(-row, k - 1)[:k] if 0 < k < len(row) else np.arange(k)
                top = top[np.argsort(-row[top], kind="stable")]
                out.append(
                    [
                        Link(self.ids[j], self.labels[j], float(row[j]), float(crow[j]))
                        for j in top
                        if row[j] >= cut
                    ]
                )
        return out

    @classmethod
    def from_texts(
        cls,
        ids: Sequence[str],
        labels: Sequence[str],
        texts: Sequence[Sequence[str]],
        *,
        embedder: Embedder | None = None,
        cache_dir: Path | None = None,
        lexical: bool = True,
        scoring: Scoring | None = None,
        threshold: float = 0.0,
    ) -> SemanticIndex:
        """Embed each item's texts (label first, then aliases...) into its vectors, and index
        the same texts for BM25. Vectors are cached in ``cache_dir`` under a hash of the
        texts and the embedder's fingerprint, so they are computed once."""
        emb = embedder or get_embedder()
        flat = [t for ts in texts for t in ts]
        owners = np.asarray([i for i, ts in enumerate(texts) for _ in ts], dtype=np.intp)
        if len(set(owners.tolist())) != len(ids):
            raise DataError("semantic index: every item needs at least one text")
        vectors = _cached_embed(emb, flat, cache_dir)
        lex = LexicalIndex.build([" \n".join(ts) for ts in texts]) if lexical else None
        return cls(
            ids,
            labels,
            vectors,
            owners=owners,
            lexical=lex,
            embedder=emb,
            scoring=scoring,
            threshold=threshold,
        )


def vectors_name(emb: Embedder, texts: Sequence[str]) -> str:
    """File name under which the vectors of ``texts`` by ``emb`` are cached or shipped."""
    h = hashlib.sha256(emb.fingerprint.encode())
    for t in texts:
        h.update(t.encode("utf-8") + b"\x00")
    return f"vectors-{h.hexdigest()[:24]}.npy"


def _cached_embed(emb: Embedder, texts: list[str], cache_dir: Path | None) -> F32:
    if cache_dir is None:
        return emb.embed(texts)
    name = vectors_name(emb, texts)
    path = cache_dir / name
    for candidate in (SHIPPED_VECTORS / name, path):
        if candidate.is_file():
            try:
                cached = np.load(candidate, allow_pickle=False)
                if cached.shape == (len(texts), emb.dim):
                    return np.asarray(cached, dtype=np.float32)
            except (OSError, ValueError):
                pass  # a damaged cache file is rebuilt below
    vectors = emb.embed(texts)
    from careermap.errors import InputError
    from careermap.files import write_atomic

    blob = io.BytesIO()
    np.save(blob, vectors)
    with contextlib.suppress(InputError):  # a read-only home only costs the recomputation
        write_atomic(path, blob.getvalue())
    return vectors


class EscoLinker(SemanticIndex):
    """ESCO v1.1.1 skills, ranked for a sentence or span. Use :meth:`load`."""

    meta: dict[str, Any]

    @classmethod
    def load(cls, path: Path | None = None, embedder: Embedder | None = None) -> EscoLinker:
        """The index in ``path`` (default: the shipped one). With no argument, the
        runtime's copy, loaded once."""
        if path is None and embedder is None:
            from careermap.runtime import get_runtime

            return get_runtime().esco_linker
        return cls._read(path or ESCO_VECTORS, embedder)

    @classmethod
    def _read(cls, path: Path, embedder: Embedder | None) -> EscoLinker:
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(bytes(z["meta"]).decode("utf-8"))
                ids = [ESCO_URI_PREFIX + s for s in unpack_strings(z["uri_suffixes"])]
                labels = unpack_strings(z["labels"])
                q = z["vectors"].astype(np.float32) * z["scales"].astype(np.float32)[:, None]
                lexical = LexicalIndex.from_arrays(z, "bm25_", len(ids))
        except (OSError, KeyError, ValueError) as exc:
            raise DataError(
                f"cannot read {path.name}: {exc}. Reinstall careermap or rebuild it with "
                "`python scripts/build_vectors.py`."
            ) from exc
        q /= np.maximum(np.linalg.norm(q, axis=1, keepdims=True), 1e-12)
        linker = cls(ids, labels, q, lexical=lexical, embedder=embedder, threshold=esco_threshold())
        linker.meta = meta
        emb = linker.embedder
        if meta.get("embedder") != emb.fingerprint:
            raise DataError(
                f"{path.name} was built with {meta.get('embedder')} but the embedder is "
                f"{emb.fingerprint}: rebuild it with `python scripts/build_vectors.py`."
            )
        return linker

    def link(
        self, texts: Sequence[str], top_k: int = 5, threshold: float | None = None
    ) -> list[list[Link]]:
        """ESCO skills for each sentence or span (``Link.uri``, ``.label``, ``.score``)."""
        return self.search(texts, top_k=top_k, threshold=threshold)


def skill_texts(skills: Sequence[Skill]) -> list[list[str]]:
    """The texts embedded for each skill: label, aliases, and "label: description"."""
    return [
        list(
            dict.fromkeys(
                [s.label, *s.aliases, *s.case_sensitive_aliases, f"{s.label}: {s.description}"]
            )
        )
        for s in skills
    ]


def skill_index(
    skills: Iterable[Skill],
    *,
    embedder: Embedder | None = None,
    cache_dir: Path | None = None,
    threshold: float | None = None,
) -> SemanticIndex:
    """careermap's own skills as a :class:`SemanticIndex`: one vector for the label, one per
    alias and one for "label: description"; BM25 over the same texts. Vectors are cached
    under ``settings.home / "cache"`` (keyed by a hash of the texts and the model), so the
    first call embeds them and later calls, in any process, only read them back.

    The threshold defaults to the ESCO one; no benchmark labels text with careermap skills
    yet, so it has not been calibrated for them.
    """
    items = list(skills)
    cut = esco_threshold() if threshold is None else threshold
    texts = skill_texts(items)
    return SemanticIndex.from_texts(
        [s.id for s in items],
        [s.label for s in items],
        texts,
        embedder=embedder,
        cache_dir=cache_dir if cache_dir is not None else get_settings().home / "cache",
        threshold=cut,
    )
