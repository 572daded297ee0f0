"""Skill ids renamed between knowledge-base releases, applied to what the store reads.

Stored progress, profiles and plans keep the skill ids of the release that wrote them.
``knowledge/data/renamed_skills.yaml`` maps each retired id to the id that replaced it;
the store resolves every id it reads (and every id it is given) through it, so a release
that renames or merges skills never loses anything a person recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from careermap.errors import DataError
from careermap.knowledge.loader import DATA_DIR
from careermap.knowledge.schemas import LEVELS, Level
from careermap.validation import read_model

if TYPE_CHECKING:
    from careermap.knowledge.loader import KnowledgeBase
    from careermap.plan.model import Plan
    from careermap.profile import Profile, ProfileSkill

__all__ = ["RENAMED_SKILLS", "Renames", "load_renames"]

RENAMED_SKILLS = DATA_DIR / "renamed_skills.yaml"


class _RenamesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    renamed: dict[str, str] = Field(default_factory=dict)


def _higher(a: Level | None, b: Level) -> Level:
    return b if a is None or LEVELS.index(b) > LEVELS.index(a) else a


class Renames:
    """Old skill id -> current id, chains followed (a -> b, b -> c reads a as c)."""

    def __init__(self, mapping: Mapping[str, str] | None = None) -> None:
        raw = dict(mapping or {})
        for old, new in raw.items():
            if not old.strip() or not new.strip():
                raise DataError("renamed skills: an id is empty; give both the old and new id")
            if old == new:
                raise DataError(f"renamed skills: '{old}' is renamed to itself; drop the line")
        self._map: dict[str, str] = {}
        for old in raw:
            seen = [old]
            cur = raw[old]
            while cur in raw:
                if cur in seen:
                    raise DataError(
                        f"renamed skills: a cycle {' -> '.join([*seen, cur])}; each old id "
                        "must lead to a current one"
                    )
                seen.append(cur)
                cur = raw[cur]
            self._map[old] = cur

    def __bool__(self) -> bool:
        return bool(self._map)

    def items(self) -> Iterator[tuple[str, str]]:
        return iter(self._map.items())

    def skill(self, skill_id: str) -> str:
        """The current id of a stored skill id."""
        return self._map.get(skill_id, skill_id)

    def skills(self, ids: Iterable[str]) -> list[str]:
        """Ids resolved, in order, without duplicates."""
        return list(dict.fromkeys(self.skill(i) for i in ids))

    def progress(self, levels: Mapping[str, Level]) -> dict[str, Level]:
        """Progress by current id; two old ids merged into one keep the higher level."""
        out: dict[str, Level] = {}
        for sid, level in levels.items():
            new = self.skill(sid)
            out[new] = _higher(out.get(new), level)
        return out

    def profile(self, profile: Profile) -> Profile:
        """The profile with its skills, implications and denials under current ids."""
        if not self:
            return profile
        skills: dict[str, ProfileSkill] = {}
        for sid, held in profile.skills.items():
            new = self.skill(sid)
            held = held.model_copy(
                update={"skill": new, "implied_by": self.skills(held.implied_by)}
            )
            prev = skills.get(new)
            if prev is None or LEVELS.index(held.level) > LEVELS.index(prev.level):
                skills[new] = held
        denied = {self.skill(sid): ev for sid, ev in profile.denied.items()}
        return profile.model_copy(update={"skills": skills, "denied": denied})

    def plan(self, plan: Plan) -> Plan:
        """The plan with every skill id it holds under current ids."""
        if not self:
            return plan
        one, many = self.skill, self.skills
        needs = [
            n.model_copy(
                update={"skill": one(n.skill), "via_prerequisite_of": many(n.via_prerequisite_of)}
            )
            for n in plan.needs
        ]
        steps = [
            s.model_copy(
                update={
                    "ref": one(s.ref) if s.kind == "skill" else s.ref,
                    "after": many(s.after),
                    "within": one(s.within) if s.within else None,
                }
            )
            for s in plan.steps
        ]
        courses = [
            c.model_copy(update={"skills": many(c.skills), "also_covers": many(c.also_covers)})
            for c in plan.courses
        ]
        extras = [
            e.model_copy(update={"ref": one(e.ref)}) if e.kind == "skill" else e
            for e in plan.extras
        ]
        milestones = [
            m.model_copy(update={"refs": many(m.refs)}) if m.kind in {"skill", "stage"} else m
            for m in plan.milestones
        ]
        certs = [c.model_copy(update={"attests": many(c.attests)}) for c in plan.certifications]
        return plan.model_copy(
            update={
                "needs": needs,
                "steps": steps,
                "courses": courses,
                "extras": extras,
                "milestones": milestones,
                "certifications": certs,
                "uncovered": many(plan.uncovered),
                "self_taught": many(plan.self_taught),
                "done": many(plan.done),
                "progress": self.progress(plan.progress),
            }
        )

    def problems(self, kb: KnowledgeBase) -> list[str]:
        """What is wrong with the mapping against a knowledge base: an old id still
        defined, or a new id that is not."""
        out: list[str] = []
        for old, new in self._map.items():
            if old in kb.skills:
                out.append(f"renamed skill '{old}' is still a skill id; drop one of the two")
            if new not in kb.skills:
                out.append(f"skill '{old}' is renamed to '{new}', which is not a skill id")
        return out


def load_renames(path: Path = RENAMED_SKILLS) -> Renames:
    """The mapping shipped with careermap (or the file at ``path``), validated."""
    if not path.is_file():
        return Renames()
    return Renames(read_model(path, _RenamesFile).renamed)
