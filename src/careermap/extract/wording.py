"""Word data for reading a person (``wording.yaml``), validated and compiled once.

What is not about the person (an employer's "about us", benefits, equal-opportunity
statements), what a posting only prefers, the verbs that say a skill was used, and how
people say where they want to go. Patterns are matched against lower-cased text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careermap.validation import RegexText, read_model

__all__ = [
    "COLLEAGUE_AFTER_CHARS",
    "COLLEAGUE_BEFORE_CHARS",
    "WORDING_FILE",
    "Wording",
    "get_wording",
]

WORDING_FILE = Path(__file__).with_name("wording.yaml")
#: how much of a sentence around a mention the colleague check reads, before and after it
COLLEAGUE_BEFORE_CHARS = 60
COLLEAGUE_AFTER_CHARS = 40
#: a negation just before an action verb ("do not write", "have never built")
_NEGATED_VERB = re.compile(r"\b(?:not|never|n't|no longer|cannot|no)\s+(?:\w+\s+){0,2}$")


class _Denial(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: RegexText
    skills: list[str] = Field(min_length=1)


class _Raw(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(ge=1)
    boilerplate_headings: list[str] = Field(min_length=1)
    boilerplate_sentences: list[RegexText] = Field(min_length=1)
    preferred_markers: list[RegexText] = Field(min_length=1)
    action_verbs: list[RegexText] = Field(min_length=1)
    goal_patterns: list[RegexText] = Field(min_length=1)
    destination_words: list[RegexText] = Field(min_length=1)
    role_nouns: list[RegexText] = Field(min_length=1)
    colleague_nouns: list[RegexText] = Field(min_length=1)
    colleague_before: list[RegexText] = Field(min_length=1)
    colleague_groups: list[RegexText] = Field(min_length=1)
    colleague_group_before: list[RegexText] = Field(min_length=1)
    aspirations: list[RegexText] = Field(min_length=1)
    denials: list[_Denial] = Field(min_length=1)

    @field_validator("goal_patterns")
    @classmethod
    def _names_the_destination(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            if "to" not in re.compile(p).groupindex:
                raise ValueError(f"goal pattern {p!r} has no group named 'to'")
        return patterns


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@dataclass(frozen=True)
class Wording:
    boilerplate_headings: frozenset[str]
    boilerplate: re.Pattern[str]
    preferred: re.Pattern[str]
    action: re.Pattern[str]
    goals: tuple[re.Pattern[str], ...]
    destination: re.Pattern[str]
    role_noun: re.Pattern[str]
    colleague_noun: re.Pattern[str]
    colleague_before: re.Pattern[str]
    colleague_group: re.Pattern[str]
    colleague_group_before: re.Pattern[str]
    aspiration: re.Pattern[str]
    denials: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]

    def denied_by(self, sentence: str) -> list[str]:
        """Skill ids a sentence denies as a whole kind of work ("I am not a programmer")."""
        low = " ".join(sentence.lower().split())
        out: list[str] = []
        for pattern, skills in self.denials:
            if pattern.search(low):
                out.extend(s for s in skills if s not in out)
        return out

    def names_a_colleague(self, before: str, mention: str, after: str = "") -> bool:
        """Whether a mention is someone else's, from the words of its sentence around it:
        a role ("with a product owner", "reported to the tech lead") or other people's trade
        ("collaborated with our Python developers"; a team, "with two Scrum teams", is not
        a trade)."""
        tail = " ".join(before[-COLLEAGUE_BEFORE_CHARS:].lower().split())
        tail = tail + " " if tail else tail
        if self.colleague_noun.search(mention.lower().rstrip()):
            return bool(self.colleague_before.search(tail))
        head = " " + " ".join(after[:COLLEAGUE_AFTER_CHARS].lower().split())
        return bool(self.colleague_group.search(head)) and bool(
            self.colleague_group_before.search(tail)
        )

    def is_aspiration(self, sentence: str) -> bool:
        return bool(self.aspiration.search(" ".join(sentence.lower().split())))

    def is_boilerplate(self, sentence: str) -> bool:
        return bool(self.boilerplate.search(sentence.lower()))

    def is_preferred(self, sentence: str) -> bool:
        return bool(self.preferred.search(sentence.lower()))

    def describes_use(self, sentence: str) -> bool:
        """Whether the sentence says something was done ("built", "deployed", "used"),
        not counting a verb the sentence negates ("do not write", "never built", "no model
        training")."""
        low = sentence.lower()
        for m in self.action.finditer(low):
            before = low[max(0, m.start() - 24) : m.start()]
            if not _NEGATED_VERB.search(before):
                return True
        return False


def load_wording(path: Path = WORDING_FILE) -> Wording:
    data = read_model(path, _Raw, what=f"word data {path.name}")
    return Wording(
        boilerplate_headings=frozenset(h.lower() for h in data.boilerplate_headings),
        boilerplate=_any(data.boilerplate_sentences),
        preferred=_any(data.preferred_markers),
        action=_any(data.action_verbs),
        goals=tuple(re.compile(p) for p in data.goal_patterns),
        destination=_any(data.destination_words),
        role_noun=_any(data.role_nouns),
        colleague_noun=_any(data.colleague_nouns),
        colleague_before=_any(data.colleague_before),
        colleague_group=_any(data.colleague_groups),
        colleague_group_before=_any(data.colleague_group_before),
        aspiration=_any(data.aspirations),
        denials=tuple((re.compile(d.pattern), tuple(d.skills)) for d in data.denials),
    )


def get_wording() -> Wording:
    """The shipped word data, loaded once by the runtime."""
    from careermap.runtime import get_runtime

    return get_runtime().cached("wording", load_wording)
