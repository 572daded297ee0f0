"""``extract()``: text or document -> skill mentions with level, years, negation, section.

Stages: sentences; lexical matching per taxonomy (:mod:`.lexical`), ambiguous aliases
confirmed by their context (:mod:`.ambiguity`), overlaps settled; the words around each
mention read (:mod:`.context`); then, when asked and available, the semantic stage
(:mod:`.semantic_stage`) for sentences the lexicon found nothing in.

Confidence of a lexical mention says how sure careermap is that the words name the skill:
by how it matched (careermap label, alias, ambiguous alias confirmed by a context word or by
its list neighbours; ESCO preferred or alternative label, less for a one-word ESCO label),
with the values of ``tuning.yaml`` (``extract.confidence``). Each mention also says
whether its sentence describes an employer rather than the person, and whether it makes a
requirement a preference (``wording.yaml``).
"""

from __future__ import annotations

import math
import time
from bisect import bisect_right
from typing import TYPE_CHECKING, Literal

from careermap.errors import InputError
from careermap.extract.ambiguity import confirm_ambiguous
from careermap.extract.context import SentenceContext
from careermap.extract.lexical import Hit, Lexicon, default_lexicon, resolve_overlaps
from careermap.extract.mention import Extraction, Mention, Taxonomy
from careermap.extract.sentences import Sentence, sentence_at, split_sentences
from careermap.extract.wording import COLLEAGUE_AFTER_CHARS, COLLEAGUE_BEFORE_CHARS, get_wording
from careermap.tuning import Confidences, get_tuning

if TYPE_CHECKING:
    from careermap.documents.model import Document

__all__ = ["TaxonomyChoice", "extract", "lexical_hits"]

TaxonomyChoice = Literal["careermap", "esco", "both"]
_TAXONOMIES = ("careermap", "esco", "both")


def _confidence(
    hit: Hit,
    sentence: str,
    index: int,
    seen: dict[tuple[int, tuple[str, ...]], bool],
    c: Confidences,
) -> float:
    """How sure careermap is that the words name the skill (``seen`` remembers, per
    sentence, whether an ambiguous alias's context words are there)."""
    t = hit.target
    if t.taxonomy == "careermap":
        if t.ambiguous:
            key = (index, t.context)
            found = seen.get(key)
            if found is None:
                low = sentence.lower()
                found = seen[key] = any(w in low for w in t.context)
            return c.ambiguous_in_context if found else c.ambiguous_in_list
        return c.label if t.method == "exact" else c.alias
    base = c.esco_label if t.method == "exact" else c.esco_alt_label
    return base - c.esco_one_word_penalty if " " not in t.form.strip() else base


def _inside_longer(hits: list[Hit], others: list[Hit]) -> list[bool]:
    """For each of ``hits``, whether it lies inside a longer one of ``others`` ("logistic"
    in "logistic regression"). ``others`` do not overlap each other (they are resolved),
    so the one that could hold a hit is the last that starts at or before it."""
    spans = sorted((o.start, o.end) for o in others)
    starts = [a for a, _ in spans]
    out: list[bool] = []
    for h in hits:
        i = bisect_right(starts, h.start) - 1
        inside = False
        while i >= 0 and not inside:
            a, b = spans[i]
            if b <= h.start:
                break
            inside = h.end <= b and b - a > h.end - h.start
            i -= 1
        out.append(inside)
    return out


def lexical_hits(
    text: str,
    taxonomy: TaxonomyChoice = "careermap",
    *,
    lexicon: Lexicon | None = None,
    sentences: list[Sentence] | None = None,
) -> list[Hit]:
    """Accepted lexical hits (ambiguity settled, overlaps resolved per taxonomy).

    careermap's forms are read even for ``taxonomy="esco"``: an ESCO label is dropped where
    careermap rejected an ambiguous alias at the same words ("Spark your career") or where
    it lies inside a longer careermap name ("logistic" in "logistic regression",
    "Transformers" in "Hugging Face Transformers").
    """
    lex = lexicon or default_lexicon()
    sents = split_sentences(text) if sentences is None else sentences
    out: list[Hit] = []
    careermap: list[Hit] = []
    rejected: set[tuple[int, int]] = set()
    if taxonomy in ("careermap", "both") or lex.skills:
        raw = lex.hits(text, "careermap")
        kept = confirm_ambiguous(text, raw, sents)
        if len(kept) != len(raw):
            ok = {(h.start, h.end) for h in kept}
            rejected = {(h.start, h.end) for h in raw if (h.start, h.end) not in ok}
        careermap = resolve_overlaps(kept)
        if taxonomy != "esco":
            out.extend(careermap)
    if taxonomy in ("esco", "both"):
        raw_esco = [h for h in lex.hits(text, "esco") if (h.start, h.end) not in rejected]
        inside = _inside_longer(raw_esco, careermap)
        esco = [h for h, held in zip(raw_esco, inside, strict=True) if not held]
        out.extend(resolve_overlaps(esco))
    out.sort(key=lambda h: (h.start, h.end))
    return out


def extract(
    source: str | Document,
    *,
    taxonomy: TaxonomyChoice = "careermap",
    semantic: bool = True,
    context: bool = True,
    lexicon: Lexicon | None = None,
) -> Extraction:
    """Skill mentions in a text or a :class:`~careermap.documents.Document`.

    ``taxonomy`` picks careermap's skill graph, ESCO, or both. ``semantic`` adds mentions
    found by meaning (when the embedding model is installed). ``context=False`` skips
    level, years and negation, for bulk work where only the skills matter.
    """
    if taxonomy not in _TAXONOMIES:
        raise InputError(f"taxonomy must be one of {', '.join(_TAXONOMIES)}, not '{taxonomy}'.")
    document = None if isinstance(source, str) else source
    text = source if isinstance(source, str) else source.text
    lex = lexicon or default_lexicon()
    timings: dict[str, float] = {}

    t0 = time.perf_counter()
    sentences = split_sentences(text)
    hits = lexical_hits(text, taxonomy, lexicon=lex, sentences=sentences)
    t1 = time.perf_counter()
    timings["lexical"] = t1 - t0

    starts = [s.start for s in sentences]
    by_sentence: dict[int, dict[tuple[int, int], None]] = {}
    placed: list[tuple[Hit, int]] = []
    for h in hits:
        i = sentence_at(sentences, starts, h.start) if sentences else -1
        placed.append((h, i))
        by_sentence.setdefault(i, {})[(h.start, h.end)] = None
    confirmed: dict[tuple[int, tuple[str, ...]], bool] = {}
    sections = _Sections(document)
    flags = _SentenceFlags(sections)
    confidence = get_tuning().extract.confidence

    mentions: list[Mention] = []
    cache: dict[tuple[int, int], tuple[str | None, float | None, bool, str | None]] = {}
    contexts: dict[int, SentenceContext] = {}
    wording = get_wording()
    colleagues: set[int] = set()  # sentences whose only role names are someone else's
    for h, i in placed:
        sent = sentences[i] if i >= 0 else Sentence(0, len(text), text)
        # only the words next to the mention matter: a long sentence is not copied per mention
        before = text[max(sent.start, h.start - COLLEAGUE_BEFORE_CHARS) : h.start]
        after = text[h.end : min(sent.end, h.end + COLLEAGUE_AFTER_CHARS)]
        if wording.names_a_colleague(before, text[h.start : h.end], after):
            colleagues.add(sent.start)  # "with a product owner", "our Python developers"
            continue
        key = (h.start, h.end)
        facts = cache.get(key)
        if facts is None:
            ctx = contexts.get(i)
            if ctx is None and context:
                base = sent.start
                spans = [(a - base, b - base) for a, b in by_sentence.get(i, {})]
                ctx = contexts[i] = SentenceContext(sent.text, spans)
            facts = _read_context(h, sent, ctx, sections)
            cache[key] = facts
        level, years, negated, section = facts
        boilerplate, preferred = flags.of(sent)
        boilerplate = boilerplate or sections.in_organisation(h.start, h.end)
        t = h.target
        mentions.append(
            Mention(
                skill_id=t.id,
                taxonomy=t.taxonomy,
                label=t.label,
                start=h.start,
                end=h.end,
                text=text[h.start : h.end],
                sentence=sent.text,
                sentence_start=sent.start,
                sentence_end=sent.end,
                confidence=_confidence(h, sent.text, i, confirmed, confidence),
                method=t.method,
                level=level,  # type: ignore[arg-type]
                years=years,
                negated=negated,
                section=section,
                careermap_ids=lex.careermap_for_esco.get(t.id, ()) if t.taxonomy == "esco" else (),
                boilerplate=boilerplate,
                preferred=preferred,
            )
        )
    t2 = time.perf_counter()
    timings["context"] = t2 - t1

    notes: list[str] = []
    if semantic:
        from careermap.extract.semantic_stage import semantic_mentions

        wanted: tuple[Taxonomy, ...] = (
            ("careermap",)
            if taxonomy == "careermap"
            else ("esco",)
            if taxonomy == "esco"
            else ("careermap", "esco")
        )
        extra, skipped = semantic_mentions(
            sentences,
            mentions,
            lexicon=lex,
            taxonomies=wanted,
            document=document,
            read=colleagues,
        )
        if skipped:
            notes.append(skipped)
        mentions.extend(extra)
        mentions.sort(key=lambda m: (m.start, m.end, m.taxonomy))
        timings["semantic"] = time.perf_counter() - t2
    return Extraction(text=text, mentions=mentions, document=document, timings=timings, notes=notes)


class _Sections:
    """The section kind at an offset, and whether the section is about an employer
    (its heading is one of ``wording.yaml``'s boilerplate headings), by binary search
    over starts found once."""

    def __init__(self, document: Document | None) -> None:
        from careermap.documents.headings import heading_key

        found = document.sections if document is not None else []
        headings = get_wording().boilerplate_headings
        self.starts = [s.start for s in found]
        self.ends = [s.end for s in found]
        self.kinds = [s.kind for s in found]
        self.employer = [heading_key(s.heading) in headings for s in found]
        self.organisations = _organisation_spans(document)

    def _index(self, offset: int) -> int:
        i = bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.ends[i] else -1

    def at(self, offset: int) -> str | None:
        i = self._index(offset)
        return self.kinds[i] if i >= 0 else None

    def about_employer(self, offset: int) -> bool:
        i = self._index(offset)
        return i >= 0 and self.employer[i]

    def in_organisation(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies inside an employer's name in a job's header line
        ("Nordlicht Consulting GmbH" says nothing of the person's consulting)."""
        i = bisect_right(self.organisations, (start, math.inf)) - 1
        return i >= 0 and self.organisations[i][0] <= start and end <= self.organisations[i][1]


#: how far past a position's first offset its organisation's name is looked for
_HEADER_CHARS = 400


def _organisation_spans(document: Document | None) -> list[tuple[int, int]]:
    """Offsets of each position's organisation name in its header, sorted."""
    if document is None:
        return []
    text = document.text
    spans = []
    for p in document.positions:
        org = (p.organisation or "").strip()
        if len(org) < 2:
            continue
        at = text.find(org, p.start, min(p.end, p.start + _HEADER_CHARS))
        if at >= 0:
            spans.append((at, at + len(org)))
    return sorted(spans)


class _SentenceFlags:
    """Per sentence, once: whether it describes an employer, whether it makes a
    requirement a preference."""

    def __init__(self, sections: _Sections) -> None:
        self.sections = sections
        self.wording = get_wording()
        self.seen: dict[int, tuple[bool, bool]] = {}

    def of(self, sent: Sentence) -> tuple[bool, bool]:
        got = self.seen.get(sent.start)
        if got is None:
            employer = self.sections.about_employer(sent.start) or self.wording.is_boilerplate(
                sent.text
            )
            got = self.seen[sent.start] = (employer, self.wording.is_preferred(sent.text))
        return got


def _read_context(
    hit: Hit, sent: Sentence, ctx: SentenceContext | None, sections: _Sections
) -> tuple[str | None, float | None, bool, str | None]:
    section = sections.at(hit.start)
    if ctx is None:
        return None, None, False, section
    s, e = hit.start - sent.start, hit.end - sent.start
    return ctx.level(s, e), ctx.years(s, e), ctx.negated(s, e), section
