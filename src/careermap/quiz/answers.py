"""Quiz answers: checking one answer, reading an answers file, writing one.

An answers file is a flat YAML or JSON mapping of item id to answer, the same shape the
quiz engine produces (:meth:`careermap.quiz.engine.QuizEngine.answers`)::

    r1: 4            # interests: 1 strongly dislike .. 5 strongly like
    building-1: 5    # work styles: 1 strongly disagree .. 5 strongly agree
    self-genai: intermediate   # none / foundational / intermediate / advanced

What a file must hold:

* every interest item and every work-style item: the RIASEC and work-style scores are
  sums over fixed item sets, so a missing one would silently shift them;
* self-ratings are optional: a category left out counts as ``none``, the honest default
  for a skill the person did not claim.

A scale answer may also be written as a digit string (``"4"``, as web forms send it) or as
its label (``like``, ``strongly agree``); a self-rating as its level, in any case, or
``null`` for ``none``. Anything else, a missing required item or an id the quiz does not
have, is an :class:`~careermap.errors.InputError` that names the item and its allowed values.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rapidfuzz import process

from careermap.errors import InputError
from careermap.quiz.items import (
    RATING_VALUES,
    SCALE_VALUES,
    InterestItem,
    Item,
    ItemBank,
    SelfRatingItem,
    load_items,
)

__all__ = ["Answer", "Answers", "check_answer", "dump_answers", "load_answers", "parse_answers"]

#: 1-5 for interest and work-style items, a level name for self-ratings
Answer = int | str
Answers = dict[str, Answer]


def _shown(value: object, width: int = 40) -> str:
    """A short, printable repr of a value from a file (never a whole huge one)."""
    try:
        text = repr(value)
    except ValueError:  # an integer too long to print
        text = f"<a {type(value).__name__} too long to show>"
    return text if len(text) <= width else text[: width - 1] + "…"


def _bad(item: Item, bank: ItemBank, given: object) -> InputError:
    return InputError(
        f"quiz item '{item.id}' ({item.text}) cannot take {_shown(given)}: "
        f"allowed values are {bank.allowed(item)}."
    )


def check_answer(item: Item, value: object, bank: ItemBank | None = None) -> Answer:
    """The canonical form of one answer (an int 1-5 or a level name), or InputError."""
    bank = bank or load_items()
    if isinstance(item, SelfRatingItem):
        if value is None:
            return "none"
        if isinstance(value, str) and value.strip().lower() in RATING_VALUES:
            return value.strip().lower()
        raise _bad(item, bank, value)
    if isinstance(value, bool):
        raise _bad(item, bank, value)
    if isinstance(value, int) and value in SCALE_VALUES:
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        if text.isdigit() and int(text) in SCALE_VALUES:
            return int(text)
        scale = bank.scales.interest if isinstance(item, InterestItem) else bank.scales.agreement
        for v, label in scale.labels.items():
            if text == label.lower():
                return v
    raise _bad(item, bank, value)


def parse_answers(data: object, bank: ItemBank | None = None, *, where: str = "answers") -> Answers:
    """Validate a mapping of item id to answer; return it complete, canonical, in item order."""
    bank = bank or load_items()
    if not isinstance(data, Mapping):
        raise InputError(
            f"{where}: expected a mapping of quiz item id to answer (e.g. 'r1: 4'), "
            f"got {type(data).__name__}."
        )
    items = bank.by_id()
    for key in data:
        if str(key) not in items:
            near = [m[0] for m in process.extract(str(key), list(items), limit=3, score_cutoff=60)]
            hint = f" Did you mean: {', '.join(near)}?" if near else ""
            raise InputError(
                f"{where}: unknown quiz item {_shown(str(key))}. Item ids are r1-c5 (interests), "
                f"<style>-1..3 (work styles) and self-<category> (self-ratings).{hint}"
            )
    out: Answers = {}
    missing: list[Item] = []
    for item in bank.all():
        if item.id in data:
            out[item.id] = check_answer(item, data[item.id], bank)
        elif isinstance(item, SelfRatingItem):
            out[item.id] = "none"
        else:
            missing.append(item)
    if missing:
        first = missing[0]
        ids = ", ".join(i.id for i in missing[:8]) + (" ..." if len(missing) > 8 else "")
        raise InputError(
            f"{where}: {len(missing)} quiz item(s) unanswered: {ids}. Every interest and "
            f"work-style item needs an answer; '{first.id}' ({first.text}) takes "
            f"{bank.allowed(first)}."
        )
    return out


def load_answers(path: Path, bank: ItemBank | None = None) -> Answers:
    """Read and validate an answers file (``.json`` as JSON, anything else as YAML)."""
    from careermap.files import read_user_data

    data: Any = read_user_data(Path(path), "answers file")
    return parse_answers(data, bank, where=str(path))


def dump_answers(answers: Mapping[str, Answer], bank: ItemBank | None = None) -> str:
    """An answers file in YAML, each answer followed by its item as a comment."""
    bank = bank or load_items()
    lines = [
        "# careermap quiz answers: quiz item id -> answer",
        "# interests: 1 strongly dislike, 2 dislike, 3 not sure, 4 like, 5 strongly like",
        "# work styles: 1 strongly disagree, 2 disagree, 3 neither, 4 agree, 5 strongly agree",
        f"# self-ratings: {' / '.join(RATING_VALUES)} (left out = none)",
    ]
    heads = {"interest": "interests", "work_style": "work styles", "self_rating": "self-ratings"}
    last = ""
    for item in bank.all():
        if item.kind != last:
            lines += ["", f"# --- {heads[item.kind]} ---"]
            last = item.kind
        if item.id in answers:
            value = answers[item.id]
            text = (
                str(value)
                if isinstance(value, int) or value in RATING_VALUES
                else json.dumps(value)
            )
            lines.append(f"{item.id}: {text}  # {item.text}")
    return "\n".join(lines) + "\n"
