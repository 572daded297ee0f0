"""The gap between a person and a target role: what to learn, in what order, and why.

A role skill the person lacks, or holds below the role's level, is a need. Prerequisites
of a need that the person does not hold yet are needs too (at foundational level, or the
level the role itself asks), so a plan never asks for LoRA before fine-tuning. Needs are
ordered by importance to the role, then by how many other needs they unlock, then by the
prerequisite graph.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, Field

from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import IMPORTANCE_ORDER, Level, Role, level_index
from careermap.match.skills import SkillCoverage, match_skills
from careermap.profile import Profile, SkillNeed

__all__ = ["Gap", "TechFlags", "compute_gap", "onet_flags"]

TechFlags = Callable[[list[str]], tuple[bool, bool]]


def onet_flags(names: list[str]) -> tuple[bool, bool]:
    """(Hot Technology, In Demand) for any of a skill's O*NET technology-skill names."""
    if not names:
        return False, False
    from careermap.knowledge import broad

    hot = demand = False
    for n in names:
        found = broad.tech_skill_flags(n)
        if found is not None:
            hot, demand = hot or found.hot, demand or found.in_demand
    return hot, demand


class Gap(BaseModel):
    role: str
    role_title: str
    needs: list[SkillNeed]
    have: list[str] = Field(description="role skills already held at the role's level")
    coverage: SkillCoverage
    hours_estimate: int = Field(description="self-study hours to close every need")

    @property
    def essential_missing(self) -> list[SkillNeed]:
        return [n for n in self.needs if n.importance == "essential" and n.current is None]


def _reason(kb: KnowledgeBase, role: Role, skill: str, level: Level, why: str | None) -> str:
    if why:
        return why
    return f"{role.title} needs {kb.skills[skill].label} at {level} level."


def compute_gap(
    kb: KnowledgeBase,
    role: Role,
    profile: Profile,
    *,
    flags: TechFlags = onet_flags,
) -> Gap:
    coverage = match_skills(kb, role, profile)
    needs: dict[str, SkillNeed] = {}
    have: list[str] = []
    for rs in role.skills:
        current = profile.level_of(rs.skill)
        if level_index(current) >= level_index(rs.level):
            have.append(rs.skill)
            continue
        hot, demand = flags(kb.skills[rs.skill].onet_names())
        said = profile.denied.get(rs.skill)
        needs[rs.skill] = SkillNeed(
            skill=rs.skill,
            target=rs.level,
            current=current,
            importance=rs.importance,
            reason=_reason(kb, role, rs.skill, rs.level, rs.why),
            hot_technology=hot,
            in_demand=demand,
            you_said=None if said is None else " ".join(said.text.split()),
        )
    role_levels = {rs.skill: rs.level for rs in role.skills}
    # prerequisites the person lacks, for every need (closure over the graph)
    for sid in list(needs):
        for pre in sorted(kb.ancestors(sid)):
            if profile.level_of(pre) is not None:
                continue
            if pre in needs:
                if sid not in needs[pre].via_prerequisite_of and pre not in role_levels:
                    needs[pre] = needs[pre].model_copy(
                        update={"via_prerequisite_of": [*needs[pre].via_prerequisite_of, sid]}
                    )
                continue
            target: Level = role_levels.get(pre, "foundational")
            hot, demand = flags(kb.skills[pre].onet_names())
            needs[pre] = SkillNeed(
                skill=pre,
                target=target,
                current=None,
                importance=needs[sid].importance if pre not in role_levels else "useful",
                reason=(f"Comes before {kb.skills[sid].label}, which {role.title} needs."),
                hot_technology=hot,
                in_demand=demand,
                via_prerequisite_of=[sid],
            )
    unlocks = kb.unlocks
    topo = {s: i for i, s in enumerate(kb.prerequisite_order(needs))}
    ordered = sorted(
        needs.values(),
        key=lambda n: (
            IMPORTANCE_ORDER[n.importance],
            -sum(1 for u in unlocks[n.skill] if u in needs),
            topo[n.skill],
        ),
    )
    hours = sum(kb.skills[n.skill].hours.to_reach(n.target, start=n.current) for n in ordered)
    return Gap(
        role=role.id,
        role_title=role.title,
        needs=ordered,
        have=have,
        coverage=coverage,
        hours_estimate=hours,
    )
