"""The quiz's parts of a role's score: interests and work styles, with their reasons.

careermap has one role scorer (:func:`careermap.match.rank_roles`); the quiz feeds it a
profile. These functions give the two quiz components, each 0-100:

* **interests**: the role's RIASEC profile is the mean of the O*NET OI profiles of its
  O*NET links, weighted by fit (``quiz.fit_weights`` in ``tuning.yaml``). Similarity is
  the Pearson correlation ``r`` of the person's six scores with the role's, i.e. the
  cosine of the two profiles centred on their own means, so that only the *shape* counts:
  which areas stand out, not how generously someone answers. It maps to ``50 * (r + 1)``.
  (O*NET's own Interest Profiler lists occupations by high-point code and job zone; a
  profile correlation is the usual finer-grained congruence index and ranks every role.)
  A flat profile (all answers equal) has no shape: the component is then 50.
* **work styles**: the mean of the person's 0-1 scores for the styles the role lists
  (``role.work_styles``), times 100.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from pydantic import BaseModel, ConfigDict

from careermap.knowledge.schemas import OnetLink, Role, WorkStyle
from careermap.profile import RiasecCode
from careermap.quiz.items import AREA_NAMES, AREAS, STYLE_NAMES
from careermap.quiz.scoring import PersonScores
from careermap.tuning import get_tuning

__all__ = [
    "InterestSource",
    "OnetProfile",
    "correlation",
    "interest_component",
    "role_interests",
    "style_component",
]

#: O*NET-SOC code -> OI scores keyed by area letter or name; None or {} when unknown
InterestSource = Callable[[str], Mapping[str, float] | None]

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
    fit_weights = get_tuning().quiz.fit_weights
    for link in sorted(role.onet, key=lambda lk: -fit_weights[lk.fit]):
        scores = _letters(source(link.code))
        if scores is None:
            continue
        w = fit_weights[link.fit]
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
    tuning = get_tuning().quiz
    styles = list(dict.fromkeys(role.work_styles))
    score = 100 * sum(person.work_styles[s] for s in styles) / len(styles)
    liked = [s for s in styles if person.work_styles[s] >= tuning.liked_style]
    low = [s for s in styles if person.work_styles[s] <= tuning.low_style]
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
