"""Courses as blocks: each course studied in one stretch, at most two at once.

After the solver has chosen courses and assigned each need to one (or to self-study), the
plan's steps are grouped into *units*: a course's needs, or one self-study need. A unit
depends on another when one of its needs has a prerequisite in the other. Where units
depend on each other in a cycle (course A teaches a skill that course B's later module
needs, and B teaches one that A's later module needs), no order keeps both whole; such a
cycle becomes one block in which its courses run side by side, each from its first to its
last step with nothing else between. A cycle of three or more courses would mean three at
once; it is broken first: the course whose needs cost the fewest extra hours to move is
dissolved, each of its needs going to another course of the cycle that teaches it to the
target, or else to self-study.

The blocks are then ordered by the prerequisite order of their earliest need, each after
the blocks it depends on; inside a block, needs keep the prerequisite order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from careermap.plan.courses import Selection

__all__ = ["block_order", "untangle"]


def _unit(skill: str, assignment: Mapping[str, str]) -> str:
    course = assignment.get(skill)
    return f"course:{course}" if course else f"skill:{skill}"


def _edges(
    order: list[str], deps: Mapping[str, Iterable[str]], assignment: Mapping[str, str]
) -> dict[str, set[str]]:
    """unit -> the units it needs first."""
    out: dict[str, set[str]] = {}
    for s in order:
        u = _unit(s, assignment)
        needs = out.setdefault(u, set())
        for a in deps.get(s, ()):
            v = _unit(a, assignment)
            if v != u:
                needs.add(v)
    return out


def _components(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components (Tarjan, iterative), each a list of units."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, list[str]]] = [(root, sorted(graph.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, todo = work[-1]
            if todo:
                nxt = todo.pop()
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, sorted(graph.get(nxt, ()))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    v = stack.pop()
                    on_stack.discard(v)
                    comp.append(v)
                    if v == node:
                        break
                out.append(comp)
    return out


def untangle(
    sel: Selection,
    order: list[str],
    deps: Mapping[str, Iterable[str]],
    own_hours: Mapping[str, float],
    course_hours: Mapping[str, float],
) -> tuple[Selection, list[str]]:
    """Break every cycle of three or more courses by moving needs (see the module doc).

    ``order`` is the needs in prerequisite order, ``deps`` each need's prerequisites among
    them, ``own_hours`` each need's self-study hours, ``course_hours`` each chosen
    course's hours. Returns the selection as changed, and the needs moved to self-study.
    """
    moved: list[str] = []
    assignment = dict(sel.assignment)
    chosen = list(sel.chosen)
    while True:
        graph = _edges(order, deps, assignment)
        tangled = next(
            (comp for comp in _components(graph) if sum(u.startswith("course:") for u in comp) > 2),
            None,
        )
        if tangled is None:
            if not moved and assignment == sel.assignment:
                return sel, moved
            return replace(sel, chosen=chosen, assignment=assignment), moved
        courses = sorted(u.removeprefix("course:") for u in tangled if u.startswith("course:"))

        def cost(cid: str, courses: list[str] = courses) -> tuple[float, str]:
            extra = 0.0
            for s, c in assignment.items():
                if c == cid and not any(s in sel.covers.get(o, ()) for o in courses if o != cid):
                    extra += own_hours[s]
            return extra - course_hours[cid], cid

        gone = min(courses, key=cost)
        others = [c for c in courses if c != gone]
        for s in [s for s, c in assignment.items() if c == gone]:
            home = next((o for o in others if s in sel.covers.get(o, ())), None)
            if home is None:
                del assignment[s]
                moved.append(s)
            else:
                assignment[s] = home
        chosen = [c for c in chosen if c.id != gone]


def block_order(
    order: list[str], deps: Mapping[str, Iterable[str]], assignment: Mapping[str, str]
) -> list[str]:
    """The needs reordered so that every unit, or cycle of units, is one stretch."""
    graph = _edges(order, deps, assignment)
    comp_of: dict[str, int] = {}
    comps = _components(graph)
    for i, comp in enumerate(comps):
        for u in comp:
            comp_of[u] = i
    position = {s: i for i, s in enumerate(order)}
    members: dict[int, list[str]] = {}
    for s in order:
        members.setdefault(comp_of[_unit(s, assignment)], []).append(s)
    needs_first: dict[int, set[int]] = {i: set() for i in members}
    for u, targets in graph.items():
        for v in targets:
            if comp_of[u] != comp_of[v]:
                needs_first[comp_of[u]].add(comp_of[v])
    out: list[str] = []
    placed: set[int] = set()
    while len(placed) < len(members):
        ready = [i for i in members if i not in placed and needs_first[i] <= placed]
        # the condensation of a graph is acyclic, so one is always ready
        first = min(ready, key=lambda i: position[members[i][0]])
        placed.add(first)
        out.extend(members[first])
    return out
