"""Score a person against every role, 0-100, with the components and the evidence.

Components, each 0-100 (a component with no data is left out and the weights of the rest
are renormalised, and the result says which were used):

* **skills** (0.55): importance- and level-weighted coverage of the role's skills, from
  the résumé's evidence, or the quiz self-ratings where a skill has no evidence
  (:mod:`careermap.match.skills`).
* **interests** (0.20): correlation of the person's RIASEC scores with the role's O*NET
  interest profile, as in the quiz (:mod:`careermap.quiz.ranking`).
* **work styles** (0.10): the person's preference for the kinds of work the role involves.
* **experience** (0.15): how close the person's current occupation is to the role
  (:mod:`careermap.match.occupation`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, Field

from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import Role
from careermap.match.occupation import OccupationGuess, Proximity, proximity, recognise
from careermap.match.skills import SkillCoverage, match_skills
from careermap.profile import Profile

__all__ = ["WEIGHTS", "Component", "Match", "MatchReport", "rank_roles", "recognise_occupation"]

Component = Literal["skills", "interests", "work_styles", "experience"]
WEIGHTS: dict[Component, float] = {
    "skills": 0.55,
    "interests": 0.20,
    "work_styles": 0.10,
    "experience": 0.15,
}


class Match(BaseModel):
    rank: int
    role: str
    title: str
    score: float = Field(ge=0, le=100)
    components: dict[Component, float | None]
    reasons: list[str]
    coverage: SkillCoverage
    proximity: Proximity | None = None


class MatchReport(BaseModel):
    occupation: OccupationGuess | None
    components_used: list[Component]
    matches: list[Match]

    def top(self, n: int) -> list[Match]:
        return self.matches[:n]


def recognise_occupation(kb: KnowledgeBase, profile: Profile) -> OccupationGuess | None:
    """The person's current occupation from their newest recognisable title."""
    context = {name for sid in profile.skills for name in kb.skills[sid].onet_names()}
    for title in profile.titles[:3]:
        guess = recognise(title, context, kb=kb)
        if guess is not None:
            return guess
    return None


def _skill_reasons(cov: SkillCoverage) -> list[str]:
    out: list[str] = []
    matched = [s for s in cov.skills if s.status == "matched" and s.importance == "essential"]
    if matched:
        names = ", ".join(s.label for s in matched[:4])
        more = f" and {len(matched) - 4} more" if len(matched) > 4 else ""
        out.append(f"You already show {names}{more} among its essential skills.")
    missing = [s for s in cov.skills if s.status == "missing" and s.importance == "essential"]
    if missing:
        names = ", ".join(s.label for s in missing[:4])
        more = f" and {len(missing) - 4} more" if len(missing) > 4 else ""
        out.append(f"Essential skills with no evidence yet: {names}{more}.")
    partial = [s for s in cov.skills if s.status == "partial" and s.importance == "essential"]
    if partial:
        bits = [f"{s.label} ({s.have or 'none'} → {s.required})" for s in partial[:3]]
        out.append("Essential skills below the role's level: " + ", ".join(bits) + ".")
    return out


def _quiz_parts(profile: Profile, role: Role) -> dict[Component, tuple[float | None, list[str]]]:
    if profile.interests is None or profile.work_styles is None:
        return {}
    from careermap.quiz.items import STYLE_NAMES
    from careermap.quiz.ranking import interest_component, role_interests, style_component
    from careermap.quiz.result import onet_interests
    from careermap.quiz.scoring import PersonScores, holland_code

    person = PersonScores(
        interests=dict(profile.interests),
        holland_code=holland_code(profile.interests),
        work_styles={k: float(profile.work_styles.get(k, 0.5)) for k in STYLE_NAMES},
        self_ratings={},
    )
    return {
        "interests": interest_component(person, role_interests(role, onet_interests)),
        "work_styles": style_component(person, role),
    }


def rank_roles(
    kb: KnowledgeBase,
    profile: Profile,
    *,
    occupation: OccupationGuess | None = None,
    weights: Mapping[Component, float] = WEIGHTS,
) -> MatchReport:
    """Every role, best first. ``occupation`` defaults to one recognised from the titles."""
    if occupation is None and profile.titles:
        occupation = recognise_occupation(kb, profile)
    has_skills = bool(profile.skills) or any(v is not None for v in profile.self_ratings.values())
    matches: list[Match] = []
    used: set[Component] = set()
    for role in kb.roles.values():
        comps: dict[Component, float | None] = dict.fromkeys(weights, None)
        reasons: list[str] = []
        cov = match_skills(kb, role, profile)
        if has_skills:
            comps["skills"] = round(100 * cov.score, 1)
            reasons += _skill_reasons(cov)
        for name, (value, why) in _quiz_parts(profile, role).items():
            comps[name] = value
            reasons += why
        prox = proximity(role, profile.titles, occupation)
        if prox is not None:
            comps["experience"] = round(100 * prox.score, 1)
            reasons.append(prox.reason)
        present = {k: v for k, v in comps.items() if v is not None}
        used |= set(present)
        wsum = sum(weights[k] for k in present)
        score = sum(weights[k] * v for k, v in present.items()) / wsum if wsum else 0.0
        matches.append(
            Match(
                rank=0,
                role=role.id,
                title=role.title,
                score=round(score, 1),
                components=comps,
                reasons=reasons,
                coverage=cov,
                proximity=prox,
            )
        )
    matches.sort(key=lambda m: (-m.score, m.role))
    ranked = [m.model_copy(update={"rank": i + 1}) for i, m in enumerate(matches)]
    order: list[Component] = [c for c in weights if c in used]
    return MatchReport(occupation=occupation, components_used=order, matches=ranked)
