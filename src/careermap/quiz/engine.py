"""The quiz as a state machine any front end can drive: a terminal, a web page, a test.

>>> quiz = QuizEngine()
>>> q = quiz.question()          # the current item as a Question: text, choices, position
>>> _ = quiz.answer(4)           # check, record, move on; returns the next Question
>>> _ = quiz.back()              # go back one item; its answer is kept as the default
>>> quiz.answers()               # the answers so far: the shape of an answers file
{'r1': 4}

:func:`run` loops over an :class:`QuizIO` (``ask`` a question, ``tell`` a message) until
every item is answered; the answer ``"back"`` steps back one item.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Protocol

from pydantic import BaseModel, ConfigDict

from careermap.errors import InputError
from careermap.knowledge.loader import KnowledgeBase
from careermap.quiz.answers import Answer, Answers, check_answer, parse_answers
from careermap.quiz.items import (
    RATING_VALUES,
    SCALE_VALUES,
    InterestItem,
    Item,
    ItemBank,
    SelfRatingItem,
    load_items,
)
from careermap.quiz.ranking import InterestSource
from careermap.quiz.result import QuizResult, score_quiz

__all__ = ["BACK", "Choice", "Question", "QuizEngine", "QuizIO", "QuizSummary", "run"]

#: the reply that steps back one item
BACK: Final = "back"

_SECTIONS = {"interest": "Interests", "work_style": "Work style", "self_rating": "Your skills"}


class Choice(BaseModel):
    model_config = ConfigDict(frozen=True)

    value: Answer
    label: str
    detail: str | None = None


class Question(BaseModel):
    """What a front end needs to show one item."""

    model_config = ConfigDict(frozen=True)

    item: str
    kind: str
    section: str
    prompt: str
    text: str
    choices: list[Choice]
    position: int  # 1-based
    total: int
    answer: Answer | None = None  # the answer already given, when the person came back


class QuizSummary(BaseModel):
    answered: int
    total: int
    complete: bool
    unanswered: list[str]
    by_section: dict[str, tuple[int, int]]  # section -> (answered, total)


class QuizIO(Protocol):
    """A front end: shows a question and returns the reply (a value, or ``BACK``)."""

    def ask(self, question: Question) -> object: ...

    def tell(self, message: str) -> None: ...


class QuizEngine:
    """Walks through the items in order; answers are checked as they are given."""

    def __init__(self, bank: ItemBank | None = None, answers: Mapping[str, object] | None = None):
        self.bank = bank or load_items()
        self.items: list[Item] = self.bank.all()
        self._answers: Answers = {}
        known = self.bank.by_id()
        for key, value in (answers or {}).items():  # resume from earlier answers
            if key not in known:
                raise InputError(f"unknown quiz item '{key}' in the answers to resume from.")
            self._answers[key] = check_answer(known[key], value, self.bank)
        self.position = next(
            (i for i, it in enumerate(self.items) if it.id not in self._answers), len(self.items)
        )

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def done(self) -> bool:
        return self.position >= len(self.items)

    @property
    def current(self) -> Item | None:
        return None if self.done else self.items[self.position]

    def question(self) -> Question | None:
        """The current item, or None when every item has been answered."""
        item = self.current
        if item is None:
            return None
        return Question(
            item=item.id,
            kind=item.kind,
            section=_SECTIONS[item.kind],
            prompt=self._prompt(item),
            text=item.text,
            choices=self._choices(item),
            position=self.position + 1,
            total=self.total,
            answer=self._answers.get(item.id),
        )

    def answer(self, value: object) -> Question | None:
        """Record an answer to the current item and move to the next; InputError if invalid."""
        item = self.current
        if item is None:
            raise InputError("the quiz is finished; go back to change an answer.")
        self._answers[item.id] = check_answer(item, value, self.bank)
        self.position += 1
        return self.question()

    def back(self) -> Question | None:
        """Step back one item (its answer stays until replaced). At the first item, stay."""
        self.position = max(0, self.position - 1)
        return self.question()

    def goto(self, item_id: str) -> Question | None:
        """Jump to an item by id, e.g. from a summary screen."""
        for i, it in enumerate(self.items):
            if it.id == item_id:
                self.position = i
                return self.question()
        raise InputError(f"unknown quiz item '{item_id}'.")

    def answers(self) -> Answers:
        """Answers given so far, in item order: the shape of an answers file."""
        return {it.id: self._answers[it.id] for it in self.items if it.id in self._answers}

    def summary(self) -> QuizSummary:
        by: dict[str, tuple[int, int]] = {}
        for it in self.items:
            done, n = by.get(_SECTIONS[it.kind], (0, 0))
            by[_SECTIONS[it.kind]] = (done + (it.id in self._answers), n + 1)
        missing = [it.id for it in self.items if it.id not in self._answers]
        return QuizSummary(
            answered=self.total - len(missing),
            total=self.total,
            complete=not missing,
            unanswered=missing,
            by_section=by,
        )

    def result(
        self, kb: KnowledgeBase | None = None, *, interests: InterestSource | None = None
    ) -> QuizResult:
        """Score the answers; InputError naming the first unanswered item if incomplete."""
        parse_answers(self._answers, self.bank, where="quiz")
        return score_quiz(self._answers, kb, interests=interests, bank=self.bank)

    # ---- presentation data ----------------------------------------------------------
    def _prompt(self, item: Item) -> str:
        s = self.bank.scales
        if isinstance(item, InterestItem):
            return s.interest.prompt
        return s.self_rating.prompt if isinstance(item, SelfRatingItem) else s.agreement.prompt

    def _choices(self, item: Item) -> list[Choice]:
        if isinstance(item, SelfRatingItem):
            details = {
                "none": "Not yet",
                "foundational": item.levels.foundational,
                "intermediate": item.levels.intermediate,
                "advanced": item.levels.advanced,
            }
            return [Choice(value=v, label=v.capitalize(), detail=details[v]) for v in RATING_VALUES]
        scale = (
            self.bank.scales.interest
            if isinstance(item, InterestItem)
            else self.bank.scales.agreement
        )
        return [Choice(value=v, label=scale.labels[v]) for v in SCALE_VALUES]


def run(io: QuizIO, engine: QuizEngine | None = None) -> Answers:
    """Ask every item through ``io``; invalid replies are told and asked again."""
    engine = engine or QuizEngine()
    while (q := engine.question()) is not None:
        reply = io.ask(q)
        if isinstance(reply, str) and reply.strip().lower() == BACK:
            if engine.position == 0:
                io.tell("This is the first question.")
            engine.back()
            continue
        try:
            engine.answer(reply)
        except InputError as exc:
            io.tell(exc.message)
    return engine.answers()
