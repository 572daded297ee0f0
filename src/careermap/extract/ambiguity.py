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
   GenAI, platforms, theory and math), where the alias too names a technical skill
   ("Supervised" beside "unsupervised learning" is not mentoring). Accepted ambiguous
   mentions count as neighbours too, so "Python, Go, R" confirms both, one after the
   other (unless the skill graph says its neighbours do not confirm it: "Git, pull
   requests" names a workflow, not code review);
3. or, failing both, the same alias of the same skill was confirmed elsewhere in the text
   (one sense per document: "Skills: Python, Rust" confirms "Familiar with Rust") and
   this one is not the first word of its sentence, where any word has a capital ("Go to
   market", "Excel at ...").

"spark joy", "go to market" and "r&d" in lower case never reach this module: ambiguous
aliases are case-sensitive unless the skill graph says otherwise.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
#: what may follow an alias alone in its list item: a level ("Spark: beginner") and a
#: qualifier in brackets ("R (MSc, rusty)")
_QUALIFIER = re.compile(
    r"\s*(?:(?::|-|–)\s*(?:basics?|beginner|intermediate|advanced|expert|good|strong|solid|"
    r"familiar|working knowledge|proficient|fluent|rusty)\b)?\s*(?:\([^()]*\))?\s*",
    re.IGNORECASE,
)


@lru_cache(maxsize=512)
def _context_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A context word as a whole word, or its plural ("pipeline" confirms "pipelines")."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:s|es)?(?!\w)")


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


class _SentenceItems:
    """A sentence cut into list items ("Skills: Python, R, SQL"), found once."""

    __slots__ = ("first_word", "items", "low", "starts")

    def __init__(self, sentence: Sentence) -> None:
        body = sentence.text
        offset = sentence.start
        self.low = body.lower()
        word = re.search(r"\w", body)
        self.first_word = offset + (word.start() if word else len(body))
        label = _LIST_LABEL.match(body)
        pos = label.end() if label else 0
        items: list[tuple[int, int]] = []
        depth, scanned = 0, pos  # a separator inside brackets ("R (MSc, rusty)") splits nothing
        for m in _ITEM_SEPARATORS.finditer(body, pos):
            depth += body.count("(", scanned, m.start()) - body.count(")", scanned, m.start())
            scanned = m.start()
            if depth > 0:
                continue
            depth = 0
            items.append((offset + pos, offset + m.start()))
            pos = m.end()
        items.append((offset + pos, offset + len(body)))
        self.items = items if len(items) >= 2 else []
        self.starts = [a for a, _ in self.items]

    def item_of(self, text: str, hit: Hit) -> int | None:
        """Index of the item the alias is, alone (a qualifier in brackets may follow)."""
        i = bisect_right(self.starts, hit.start) - 1
        if i < 0:
            return None
        a, b = self.items[i]
        if not (a <= hit.start and hit.end <= b):
            return None
        if text[a : hit.start].strip() or not _QUALIFIER.fullmatch(text, hit.end, b):
            return None
        return i


def confirm_ambiguous(text: str, hits: list[Hit], sentences: list[Sentence]) -> list[Hit]:
    """``hits`` without the ambiguous ones their context does not confirm.

    Each sentence is cut into items once; accepted mentions confirm their neighbours
    through a work list, so the time stays linear in the number of hits.
    """
    pending = [h for h in hits if h.target.ambiguous]
    if not pending or not sentences:
        return [h for h in hits if not h.target.ambiguous]
    starts = [s.start for s in sentences]
    kept = [h for h in hits if not h.target.ambiguous]
    cut: dict[int, _SentenceItems] = {}
    context_hit: dict[tuple[int, tuple[str, ...]], bool] = {}

    def items(si: int) -> _SentenceItems:
        got = cut.get(si)
        if got is None:
            got = cut[si] = _SentenceItems(sentences[si])
        return got

    waiting: dict[tuple[int, int], list[Hit]] = {}  # (sentence, item) -> hits there
    alone: list[Hit] = []
    for h in pending:
        if plainly_other(text, h):
            continue
        si = sentence_at(sentences, starts, h.start)
        sent = items(si)
        key = (si, h.target.context)
        confirmed = context_hit.get(key)
        if confirmed is None:
            confirmed = context_hit[key] = bool(_context_pattern(h.target.context).search(sent.low))
        if confirmed:
            kept.append(h)
            continue
        # only a technical alias is confirmed by its technical neighbours in a list, and
        # not one the skill graph marks as named in tool lists without the practice
        by_list = h.target.category in TECHNICAL_CATEGORIES and h.target.neighbours
        item = sent.item_of(text, h) if by_list else None
        if item is not None:
            waiting.setdefault((si, item), []).append(h)
        elif h.start > sent.first_word:
            alone.append(h)  # not the first word: rule 3 may confirm it
    # items holding an accepted technical mention confirm the aliases next to them
    technical: list[tuple[int, int]] = []
    for k in kept:
        if k.target.category in TECHNICAL_CATEGORIES:
            si = sentence_at(sentences, starts, k.start)
            sent = items(si)
            i = bisect_right(sent.starts, k.start) - 1
            if i >= 0 and k.end <= sent.items[i][1]:
                technical.append((si, i))
    done: set[tuple[int, int]] = set()
    queue = list(dict.fromkeys(technical))
    while queue:
        si, i = queue.pop()
        if (si, i) in done:
            continue
        done.add((si, i))
        for j in (i - 1, i + 1):
            found = waiting.pop((si, j), None)
            if found:
                kept.extend(found)
                if any(h.target.category in TECHNICAL_CATEGORIES for h in found):
                    queue.append((si, j))
    left = [h for group in waiting.values() for h in group]
    confirmed_forms = {(k.target.id, k.target.form) for k in kept if k.target.ambiguous}
    kept.extend(h for h in left if (h.target.id, h.target.form) in confirmed_forms)
    kept.extend(h for h in alone if (h.target.id, h.target.form) in confirmed_forms)
    kept.sort(key=lambda h: (h.start, h.end))
    return kept
