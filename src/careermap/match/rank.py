"""Score a person against every role, 0-100, with the components and the evidence.

This is careermap's one role scorer: a résumé, the quiz, or both, go through it, so that
``careermap quiz`` and ``careermap match --quiz`` agree. Components, each 0-100 (one with
no data is left out and the weights of the rest renormalised; the report says which were
used); the weights are in ``tuning.yaml`` (``match.weights``):

* **skills**: the weighted share of the role's skills the résumé shows, stated or implied
  (:mod:`careermap.match.skills`);
* **self_ratings**: the same share from the quiz's self-ratings, for the skills the
  résumé says nothing about (a self-rating never overrides evidence; a contradiction
  between the two is reported);
* **interests**: the correlation of the person's RIASEC scores with the role's O*NET
  interest profile (:mod:`careermap.quiz.ranking`);
* **work_styles**: the person's liking for the kinds of work the role involves;
* **experience**: how close the person's current occupation is to the role
  (:mod:`careermap.match.occupation`).

Roles whose scores lie within ``match.separation_margin`` points of the best are reported
as not separated by the evidence (ties share a rank), rather than ordered by name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import SKILL_CATEGORIES, Role, SkillCategory, level_index
from careermap.match.occupation import (
    OccupationGuess,
    Proximity,
    nearby_occupations,
    proximity,
    recognise,
    title_matches,
)
from careermap.match.skills import SkillCoverage, match_skills, self_rating_share
from careermap.profile import Profile
from careermap.tuning import get_tuning

if TYPE_CHECKING:
    from careermap.quiz.ranking import InterestSource

__all__ = ["COMPONENTS", "Component", "Match", "MatchReport", "rank_roles", "recognise_occupation"]

Component = Literal["skills", "self_ratings", "interests", "work_styles", "experience"]
COMPONENTS: tuple[Component, ...] = (
    "skills",
    "self_ratings",
    "interests",
    "work_styles",
    "experience",
)


class Match(BaseModel):
    rank: int = Field(
        ge=1, description="1 for the best; roles the evidence does not separate share one"
    )
    role: str
    title: str
    score: float = Field(ge=0, le=100)
    components: dict[Component, float | None]
    reasons: list[str]
    coverage: SkillCoverage
    proximity: Proximity | None = None
    essential: tuple[int, int] = Field(description="(held, listed) essential skills")
    important: tuple[int, int] = Field(description="(held, listed) important skills")


class MatchReport(BaseModel):
    occupation: OccupationGuess | None
    components_used: list[Component]
    matches: list[Match]
    separated: bool = Field(
        description="whether the best role stands apart from the next by the margin"
    )
    note: str | None = Field(default=None, description="what the ranking can and cannot say")
    contradictions: list[str] = Field(
        default_factory=list, description="where the quiz's self-ratings and the résumé disagree"
    )

    def top(self, n: int) -> list[Match]:
        return self.matches[:n]

    def role(self, role_id: str) -> Match:
        for m in self.matches:
            if m.role == role_id:
                return m
        raise KeyError(role_id)


def recognise_occupation(kb: KnowledgeBase, profile: Profile) -> OccupationGuess | None:
    """The person's current occupation from their newest recognisable title."""
    context = {name for sid in profile.skills for name in kb.skills[sid].onet_names()}
    for title in profile.titles[:3]:
        guess = recognise(title, context, kb=kb)
        if guess is not None:
            return guess
    return None


def _names(labels: list[str], limit: int = 4) -> str:
    shown = ", ".join(labels[:limit])
    return shown + (f" and {len(labels) - limit} more" if len(labels) > limit else "")


def _skill_reasons(cov: SkillCoverage, kb: KnowledgeBase) -> list[str]:
    out: list[str] = []
    have_e, all_e = cov.count("essential")
    have_i, all_i = cov.count("important")
    matched = [s for s in cov.skills if s.status == "matched" and s.importance == "essential"]
    if matched:
        labels = [
            s.label + (f" (from {kb.skills[s.implied_by[0]].label})" if s.implied_by else "")
            for s in matched
        ]
        out.append(
            f"You show {have_e} of its {all_e} essential skills ({_names(labels)}) and "
            f"{have_i} of its {all_i} important ones."
        )
    else:
        out.append(f"You show none of its {all_e} essential skills yet.")
    partial = [s for s in cov.skills if s.status == "partial" and s.importance == "essential"]
    if partial:
        bits = [f"{s.label} ({s.have} → {s.required})" for s in partial[:3]]
        out.append("Essential skills below the role's level: " + ", ".join(bits) + ".")
    missing = [s for s in cov.skills if s.status == "missing" and s.importance == "essential"]
    if missing:
        top = sorted(missing, key=lambda s: -s.weight)
        out.append(f"Essential skills with no evidence yet: {_names([s.label for s in top])}.")
    return out


def _category(category: SkillCategory) -> str:
    """A category label inside a sentence: lower-case unless its first word is a name."""
    label = SKILL_CATEGORIES[category]
    first = label.split()[0]
    return label if any(c.isupper() for c in first[1:]) else label[0].lower() + label[1:]


def _rating_reasons(kb: KnowledgeBase, role: Role, profile: Profile) -> list[str]:
    """Where the quiz's self-ratings fall short of the role (résumé evidence aside)."""
    short: dict[SkillCategory, list[tuple[str, int]]] = {}
    for rs in role.skills:
        if rs.importance != "essential" or rs.skill in profile.skills:
            continue
        category = kb.skills[rs.skill].category
        if category not in profile.self_ratings:
            continue
        rated = profile.self_ratings[category]
        if level_index(rated) < level_index(rs.level):
            short.setdefault(category, []).append(
                (kb.skills[rs.skill].label, level_index(rs.level))
            )
    out: list[str] = []
    for cat, items in sorted(short.items(), key=lambda kv: -len(kv[1]))[:2]:
        given = profile.self_ratings[cat]
        levels = " or ".join(
            ("foundational", "intermediate", "advanced")[n - 1]
            for n in sorted({n for _, n in items})
        )
        names = ", ".join(label for label, _ in items[:3]) + (", ..." if len(items) > 3 else "")
        out.append(
            f"You rated {_category(cat)} {given or 'none'}; the role needs {levels} in "
            f"{len(items)} of its essential skills ({names})."
        )
    return out


def _quiz_parts(
    profile: Profile, role: Role, interests: InterestSource | None
) -> dict[Component, tuple[float | None, list[str]]]:
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
        "interests": interest_component(person, role_interests(role, interests or onet_interests)),
        "work_styles": style_component(person, role),
    }


def contradictions(kb: KnowledgeBase, profile: Profile) -> list[str]:
    """Self-ratings the résumé contradicts: a category rated intermediate or above where
    the résumé denies skills of it and shows none."""
    out: list[str] = []
    for category, rated in profile.self_ratings.items():
        if rated is None or level_index(rated) < 2:
            continue
        denied = [s for s in profile.denied if kb.skills[s].category == category]
        shown = [s for s in profile.skills if kb.skills[s].category == category]
        if denied and not shown:
            ev = profile.denied[denied[0]].text
            out.append(
                f"You rated your {SKILL_CATEGORIES[category].lower()} {rated} in the quiz, but "
                f'your résumé says "{" ".join(ev.split())[:120]}"; careermap goes by the '
                "résumé."
            )
    return out


def rank_roles(
    kb: KnowledgeBase,
    profile: Profile,
    *,
    occupation: OccupationGuess | None = None,
    weights: Mapping[Component, float] | None = None,
    interests: InterestSource | None = None,
) -> MatchReport:
    """Every role, best first. ``occupation`` defaults to one recognised from the titles;
    ``interests`` looks up an O*NET code's interest profile (default: the shipped O*NET)."""
    tuning = get_tuning().match
    w: dict[str, float] = {
        str(k): float(v) for k, v in (weights or tuning.weights.model_dump()).items()
    }
    if occupation is None and profile.titles:
        occupation = recognise_occupation(kb, profile)
    nearby = nearby_occupations(profile.titles) if occupation is None else []
    titles = title_matches(profile.titles)
    has_evidence = bool(profile.skills)
    has_ratings = any(v is not None for v in profile.self_ratings.values())
    matches: list[Match] = []
    used: set[Component] = set()
    for role in kb.roles.values():
        comps: dict[Component, float | None] = dict.fromkeys(COMPONENTS, None)
        reasons: list[str] = []
        cov = match_skills(kb, role, profile)
        if has_evidence:
            comps["skills"] = round(100 * cov.score, 1)
            reasons += _skill_reasons(cov, kb)
        if has_ratings:
            share = self_rating_share(kb, role, profile)
            if share is not None:
                comps["self_ratings"] = round(100 * share, 1)
                reasons += _rating_reasons(kb, role, profile)
        for name, (value, why) in _quiz_parts(profile, role, interests).items():
            comps[name] = value
            reasons += why
        prox = proximity(role, titles, occupation, nearby)
        if prox is not None:
            comps["experience"] = round(100 * prox.score, 1)
            reasons.append(prox.reason)
        present = {k: v for k, v in comps.items() if v is not None and w.get(k, 0) > 0}
        used |= set(present)
        wsum = sum(w[k] for k in present)
        score = sum(w[k] * v for k, v in present.items()) / wsum if wsum else 0.0
        matches.append(
            Match(
                rank=1,
                role=role.id,
                title=role.title,
                score=round(score, 1),
                components=comps,
                reasons=reasons,
                coverage=cov,
                proximity=prox,
                essential=cov.count("essential"),
                important=cov.count("important"),
            )
        )
    matches.sort(key=lambda m: (-m.score, m.title))
    ranked: list[Match] = []
    for i, m in enumerate(matches):
        same = ranked and abs(ranked[-1].score - m.score) < 0.05
        ranked.append(m.model_copy(update={"rank": ranked[-1].rank if same else i + 1}))
    order: list[Component] = [c for c in COMPONENTS if c in used]
    separated, note = _separation(ranked, tuning.separation_margin)
    return MatchReport(
        occupation=occupation,
        components_used=order,
        matches=ranked,
        separated=separated,
        note=note,
        contradictions=contradictions(kb, profile),
    )


def _separation(matches: list[Match], margin: float) -> tuple[bool, str | None]:
    if not matches:
        return False, None
    best = matches[0].score
    if best <= 0:
        return False, (
            "Nothing careermap read separates the roles: add your skills and experience, or "
            "take the quiz (careermap quiz)."
        )
    close = [m for m in matches if best - m.score < margin]
    if len(close) == 1:
        return True, None
    names = ", ".join(m.title for m in close[:4]) + (" ..." if len(close) > 4 else "")
    return False, (
        f"The evidence does not separate {names}: their scores are within {margin:g} points. "
        "Look at each one's reasons, or take the quiz to add your interests."
    )
