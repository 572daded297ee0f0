"""How well a person's skills cover a role's, skill by skill, with the evidence.

Each role skill counts by its importance (essential 3, important 2, useful 1). A skill
the person has at or above the role's level covers it fully; below that level it covers
it in proportion to the levels reached (foundational of advanced = 1/3); a skill known
only from a self-rating of its category counts at 60% of the rated level's coverage,
since it has no evidence behind it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import (
    IMPORTANCE_ORDER,
    IMPORTANCE_WEIGHTS,
    Importance,
    Level,
    Role,
    level_index,
)
from careermap.profile import Evidence, Profile

__all__ = [
    "SELF_RATING_DISCOUNT",
    "SkillCoverage",
    "SkillMatch",
    "match_skills",
]

SELF_RATING_DISCOUNT = 0.6


class SkillMatch(BaseModel):
    skill: str
    label: str
    importance: Importance
    required: Level
    have: Level | None
    status: Literal["matched", "partial", "missing"]
    credit: float = Field(ge=0, le=1)
    basis: Literal["evidence", "self-rating", "none"]
    evidence: list[Evidence] = Field(default_factory=list)


class SkillCoverage(BaseModel):
    score: float = Field(ge=0, le=1, description="importance-weighted coverage")
    skills: list[SkillMatch]

    def by_status(self, status: str) -> list[SkillMatch]:
        return [s for s in self.skills if s.status == status]


def match_skills(kb: KnowledgeBase, role: Role, profile: Profile) -> SkillCoverage:
    rows: list[SkillMatch] = []
    total = got = 0.0
    for rs in role.skills:
        skill = kb.skills[rs.skill]
        need = level_index(rs.level)
        held = profile.skills.get(rs.skill)
        basis: Literal["evidence", "self-rating", "none"] = "none"
        have: Level | None = None
        discount = 1.0
        evidence: list[Evidence] = []
        if held is not None:
            have, basis, evidence = held.level, "evidence", list(held.evidence[:3])
        else:
            rated = profile.self_ratings.get(skill.category)
            if rated is not None:
                have, basis, discount = rated, "self-rating", SELF_RATING_DISCOUNT
        credit = min(1.0, level_index(have) / need) * discount
        status: Literal["matched", "partial", "missing"]
        if have is None:
            status = "missing"
        elif level_index(have) >= need and basis == "evidence":
            status = "matched"
        else:
            status = "partial"
        weight = IMPORTANCE_WEIGHTS[rs.importance]
        total += weight
        got += weight * credit
        rows.append(
            SkillMatch(
                skill=rs.skill,
                label=skill.label,
                importance=rs.importance,
                required=rs.level,
                have=have,
                status=status,
                credit=round(credit, 4),
                basis=basis,
                evidence=evidence,
            )
        )
    rows.sort(key=lambda r: (IMPORTANCE_ORDER[r.importance], -r.credit, r.skill))
    return SkillCoverage(score=round(got / total, 4) if total else 0.0, skills=rows)
