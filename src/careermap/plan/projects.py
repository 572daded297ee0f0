"""Portfolio projects that put the plan's skills to work.

The projects chosen are those that use the most of the gap's skills (then: the ones the
role itself recommends, the ones the seed articles name, the shorter, by id); a project
that uses a single gap skill is taken only when fewer than two use more. Each goes right
after the last of its skills still to learn, so it is built as soon as it can be.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import PortfolioProject

__all__ = ["MAX_PROJECTS", "pick_projects", "place_projects"]

#: a plan builds two projects by default: enough to show the new skills at work, little
#: enough to keep a move into a neighbouring field to months, not years
MAX_PROJECTS = 2


def pick_projects(
    kb: KnowledgeBase,
    role_id: str,
    gap_skills: Sequence[str],
    limit: int = MAX_PROJECTS,
    exclude: Collection[str] = (),
) -> list[PortfolioProject]:
    """Up to ``limit`` projects that use gap skills, best first (``exclude``: done ones)."""
    wanted = set(gap_skills)
    recommended = set(kb.role(role_id).projects)
    seen: dict[str, PortfolioProject] = {}
    for sid in gap_skills:
        for p in kb.projects_for(sid):
            if p.id not in exclude:
                seen[p.id] = p

    def key(p: PortfolioProject) -> tuple[int, bool, bool, int, str]:
        overlap = len(wanted.intersection(p.skills))
        return (-overlap, p.id not in recommended, not p.named_in_seeds, p.hours, p.id)

    ranked = sorted(seen.values(), key=key)
    strong = [p for p in ranked if len(wanted.intersection(p.skills)) >= 2]
    return (strong if len(strong) >= min(2, limit) else ranked)[:limit]


def place_projects(
    projects: Sequence[PortfolioProject], skill_order: Sequence[str]
) -> list[tuple[int, PortfolioProject]]:
    """(position, project): each project goes after the skill at ``position`` in the
    order (the last of its plan skills; -1, the very start, when none is left to learn);
    in pick order where two share a position."""
    pos = {sid: i for i, sid in enumerate(skill_order)}
    out = [(max((pos[s] for s in p.skills if s in pos), default=-1), p) for p in projects]
    return sorted(out, key=lambda t: t[0])
