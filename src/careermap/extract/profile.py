"""From mentions to a :class:`~careermap.profile.Profile`: one level per careermap skill.

Which mentions count: careermap mentions (and ESCO mentions of a URI that this skill
alone lists, where no careermap mention of the skill covers the same words) that are not
negated and do not stand in a sentence about an employer (an "about us", benefits, an
equal-opportunity statement: ``wording.yaml``).

The level of a skill comes from the evidence, never from the section or list it sits in:

1. the person's own words: a cue ("expert in", "strong", "beginner", "familiar with");
   when every cue is a beginner's one ("basic", "familiar", "learning"), the skill is
   foundational whatever else is said;
2. years: stated ("5+ years of Python") or the time covered by the dated positions whose
   text mentions the skill (overlaps counted once), by the bands of ``tuning.yaml``
   (``extract.levels``: under 2 years foundational, 2 to under 5 intermediate, 5 or more
   advanced); a skill named in one sentence only is not taken to have filled the whole of
   its position, so years in positions then give it intermediate at most;
3. use: a sentence that says something was done with it ("built forecasting models with
   scikit-learn") gives ``extract.levels.used_level``; a skill only named (a list, a
   "Skills:" line) or found only by meaning is foundational.

The level is the highest of these; in a posting, a requirement marked as preferred
("a plus") is foundational. Then, as evidence too (``ProfileSkill.basis`` says which):

* degrees give their subject's skills (:mod:`.education`), certifications held the skills
  they attest (:mod:`.certifications`), catalogue courses completed the skills they claim
  (:mod:`.courses_taken`), each at the level their data gives, where that is above what
  the document shows;
* job titles held show the skills the work cannot be done without (:mod:`.title_skills`),
  at the level the years in them show;
* a demonstrated skill implies what it cannot be done without: the skill graph's
  ``implies`` (each at most its own level and the source skill's) and its prerequisites
  (at the source skill's level, at most ``extract.implied.prerequisite_cap``), repeated
  over what is implied; an implication may raise a skill the document only names. An
  implied skill is marked so, with the skill it comes from.

Phrases that deny a whole kind of work ("I am not a programmer", "have never written code",
"have not built machine-learning models": ``wording.yaml``) deny its skills.

A skill the person denies ("no experience with Kubernetes") is never held, implied or
given by a degree; its sentence is kept in ``Profile.denied``. A denial in so many words
outweighs other mentions of the skill unless one of them carries a level cue or stated
years. A skill named only where the person says what they want ("Looking to move into
generative AI", "keen to learn Kubernetes") is not held either. Confidence combines the
mentions' confidences as independent evidence (1 - prod(1 - c)), capped at 0.99. Titles
and years of experience come from the document's positions (titles newest first;
overlapping positions counted once); the goal from the first goal sentence (:mod:`.goal`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from careermap.errors import DataError
from careermap.knowledge.schemas import LEVELS, Level
from careermap.profile import Degree, Evidence, Goal, Profile, ProfileSkill, SkillBasis
from careermap.tuning import get_tuning

#: how far back a sentence after a colon looks for the sentence that the colon ends
_LEAD_IN = 400
_LAST_SENTENCE = re.compile(r"[.!?](?:\s+|$)|\n\s*\n")

if TYPE_CHECKING:
    from careermap.documents.model import Document, Position
    from careermap.extract.mention import Extraction, Mention
    from careermap.knowledge.loader import KnowledgeBase

__all__ = ["build_profile", "esco_stand_in", "level_for_years", "merged_years", "position_years"]

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
    bands = get_tuning().extract.levels
    if years < bands.intermediate_years:
        return "foundational"
    if years < bands.advanced_years:
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
    return _merged([s for p in positions if (s := _months(p, today)) is not None])


def position_years(
    document: Document,
    mentions: Iterable[Mention],
    today: date | None = None,
    cues: dict[int, tuple[int | None, int | None]] | None = None,
) -> float | None:
    """Years covered by the document's positions that hold one of ``mentions``.

    A mention whose sentence dates its own start ("since early 2025", "over the last year")
    counts its position from then only, and one that says how long it lasted ("for a
    quarter") that long only (:mod:`.recency`); overlaps are counted once. ``cues`` keeps
    each sentence's cues (by its start) across calls, so a long sentence is read once.
    """
    from careermap.extract.recency import lasted_months, since_month

    spans: list[tuple[int, int]] = []
    ms = list(mentions)
    for p in document.positions:
        span = _months(p, today)
        if span is None:
            continue
        for m in ms:
            if not p.start <= m.start < p.end:
                continue
            first, last = span
            cue = cues.get(m.sentence_start) if cues is not None else None
            if cue is None:
                cue = (since_month(m.sentence, today), lasted_months(m.sentence))
                if cues is not None:
                    cues[m.sentence_start] = cue
            since, lasted = cue
            if since is not None:
                first = min(max(first, since), last)
            if lasted is not None:
                first = max(first, last - lasted)
            spans.append((first, last))
    return _merged(spans)


def _merged(spans: list[tuple[int, int]]) -> float | None:
    """Years covered by month spans, overlaps counted once."""
    if not spans:
        return None
    spans = sorted(spans)
    total, (cur_a, cur_b) = 0, spans[0]
    for a, b in spans[1:]:
        if a <= cur_b:
            cur_b = max(cur_b, b)
        else:
            total += cur_b - cur_a
            cur_a, cur_b = a, b
    total += cur_b - cur_a
    return round(total / 12, 1)


def _higher(a: Level, b: Level) -> Level:
    return a if LEVELS.index(a) >= LEVELS.index(b) else b


def _lower(a: Level, b: Level) -> Level:
    return a if LEVELS.index(a) <= LEVELS.index(b) else b


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


def _level(
    ms: list[Mention], years: float | None, stated_years: bool, uses: dict[int, bool]
) -> tuple[Level, str]:
    """The level the mentions show, and how it was read (see the module docstring).
    ``uses`` remembers, by sentence start, whether a sentence describes use, so each
    sentence is read once however many mentions it holds."""
    from careermap.extract.wording import get_wording

    wording = get_wording()
    used_level = get_tuning().extract.levels.used_level
    cues = [m.level for m in ms if m.level is not None and not m.preferred]
    if cues and all(c == "foundational" for c in cues):
        return "foundational", f"{_OWN_WORDS}: you are starting out"
    level: Level = "foundational"
    reason = "named, not described"
    if all(m.method == "semantic" for m in ms):
        reason = "found by meaning, not named"
    if cues:
        cue = max(cues, key=LEVELS.index)
        level, reason = cue, f"{_OWN_WORDS} ('{cue}' level cue)"
    if years is not None:
        by_years = level_for_years(years)
        if not stated_years and len({m.sentence_start for m in ms}) < 2:
            by_years = _lower(by_years, "intermediate")
        if LEVELS.index(by_years) > LEVELS.index(level):
            where = "stated" if stated_years else "in dated positions that mention it"
            level, reason = by_years, f"{years:g} years {where}"
    used = False
    for m in ms:
        if m.method == "semantic":
            continue
        known = uses.get(m.sentence_start)
        if known is None:
            known = uses[m.sentence_start] = wording.describes_use(m.sentence)
        if known:
            used = True
            break
    if used and LEVELS.index(used_level) > LEVELS.index(level):
        level, reason = used_level, "described in use"
    if all(m.preferred for m in ms):
        level, reason = "foundational", "a preference, not a requirement"
    return level, reason


def build_profile(
    extraction: Extraction, today: date | None = None, kb: KnowledgeBase | None = None
) -> Profile:
    """Aggregate an extraction's mentions into a profile (rule in the module docstring)."""
    if kb is None:
        from careermap.knowledge.loader import load

        kb = load()
    from careermap.extract.goal import destination
    from careermap.extract.wording import get_wording

    wording = get_wording()
    goal = _goal(extraction, kb)
    wished: dict[int, bool] = {}  # sentence start -> only a wish (a goal, "want to learn")

    def is_wish(sentence: str) -> bool:
        # a goal sentence (the profile's goal among them) names a destination
        text = " ".join(sentence.split())
        return wording.is_aspiration(sentence) or destination(text) is not None

    def counts(m: Mention) -> bool:
        if m.negated or m.boilerplate:
            return False
        wish = wished.get(m.sentence_start)
        if wish is None:
            wish = is_wish(m.sentence)
            # what follows a wish's colon spells the wish out ("I want to move into prompt
            # engineering: designing and testing the prompts"), and is no evidence either
            before = extraction.text[max(0, m.sentence_start - _LEAD_IN) : m.sentence_start]
            before = before.rstrip()
            if not wish and before.endswith(":"):
                wish = is_wish(_LAST_SENTENCE.split(before)[-1])
            wished[m.sentence_start] = wish
        return not wish

    grouped: dict[str, list[Mention]] = {}
    for m in extraction.mentions:
        if m.taxonomy == "careermap" and counts(m):
            grouped.setdefault(m.skill_id, []).append(m)
    # an ESCO mention stands in for its careermap skill where no careermap mention of the
    # skill covers the same words (careermap mentions of one skill never overlap)
    spans = {sid: sorted((m.start, m.end) for m in ms) for sid, ms in grouped.items()}
    for m in extraction.mentions:
        sid = esco_stand_in(m)
        if sid is None or sid not in kb.skills or not counts(m):
            continue
        own = spans.get(sid, [])
        i = bisect_left(own, (m.end, -1)) - 1
        if i < 0 or own[i][1] <= m.start:
            grouped.setdefault(sid, []).append(m)

    denied: dict[str, Evidence] = {}
    written: set[str] = set()  # denied in so many words, not only by meaning
    for m in extraction.mentions:
        if m.negated and not m.boilerplate and m.taxonomy == "careermap":
            denied.setdefault(
                m.skill_id,
                Evidence(
                    text=m.sentence, section=m.section, start=m.sentence_start, end=m.sentence_end
                ),
            )
            if m.method != "semantic":
                written.add(m.skill_id)
    # the person's own "I have not built a machine-learning model" outweighs mentions that
    # say nothing of their level ("dissertations on fairness in machine learning"); a cue or
    # stated years ("basic", "two years of") is their word against it, and is kept. A
    # denial read by meaning alone (the semantic stage) never outweighs a mention.
    for sid in [s for s in denied if s in grouped]:
        cued = any(m.level is not None or m.years is not None for m in grouped[sid])
        if sid in written and not cued:
            del grouped[sid]
        else:
            del denied[sid]

    from careermap.extract.sentences import split_sentences

    for sent in split_sentences(extraction.text):
        if len(sent.text) > 1000 or wording.is_boilerplate(sent.text):
            continue
        for sid in wording.denied_by(sent.text):
            if sid not in kb.skills:
                raise DataError(f"wording.yaml denies unknown skill '{sid}'. Reinstall careermap.")
            if sid not in grouped and sid not in denied:
                denied[sid] = Evidence(text=sent.text, start=sent.start, end=sent.end)

    doc = extraction.document
    skills: dict[str, ProfileSkill] = {}
    uses: dict[int, bool] = {}  # sentence start -> whether it describes use
    cues: dict[int, tuple[int | None, int | None]] = {}  # sentence start -> recency cues
    for sid, ms in grouped.items():
        stated = [m.years for m in ms if m.years is not None]
        dated = position_years(doc, ms, today, cues) if doc is not None and doc.positions else None
        years_known = [y for y in (*stated, dated) if y is not None]
        years = max(years_known) if years_known else None
        level, reason = _level(ms, years, bool(stated) and max(stated) == years, uses)
        miss = 1.0
        for m in ms:
            miss *= 1.0 - m.confidence
        skills[sid] = ProfileSkill(
            skill=sid,
            level=level,
            confidence=round(min(1.0 - miss, 0.99), 3),
            years=years,
            evidence=_evidence(ms),
            reason=reason,
        )

    degrees: list[Degree] = []
    certifications: dict[str, Evidence] = {}
    courses: dict[str, Evidence] = {}
    if doc is not None:
        from careermap.extract.certifications import find_certifications
        from careermap.extract.courses_taken import find_courses_taken
        from careermap.extract.education import degree_skills
        from careermap.extract.sentences import split_sentences
        from careermap.extract.title_skills import title_skills

        degrees, shown = degree_skills(doc, kb)
        for e in shown:
            _credit(skills, denied, e.skill, e.level, e.evidence, "education", e.why)
        for t in title_skills(doc, kb, today):
            _credit(skills, denied, t.skill, t.level, t.evidence, "experience", t.why)
        sentences = split_sentences(doc.text)
        certifications = find_certifications(doc.text, sentences, kb)
        for cert_id, ev in certifications.items():
            cert = kb.certifications[cert_id]
            for a in cert.attests:
                if a.skill in kb.skills:
                    _credit(skills, denied, a.skill, a.level, ev, "certification", cert.title)
        courses = find_courses_taken(doc, sentences, kb)
        for course_id, ev in courses.items():
            course = kb.courses[course_id]
            for c in course.skills:
                if c.skill in kb.skills:
                    why = f"completed {course.title}"
                    _credit(skills, denied, c.skill, c.level, ev, "course", why)
    _imply(skills, denied, kb, frozenset(s for s, ps in skills.items() if _cued(ps)))

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
    return Profile(
        skills=skills,
        titles=titles,
        years_experience=years_experience,
        denied=denied,
        certifications=certifications,
        courses=courses,
        degrees=degrees,
        goal=goal,
    )


def _credit(
    skills: dict[str, ProfileSkill],
    denied: dict[str, Evidence],
    skill: str,
    level: Level,
    evidence: Evidence,
    basis: SkillBasis,
    why: str,
) -> None:
    """Add what a degree, a certification or a course taken shows, where it is above what
    is held; a level the person gave in their own words ("my machine learning is basic")
    is never raised."""
    if skill in denied:
        return
    have = skills.get(skill)
    if have is not None and (LEVELS.index(have.level) >= LEVELS.index(level) or _cued(have)):
        return
    if have is None:
        skills[skill] = ProfileSkill(
            skill=skill, level=level, confidence=0.8, evidence=[evidence], basis=basis, reason=why
        )
        return
    skills[skill] = have.model_copy(
        update={
            "level": level,
            "basis": basis,
            "reason": why,
            "evidence": [evidence, *have.evidence][:_MAX_EVIDENCE],
        }
    )


_OWN_WORDS = "your own words"


def _cued(skill: ProfileSkill) -> bool:
    """Whether the level is the person's own word for it ("familiar with", "expert in")."""
    return (skill.reason or "").startswith(_OWN_WORDS)


def _imply(
    skills: dict[str, ProfileSkill],
    denied: dict[str, Evidence],
    kb: KnowledgeBase,
    own_words: frozenset[str] = frozenset(),
) -> None:
    """Add the skills that the held ones imply, and their prerequisites, as implied; a
    level the person gave in their own words is never raised."""
    cap = get_tuning().extract.implied.prerequisite_cap
    queue = list(skills)
    while queue:
        source = queue.pop()
        held = skills[source]
        sk = kb.skills.get(source)
        if sk is None:
            continue
        offers: list[tuple[str, Level]] = [
            (imp.skill, _lower(imp.level, held.level)) for imp in sk.implies
        ]
        # a prerequisite of a skill that is itself only implied is one inference further
        # from the evidence: foundational, so a chain (LLM evaluation -> model evaluation
        # -> ML fundamentals -> statistics) does not carry one level down the graph
        pre_level = cap if held.basis != "implied" else "foundational"
        # an implication of a prerequisite sets the level it is implied at: drafting with
        # AI tools shows clear prompts, not tested prompt templates
        offers += [
            (pre, _lower(pre_level, held.level))
            for pre in sk.prerequisites
            if all(imp.skill != pre for imp in sk.implies)
        ]
        for target, level in offers:
            if target in denied or target not in kb.skills:
                continue
            have = skills.get(target)
            if have is not None and LEVELS.index(have.level) >= LEVELS.index(level):
                continue
            if target in own_words:
                continue
            if have is not None and have.basis != "implied":
                # the document names it; what the person did with another skill shows more
                skills[target] = have.model_copy(
                    update={"level": level, "reason": f"implied by {kb.skills[source].label}"}
                )
                queue.append(target)
                continue
            skills[target] = ProfileSkill(
                skill=target,
                level=level,
                confidence=round(0.8 * held.confidence, 3),
                evidence=list(held.evidence[:2]),
                basis="implied",
                implied_by=[source],
                reason=f"implied by {kb.skills[source].label}",
            )
            queue.append(target)


def _goal(extraction: Extraction, kb: KnowledgeBase) -> Goal | None:
    from careermap.extract.goal import find_goal
    from careermap.extract.sentences import split_sentences

    return find_goal(split_sentences(extraction.text), kb)
