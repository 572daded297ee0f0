"""``careermap quiz``: the career quiz, in the terminal (arrow keys) or from a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from careermap.cli.app import app
from careermap.cli.output import console, emit_json, safe, table
from careermap.errors import InputError
from careermap.files import write_atomic

_BACK = "← back"


class TerminalIO:
    """Asks each question with an arrow-key menu; the last choice goes back one item."""

    def ask(self, question: Any) -> object:
        import questionary

        choices = [questionary.Choice(title=c.label, value=c.value) for c in question.choices]
        if question.position > 1:
            choices.append(questionary.Choice(title=_BACK, value="back"))
        default = None
        if question.answer is not None:
            default = next((c for c in choices if c.value == question.answer), None)
        reply = questionary.select(
            f"[{question.position}/{question.total}] {question.section}: {question.text}",
            choices=choices,
            default=default,
            instruction="(arrow keys, Enter)",
        ).ask()
        if reply is None:  # Ctrl-C inside questionary
            raise typer.Abort()
        return reply

    def tell(self, message: str) -> None:
        console.print(safe(message))


@app.command("quiz")
def quiz_cmd(
    answers: Path | None = typer.Option(
        None, "--answers", "-a", help="Answers file (YAML/JSON) instead of asking."
    ),
    save: Path | None = typer.Option(None, "--save", help="Save your answers to this file."),
    top: int = typer.Option(12, "--top", "-n", min=1, help="How many roles to show."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON for programs."),
) -> None:
    """Career quiz: interests (RIASEC), work style and self-rated skills → roles ranked."""
    from careermap.knowledge import load
    from careermap.quiz import QuizEngine, dump_answers, load_answers, run, score_quiz

    kb = load()
    if answers is not None:
        given = load_answers(answers)
    else:
        if not sys.stdin.isatty():
            raise InputError(
                "the interactive quiz needs a terminal; give your answers with --answers FILE "
                "(see examples/quiz-answers.yaml)."
            )
        engine = QuizEngine()
        console.print(
            f"{engine.total} short questions: what you like doing, how you like to work, "
            "and where your skills stand. Choose with the arrow keys; '← back' goes back."
        )
        given = run(TerminalIO(), engine)
        summary = engine.summary()
        if not json_out:
            parts = ", ".join(f"{k} {a}/{t}" for k, (a, t) in summary.by_section.items())
            console.print(f"Answered {summary.answered} of {summary.total} ({parts}).")
    if save is not None:
        write_atomic(save, dump_answers(given))
    result = score_quiz(given, kb)
    if json_out:
        data = result.model_dump(mode="json")
        report = data.pop("report")
        data["roles"] = report["matches"][:top]
        data["separated"], data["note"] = report["separated"], report["note"]
        emit_json(data)
        return
    interests = ", ".join(f"{k} {v:.1f}" for k, v in result.interests.items())
    console.print(
        f"Holland code: [bold]{result.holland_code}[/bold]  (O*NET 1-7 scale: {interests})"
    )
    styles = ", ".join(f"{k} {round(100 * v)}%" for k, v in result.work_styles.items())
    console.print(f"Work styles: {styles}")
    rows = []
    for m in result.roles[:top]:
        comp = " · ".join(f"{k} {v:.0f}" for k, v in m.components.items() if v is not None)
        rows.append((m.rank, m.title, f"{m.score:.0f}", comp))
    console.print(table("Roles ranked by the quiz", ["#", "role", "score", "components"], rows))
    best = result.roles[0]
    console.print(f"\n[bold]Why {safe(best.title)}[/bold]")
    for r in best.reasons:
        console.print(f"  • {safe(r)}")
    if save is not None:
        console.print(f"Answers saved to {safe(save)}; reuse them with --answers or match --quiz.")
