"""Course selection: every coverable need covered, at the least total hours or cost."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careermap.errors import InputError
from careermap.knowledge.schemas import LEVELS, Course, CourseSkill, Level
from careermap.plan.costs import CostModel
from careermap.plan.courses import (
    ENUMERATE_LIMIT,
    EXACT_OPTIMAL,
    MILP_OPTIMAL,
    coverage,
    greedy_cover,
    select_courses,
)
from careermap.profile import SkillNeed


def course(
    cid: str,
    hours: float,
    skills: dict[str, Level],
    cost: str = "free",
    price: float | None = None,
) -> Course:
    return Course(
        id=cid,
        title=cid.replace("-", " ").title(),
        provider="Test provider",
        level="intermediate",
        hours=hours,
        hours_basis="test figure",
        cost=cost,  # type: ignore[arg-type]
        price_usd=price,
        skills=[CourseSkill(skill=s, level=lv) for s, lv in skills.items()],
        sources=["careermap-curation"],
    )


def need(skill: str, target: Level = "intermediate") -> SkillNeed:
    return SkillNeed(skill=skill, target=target, importance="essential", reason="test")


COSTS = CostModel(hours_per_week=10)


def brute_force(
    needs: Sequence[SkillNeed], courses: Sequence[Course], weight: dict[str, float]
) -> float:
    """The least total weight over every subset that covers every coverable need."""
    cover = coverage(needs, courses)
    wanted = {s for ids in cover.values() for s in ids}
    ids = sorted(cover)
    best = float("inf")
    for r in range(len(ids) + 1):
        for combo in itertools.combinations(ids, r):
            got = {s for c in combo for s in cover[c]}
            if got >= wanted:
                best = min(best, sum(weight[c] for c in combo))
    return best


def test_hand_checked_instance_picks_the_optimal_pair() -> None:
    # needs a..e; by hand the best cover is "ab" + "cde" = 12 h (vs "abc"+"de" = 13 h,
    # "all" = 20 h, "a"+"b"+"cde" = 14 h)
    needs = [need(s) for s in "abcde"]
    courses = [
        course("all-in-one", 20, dict.fromkeys("abcde", "advanced")),
        course("ab", 5, {"a": "intermediate", "b": "intermediate"}),
        course("abc", 8, dict.fromkeys("abc", "intermediate")),
        course("cde", 7, dict.fromkeys("cde", "advanced")),
        course("de", 5, dict.fromkeys("de", "intermediate")),
        course("a", 2, {"a": "intermediate"}),
        course("b", 5, {"b": "advanced"}),
    ]
    sel = select_courses(needs, courses, costs=COSTS)
    assert sorted(c.id for c in sel.chosen) == ["ab", "cde"]
    assert sel.objective == pytest.approx(12)
    assert sel.solver == EXACT_OPTIMAL
    milp = select_courses(needs, courses, costs=COSTS, method="milp")
    assert milp.solver == MILP_OPTIMAL
    assert sorted(c.id for c in milp.chosen) == ["ab", "cde"]
    assert sel.uncovered == []
    assert brute_force(needs, courses, {c.id: c.hours for c in courses}) == pytest.approx(12)
    # every need is scheduled with a chosen course that teaches it
    assert set(sel.assignment) == set("abcde")
    assert set(sel.assignment.values()) == {"ab", "cde"}


def test_milp_beats_greedy_where_greedy_is_fooled() -> None:
    # "big" has the best hours per need (1.0), so greedy takes it, then needs "q" for e, f:
    # 4 + 3.3 = 7.3 h. Taking "p" and "q" alone covers everything in 6.6 h.
    needs = [need(s) for s in "abcdef"]
    courses = [
        course("big", 4, dict.fromkeys("abcd", "intermediate")),
        course("p", 3.3, dict.fromkeys("abc", "intermediate")),
        course("q", 3.3, dict.fromkeys("def", "intermediate")),
    ]
    exact = select_courses(needs, courses, costs=COSTS)
    greedy = select_courses(needs, courses, costs=COSTS, method="greedy")
    assert sorted(c.id for c in exact.chosen) == ["p", "q"]
    assert exact.objective == pytest.approx(6.6)
    assert sorted(c.id for c in greedy.chosen) == ["big", "q"]
    assert greedy.objective == pytest.approx(7.3)
    assert exact.objective < greedy.objective
    assert greedy.solver == "greedy (requested)"


def test_level_matters_a_course_below_the_target_does_not_cover() -> None:
    needs = [need("a", "advanced"), need("b", "foundational")]
    courses = [
        course("a-basics", 3, {"a": "intermediate", "b": "intermediate"}),
        course("b-only", 9, {"b": "foundational"}),
    ]
    sel = select_courses(needs, courses, costs=COSTS)
    assert [c.id for c in sel.chosen] == ["a-basics"]  # covers b, cheaper than b-only
    assert sel.uncovered == ["a"]
    assert sel.assignment == {"b": "a-basics"}


def test_cost_mode_prefers_free_courses_and_hours_mode_short_ones() -> None:
    needs = [need("a"), need("b")]
    courses = [
        course("short-paid", 10, {"a": "advanced", "b": "advanced"}, cost="paid", price=300),
        course("free-a", 30, {"a": "intermediate"}),
        course("free-b", 25, {"b": "intermediate"}),
    ]
    by_hours = select_courses(needs, courses, costs=COSTS, optimize="hours")
    by_cost = select_courses(needs, courses, costs=COSTS, optimize="cost")
    assert [c.id for c in by_hours.chosen] == ["short-paid"]
    assert sorted(c.id for c in by_cost.chosen) == ["free-a", "free-b"]
    assert by_cost.objective == 0


def test_ties_are_broken_by_the_other_measure() -> None:
    needs = [need("a")]
    courses = [
        course("a-paid", 10, {"a": "advanced"}, cost="paid", price=50),
        course("a-free", 10, {"a": "advanced"}),
    ]
    assert [c.id for c in select_courses(needs, courses, costs=COSTS).chosen] == ["a-free"]


def test_subscription_cost_follows_the_pace() -> None:
    c = course("sub", 40, {"a": "advanced"}, cost="subscription")
    slow, fast = CostModel(hours_per_week=5), CostModel(hours_per_week=20)
    assert slow.months(c) == 2  # 40 h at about 21.7 h a month
    assert slow.cost(c) == 98.0
    assert fast.cost(c) == 49.0
    priced = course("sub2", 40, {"a": "advanced"}, cost="subscription", price=39)
    assert slow.cost(priced) == 78.0
    unpriced = course("paid", 40, {"a": "advanced"}, cost="paid")
    amount, basis = slow.price(unpriced)
    assert amount > 0 and "assumed" in basis


def test_time_limit_zero_falls_back_to_greedy_that_still_covers() -> None:
    needs = [need(s) for s in "abcdef"]
    courses = [
        course("big", 4, dict.fromkeys("abcd", "intermediate")),
        course("p", 3.3, dict.fromkeys("abc", "intermediate")),
        course("q", 3.3, dict.fromkeys("def", "intermediate")),
    ]
    sel = select_courses(needs, courses, costs=COSTS, time_limit=0, method="milp")
    assert sel.solver.startswith("greedy (fallback: ")
    assert "time limit" in sel.solver.lower()
    covered = {s for c in sel.chosen for s in coverage(needs, [c]).get(c.id, [])}
    assert covered == set("abcdef")
    with pytest.raises(InputError):
        select_courses(needs, courses, costs=COSTS, time_limit=-1)


def test_greedy_drops_courses_made_redundant() -> None:
    # greedy takes "cd" (best hours per need), then "abc", then "de" for e: by then "cd"
    # adds nothing, so it goes
    sets = [{"a", "b", "c"}, {"c", "d"}, {"d", "e"}]
    picked = greedy_cover(list("abcde"), sets, [3.0, 1.9, 2.0])
    assert picked == [0, 2]


SKILLS = list("abcdef")


@st.composite
def instances(draw: st.DrawFn) -> tuple[list[SkillNeed], list[Course]]:
    needs = [need(s, draw(st.sampled_from(LEVELS))) for s in SKILLS[: draw(st.integers(1, 6))]]
    n = draw(st.integers(1, 8))
    courses = []
    for i in range(n):
        taught = draw(st.lists(st.sampled_from(SKILLS), min_size=1, max_size=4, unique=True))
        levels = {s: draw(st.sampled_from(LEVELS)) for s in taught}
        hours = draw(st.integers(1, 60)) / 2
        kind = draw(st.sampled_from(["free", "paid", "subscription"]))
        price = draw(st.none() | st.integers(0, 400)) if kind != "free" else None
        courses.append(course(f"c{i}", hours, levels, kind, price))
    return needs, courses


@settings(max_examples=80, deadline=None)
@given(instances(), st.sampled_from(["hours", "cost"]))
def test_milp_matches_brute_force_on_random_instances(
    inst: tuple[list[SkillNeed], list[Course]], optimize: str
) -> None:
    needs, courses = inst
    sel = select_courses(needs, courses, costs=COSTS, optimize=optimize)  # type: ignore[arg-type]
    weight = {c.id: (c.hours if optimize == "hours" else COSTS.cost(c)) for c in courses}
    assert sel.solver == EXACT_OPTIMAL
    assert sel.objective == pytest.approx(brute_force(needs, courses, weight), abs=1e-6)
    milp = select_courses(needs, courses, costs=COSTS, optimize=optimize, method="milp")  # type: ignore[arg-type]
    assert milp.solver == MILP_OPTIMAL
    assert milp.objective == pytest.approx(sel.objective, abs=1e-6)
    greedy = select_courses(needs, courses, costs=COSTS, optimize=optimize, method="greedy")  # type: ignore[arg-type]
    assert sel.objective <= greedy.objective + 1e-9
    cover = coverage(needs, courses)
    coverable = {s for ids in cover.values() for s in ids}
    assert {s for c in sel.chosen for s in cover[c.id]} == coverable
    assert set(sel.uncovered) == {n.skill for n in needs} - coverable


@st.composite
def large_instances(draw: st.DrawFn) -> tuple[list[SkillNeed], list[Course], dict[str, float]]:
    """Up to 14 needs, 30 courses of up to 5 skills each, and self-study hours: parts with
    more spanning courses than are tried subset by subset go to HiGHS."""
    skills = [f"s{i}" for i in range(draw(st.integers(2, 14)))]
    needs = [need(s, draw(st.sampled_from(LEVELS))) for s in skills]
    courses = []
    for i in range(draw(st.integers(1, 30))):
        taught = draw(st.lists(st.sampled_from(skills), min_size=1, max_size=5, unique=True))
        levels = {s: draw(st.sampled_from(LEVELS)) for s in taught}
        courses.append(course(f"c{i:02d}", draw(st.integers(1, 120)) / 2, levels))
    alone = {s: draw(st.integers(0, 80)) / 2 for s in skills}
    return needs, courses, alone


@settings(max_examples=60, deadline=None)
@given(large_instances())
def test_the_exact_search_matches_highs_on_larger_instances(
    inst: tuple[list[SkillNeed], list[Course], dict[str, float]],
) -> None:
    needs, courses, alone = inst
    exact = select_courses(needs, courses, costs=COSTS, self_study=alone)
    milp = select_courses(needs, courses, costs=COSTS, self_study=alone, method="milp")
    assert exact.solver == EXACT_OPTIMAL and milp.solver == MILP_OPTIMAL
    assert exact.objective == pytest.approx(milp.objective, abs=1e-6)
    # every coverable need is closed: by a chosen course or by self-study
    closed = set(exact.assignment) | set(exact.self_taught)
    coverable = {s for ids in coverage(needs, courses).values() for s in ids}
    assert closed == coverable


def test_a_part_too_large_to_enumerate_is_solved_by_highs_to_the_same_optimum() -> None:
    # a ring of needs, each course covering two neighbours: one part whose spanning
    # courses (more than ENUMERATE_LIMIT) are all worth trying, as self-study is dear
    n = ENUMERATE_LIMIT + 4
    names = [f"s{i:02d}" for i in range(n)]
    needs = [need(s) for s in names]
    courses = [
        course(f"c{i:02d}", 3 + (i % 3), {names[i]: "advanced", names[(i + 1) % n]: "advanced"})
        for i in range(n)
    ]
    alone = dict.fromkeys(names, 50.0)
    exact = select_courses(needs, courses, costs=COSTS, self_study=alone)
    milp = select_courses(needs, courses, costs=COSTS, self_study=alone, method="milp")
    assert exact.solver == EXACT_OPTIMAL
    assert exact.objective == pytest.approx(milp.objective)
    assert set(exact.assignment) == set(names)  # all by courses, none alone at 50 h
    assert exact.objective < 50
