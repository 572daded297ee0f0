"""Advice a careers advisor would sign, on the shipped knowledge base.

Each test states what an advisor expects of a small, realistic piece of a résumé or of a
plan: denials read as denials whatever the line breaks, levels from evidence rather than
layout, what a person demonstrably did implying what it cannot be done without, degrees
and certifications as evidence, the stated goal followed, a gap with nothing the person
has, and a plan a person can finish.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from careermap import service
from careermap.documents import read
from careermap.errors import InputError
from careermap.extract import extract
from careermap.knowledge import KnowledgeBase, load
from careermap.plan import replan
from careermap.profile import Profile, SkillNeed
from docs_factory import docx_bytes, pdf_bytes, resume_html, resume_markdown, resume_text

ROOT = Path(__file__).resolve().parents[1]
TODAY = date.today()
START = service.next_monday(TODAY)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load()


def profile_of(text: str, kb: KnowledgeBase, *, semantic: bool = False) -> Profile:
    doc = read(text.encode("utf-8"), name="resume.md")
    return extract(doc, semantic=semantic).profile(TODAY, kb)


def levels(profile: Profile) -> dict[str, str]:
    return {sid: s.level for sid, s in profile.skills.items()}


# ---- reading the person: denials -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("I have no experience with Python, SQL or R.", {"python", "sql", "r-language"}),
        (
            "I do not program and have not built\nmachine-learning models.",
            {"ml-fundamentals", "python"},
        ),
        (
            "Machine learning: no hands-on experience training or evaluating models yet.",
            {"ml-fundamentals", "model-training", "model-evaluation"},
        ),
        ("I am not a programmer.", {"python"}),
        ("I have never written code.", {"python"}),
        ("I have never written a line of code.", {"python"}),
        ("I have not yet deployed or served an ML model.", {"model-deployment"}),
        ("I haven't yet used Docker.", {"docker"}),
        ("I have never built or trained a machine-learning model.", {"ml-fundamentals",
         "model-training"}),
    ],
)  # fmt: skip
def test_a_denied_skill_is_never_held(text: str, denied: set[str], kb: KnowledgeBase) -> None:
    p = profile_of(f"Summary\n{text}\n\nSkills\nSEO, copywriting, HubSpot", kb)
    assert denied <= set(p.denied), p.denied
    assert not denied & set(p.skills), "a denied skill is counted as held"
    assert {"seo", "copywriting"} <= set(p.skills)


def test_a_negation_about_something_else_denies_nothing(kb: KnowledgeBase) -> None:
    # the writer says what a metric does not do, not what they lack
    p = profile_of(
        "Experience\n- Co-teach a class with computer scientists on what a fairness metric\n"
        "does and does not measure; I take the normative side.\n",
        kb,
    )
    assert not p.denied, p.denied


def test_what_follows_a_wish_s_colon_is_the_wish_not_evidence(kb: KnowledgeBase) -> None:
    text = (
        "Summary\nI want to move into prompt engineering and evaluation:\n"
        "writing prompt templates for research tools, and catching the answers that are wrong.\n"
    )
    assert "prompt-engineering" not in profile_of(text, kb).skills
    curious = "Summary\nLately I have been curious about running machine learning on devices.\n"
    assert "ml-fundamentals" not in profile_of(curious, kb).skills
    # the same words as a plain line of experience are evidence
    experience = "Experience\n- Writing prompt templates for research tools.\n"
    assert "prompt-engineering" in profile_of(experience, kb).skills


def test_never_having_written_a_document_does_not_deny_programming(kb: KnowledgeBase) -> None:
    p = profile_of("Summary\nI have never written release notes.", kb)
    assert not {"python", "javascript", "software-engineering"} & set(p.denied), p.denied
    assert "technical-writing" in p.denied


def test_a_line_break_inside_a_denial_changes_nothing(kb: KnowledgeBase) -> None:
    one_line = "I do not program and have not built machine-learning models, but I run HubSpot."
    broken = one_line.replace("built ", "built\n")
    a, b = profile_of(one_line, kb), profile_of(broken, kb)
    assert levels(a) == levels(b)
    assert set(a.denied) == set(b.denied) and "ml-fundamentals" in a.denied


def test_a_denied_skill_is_quoted_in_the_gap(kb: KnowledgeBase) -> None:
    p = profile_of("Skills\nExcel, SEO.\n\nI have no experience with Python.", kb)
    gap, _ = service.make_plan(p, "genai-engineer", service.PlanOptions(start=START), kb=kb)
    python = next(n for n in gap.needs if n.skill == "python")
    assert python.current is None
    assert python.you_said and "no experience with Python" in python.you_said


# ---- levels from evidence, not layout ----------------------------------------------------
def test_a_skills_heading_does_not_change_the_levels(kb: KnowledgeBase) -> None:
    listed = "Python, SQL, Docker, Kubernetes"
    assert levels(profile_of(f"Skills\n{listed}", kb)) == levels(profile_of(listed, kb))


@pytest.mark.parametrize(
    ("text", "skill", "level"),
    [
        ("Strong Python, 5+ years.", "python", "advanced"),
        ("7 years of SQL reporting for finance teams.", "sql", "advanced"),
        ("Beginner pandas.", "pandas", "foundational"),
        ("Familiar with Docker.", "docker", "foundational"),
        ("I have just started using Docker for my side projects.", "docker", "foundational"),
        ("New to Kubernetes, I run a small cluster at home.", "kubernetes", "foundational"),
        (
            "Built and maintained Airflow pipelines that load 2 TB a day.",
            "apache-airflow",
            "intermediate",
        ),
    ],
)
def test_levels_follow_what_the_person_says(
    text: str, skill: str, level: str, kb: KnowledgeBase
) -> None:
    p = profile_of(f"Experience\n{text}", kb)
    assert p.skills[skill].level == level, p.skills[skill].reason


def test_a_degree_gives_its_subject_at_a_stated_level(kb: KnowledgeBase) -> None:
    p = profile_of("Education\nBSc Statistics, University of Leeds, 2015\n\nSkills\nExcel", kb)
    stats = p.skills["statistics"]
    assert stats.level == "intermediate" and stats.basis == "education"
    assert [(d.level, d.subject) for d in p.degrees] == [("bachelor", "statistics")]


def test_a_degree_is_read_by_its_longest_subject_name(kb: KnowledgeBase) -> None:
    p = profile_of(
        "Education\nMaster of Science in Nursing, Health Informatics, 2024\n\nSkills\nExcel", kb
    )
    assert [(d.level, d.subject) for d in p.degrees] == [("master", "health-informatics")]
    assert not {"object-oriented-programming", "data-structures-algorithms"} & set(p.skills)
    assert p.skills["domain-expertise"].basis == "education"


def test_a_nurse_s_clinical_work_is_read_as_a_nurse_s(kb: KnowledgeBase) -> None:
    p = profile_of(
        "Experience\nRegistered Nurse, City Hospital — Jan 2015 – Dec 2024\n"
        "- Redesigned the clinical documentation workflow for two wards.\n"
        "- Precepted six new graduate nurses.\n",
        kb,
    )
    assert p.skills["domain-expertise"].level == "advanced"  # ten years in the profession
    assert "mentoring" in p.skills
    assert "technical-writing" not in p.skills  # clinical documentation is not docs writing


def test_a_tool_taken_up_during_a_long_job_is_not_credited_the_whole_job(
    kb: KnowledgeBase,
) -> None:
    start = TODAY.year - 6
    job = f"Experience\nAnalyst, Northwind — Jan {start} – Present\n"
    recent = profile_of(job + f"- Since early {TODAY.year - 1} I use Tableau for reports.\n", kb)
    always = profile_of(job + "- Built weekly Tableau reports for finance.\n- Ran audits.\n", kb)
    assert recent.skills["tableau"].years is not None and recent.skills["tableau"].years < 2.5
    assert always.skills["tableau"].years is not None and always.skills["tableau"].years > 5


def test_a_tool_tried_for_a_quarter_is_not_a_long_job_s_worth(kb: KnowledgeBase) -> None:
    job = f"Experience\nArchitect, Northwind — Jan {TODAY.year - 7} – Present\n"
    p = profile_of(job + "- Tried GitHub Copilot with my team for a quarter.\n", kb)
    assert p.skills["copilot-tools"].level == "foundational"
    assert p.skills["copilot-tools"].years is not None and p.skills["copilot-tools"].years < 1


@pytest.mark.parametrize(
    ("line", "skill", "level"),
    [
        ("Cloud: AWS, Kubernetes, Terraform (basics), GitLab CI", "terraform", "foundational"),
        ("Data: Google Sheets, Python/pandas in Jupyter (basic)", "pandas", "foundational"),
        ("My machine learning is basic: a few scikit-learn models.", "ml-fundamentals",
         "foundational"),
        ("ChatGPT now and then for first drafts of non-confidential text", "chatgpt",
         "foundational"),
        ("Automation | Ansible, AWX, Bash | advanced", "bash-shell", "advanced"),
        ("Containers | Docker, Docker Compose | working knowledge", "docker", "intermediate"),
        ("Eight years of keeping Linux estates up and patched.", "linux", "advanced"),
        ("Gameplay programmer with about five years in Unity and C#.", "c-sharp", "advanced"),
    ],
)  # fmt: skip
def test_a_level_said_after_the_name_or_in_its_row_counts(
    line: str, skill: str, level: str, kb: KnowledgeBase
) -> None:
    assert levels(profile_of(f"Skills\n{line}\n", kb))[skill] == level


def test_a_qualifier_in_brackets_keeps_a_short_name_in_its_list(kb: KnowledgeBase) -> None:
    p = profile_of("Skills\nOther: R (MSc, rusty), Spark: beginner (one course), Git\n", kb)
    assert "r-language" in p.skills and "apache-spark" in p.skills


@pytest.mark.parametrize(
    ("line", "skill", "read"),
    [
        ("- Trained new account executives on technical discovery.", "mentoring", True),
        ("- Trained new team members on our CRM.", "mentoring", True),
        ("- Trained new models for the fraud team every week.", "mentoring", False),
        ("- Cut the Snowflake bill by 35% through clustering and warehouse sizing.",
         "clustering", False),
        ("- Segmented customers with k-means clustering in scikit-learn.", "clustering", True),
        ("- Skills: regression, classification, clustering.", "clustering", True),
        ("- Trained more than 450 nurses for two Epic upgrades.", "presentation-skills", True),
        ("- Delivered training sessions for new managers.", "presentation-skills", True),
        ("- Trained gradient-boosted models on claims data.", "presentation-skills", False),
        ("- Case-control studies analysed with conditional logistic regression.",
         "classification", False),
        ("- Churn classifier: a logistic regression baseline in scikit-learn.",
         "classification", True),
    ],
)  # fmt: skip
def test_a_word_of_two_senses_names_the_skill_only_in_its_own(
    line: str, skill: str, read: bool, kb: KnowledgeBase
) -> None:
    """Training newcomers is mentoring, training people is presenting, training models is
    neither; database clustering is not the learning method; an epidemiologist's logistic
    regression is a regression model, not a classifier."""
    p = profile_of(f"Experience\n{line}\n", kb)
    assert (skill in p.skills) is read


def test_the_same_resume_in_every_format_gives_the_same_profile(kb: KnowledgeBase) -> None:
    sources = {
        "md": resume_markdown().encode(),
        "txt": resume_text().encode(),
        "html": resume_html().encode(),
        "docx": docx_bytes(),
        "pdf": pdf_bytes(),
    }
    profiles = {
        fmt: extract(read(data, name=f"cv.{fmt}"), semantic=False).profile(TODAY, kb)
        for fmt, data in sources.items()
    }
    want = levels(profiles["md"])
    assert len(want) >= 5
    for fmt, p in profiles.items():
        assert levels(p) == want, fmt
        assert set(p.denied) == set(profiles["md"].denied), fmt


# ---- boilerplate ------------------------------------------------------------------------
def test_a_company_blurb_is_not_the_persons_skills(kb: KnowledgeBase) -> None:
    posting = (
        "About us\nWe are a leading technology services and consulting company driving "
        "digital transformation, building the world's most advanced LLMs.\n\n"
        "Requirements\nPython, SQL and Docker in production."
    )
    p = profile_of(posting, kb)
    assert {"python", "sql", "docker"} <= set(p.skills)
    assert not {"consulting", "digital-transformation", "llms"} & set(p.skills)


@pytest.mark.parametrize(
    ("text", "skill", "held"),
    [
        (
            "Worked in a Scrum team with a product owner and six developers.",
            "product-management",
            False,
        ),
        ("Reported to the tech lead and paired with our prompt engineer.", "leadership", False),
        (
            "Reported to the tech lead and paired with our prompt engineer.",
            "prompt-engineering",
            False,
        ),
        (
            "Product owner for the payments app since 2021, running its backlog.",
            "product-management",
            True,
        ),
        ("As a product owner I ran the backlog for two teams.", "product-management", True),
        ("I was my team's tech lead for three years.", "leadership", True),
        ("Worked with our Python developers on the booking API.", "python", False),
        ("Wrote Python scripts with the data team.", "python", True),
        ("Refine the backlog with two Scrum teams.", "agile-methods", True),
    ],
)
def test_a_colleagues_role_is_not_the_persons_skill(
    text: str, skill: str, held: bool, kb: KnowledgeBase
) -> None:
    # with the semantic stage, which must not read the colleague's role back in by meaning
    assert (skill in profile_of(f"Experience\n{text}", kb, semantic=True).skills) is held


def test_preferred_skills_count_less_than_required_ones(kb: KnowledgeBase) -> None:
    posting = (
        "Requirements\n5+ years of Python in production.\n\nNice to have\nKubernetes, Terraform."
    )
    p = profile_of(posting, kb)
    assert p.skills["python"].level == "advanced"
    assert p.skills["kubernetes"].level == "foundational"


# ---- implied skills ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "source", "implied"),
    [
        (
            "Built regression and classification models with scikit-learn for churn.",
            "scikit-learn",
            {"ml-fundamentals", "model-training", "model-evaluation"},
        ),
        ("Designed REST APIs in FastAPI used by 300 customers.", "fastapi", {"api-development"}),
        ("Run CI/CD pipelines in GitHub Actions for 40 services.", "github-actions", {"git"}),
    ],
)
def test_what_a_person_did_implies_what_it_needs(
    text: str, source: str, implied: set[str], kb: KnowledgeBase
) -> None:
    p = profile_of(f"Experience\n{text}", kb)
    assert source in p.skills
    for sid in implied:
        skill = p.skills[sid]
        assert skill.basis == "implied", (sid, skill.basis)
        assert skill.implied_by, sid
        # never higher than the evidence it rests on
        order = ["foundational", "intermediate", "advanced"]
        assert order.index(skill.level) <= order.index(p.skills[source].level)


def test_an_inference_two_steps_from_the_evidence_is_foundational(kb: KnowledgeBase) -> None:
    # LLM evaluation needs model evaluation, which needs ML fundamentals, which needs
    # statistics: a technical writer who runs an assistant's test set does not hold ML
    # fundamentals or statistics at the working level of her evaluation work
    text = (
        "Experience\nBuilt a set of 300 real developer questions with expected answers as "
        "the LLM evaluation set for our docs assistant, and ran it before every prompt change."
    )
    p = profile_of(text, kb)
    assert p.skills["llm-evaluation"].level == "intermediate"
    assert p.skills["model-evaluation"].level == "intermediate"  # one step: its own level
    assert p.skills["ml-fundamentals"].level == "foundational"
    assert p.skills["statistics"].level == "foundational"


@pytest.mark.parametrize(
    ("text", "source", "implied", "level"),
    [
        ("Six years of product management: own the payments area and its quarterly roadmap.",
         "product-management", "product-strategy", "intermediate"),
        ("Six years of product management: own the payments area and its quarterly roadmap.",
         "product-management", "metrics-and-kpis", "intermediate"),
        ("Basic product management: ran the backlog for a student project.",
         "product-management", "product-strategy", "foundational"),
        ("Built and trained CNNs and transformers for deep learning research in PyTorch.",
         "deep-learning", "model-training", "intermediate"),
        ("Deep learning: basic; trained a small feed-forward network for a class.",
         "deep-learning", "model-training", "foundational"),
        ("Wrote PRDs and user stories in Jira for the mobile team.",
         "requirements-engineering", "technical-writing", "foundational"),
    ],
)  # fmt: skip
def test_an_implied_skill_follows_the_level_of_what_implies_it(
    text: str, source: str, implied: str, level: str, kb: KnowledgeBase
) -> None:
    # an implied skill comes at most at the implication's level and never above the evidence
    p = profile_of(f"Experience\n{text}", kb)
    assert source in p.skills
    assert p.skills[implied].basis == "implied" and p.skills[implied].level == level


@pytest.mark.parametrize(
    ("text", "code_review"),
    [
        ("I treat docs as code (Markdown, Git, pull requests, automated checks).", False),
        ("Docs-as-code: Markdown, Git, pull requests, Vale.", False),
        ("Worked in two-week sprints with Jira and Git; reviewed teammates' pull requests.", True),
        ("Review most backend pull requests and mentor three engineers.", True),
    ],
)
def test_pull_requests_are_code_review_only_when_reviewed(
    text: str, code_review: bool, kb: KnowledgeBase
) -> None:
    assert ("code-review" in profile_of(f"Experience\n{text}", kb).skills) is code_review


def test_reviewing_a_bots_conversations_is_llm_evaluation(kb: KnowledgeBase) -> None:
    text = "Review 200 bot conversations a week, tag the failures and rewrite the instructions."
    assert "llm-evaluation" in profile_of(f"Experience\n{text}", kb).skills


# ---- certifications ---------------------------------------------------------------------
def test_a_certification_held_is_evidence_and_never_recommended(kb: KnowledgeBase) -> None:
    p = profile_of(
        "Certifications\nIAPP AIGP (Artificial Intelligence Governance Professional), 2024", kb
    )
    assert "iapp-aigp" in p.certifications
    assert p.skills["ai-governance"].basis == "certification"
    _, plan = service.make_plan(
        p, "ai-ethics-specialist", service.PlanOptions(start=START, certification=None), kb=kb
    )
    assert all(c.certification != "iapp-aigp" for c in plan.certifications)
    assert all(s.ref != "iapp-aigp" for s in plan.steps)
    with pytest.raises(InputError, match="already"):
        service.make_plan(
            p, "ai-ethics-specialist", service.PlanOptions(certification="iapp-aigp"), kb=kb
        )


def test_a_course_taken_is_evidence_and_never_recommended_again(kb: KnowledgeBase) -> None:
    summary = (
        "## Summary\nProduct manager with six years in consumer fintech; I run discovery "
        "interviews, experiments and the roadmap.\n\n"
        "## Skills\nProduct management, user research, A/B testing, Jira\n"
    )
    taken = profile_of(
        summary + "\n## Certifications\n- AI Product Management Specialization — Duke, 2025\n",
        kb,
    )
    assert set(taken.courses) == {"duke-ai-product-management"}
    assert taken.skills["ai-strategy"].basis == "course"
    p = profile_of(summary, kb)
    _, before = service.make_plan(p, "ai-product-manager", service.PlanOptions(start=START), kb=kb)
    assert "duke-ai-product-management" in {c.course for c in before.courses}
    # the same person, the course marked as taken: the plan never chooses it again
    done = p.model_copy(update={"courses": taken.courses})
    _, plan = service.make_plan(done, "ai-product-manager", service.PlanOptions(start=START), kb=kb)
    assert "duke-ai-product-management" not in {c.course for c in plan.courses}
    assert plan.taken_courses == ["duke-ai-product-management"]
    replanned = replan(kb, plan, start=START)
    assert "duke-ai-product-management" not in {c.course for c in replanned.courses}


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        ("## Certifications\n- A/B Testing (Udacity), 2023\n", {"udacity-ab-testing"}),
        ("## Skills\nA/B testing, SQL, Jira\n", set()),
        ("## Summary\nEnrolled in the AI Product Management Specialization.\n", set()),
        ("## Summary\nI have not taken the AI Product Management Specialization.\n", set()),
        ("## Summary\nCompleted the AI Product Management Specialization in 2025.\n",
         {"duke-ai-product-management"}),
        ("## Certifications\n- Generative AI for Everyone (DeepLearning.AI), 2024\n",
         {"dlai-generative-ai-for-everyone"}),
    ],
)  # fmt: skip
def test_a_course_counts_as_taken_only_where_the_document_says_so(
    text: str, taken: set[str], kb: KnowledgeBase
) -> None:
    assert set(profile_of(text, kb).courses) == taken


def test_studying_for_a_certification_is_not_holding_it(kb: KnowledgeBase) -> None:
    p = profile_of("Summary\nCurrently studying for the AIGP certification.\n\nSkills\nExcel", kb)
    assert "iapp-aigp" not in p.certifications


def test_a_chosen_certification_is_an_exam_step_with_its_preparation(kb: KnowledgeBase) -> None:
    p = profile_of("Skills\nPython, SQL, Docker", kb)
    _, plan = service.make_plan(
        p, "mlops-engineer", service.PlanOptions(start=START, certification="cka"), kb=kb
    )
    exams = [s for s in plan.steps if s.kind == "exam"]
    assert [s.ref for s in exams] == ["cka"]
    assert exams[0].hours > 0 and plan.certifications[0].certification == "cka"
    assert all(c.kind != "exam" for c in plan.courses), "an exam is never a course"


def test_a_retired_certification_is_refused(kb: KnowledgeBase) -> None:
    retired = [c.id for c in kb.certifications.values() if c.status == "retired"]
    if not retired:
        pytest.skip("the knowledge base lists no retired certification")
    p = profile_of("Skills\nPython, SQL, pandas and Tableau", kb)
    with pytest.raises(InputError, match="retired"):
        service.make_plan(p, "data-scientist", service.PlanOptions(certification=retired[0]), kb=kb)


# ---- the stated goal --------------------------------------------------------------------
def test_the_example_resume_plans_toward_its_stated_goal(kb: KnowledgeBase) -> None:
    reading = service.read_person(ROOT / "examples" / "resume.md", semantic=False, kb=kb)
    report = service.match(reading.profile, kb=kb)
    target = service.choose_target(reading.profile, report, kb=kb)
    assert target.why == "goal" and target.role == "genai-engineer"
    assert target.goal is not None and "generative AI" in target.goal.text
    if target.best != target.role:
        assert target.note and target.best_title in target.note


def test_a_goal_careermap_has_no_role_for_says_to_choose(kb: KnowledgeBase) -> None:
    p = profile_of(
        "Summary\nI want to become a quantum hardware engineer.\n\nSkills\nPython, SQL", kb
    )
    report = service.match(p, kb=kb)
    with pytest.raises(InputError, match="--role"):
        service.choose_target(p, report, kb=kb)


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("My next step is a role building generative AI features into mobile apps, as a "
         "generative AI engineer on a product team.", "genai-engineer"),
        ("My next move will be an MLOps engineer role.", "mlops-engineer"),
        ("What I want next: a move into AI governance, for example as an AI risk analyst.",
         "ai-ethics-specialist"),
        ("Next I want to build LLM-powered services as a generative AI engineer.",
         "genai-engineer"),
        ("I'd like my next job to be on the platform side of machine learning.",
         "mlops-engineer"),
    ],
)  # fmt: skip
def test_a_goal_stated_as_the_next_step_is_followed(
    sentence: str, role: str, kb: KnowledgeBase
) -> None:
    p = profile_of(f"Summary\n{sentence}\n\nSkills\nPython, SQL, Docker", kb)
    target = service.choose_target(p, service.match(p, kb=kb), kb=kb)
    assert target.why == "goal" and target.role == role


def test_the_skills_a_goal_names_are_wishes_not_held(kb: KnowledgeBase) -> None:
    p = profile_of(
        "Summary\nWhat I want next: a move into AI security, red-teaming AI systems and "
        "writing the governance around them, as an AI risk analyst.\n\nSkills\nSplunk, Python",
        kb,
    )
    assert p.goal is not None and p.goal.role == "ai-ethics-specialist"
    assert "ai-governance" not in p.skills and "red-teaming" not in p.skills


def test_a_vague_goal_leaves_the_choice_to_the_ranking(kb: KnowledgeBase) -> None:
    p = profile_of("Summary\nI want to move into the AI space.\n\nSkills\nPython, SQL", kb)
    report = service.match(p, kb=kb)
    target = service.choose_target(p, report, kb=kb)
    assert target.why == "best" and target.role == report.matches[0].role


# ---- scoring ----------------------------------------------------------------------------
def test_an_ml_engineer_posting_ranks_an_ml_role_first(kb: KnowledgeBase) -> None:
    posting = (
        "Machine Learning Engineer\n\nRequirements\n"
        "3+ years building and deploying ML models in production with PyTorch.\n"
        "Model training, evaluation and serving; feature engineering; MLflow; Docker; "
        "Kubernetes; AWS SageMaker; Python and SQL."
    )
    report = service.match(profile_of(posting, kb), kb=kb)
    assert report.matches[0].role in {"ml-engineer", "mlops-engineer", "data-scientist"}
    assert report.role("ai-ethics-specialist").rank > 3


def test_no_signal_is_said_and_not_ranked_alphabetically(kb: KnowledgeBase) -> None:
    p = profile_of("Skills\nMicrosoft Word, Outlook", kb)
    report = service.match(p, kb=kb)
    assert not report.separated and report.note
    ranks = {m.rank for m in report.matches}
    assert len(ranks) < len(report.matches), "roles the evidence cannot separate share a rank"


def test_the_quiz_and_match_with_the_quiz_agree(kb: KnowledgeBase) -> None:
    from careermap.quiz import load_answers, score_quiz

    answers = load_answers(ROOT / "examples" / "quiz-answers.yaml")
    quiz_roles = [m.role for m in score_quiz(answers, kb).roles]
    via_match = [m.role for m in service.match(service.quiz_profile(answers, kb), kb=kb).matches]
    assert quiz_roles == via_match


# ---- the gap ----------------------------------------------------------------------------
def test_nothing_the_person_has_is_in_the_gap(kb: KnowledgeBase) -> None:
    reading = service.read_person(ROOT / "examples" / "resume.md", semantic=False, kb=kb)
    p = reading.profile
    for role in ("genai-engineer", "data-scientist", "ml-engineer"):
        gap, _ = service.make_plan(p, role, service.PlanOptions(start=START), kb=kb)
        order = ["foundational", "intermediate", "advanced"]
        for need in gap.needs:
            held = p.level_of(need.skill)
            assert held is None or order.index(held) < order.index(need.target), (role, need)


def test_the_roles_own_essentials_come_first(kb: KnowledgeBase) -> None:
    p = profile_of("Skills\nExcel, SEO, copywriting", kb)
    gap, _ = service.make_plan(p, "genai-engineer", service.PlanOptions(start=START), kb=kb)
    kinds = [(n.kind, n.importance) for n in gap.needs if not n.optional]
    first_other = next(i for i, k in enumerate(kinds) if k != ("role", "essential"))
    assert all(k != ("role", "essential") for k in kinds[first_other:])
    # a useful skill is an optional extra unless a required one needs it first
    assert all(
        n.optional
        for n in gap.needs
        if n.importance == "useful" and n.kind == "role" and not n.via_prerequisite_of
    )


# ---- the plan ---------------------------------------------------------------------------
def test_useful_extras_are_offered_not_scheduled(kb: KnowledgeBase) -> None:
    p = profile_of("Skills\nPython, SQL, pandas", kb)
    _, plan = service.make_plan(p, "data-scientist", service.PlanOptions(start=START), kb=kb)
    optional = {n.skill for n in plan.needs if n.optional}
    assert optional, "the role has useful extras"
    assert not optional & {s.ref for s in plan.steps}
    assert optional <= {e.ref for e in plan.extras if e.reason == "optional"}
    _, full = service.make_plan(
        p, "data-scientist", service.PlanOptions(start=START, include_optional=True), kb=kb
    )
    assert optional <= {s.ref for s in full.steps}
    assert full.total_hours > plan.total_hours


@pytest.mark.parametrize(
    "box",
    [{"weeks": 8}, {"max_hours": 40.0}, {"until": START + timedelta(weeks=10)}],
    ids=["weeks", "max-hours", "until"],
)
def test_a_time_box_is_kept_and_says_what_it_leaves_out(
    box: dict[str, object], kb: KnowledgeBase
) -> None:
    p = profile_of("Skills\nExcel, SEO, copywriting", kb)
    _, full = service.make_plan(p, "genai-engineer", service.PlanOptions(start=START), kb=kb)
    options = service.PlanOptions(start=START, hours_per_week=6, **box)  # type: ignore[arg-type]
    _, boxed = service.make_plan(p, "genai-engineer", options, kb=kb)
    assert boxed.budget_hours is not None
    assert boxed.total_hours <= boxed.budget_hours + 1e-6
    if "until" in box:
        assert boxed.end <= box["until"]  # type: ignore[operator]
    left_out = [e for e in boxed.extras if e.reason == "over-budget"]
    assert left_out and full.total_hours > boxed.total_hours
    # what is kept is what matters most: the essentials go in before anything else
    kept = {s.ref for s in boxed.steps}
    essentials = [n.skill for n in full.needs if n.importance == "essential"]
    assert kept & set(essentials)


@pytest.mark.parametrize(
    ("box", "words"),
    [({"weeks": 0}, "--weeks"), ({"until": TODAY - timedelta(days=1)}, "--until")],
)
def test_an_impossible_time_box_is_one_clear_error(
    box: dict[str, object], words: str, kb: KnowledgeBase
) -> None:
    p = profile_of("Skills\nPython, SQL, pandas and Tableau", kb)
    with pytest.raises(InputError, match=words):
        service.make_plan(p, "data-scientist", service.PlanOptions(**box), kb=kb)  # type: ignore[arg-type]


@pytest.mark.parametrize("role", ["genai-engineer", "ml-engineer", "ai-consultant"])
def test_each_course_is_one_stretch_and_at_most_two_run_at_once(
    role: str, kb: KnowledgeBase
) -> None:
    p = profile_of("Skills\nExcel, SEO, copywriting, content strategy, HubSpot", kb)
    _, plan = service.make_plan(p, role, service.PlanOptions(start=START), kb=kb)
    steps = plan.steps
    courses = {s.course for s in steps if s.course}
    assert courses
    for course in courses:
        at = [i for i, s in enumerate(steps) if s.course == course]
        between = steps[at[0] : at[-1] + 1]
        others = {s.course for s in between if s.course and s.course != course}
        assert len(others) <= 1, f"{course} runs alongside {sorted(others)}"
        assert all(s.kind == "skill" for s in between), f"a project or exam splits {course}"


def test_a_neighbouring_move_gets_a_plan_of_months_not_years(kb: KnowledgeBase) -> None:
    text = (
        "Experience\nDevOps Engineer, Acme — Jan 2018 – Present\n"
        "- Run CI/CD in GitHub Actions and Jenkins for 40 services on Kubernetes and AWS.\n"
        "- Terraform for all infrastructure; Docker images; Prometheus and Grafana.\n"
        "- Python and Bash automation.\n"
    )
    p = profile_of(text, kb)
    _, plan = service.make_plan(p, "mlops-engineer", service.PlanOptions(start=START), kb=kb)
    assert "git" not in {s.ref for s in plan.steps}
    assert plan.total_hours <= 300, plan.total_hours


def _python(text: str, kb: KnowledgeBase) -> tuple[SkillNeed, float, list[str]]:
    p = profile_of(text, kb)
    gap, plan = service.make_plan(p, "genai-engineer", service.PlanOptions(start=START), kb=kb)
    need = next(n for n in gap.needs if n.skill == "python")
    assert need.current == "foundational" and need.target == "intermediate"
    step = next(s for s in plan.steps if s.ref == "python")
    return need, step.hours, plan.notes


def test_a_second_programming_language_takes_a_share_of_the_hours(kb: KnowledgeBase) -> None:
    developer = (
        "Experience\nFrontend Engineer — Jan 2021 – Present\n"
        "- Four years of TypeScript and React. I know some Python from university.\n"
    )
    dev, dev_hours, dev_notes = _python(developer, kb)
    new, new_hours, new_notes = _python("Skills\nExcel, SEO. I know some Python.\n", kb)
    assert dev.head_start is not None and dev.head_start.skill in {"typescript", "javascript"}
    assert new.head_start is None
    share = kb.skill("python").transfer[0].share
    assert dev.study_hours(kb) == pytest.approx(new.study_hours(kb) * share)
    assert dev_hours <= dev.study_hours(kb) and dev_hours < new_hours
    held = kb.skill(dev.head_start.skill).label
    assert any(f"Python (50%, as you hold {held})" in n for n in dev_notes), dev_notes
    assert not any("usual hours" in n for n in new_notes)


def test_a_language_only_begun_gives_no_head_start(kb: KnowledgeBase) -> None:
    p = profile_of("Skills\nBasic JavaScript (beginner).\n", kb)
    assert p.skills["javascript"].level == "foundational"
    gap, _ = service.make_plan(p, "genai-engineer", service.PlanOptions(start=START), kb=kb)
    python = next(n for n in gap.needs if n.skill == "python")
    assert python.head_start is None


def test_start_shows_pay_and_what_to_do_this_week(kb: KnowledgeBase) -> None:
    result = service.start(
        ROOT / "examples" / "resume.md",
        options=service.PlanOptions(start=START),
        semantic=False,
        kb=kb,
    )
    assert result.pay is not None and result.pay.median and result.pay.source
    assert result.pay.n is not None and result.pay.n > 0
    assert result.week and all(t.day - START < timedelta(days=7) for t in result.week)
    assert all(t.what for t in result.week)


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Built demand-forecasting models with scikit-learn (regression, classification).",
         {"regression", "classification"}),
        ("Wrote regression tests and ran regression testing in CI.", set()),
        ("Led the classification of archive documents for the records office.", set()),
    ],
)  # fmt: skip
def test_bare_regression_and_classification_need_modelling_words(
    text: str, held: set[str], kb: KnowledgeBase
) -> None:
    """'regression, classification' after a model sentence are the skills; regression
    testing and filing documents are not."""
    found = set(levels(profile_of(text, kb))) & {"regression", "classification"}
    assert found == held


def test_a_sentence_wrapped_before_a_capital_stays_one_sentence(kb: KnowledgeBase) -> None:
    """A PDF wraps "analysis tools in / Python (NumPy, ...)": the line ends on a word no
    sentence ends on, so the tools are still described in use, as in the Markdown."""
    one_line = "## Experience\n\n- Wrote analysis tools in Python (NumPy, SciPy, pandas).\n"
    wrapped = "## Experience\n\n- Wrote analysis tools in\nPython (NumPy, SciPy, pandas).\n"
    want = levels(profile_of(one_line, kb))
    assert want["numpy"] == "intermediate"
    assert levels(profile_of(wrapped, kb)) == want
    # a line that ends a heading or a list item still ends its sentence
    listed = levels(profile_of("## Skills\n\nTools and\n- NumPy\n", kb))
    assert listed.get("numpy") == "foundational"


def test_an_employers_name_is_not_the_persons_skill(kb: KnowledgeBase) -> None:
    text = (
        "## Experience\n\n"
        "### Senior Backend Engineer — Nordlicht Consulting GmbH — Mar 2022 – Present\n\n"
        "- Built REST APIs in Python and FastAPI.\n"
    )
    p = profile_of(text, kb)
    assert {"python", "fastapi"} <= set(p.skills)
    assert "consulting" not in p.skills


def test_every_sentence_stating_a_goal_is_a_wish_not_evidence(kb: KnowledgeBase) -> None:
    text = (
        "Looking for a role as an ML platform engineer.\n"
        "I'd like to move into MLOps and bring the same discipline to model\n"
        "training and serving.\n"
    )
    assert "model-deployment" not in profile_of(text, kb).skills


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Supervise two master's students; teach the graduate course.", "mentoring"),
        ("Co-supervised four MSc dissertations.", "mentoring"),
        ("Speaker at two privacy conferences on AI regulation.", "presentation-skills"),
        ("Split the booking monolith into six services.", "microservices"),
        ("Built a FastAPI service that serves a scikit-learn demand model.", "model-deployment"),
        ("A movie-review sentiment classifier with a logistic regression baseline.",
         "text-classification"),
    ],
)  # fmt: skip
def test_what_people_write_for_a_skill_is_read_as_it(
    text: str, skill: str, kb: KnowledgeBase
) -> None:
    assert skill in profile_of(text, kb).skills


@pytest.mark.parametrize(
    "text",
    [
        "Trained a supervised learning model for churn.",
        "Supervised the night shift at the warehouse.",
        "Native speaker of Swedish.",
        "Served 300 customers a day at the front desk.",
    ],
)
def test_the_same_words_in_another_sense_are_not_the_skill(text: str, kb: KnowledgeBase) -> None:
    held = set(profile_of(text, kb).skills)
    assert not held & {"mentoring", "presentation-skills", "model-deployment"}


def test_years_in_a_trade_are_the_trades_years(kb: KnowledgeBase) -> None:
    text = "Data-protection solicitor with nine years' post-qualification experience."
    assert levels(profile_of(text, kb))["data-privacy"] == "advanced"
