"""Courses and certifications: claims that stand on their hours, retired items never
recommended, certifications recognised as people write them, and seed quotes that hold."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from careermap.errors import DataError, UnknownIdError
from careermap.knowledge import DATA_DIR, KnowledgeBase, load, load_from
from careermap.knowledge.loader import CLAIM_HOURS_SHARE, unsupported_claim
from careermap.knowledge.schemas import Course, CourseSkill, Level
from careermap.plan.costs import CostModel
from careermap.plan.courses import select_courses
from careermap.profile import SkillNeed
from careermap.settings import Settings
from kbfactory import make_skill

SEEDS = Settings().shared_data.parent / "seeds"
#: the seed articles by source id (their files in ../shared/seeds)
SEED_FILES = {
    "seed-genai-jobs": "000_8fe143d198e1e22f.txt",
    "seed-genai-paths-2026": "001_d5cb72f78e3461e9.txt",
    "seed-genai-developer": "002_29486504dd48f80c.txt",
}
_STOP = {"with", "your", "from", "into", "over", "that", "this", "their", "course"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load()


def _course(hours: float, claims: list[CourseSkill], cid: str = "c") -> Course:
    return Course(
        id=cid,
        title=cid,
        provider="Test provider",
        level="intermediate",
        hours=hours,
        hours_basis="test figure",
        cost="free",
        skills=claims,
        sources=["careermap-curation"],
    )


def _copy_kb(tmp_path: Path) -> Path:
    dst = tmp_path / "kb"
    shutil.copytree(DATA_DIR, dst, ignore=shutil.ignore_patterns("*.sqlite", "*.npz", "*.npy"))
    return dst


def _edit(path: Path, key: str, ident: str, change: dict[str, object]) -> None:
    doc = yaml.safe_load(path.read_text())
    (rec,) = [r for r in doc[key] if r["id"] == ident]
    rec.update(change)
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))


# ---- the claim rule ---------------------------------------------------------------------
def test_a_claim_needs_a_share_of_the_skills_hours_from_where_it_starts() -> None:
    hours = {"foundational": 10, "intermediate": 20, "advanced": 40, "basis": "a test figure"}
    python = make_skill("python", "Python", hours=hours)

    def why(hours: float, claim: CourseSkill) -> str | None:
        return unsupported_claim(_course(hours, [claim]), claim, python)

    # intermediate from nothing is 30 h in the knowledge base: a course needs 7.5 h of it
    whole = CourseSkill(skill="python", level="intermediate")
    assert why(7.5, whole) is None
    refused = why(5, whole)
    assert refused is not None and "7.5 h" in refused and "justification" in refused
    # from foundational the step is 20 h, and 5 h is a quarter of it
    assert (
        why(5, CourseSkill(skill="python", level="intermediate", from_level="foundational")) is None
    )
    written = CourseSkill(
        skill="python", level="intermediate", justification="the whole course is this step"
    )
    assert why(1, written) is None
    assert CLAIM_HOURS_SHARE == 0.25


def test_a_claim_cannot_start_at_or_above_the_level_it_reaches() -> None:
    with pytest.raises(ValueError, match="from_level"):
        CourseSkill(skill="python", level="foundational", from_level="intermediate")


def test_every_shipped_claim_stands_on_its_hours_or_says_why(kb: KnowledgeBase) -> None:
    justified = []
    for course in kb.courses.values():
        for claim in course.skills:
            assert unsupported_claim(course, claim, kb.skills[claim.skill]) is None
            if claim.justification is not None:
                justified.append((course.id, claim.skill))
    # a justification is the exception, never the way round the rule
    assert len(justified) <= 5, justified


def test_a_short_course_claiming_a_level_it_cannot_reach_is_refused(tmp_path: Path) -> None:
    dst = _copy_kb(tmp_path)
    _edit(
        dst / "courses.yaml",
        "courses",
        "dlai-how-diffusion-models-work",
        {"skills": [{"skill": "pytorch", "level": "intermediate"}]},
    )
    with pytest.raises(DataError, match=r"dlai-how-diffusion-models-work \(2 h\).*pytorch"):
        load_from(dst)


def test_no_course_claims_what_the_review_found_it_only_uses(kb: KnowledgeBase) -> None:
    def claims(cid: str) -> dict[str, Level]:
        return {c.skill: c.level for c in kb.course(cid).skills}

    assert "pytorch" not in claims("dlai-how-diffusion-models-work")
    assert "python" not in claims("testdriven-fastapi-docker")
    assert "probability" not in claims("stanford-cs229")
    assert claims("freecodecamp-data-analysis-python") and kb.course(
        "freecodecamp-data-analysis-python"
    ).hours == pytest.approx(300)
    assert kb.course("helsinki-ethics-of-ai").hours == pytest.approx(50)


# ---- retired items ----------------------------------------------------------------------
def test_the_solver_never_picks_a_retired_course() -> None:
    retired = _course(
        5, [CourseSkill(skill="python", level="intermediate")], cid="old-python"
    ).model_copy(update={"status": "retired", "retired_on": date(2026, 3, 31)})
    active = _course(40, [CourseSkill(skill="python", level="intermediate")], cid="new-python")
    need = SkillNeed(skill="python", target="intermediate", importance="essential", reason="t")
    sel = select_courses([need], [retired, active], costs=CostModel(hours_per_week=10))
    assert [c.id for c in sel.chosen] == ["new-python"]
    alone = select_courses([need], [retired], costs=CostModel(hours_per_week=10))
    assert alone.chosen == [] and alone.uncovered == ["python"]


def test_a_retired_shipped_course_is_left_to_self_study(kb: KnowledgeBase) -> None:
    # the AWS ML Specialty preparation course is the only one claiming intermediate SageMaker
    need = SkillNeed(
        skill="aws-sagemaker", target="intermediate", importance="important", reason="t"
    )
    sel = select_courses([need], kb.courses.values(), costs=CostModel(hours_per_week=8))
    assert "aws-ml-specialty-prep-udemy" not in {c.id for c in sel.chosen}
    assert sel.uncovered == ["aws-sagemaker"]
    assert kb.course("aws-ml-specialty-prep-udemy").status == "retired"


def test_mls_c01_is_retired_with_its_date_and_successor(kb: KnowledgeBase) -> None:
    cert = kb.certification("MLS-C01")
    assert cert.id == "aws-certified-ml-specialty"
    assert (cert.status, cert.retired_on) == ("retired", date(2026, 3, 31))
    assert cert.successor is not None
    assert kb.certification(cert.successor).status == "active"
    for item in [*kb.courses.values(), *kb.certifications.values()]:
        if item.status == "retired":
            assert item.retired_on is not None and item.retired_on <= date(2026, 12, 1)


def test_a_role_may_not_list_a_retired_item_its_source_never_named(tmp_path: Path) -> None:
    dst = _copy_kb(tmp_path)
    path = dst / "roles" / "mlops-engineer.yaml"
    doc = yaml.safe_load(path.read_text())
    doc["roles"][0]["certifications"].append("azure-ai-engineer-associate")
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    with pytest.raises(DataError, match=r"azure-ai-engineer-associate.*retired.*2026-06-30"):
        load_from(dst)


def test_an_exam_listed_as_a_course_is_pointed_to_the_right_list(tmp_path: Path) -> None:
    dst = _copy_kb(tmp_path)
    path = dst / "roles" / "ai-ethics-specialist.yaml"
    doc = yaml.safe_load(path.read_text())
    doc["roles"][0]["courses"].append("iapp-aigp")
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    with pytest.raises(DataError, match="it is a certification, list it under certifications"):
        load_from(dst)


def test_the_role_page_marks_what_is_retired(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from careermap.cli import main

    assert main(["role", "mlops-engineer"]) == 0
    out = capsys.readouterr().out
    assert "Certifications" in out and "retired" in out
    assert main(["role", "mlops-engineer", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    certs = {c["id"]: c for c in data["certifications"]}
    assert certs["aws-certified-ml-specialty"]["status"] == "retired"
    assert {c["status"] for c in data["courses"]} == {"active", "retired"}


# ---- certifications ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("written", "cert"),
    [
        ("CKA", "cka"),
        ("certified kubernetes administrator", "cka"),
        ("AIGP", "iapp-aigp"),
        ("SAA-C03", "aws-solutions-architect-associate"),
        ("AWS Certified Solutions Architect – Associate", "aws-solutions-architect-associate"),
        ("Terraform Associate (003)", "hashicorp-terraform-associate"),
        ("AI-900", "microsoft-azure-ai-fundamentals"),
        ("PL-300", "microsoft-power-bi-data-analyst"),
    ],
)
def test_certifications_resolve_as_people_write_them(
    kb: KnowledgeBase, written: str, cert: str
) -> None:
    assert kb.certification(written).id == cert


def test_an_unknown_certification_suggests_close_ones(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownIdError) as err:
        kb.certification("Certified Kubernetes Admin")
    assert "cka" in err.value.suggestions


def test_certifications_are_not_courses_and_cost_only_what_a_source_says(
    kb: KnowledgeBase,
) -> None:
    assert len(kb.certifications) >= 20
    assert not set(kb.certifications) & set(kb.courses)
    for cert in kb.certifications.values():
        if cert.exam_price_usd is not None:
            assert cert.exam_price_source in cert.sources
            assert kb.sources[cert.exam_price_source].kind != "curation"
    shows_kubernetes = kb.certifications_for("kubernetes", "intermediate")
    assert {"cka", "cncf-ckad"} <= {c.id for c in shows_kubernetes}
    statuses = [c.status for c in kb.certifications_for("azure")]
    assert statuses == sorted(statuses)  # active ones first


def test_every_role_certification_exists_and_none_is_a_course(kb: KnowledgeBase) -> None:
    for role in kb.roles.values():
        assert set(role.certifications) <= set(kb.certifications), role.id
        assert not set(role.courses) & set(kb.certifications), role.id
    assert kb.role("mlops-engineer").certifications


# ---- seed quotes ------------------------------------------------------------------------
def _named() -> list[tuple[str, str, list[str], str | None, list[str]]]:
    kb = load()
    out = []
    for c in kb.courses.values():
        if c.named_in_seeds:
            out.append((c.id, c.title, c.aliases, c.quote, c.sources))
    for t in kb.certifications.values():
        if t.named_in_seeds:
            out.append(
                (t.id, t.title, [*t.aliases, *([t.code] if t.code else [])], t.quote, t.sources)
            )
    for p in kb.projects.values():
        if p.named_in_seeds:
            out.append((p.id, p.title, [], p.quote, p.sources))
    return out


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2011", "-").replace("\u2010", "-")).casefold()


def _names_it(quote: str, title: str, aliases: list[str]) -> bool:
    said = _flat(quote)
    if any(_flat(a) in said for a in aliases if len(a) >= 3):
        return True
    words = [w for w in re.findall(r"[a-z0-9]+", _flat(title)) if len(w) >= 4 and w not in _STOP]
    return bool(words) and sum(w in said for w in words) * 2 >= len(words)


@pytest.mark.parametrize("record", _named(), ids=lambda r: r[0])
def test_a_record_named_in_the_seeds_quotes_the_words_that_name_it(
    record: tuple[str, str, list[str], str | None, list[str]],
) -> None:
    ident, title, aliases, quote, sources = record
    assert quote, f"{ident} has no quote"
    assert _names_it(quote, title, aliases), f"{ident}: the quote does not name '{title}'"
    assert any(s in SEED_FILES for s in sources), f"{ident} cites no seed"


def test_seed_quotes_appear_verbatim_in_the_seed_they_cite() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"needs the seed articles in {SEEDS} (absent on a fresh clone)")
    records = _named()
    assert len(records) >= 14
    for ident, _title, _aliases, quote, sources in records:
        texts = [(SEEDS / SEED_FILES[s]).read_text() for s in sources if s in SEED_FILES]
        assert quote and any(quote in t for t in texts), f"{ident}: quote not in its seed"


def test_the_tensorflow_certificate_is_not_claimed_as_named_by_a_seed(kb: KnowledgeBase) -> None:
    tf = kb.course("dlai-tensorflow-developer-certificate")
    assert not tf.named_in_seeds and tf.quote is None
