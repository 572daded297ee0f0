"""The plan as JSON (the model's own schema), and back."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from careermap.errors import InputError
from careermap.plan.model import Plan
from careermap.validation import first_error

__all__ = ["from_json", "load_plan", "to_json"]


def to_json(plan: Plan) -> str:
    return plan.model_dump_json(indent=2)


def from_json(text: str | bytes, *, where: str = "plan") -> Plan:
    try:
        return Plan.model_validate_json(text)
    except ValidationError as exc:
        at, msg = first_error(exc)
        raise InputError(
            f"{where} is not a careermap plan (at '{at}': {msg}); export one with the JSON format"
        ) from exc


def load_plan(path: Path | str) -> Plan:
    p = Path(path)
    try:
        text = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read plan file {p}: {exc.strerror or exc}") from exc
    return from_json(text, where=p.name)
