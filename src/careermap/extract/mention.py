"""What extraction returns: one :class:`Mention` per occurrence of a skill in the text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from careermap.knowledge.schemas import Level

if TYPE_CHECKING:
    from careermap.documents.model import Document
    from careermap.knowledge.loader import KnowledgeBase
    from careermap.profile import Profile

__all__ = ["Extraction", "Mention", "Method", "Taxonomy"]

Taxonomy = Literal["careermap", "esco"]
Method = Literal["exact", "alias", "semantic"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A skill named (or, for ``method="semantic"``, described) at ``text[start:end]``.

    ``skill_id`` is a careermap skill id or an ESCO skill URI, as ``taxonomy`` says.
    ``level`` and ``years`` are what the words around the mention state, not an estimate;
    ``negated`` means the sentence says the person lacks the skill.
    """

    skill_id: str
    taxonomy: Taxonomy
    label: str
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int
    sentence_end: int
    confidence: float
    method: Method
    level: Level | None = None
    years: float | None = None
    negated: bool = False
    section: str | None = None
    #: careermap skills that list this ESCO mention's URI
    careermap_ids: tuple[str, ...] = ()
    #: the sentence describes an employer, not the person ("about us", benefits)
    boilerplate: bool = False
    #: in a posting, the sentence makes this a preference ("a plus"), not a requirement
    preferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["careermap_ids"] = list(self.careermap_ids)
        return d


@dataclass(frozen=True)
class Extraction:
    """The mentions found in one text, in order of position."""

    text: str
    mentions: list[Mention]
    document: Document | None = None
    #: seconds spent in each stage ("lexical", "context", "semantic")
    timings: dict[str, float] = field(default_factory=dict)
    #: what the extraction could not do ("semantic stage skipped: ...")
    notes: list[str] = field(default_factory=list)

    def of(self, taxonomy: Taxonomy) -> list[Mention]:
        return [m for m in self.mentions if m.taxonomy == taxonomy]

    def skill_ids(self, taxonomy: Taxonomy = "careermap") -> list[str]:
        """Skills with at least one mention that is not negated, in order of first mention
        (for careermap, ESCO mentions count through :func:`.profile.esco_stand_in`)."""
        from careermap.extract.profile import esco_stand_in

        seen: dict[str, None] = {}
        for m in self.mentions:
            if m.negated or m.boilerplate:
                continue
            if m.taxonomy == taxonomy:
                seen.setdefault(m.skill_id, None)
            elif taxonomy == "careermap" and (sid := esco_stand_in(m)) is not None:
                seen.setdefault(sid, None)
        return list(seen)

    @property
    def negated(self) -> list[Mention]:
        return [m for m in self.mentions if m.negated]

    def profile(self, today: date | None = None, kb: KnowledgeBase | None = None) -> Profile:
        """One level estimate per careermap skill, with evidence (see :mod:`.profile`);
        ``today`` dates positions marked "present" (default: the real today); ``kb`` is
        the knowledge base to read degrees and certifications with (default: shipped)."""
        from careermap.extract.profile import build_profile

        return build_profile(self, today, kb)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mentions": [m.to_dict() for m in self.mentions],
            "timings": dict(self.timings),
            "notes": list(self.notes),
        }
