"""The knowledge commands as a user runs them: tables, --json, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from careermap.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_roles_lists_every_role(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "roles", "--json")
    assert code == 0
    ids = {r["id"] for r in json.loads(out)}
    assert {"genai-engineer", "prompt-engineer", "ml-engineer"} <= ids


def test_role_page_has_every_part(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "role", "prompt-engineer")
    assert code == 0
    for part in ("Skills", "Courses", "Portfolio projects", "Career paths", "Sources", "O*NET"):
        assert part in out
    code, out, _ = run(capsys, "role", "prompt-engineer", "--json")
    assert any("Prompt Engineering Basics" in c["title"] for c in json.loads(out)["courses"])


def test_role_json_resolves_references(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "role", "genai-engineer", "--json")
    data = json.loads(out)
    assert code == 0 and data["id"] == "genai-engineer"
    assert all("label" in s for s in data["skills"])
    assert all("provider" in c for c in data["courses"])


def test_role_by_title(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "role", "data scientist", "--json")
    assert code == 0 and json.loads(out)["id"] == "data-scientist"


def test_unknown_role_is_one_line_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "role", "promt-engineer")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "prompt-engineer" in err and "Traceback" not in err


def test_skills_by_category(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "skills", "--category", "genai", "--json")
    skills = json.loads(out)
    assert code == 0 and len(skills) >= 20
    assert {s["category"] for s in skills} == {"genai"}
    code, _, err = run(capsys, "skills", "--category", "cooking")
    assert code == 2 and "genai" in err


def test_skill_page_shows_graph_links(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "skill", "lora", "--json")
    data = json.loads(out)
    assert code == 0 and "peft" in data["prerequisites"]
    code, out, _ = run(capsys, "skill", "peft", "--json")
    assert "lora" in json.loads(out)["unlocks"]
    code, out, _ = run(capsys, "skill", "python")
    assert code == 0 and "Prerequisites" in out and "Courses" in out


def test_sources_and_facts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sources", "--json")
    assert code == 0 and any(s["id"] == "onet-29-3" for s in json.loads(out))
    code, out, _ = run(capsys, "facts", "--json")
    assert code == 0 and any(f["value"] == 40.8 for f in json.loads(out))


def test_console_script_exit_status() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "careermap", "role", "nope-nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: unknown role 'nope-nope'")
