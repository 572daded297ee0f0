"""How well a person's skills cover a role's, skill by skill, with the evidence.

Each role skill has a weight: its importance to the role times how specific it is to the
role (:func:`specificity`: a skill many roles need, such as Python or communication, says
little about which role fits; one few roles need, such as MLflow, says much). The values
are in ``tuning.yaml`` (``match``), each with its basis.

A skill the person has at or above the role's level covers it fully; below that level it
covers it in proportion to the levels reached (foundational of advanced = 1/3). A skill the
person's evidence only implies (``ProfileSkill.basis == "implied"``) earns the implied
credit share. A quiz self-rating of a category never counts here: it is scored apart
(:func:`self_rating_share`), for the skills the résumé says nothing about.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, Field

from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import IMPORTANCE_ORDER, Importance, Level, Role, level_index
from careermap.profile import Evidence, Profile
from careermap.tuning import MatchTuning, get_tuning

__all__ = [
    "SkillCoverage",
    "SkillMatch",
    "match_skills",
    "self_rating_share",
    "specificity",
]

Basis = Literal["evidence", "implied", "self-rating", "none"]


class SkillMatch(BaseModel):
    skill: str
    label: str
    importance: Importance
    required: Level
    have: Level | None
    status: Literal["matched", "partial", "missing"]
    credit: float = Field(ge=0, le=1)
    weight: float = Field(ge=0, description="importance x specificity of the skill to the role")
    basis: Basis
    implied_by: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    counted: bool = Field(
        default=True,
        description="False for an alternative of a group (one cloud...) that another "
        "member of the group stands for in the score",
    )
    one_of: str | None = None


class SkillCoverage(BaseModel):
    score: float = Field(ge=0, le=1, description="weighted share of the role's skills held")
    skills: list[SkillMatch]

    def by_status(self, status: str) -> list[SkillMatch]:
        return [s for s in self.skills if s.status == status]

    def count(self, importance: Importance) -> tuple[int, int]:
        """(held at the role's level, listed) among the role's skills of an importance; a
        group of alternatives counts once."""
        mine = [s for s in self.skills if s.importance == importance and s.counted]
        return sum(s.status == "matched" for s in mine), len(mine)


def specificity(kb: KnowledgeBase) -> Mapping[str, float]:
    """Skill id -> how specific it is to the roles that need it (0-1; see the module doc)."""
    from careermap.runtime import get_runtime

    tuning = get_tuning().match
    # keyed by the values it uses too, so a runtime with other tuning never reads these
    key = (id(kb), tuning.specificity.floor, tuning.specificity.exponent)
    return get_runtime().memo("specificity", key, lambda: _specificity(kb, tuning))


def _specificity(kb: KnowledgeBase, tuning: MatchTuning) -> dict[str, float]:
    n_roles = len(kb.roles)
    needing: dict[str, int] = {}
    for role in kb.roles.values():
        for rs in role.skills:
            if rs.importance in ("essential", "important"):
                needing[rs.skill] = needing.get(rs.skill, 0) + 1
    raw = {sid: math.log(1 + n_roles / max(needing.get(sid, 0), 1)) for sid in kb.skills}
    top = max(raw.values(), default=1.0) or 1.0
    spec = tuning.specificity
    return {sid: max(spec.floor, (v / top) ** spec.exponent) for sid, v in raw.items()}


def _weight(importance: Importance, spec: float, tuning: MatchTuning) -> float:
    return float(getattr(tuning.importance, importance)) * spec


def match_skills(kb: KnowledgeBase, role: Role, profile: Profile) -> SkillCoverage:
    """Every skill of the role, with what the person has of it and what that earns."""
    tuning = get_tuning()
    spec = specificity(kb)
    implied_credit = tuning.extract.implied.credit
    rows: list[SkillMatch] = []
    total = got = 0.0
    for rs in role.skills:
        skill = kb.skills[rs.skill]
        need = level_index(rs.level)
        held = profile.skills.get(rs.skill)
        basis: Basis = "none"
        have: Level | None = None
        share = 1.0
        evidence: list[Evidence] = []
        implied_by: list[str] = []
        if held is not None:
            have, evidence = held.level, list(held.evidence[:3])
            basis = "implied" if held.basis == "implied" else "evidence"
            implied_by = list(held.implied_by)
            if basis == "implied":
                share = implied_credit
        credit = min(1.0, level_index(have) / need) * share
        status: Literal["matched", "partial", "missing"]
        if have is None:
            status = "missing"
        elif level_index(have) >= need:
            status = "matched"
        else:
            status = "partial"
        weight = _weight(rs.importance, spec.get(rs.skill, 1.0), tuning.match)
        rows.append(
            SkillMatch(
                skill=rs.skill,
                label=skill.label,
                importance=rs.importance,
                required=rs.level,
                have=have,
                status=status,
                credit=round(credit, 4),
                weight=round(weight, 4),
                basis=basis,
                implied_by=implied_by,
                evidence=evidence,
                one_of=rs.one_of,
            )
        )
    # a group of alternatives counts once: its first member's weight, its best credit
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if row.one_of is not None:
            groups.setdefault(row.one_of, []).append(i)
    for members in groups.values():
        best = max(members, key=lambda i: (rows[i].credit, -i))
        for i in members:
            if i != best:
                rows[i] = rows[i].model_copy(update={"counted": False})
        if best != members[0]:
            rows[best] = rows[best].model_copy(update={"weight": rows[members[0]].weight})
    for row in rows:
        if row.counted:
            total += row.weight
            got += row.weight * row.credit
    rows.sort(key=lambda r: (IMPORTANCE_ORDER[r.importance], -r.credit, -r.weight, r.skill))
    score = got / _denominator(kb, total, tuning.match) if total else 0.0
    return SkillCoverage(score=round(min(score, 1.0), 4), skills=rows)


def _denominator(kb: KnowledgeBase, total: float, tuning: MatchTuning) -> float:
    """``total ** length_exponent``, rescaled so that a role of average weight divides by
    its own total (at length_exponent 1 this is exactly ``total``)."""
    lam = tuning.length_exponent
    if lam >= 1.0:
        return total
    mean = _mean_total(kb)
    return float(total**lam) * float(mean ** (1.0 - lam))


def _mean_total(kb: KnowledgeBase) -> float:
    from careermap.runtime import get_runtime

    def build() -> float:
        tuning = get_tuning().match
        spec = specificity(kb)
        totals = []
        for r in kb.roles.values():
            seen: set[str] = set()
            total = 0.0
            for rs in r.skills:
                if rs.one_of is not None:
                    if rs.one_of in seen:
                        continue
                    seen.add(rs.one_of)
                total += _weight(rs.importance, spec.get(rs.skill, 1.0), tuning)
            totals.append(total)
        return sum(totals) / len(totals) if totals else 1.0

    return float(get_runtime().memo("role_weight_mean", id(kb), build))


def self_rating_share(kb: KnowledgeBase, role: Role, profile: Profile) -> float | None:
    """The weighted share of the role's skills that the person's quiz self-ratings cover,
    counting only skills the résumé says nothing about, each at ``self_rating_credit`` of
    what evidence would earn (None without self-ratings)."""
    ratings = {c: lv for c, lv in profile.self_ratings.items()}
    if not ratings:
        return None
    tuning = get_tuning()
    spec = specificity(kb)
    total = got = 0.0
    seen_groups: set[str] = set()
    for rs in role.skills:
        if rs.one_of is not None:
            if rs.one_of in seen_groups:
                continue  # a group of alternatives counts once, by its first member
            seen_groups.add(rs.one_of)
        weight = _weight(rs.importance, spec.get(rs.skill, 1.0), tuning.match)
        total += weight
        if rs.skill in profile.skills or rs.skill in profile.denied:
            continue
        rated = ratings.get(kb.skills[rs.skill].category)
        if rated is None:
            continue
        share = min(1.0, level_index(rated) / level_index(rs.level))
        got += weight * share * tuning.match.self_rating_credit
    return got / _denominator(kb, total, tuning.match) if total else 0.0
