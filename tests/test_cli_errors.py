"""The command line under misuse: one line, the right exit status, never a traceback.

These run the installed ``careermap`` command in a child process, as a person would, so
that nothing a test runner catches hides a traceback; the JSON error shape is pinned for
every error class and every command.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import careermap.errors as errors_module
from careermap.cli import app, as_error, main
from careermap.cli import commands as _commands  # noqa: F401 - registers the commands
from careermap.errors import CareermapError, UnknownIdError

REPO = Path(__file__).resolve().parent.parent
RESUME = REPO / "examples" / "resume.md"
CAREERMAP = Path(sys.executable).with_name("careermap")


def run(*args: str, timeout: float = 120, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CAREERMAP_HOME": os.environ["CAREERMAP_HOME"], "COLUMNS": "100"}
    return subprocess.run(
        [str(CAREERMAP), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=REPO,
        **kw,  # type: ignore[arg-type]
    )


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("error: ")]
    assert len(errors) == 1, proc.stderr
    return errors[0]


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["strat", "x"], 2, "No such command 'strat'"),
        (["start"], 2, "Missing argument"),
        (["roles", "--bogus"], 2, "No such option"),
        (["match", str(RESUME), "--top", "abc"], 2, "valid integer"),
        (
            ["plan", str(RESUME), "--role", "genai-engineer", "--hours-per-week", "abc"],
            2,
            "--hours-per-week",
        ),
        (["gap", str(RESUME)], 2, "Missing option '--role'"),
        (["plan", "--format", "ics"], 2, "Missing argument"),
        (["role", "genai-enginer"], 2, "Did you mean: genai-engineer"),
        (["plan", str(RESUME), "--role", "genai-engineer", "--start", "9999-12-31"], 2, "range"),
        (["plan", str(RESUME), "--role", "genai-engineer", "--start", "0001-01-01"], 2, "range"),
        (["extract", "no-such-file.pdf"], 3, "does not exist"),
    ],
)
def test_misuse_is_one_line_and_an_exit_status(args: list[str], code: int, words: str) -> None:
    proc = run(*args)
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    line = one_error_line(proc)
    assert words in line
    assert "--help" in line or "Did you mean" in line or code != 2 or "range" in line


def test_careermap_alone_shows_its_help() -> None:
    proc = run()
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr
    assert "start" in proc.stdout and "Usage" in proc.stdout


def test_a_bad_setting_names_the_variable_in_one_line() -> None:
    env = {**os.environ, "CAREERMAP_EMBED_THREADS": "0"}
    proc = subprocess.run(
        [str(CAREERMAP), "extract", str(RESUME)], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 2
    assert "CAREERMAP_EMBED_THREADS='0'" in one_error_line(proc)


def test_quiz_without_a_terminal_says_what_to_do() -> None:
    proc = run("quiz", input="")
    assert proc.returncode == 2
    assert "--answers" in one_error_line(proc)


def test_ctrl_c_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("the old plan\n")
    # careermap waits for the résumé on its standard input, which never comes
    proc = subprocess.Popen(
        [str(CAREERMAP), "start", "-", "-o", str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    time.sleep(3.0)  # long enough to be inside careermap, reading
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "error: cancelled" in err
    assert target.read_text() == "the old plan\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]  # no temporary file left


def test_a_broken_pipe_is_quiet() -> None:
    proc = subprocess.Popen(
        [str(CAREERMAP), "skills", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    proc.wait(timeout=60)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert "Traceback" not in err and "Exception ignored" not in err
    assert proc.returncode in (0, 1, 141)


# ---------------------------------------------------------------- the JSON error shape


def _error_classes() -> list[type[CareermapError]]:
    out: list[type[CareermapError]] = []
    stack: list[type[CareermapError]] = [CareermapError]
    while stack:
        cls = stack.pop()
        out.append(cls)
        stack.extend(cls.__subclasses__())
    return out


def _instance(cls: type[CareermapError]) -> CareermapError:
    if cls is UnknownIdError:
        return UnknownIdError("role", "nope", ["genai-engineer"])
    return cls("something went wrong.", hint="Do this instead.")


def test_every_error_class_renders_the_one_shape() -> None:
    classes = _error_classes()
    assert {c.__name__ for c in classes} >= set(errors_module.__all__) - {"error_body"}
    codes = set()
    for cls in classes:
        body = _instance(cls).to_dict()
        assert set(body) == {"error"}
        err = body["error"]
        assert {"code", "message", "hint"} <= set(err)
        assert err["code"] == cls.code
        assert isinstance(err["message"], str) and err["message"]
        assert 1 <= cls.exit_code <= 255
        assert 400 <= cls.http_status <= 599
        codes.add(cls.code)
    assert len(codes) == len(classes)  # one code per class


def test_unexpected_errors_become_one_line_not_a_traceback() -> None:
    err = as_error(ZeroDivisionError("division by zero"))
    assert err.code == "internal_error" and err.exit_code == 70
    assert "bug in careermap" in err.one_line()
    assert "\n" not in err.one_line()


@pytest.mark.parametrize("command", sorted(c.name or "" for c in app.registered_commands))
def test_every_command_answers_a_usage_error_in_json(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([command, "--no-such-option", "--json"])
    out = capsys.readouterr().out
    assert code == 2
    body = json.loads(out)
    assert body["error"]["code"] == "usage_error"
    assert "--no-such-option" in body["error"]["message"]


def test_a_careermap_error_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["role", "genai-enginer", "--json"])
    body = json.loads(capsys.readouterr().out)
    assert code == 2
    assert body["error"]["code"] == "unknown_id"
    assert body["error"]["suggestions"][0] == "genai-engineer"
    assert body["error"]["hint"].startswith("Did you mean")


# ---------------------------------------------------------------- text is data


HOSTILE = (
    "# Jo Example\n\n## Summary\n\nConfig lives in [/etc/app] and [/bold] tags; "
    "I use [sql server] and [link=https://example.org]links[/link] daily, "
    "and \x1b]0;pwned\x07Python\x1b[8m with SQL.\n\n## Skills\n\nPython, SQL, [/], Docker\n"
)


@pytest.mark.parametrize("command", ["extract", "match", "start"])
def test_brackets_and_escape_sequences_in_a_resume_stay_text(command: str, tmp_path: Path) -> None:
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE, encoding="utf-8")
    args = [command, str(path)] + (["-o", str(tmp_path / "plan.md")] if command == "start" else [])
    proc = run(*args)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "\x1b]" not in proc.stdout and "\x1b[8m" not in proc.stdout
    assert "\x1b]8;" not in proc.stdout  # no terminal hyperlink made from the résumé
    if command == "extract":
        assert "[/etc/app]" in proc.stdout.replace("\n", " ") or "[sql server]" in proc.stdout
