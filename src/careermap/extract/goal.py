"""Where the person says they want to go: a goal sentence and the role it names.

A sentence matches one of the goal patterns of ``wording.yaml`` ("Looking to move into
generative AI engineering", "Seeking my first role as a machine learning engineer"); its
destination names a role when it holds one of the role's titles, alternative titles or
goal phrases (``knowledge/data/goals.yaml``), as whole words in any case, the longest
match winning. A destination that names no careermap role is kept with ``role=None``;
``specific`` says whether it names a particular role ("quantum engineer") or only a field
("the AI space"). Only the first goal sentence of a document counts, and a sentence that
describes an employer (boilerplate) never does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careermap.errors import DataError
from careermap.extract.sentences import Sentence
from careermap.extract.wording import get_wording
from careermap.knowledge.loader import DATA_DIR, KnowledgeBase
from careermap.profile import Goal
from careermap.validation import read_yaml

__all__ = ["GOALS_FILE", "destination", "find_goal", "role_for"]

GOALS_FILE = DATA_DIR / "goals.yaml"


@dataclass(frozen=True)
class _Phrases:
    pattern: re.Pattern[str]
    roles: dict[str, str]  # lower-case phrase -> role id


def _phrases(kb: KnowledgeBase) -> _Phrases:
    from careermap.runtime import get_runtime

    return get_runtime().memo("goal_phrases", id(kb), lambda: _build(kb))


def _build(kb: KnowledgeBase) -> _Phrases:
    raw = read_yaml(GOALS_FILE, what="goal phrases goals.yaml")
    table = raw.get("roles") if isinstance(raw, dict) else None
    if not isinstance(table, dict):
        raise DataError("goals.yaml: expected a mapping under 'roles'. Reinstall careermap.")
    roles: dict[str, str] = {}
    for role_id, phrases in table.items():
        if role_id not in kb.roles:
            raise DataError(f"goals.yaml names unknown role '{role_id}'. Reinstall careermap.")
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise DataError(f"goals.yaml: role '{role_id}' needs a list of phrases.")
        for phrase in phrases:
            roles.setdefault(phrase.lower().strip(), role_id)
    for role in kb.roles.values():
        for title in (role.title, *role.alt_titles):
            roles.setdefault(" ".join(title.lower().replace(",", " ").split()), role.id)
    alternatives = "|".join(re.escape(p) for p in sorted(roles, key=len, reverse=True))
    return _Phrases(re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), roles)


def role_for(text: str, kb: KnowledgeBase) -> str | None:
    """The role a destination ("generative AI engineering") names, if any."""
    phrases = _phrases(kb)
    flat = " ".join(text.lower().replace(",", " ").split())
    best: str | None = None
    for m in phrases.pattern.finditer(flat):
        if best is None or len(m.group()) > len(best):
            best = m.group()
    return None if best is None else phrases.roles[best]


def find_goal(sentences: list[Sentence], kb: KnowledgeBase) -> Goal | None:
    """The first goal sentence of the text that is not about an employer."""
    wording = get_wording()
    for sentence in sentences:
        if len(sentence.text) > 600 or wording.is_boilerplate(sentence.text):
            continue
        flat = " ".join(sentence.text.split())  # a line break inside it is a space
        phrase = destination(flat)
        if phrase is None:
            continue
        role = role_for(phrase, kb)
        return Goal(
            text=flat,
            phrase=phrase,
            role=role,
            specific=role is not None or bool(wording.role_noun.search(phrase.lower())),
        )
    return None


def destination(flat: str) -> str | None:
    """Where a sentence (its whitespace already collapsed) says the person wants to go, or
    None when it states no goal."""
    wording = get_wording()
    low = flat.lower()
    for pattern in wording.goals:
        m = pattern.search(low)
        if m is None:
            continue
        to = m.group("to").strip(" ,:-–—")
        if not to or not wording.destination.search(to):
            continue
        a = m.start("to")
        return flat[a : a + len(to)]
    return None
