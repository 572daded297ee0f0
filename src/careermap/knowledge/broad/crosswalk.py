"""The Nesta ESCO to O*NET crosswalk and the Microsoft GenAI applicability score."""

from __future__ import annotations

from dataclasses import dataclass

from careermap.knowledge.broad._db import (
    ESCO_OCCUPATION,
    _one,
    _soc,
    _uuid,
)
from careermap.knowledge.broad.esco import esco_occupation

__all__ = [
    "CrosswalkLink",
    "GenAIScore",
    "crosswalk_esco_to_onet",
    "genai_applicability",
]


# ---------------------------------------------------------------- crosswalk, GenAI score
@dataclass(frozen=True, slots=True)
class CrosswalkLink:
    esco_uri: str
    onet_code_2010: str  # as Nesta gives it (O*NET-SOC 2010 taxonomy)
    onet_title_2010: str
    confidence: float  # Nesta's confidence: 0.5, 1 or 2 (highest)
    onet_code: str | None  # the O*NET 29.3 code, found by the same code or the same title
    mapped_by: str | None  # 'same-code' | 'same-title' | None
    inherited_from: str | None  # ESCO URI of the parent occupation the link comes from


@dataclass(frozen=True, slots=True)
class GenAIScore:
    soc: str
    title: str
    score: float  # Microsoft "Working with AI" applicability score, 0-1


def crosswalk_esco_to_onet(uri: str) -> CrosswalkLink | None:
    """Nesta's O*NET match for an ESCO occupation, inherited from its parent when absent."""
    current: str | None = ESCO_OCCUPATION + _uuid(uri, ESCO_OCCUPATION)
    inherited: str | None = None
    for _ in range(10):  # ESCO occupations nest at most a few levels deep
        if current is None:
            return None
        row = _one(
            "SELECT onet_code_2010, onet_title_2010, confidence, onet_code, mapped_by "
            "FROM esco_onet_crosswalk WHERE esco_uri = ?",
            current,
        )
        if row:
            code10, title10, conf, code, how = row
            esco = ESCO_OCCUPATION + _uuid(uri, ESCO_OCCUPATION)
            return CrosswalkLink(esco, code10, title10, conf, code, how, inherited)
        occ = esco_occupation(current)
        current = inherited = occ.broader_uri if occ else None
    return None


def genai_applicability(soc: str) -> GenAIScore | None:
    row = _one("SELECT * FROM genai_applicability WHERE soc = ?", _soc(soc))
    return GenAIScore(*row) if row else None
