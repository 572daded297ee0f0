"""What the words around a mention say: proficiency, years of use, negation.

Heuristics (each reads only the mention's own sentence):

Proficiency cue
    A cue before the mention ("expert in", "proficient in", "strong", "familiar with",
    "exposure to", "some experience with", "currently learning") or right after it in
    brackets, after a colon or a dash ("Python (advanced)", "SQL: basic", "OpenAI API (one
    prototype)": a single project is a first use), "at a basic level", a closing "but only
    at a basic level" for everything before it in the sentence, or a beginner's
    word after "is" ("my machine learning is basic"), or "now and then" or "occasionally"
    after it; a table row whose last cell is a level gives it to every name in the row
    ("| Automation | Ansible, Bash | advanced |"). Between a cue
    before and the mention there may be only other mentions, list separators and
    connecting words ("Expert in Python, SQL and Docker" gives all three), so "strong
    communication with Python teams" does not make Python advanced. The nearest cue wins.
    Levels: expert, advanced, proficient, deep/extensive/in-depth, mastery, fluent ->
    advanced; strong, solid, good, working knowledge, hands-on, intermediate, competent,
    comfortable, experienced, daily, day-to-day -> intermediate; familiar, basic, exposure, some
    experience, beginner, learning, introductory, novice, limited, "just started
    using", "new to", "tried", "experimented with" -> foundational.

Years
    "5+ years of Python", "3-5 years experience with SQL" (the lower bound), "over two
    years of hands-on experience in Go" (spelled numbers one to twenty, "a couple of"),
    before the mention under the same gap rule as cues ("For two years I have been working
    daily with ChatGPT"); or right after it: "Python (3 years)", "Python - 5 yrs", "ChatGPT
    for two years"; or for the trade the mention names: "Python developer with
    5 years' experience".

Negation
    "no", "not", "never", "n't", "without", "lack of", "unfamiliar with", "nor" within six
    words before the mention ("without": three) and in the same clause: a comma,
    semicolon, colon, full stop, bracket or a contrast word ("but", "however", "although",
    "while", "whereas", "yet", "except") closes the clause. "No-code", "not only",
    "not just", "no longer" and "not limited to" are not negations, nor is "without" after
    another negation ("nothing goes live without a human edit").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from careermap.knowledge.schemas import Level

__all__ = ["SentenceContext", "find_level", "find_years", "is_negated", "parse_number"]

_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "a couple of": 2,
    "a couple": 2,
}
_NUM = r"(?:\d{1,2}(?:\.\d)?|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_YEARS = (  # "over", "at least", "about" before the number change nothing
    rf"\b(?P<n>{_NUM})(?:\s*(?:-|–|to)\s*{_NUM})?\s*\+?\s*(?:years?|yrs?)\b['’]?"
)
_YEARS_RE = re.compile(_YEARS)
_YEARS_AFTER = re.compile(r"\s*(?:\(|:|-|–|—|\s+for)\s*" + _YEARS)
#: "Strong Python, 5+ years." : after a comma, the years end the clause
_YEARS_AFTER_COMMA = re.compile(
    r"\s*,\s*" + _YEARS + r"(?:\s+(?:of\s+)?experience)?\s*(?P<end>[.;),]|$)"
)
#: "Python developer with 5 years' experience", "Data-protection solicitor with nine
#: years'": the skill names the person's trade, and the years are the trade's
_YEARS_AS_TRADE = re.compile(
    r"[\s-]+(?:[a-z]+\s+)?(?:developer|engineer|programmer|solicitor|lawyer|attorney|analyst|"
    r"specialist|consultant|administrator|designer|architect|scientist|researcher|writer|"
    r"marketer|manager|professional|practitioner)s?\s+with\s+(?:over\s+|more\s+than\s+|"
    r"nearly\s+|almost\s+|about\s+|around\s+)?" + _YEARS
)
#: where a clause starts: the sentence start, or a stop, semicolon, colon or line break
_CLAUSE_START = re.compile(r"[.;:\n•|]")

_ADVANCED = (
    r"expert(?:ise)?|advanced|proficient|proficiency|deep|extensive|in-depth|mastery|"
    r"highly skilled|fluent|fluency|specialist|specialised|specialized"
)
_INTERMEDIATE = (
    r"strong|solid|good|working knowledge|hands-on|intermediate|competent|comfortable|"
    r"experienced|practical experience|proven experience|demonstrated experience|daily|"
    r"every day|day-to-day|day to day"
)
_FOUNDATIONAL = (
    r"familiar|familiarity|basic|basics|exposure|some (?:experience|exposure|knowledge|"
    r"familiarity)|(?:know|knows|knew|learned|learnt) some|some|a little|a bit of|"
    r"(?:i )?can read|beginner|"
    r"(?:currently |now )?learning|introductory|novice|elementary|limited|foundational|"
    r"entry-level|(?:recently|just) (?:started|begun|began) (?:to use|using|with)|"
    r"this (?:year|month),? (?:i |we )?(?:have )?(?:started|began|begun) "
    r"(?:to use|using|with)|"
    r"(?:starting|beginning) to use|new to|getting started with|tried|trialled|trialed|"
    r"experimented with|played (?:around )?with|dabbled (?:in|with)|tinkered with"
)
_CUES = re.compile(
    rf"\b(?<!-)(?:(?P<advanced>{_ADVANCED})|(?P<intermediate>{_INTERMEDIATE})|"
    rf"(?P<foundational>{_FOUNDATIONAL}))(?![\w-])"
)
#: a single piece of work, a first use: "OpenAI API (one prototype)"
_ONE_USE = (
    r"(?:only )?(?:one|a single|a|1) (?:small )?(?:product )?(?:prototype|project|pilot|"
    r"proof of concept|poc|spike|integration)"
)
#: ... also after a comma: "TensorFlow Lite, one product integration"
_CUE_ONE_USE = re.compile(rf"\s*,\s*{_ONE_USE}(?![\w-])")
#: a level word standing alone after a name ("Python (advanced)") or in a row's last cell
_LEVEL_WORD = (
    r"(?:(?P<advanced>expert|advanced|proficient|fluent|native)|"
    r"(?P<intermediate>intermediate|good|working knowledge|competent|solid|strong)|"
    r"(?P<foundational>basics?|beginner|foundational|familiar|learning|novice|elementary|"
    rf"{_ONE_USE}))"
)
_CUE_AFTER = re.compile(rf"\s*(?:\(|:|-|–|—)\s*{_LEVEL_WORD}(?![\w-])")
#: "Python at a basic level", "SQL to an advanced level"
_CUE_AT_LEVEL = re.compile(
    rf"\s+(?:at|to)\s+(?:a|an)\s+(?:fairly\s+|very\s+|quite\s+)?{_LEVEL_WORD}\s+level\b"
)
#: "..., but only at a basic level": the level of everything the clause before names
_CUE_BUT_ONLY = re.compile(
    rf",?\s*but\s+only\s+(?:at|to)\s+(?:a|an)\s+(?:fairly\s+|very\s+)?{_LEVEL_WORD}"
    r"\s+level\b"
)
#: a table row whose last cell is a level: it is the level of every name in the row
_ROW_LEVEL = re.compile(rf"\|\s*{_LEVEL_WORD}\s*\|?\s*$")
#: how far from a sentence's end a row's last cell is looked for
_ROW_CELL = 60
#: a tool used only now and then: "ChatGPT now and then for first drafts"
_CUE_SELDOM = re.compile(
    r"\s+(?:(?:every\s+)?now and then|occasionally|from time to time|once in a while)\b"
)
#: what joins names into one item, so that a cue after the last is each one's
_TIGHT_JOIN = re.compile(r"\s*/\s*|\s+in\s+|\s+with\s+")
#: a beginner's word after "is": "my machine learning is basic", "SQL is still limited"
_CUE_IS_BASIC = re.compile(
    r"\s+(?:is|are|remains?|stays?)\s+(?:still\s+|fairly\s+|quite\s+|very\s+|rather\s+|"
    r"pretty\s+|only\s+)?(?:basic|limited|elementary|rudimentary|beginner-level|entry-level)"
    r"(?![\w-])"
)
_LIST_WORDS = (
    r"and|or|in|with|of|at|on|to|using|including|plus|the|both|experience|knowledge|skills?|"
    r"understanding|command|programming|development|languages?|frameworks?|tools?|"
    r"libraries|platforms?|concepts?|such as|like|e\.g\."
)
_GAP = re.compile(rf"(?:[\s,/&|:+(]|\b(?:{_LIST_WORDS})\b)*")
#: after a number of years: "5+ years of professional experience with ..."
_YEARS_GAP = re.compile(
    rf"(?:[\s,/&|:+(]|\b(?:{_LIST_WORDS}|for|professional|hands-on|industry|commercial|"
    r"relevant|practical|working|production|solid|strong|proven|developing|coding|"
    r"building|writing|keeping|running|managing|maintaining|operating|administering|"
    r"supporting|using|designing|leading|deploying|automating|a|an|i|we|have|has|had|been|"
    r"daily)\b)*"
)
_NEGATION = re.compile(
    r"\b(?<!-)(?:(?P<close>without)|no(?!-)|not|never|nor|none|\w+n['’]t|lack(?:s|ing)?"
    r"(?:\s+of)?|unfamiliar)(?![\w-])"
)
#: most characters before a "without" read for the negation it turns round
_DOUBLE_REACH = 80
#: a negation that a later "without" turns round: "nothing ships without review"
_FIRST_NEGATION = re.compile(r"\b(?:nothing|nobody|no one|never|none|no|not|\w+n['’]t)\b")
_NOT_NEGATION = re.compile(
    r"no longer|not only|not just|not limited|not restricted|not necessarily"
)
_CLAUSE_END = re.compile(  # "yet" right after "not" ("have not yet deployed") is the negation
    r"[,;:.!?()\[\]|]|\b(?:but|however|although|though|while|whereas|except|"
    r"(?<!not )(?<!n't )(?<!n’t )(?<!never )yet)\b"
)
#: a negation right after the mention: "Kubernetes: none", "Machine learning: no
#: hands-on experience yet", "Docker (not yet)", "SQL - never used"; a "no" there must be
#: the answer or name the experience: "C++17 (no exceptions or RTTI)" is no negation
_NEGATION_AFTER = re.compile(
    r"\s*(?::|-|–|—|\()\s*(?:none\b|never\b|n/a\b|nil\b|"
    r"no(?![\w-])(?=\s*(?:[).,;]|$|(?:real|formal|practical|professional|commercial|"
    r"production|prior|previous|hands-on|direct|actual)\b|(?:experience|exposure|use|"
    r"knowledge|background|training)\b))|"
    r"not(?!\s+(?:only|just|limited|restricted|necessarily))\b)"
)
#: the words that may come before a negation the writer says of themselves, and how many
_OWN_WORDS = frozenset(
    [
        "i",
        "i've",
        "i'm",
        "i'd",
        "we",
        "we've",
        "my",
        "our",
        "myself",
        "personally",
        "have",
        "has",
        "had",
        "do",
        "did",
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "so",
        "far",
        "yet",
        "still",
        "also",
        "really",
        "honestly",
        "currently",
        "and",
        "but",
    ]
)
_OWN_REACH = 5
_OWN_CHARS = 64
_WORD = re.compile(r"[a-z][a-z'’]*")
#: between two items of one list: "Python, SQL or R", "Docker and/or Kubernetes"
_LIST_GAP = re.compile(r"\s*(?:,|/|&|\+|and\b|or\b|nor\b|and/or\b)?\s*(?:and\b|or\b)?\s*")
#: what follows a bare list item: another item, or the end of the clause
_ITEM_END = re.compile(r"\s*(?:[,;.!?)/&]|and\b|or\b|nor\b|$)")

Span = tuple[int, int]

#: most characters between a cue (or a number of years) and the mention it governs:
#: "Expert in" may lead a list of some thirty names, never a whole page
_MAX_GAP = 400
#: longest lexical mention (a long ESCO label); spans are looked up within this reach
_MAX_SPAN = 200
#: most words between a negation and the mention it governs ("without": fewer)
_NEGATION_WORDS = 6
_WITHOUT_WORDS = 3


def parse_number(word: str) -> float:
    """A number of years as written: "5", "2.5", "two", "a couple of"."""
    word = word.strip().lower()
    if word in _NUMBERS:
        return float(_NUMBERS[word])
    return float(word)


def _level_of(m: re.Match[str]) -> Level:
    if m.group("advanced"):
        return "advanced"
    if m.group("intermediate"):
        return "intermediate"
    return "foundational"


class SentenceContext:
    """The cues, years and negations of one sentence, found once for all its mentions.

    ``spans`` are the offsets (in the sentence) of every mention in it. Every look-up is
    a binary search over what was found once, so a sentence with thousands of mentions
    (a pasted list) costs time in proportion to its length.
    """

    __slots__ = (
        "_but_only",
        "_clauses",
        "_cue_ends",
        "_cues",
        "_denied",
        "_neg_ends",
        "_negations",
        "_row",
        "_row_read",
        "_starts",
        "_years",
        "_years_ends",
        "low",
        "sentence",
        "spans",
    )

    def __init__(self, sentence: str, spans: Sequence[Span] = ()) -> None:
        self.sentence = sentence
        low = sentence.lower()  # every pattern here is lower case
        self.low = low if len(low) == len(sentence) else sentence
        self.spans = sorted(set(spans))
        self._starts = [a for a, _ in self.spans]
        self._cues: list[tuple[int, int, Level]] | None = None
        self._cue_ends: list[int] = []
        self._years: list[tuple[int, int, float]] | None = None
        self._years_ends: list[int] = []
        self._clauses: list[int] | None = None
        self._negations: list[tuple[int, int, bool]] | None = None
        self._neg_ends: list[int] = []
        self._denied: dict[int, bool] = {}
        self._row: tuple[int, Level] | None = None
        self._but_only: list[tuple[int, Level]] | None = None
        self._row_read = False

    # ---- spans ---------------------------------------------------------------------------
    def _inside_span(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        while i >= 0 and self._starts[i] > pos - _MAX_SPAN:
            if self.spans[i][0] <= pos < self.spans[i][1]:
                return True
            i -= 1
        return False

    def _alone_in_clause(self, start: int) -> bool:
        """Whether no other mention comes before ``start`` in its clause ("Strong Python,
        5+ years", not "Python, SQL, 5+ years", where the years are not only SQL's)."""
        i = bisect_left(self._starts, start) - 1
        if i < 0:
            return True
        previous_end = self.spans[i][1]
        if start - previous_end > _MAX_GAP:
            return True
        return bool(_CLAUSE_START.search(self.low, previous_end, start))

    def _row_level(self) -> tuple[int, Level] | None:
        """Where a table row's last cell gives a level, and the level (found once)."""
        if not self._row_read:
            m = _ROW_LEVEL.search(self.low, max(0, len(self.low) - _ROW_CELL))
            self._row = (m.start(), _level_of(m)) if m else None
            self._row_read = True
        return self._row

    def _joined_end(self, end: int) -> int:
        """Where the run of mentions tightly joined to the one ending at ``end`` ends:
        "Python/pandas in Jupyter (basic)" is one item, and its cue is each name's."""
        for _ in range(8):  # a run of a few names, never a whole list
            joint = _TIGHT_JOIN.match(self.low, end)
            if not joint:
                break
            i = bisect_left(self._starts, joint.end())
            if i >= len(self.spans) or self.spans[i][0] != joint.end():
                break
            end = self.spans[i][1]
        return end

    def _follows_a_mention(self, pos: int) -> bool:
        """Whether a mention ends just before ``pos``, a comma between ("Tableau, 3 years")."""
        i = bisect_left(self._starts, pos) - 1
        return i >= 0 and bool(re.fullmatch(r"\s*,\s*", self.low[self.spans[i][1] : pos]))

    def _gap(self, a: int, b: int, own: Span) -> str | None:
        """``low[a:b]`` with the other mentions in it blanked out (None if ``b < a``)."""
        if b < a:
            return None
        parts: list[str] = []
        at = a
        i = bisect_left(self._starts, a - _MAX_SPAN)
        while i < len(self.spans) and self.spans[i][0] < b:
            s, e = self.spans[i]
            i += 1
            if (s, e) == own or e <= at:
                continue
            lo, hi = max(s, at), min(e, b)
            if lo >= hi:
                continue
            parts.append(self.low[at:lo])
            parts.append(" " * (hi - lo))
            at = hi
        parts.append(self.low[at:b])
        return "".join(parts)

    # ---- level and years -----------------------------------------------------------------
    def level(self, start: int, end: int) -> Level | None:
        """Level a cue gives the mention at ``sentence[start:end]``: the nearest cue before
        it, when only other mentions and list words stand between (a farther cue would
        have the nearer one in between), or a cue right after it."""
        after = _CUE_AFTER.match(self.low, self._joined_end(end)) or _CUE_AT_LEVEL.match(
            self.low, end
        )
        if after:
            return _level_of(after)
        if (
            _CUE_IS_BASIC.match(self.low, end)
            or _CUE_SELDOM.match(self.low, end)
            or _CUE_ONE_USE.match(self.low, end)
        ):
            return "foundational"
        if self._but_only is None:  # read once per sentence, not once per mention
            self._but_only = [(m.start(), _level_of(m)) for m in _CUE_BUT_ONLY.finditer(self.low)]
        k = bisect_left(self._but_only, (end, "")) if self._but_only else 0
        if k < len(self._but_only):
            return self._but_only[k][1]
        row = self._row_level()  # "| Automation | Ansible, Bash | advanced |"
        if row is not None and end <= row[0]:
            return row[1]
        if self._cues is None:
            self._cues = [
                (m.start(), m.end(), _level_of(m))
                for m in _CUES.finditer(self.low)
                if not self._inside_span(m.start())  # "machine learning"
            ]
            self._cue_ends = [e for _, e, _ in self._cues]
        i = bisect_right(self._cue_ends, start) - 1
        if i < 0:
            return None
        _, cue_end, level = self._cues[i]
        if start - cue_end > _MAX_GAP:
            return None
        gap = self._gap(cue_end, start, (start, end))
        return level if gap is not None and _GAP.fullmatch(gap) else None

    def years(self, start: int, end: int) -> float | None:
        """Years of use stated for the mention at ``sentence[start:end]``."""
        after = _YEARS_AFTER.match(self.low[end : end + 40])
        if after:
            return parse_number(after.group("n"))
        after = _YEARS_AFTER_COMMA.match(self.low[end : end + 40])
        if after and self._alone_in_clause(start):
            return parse_number(after.group("n"))
        if " with " in self.low[end : end + 40]:
            after = _YEARS_AS_TRADE.match(self.low[end : end + 80])
            if after:
                return parse_number(after.group("n"))
        if self._years is None:
            low = self.low
            self._years = (
                [(m.start(), m.end(), parse_number(m.group("n"))) for m in _YEARS_RE.finditer(low)]
                if "year" in low or "yr" in low
                else []
            )
            self._years_ends = [e for _, e, _ in self._years]
        i = bisect_right(self._years_ends, start) - 1
        if i < 0:
            return None
        years_start, years_end, value = self._years[i]
        if start - years_end > _MAX_GAP:
            return None
        if self.low[years_end : years_end + 1] == "," and self._follows_a_mention(years_start):
            return None  # "Tableau, 3 years, and SQL": the years are Tableau's
        gap = self._gap(years_end, start, (start, end))
        return value if gap is not None and _YEARS_GAP.fullmatch(gap) else None

    # ---- negation ------------------------------------------------------------------------
    def _find_negations(self) -> list[tuple[int, int, bool]]:
        if self._negations is None:
            self._clauses = [m.end() for m in _CLAUSE_END.finditer(self.low)]
            found: list[tuple[int, int, bool]] = []
            for m in _NEGATION.finditer(self.low):
                if _NOT_NEGATION.match(self.low, m.start()):
                    continue
                close = bool(m.group("close"))
                if close:  # "never release without tests": a double negative, both cancel
                    clause_start = max(self._clause_start(m.start()), m.start() - _DOUBLE_REACH)
                    if _FIRST_NEGATION.search(self.low, clause_start, m.start()):
                        while found and found[-1][0] >= clause_start:
                            found.pop()
                        continue
                found.append((m.start(), m.end(), close))
            self._negations = found
            self._neg_ends = [b for _, b, _ in found]
        return self._negations

    def _own_negations(self) -> list[int]:
        """Where the negations the writer says of themselves start: at the start of their
        clause, or after only the writer's "I", "we", "my" and auxiliaries ("I have not
        built", "Never used", "Machine learning: no hands-on experience"), not a
        negation about something else ("what a fairness metric does and does not
        measure", "the model did not hallucinate")."""
        out = []
        for a, _, _ in self._find_negations():
            start = self._clause_start(a)
            if a - start > _OWN_CHARS:  # more than a few short words: not the writer's
                continue
            words = _WORD.findall(self.low[start:a])
            if len(words) <= _OWN_REACH and all(w in _OWN_WORDS for w in words):
                out.append(a)
        return out

    def _clause_start(self, pos: int) -> int:
        """Where the clause holding ``pos`` starts (once the clauses are read)."""
        clauses = self._clauses or []
        k = bisect_right(clauses, pos) - 1
        return clauses[k] if k >= 0 else 0

    def has_negation(self) -> bool:
        """Whether the writer negates something of themselves in the sentence."""
        return bool(self._own_negations())

    def negated_clauses(self) -> list[str]:
        """The text each of the writer's own negations governs: from the negation to the
        end of its clause ("no hands-on experience training or evaluating models yet")."""
        out: list[str] = []
        clauses = self._clauses or []
        for a in self._own_negations():
            k = bisect_right(clauses, a)
            end = clauses[k] - 1 if k < len(clauses) else len(self.sentence)
            piece = self.sentence[a:end].strip()
            if piece and piece not in out:
                out.append(piece)
        return out

    def _negated_before(self, start: int) -> bool:
        negations = self._find_negations()
        if not negations:
            return False
        clause_start = self._clause_start(start)
        i = bisect_right(self._neg_ends, start) - 1
        while i >= 0:
            a, b, close = negations[i]
            i -= 1
            if a < clause_start:
                break
            words = len(self.sentence[b:start].split(None, _NEGATION_WORDS + 1))
            if words > _NEGATION_WORDS:
                break
            if words <= (_WITHOUT_WORDS if close else _NEGATION_WORDS):
                return True
        return False

    def _previous_item(self, start: int) -> Span | None:
        """The mention just before ``start`` when only a list separator stands between."""
        i = bisect_left(self._starts, start) - 1
        while i >= 0 and self.spans[i][1] > start:  # overlapping spans are not a list
            i -= 1
        if i < 0:
            return None
        ps, pe = self.spans[i]
        if start - pe > 20 or not _LIST_GAP.fullmatch(self.low, pe, start):
            return None
        return ps, pe

    def negated(self, start: int, end: int | None = None) -> bool:
        """Whether the sentence says the person lacks the mention at ``sentence[start:]``:
        a negation shortly before it in the same clause ("no experience with Kubernetes"),
        one right after it ("Kubernetes: none"), or the mention is a later item of a list
        whose earlier item is negated ("no experience with Python, SQL or R")."""
        chain: list[int] = []
        at: Span | None = (start, -1 if end is None else end)
        result = False
        while at is not None:
            s, e = at
            known = self._denied.get(s)
            if known is not None:
                result = known
                break
            chain.append(s)
            if self._negated_before(s) or (e >= 0 and _NEGATION_AFTER.match(self.low, e)):
                result = True
                break
            at = self._previous_item(s) if _ITEM_END.match(self.low, max(e, s)) else None
        for s in chain:  # every item walked shares the answer of the first one decided
            self._denied[s] = result
        return result


def find_level(sentence: str, start: int, end: int, others: Sequence[Span] = ()) -> Level | None:
    """Level a cue gives the mention at ``sentence[start:end]``; ``others`` are the spans
    of the sentence's other mentions (offsets in ``sentence``)."""
    return SentenceContext(sentence, [*others, (start, end)]).level(start, end)


def find_years(sentence: str, start: int, end: int, others: Sequence[Span] = ()) -> float | None:
    """Years of use stated for the mention at ``sentence[start:end]``."""
    return SentenceContext(sentence, [*others, (start, end)]).years(start, end)


def is_negated(
    sentence: str, start: int, end: int | None = None, others: Sequence[Span] = ()
) -> bool:
    """Whether a negation governs the mention at ``sentence[start:end]``."""
    spans = [*others, (start, end)] if end is not None else list(others)
    return SentenceContext(sentence, spans).negated(start, end)
