"""Certifications a document says the person holds, by their titles, exam codes and aliases.

A name is matched as whole words: in any case when it says what it is ("AWS Certified
Solutions Architect – Associate", "Azure AI Fundamentals"), in its own case otherwise
("CKA", "AIGP", "SAA-C03"); names with no letter ("004") never. A certification named in a
sentence that says it is still to come ("preparing for the CKA", "AIGP expected 2027") or
not held ("no certifications") is not held. Each held certification shows the skills it
attests, at the levels ``certifications.yaml`` gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careermap.extract.context import SentenceContext
from careermap.extract.sentences import Sentence, sentence_at
from careermap.knowledge.loader import KnowledgeBase
from careermap.profile import Evidence

__all__ = ["NOT_YET", "find_certifications", "not_held"]

_SAYS_WHAT_IT_IS = re.compile(
    r"\b(?:certified|certification|certificate|associate|professional|practitioner|"
    r"specialty|administrator|fundamentals)\b",
    re.I,
)
#: a sentence that says a credential or course is still to come
NOT_YET = re.compile(
    r"\b(?:preparing|prepare|studying|study|working (?:towards?|on)|pursuing|planned|planning|"
    r"plan to|aim to|intend to|will take|scheduled|booked|expected|in progress|enrolled|"
    r"currently taking|next year)\b",
    re.I,
)


@dataclass(frozen=True)
class _Index:
    pattern: re.Pattern[str]
    owner: dict[str, str]  # matched text (as found) -> certification id
    folded: dict[str, str]  # lower-cased name -> id, for the names matched in any case


def _index(kb: KnowledgeBase) -> _Index:
    from careermap.runtime import get_runtime

    return get_runtime().memo("certification_names", id(kb), lambda: _build(kb))


def _build(kb: KnowledgeBase) -> _Index:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for cert in kb.certifications.values():
        for name in cert.names():
            name = " ".join(name.split())
            if not re.search(r"[A-Za-z]", name) or len(name) < 3:
                continue
            if _SAYS_WHAT_IT_IS.search(name):
                folded.setdefault(name.lower(), cert.id)
            else:
                exact.setdefault(name, cert.id)
    parts = [re.escape(n) for n in sorted(exact, key=len, reverse=True)]
    parts += [f"(?i:{re.escape(n)})" for n in sorted(folded, key=len, reverse=True)]
    body = "|".join(parts) if parts else r"(?!x)x"
    return _Index(re.compile(rf"(?<![\w-])(?:{body})(?![\w-])"), exact, folded)


def find_certifications(
    text: str, sentences: list[Sentence], kb: KnowledgeBase
) -> dict[str, Evidence]:
    """Certification id -> the sentence that shows the person holds it."""
    index = _index(kb)
    starts = [s.start for s in sentences]
    held: dict[str, Evidence] = {}
    tried: set[tuple[str, int]] = set()  # each certification is judged once per sentence
    for m in index.pattern.finditer(text):
        found = m.group()
        cert = index.owner.get(found) or index.folded.get(" ".join(found.lower().split()))
        if cert is None or cert in held:
            continue
        if sentences:
            sent = sentences[sentence_at(sentences, starts, m.start())]
        else:
            sent = Sentence(0, len(text), text)
        if (cert, sent.start) in tried:
            continue
        tried.add((cert, sent.start))
        if not_held(sent, m.start(), m.end()):
            continue
        held[cert] = Evidence(text=sent.text, start=sent.start, end=sent.end)
    return held


#: how much of a sentence around a name is read for what is said of it
_AROUND = 240


def not_held(sent: Sentence, start: int, end: int) -> bool:
    """Whether the sentence says the credential or course at ``start:end`` (offsets in the
    text) is still to come ("preparing for", "enrolled in") or not held ("no ..."). Only
    the words around the name are read, so a flood of names costs linear time."""
    a = max(0, start - sent.start - _AROUND)
    b = min(len(sent.text), end - sent.start + _AROUND)
    window = sent.text[a:b]
    if NOT_YET.search(window):
        return True
    rel = start - sent.start - a
    span = (rel, rel + end - start)
    return SentenceContext(window, [span]).negated(*span)
