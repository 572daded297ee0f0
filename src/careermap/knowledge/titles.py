"""Job title -> careermap role, by the ordered rules in ``data/title_rules.yaml``.

The first rule with a matching pattern wins; a title no rule matches maps to no role.
Salary survey rows and job postings both go through :func:`match_title`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from careermap.errors import DataError
from careermap.validation import first_error, read_yaml

__all__ = ["RULES_PATH", "TitleMatch", "TitleRule", "TitleRules", "load_title_rules", "match_title"]

RULES_PATH = Path(__file__).parent / "data" / "title_rules.yaml"

Fit = Literal["exact", "close", "broad"]


class TitleRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    role: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    fit: Fit
    patterns: list[str] = Field(min_length=1)
    note: str


@dataclass(frozen=True, slots=True)
class TitleMatch:
    role: str
    fit: Fit
    rule: int  # position of the rule in the file, from 0


class TitleRules:
    """Compiled rules; :meth:`match` is pure and cheap (one regex search per pattern)."""

    def __init__(self, rules: list[TitleRule]) -> None:
        self.rules = rules
        self._compiled: list[tuple[int, TitleRule, re.Pattern[str]]] = []
        for i, rule in enumerate(rules):
            for pat in rule.patterns:
                try:
                    self._compiled.append((i, rule, re.compile(pat, re.IGNORECASE)))
                except re.error as exc:
                    raise DataError(
                        f"title_rules.yaml: rule #{i} ({rule.role}) has a bad pattern "
                        f"{pat!r}: {exc}"
                    ) from exc

    def match(self, title: str) -> TitleMatch | None:
        text = " ".join(title.split())
        if not text:
            return None
        for i, rule, rx in self._compiled:
            if rx.search(text):
                return TitleMatch(rule.role, rule.fit, i)
        return None

    def roles(self) -> set[str]:
        return {r.role for r in self.rules}


def _read(path: Path) -> TitleRules:
    doc = read_yaml(path)
    raw = doc.get("rules") if isinstance(doc, dict) else None
    if not isinstance(raw, list):
        raise DataError(f"{path.name}: expected a list under 'rules'")
    rules: list[TitleRule] = []
    for i, item in enumerate(raw):
        try:
            rules.append(TitleRule.model_validate(item))
        except ValidationError as exc:
            where, msg = first_error(exc)
            raise DataError(f"{path.name}: rule #{i} is invalid at '{where}': {msg}") from exc
    return TitleRules(rules)


def load_title_rules(path: Path | None = None) -> TitleRules:
    """The shipped rules (cached), or the rules in ``path``."""
    return _read(path) if path is not None else _shipped()


def _shipped() -> TitleRules:
    from careermap.runtime import get_runtime

    return get_runtime().cached("title_rules", lambda: _read(RULES_PATH))


def match_title(title: str) -> TitleMatch | None:
    """Role and fit for a job title by the shipped rules, or None."""
    return _shipped().match(title)
