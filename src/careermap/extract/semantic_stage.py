"""The optional semantic stage: sentences linked to skills by meaning, not by name.

Which sentences: those of four to eighty words in which the lexical stage found no
careermap skill (a sentence that names a skill is already read); in a document, only
those of the summary, experience and projects sections (a skills list is names, and
education lines are not evidence of use). At most :data:`MAX_SENTENCES` per text, the
longest first.

Each is scored against careermap's skills by
:func:`careermap.extract.semantic.skill_index` (and, for the ESCO taxonomy, ESCO's by
:class:`~careermap.extract.semantic.EscoLinker`) with that index's threshold; up to
:data:`TOP_K` skills per sentence become mentions with ``method="semantic"``, the whole
sentence as their span, and a confidence of ``0.6 * score`` capped at 0.6 (a lexical
mention is never less than 0.65). A sentence holding a negation ("never", "no
experience") gives negated mentions.

If the model or its data cannot load, the stage is skipped and the reason is kept in
:attr:`Extraction.notes`; lexical results are unaffected.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from careermap.errors import CareermapError
from careermap.extract.context import SentenceContext
from careermap.extract.mention import Mention, Taxonomy
from careermap.extract.sentences import Sentence

if TYPE_CHECKING:
    from careermap.documents.model import Document
    from careermap.extract.lexical import Lexicon

__all__ = ["MAX_SENTENCES", "TOP_K", "semantic_mentions"]

MAX_SENTENCES = 48
TOP_K = 2
_MIN_WORDS, _MAX_WORDS = 4, 80
_SECTIONS = frozenset({"summary", "experience", "projects"})
_indexes: dict[int, Any] = {}
_lock = threading.Lock()


def _careermap_index(lexicon: Lexicon) -> Any:
    from careermap.extract.semantic import skill_index

    key = id(lexicon)
    with _lock:
        index = _indexes.get(key)
        if index is None:
            index = _indexes[key] = skill_index(lexicon.skills.values())
        return index


def _esco_index() -> Any:
    from careermap.extract.semantic import EscoLinker

    return EscoLinker.load()


def candidates(
    sentences: list[Sentence], lexical: list[Mention], document: Document | None
) -> list[Sentence]:
    """Sentences the semantic stage reads (see the module docstring)."""
    named = {m.sentence_start for m in lexical if m.taxonomy == "careermap"}
    out: list[Sentence] = []
    for s in sentences:
        if s.start in named:
            continue
        words = len(s.text.split())
        if not _MIN_WORDS <= words <= _MAX_WORDS:
            continue
        if document is not None and document.section_at(s.start) not in _SECTIONS:
            continue
        out.append(s)
    if len(out) > MAX_SENTENCES:
        keep = set(sorted(out, key=lambda s: s.start - s.end)[:MAX_SENTENCES])
        out = [s for s in out if s in keep]
    return out


def semantic_mentions(
    sentences: list[Sentence],
    lexical: list[Mention],
    *,
    lexicon: Lexicon,
    taxonomies: tuple[Taxonomy, ...] = ("careermap",),
    document: Document | None = None,
) -> tuple[list[Mention], str | None]:
    """Mentions found by meaning, and why the stage was skipped (None when it ran)."""
    picked = candidates(sentences, lexical, document)
    if not picked:
        return [], None
    texts = [s.text for s in picked]
    out: list[Mention] = []
    try:
        for taxonomy in taxonomies:
            index = _careermap_index(lexicon) if taxonomy == "careermap" else _esco_index()
            links = index.search(texts, top_k=TOP_K)
            for sent, found in zip(picked, links, strict=True):
                negated = bool(found) and SentenceContext(sent.text).has_negation()
                section = document.section_at(sent.start) if document is not None else None
                for link in found:
                    out.append(
                        Mention(
                            skill_id=link.id,
                            taxonomy=taxonomy,
                            label=link.label,
                            start=sent.start,
                            end=sent.end,
                            text=sent.text,
                            sentence=sent.text,
                            sentence_start=sent.start,
                            sentence_end=sent.end,
                            confidence=round(min(0.6, 0.6 * link.score), 3),
                            method="semantic",
                            negated=negated,
                            section=section,
                            careermap_ids=(
                                lexicon.careermap_for_esco.get(link.id, ())
                                if taxonomy == "esco"
                                else ()
                            ),
                        )
                    )
    except (CareermapError, ImportError, OSError) as exc:
        return [], f"semantic stage skipped: {exc}"
    return out, None
