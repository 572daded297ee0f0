"""The quiz items as shipped, and answers read from files: what is accepted, what is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careermap.errors import DataError, InputError
from careermap.quiz import (
    AREA_NAMES,
    dump_answers,
    load_answers,
    load_items,
    load_items_from,
    parse_answers,
    score_person,
)
from careermap.quiz.items import ITEMS_FILE

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "examples" / "quiz-answers.yaml"


def _complete(interest: int = 3, style: int = 3) -> dict[str, object]:
    bank = load_items()
    out: dict[str, object] = {i.id: interest for i in bank.interests}
    out.update({w.id: style for w in bank.work_styles})
    return out


def test_shipped_items_cover_every_area_style_and_category() -> None:
    bank = load_items()
    assert len(bank.interests) == 30
    assert {a: sum(i.area == a for i in bank.interests) for a in AREA_NAMES} == dict.fromkeys(
        AREA_NAMES, 5
    )
    assert {w.style for w in bank.work_styles} == {
        "building",
        "research",
        "people-product",
        "creative",
        "governance",
    }
    assert all(
        2 <= sum(w.style == s for w in bank.work_styles) <= 3 for s in {"building", "research"}
    )
    cats = [s.category for s in bank.self_ratings]
    for needed in ("programming", "machine-learning", "frameworks-tools", "genai", "theory-math"):
        assert needed in cats
    # the seeds' skill-progression table gives the level descriptions of the five technical ones
    ml = next(s for s in bank.self_ratings if s.category == "machine-learning")
    assert "regression" in ml.levels.foundational and ml.source == "seed-genai-developer"
    # asked round-robin: the first six items are one per area
    assert [i.area for i in bank.interests[:6]] == list("RIASEC")


def test_a_broken_items_file_is_a_data_error_that_names_the_place(tmp_path: Path) -> None:
    text = ITEMS_FILE.read_text(encoding="utf-8").replace(
        "area: R, text: Fit", "area: X, text: Fit"
    )
    bad = tmp_path / "items.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"interests\.6\.area"):
        load_items_from(bad)
    # one area short of five items is refused as a whole
    short = ITEMS_FILE.read_text(encoding="utf-8").replace(
        "area: R, text: Fit", "area: I, text: Fit"
    )
    bad.write_text(short, encoding="utf-8")
    with pytest.raises(DataError, match="area R has 4 interest items"):
        load_items_from(bad)


def test_the_sample_answers_file_parses_completely() -> None:
    answers = load_answers(SAMPLE)
    assert len(answers) == len(load_items().all())
    person = score_person(answers, load_items())
    assert person.holland_code[0] == "I"
    assert person.self_ratings["programming"] == "advanced"


def test_interests_land_on_onet_one_to_seven_scale() -> None:
    bank = load_items()
    answers = _complete()
    answers.update({i.id: 5 for i in bank.interests if i.area == "I"})
    answers.update({i.id: 1 for i in bank.interests if i.area == "E"})
    person = score_person(parse_answers(answers), bank)
    assert person.interests["I"] == 7.0
    assert person.interests["E"] == 1.0
    assert person.interests["A"] == 4.0  # "not sure" throughout is the middle of the scale
    assert person.work_styles["creative"] == 0.5


def test_self_ratings_may_be_left_out_and_count_as_none() -> None:
    answers = parse_answers({**_complete(), "self-genai": "Intermediate"})
    assert answers["self-genai"] == "intermediate"
    assert answers["self-programming"] == "none"


def test_labels_and_digit_strings_are_accepted_as_the_web_sends_them() -> None:
    answers = parse_answers(
        {**_complete(), "r1": "strongly like", "i1": "2", "building-1": "Agree"}
    )
    assert (answers["r1"], answers["i1"], answers["building-1"]) == (5, 2, 4)


def test_a_missing_interest_item_is_named_with_its_allowed_values() -> None:
    answers = _complete()
    del answers["a3"]
    with pytest.raises(InputError, match=r"unanswered: a3\b.*1 \(strongly dislike\)"):
        parse_answers(answers)


def test_a_missing_work_style_item_is_refused() -> None:
    answers = _complete()
    del answers["governance-2"]
    with pytest.raises(InputError, match="governance-2"):
        parse_answers(answers)


def test_an_unknown_item_id_is_refused_with_a_suggestion() -> None:
    with pytest.raises(InputError, match=r"unknown quiz item 'r6'.*Did you mean"):
        parse_answers({**_complete(), "r6": 3})


@pytest.mark.parametrize(
    ("item", "value", "allowed"),
    [
        ("r1", 6, "5 (strongly like)"),
        ("r1", 0, "1 (strongly dislike)"),
        ("i2", True, "1 (strongly dislike)"),
        ("creative-1", "maybe", "5 (strongly agree)"),
        ("self-genai", "expert", "none, foundational, intermediate, advanced"),
        ("self-genai", 3, "none, foundational, intermediate, advanced"),
    ],
)
def test_an_invalid_value_names_the_item_and_the_allowed_values(
    item: str, value: object, allowed: str
) -> None:
    with pytest.raises(InputError) as err:
        parse_answers({**_complete(), item: value})
    assert f"'{item}'" in err.value.message
    assert allowed in err.value.message


def test_a_file_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected a mapping of quiz item id to answer"):
        load_answers(path)
    with pytest.raises(InputError, match="does not exist"):
        load_answers(tmp_path / "nowhere.yaml")
    broken = tmp_path / "answers.json"
    broken.write_text("{r1: 4", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_answers(broken)


def test_json_and_yaml_files_hold_the_same_shape(tmp_path: Path) -> None:
    answers = load_answers(SAMPLE)
    as_json = tmp_path / "answers.json"
    as_json.write_text(json.dumps(answers), encoding="utf-8")
    assert load_answers(as_json) == answers
    as_yaml = tmp_path / "again.yaml"
    as_yaml.write_text(dump_answers(answers), encoding="utf-8")
    assert load_answers(as_yaml) == answers
