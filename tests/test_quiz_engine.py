"""The quiz engine a terminal or web front end drives: ask, answer, go back, summarise."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from careermap.errors import InputError
from careermap.quiz import BACK, Question, QuizEngine, load_answers, load_items, parse_answers, run

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "quiz-answers.yaml"


def test_the_first_question_is_a_rated_activity() -> None:
    q = QuizEngine().question()
    assert q is not None
    assert (q.item, q.section, q.position, q.total) == ("r1", "Interests", 1, 52)
    assert [c.value for c in q.choices] == [1, 2, 3, 4, 5]
    assert q.choices[0].label == "Strongly dislike"


def test_going_back_shows_the_old_answer_and_a_new_one_replaces_it() -> None:
    quiz = QuizEngine()
    quiz.answer(5)  # r1
    quiz.answer(2)  # i1
    q = quiz.back()
    assert q is not None and q.item == "i1" and q.answer == 2
    quiz.answer(4)
    assert quiz.answers() == {"r1": 5, "i1": 4}
    q = quiz.question()
    assert q is not None and q.item == "a1"


def test_back_at_the_first_item_stays_there() -> None:
    quiz = QuizEngine()
    q = quiz.back()
    assert q is not None and q.item == "r1"


def test_an_invalid_answer_is_refused_and_the_item_stays_current() -> None:
    quiz = QuizEngine()
    with pytest.raises(InputError, match=r"'r1'.*allowed values"):
        quiz.answer(9)
    assert quiz.position == 0 and quiz.answers() == {}


def test_self_rating_questions_carry_the_level_descriptions() -> None:
    bank = load_items()
    quiz = QuizEngine(answers={i.id: 3 for i in [*bank.interests, *bank.work_styles]})
    q = quiz.question()
    assert q is not None and q.item == "self-programming" and q.section == "Your skills"
    assert [c.value for c in q.choices] == ["none", "foundational", "intermediate", "advanced"]
    assert q.choices[1].detail == "Strong Python skills"


def test_summary_counts_by_section_and_result_waits_for_every_required_item() -> None:
    quiz = QuizEngine()
    for _ in range(31):
        quiz.answer(3)
    s = quiz.summary()
    assert (s.answered, s.total, s.complete) == (31, 52, False)
    assert s.by_section["Interests"] == (30, 30)
    assert s.by_section["Work style"] == (1, 15)
    assert s.unanswered[0] == "building-2"
    with pytest.raises(InputError, match="building-2"):
        quiz.result()


class ScriptedIO:
    """A front end that replies from a script and keeps what it was told."""

    def __init__(self, replies: list[object]) -> None:
        self.replies: Iterator[object] = iter(replies)
        self.asked: list[str] = []
        self.told: list[str] = []

    def ask(self, question: Question) -> object:
        self.asked.append(question.item)
        return next(self.replies)

    def tell(self, message: str) -> None:
        self.told.append(message)


def test_run_drives_a_front_end_to_the_same_answers_a_file_holds() -> None:
    wanted = load_answers(SAMPLE)
    items = load_items().all()
    script: list[object] = [BACK, "seven"]  # back at the start, then a bad reply
    script += [wanted[i.id] for i in items[:3]]
    script += ["back", 1, "back", wanted[items[2].id]]  # change item 3 to 1, then change it back
    script += [wanted[i.id] for i in items[3:]]
    io = ScriptedIO(script)
    answers = run(io, QuizEngine())
    assert answers == wanted
    assert answers == parse_answers(answers)  # the engine's shape is an answers file's shape
    assert io.told[0] == "This is the first question."
    assert "'r1'" in io.told[1]
    assert io.asked[:10] == ["r1", "r1", "r1", "i1", "a1", "s1", "a1", "s1", "a1", "s1"]


def test_resuming_from_saved_answers_starts_at_the_first_unanswered_item() -> None:
    quiz = QuizEngine(answers={"r1": 4, "i1": "like"})
    assert quiz.answers() == {"r1": 4, "i1": 4}
    q = quiz.question()
    assert q is not None and q.item == "a1"
    with pytest.raises(InputError, match="unknown quiz item 'zz'"):
        QuizEngine(answers={"zz": 1})
