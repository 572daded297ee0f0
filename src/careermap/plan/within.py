"""Needs that are learned within another need of the same plan.

The skill graph's ``implies`` relation says what demonstrated use of a skill shows: a person
who trains deep networks knows neural networks. A plan that teaches that skill teaches the
implied one too, so it does not schedule it again. A need Y is learned within a need X of
the plan when

- X implies Y at a level that, capped at the level the plan takes X to, reaches Y's target;
- Y is not something X is learned on (not among X's prerequisites, however far back); and
- learning X takes at least as long as learning Y would on its own (knowledge-base hours,
  each from the person's current level to the plan's target), so that X's study can hold
  Y's: a short scikit-learn course does not stand in for machine-learning fundamentals.

Among several such X the longest to learn is taken (then the first by id). Y then has a step
of no hours of its own right after X's; what needs Y comes after X, and Y's own
prerequisites come before X.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import LEVELS
from careermap.profile import SkillNeed

__all__ = ["learned_within", "root_of"]


def learned_within(
    kb: KnowledgeBase, needs: Iterable[SkillNeed], reached: Iterable[SkillNeed] = ()
) -> dict[str, str]:
    """Skill id → the id of the need it is learned within (see the module doc).

    ``needs`` are the plan's needs; ``reached`` are needs the person has since met (marked
    learned, or progress at the target): they stand in for a need as a plan step would."""
    wanted = {n.skill: n for n in needs}
    teachers = {**{n.skill: n for n in reached}, **wanted}
    hours = {sid: n.study_hours(kb) for sid, n in teachers.items()}
    best: dict[str, str] = {}
    for xid, x in teachers.items():
        for implied in kb.skill(xid).implies:
            yid = implied.skill
            y = wanted.get(yid)
            if y is None or yid in kb.ancestors(xid) or hours[xid] < hours[yid]:
                continue
            if min(LEVELS.index(implied.level), LEVELS.index(x.target)) < LEVELS.index(y.target):
                continue
            prev = best.get(yid)
            if prev is None or (-hours[xid], xid) < (-hours[prev], prev):
                best[yid] = xid
    return best


def root_of(within: Mapping[str, str], sid: str) -> str:
    """The need at the end of ``sid``'s chain of learned-within (itself when none)."""
    seen = {sid}
    while sid in within:
        sid = within[sid]
        if sid in seen:  # implies is acyclic (checked on load); this only guards the loop
            break
        seen.add(sid)
    return sid
