"""careermap's store on real SQLite and (when CAREERMAP_TEST_POSTGRES_URL is set) real
PostgreSQL: migrations, each person's data kept to them, cohorts, data rights, renamed
skills and concurrent use."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from careermap.errors import (
    AuthenticationError,
    ConflictError,
    DataError,
    InputError,
    NotFoundError,
    PermissionDeniedError,
)
from careermap.knowledge.loader import KnowledgeBase
from careermap.plan.model import Plan
from careermap.profile import Evidence, Profile, ProfileSkill
from careermap.runtime import Runtime, reset_runtime
from careermap.settings import Settings
from careermap.store import Store, User
from careermap.store.migrate import head
from careermap.store.models import TABLES, Base
from careermap.store.renames import Renames, load_renames
from conftest_store import BACKENDS, Clock, backend_url, count_rows, open_store

PASSWORD = "a long enough secret"


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture()
def url(backend: str, tmp_path: Path) -> Iterator[str]:
    with backend_url(backend, tmp_path) as u:
        yield u


@pytest.fixture()
def clock() -> Clock:
    return Clock()


@pytest.fixture()
def store(url: str, clock: Clock) -> Iterator[Store]:
    with open_store(url, clock=clock) as st:
        yield st


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    from careermap import knowledge

    return knowledge.load()


@pytest.fixture(scope="module")
def plan(kb: KnowledgeBase) -> Plan:
    from careermap.service import PlanOptions, make_plan

    _gap, made = make_plan(Profile(), "prompt-engineer", PlanOptions(start=date(2027, 3, 1)), kb=kb)
    return made


def profile_with(skill: str = "python", sentence: str = "I wrote Python for 5 years.") -> Profile:
    return Profile(
        skills={
            skill: ProfileSkill(
                skill=skill,
                level="advanced",
                confidence=0.9,
                years=5,
                evidence=[Evidence(text=sentence, section="experience", start=0, end=27)],
            )
        },
        titles=["Data analyst"],
    )


def learner(store: Store, name: str) -> User:
    return store.create_user(f"{name}@example.org", PASSWORD)


# ---------------------------------------------------------------- migrations and setup


def test_migrations_build_every_table_from_empty_and_match_the_models(url: str) -> None:
    store = Store(url)
    try:
        assert store.schema_version() is None
        assert not set(TABLES) & set(inspect(store.engine).get_table_names())
        store.migrate()
        store.migrate()  # every start runs it: a second run changes nothing
        assert store.schema_version() == head()
        assert set(TABLES) <= set(inspect(store.engine).get_table_names())
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], f"models and migrations differ; add a migration: {diff}"
    finally:
        store.close()


def test_a_store_used_before_migrating_says_so_without_sql(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        with pytest.raises(DataError) as err:
            store.profiles(1)
        assert "SELECT" not in err.value.one_line()
        assert "set up" in err.value.one_line()
    finally:
        store.close()


def test_sqlite_store_enforces_foreign_keys(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'fk.db'}") as store:
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        with pytest.raises(NotFoundError):
            store.set_progress(999, "python", "foundational")


def test_default_store_is_sqlite_under_careermap_home(tmp_path: Path) -> None:
    reset_runtime(Runtime(Settings(home=tmp_path / "home")))
    store = Store()
    try:
        assert store.backend == "sqlite"
        store.migrate()
        assert (tmp_path / "home" / "careermap.db").is_file()
    finally:
        store.close()


def test_database_url_setting_chooses_the_database(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "data.db"
    reset_runtime(Runtime(Settings(home=tmp_path / "home", database_url=f"sqlite:///{target}")))
    with open_store(None) as store:
        store.local_user()
    assert target.is_file()
    assert not (tmp_path / "home" / "careermap.db").exists()


@pytest.mark.parametrize(
    ("given", "words"),
    [
        ("not a url", "not a database URL"),
        ("mysql://u@h/db", "SQLite or PostgreSQL"),
        ("sqlite://", "in-memory"),
    ],
)
def test_unusable_database_urls_are_refused_with_a_hint(given: str, words: str) -> None:
    with pytest.raises(InputError) as err:
        Store(given)
    assert words in err.value.one_line()
    assert err.value.hint


def test_plain_postgresql_urls_use_psycopg_and_errors_keep_the_password_out() -> None:
    store = Store("postgresql://careermap:secret@127.0.0.1:1/careermap")
    try:
        assert store.engine.url.drivername == "postgresql+psycopg"
        assert "secret" not in repr(store)
        with pytest.raises(DataError) as err:  # nothing listens on port 1
            store.migrate()
        assert "secret" not in err.value.one_line()
        assert "127.0.0.1:1/careermap" in err.value.one_line()
    finally:
        store.close()


# ---------------------------------------------------------------- profiles


def test_profile_round_trips_with_its_evidence_and_the_document_only_when_kept(
    store: Store,
) -> None:
    ann = learner(store, "ann")
    kept = store.save_profile(
        ann.id, profile_with(), document_name="ann-cv.pdf", document=b"%PDF-1.4 ann"
    )
    unkept = store.save_profile(ann.id, profile_with("sql"), document_name="ann.md")
    assert kept.has_document and not unkept.has_document
    again = store.profile(ann.id, kept.id)
    assert again.profile.skills["python"].evidence[0].text == "I wrote Python for 5 years."
    assert again.document_name == "ann-cv.pdf"
    assert store.profile_document(ann.id, kept.id) == ("ann-cv.pdf", b"%PDF-1.4 ann")
    with pytest.raises(NotFoundError):
        store.profile_document(ann.id, unkept.id)
    with store.engine.connect() as conn:
        docs = conn.execute(text("SELECT COUNT(*) FROM profiles WHERE document IS NULL"))
        assert docs.scalar_one() == 1
    assert [p.id for p in store.profiles(ann.id)] == [unkept.id, kept.id]  # newest first


def test_deleting_a_profile_keeps_plans_made_from_it(store: Store, plan: Plan) -> None:
    ann = learner(store, "ann")
    prof = store.save_profile(ann.id, profile_with(), document_name="cv.md", document=b"x")
    saved = store.save_plan(ann.id, plan, profile_id=prof.id)
    store.delete_profile(ann.id, prof.id)
    assert store.profiles(ann.id) == []
    assert store.plan(ann.id, saved.id).profile_id is None
    with pytest.raises(NotFoundError):
        store.profile(ann.id, prof.id)


def test_a_document_over_the_size_limit_is_not_kept(tmp_path: Path, store: Store) -> None:
    reset_runtime(Runtime(Settings(home=tmp_path, max_document_mb=0.001)))
    ann = learner(store, "ann")
    with pytest.raises(InputError, match="larger than"):
        store.save_profile(ann.id, Profile(), document_name="big.pdf", document=b"x" * 2000)
    assert store.profiles(ann.id) == []


# ---------------------------------------------------------------- one person, one person's data


def test_no_one_reads_changes_or_deletes_another_persons_records(store: Store, plan: Plan) -> None:
    ann, bob = learner(store, "ann"), learner(store, "bob")
    prof = store.save_profile(ann.id, profile_with(), document_name="cv.pdf", document=b"cv")
    saved = store.save_plan(ann.id, plan, profile_id=prof.id)
    store.save_answers(ann.id, {"riasec-1": 5})
    store.set_progress(ann.id, "python", "advanced")

    def missing(call: object, *args: object) -> NotFoundError:
        with pytest.raises(NotFoundError) as err:
            call(*args)  # type: ignore[operator]
        return err.value

    # another's record and a record that does not exist answer alike
    assert missing(store.profile, bob.id, prof.id).to_dict() == (
        missing(store.profile, bob.id, prof.id + 1000).to_dict()
    )
    assert missing(store.plan, bob.id, saved.id).to_dict() == (
        missing(store.plan, bob.id, saved.id + 1000).to_dict()
    )
    missing(store.profile_document, bob.id, prof.id)
    missing(store.delete_profile, bob.id, prof.id)
    missing(store.replace_plan, bob.id, saved.id, plan)
    missing(store.delete_plan, bob.id, saved.id)
    with pytest.raises(NotFoundError):
        store.save_plan(bob.id, plan, profile_id=prof.id)  # a plan from ann's profile
    assert store.profiles(bob.id) == [] and store.plans(bob.id) == []
    assert store.answers(bob.id) is None and store.progress(bob.id) == {}
    store.set_progress(bob.id, "python", None)
    # ann's data is as she left it
    assert store.profile(ann.id, prof.id).has_document
    assert store.plan(ann.id, saved.id).plan == plan
    assert store.answers(ann.id) == {"riasec-1": 5}
    assert store.progress(ann.id) == {"python": "advanced"}


def test_ids_that_are_not_numbers_are_input_errors(store: Store) -> None:
    ann = learner(store, "ann")
    with pytest.raises(InputError):
        store.profile(ann.id, "1")  # type: ignore[arg-type]


# ---------------------------------------------------------------- answers, plans, calendar


def test_quiz_answers_are_kept_and_replaced(store: Store) -> None:
    ann = learner(store, "ann")
    assert store.answers(ann.id) is None
    store.save_answers(ann.id, {"riasec-1": 4, "styles": ["a", "b"], "note": "é"})
    store.save_answers(ann.id, {"riasec-1": 2})
    assert store.answers(ann.id) == {"riasec-1": 2}
    with pytest.raises(InputError):
        store.save_answers(ann.id, {"when": date(2027, 1, 1)})  # type: ignore[dict-item]


def test_a_plan_keeps_its_calendar_address_when_replaced(
    store: Store, plan: Plan, kb: KnowledgeBase, clock: Clock
) -> None:
    from careermap.plan.progress import Progress, replan

    ann = learner(store, "ann")
    first = store.save_plan(ann.id, plan, profile_id=None)
    other = store.save_plan(ann.id, plan, profile_id=None)
    assert first.calendar_token != other.calendar_token
    assert len(first.calendar_token) >= 43  # 256 random bits, URL-safe
    assert store.plan_for_calendar(first.calendar_token).id == first.id

    step = plan.skill_steps()[0]
    redone = replan(kb, plan, Progress(done=[step.ref]), start=date(2027, 3, 8))
    clock.advance(days=7)
    replaced = store.replace_plan(ann.id, first.id, redone)
    assert replaced.calendar_token == first.calendar_token
    served = store.plan_for_calendar(first.calendar_token)
    assert step.ref not in [s.ref for s in served.plan.skill_steps()]
    assert served.plan.start == date(2027, 3, 8)
    assert store.plans(ann.id)[0].id == first.id  # latest change first

    store.delete_plan(ann.id, first.id)
    with pytest.raises(NotFoundError):
        store.plan_for_calendar(first.calendar_token)
    for bad in ("", "x" * 500, "not-a-token"):
        with pytest.raises(NotFoundError):
            store.plan_for_calendar(bad)


# ---------------------------------------------------------------- progress and renamed skills


def test_progress_is_kept_by_skill_id_and_none_clears_it(store: Store) -> None:
    ann = learner(store, "ann")
    store.set_progress(ann.id, "python", "foundational")
    store.set_progress(ann.id, "python", "intermediate")
    store.set_progress(ann.id, "sql", "advanced")
    assert store.progress(ann.id) == {"python": "intermediate", "sql": "advanced"}
    store.set_progress(ann.id, "sql", None)
    assert store.progress(ann.id) == {"python": "intermediate"}
    with pytest.raises(InputError, match="not a level"):
        store.set_progress(ann.id, "python", "expert")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        store.set_progress(ann.id, "  ", "advanced")


def test_a_release_that_renames_a_skill_keeps_progress_profiles_and_plans(
    url: str, plan: Plan
) -> None:
    step = plan.skill_steps()[0]
    old = "legacy-" + step.ref  # the id an earlier release used for this skill
    stored_plan = Plan.model_validate_json(
        plan.model_dump_json().replace(f'"{step.ref}"', f'"{old}"')
    )
    with open_store(url, renamed_skills={}) as before:
        ann = learner(before, "ann")
        before.set_progress(ann.id, old, "intermediate")
        before.set_progress(ann.id, "sql", "foundational")
        prof = before.save_profile(ann.id, profile_with(old), document_name="cv.md")
        saved = before.save_plan(ann.id, stored_plan, profile_id=None)
        assert old in before.progress(ann.id)
    with open_store(url, renamed_skills={old: step.ref}) as after:
        assert after.progress(ann.id) == {step.ref: "intermediate", "sql": "foundational"}
        assert step.ref in after.profile(ann.id, prof.id).profile.skills
        assert after.plan(ann.id, saved.id).plan.skill_steps()[0].ref == step.ref
        assert after.plan(ann.id, saved.id).plan == plan
        # a change under the new id replaces the old row; clearing it leaves nothing behind
        after.set_progress(ann.id, step.ref, "advanced")
        assert after.progress(ann.id)[step.ref] == "advanced"
        after.set_progress(ann.id, old, None)
        assert after.progress(ann.id) == {"sql": "foundational"}
        with after.engine.connect() as conn:
            ids = conn.execute(text("SELECT skill_id FROM progress")).scalars().all()
        assert sorted(ids) == ["sql"]


def test_two_old_ids_merged_into_one_keep_the_higher_level() -> None:
    renames = Renames({"a": "c", "b": "c", "old": "a"})
    assert renames.progress({"a": "foundational", "b": "advanced", "x": "foundational"}) == {
        "c": "advanced",
        "x": "foundational",
    }
    assert renames.skill("old") == "c"  # chains are followed
    with pytest.raises(DataError, match="cycle"):
        Renames({"a": "b", "b": "a"})


def test_shipped_skill_renames_point_from_retired_ids_to_current_ones(kb: KnowledgeBase) -> None:
    shipped = load_renames()
    assert shipped.problems(kb) == []
    for old, new in shipped.items():
        assert old not in kb.skills and new in kb.skills
    bad = Renames({"python": "sql", "retired-skill": "no-such-skill"})
    problems = bad.problems(kb)
    assert any("'python' is still a skill id" in p for p in problems)
    assert any("'no-such-skill', which is not a skill id" in p for p in problems)


def test_a_broken_renames_file_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "renamed_skills.yaml"
    path.write_text("renamed: [python]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"renamed_skills\.yaml"):
        load_renames(path)


# ---------------------------------------------------------------- cohorts, sharing, notes


@pytest.fixture()
def advisor(store: Store) -> User:
    return store.create_user("carla@uni.example", PASSWORD, "advisor")


def test_only_advisors_create_cohorts_and_names_are_unique_per_advisor(
    store: Store, advisor: User
) -> None:
    ann = learner(store, "ann")
    with pytest.raises(PermissionDeniedError):
        store.create_cohort(ann.id, "my own")
    with pytest.raises(PermissionDeniedError):
        store.cohorts(ann.id)
    spring = store.create_cohort(advisor.id, "  Spring   2027 ")
    assert spring.name == "Spring 2027"
    with pytest.raises(ConflictError, match="already have a cohort"):
        store.create_cohort(advisor.id, "Spring 2027")
    other = store.create_user("dan@uni.example", PASSWORD, "advisor")
    store.create_cohort(other.id, "Spring 2027")  # another advisor may use the name
    assert [c.name for c in store.cohorts(advisor.id)] == ["Spring 2027"]


def test_an_advisor_sees_only_learners_who_share_with_their_cohort(
    store: Store, advisor: User, plan: Plan
) -> None:
    cohort = store.create_cohort(advisor.id, "Bootcamp")
    ann, bob, eve = learner(store, "ann"), learner(store, "bob"), learner(store, "eve")
    store.join_cohort(ann.id, cohort.id, shared=True, code=cohort.join_code)
    store.join_cohort(bob.id, cohort.id, shared=False, code=cohort.join_code)
    store.save_plan(ann.id, plan, profile_id=None)
    rows = store.cohort_learners(advisor.id, cohort.id)
    assert [r.email for r in rows] == ["ann@example.org"]
    assert rows[0].role == "prompt-engineer" and rows[0].progress_percent == 0.0
    assert store.cohorts(advisor.id)[0].members == 2
    assert store.cohorts(advisor.id)[0].sharing == 1

    # another advisor cannot open the cohort, nor write about its learners
    dan = store.create_user("dan@uni.example", PASSWORD, "advisor")
    with pytest.raises(NotFoundError):
        store.cohort_learners(dan.id, cohort.id)
    with pytest.raises(NotFoundError):
        store.add_note(dan.id, ann.id, "hello")
    with pytest.raises(NotFoundError):
        store.import_learners(dan.id, cohort.id, "email,name\nx@example.org,X\n")
    # nor can this advisor note a learner who does not share, or one outside the cohort
    for who in (bob, eve):
        with pytest.raises(NotFoundError):
            store.add_note(advisor.id, who.id, "hello")
        with pytest.raises(NotFoundError):
            store.notes(advisor.id, who.id)

    note = store.add_note(advisor.id, ann.id, "  Strong on prompts; suggest the RAG project.  ")
    assert note.text == "Strong on prompts; suggest the RAG project."
    assert [n.text for n in store.notes(advisor.id, ann.id)] == [note.text]

    # ann stops sharing: she leaves the table and her notes are out of reach
    store.set_sharing(ann.id, cohort.id, False)
    assert store.cohort_learners(advisor.id, cohort.id) == []
    with pytest.raises(NotFoundError):
        store.notes(advisor.id, ann.id)
    with pytest.raises(NotFoundError):
        store.set_sharing(eve.id, cohort.id, True)  # eve is not a member
    # no one joins a cohort that does not exist; an advisor does not join as a learner
    with pytest.raises(NotFoundError):
        store.join_cohort(ann.id, cohort.id + 1000, shared=True, code=cohort.join_code)
    with pytest.raises(PermissionDeniedError):
        store.join_cohort(dan.id, cohort.id, shared=True, code=cohort.join_code)
    with pytest.raises(NotFoundError):
        store.delete_note(dan.id, note.id)


def test_a_learner_joins_a_cohort_only_with_its_code(store: Store, advisor: User) -> None:
    cohort = store.create_cohort(advisor.id, "Bootcamp")
    other = store.create_cohort(advisor.id, "Other")
    ann = learner(store, "ann")
    for code in (None, "", "guess", other.join_code):
        with pytest.raises(NotFoundError) as err:
            store.join_cohort(ann.id, cohort.id, shared=True, code=code)
        assert err.value.message == "no such cohort."  # as for a cohort that does not exist
    assert store.memberships(ann.id) == []
    store.join_cohort(ann.id, cohort.id, shared=False, code=cohort.join_code)
    store.join_cohort(ann.id, cohort.id, shared=True)  # a member changes sharing freely
    assert [(m.cohort_name, m.shared) for m in store.memberships(ann.id)] == [("Bootcamp", True)]
    assert cohort.join_code != other.join_code and len(cohort.join_code) >= 43
    assert cohort.join_code not in repr(cohort)


def test_cohort_progress_counts_plan_skills_marked_done(
    store: Store, advisor: User, plan: Plan, clock: Clock
) -> None:
    cohort = store.create_cohort(advisor.id, "Bootcamp")
    ann = learner(store, "ann")
    store.join_cohort(ann.id, cohort.id, shared=True, code=cohort.join_code)
    store.save_plan(ann.id, plan, profile_id=None)
    steps = plan.skill_steps()
    skills = {s.ref for s in steps}
    clock.advance(days=2)
    first, second = steps[0], steps[1]
    store.set_progress(ann.id, first.ref, first.target)
    assert first.target is not None and second.target is not None
    below = "foundational" if second.target != "foundational" else None
    if below:
        store.set_progress(ann.id, second.ref, below)  # started, not at the target: not done
    row = store.cohort_learners(advisor.id, cohort.id)[0]
    assert row.progress_percent == round(100 / len(skills), 1)
    assert row.last_active == clock.now
    assert [m.cohort_name for m in store.memberships(ann.id)] == ["Bootcamp"]
    assert store.memberships(ann.id)[0].advisor_email == "carla@uni.example"


def test_importing_learners_reports_every_skipped_row(store: Store, advisor: User) -> None:
    cohort = store.create_cohort(advisor.id, "Evening class")
    learner(store, "known")
    store.create_user("boss@uni.example", PASSWORD, "admin")
    csv_text = (
        "\ufeffEmail,Name,Notes\n"
        "new.one@example.org,New One,first\n"
        "not-an-address,Nobody,\n"
        "NEW.ONE@example.org,Again,\n"
        ",,\n"
        "known@example.org,Known Person,\n"
        "boss@uni.example,The Boss,\n"
        "two@example.org,\n"
    )
    report = store.import_learners(advisor.id, cohort.id, csv_text)
    assert [c.email for c in report.created] == ["new.one@example.org", "two@example.org"]
    assert report.created[0].name == "New One" and report.created[1].name is None
    assert report.added == ["known@example.org"]
    assert report.skipped == [
        (3, "no valid e-mail address"),
        (4, "same e-mail address as row 2"),
        (5, "empty row"),
        (7, "the address belongs to an advisor or admin account"),
    ]
    # the new learner signs in with the one-time password and is asked to change it
    first = report.created[0]
    user = store.authenticate(first.email, first.one_time_password)
    assert user.must_change_password
    store.change_password(user.id, first.one_time_password, "my very own passphrase")
    assert not store.authenticate(first.email, "my very own passphrase").must_change_password
    # imported learners do not share until they choose to
    assert store.cohort_learners(advisor.id, cohort.id) == []
    again = store.import_learners(advisor.id, cohort.id, "email\nknown@example.org\n")
    assert again.skipped == [(2, "already in this cohort")]


@pytest.mark.parametrize("csv_text", ["", "   ", "new@example.org,New\n", "name\nNew\n"], ids=repr)
def test_an_import_without_an_email_header_is_refused(
    store: Store, advisor: User, csv_text: str
) -> None:
    cohort = store.create_cohort(advisor.id, "C")
    with pytest.raises(InputError) as err:
        store.import_learners(advisor.id, cohort.id, csv_text)
    assert "email" in err.value.one_line()


# ---------------------------------------------------------------- data rights


def fill(store: Store, plan: Plan) -> tuple[User, User, User]:
    """A learner with one of everything, another learner, and their advisor."""
    ann, bob = learner(store, "ann"), learner(store, "bob")
    carla = store.create_user("carla@uni.example", PASSWORD, "advisor")
    cohort = store.create_cohort(carla.id, "Bootcamp")
    for who in (ann, bob):
        prof = store.save_profile(who.id, profile_with(), document_name="cv.pdf", document=b"%PDF")
        store.save_plan(who.id, plan, profile_id=prof.id)
        store.save_answers(who.id, {"riasec-1": 3})
        store.set_progress(who.id, "python", "advanced")
        store.join_cohort(who.id, cohort.id, shared=True, code=cohort.join_code)
        store.open_session(who.id)
        store.add_note(carla.id, who.id, f"note about {who.email}")
    with pytest.raises(AuthenticationError):  # one failed sign-in, kept for a while
        store.authenticate(ann.email, "wrong password here")
    store.open_session(carla.id)
    return ann, bob, carla


def test_export_holds_everything_about_the_person_as_json(store: Store, plan: Plan) -> None:
    ann, _bob, carla = fill(store, plan)
    data = store.export_user(ann.id)
    json.dumps(data)  # a file as it is
    assert data["account"] == {  # type: ignore[comparison-overlap]
        "id": ann.id,
        "email": "ann@example.org",
        "name": None,
        "role": "learner",
        "created": ann.created.isoformat(),
        "last_sign_in": None,
        "must_change_password": False,
    }
    profiles = data["profiles"]
    assert isinstance(profiles, list) and len(profiles) == 1
    evidence = profiles[0]["profile"]["skills"]["python"]["evidence"][0]["text"]
    assert evidence == "I wrote Python for 5 years."
    assert base64.b64decode(profiles[0]["document_base64"]) == b"%PDF"
    assert data["quiz_answers"]["answers"] == {"riasec-1": 3}  # type: ignore[index]
    plans = data["plans"]
    assert isinstance(plans, list) and plans[0]["plan"]["role"] == "prompt-engineer"
    assert data["progress"][0]["skill"] == "python"  # type: ignore[index]
    assert data["memberships"][0]["cohort"] == "Bootcamp"  # type: ignore[index]
    assert data["notes_about_you"][0]["text"] == "note about ann@example.org"  # type: ignore[index]
    assert len(data["failed_sign_ins"]) == 1  # type: ignore[arg-type]
    assert len(data["sessions"]) == 1  # type: ignore[arg-type]
    # no secret leaves in an export: no password hash, no session digest or CSRF secret
    flat = json.dumps(data)
    assert "$argon2" not in flat and "token_hash" not in flat and "csrf" not in flat
    # the advisor's export holds the notes they wrote, not the learners' data
    theirs = store.export_user(carla.id)
    assert len(theirs["notes_written"]) == 2  # type: ignore[arg-type]
    assert theirs["cohorts"][0]["learners"] == 2  # type: ignore[index]
    assert theirs["profiles"] == [] and theirs["plans"] == []


def test_deleting_a_user_removes_every_row_about_them_and_nothing_else(
    store: Store, plan: Plan
) -> None:
    ann, bob, carla = fill(store, plan)
    before = count_rows(store)
    removed = store.delete_user(ann.id)
    after = count_rows(store)
    assert set(removed) == set(TABLES)
    assert {t: before[t] - after[t] for t in TABLES} == removed
    assert removed == {
        "users": 1,
        "sessions": 1,
        "login_attempts": 1,
        "profiles": 1,
        "quiz_answers": 1,
        "plans": 1,
        "progress": 1,
        "cohorts": 0,
        "cohort_members": 1,
        "notes": 1,
    }
    with pytest.raises(NotFoundError):
        store.user(ann.id)
    assert store.progress(bob.id) == {"python": "advanced"}
    assert len(store.notes(carla.id, bob.id)) == 1
    # the advisor goes with their cohort and every note they wrote
    gone = store.delete_user(carla.id)
    assert gone["cohorts"] == 1 and gone["cohort_members"] == 1 and gone["notes"] == 1
    assert count_rows(store)["users"] == 1
    assert store.memberships(bob.id) == []
    with pytest.raises(NotFoundError):
        store.delete_user(carla.id)


# ---------------------------------------------------------------- many at once


def test_threads_saving_at_once_all_succeed(store: Store, plan: Plan) -> None:
    users = [learner(store, f"t{i}") for i in range(6)]
    errors: list[BaseException] = []
    start = threading.Barrier(len(users))

    def work(user: User) -> None:
        try:
            start.wait()
            for i in range(4):
                store.save_profile(user.id, profile_with(), document_name=f"cv{i}.md")
                store.set_progress(user.id, f"skill-{i}", "foundational")
                store.set_progress(user.id, "shared-skill", "intermediate")
            store.save_plan(user.id, plan, profile_id=None)
            store.local_user()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    for user in users:
        assert len(store.profiles(user.id)) == 4
        assert len(store.progress(user.id)) == 5
        assert len(store.plans(user.id)) == 1
    assert count_rows(store)["users"] == len(users) + 1  # one local user, however many asked


def test_local_user_is_made_once_and_cannot_sign_in(store: Store) -> None:
    first, again = store.local_user(), store.local_user()
    assert first == again and first.role == "learner"
    with pytest.raises(AuthenticationError):
        store.authenticate(first.email, "")
    with pytest.raises(InputError):
        store.create_user(first.email, PASSWORD)


def test_an_import_too_large_or_unreadable_is_refused_before_any_account_is_made(
    store: Store, advisor: User
) -> None:
    from careermap.store.roster import MAX_IMPORT_ROWS

    cohort = store.create_cohort(advisor.id, "C")
    many = "email\n" + "".join(f"l{i}@example.org\n" for i in range(MAX_IMPORT_ROWS + 1))
    with pytest.raises(InputError, match="at most"):
        store.import_learners(advisor.id, cohort.id, many)
    with pytest.raises(InputError, match="cannot be read"):
        store.import_learners(advisor.id, cohort.id, 'email\n"' + "x" * 200_000 + '"\n')
    assert count_rows(store)["users"] == 1
