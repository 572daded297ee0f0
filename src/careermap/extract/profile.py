"""From mentions to a :class:`~careermap.profile.Profile`: one level per careermap skill.

The rule, per skill, over its mentions that are not negated (careermap mentions, and ESCO
mentions of a URI that this skill alone lists, where no careermap mention of the skill
covers the same words):

1. an explicit cue wins ("expert in", "familiar with"): the highest cue stated;
2. else years: the most stated in the text, or, when the document dates its positions,
   the time covered by the positions whose text mentions the skill (overlaps counted
   once) -- under 2 years foundational, 2 to 5 intermediate, over 5 advanced;
3. else where it is mentioned: used in a sentence of the experience, projects or
   summary sections, or in running prose of a text without sections -> intermediate;
   only listed (a skills section, a "Skills: ..." line, a comma list) -> foundational.
   A skill found only by meaning (semantic stage) is foundational.

Confidence combines the mentions' confidences as independent evidence
(1 - prod(1 - c)), capped at 0.99. Negated mentions do not count: a skill with only
negated mentions is not in the profile (the mentions stay in
:attr:`~careermap.extract.mention.Extraction.negated`), and a negated sentence is never
evidence. Titles and years of experience come from the document's positions (titles
newest first; overlapping positions counted once).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from careermap.knowledge.schemas import LEVELS, Level
from careermap.profile import Evidence, Profile, ProfileSkill

if TYPE_CHECKING:
    from careermap.documents.model import Document, Position
    from careermap.extract.mention import Extraction, Mention

__all__ = ["build_profile", "esco_stand_in", "level_for_years", "merged_years", "position_years"]

_USED_SECTIONS = frozenset({"experience", "projects", "summary"})
_LIST_LINE = re.compile(r"^[^:]{0,40}:\s*\S|[,|•·;/]")
_MAX_EVIDENCE = 5


def esco_stand_in(m: Mention) -> str | None:
    """The careermap skill an ESCO mention stands for: the one skill listing its URI.

    A URI several careermap skills list ("cloud technologies": AWS, Azure, Google Cloud)
    says nothing about which of them the person has, so it stands for none.
    """
    if m.taxonomy == "esco" and len(m.careermap_ids) == 1:
        return m.careermap_ids[0]
    return None


def level_for_years(years: float) -> Level:
    if years < 2:
        return "foundational"
    if years <= 5:
        return "intermediate"
    return "advanced"


def _months(p: Position, today: date | None) -> tuple[int, int] | None:
    if p.start_date is None:
        return None
    length = p.years(today)
    if length is None:
        return None
    first = p.start_date.months_since_epoch()
    return first, first + max(round(length * 12), 0)


def merged_years(positions: Iterable[Position], today: date | None = None) -> float | None:
    """Years covered by ``positions`` with dates, overlaps counted once."""
    spans = sorted(s for p in positions if (s := _months(p, today)) is not None)
    if not spans:
        return None
    total, (cur_a, cur_b) = 0, spans[0]
    for a, b in spans[1:]:
        if a <= cur_b:
            cur_b = max(cur_b, b)
        else:
            total += cur_b - cur_a
            cur_a, cur_b = a, b
    total += cur_b - cur_a
    return round(total / 12, 1)


def position_years(
    document: Document, mentions: Iterable[Mention], today: date | None = None
) -> float | None:
    """Years covered by the document's positions that hold one of ``mentions``."""
    held = [p for p in document.positions if any(p.start <= m.start < p.end for m in mentions)]
    return merged_years(held, today) if held else None


def _is_listed(m: Mention) -> bool:
    if m.section == "skills":
        return True
    return bool(_LIST_LINE.search(m.sentence)) and len(m.sentence.split()) <= 2 * (
        m.sentence.count(",") + m.sentence.count("|") + m.sentence.count("•") + 2
    )


def _by_usage(ms: list[Mention]) -> Level:
    if all(m.method == "semantic" for m in ms):
        return "foundational"
    for m in ms:
        if m.method == "semantic":
            continue
        if m.section in _USED_SECTIONS:
            return "intermediate"
        if m.section is None and not _is_listed(m):
            return "intermediate"
    return "foundational"


def _evidence(ms: list[Mention]) -> list[Evidence]:
    out: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    for m in sorted(ms, key=lambda m: -m.confidence):
        key = (m.sentence_start, m.sentence_end)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Evidence(text=m.sentence, section=m.section, start=m.sentence_start, end=m.sentence_end)
        )
        if len(out) == _MAX_EVIDENCE:
            break
    return sorted(out, key=lambda e: e.start or 0)


def build_profile(extraction: Extraction, today: date | None = None) -> Profile:
    """Aggregate an extraction's mentions into a profile (rule in the module docstring)."""
    grouped: dict[str, list[Mention]] = {}
    for m in extraction.mentions:
        if not m.negated and m.taxonomy == "careermap":
            grouped.setdefault(m.skill_id, []).append(m)
    # an ESCO mention stands in for its careermap skill where no careermap mention of the
    # skill covers the same words (careermap mentions of one skill never overlap)
    spans = {sid: sorted((m.start, m.end) for m in ms) for sid, ms in grouped.items()}
    for m in extraction.mentions:
        sid = esco_stand_in(m)
        if sid is None or m.negated:
            continue
        own = spans.get(sid, [])
        i = bisect_left(own, (m.end, -1)) - 1
        if i < 0 or own[i][1] <= m.start:
            grouped.setdefault(sid, []).append(m)

    doc = extraction.document
    skills: dict[str, ProfileSkill] = {}
    for sid, ms in grouped.items():
        cued = [m.level for m in ms if m.level is not None]
        stated = [m.years for m in ms if m.years is not None]
        dated = position_years(doc, ms, today) if doc is not None and doc.positions else None
        years_known = [y for y in (*stated, dated) if y is not None]
        years = max(years_known) if years_known else None
        level: Level
        if cued:
            level = max(cued, key=LEVELS.index)
        elif years is not None:
            level = level_for_years(years)
        else:
            level = _by_usage(ms)
        miss = 1.0
        for m in ms:
            miss *= 1.0 - m.confidence
        skills[sid] = ProfileSkill(
            skill=sid,
            level=level,
            confidence=round(min(1.0 - miss, 0.99), 3),
            years=years,
            evidence=_evidence(ms),
        )

    titles: list[str] = []
    years_experience: float | None = None
    if doc is not None and doc.positions:
        ordered = sorted(
            doc.positions,
            key=lambda p: (
                p.current,
                p.end_date.months_since_epoch() if p.end_date else 0,
                p.start_date.months_since_epoch() if p.start_date else 0,
            ),
            reverse=True,
        )
        for p in ordered:
            if p.title and p.title not in titles:
                titles.append(p.title)
        years_experience = merged_years(doc.positions, today)
    denied = {
        m.skill_id: Evidence(
            text=m.sentence, section=m.section, start=m.sentence_start, end=m.sentence_end
        )
        for m in extraction.mentions
        if m.negated and m.taxonomy == "careermap" and m.skill_id not in skills
    }
    return Profile(skills=skills, titles=titles, years_experience=years_experience, denied=denied)
