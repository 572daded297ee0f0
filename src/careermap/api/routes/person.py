"""A person's roles, gap and plan; the quiz. Nothing here is stored (see saved.py)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from careermap.api.errors import AUTH_ERRORS, ERRORS
from careermap.api.people import request_profile
from careermap.api.schemas import GapIn, MatchIn, PlanIn, QuizScoreIn, QuizScoreOut
from careermap.knowledge import load
from careermap.match import Gap, MatchReport
from careermap.plan import Plan
from careermap.quiz import ItemBank, load_items, score_quiz
from careermap.service import make_plan, match

__all__ = ["router"]

router = APIRouter(tags=["person"], responses={**ERRORS, **AUTH_ERRORS})


@router.get("/quiz/items", response_model=ItemBank, summary="The quiz's items and scales")
def quiz_items() -> ItemBank:
    return load_items()


@router.post("/quiz/score", response_model=QuizScoreOut, summary="Score quiz answers")
def quiz_score(body: QuizScoreIn) -> QuizScoreOut:
    result = score_quiz(body.answers, load())
    return QuizScoreOut(
        interests=dict(result.interests),
        holland_code=result.holland_code,
        work_styles=dict(result.work_styles),
        self_ratings=dict(result.self_ratings),
        answers=dict(result.answers),
        report=result.report,
    )


@router.post("/match", response_model=MatchReport, summary="Every role scored for a person")
def match_route(body: MatchIn, request: Request) -> MatchReport:
    kb = load()
    profile = request_profile(body, request, kb)
    return match(profile, kb=kb)


@router.post("/gap", response_model=Gap, summary="What a person lacks for a role")
def gap_route(body: GapIn, request: Request) -> Gap:
    from careermap.match import compute_gap

    kb = load()
    profile = request_profile(body, request, kb)
    return compute_gap(kb, kb.role(body.role), profile)


@router.post("/plan", response_model=Plan, summary="A dated plan to a role (not saved)")
def plan_route(body: PlanIn, request: Request) -> Plan:
    kb = load()
    profile = request_profile(body, request, kb)
    _, plan = make_plan(profile, kb.role(body.role).id, body.options, kb=kb)
    return plan
