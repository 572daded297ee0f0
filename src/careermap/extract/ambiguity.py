"""Deciding whether an ambiguous alias ("R", "Go", "Spark", "C") names its skill here.

An ambiguous alias is matched only in its exact case, and then kept only when

1. it is not plainly something else: glued to "&" ("R&D", "AT&T"); for a one- or
   two-letter alias, glued to a hyphen ("C-suite", "go-to-market", "R-squared"); an
   initial ("John R. Smith": the alias, a full stop, then a capitalised word, after a
   capitalised word or at the start); or a label after a naming word ("Section R",
   "Plan B", "Grade C", "Type R");
2. and one of the alias's context words (from the skill graph) appears anywhere in the
   same sentence, as a whole word ("R" with "ggplot" or "statistics"; "Spark" with
   "Hadoop"); or the alias is one item of a list ("Skills: Python, R, SQL";
   "Go | Rust | Kubernetes") whose item just before or just after holds an accepted
   mention of a technical skill (programming, machine learning, frameworks and tools,
   GenAI, platforms, theory and math). Accepted ambiguous mentions count as neighbours
   too, so "Python, Go, R" confirms both, one after the other;
3. or, failing both, the same alias of the same skill was confirmed elsewhere in the text
   (one sense per document: "Skills: Python, Rust" confirms "Familiar with Rust") and
   this one is not the first word of its sentence, where any word has a capital ("Go to
   market", "Excel at ...").

"spark joy", "go to market" and "r&d" in lower case never reach this module: ambiguous
aliases are case-sensitive unless the skill graph says otherwise.
"""

from __future__ import annotations

import re
from functools import lru_cache

from careermap.extract.lexical import Hit
from careermap.extract.sentences import Sentence, sentence_at

__all__ = ["TECHNICAL_CATEGORIES", "confirm_ambiguous"]

TECHNICAL_CATEGORIES = frozenset(
    {"programming", "machine-learning", "frameworks-tools", "genai", "platforms", "theory-math"}
)
_NAMING_WORDS = frozenset(
    [
        "section",
        "part",
        "appendix",
        "annex",
        "chapter",
        "article",
        "clause",
        "exhibit",
        "schedule",
        "item",
        "grade",
        "class",
        "type",
        "vitamin",
        "plan",
        "group",
        "unit",
        "level",
        "block",
        "building",
        "room",
        "row",
        "tier",
        "phase",
        "stage",
        "model",
        "series",
        "option",
        "category",
        "form",
        "team",
        "floor",
        "gate",
        "wing",
        "zone",
        "area",
        "lot",
        "box",
        "suite",
        "mr",
        "ms",
        "mrs",
        "dr",
    ]
)
_ITEM_SEPARATORS = re.compile(r"\s*(?:[,;|•·/]|\s&\s|\band\b|\bor\b)\s*")
_LIST_LABEL = re.compile(r"^[^,;|:]{1,40}:\s*")
_QUALIFIER = re.compile(r"^\s*(?:\([^()]*\))?\s*$")


@lru_cache(maxsize=512)
def _context_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _previous_word(text: str, start: int) -> str:
    m = re.search(r"(\w[\w.]*)\W*$", text[max(0, start - 40) : start])
    return "" if m is None else m.group(1)


def plainly_other(text: str, hit: Hit) -> bool:
    """Whether the surroundings show the alias is not the skill (rule 1 above)."""
    s, e = hit.start, hit.end
    before = text[s - 1] if s > 0 else ""
    after = text[e] if e < len(text) else ""
    if before == "&" or after == "&":
        return True
    if e - s <= 2 and (before == "-" or after == "-"):
        return True
    prev = _previous_word(text, s)
    if prev.lower().rstrip(".") in _NAMING_WORDS and text[s - 1 : s] == " ":
        return True
    if after == "." and re.match(r"\.\s+[A-Z][a-z]", text[e : e + 4]):
        line_start = text.rfind("\n", 0, s) + 1
        return not prev or s == line_start or prev[0].isupper()
    return False


def _item_neighbours(sentence: Sentence, hit: Hit) -> tuple[int, int, int, int] | None:
    """Spans of the list items before and after the alias's item, if the alias is one."""
    body = sentence.text
    offset = sentence.start
    label = _LIST_LABEL.match(body)
    base = label.end() if label else 0
    items: list[tuple[int, int]] = []
    pos = base
    for m in _ITEM_SEPARATORS.finditer(body, base):
        items.append((pos, m.start()))
        pos = m.end()
    items.append((pos, len(body)))
    if len(items) < 2:
        return None
    rel_s, rel_e = hit.start - offset, hit.end - offset
    for i, (a, b) in enumerate(items):
        if a <= rel_s and rel_e <= b:
            if body[a:rel_s].strip() or not _QUALIFIER.match(body[rel_e:b]):
                return None
            pa, pb = items[i - 1] if i > 0 else (0, 0)
            na, nb = items[i + 1] if i + 1 < len(items) else (0, 0)
            return pa + offset, pb + offset, na + offset, nb + offset
    return None


def confirm_ambiguous(text: str, hits: list[Hit], sentences: list[Sentence]) -> list[Hit]:
    """``hits`` without the ambiguous ones their context does not confirm."""
    pending = [h for h in hits if h.target.ambiguous]
    if not pending:
        return hits
    starts = [s.start for s in sentences]
    kept = [h for h in hits if not h.target.ambiguous]
    waiting: list[tuple[Hit, tuple[int, int, int, int]]] = []
    alone: list[Hit] = []
    for h in pending:
        if plainly_other(text, h):
            continue
        sentence = sentences[sentence_at(sentences, starts, h.start)] if sentences else None
        if sentence is None:
            continue
        low = sentence.text.lower()
        if _context_pattern(h.target.context).search(low):
            kept.append(h)
            continue
        neighbours = _item_neighbours(sentence, h)
        if neighbours is not None:
            waiting.append((h, neighbours))
        elif re.search(r"\w", text[sentence.start : h.start]):
            alone.append(h)  # not the first word: rule 3 may confirm it
    changed = True
    while waiting and changed:
        changed = False
        technical = [k for k in kept if k.target.category in TECHNICAL_CATEGORIES]
        still: list[tuple[Hit, tuple[int, int, int, int]]] = []
        for h, (pa, pb, na, nb) in waiting:
            if any(
                (pa <= k.start and k.end <= pb) or (na <= k.start and k.end <= nb)
                for k in technical
                if k is not h
            ):
                kept.append(h)
                changed = True
            else:
                still.append((h, (pa, pb, na, nb)))
        waiting = still
    confirmed = {(k.target.id, k.target.form) for k in kept if k.target.ambiguous}
    kept.extend(h for h, _ in waiting if (h.target.id, h.target.form) in confirmed)
    kept.extend(h for h in alone if (h.target.id, h.target.form) in confirmed)
    kept.sort(key=lambda h: (h.start, h.end))
    return kept
