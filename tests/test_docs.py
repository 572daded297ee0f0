"""The README tells the truth: every command, every setting, and the CI's test command."""

from __future__ import annotations

import re
from pathlib import Path

from careermap.cli import app
from careermap.cli import commands as _commands  # noqa: F401 - registers the commands
from careermap.settings import Settings

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    names = {c.name for c in app.registered_commands}
    assert names, "no commands registered"
    for name in names:
        assert f"`careermap {name}" in README, f"README does not document `careermap {name}`"


def test_every_setting_is_documented() -> None:
    for field in Settings.model_fields:
        var = f"CAREERMAP_{field.upper()}"
        assert f"`{var}`" in README, f"README does not document {var}"


def test_ci_runs_the_readme_test_command() -> None:
    blocks = re.findall(r"```bash\n(.*?)\n```", README, flags=re.S)
    quick = next(b for b in blocks if "pytest" in b)
    test_cmd = quick.split("&& ", 2)[-1].strip()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_cmd in ci, f"CI does not run the README's test command: {test_cmd}"


def test_quick_start_has_two_commands_on_shipped_input() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)\n```", section, flags=re.S)
    assert len(blocks) == 2
    assert "careermap start examples/resume.md" in blocks[0]
    assert (REPO / "examples" / "resume.md").is_file()
