"""Which needs remain after progress, and the order to learn them in.

The order is topological over the skill graph restricted to the needs (a need comes after
every need it transitively depends on, even through skills outside the plan), and among
the needs ready at any point the most important goes first, then by id. A prerequisite
inherits the importance of the most important need it unlocks, so the foundations of an
essential skill are not pushed behind merely useful ones.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping

from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import IMPORTANCE_ORDER, LEVELS, Importance, Level
from careermap.plan.within import root_of
from careermap.profile import SkillNeed

__all__ = [
    "IMPORTANCE_RANK",
    "OrderedNeeds",
    "dependencies",
    "order_needs",
    "remaining_needs",
]

IMPORTANCE_RANK = IMPORTANCE_ORDER  # kept under the plan's own name


def _level_index(level: Level | None) -> int:
    return -1 if level is None else LEVELS.index(level)


def remaining_needs(
    kb: KnowledgeBase,
    needs: Iterable[SkillNeed],
    done: Iterable[str] = (),
    progress: Mapping[str, Level] | None = None,
) -> list[SkillNeed]:
    """The needs left once ``done`` skills are dropped and ``progress`` levels applied.

    Ids are resolved through the knowledge base (labels and aliases work too; an unknown
    id raises :class:`~careermap.errors.UnknownIdError` with suggestions). A skill listed
    twice keeps its highest target and its most important reason. A need whose current
    level already reaches its target is met and leaves the plan.
    """
    done_ids = {kb.skill(s).id for s in done}
    levels = {kb.skill(s).id: lv for s, lv in (progress or {}).items()}
    merged: dict[str, SkillNeed] = {}
    for need in needs:
        sid = kb.skill(need.skill).id
        if sid in done_ids:
            continue
        current = need.current
        if _level_index(levels.get(sid)) > _level_index(current):
            current = levels[sid]
        item = need.model_copy(update={"skill": sid, "current": current})
        prev = merged.get(sid)
        if prev is None:
            merged[sid] = item
            continue
        better = IMPORTANCE_RANK[item.importance] < IMPORTANCE_RANK[prev.importance]
        base = item if better else prev
        target = max(prev.target, item.target, key=LEVELS.index)
        cur = max(prev.current, item.current, key=_level_index)
        merged[sid] = base.model_copy(update={"target": target, "current": cur})
    return [n for n in merged.values() if _level_index(n.current) < LEVELS.index(n.target)]


class OrderedNeeds:
    """Needs in learning order, with each one's in-plan prerequisites (``after``: the
    nearest ones; ``deps``: all of them, however far back)."""

    def __init__(
        self, needs: list[SkillNeed], after: dict[str, list[str]], deps: dict[str, set[str]]
    ) -> None:
        self.needs = needs
        self.after = after
        self.deps = deps

    @property
    def ids(self) -> list[str]:
        return [n.skill for n in self.needs]


def dependencies(
    kb: KnowledgeBase, ids: Iterable[str], within: Mapping[str, str] | None = None
) -> dict[str, set[str]] | None:
    """Each id's prerequisites among ``ids``, however far back, where a prerequisite that
    is learned within another need (``within``: skill id -> the need's id, see
    careermap.plan.within) is stood in for by that need. None when the stand-ins would
    make a need wait for itself. A need learned within another brings its prerequisites
    to that one, which then comes after them."""
    wanted = set(ids)
    within = within or {}

    def needed(sid: str, owner: str) -> set[str]:
        return {r for a in kb.ancestors(sid) if (r := root_of(within, a)) in wanted and r != owner}

    direct = {sid: needed(sid, sid) for sid in wanted}
    if not within:
        return direct  # ancestors() is already transitive and acyclic
    # a need learned within another brings its own prerequisites to that one
    for y in within:
        host = root_of(within, y)
        if host in wanted:
            direct[host] |= needed(y, host)
    closed: dict[str, set[str]] = {}
    active: set[str] = set()

    def close(sid: str) -> set[str] | None:
        if sid in closed:
            return closed[sid]
        if sid in active:
            return None
        active.add(sid)
        out = set(direct[sid])
        for d in direct[sid]:
            more = close(d)
            if more is None:
                return None
            out |= more
        active.discard(sid)
        closed[sid] = out
        return out

    for sid in sorted(wanted):
        if close(sid) is None or sid in closed[sid]:
            return None
    return closed


def order_needs(
    kb: KnowledgeBase,
    needs: list[SkillNeed],
    deps: Mapping[str, set[str]] | None = None,
    carries: Mapping[str, Importance] | None = None,
) -> OrderedNeeds:
    """Sort needs so that each comes after the needs it depends on (see the module doc);
    ``deps`` from :func:`dependencies` when some prerequisites are learned within others,
    and ``carries`` the importance of what is learned within a need, which it takes on for
    the order."""
    by_id = {n.skill: n for n in needs}
    wanted = set(by_id)
    if deps is None:
        dep = {sid: kb.ancestors(sid) & wanted for sid in wanted}
    else:
        dep = {sid: set(deps[sid]) & wanted for sid in wanted}
    own = {sid: IMPORTANCE_RANK[n.importance] for sid, n in by_id.items()}
    for sid, imp in (carries or {}).items():
        if sid in own:
            own[sid] = min(own[sid], IMPORTANCE_RANK[imp])
    priority = dict(own)
    for sid, anc in dep.items():
        for a in anc:
            priority[a] = min(priority[a], own[sid])

    waiting = {sid: len(anc) for sid, anc in dep.items()}
    dependants: dict[str, list[str]] = {sid: [] for sid in wanted}
    for sid, anc in dep.items():
        for a in anc:
            dependants[a].append(sid)

    def key(sid: str) -> tuple[int, int, str]:
        return (priority[sid], IMPORTANCE_RANK[by_id[sid].importance], sid)

    heap = [key(sid) for sid, n in waiting.items() if n == 0]
    heapq.heapify(heap)
    out: list[str] = []
    while heap:
        sid = heapq.heappop(heap)[2]
        out.append(sid)
        for d in dependants[sid]:
            waiting[d] -= 1
            if waiting[d] == 0:
                heapq.heappush(heap, key(d))
    # ancestors() follows a graph the loader proved acyclic, and dependencies() refuses
    # stand-ins that would make a cycle, so every need is emitted
    after: dict[str, list[str]] = {}
    pos = {sid: i for i, sid in enumerate(out)}
    for sid, anc in dep.items():
        # keep only the nearest prerequisites: drop those another prerequisite depends on
        implied = set().union(*(dep[a] for a in anc)) if anc else set()
        after[sid] = sorted(anc - implied, key=pos.__getitem__)
    return OrderedNeeds([by_id[s] for s in out], after, dep)
