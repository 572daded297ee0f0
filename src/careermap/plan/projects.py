"""Portfolio projects that put the plan's skills to work.

A portfolio shows an employer the role's skills at work, so projects come from the role's
own list (a project outside it only when none of the role's puts two of the gap's skills
to work). They are chosen one at a time: each time, the project that puts to work the most
of the gap's essential skills not yet shown by a project picked or built before, then the
most gap skills not yet shown, then one the seed articles name, the shorter, by id. The
first needs two gap skills (one, when no project has two); each further project needs two
gap skills not yet shown, one of them essential: a second project that only repeats the
first, or shows only secondary skills, costs the learner weeks and shows an employer
little. Each goes right after the last of its skills still to learn, so it is built as
soon as it can be.

A project is practice: a self-study estimate includes exercises and a first build of one's
own, and a project that puts the skill to work is that build. So each project, in plan
order, is shortened by the practice share (tuning.yaml's ``plan.practice_share``) of the
self-study steps of its skills that no earlier project has credited, keeping at least its
own share (``plan.project_own_share``: scoping, data, packaging, the write-up). A course's
hours are its provider's and are never credited.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import PortfolioProject
from careermap.plan.model import PlanStep

__all__ = ["MAX_PROJECTS", "credit_practice", "pick_projects", "place_projects"]

#: a plan builds at most two projects by default: enough to show the new skills at work,
#: little enough to keep a move into a neighbouring field to months, not years
MAX_PROJECTS = 2


def pick_projects(
    kb: KnowledgeBase,
    role_id: str,
    gap: Mapping[str, bool],
    limit: int = MAX_PROJECTS,
    exclude: Collection[str] = (),
) -> list[PortfolioProject]:
    """Up to ``limit`` projects for the gap (skill id -> whether it is one of the role's
    essential skills), best first; ``exclude``: projects built already, whose skills count
    as shown (see the module doc)."""
    wanted = set(gap)
    essential = {sid for sid, ess in gap.items() if ess}
    own = [kb.project(p) for p in kb.role(role_id).projects]

    def strong(ps: list[PortfolioProject]) -> bool:
        return any(len(wanted.intersection(p.skills)) >= 2 for p in ps)

    pool = [p for p in own if wanted.intersection(p.skills)]
    if not strong(pool):
        pool = sorted(
            {p.id: p for sid in gap for p in kb.projects_for(sid)}.values(), key=lambda p: p.id
        )
    first_needs = 2 if strong(pool) else 1
    shown: set[str] = set()
    for pid in exclude:
        shown.update(kb.project(pid).skills)
    picked: list[PortfolioProject] = []
    while len(picked) < limit:
        best: tuple[tuple[int, int, bool, int, str], PortfolioProject] | None = None
        for p in pool:
            if p.id in exclude or p in picked:
                continue
            new = wanted.intersection(p.skills) - shown
            new_essential = new & essential
            if picked or exclude:
                if len(new) < 2 or not new_essential:
                    continue
            elif len(new) < first_needs:
                continue
            key = (-len(new_essential), -len(new), not p.named_in_seeds, p.hours, p.id)
            if best is None or key < best[0]:
                best = (key, p)
        if best is None:
            break
        picked.append(best[1])
        shown.update(best[1].skills)
    return picked


def place_projects(
    projects: Sequence[PortfolioProject], skill_order: Sequence[str]
) -> list[tuple[int, PortfolioProject]]:
    """(position, project): each project goes after the skill at ``position`` in the
    order (the last of its plan skills; -1, the very start, when none is left to learn);
    in pick order where two share a position."""
    pos = {sid: i for i, sid in enumerate(skill_order)}
    out = [(max((pos[s] for s in p.skills if s in pos), default=-1), p) for p in projects]
    return sorted(out, key=lambda t: t[0])


def credit_practice(
    kb: KnowledgeBase, steps: Sequence[PlanStep], practice_share: float, own_share: float
) -> None:
    """Shorten each project step by the practice it stands for (see the module doc) and
    say so in its hours basis; skill steps keep their hours."""
    credited: set[str] = set()
    for st in steps:
        if st.kind != "project":
            continue
        uses = set(kb.project(st.ref).skills)
        mine = [
            s
            for s in steps
            if s.kind == "skill"
            and s.self_study
            and s.within is None
            and s.ref in uses
            and s.ref not in credited
            and s.hours > 0
        ]
        full = st.hours
        credit = round(min(practice_share * sum(s.hours for s in mine), (1 - own_share) * full), 1)
        if credit <= 0:
            continue
        credited.update(s.ref for s in mine)
        st.hours = round(full - credit, 1)
        st.hours_basis = (
            f"the project's own estimate, {full:g} h, less {credit:g} h of practice already "
            f"counted in the self-study of {', '.join(s.title for s in mine)}"
        )
