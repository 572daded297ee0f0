"""Score every role 0-100 against a person's quiz scores, with components and reasons.

Three components, each 0-100:

* **interests**: the role's RIASEC profile is the mean of the O*NET OI profiles of its
  O*NET links, weighted by fit (exact 1.0, close 0.6, broad 0.3). Similarity is the
  Pearson correlation ``r`` of the person's six scores with the role's, i.e. the cosine
  of the two profiles centred on their own means, so that only the *shape* counts: which
  areas stand out, not how generously someone answers. It maps to ``50 * (r + 1)``.
  (O*NET's own Interest Profiler lists occupations by high-point code and job zone; a
  profile correlation is the usual finer-grained congruence index and ranks every role.)
  A flat profile (all answers equal) has no shape: the component is then 50.
* **work styles**: the mean of the person's 0-1 scores for the styles the role lists
  (``role.work_styles``), times 100.
* **skills**: for each role skill in a category the person rated, credit
  ``min(have, need) / need`` on the scale none 0, foundational 1, intermediate 2,
  advanced 3, weighted by importance (essential 3, important 2, useful 1), times 100.
  Skills in categories the quiz does not ask about (platforms) are left out.

The score is the weighted mean of the components that exist for the role (interests 0.5,
work styles 0.2, skills 0.3, renormalised when one is missing).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict

from careermap.knowledge.schemas import (
    IMPORTANCE_WEIGHTS,
    SKILL_CATEGORIES,
    Fit,
    Importance,
    OnetLink,
    Role,
    Skill,
    SkillCategory,
    WorkStyle,
)
from careermap.profile import RiasecCode
from careermap.quiz.items import AREA_NAMES, AREAS, STYLE_NAMES, RatingValue
from careermap.quiz.scoring import PersonScores

__all__ = [
    "COMPONENT_WEIGHTS",
    "FIT_WEIGHTS",
    "IMPORTANCE_WEIGHTS",
    "Component",
    "InterestSource",
    "OnetProfile",
    "RoleMatch",
    "correlation",
    "interest_component",
    "match_role",
    "rank_roles",
    "role_interests",
    "style_component",
]

#: O*NET-SOC code -> OI scores keyed by area letter or name; None or {} when unknown
InterestSource = Callable[[str], Mapping[str, float] | None]
Component = Literal["interests", "work_styles", "skills"]

FIT_WEIGHTS: dict[Fit, float] = {"exact": 1.0, "close": 0.6, "broad": 0.3}
COMPONENT_WEIGHTS: dict[Component, float] = {"interests": 0.5, "work_styles": 0.2, "skills": 0.3}
_RANK: dict[str, int] = {"none": 0, "foundational": 1, "intermediate": 2, "advanced": 3}
_ORDINAL = ("first", "second", "third", "fourth", "fifth", "sixth")


class OnetProfile(BaseModel):
    """A role's RIASEC profile on O*NET's 1-7 scale, and the O*NET links it comes from."""

    model_config = ConfigDict(frozen=True)

    interests: dict[RiasecCode, float]
    links: list[OnetLink]

    def order(self) -> list[RiasecCode]:
        return sorted(AREAS, key=lambda a: (-self.interests[a], AREAS.index(a)))

    def cite(self) -> str:
        lead = self.links[0]
        more = len(self.links) - 1
        extra = f" and {more} related occupation{'s' if more > 1 else ''}" if more else ""
        return f"{lead.title} {lead.code}{extra}"


class RoleMatch(BaseModel):
    """One role's place in a quiz ranking."""

    rank: int
    role: str
    title: str
    score: float
    components: dict[Component, float | None]
    reasons: list[str]
    onet_interests: dict[RiasecCode, float] | None = None


def _letters(raw: Mapping[str, float] | None) -> dict[RiasecCode, float] | None:
    if not raw:
        return None
    out: dict[RiasecCode, float] = {}
    for key, value in raw.items():
        letter = key.strip()[:1].upper()
        for area in AREAS:
            if letter == area:
                out[area] = float(value)
    return out if len(out) == len(AREAS) else None


def role_interests(role: Role, source: InterestSource) -> OnetProfile | None:
    """The fit-weighted mean O*NET profile of a role, or None when no link has one."""
    total = dict.fromkeys(AREAS, 0.0)
    weight = 0.0
    used: list[OnetLink] = []
    for link in sorted(role.onet, key=lambda lk: -FIT_WEIGHTS[lk.fit]):
        scores = _letters(source(link.code))
        if scores is None:
            continue
        w = FIT_WEIGHTS[link.fit]
        for area in AREAS:
            total[area] += w * scores[area]
        weight += w
        used.append(link)
    if not used:
        return None
    means: dict[RiasecCode, float] = {a: round(total[a] / weight, 2) for a in AREAS}
    return OnetProfile(interests=means, links=used)


def correlation(a: Mapping[RiasecCode, float], b: Mapping[RiasecCode, float]) -> float | None:
    """Pearson correlation of two AREAS profiles; None when either is flat."""
    xs = [a[k] for k in AREAS]
    ys = [b[k] for k in AREAS]
    mx, my = sum(xs) / 6, sum(ys) / 6
    dx = [x - mx for x in xs]
    dy = [y - my for y in ys]
    nx = math.sqrt(sum(d * d for d in dx))
    ny = math.sqrt(sum(d * d for d in dy))
    if nx < 1e-9 or ny < 1e-9:
        return None
    return sum(p * q for p, q in zip(dx, dy, strict=True)) / (nx * ny)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _place(scores: Mapping[RiasecCode, float], area: RiasecCode) -> str:
    """Where an area stands among a person's six: 'highest', 'third highest', 'lowest'."""
    mine = scores[area]
    if mine <= min(scores.values()):
        return "lowest"
    above = sum(1 for v in scores.values() if v > mine)
    return "highest" if above == 0 else f"{_ORDINAL[above]} highest"


def interest_component(
    person: PersonScores, prof: OnetProfile | None
) -> tuple[float | None, list[str]]:
    if prof is None:
        return None, [
            "No O*NET interest profile is linked to this role, so interests were not scored."
        ]
    r = correlation(person.interests, prof.interests)
    if r is None:
        return 50.0, [
            "Your interest answers were all alike, so they neither favour nor rule out this role."
        ]
    role_order = prof.order()
    mine_all = person.holland_order()
    mean = sum(person.interests.values()) / len(AREAS)
    mine = [a for a in mine_all[:2] if person.interests[a] > mean]  # never empty: not flat
    names = [AREA_NAMES[a] for a in mine]
    cite = f"this role's O*NET profile ({prof.cite()})"
    if len(mine) == 2 and set(mine) == set(role_order[:2]):
        first = f"Your strongest interests, {_and(names)}, are the top two of {cite}."
    elif len(mine) == 2 and set(mine) <= set(role_order[:3]):
        first = f"Your strongest interests, {_and(names)}, are both in the top three of {cite}."
    elif mine[0] == role_order[0]:
        first = f"Your strongest interest, {names[0]}, also leads {cite}."
    elif len(mine) == 1 and mine[0] in role_order[:3]:
        first = f"Your strongest interest, {names[0]}, is in the top three of {cite}."
    else:
        lead = role_order[:2]
        where = [_place(person.interests, a) for a in lead]
        places = (
            [f"{_and([AREA_NAMES[a] for a in lead])} {where[0]}"]
            if where[0] == where[1]
            else [f"{AREA_NAMES[a]} {w}" for a, w in zip(lead, where, strict=True)]
        )
        first = (
            f"{cite[0].upper()}{cite[1:]} leads with {_and([AREA_NAMES[a] for a in lead])}; "
            f"you rate {_and(places)} of your six interests."
        )
    if r >= 0:
        how = "closely" if r >= 0.6 else "partly" if r >= 0.3 else "only weakly"
        second = f"Your six interest scores follow the role's profile {how} (r = {r:.2f})."
    else:
        second = f"Your six interest scores run against the role's profile (r = {r:.2f})."
    return round(50 * (r + 1), 1), [first, second]


def _pct(styles: Mapping[WorkStyle, float], keys: list[WorkStyle]) -> str:
    return ", ".join(f"{STYLE_NAMES[s]} {round(100 * styles[s])}%" for s in keys)


def style_component(person: PersonScores, role: Role) -> tuple[float | None, list[str]]:
    styles = list(dict.fromkeys(role.work_styles))
    score = 100 * sum(person.work_styles[s] for s in styles) / len(styles)
    liked = [s for s in styles if person.work_styles[s] >= 0.75]
    low = [s for s in styles if person.work_styles[s] <= 0.375]
    out: list[str] = []
    if liked:
        out.append(
            f"The role's {_and([STYLE_NAMES[s] for s in liked])} work suits how you like "
            f"to work ({_pct(person.work_styles, liked)})."
        )
    if low:
        out.append(
            f"It calls for {_and([STYLE_NAMES[s] for s in low])} work, which your answers "
            f"rate low ({_pct(person.work_styles, low)})."
        )
    if not out:
        out.append(
            f"The role's {_and([STYLE_NAMES[s] for s in styles])} work got middling answers "
            f"from you ({_pct(person.work_styles, styles)})."
        )
    return round(score, 1), out


def _cat(category: SkillCategory) -> str:
    """A category label inside a sentence: lower-case unless its first word is a name."""
    label = SKILL_CATEGORIES[category]
    first = label.split()[0]
    return label if any(c.isupper() for c in first[1:]) else label[0].lower() + label[1:]


def _skill_part(
    person: PersonScores, role: Role, skills: Mapping[str, Skill]
) -> tuple[float | None, list[str]]:
    got = 0.0
    total = 0.0
    by_cat: dict[SkillCategory, list[tuple[Skill, Importance, int]]] = {}
    for rs in role.skills:
        sk = skills.get(rs.skill)
        if sk is None or sk.category not in person.self_ratings:
            continue
        need = _RANK[rs.level]
        have = _RANK[person.self_ratings[sk.category]]
        w = IMPORTANCE_WEIGHTS[rs.importance]
        got += w * min(have, need) / need
        total += w
        by_cat.setdefault(sk.category, []).append((sk, rs.importance, need))
    if total == 0:
        return None, ["None of this role's skills fall in the categories you rated."]
    gaps: list[tuple[float, str]] = []
    strengths: list[tuple[int, str]] = []
    level_names = {v: k for k, v in _RANK.items()}
    for cat, entries in by_cat.items():
        rating: RatingValue = person.self_ratings[cat]
        have = _RANK[rating]
        short = [(sk, imp, need) for sk, imp, need in entries if need > have]
        if not short:
            if any(imp == "essential" for _, imp, _ in entries):
                n = len(entries)
                what = f"all {n} of the role's" if n > 1 else "the role's one"
                noun = f"{_cat(cat)} skill{'s' if n > 1 else ''}"
                strengths.append(
                    (
                        n,
                        f"Your {_cat(cat)} rating ({rating}) meets {what} {noun}.",
                    )
                )
            continue
        weight = sum(IMPORTANCE_WEIGHTS[imp] * (need - have) / need for _, imp, need in short)
        essential = [e for e in short if e[1] == "essential"]
        shown = essential or short
        levels = " or ".join(level_names[n] for n in sorted({n for _, _, n in shown}))
        which = "essential skills" if essential else "other skills"
        examples = ", ".join(sk.label for sk, _, _ in shown[:3]) + (
            ", ..." if len(shown) > 3 else ""
        )
        gaps.append(
            (
                weight,
                f"You rated {_cat(cat)} {rating}; the role needs {levels} in {len(shown)} of "
                f"its {which} ({examples}).",
            )
        )
    reasons = [text for _, text in sorted(gaps, key=lambda g: -g[0])[:2]]
    reasons += [text for _, text in sorted(strengths, key=lambda s: -s[0])[:1]]
    return round(100 * got / total, 1), reasons


def match_role(
    person: PersonScores,
    role: Role,
    skills: Mapping[str, Skill],
    source: InterestSource,
    weights: Mapping[Component, float] = COMPONENT_WEIGHTS,
) -> RoleMatch:
    """One role's score, components and reasons (rank 0: :func:`rank_roles` sets it)."""
    prof = role_interests(role, source)
    parts = {
        "interests": interest_component(person, prof),
        "work_styles": style_component(person, role),
        "skills": _skill_part(person, role, skills),
    }
    comps: dict[Component, float | None] = {
        "interests": parts["interests"][0],
        "work_styles": parts["work_styles"][0],
        "skills": parts["skills"][0],
    }
    present = {k: v for k, v in comps.items() if v is not None}
    wsum = sum(weights[k] for k in present)
    score = sum(weights[k] * v for k, v in present.items()) / wsum if wsum else 0.0
    return RoleMatch(
        rank=0,
        role=role.id,
        title=role.title,
        score=round(score, 1),
        components=comps,
        reasons=[r for part in parts.values() for r in part[1]],
        onet_interests=None if prof is None else prof.interests,
    )


def rank_roles(
    person: PersonScores,
    roles: Iterable[Role],
    skills: Mapping[str, Skill],
    source: InterestSource,
    weights: Mapping[Component, float] = COMPONENT_WEIGHTS,
) -> list[RoleMatch]:
    """Every role, best first (ties by role id), ranks from 1."""
    matches = [match_role(person, r, skills, source, weights) for r in roles]
    matches.sort(key=lambda m: (-m.score, m.role))
    return [m.model_copy(update={"rank": i}) for i, m in enumerate(matches, start=1)]
