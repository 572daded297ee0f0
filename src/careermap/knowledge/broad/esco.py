"""ESCO skills and occupations."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from careermap.knowledge.broad._db import (
    ESCO_OCCUPATION,
    ESCO_SKILL,
    _one,
    _q,
    _uuid,
    connect,
)

__all__ = [
    "EscoConcept",
    "EscoOccupation",
    "EscoOccupationSkill",
    "EscoSkill",
    "esco_occupation",
    "esco_occupation_skills",
    "esco_occupations",
    "esco_skill",
    "esco_skill_broader",
    "esco_skill_occupations",
    "esco_skills",
]


# ------------------------------------------------------------------------------- ESCO
@dataclass(frozen=True, slots=True)
class EscoSkill:
    uri: str
    label: str
    alt_labels: tuple[str, ...]
    skill_type: str | None  # 'skill/competence' | 'knowledge'
    reuse_level: str | None  # transversal | cross-sector | sector-specific | occupation-specific
    description: str | None  # shortened to about 300 characters
    is_digital: bool


@dataclass(frozen=True, slots=True)
class EscoConcept:
    uri: str
    label: str
    kind: str  # 'skill' | 'group'


@dataclass(frozen=True, slots=True)
class EscoOccupation:
    uri: str
    label: str
    alt_labels: tuple[str, ...]
    code: str | None
    isco_group: str | None
    broader_uri: str | None
    description: str | None


@dataclass(frozen=True, slots=True)
class EscoOccupationSkill:
    uri: str
    label: str
    essential: bool
    skill_type: str | None


_SKILL_COLS = "uuid, label, alt_labels, skill_type, reuse_level, description, is_digital"


def _skill(row: tuple[Any, ...]) -> EscoSkill:
    u, label, alts, st, rl, desc, dig = row
    return EscoSkill(ESCO_SKILL + u, label, tuple(json.loads(alts)), st, rl, desc, bool(dig))


def esco_skill(uri: str) -> EscoSkill | None:
    row = _one(f"SELECT {_SKILL_COLS} FROM esco_skill WHERE uuid = ?", _uuid(uri, ESCO_SKILL))
    return _skill(row) if row else None


def esco_skills(*, digital_only: bool = False) -> Iterator[EscoSkill]:
    """Every ESCO skill (13,896), in URI order."""
    where = " WHERE is_digital = 1" if digital_only else ""
    for row in connect().execute(f"SELECT {_SKILL_COLS} FROM esco_skill{where} ORDER BY id"):
        yield _skill(row)


def esco_skill_broader(uri: str) -> list[EscoConcept]:
    """The skill's parents in ESCO's hierarchy: broader skills and skill groups."""
    rows = _q(
        "SELECT coalesce(? || s.uuid, g.uri), coalesce(s.label, g.label), "
        "CASE WHEN s.id IS NULL THEN 'group' ELSE 'skill' END "
        "FROM esco_skill_broader b JOIN esco_skill c ON c.id = b.skill_id "
        "LEFT JOIN esco_skill s ON s.id = b.broader_id "
        "LEFT JOIN esco_skill_group g ON g.id = b.broader_id "
        "WHERE c.uuid = ? ORDER BY 1",
        ESCO_SKILL,
        _uuid(uri, ESCO_SKILL),
    )
    return [EscoConcept(*r) for r in rows]


_OCC_SQL = (
    "SELECT o.uuid, o.label, o.alt_labels, o.code, o.isco_group, p.uuid, o.description "
    "FROM esco_occupation o LEFT JOIN esco_occupation p ON p.id = o.broader_id"
)


def _occupation(row: tuple[Any, ...]) -> EscoOccupation:
    u, label, alts, code, isco, up, desc = row
    broader = ESCO_OCCUPATION + up if up else None
    return EscoOccupation(
        ESCO_OCCUPATION + u, label, tuple(json.loads(alts)), code, isco, broader, desc
    )


def esco_occupation(uri: str) -> EscoOccupation | None:
    row = _one(f"{_OCC_SQL} WHERE o.uuid = ?", _uuid(uri, ESCO_OCCUPATION))
    return _occupation(row) if row else None


def esco_occupations() -> Iterator[EscoOccupation]:
    """Every ESCO occupation (3,007), in URI order."""
    for row in connect().execute(f"{_OCC_SQL} ORDER BY o.id"):
        yield _occupation(row)


def esco_occupation_skills(uri: str) -> list[EscoOccupationSkill]:
    """Skills of an occupation, essential ones first, then by label."""
    rows = _q(
        "SELECT s.uuid, s.label, r.essential, s.skill_type FROM esco_occupation o "
        "JOIN esco_occupation_skill r ON r.occupation_id = o.id "
        "JOIN esco_skill s ON s.id = r.skill_id WHERE o.uuid = ? "
        "ORDER BY r.essential DESC, s.label COLLATE NOCASE",
        _uuid(uri, ESCO_OCCUPATION),
    )
    return [EscoOccupationSkill(ESCO_SKILL + u, lab, bool(e), t) for u, lab, e, t in rows]


def esco_skill_occupations(uri: str) -> list[tuple[str, str, bool]]:
    """(occupation URI, label, essential) for every occupation that lists the skill."""
    rows = _q(
        "SELECT o.uuid, o.label, r.essential FROM esco_skill s "
        "JOIN esco_occupation_skill r ON r.skill_id = s.id "
        "JOIN esco_occupation o ON o.id = r.occupation_id WHERE s.uuid = ? "
        "ORDER BY r.essential DESC, o.label COLLATE NOCASE",
        _uuid(uri, ESCO_SKILL),
    )
    return [(ESCO_OCCUPATION + u, lab, bool(e)) for u, lab, e in rows]
