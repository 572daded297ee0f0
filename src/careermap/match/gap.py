"""The gap between a person and a target role: what to learn, in what order, and why.

A role skill the person does not hold at the role's level is a need; anything the person
holds counts, whether stated, implied by what they did, shown by a degree or attested by
a certification (:class:`~careermap.profile.ProfileSkill`), so nothing they have is in the
gap. A skill they say they lack stays a need, with their words (``you_said``).

Prerequisites of a need that the person does not hold yet are needs too (at foundational
level, or the level the role itself asks), so a plan never asks for LoRA before
fine-tuning: all of them, transitively, for a need above foundational level, only the
direct ones for a foundational essential one, and none for a foundational one the role
finds less than essential. A group of alternatives in the role (one cloud,
one deep-learning framework: ``RoleSkill.one_of``) is one need, for the member the person
is nearest to, and none when they hold one. The role's "useful" skills are needs marked
``optional``: a plan offers them as extras and does not schedule them. A need the person
has a head start on (a second programming language, a second cloud: the skill graph's
``transfer``) carries it, and its hours are that share of the usual ones.

Order: the role's own essential skills, then its important ones (each by how specific the
skill is to the role), then the prerequisites they need, then soft skills (human
competencies), then the optional extras. A plan reorders them for learning (each after
its prerequisites); the gap says what matters most for the role.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, Field

from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import Level, Role, level_index
from careermap.match.skills import SkillCoverage, match_skills, specificity
from careermap.profile import HeadStart, Profile, SkillNeed

__all__ = ["Gap", "TechFlags", "compute_gap", "head_start", "onet_flags"]

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
    needs: list[SkillNeed] = Field(description="what to learn, most important for the role first")
    have: list[str] = Field(description="role skills already held at the role's level")
    coverage: SkillCoverage
    hours_estimate: int = Field(
        description="self-study hours to close every need that is not optional"
    )
    optional_hours: int = Field(default=0, description="self-study hours of the optional extras")

    @property
    def essential_missing(self) -> list[SkillNeed]:
        return [n for n in self.needs if n.importance == "essential" and n.current is None]

    @property
    def required(self) -> list[SkillNeed]:
        """The needs a default plan schedules (all but the optional extras)."""
        return [n for n in self.needs if not n.optional]


def _reason(kb: KnowledgeBase, role: Role, skill: str, level: Level, why: str | None) -> str:
    if why:
        return why
    return f"{role.title} needs {kb.skills[skill].label} at {level} level."


def _group(need: SkillNeed, kb: KnowledgeBase) -> int:
    if need.optional:
        return 4
    if need.via_prerequisite_of and need.kind == "prerequisite":
        return 2
    if kb.skills[need.skill].category == "human":
        return 3
    return 0 if need.importance == "essential" else 1


def _needed_first(kb: KnowledgeBase, skill: str, target: Level, essential: bool) -> set[str]:
    """The skills to learn before ``skill`` to reach ``target``: every prerequisite,
    transitively; for a foundational target of an essential skill only the direct ones
    (the basics of a skill do not need the whole chain beneath it), and none for a
    foundational target of a skill the role finds less than essential (an overview of
    model quantization for an MLOps engineer does not wait for a deep-learning course)."""
    if target == "foundational":
        return set(kb.skills[skill].prerequisites) if essential else set()
    return kb.ancestors(skill)


def _groups(role: Role, profile: Profile) -> dict[str, str | None]:
    """For each group of alternatives, the one skill that stands for it in the gap: None
    when the person holds one at the role's level; else the one they hold the most of
    (the first listed when they hold none)."""
    out: dict[str, str | None] = {}
    members: dict[str, list[tuple[str, Level]]] = {}
    for rs in role.skills:
        if rs.one_of is not None:
            members.setdefault(rs.one_of, []).append((rs.skill, rs.level))
    for group, skills in members.items():
        if any(level_index(profile.level_of(s)) >= level_index(lv) for s, lv in skills):
            out[group] = None
            continue
        out[group] = max(
            skills, key=lambda x: (level_index(profile.level_of(x[0])), -skills.index(x))
        )[0]
    return out


def head_start(kb: KnowledgeBase, skill_id: str, profile: Profile) -> HeadStart | None:
    """The held skill that shortens ``skill_id`` most (the skill graph's ``transfer``):
    one of a transfer's skills held at its level or above; the smallest share wins. It is
    named by the skill held highest, the person's own words before an implied one."""
    best: HeadStart | None = None
    for t in kb.skills[skill_id].transfer:
        held = [s for s in t.skills if level_index(profile.level_of(s)) >= level_index(t.level)]
        if not held or (best is not None and t.share >= best.share):
            continue
        named = min(
            held,
            key=lambda s: (
                -level_index(profile.level_of(s)),
                profile.skills[s].basis != "stated",
                t.skills.index(s),
            ),
        )
        best = HeadStart(skill=named, share=t.share, why=t.why)
    return best


def compute_gap(
    kb: KnowledgeBase,
    role: Role,
    profile: Profile,
    *,
    flags: TechFlags = onet_flags,
) -> Gap:
    coverage = match_skills(kb, role, profile)
    spec = specificity(kb)
    needs: dict[str, SkillNeed] = {}
    have: list[str] = []
    groups = _groups(role, profile)
    for rs in role.skills:
        current = profile.level_of(rs.skill)
        if level_index(current) >= level_index(rs.level):
            have.append(rs.skill)
            continue
        if rs.one_of is not None and groups[rs.one_of] != rs.skill:
            continue  # another skill of its group stands for it, or is held
        hot, demand = flags(kb.skills[rs.skill].onet_names())
        said = profile.denied.get(rs.skill)
        reason = _reason(kb, role, rs.skill, rs.level, rs.why)
        if rs.one_of is not None:
            others = [
                kb.skills[x.skill].label
                for x in role.skills
                if x.one_of == rs.one_of and x.skill != rs.skill
            ]
            reason += f" (or an equivalent: {', '.join(others)})"
        needs[rs.skill] = SkillNeed(
            skill=rs.skill,
            target=rs.level,
            current=current,
            importance=rs.importance,
            reason=reason,
            hot_technology=hot,
            in_demand=demand,
            you_said=None if said is None else " ".join(said.text.split()),
            optional=rs.importance == "useful",
            weight=round(spec.get(rs.skill, 1.0), 4),
            head_start=head_start(kb, rs.skill, profile),
        )
    role_levels = {rs.skill: rs.level for rs in role.skills}
    # prerequisites the person lacks, for every need (closure over the graph); a
    # prerequisite of an optional extra is optional too, unless a required need needs it
    for sid in sorted(needs, key=lambda s: needs[s].optional):
        essential = needs[sid].importance == "essential"
        for pre in sorted(_needed_first(kb, sid, needs[sid].target, essential)):
            if profile.level_of(pre) is not None:
                continue
            if pre in needs:
                known = needs[pre]
                update: dict[str, object] = {}
                if known.optional and not needs[sid].optional:
                    update["optional"] = False  # a required need cannot be learned without it
                if sid not in known.via_prerequisite_of:
                    update["via_prerequisite_of"] = [*known.via_prerequisite_of, sid]
                if update:
                    needs[pre] = known.model_copy(update=update)
                continue
            target: Level = role_levels.get(pre, "foundational")
            hot, demand = flags(kb.skills[pre].onet_names())
            said = profile.denied.get(pre)
            needs[pre] = SkillNeed(
                skill=pre,
                target=target,
                current=None,
                importance=needs[sid].importance if pre not in role_levels else "useful",
                reason=(f"Comes before {kb.skills[sid].label}, which {role.title} needs."),
                hot_technology=hot,
                in_demand=demand,
                via_prerequisite_of=[sid],
                you_said=None if said is None else " ".join(said.text.split()),
                kind="prerequisite",
                optional=needs[sid].optional,
                weight=round(spec.get(pre, 1.0), 4),
                head_start=head_start(kb, pre, profile),
            )
    ordered = sorted(
        needs.values(),
        key=lambda n: (_group(n, kb), -n.weight, kb.skills[n.skill].label.lower()),
    )
    hours = round(sum(n.study_hours(kb) for n in ordered if not n.optional))
    extra = round(sum(n.study_hours(kb) for n in ordered if n.optional))
    return Gap(
        role=role.id,
        role_title=role.title,
        needs=ordered,
        have=have,
        coverage=coverage,
        hours_estimate=hours,
        optional_hours=extra,
    )
