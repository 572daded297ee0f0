"""The optional semantic stage: sentences linked to skills by meaning, not by name.

Which sentences: those of four to eighty words (of two letters or more) in which the
lexical stage found no careermap skill (a sentence that names a skill is already read, and
one that names only a colleague's role, "with a product owner", is not the person's); in
a document, only those of the summary, experience and projects sections (a skills list is
names, and education lines are not evidence of use), and never a sentence about an
employer (``wording.yaml``). At most ``extract.semantic.max_sentences`` per text
(``tuning.yaml``, like every number below), the longest first.

Each is scored against careermap's skills by
:func:`careermap.extract.semantic.skill_index` with ``careermap_threshold`` (chosen on
Decorte et al.'s TECH validation split, where the gold ESCO skills of a sentence stand for
the careermap skills that alone list them: F1 34.0 there, 41.4 on HOUSE validation; as gold
covers only careermap skills linked to ESCO, precision is a floor), and, for the ESCO
taxonomy, against ESCO's skills by :class:`~careermap.extract.semantic.EscoLinker` with
its own calibrated threshold; up to
``top_k`` skills per sentence become mentions with ``method="semantic"``, the whole
sentence as their span, and a confidence of ``confidence_scale * score``, capped at
``confidence_scale`` (a lexical
mention is never less than 0.65). A sentence holding a negation ("never", "no
experience") gives negated mentions.

If the model or its data cannot load, the stage is skipped and the reason is kept in
:attr:`Extraction.notes`; lexical results are unaffected.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

import numpy as np

from careermap.errors import CareermapError
from careermap.extract.context import SentenceContext
from careermap.extract.mention import Mention, Taxonomy
from careermap.extract.sentences import Sentence

if TYPE_CHECKING:
    from careermap.documents.model import Document
    from careermap.embed import Embedder, Vectors
    from careermap.extract.lexical import Lexicon
    from careermap.extract.semantic import Link, SemanticIndex
    from careermap.tuning import SemanticTuning

__all__ = ["careermap_index", "semantic_mentions"]

_SECTIONS = frozenset({"summary", "experience", "projects"})
_LETTERS = re.compile(r"[^\W\d_]{2,}")


class _CallMemo:
    """The runtime's embedder, remembering the vectors of one extraction's texts, so the
    careermap and ESCO indexes embed each sentence and chunk once between them. One is
    made per call: nothing is shared between extractions."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.memo: dict[str, Vectors] = {}

    @property
    def fingerprint(self) -> str:
        return self.inner.fingerprint

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> Vectors:
        missing = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if missing:
            for t, v in zip(missing, self.inner.embed(missing, batch_size), strict=True):
                self.memo[t] = v
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.memo[t] for t in texts])


def careermap_index(lexicon: Lexicon) -> SemanticIndex:
    """careermap's skills as a semantic index (built once per lexicon, by the runtime)."""
    from careermap.runtime import get_runtime

    return get_runtime().careermap_index(lexicon)


def candidates(
    sentences: list[Sentence],
    lexical: list[Mention],
    document: Document | None,
    read: Collection[int] = (),
) -> list[Sentence]:
    """Sentences the semantic stage reads (see the module docstring); ``read`` holds
    the starts of sentences the lexicon read and set aside (a colleague's role)."""
    from careermap.extract.wording import get_wording
    from careermap.tuning import get_tuning

    tuning = get_tuning().extract.semantic
    wording = get_wording()
    named = {m.sentence_start for m in lexical if m.taxonomy == "careermap"}
    employer = {m.sentence_start for m in lexical if m.boilerplate}
    out: list[Sentence] = []
    for s in sentences:
        if s.start in named or s.start in employer or s.start in read:
            continue
        if len(s.text) > 2000:
            continue
        words = len(_LETTERS.findall(s.text))
        if not tuning.min_words <= words <= tuning.max_words:
            continue
        if document is not None and document.section_at(s.start) not in _SECTIONS:
            continue
        if wording.is_boilerplate(s.text):
            continue
        out.append(s)
    if len(out) > tuning.max_sentences:
        keep = set(sorted(out, key=lambda s: s.start - s.end)[: tuning.max_sentences])
        out = [s for s in out if s in keep]
    return out


def _mention(
    sent: Sentence,
    link: Link,
    taxonomy: Taxonomy,
    tuning: SemanticTuning,
    negated: bool,
    document: Document | None,
    lexicon: Lexicon,
) -> Mention:
    scale = tuning.confidence_scale
    return Mention(
        skill_id=link.id,
        taxonomy=taxonomy,
        label=link.label,
        start=sent.start,
        end=sent.end,
        text=sent.text,
        sentence=sent.text,
        sentence_start=sent.start,
        sentence_end=sent.end,
        confidence=round(min(scale, scale * link.score), 3),
        method="semantic",
        negated=negated,
        section=document.section_at(sent.start) if document is not None else None,
        careermap_ids=(lexicon.careermap_for_esco.get(link.id, ()) if taxonomy == "esco" else ()),
    )


def negated_clauses(
    sentences: list[Sentence], lexical: list[Mention], document: Document | None
) -> list[tuple[Sentence, str]]:
    """In sentences the lexicon found skills in, the clauses a negation governs, to be
    read by meaning for what the person says they lack ("Machine learning: no hands-on
    experience training or evaluating models yet")."""
    from careermap.tuning import get_tuning

    tuning = get_tuning().extract.semantic
    named = {m.sentence_start for m in lexical if m.taxonomy == "careermap"}
    employer = {m.sentence_start for m in lexical if m.boilerplate}
    out: list[tuple[Sentence, str]] = []
    for s in sentences:
        if s.start not in named or s.start in employer or len(s.text) > 2000:
            continue
        if document is not None and document.section_at(s.start) not in _SECTIONS:
            continue
        for clause in SentenceContext(s.text).negated_clauses():
            if len(_LETTERS.findall(clause)) >= tuning.min_words:
                out.append((s, clause))
    return out[: tuning.max_sentences]


def semantic_mentions(
    sentences: list[Sentence],
    lexical: list[Mention],
    *,
    lexicon: Lexicon,
    taxonomies: tuple[Taxonomy, ...] = ("careermap",),
    document: Document | None = None,
    read: Collection[int] = (),
) -> tuple[list[Mention], str | None]:
    """Mentions found by meaning, and why the stage was skipped (None when it ran)."""
    picked = candidates(sentences, lexical, document, read)
    clauses = negated_clauses(sentences, lexical, document)
    if not picked and not clauses:
        return [], None
    texts = [s.text for s in picked]
    named_in: dict[int, set[str]] = {}
    for m in lexical:
        named_in.setdefault(m.sentence_start, set()).add(m.skill_id)
    out: list[Mention] = []
    try:
        from careermap.runtime import get_runtime
        from careermap.tuning import get_tuning

        tuning = get_tuning().extract.semantic
        runtime = get_runtime()
        memo = _CallMemo(runtime.embedder())  # vectors shared within this extraction only
        for taxonomy in taxonomies:
            if taxonomy == "careermap":
                index = runtime.careermap_index(lexicon)
                links = index.search(
                    texts,
                    top_k=tuning.top_k,
                    threshold=tuning.careermap_threshold,
                    embedder=memo,
                )
                denied = index.search(
                    [c for _, c in clauses],
                    top_k=tuning.top_k,
                    threshold=tuning.careermap_threshold,
                    embedder=memo,
                )
                for (sent, _), found in zip(clauses, denied, strict=True):
                    for link in found:
                        if link.id in named_in.get(sent.start, set()):
                            continue  # the lexicon read this skill's own negation
                        out.append(_mention(sent, link, taxonomy, tuning, True, document, lexicon))
            else:
                links = runtime.esco_linker.search(
                    texts, top_k=tuning.top_k, threshold=tuning.esco_threshold, embedder=memo
                )
            for sent, found in zip(picked, links, strict=True):
                negated = bool(found) and SentenceContext(sent.text).has_negation()
                for link in found:
                    out.append(_mention(sent, link, taxonomy, tuning, negated, document, lexicon))
    except (CareermapError, ImportError, OSError) as exc:
        return [], f"semantic stage skipped: {exc}"
    return out, None
