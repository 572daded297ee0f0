"""The person commands as a user runs them: start, extract, match, gap, plan, quiz."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from careermap.cli import main

REPO = Path(__file__).resolve().parent.parent
RESUME = REPO / "examples" / "resume.md"
ANSWERS = REPO / "examples" / "quiz-answers.yaml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_start_runs_everything_and_writes_the_plan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "plan.md"
    code, out, err = run(
        capsys, "start", str(RESUME), "-o", str(out_file), "--start", "2026-12-01", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert {"python", "sql", "fastapi"} <= set(data["profile"]["skills"])
    assert "kubernetes" not in data["profile"]["skills"]  # "No experience with Kubernetes"
    assert len(data["matches"]) == 5 and data["matches"][0]["score"] >= data["matches"][1]["score"]
    assert data["plan"]["start"] == "2026-12-01" and data["plan"]["weeks"] > 0
    text = out_file.read_text()
    assert data["plan"]["role_title"] in text


def test_start_tables_for_people(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "start", str(RESUME), "-o", str(tmp_path / "p.md"))
    assert code == 0
    for part in ("Your skills", "Roles", "Gap", "Plan", "Plan written to"):
        assert part in out
    assert "Reading the résumé" in err  # progress goes to stderr


def test_extract_json_has_evidence_offsets(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(RESUME), "--json", "--no-semantic")
    data = json.loads(out)
    import careermap

    text = careermap.read(RESUME).text
    assert code == 0 and data["mentions"]
    neg = [m for m in data["mentions"] if m["negated"]]
    assert any(m["skill_id"] == "kubernetes" for m in neg)
    # offsets point into the document text careermap read: the span is the matched text,
    # and it lies inside the sentence given as evidence
    for m in data["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
        assert m["sentence_start"] <= m["start"] and m["end"] <= m["sentence_end"]


def test_match_with_quiz_only(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "match", "--quiz", str(ANSWERS), "--json", "--top", "3")
    data = json.loads(out)
    assert code == 0 and len(data["matches"]) == 3
    assert "interests" in data["components_used"]


def test_gap_and_unknown_role(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "gap", str(RESUME), "--role", "genai-engineer", "--json")
    data = json.loads(out)
    assert code == 0 and data["role"] == "genai-engineer" and data["needs"]
    # the résumé's own "No experience with Kubernetes" is quoted back in the gap
    code, out, _ = run(capsys, "gap", str(RESUME), "--role", "mlops-engineer", "--json")
    k8s = next(n for n in json.loads(out)["needs"] if n["skill"] == "kubernetes")
    assert k8s["current"] is None and "No experience with Kubernetes" in k8s["you_said"]
    code, out, err = run(capsys, "gap", str(RESUME), "--role", "astronaut")
    assert code == 2 and out == "" and err.startswith("error: unknown role 'astronaut'")


def test_plan_ics_export_and_done(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ics = tmp_path / "plan.ics"
    args = ["plan", str(RESUME), "--role", "genai-engineer", "--start", "2026-12-01"]
    code, _, err = run(capsys, *args, "-o", str(ics))
    assert code == 0, err
    cal = Calendar.from_ical(ics.read_bytes())
    assert len(list(cal.walk("VEVENT"))) > 5
    code, out, _ = run(capsys, *args, "--format", "json")
    full = json.loads(out)
    code, out, _ = run(capsys, *args, "--format", "json", "--done", "pytorch,deep learning")
    less = json.loads(out)
    assert code == 0 and less["total_hours"] <= full["total_hours"]
    assert "pytorch" in [s["ref"] for s in full["steps"]]
    assert "pytorch" not in [s["ref"] for s in less["steps"]]
    # marking every skill but one done leaves a much shorter plan
    skills = [s["ref"] for s in full["steps"] if s["kind"] != "project"]
    code, out, _ = run(capsys, *args, "--format", "json", "--done", ",".join(skills[1:]))
    assert code == 0 and json.loads(out)["total_hours"] < full["total_hours"] / 2


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--hours-per-week", "0"], "more than 0"),
        (["--start", "next tuesday"], "is not a date"),
        (["--done", "quantum-knitting"], "unknown skill"),
        (["--format", "docx"], "unknown plan format"),
    ],
)
def test_plan_bad_input_is_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], needle: str
) -> None:
    code, out, err = run(capsys, "plan", str(RESUME), "--role", "genai-engineer", *args)
    assert code == 2 and out == ""
    assert needle in err and err.count("\n") == 1


def test_unreadable_and_skill_less_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "start", str(tmp_path / "missing.pdf"))
    assert code == 3 and err.startswith("error:")
    empty = tmp_path / "poem.txt"
    empty.write_text("The sea was calm tonight, the tide full, the moon lay fair upon the straits.")
    code, _, err = run(capsys, "start", str(empty))
    assert code == 2 and "no skills" in err


def test_quiz_from_answers_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    code, out, _ = run(capsys, "quiz", "--answers", str(ANSWERS), "--json", "--save", str(saved))
    data = json.loads(out)
    assert code == 0 and len(data["holland_code"]) == 3 and len(data["roles"]) == 12
    code, out2, _ = run(capsys, "quiz", "--answers", str(saved), "--json")
    assert json.loads(out2)["holland_code"] == data["holland_code"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("ri1: 9\n")
    code, _, err = run(capsys, "quiz", "--answers", str(bad))
    assert code == 2 and "error:" in err


def test_evidence_snippet_shows_the_skill_in_a_long_line() -> None:
    from careermap.cli.output import snippet

    line = "Python, SQL, pandas, NumPy, scikit-learn, FastAPI, Tableau, Git, Docker, " * 2
    line += "prompt engineering (basic), data visualization"
    cut = snippet(line, ["Prompt engineering"], width=60)
    assert "prompt engineering" in cut and len(cut) <= 62 and cut.startswith("…")
    assert snippet("Short line.", ["x"]) == "Short line."
