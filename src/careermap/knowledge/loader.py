"""Load the curated knowledge base from the YAML files shipped in the package.

Everything is validated on load: each record against its schema, then the whole against
itself (no dangling reference, an acyclic prerequisite graph, ids unique across files).
A failure is a :class:`~careermap.errors.DataError` naming the file and the record.
"""

from __future__ import annotations

import graphlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from careermap.errors import DataError, InputError, UnknownIdError
from careermap.knowledge.schemas import (
    LEVELS,
    SKILL_CATEGORIES,
    Certification,
    Course,
    CourseSkill,
    Level,
    MarketFact,
    PortfolioProject,
    Role,
    Skill,
    Source,
)
from careermap.validation import first_error, read_yaml

__all__ = [
    "CLAIM_HOURS_SHARE",
    "CLAIM_HOURS_SHARE_BASIS",
    "DATA_DIR",
    "KnowledgeBase",
    "load",
    "load_from",
    "unsupported_claim",
]

DATA_DIR = Path(__file__).parent / "data"

M = TypeVar("M", bound=BaseModel)

#: the least share of the knowledge base's own study hours for a step in a skill that a
#: course must take for its claim to take a learner through that step; below it, a claim
#: needs a written justification
CLAIM_HOURS_SHARE = 0.25
CLAIM_HOURS_SHARE_BASIS = (
    "A skill's hours are careermap's estimate of all the study a typical learner needs for a "
    "level: the taught material and the practice and projects around it. A course supplies "
    "the taught part, and careermap takes that part to be at least a quarter of the whole; a "
    "course shorter than a quarter of the hours for a step is an introduction, not the step."
)

#: the command that lists every id of a kind, named in "unknown id" messages
_LISTINGS = {
    "role": "careermap roles",
    "skill": "careermap skills",
    "source": "careermap sources",
}


def _read_yaml(path: Path) -> dict[str, Any]:
    doc = read_yaml(path)
    if not isinstance(doc, dict):
        raise DataError(f"{path.name}: expected a mapping at the top level")
    return doc


def _parse(path: Path, key: str, model: type[M]) -> list[M]:
    doc = _read_yaml(path)
    items = doc.get(key)
    if not isinstance(items, list):
        raise DataError(f"{path.name}: expected a list under '{key}'")
    out: list[M] = []
    for i, raw in enumerate(items):
        try:
            out.append(model.model_validate(raw))
        except ValidationError as exc:
            ident = raw.get("id", f"#{i}") if isinstance(raw, dict) else f"#{i}"
            where, msg = first_error(exc)
            raise DataError(
                f"{path.name}: {key[:-1]} '{ident}' is invalid at '{where}': {msg}"
            ) from exc
    return out


def _index(items: Iterable[M], kind: str, where: str) -> dict[str, M]:
    out: dict[str, M] = {}
    for item in items:
        ident = str(getattr(item, "id"))  # noqa: B009 - every indexed model has an id
        if ident in out:
            raise DataError(f"{where}: {kind} id '{ident}' is defined twice")
        out[ident] = item
    return out


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("_"))


def unsupported_claim(course: Course, claim: CourseSkill, skill: Skill) -> str | None:
    """Why a course's claim to a level breaks the hours rule, or None when it holds: the
    course's hours must reach CLAIM_HOURS_SHARE of the skill's hours from the level the
    claim starts at up to the level it reaches, unless the claim is justified in writing."""
    if claim.justification is not None:
        return None
    need = CLAIM_HOURS_SHARE * skill.hours.to_reach(claim.level, start=claim.from_level)
    if course.hours + 1e-9 >= need:
        return None
    start = f" from {claim.from_level}" if claim.from_level else ""
    return (
        f"course {course.id} ({course.hours:g} h) claims {claim.level} in {skill.id}{start}, "
        f"which needs at least {need:g} h ({CLAIM_HOURS_SHARE:g} of the skill's hours): lower "
        "or drop the claim, or give it a justification"
    )


@dataclass(frozen=True)
class KnowledgeBase:
    """Roles, skills, courses, projects, market facts and sources, cross-checked."""

    sources: dict[str, Source]
    skills: dict[str, Skill]
    roles: dict[str, Role]
    courses: dict[str, Course]
    projects: dict[str, PortfolioProject]
    facts: dict[str, MarketFact]
    certifications: dict[str, Certification] = field(default_factory=dict)
    data_dir: Path = field(default=DATA_DIR)

    # ---- look-ups -------------------------------------------------------------------
    def role(self, role_id: str) -> Role:
        return self._get(self.roles, "role", role_id, lambda r: [r.title, *r.alt_titles])

    def skill(self, skill_id: str) -> Skill:
        return self._get(self.skills, "skill", skill_id, lambda s: [s.label, *s.aliases])

    def course(self, course_id: str) -> Course:
        return self._get(self.courses, "course", course_id, lambda c: [c.title, *c.aliases])

    def certification(self, cert_id: str) -> Certification:
        """A certification by id, title, exam code or alias ('CKA', 'SAA-C03', 'AIGP')."""
        return self._get(self.certifications, "certification", cert_id, lambda c: c.names())

    def project(self, project_id: str) -> PortfolioProject:
        return self._get(self.projects, "project", project_id, lambda p: [p.title])

    def source(self, source_id: str) -> Source:
        return self._get(self.sources, "source", source_id, lambda s: [s.title])

    def _get(self, table: dict[str, M], kind: str, key: str, names: Any) -> M:
        hit = table.get(key)
        if hit is not None:
            return hit
        low = key.strip().lower()
        for ident, item in table.items():  # exact title or alias, case-insensitive
            if low == ident or any(low == n.lower() for n in names(item)):
                return item
        for item in table.values():  # acronyms matched only in their own case ("CNN")
            if key.strip() in getattr(item, "case_sensitive_aliases", ()):
                return item
        raise UnknownIdError(
            kind, key, self._suggest(table, low, names), listing=_LISTINGS.get(kind)
        )

    @staticmethod
    def _suggest(table: dict[str, M], key: str, names: Any, limit: int = 3) -> list[str]:
        from rapidfuzz import fuzz, process

        choices: dict[str, str] = {}
        for ident, item in table.items():
            choices[f"{ident}\x00{ident}"] = ident
            for n in names(item):
                choices[f"{ident}\x00{n}"] = n.lower()
        scored = process.extract(key, choices, scorer=fuzz.WRatio, limit=limit * 6)
        out: list[str] = []
        for _text, score, ck in scored:
            ident = ck.split("\x00", 1)[0]
            if score >= 60 and ident not in out:
                out.append(ident)
            if len(out) == limit:
                break
        return out

    # ---- the skill graph ------------------------------------------------------------
    @cached_property
    def unlocks(self) -> dict[str, list[str]]:
        """Skill id -> the skills that list it as a prerequisite."""
        out: dict[str, list[str]] = {s: [] for s in self.skills}
        for s in self.skills.values():
            for p in s.prerequisites:
                out[p].append(s.id)
        return out

    def prerequisite_order(self, skill_ids: Iterable[str] | None = None) -> list[str]:
        """Skills in an order where each comes after its prerequisites (ties by id)."""
        wanted = set(self.skills if skill_ids is None else skill_ids)
        ts: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter()
        for sid in sorted(wanted):
            ts.add(sid, *sorted(p for p in self.skills[sid].prerequisites if p in wanted))
        ts.prepare()
        out: list[str] = []
        while ts.is_active():
            ready = sorted(ts.get_ready())
            out.extend(ready)
            ts.done(*ready)
        return out

    def ancestors(self, skill_id: str) -> set[str]:
        """Every skill reachable through prerequisites (not including the skill)."""
        seen: set[str] = set()
        stack = list(self.skills[skill_id].prerequisites)
        while stack:
            s = stack.pop()
            if s not in seen:
                seen.add(s)
                stack.extend(self.skills[s].prerequisites)
        return seen

    def courses_for(
        self, skill_id: str, level: Level | None = None, *, include_retired: bool = False
    ) -> list[Course]:
        """Courses that teach a skill (to at least ``level`` when given), shortest first;
        retired courses only when asked for."""
        need = 0 if level is None else LEVELS.index(level)
        hits = [
            c
            for c in self.courses.values()
            if (include_retired or c.status != "retired")
            and any(cs.skill == skill_id and LEVELS.index(cs.level) >= need for cs in c.skills)
        ]
        return sorted(hits, key=lambda c: (c.hours, c.id))

    def certifications_for(self, skill_id: str, level: Level | None = None) -> list[Certification]:
        """Certifications whose holding shows a skill (at ``level`` or above when given):
        active ones first, then by preparation hours."""
        need = 0 if level is None else LEVELS.index(level)
        hits = [
            c
            for c in self.certifications.values()
            if any(a.skill == skill_id and LEVELS.index(a.level) >= need for a in c.attests)
        ]
        return sorted(hits, key=lambda c: (c.status != "active", c.prep_hours, c.id))

    def roles_needing(self, skill_id: str) -> list[Role]:
        return [r for r in self.roles.values() if any(s.skill == skill_id for s in r.skills)]

    def projects_for(self, skill_id: str) -> list[PortfolioProject]:
        return [p for p in self.projects.values() if skill_id in p.skills]

    def iter_skills(self, category: str | None = None) -> list[Skill]:
        """Every skill, or those of one category, by category and then label; an unknown
        category is an :class:`~careermap.errors.InputError` naming the known ones."""
        if category is not None and category not in SKILL_CATEGORIES:
            raise InputError(
                f"unknown category '{category[:60]}'.",
                hint=f"Use one of: {', '.join(SKILL_CATEGORIES)}.",
            )
        found = [s for s in self.skills.values() if category is None or s.category == category]
        return sorted(found, key=lambda s: (s.category, s.label.lower()))

    def citations(self) -> dict[str, dict[str, int]]:
        """Source id -> how many records of each kind cite it ('facts' counts a study a
        fact's source cites, too). Every source is present, with zero counts if unused."""
        out: dict[str, dict[str, int]] = {s: {} for s in self.sources}

        def add(kind: str, ids: Iterable[str | None]) -> None:
            for i in dict.fromkeys(x for x in ids if x):  # a record counts once per source
                if i in out:
                    out[i][kind] = out[i].get(kind, 0) + 1

        kinds: tuple[tuple[str, Iterable[Any]], ...] = (
            ("skills", self.skills.values()),
            ("roles", self.roles.values()),
            ("courses", self.courses.values()),
            ("certifications", getattr(self, "certifications", {}).values()),
            ("projects", self.projects.values()),
        )
        for kind, records in kinds:
            for r in records:
                add(kind, r.sources)
        for f in self.facts.values():
            add("facts", [f.source, f.cites])
        for role in self.roles.values():
            for rng in role.salary:
                add("salary ranges", [rng.source])
        return out

    # ---- validation -----------------------------------------------------------------
    def check(self) -> None:
        """Raise DataError on the first broken reference or a prerequisite cycle."""
        problems = list(self.problems())
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise DataError(f"knowledge base is inconsistent: {problems[0]}{more}")

    def _role_offer(self, role: Role) -> Iterator[str]:
        """A role's courses and certifications: each known, under the right list, and none
        retired unless its source named it for the role (then the role page marks it)."""
        lists: tuple[tuple[str, list[str], dict[str, Any]], ...] = (
            ("course", role.courses, self.courses),
            ("certification", role.certifications, self.certifications),
        )
        for kind, ids, table in lists:
            for i in ids:
                item = table.get(i)
                if item is None:
                    other = "certification" if kind == "course" else "course"
                    hint = (
                        f": it is a {other}, list it under {other}s"
                        if i in (self.certifications if kind == "course" else self.courses)
                        else ""
                    )
                    yield f"role {role.id} refers to unknown {kind} '{i}'{hint}"
                elif item.status == "retired" and not item.named_in_seeds:
                    succ = f"; list {item.successor} instead" if item.successor else ""
                    yield (
                        f"role {role.id} lists {kind} '{i}', retired on {item.retired_on}: "
                        f"drop it{succ}"
                    )

    def problems(self) -> Iterator[str]:
        src, sk = self.sources, self.skills

        def need(ids: Iterable[str], table: dict[str, Any], kind: str, owner: str) -> Iterator[str]:
            for i in ids:
                if i not in table:
                    yield f"{owner} refers to unknown {kind} '{i}'"

        for s in sk.values():
            yield from need(s.sources, src, "source", f"skill {s.id}")
            yield from need(s.prerequisites, sk, "skill", f"skill {s.id} (prerequisites)")
            yield from need((x.skill for x in s.implies), sk, "skill", f"skill {s.id} (implies)")
            yield from need(
                (i for t in s.transfer for i in t.skills), sk, "skill", f"skill {s.id} (transfer)"
            )
        yield from _skill_graph_problems(sk)
        for r in self.roles.values():
            owner = f"role {r.id}"
            yield from need(r.sources, src, "source", owner)
            yield from need((x.skill for x in r.skills), sk, "skill", owner)
            yield from need(r.competencies, sk, "skill", f"{owner} (competencies)")
            yield from need(r.tools, sk, "skill", f"{owner} (tools)")
            yield from self._role_offer(r)
            yield from need(r.projects, self.projects, "project", owner)
            yield from need((x.source for x in r.salary), src, "source", f"{owner} (salary)")
            for c in r.competencies:
                if c in sk and sk[c].category != "human":
                    yield f"{owner}: competency '{c}' is not a human-competency skill"
        for course in self.courses.values():
            owner = f"course {course.id}"
            yield from need(course.sources, src, "source", owner)
            yield from need((x.skill for x in course.skills), sk, "skill", owner)
            succ = [course.successor] if course.successor else []
            yield from need(succ, self.courses, "course", f"{owner} (successor)")
            for claim in course.skills:
                if claim.skill in sk and (why := unsupported_claim(course, claim, sk[claim.skill])):
                    yield why
        for cert in self.certifications.values():
            owner = f"certification {cert.id}"
            yield from need(cert.sources, src, "source", owner)
            yield from need((x.skill for x in cert.attests), sk, "skill", owner)
            yield from need(cert.prep_courses, self.courses, "course", f"{owner} (prep_courses)")
            succ = [cert.successor] if cert.successor else []
            yield from need(succ, self.certifications, "certification", f"{owner} (successor)")
            if cert.id in self.courses:
                yield f"{owner}: id is also a course id; give one of them another id"
        for p in self.projects.values():
            yield from need(p.sources, src, "source", f"project {p.id}")
            yield from need(p.skills, sk, "skill", f"project {p.id}")
        for f in self.facts.values():
            yield from need([f.source], src, "source", f"market fact {f.id}")
            yield from need([f.cites] if f.cites else [], src, "source", f"market fact {f.id}")
        for source in src.values():
            if source.cited_by is not None:
                owner = f"source {source.id} (cited_by)"
                yield from need([source.cited_by.source], src, "source", owner)
        if all(p in sk for s in sk.values() for p in s.prerequisites):
            ts: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter(
                {s.id: s.prerequisites for s in sk.values()}
            )
            try:
                ts.prepare()
            except graphlib.CycleError as exc:
                yield f"prerequisite cycle: {' -> '.join(exc.args[1])}"


def _skill_graph_problems(skills: dict[str, Skill]) -> Iterator[str]:
    """Skill checks beyond references: one skill per alias, the ESCO and O*NET datasets cited
    exactly where a skill links to them, and implications that stay acyclic."""
    owner: dict[str, str] = {}
    for s in skills.values():
        for form in (s.label, *s.aliases, *s.case_sensitive_aliases):
            first = owner.setdefault(form.strip().lower(), s.id)
            if first != s.id:
                yield f"'{form}' names both skill {first} and skill {s.id}; keep it on one"
        for dataset, links in (("esco-1-1-1", s.esco), ("onet-29-3", s.onet)):
            if links and dataset not in s.sources:
                yield f"skill {s.id} links to {dataset} but does not cite it; add it to sources"
            if dataset in s.sources and not links:
                yield f"skill {s.id} cites {dataset} but has no link to it; drop it from sources"
    if all(x.skill in skills for s in skills.values() for x in s.implies):
        ts: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter(
            {s.id: [x.skill for x in s.implies] for s in skills.values()}
        )
        try:
            ts.prepare()
        except graphlib.CycleError as exc:
            yield f"implication cycle: {' -> '.join(exc.args[1])}"


def load_from(data_dir: Path, *, check: bool = True) -> KnowledgeBase:
    """Load and validate a knowledge base from a folder laid out like the shipped one."""
    if not data_dir.is_dir():
        raise DataError(f"knowledge folder {data_dir} does not exist. Reinstall careermap.")
    skills: list[Skill] = []
    for p in _files(data_dir / "skills"):
        skills.extend(_parse(p, "skills", Skill))
    roles: list[Role] = []
    for p in _files(data_dir / "roles"):
        roles.extend(_parse(p, "roles", Role))
    kb = KnowledgeBase(
        sources=_index(_parse(data_dir / "sources.yaml", "sources", Source), "source", "sources"),
        skills=_index(skills, "skill", "skills/"),
        roles=_index(roles, "role", "roles/"),
        courses=_index(_parse(data_dir / "courses.yaml", "courses", Course), "course", "courses"),
        projects=_index(
            _parse(data_dir / "projects.yaml", "projects", PortfolioProject), "project", "projects"
        ),
        facts=_index(_parse(data_dir / "market.yaml", "facts", MarketFact), "fact", "market"),
        certifications=_index(
            _parse(data_dir / "certifications.yaml", "certifications", Certification),
            "certification",
            "certifications",
        ),
        data_dir=data_dir,
    )
    if check:
        kb.check()
    return kb


def load() -> KnowledgeBase:
    """The knowledge base shipped with careermap (loaded once, by the runtime)."""
    from careermap.runtime import get_runtime

    return get_runtime().kb
