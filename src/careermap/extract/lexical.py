"""Finding skill names in text in one pass: Aho-Corasick automata over every surface form.

Surface forms come from careermap's skill graph (label, aliases, case-sensitive aliases,
ambiguous aliases) and from ESCO (preferred and alternative labels). Each taxonomy has two
automata: one over the lower-cased text for forms matched in any case, one over the text
as written for forms matched in their exact case (acronyms such as "RAG", ambiguous names
such as "R", "Go", "Spark", and ESCO labels that carry capitals).

Token boundaries are enforced inside the automaton: text and forms are rewritten, without
changing their length, so that white space and separating punctuation
(brackets, quotes, commas, colons, slashes, full stops, hyphens, dashes, bullets) become
``\x02``, and each form that starts with a word character gets a leading ``\x02``. A form
can then only start after a separator, so "R" is never found inside "React" nor "Go"
inside "Google"; as a side effect "fine-tuning", "fine tuning" and "fine/tuning" read the
same, and "CI/CD" matches "CI CD". "+" and "#" are not separators, so "C++", "C#" and "C"
stay apart. A line break counts as a space (a wrapped line); a blank line, two
separators, ends any match. The end of a
match is checked afterwards: a form ending in a word character must not be followed by a
word character or by "+"/"#" (so "C" is not read in "C++" or "C#"); a trailing plural "s"
("LLMs", "APIs") is accepted and kept in the span. A word glued to another symbol
("&Python", "+Python") is not matched.

ESCO labels are filtered: shorter than three characters, or listed in
``esco_stoplist.txt`` (common words and phrases that are skills only in ESCO's sense,
e.g. "plan", "hair", "history"), they are dropped. Lower-case ESCO labels match in any
case, labels with capitals ("SQL", "Java") only as written. When one surface form names
several ESCO skills, the one whose preferred label it is wins.

A shared word left out of a coordination is read back in careermap's two-word names:
"prompt writing and evaluation" holds "prompt evaluation" (found on "evaluation"), "unit
and integration testing" holds "unit testing" (found on "unit"), "linear and logistic
regression" holds "linear regression".

Overlaps are settled per taxonomy: the longest match wins, then the leftmost.

The careermap automata are built when a :class:`Lexicon` is made (a few milliseconds), the
ESCO ones on first use (about 98,000 keys, under a second on one core: see
``bench/bench_extract_speed.py``), once per process through :func:`default_lexicon`. That
is fast enough that no on-disk cache is kept (a pickle of the ESCO automaton is about
60 MB and takes half a second to load).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Literal

import ahocorasick
import numpy as np

from careermap.knowledge.schemas import Skill

__all__ = [
    "ESCO_MIN_CHARS",
    "EscoEntry",
    "Hit",
    "Lexicon",
    "Target",
    "Taxonomy",
    "default_lexicon",
    "load_stoplist",
    "resolve_overlaps",
    "safe_lower",
    "shipped_esco",
]

Taxonomy = Literal["careermap", "esco"]
Method = Literal["exact", "alias", "semantic"]

ESCO_MIN_CHARS = 3
STOPLIST_FILE = Path(__file__).with_name("esco_stoplist.txt")

_MARK = "\x02"
_SEPARATORS = (
    " \n\t\r\f\v\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000"
    "()[]{}\"'`,;:!?|/\\.-‐‑‒–—―•·▪◦‣∙*…“”‘’«»<>"
)
_TABLE = str.maketrans(dict.fromkeys(_SEPARATORS, _MARK))
# str.translate is fast on ASCII text only; other text goes through a UTF-16 look-up table
_LUT = np.arange(0x10000, dtype=np.uint16)
_LUT[[ord(c) for c in _SEPARATORS]] = ord(_MARK)
_PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*$")


@dataclass(frozen=True, slots=True)
class Target:
    """One skill a surface form names, and how the form must be matched."""

    taxonomy: Taxonomy
    id: str
    label: str
    form: str
    method: Method
    case_sensitive: bool
    category: str | None = None
    #: words that confirm an ambiguous alias ("R", "Go"); empty for every other form
    context: tuple[str, ...] = ()
    #: whether an ambiguous alias's technical list neighbours confirm it (see ambiguity.py)
    neighbours: bool = True

    @property
    def ambiguous(self) -> bool:
        return bool(self.context)


@dataclass(frozen=True, slots=True)
class Hit:
    """A surface form found at ``text[start:end]``."""

    start: int
    end: int
    target: Target


@dataclass(frozen=True, slots=True)
class EscoEntry:
    """An ESCO skill and the labels it is known by."""

    uri: str
    label: str
    alt_labels: tuple[str, ...] = ()


#: reading coordinations: a join after white space (the pattern starts with it, which scans
#: faster than a look-behind), and the one or two whole words just after it, separated by
#: white space only (the words before it: _word_before)
_JOIN = re.compile(r"\s(and|or|&)(?=\s)")
_W = r"([^\W_][\w+#-]*)"
_WORD = re.compile(_W)
_WORDS_AFTER = re.compile(r"\s+" + _W + r"(?:\s+" + _W + r")?")
_AROUND_JOIN = 80


def mark_boundaries(text: str) -> str:
    """``text`` with each separator turned into ``\\x02`` (same length)."""
    if text.isascii():
        return text.translate(_TABLE)
    units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    return _LUT[units].tobytes().decode("utf-16-le", "surrogatepass")


def safe_lower(text: str) -> str:
    """``text`` in lower case, each character lowered only where that keeps its length (so
    offsets in the result are offsets in ``text``)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _key(form: str) -> str:
    form = form.strip()
    if form and (form[0].isalnum() or form[0] == "_"):
        return _MARK + mark_boundaries(form)
    return mark_boundaries(form)


def load_stoplist(path: Path = STOPLIST_FILE) -> frozenset[str]:
    """Lower-case ESCO labels never matched (one per line; ``#`` starts a comment)."""
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        item = line.split("#", 1)[0].strip().lower()
        if item:
            out.add(item)
    return frozenset(out)


class _Automaton:
    """One Aho-Corasick automaton: key -> (targets, length of the form, ends in a word)."""

    def __init__(self, case_sensitive: bool) -> None:
        self.case_sensitive = case_sensitive
        self._groups: dict[str, list[Target]] = {}
        self._lengths: dict[str, int] = {}
        self._leads: dict[str, str] = {}
        self._auto: Any = None
        self.size = 0

    def add(self, form: str, target: Target) -> None:
        form = form.strip()
        if not form:
            return
        key = _key(form if self.case_sensitive else safe_lower(form))
        group = self._groups.setdefault(key, [])
        self._lengths[key] = len(form)
        if key[0] == _MARK and form[0] in _SEPARATORS:
            self._leads[key] = form[0]  # ".NET": the full stop itself must be there
        if not group or all(t.id != target.id or t.context != target.context for t in group):
            group.append(target)

    def build(self) -> None:
        auto = ahocorasick.Automaton()
        for key, group in self._groups.items():
            if len(group) > 1 and group[0].taxonomy == "esco":
                group = _prefer_preferred(group)
            real = self._lengths[key]
            last_word = key[-1].isalnum() or key[-1] == "_"
            auto.add_word(key, (tuple(group), real, last_word, self._leads.get(key)))
        if len(auto):
            auto.make_automaton()
        self._auto = auto
        self.size = len(self._groups)
        self._groups, self._lengths, self._leads = {}, {}, {}

    def hits(self, marked: str, original: str) -> Iterator[Hit]:
        """Matches in ``marked`` (the boundary-marked text, with one leading character)."""
        auto = self._auto
        if not len(auto):
            return
        n = len(original)
        for e, (group, real, last_word, lead) in auto.iter(marked):
            end = e  # ``marked`` is ``original`` shifted by one
            start = end - real
            if lead is not None and (start < 0 or original[start] != lead):
                continue
            if last_word and end < n:
                nxt = original[end]
                if nxt.isalnum() or nxt in "_+#":
                    if (
                        nxt in "sS"
                        and real >= 3
                        and (end + 1 == n or not (original[end + 1].isalnum()))
                        and original[end - 1].isalpha()
                    ):
                        end += 1
                    else:
                        continue
            for target in group:
                yield Hit(start, end, target)


def _careermap_target(
    skill: Skill,
    form: str,
    case: bool,
    context: tuple[str, ...] = (),
    neighbours: bool = True,
) -> Target:
    method: Method = "exact" if form.strip().lower() == skill.label.lower() else "alias"
    return Target(
        "careermap", skill.id, skill.label, form, method, case, skill.category, context, neighbours
    )


def _prefer_preferred(group: list[Target]) -> list[Target]:
    preferred = [t for t in group if t.method == "exact"]
    return preferred if preferred else group[:3]


def _has_capital(form: str) -> bool:
    return form.lower() != form


class Lexicon:
    """Every surface form careermap looks for, compiled into automata.

    Build it with the careermap skills and, optionally, ESCO entries; the ESCO automata
    are compiled on first use, so a careermap-only extraction never pays for them.
    """

    def __init__(
        self,
        skills: Iterable[Skill],
        esco: Iterable[EscoEntry] | None = None,
        *,
        stoplist: frozenset[str] | None = None,
    ) -> None:
        self.skills: dict[str, Skill] = {s.id: s for s in skills}
        self._esco_source = esco
        self._stoplist = load_stoplist() if stoplist is None else stoplist
        self._lock = threading.Lock()
        self._esco: tuple[_Automaton, _Automaton] | None = None
        self.esco_labels: dict[str, str] = {}
        #: ESCO skill URI -> careermap skills that list it
        self.careermap_for_esco: dict[str, tuple[str, ...]] = {}
        for s in self.skills.values():
            for uri in s.esco_uris():  # exact and close links only
                self.careermap_for_esco[uri] = (*self.careermap_for_esco.get(uri, ()), s.id)
        #: careermap's two-word names matched in any case ("prompt evaluation"), for the
        #: names a coordination leaves a word out of
        self._pairs: dict[tuple[str, str], list[Target]] = {}
        self._careermap = self._build_careermap()
        #: the last words of the two-word names, for skipping joins quickly
        self._pair_seconds = frozenset(second for _, second in self._pairs)

    @property
    def has_esco(self) -> bool:
        return self._esco_source is not None

    def _build_careermap(self) -> tuple[_Automaton, _Automaton]:
        ci, cs = _Automaton(False), _Automaton(True)
        for s in self.skills.values():
            target = partial(_careermap_target, s)
            ambiguous = {a.alias.strip().lower() for a in s.ambiguous}
            for form in [s.label, *s.aliases]:
                if form.strip().lower() in ambiguous:
                    continue  # the ambiguous entry governs this form
                if len(form.strip()) <= 2:
                    cs.add(form, target(form, True))  # "R", "Go", "C" as a label: exact case
                else:
                    t = target(form, False)
                    ci.add(form, t)
                    words = safe_lower(form).split()
                    if len(words) == 2 and all(_WORD.fullmatch(w) for w in words):
                        group = self._pairs.setdefault((words[0], words[1]), [])
                        if all(g.id != t.id for g in group):
                            group.append(t)
            for form in s.case_sensitive_aliases:
                cs.add(form, target(form, True))
            for amb in s.ambiguous:
                ctx = tuple(w.lower() for w in amb.context)
                (cs if amb.case_sensitive else ci).add(
                    amb.alias, target(amb.alias, amb.case_sensitive, ctx, amb.neighbours)
                )
        ci.build()
        cs.build()
        return ci, cs

    def _esco_automata(self) -> tuple[_Automaton, _Automaton]:
        with self._lock:
            if self._esco is not None:
                return self._esco
            ci, cs = _Automaton(False), _Automaton(True)
            for entry in self._esco_source or ():
                self.esco_labels[entry.uri] = entry.label
                for form in (entry.label, *entry.alt_labels):
                    method: Method = "exact" if form == entry.label else "alias"
                    for variant in _esco_variants(form):
                        if not self._keep_esco(variant):
                            continue
                        case = _has_capital(variant)
                        t = Target("esco", entry.uri, entry.label, variant, method, case)
                        (cs if case else ci).add(variant, t)
            ci.build()
            cs.build()
            self._esco = (ci, cs)
            return self._esco

    def _keep_esco(self, form: str) -> bool:
        return len(form) >= ESCO_MIN_CHARS and form.lower() not in self._stoplist

    @property
    def size(self) -> dict[str, int]:
        """Number of distinct keys per automaton (for benchmarks and tests)."""
        out = {"careermap": self._careermap[0].size + self._careermap[1].size}
        if self._esco is not None:
            out["esco"] = self._esco[0].size + self._esco[1].size
        return out

    def hits(self, text: str, taxonomy: Taxonomy) -> list[Hit]:
        """Every boundary-respecting match of ``taxonomy``'s forms, overlaps included."""
        autos = self._careermap if taxonomy == "careermap" else self._esco_automata()
        marked = mark_boundaries(" " + text)
        out = list(autos[1].hits(marked, text))
        out.extend(autos[0].hits(safe_lower(marked), text))
        if taxonomy == "careermap" and self._pairs:
            out.extend(self._elided(text))
        return out

    def _elided(self, text: str) -> Iterator[Hit]:
        """Two-word names a coordination leaves a word out of (see the module docstring),
        each found on the word that stands alone. Only the words around each "and", "or"
        and "&" are read, so the cost follows the joins, not the length of the text."""
        low = safe_lower(text)
        pairs, seconds = self._pairs, self._pair_seconds
        for j in _JOIN.finditer(low):
            after = _WORDS_AFTER.match(low, j.end(), j.end() + _AROUND_JOIN)
            if after is None or not (after.group(1) in seconds or after.group(2) in seconds):
                continue  # no name ends on a word after the join: nothing to read back
            one = _word_before(low, j.start(1))
            if one is None:
                continue
            two = _word_before(low, one[0])
            if two is not None:
                # "prompt writing and evaluation": prompt + evaluation, on "evaluation"
                for t in pairs.get((low[two[0] : two[1]], after.group(1)), ()):
                    yield Hit(after.start(1), after.end(1), t)
            if after.group(2):
                # "unit and integration testing": unit + testing, on "unit"
                for t in pairs.get((low[one[0] : one[1]], after.group(2)), ()):
                    yield Hit(one[0], one[1], t)


def _word_before(low: str, i: int) -> tuple[int, int] | None:
    """The whole word that ends before ``low[i]`` with only white space between (at most
    ``_AROUND_JOIN`` characters back), or None."""
    stop = max(0, i - _AROUND_JOIN)
    k = i
    while k > stop and low[k - 1].isspace():
        k -= 1
    end = k
    if end == i:
        return None  # no white space before the join
    while k > stop and (low[k - 1].isalnum() or low[k - 1] in "_+#-"):
        k -= 1
    if k == stop and k > 0 and (low[k - 1].isalnum() or low[k - 1] in "_+#-"):
        return None  # a word longer than the look-back
    while k < end and not low[k].isalnum():
        k += 1  # a word starts with a letter or digit
    return (k, end) if k < end else None


def _esco_variants(form: str) -> list[str]:
    """The label, and the label without a trailing qualifier ("Python (computer programming)")."""
    form = form.strip()
    out = [form]
    bare = _PARENTHESIS.sub("", form)
    if bare and bare != form:
        out.append(bare)
    return out


def resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (then the leftmost).

    Hits of the same span all stay, once per skill (a label before an alias). Linear in
    the total length of the hits: taken characters are marked in one bytearray.
    """
    ordered = sorted(hits, key=lambda h: (h.start - h.end, h.start, h.target.method != "exact"))
    kept: list[Hit] = []
    spans: set[tuple[int, int]] = set()
    seen: set[tuple[int, int, str]] = set()
    end = max((h.end for h in hits), default=0)
    taken = bytearray(end)
    for h in ordered:
        ident = (h.start, h.end, h.target.id)
        if ident in seen:
            continue
        if (h.start, h.end) in spans:
            seen.add(ident)
            kept.append(h)
            continue
        if taken.find(1, h.start, h.end) >= 0:
            continue
        taken[h.start : h.end] = b"\x01" * (h.end - h.start)
        spans.add((h.start, h.end))
        seen.add(ident)
        kept.append(h)
    kept.sort(key=lambda h: (h.start, h.end))
    return kept


def default_lexicon() -> Lexicon:
    """The lexicon of the shipped knowledge base and ESCO (built once, by the runtime)."""
    from careermap.runtime import get_runtime

    return get_runtime().lexicon


def shipped_esco() -> Iterator[EscoEntry]:
    """Every ESCO skill shipped in careermap's broad layer, with its labels."""
    from careermap.knowledge import broad

    for row in broad.esco_skills():
        yield EscoEntry(row.uri, row.label, row.alt_labels)
