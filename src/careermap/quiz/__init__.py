"""careermap's career quiz: RIASEC interests, work styles and self-rated skills -> roles.

The items live in ``items.yaml`` (validated on load). Answers come from the interactive
:class:`QuizEngine` or from a file (:func:`load_answers`); both have the same shape, a
mapping of item id to answer. :func:`score_quiz` ranks every role with reasons.

>>> from pathlib import Path
>>> from careermap import quiz
>>> result = quiz.score_quiz(quiz.load_answers(Path("examples/quiz-answers.yaml")))
>>> result.holland_code, result.roles[0].role          # doctest: +SKIP
"""

from careermap.quiz.answers import (
    Answer,
    Answers,
    check_answer,
    dump_answers,
    load_answers,
    parse_answers,
)
from careermap.quiz.engine import BACK, Choice, Question, QuizEngine, QuizIO, QuizSummary, run
from careermap.quiz.items import (
    AREA_NAMES,
    RATING_VALUES,
    SCALE_VALUES,
    InterestItem,
    Item,
    ItemBank,
    SelfRatingItem,
    WorkStyleItem,
    load_items,
    load_items_from,
)
from careermap.quiz.ranking import (
    InterestSource,
    OnetProfile,
    correlation,
    role_interests,
)
from careermap.quiz.result import QuizResult, onet_interests, score_quiz
from careermap.quiz.scoring import PersonScores, holland_code, score_person, to_oi

__all__ = [
    "AREA_NAMES",
    "BACK",
    "RATING_VALUES",
    "SCALE_VALUES",
    "Answer",
    "Answers",
    "Choice",
    "InterestItem",
    "InterestSource",
    "Item",
    "ItemBank",
    "OnetProfile",
    "PersonScores",
    "Question",
    "QuizEngine",
    "QuizIO",
    "QuizResult",
    "QuizSummary",
    "SelfRatingItem",
    "WorkStyleItem",
    "check_answer",
    "correlation",
    "dump_answers",
    "holland_code",
    "load_answers",
    "load_items",
    "load_items_from",
    "onet_interests",
    "parse_answers",
    "role_interests",
    "run",
    "score_person",
    "score_quiz",
    "to_oi",
]
