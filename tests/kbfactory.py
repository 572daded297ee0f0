"""Build small, valid knowledge-base records for tests that need a controlled vocabulary."""

from __future__ import annotations

from typing import Any

from careermap.knowledge.schemas import Skill


def _links(items: list[Any], key: str) -> list[Any]:
    """Plain strings become exact links; dicts ({key: ..., "fit": ...}) pass through."""
    return [{key: x, "fit": "exact"} if isinstance(x, str) else x for x in items]


def make_skill(
    sid: str,
    label: str,
    category: str = "programming",
    description: str | None = None,
    **kw: Any,
) -> Skill:
    """A valid Skill; ``ambiguous={"R": ["rstudio", ...]}`` adds context-bound aliases, and
    ``esco=[uri, ...]`` / ``onet=[name, ...]`` add exact links (or pass link dicts for a fit)."""
    amb = kw.pop("ambiguous", {})
    if "esco" in kw:
        kw["esco"] = _links(kw["esco"], "uri")
    if "onet" in kw:
        kw["onet"] = _links(kw["onet"], "name")
    return Skill.model_validate(
        {
            "id": sid,
            "label": label,
            "category": category,
            "description": description or f"{label}.",
            "ambiguous": [
                {"alias": a, "note": "ambiguous", "context": ctx} for a, ctx in amb.items()
            ],
            "levels": {"foundational": "f", "intermediate": "i", "advanced": "a"},
            "hours": {
                "foundational": 10,
                "intermediate": 20,
                "advanced": 40,
                "basis": "made up for a test",
            },
            "sources": ["test"],
            **kw,
        }
    )
