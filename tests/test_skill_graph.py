"""The skill graph says what its sources say: links with a fit, prerequisites by one rule,
implications a careers advisor takes for granted, seed citations the seeds bear out, and the
words people write on a résumé."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from careermap.cli import main
from careermap.extract import Lexicon, extract
from careermap.extract.lexical import shipped_esco
from careermap.knowledge import DATA_DIR, KnowledgeBase, broad, load
from careermap.knowledge.schemas import FIT_ORDER, LEVELS, Skill
from careermap.match.gap import onet_flags
from careermap.settings import Settings
from kbfactory import make_skill

SEEDS = Settings().shared_data.parent / "seeds"
#: seed source id -> its file in ../shared/seeds (see seeds/README.md and sources.yaml)
SEED_FILES = {
    "seed-genai-jobs": "000_8fe143d198e1e22f.txt",
    "seed-genai-paths-2026": "001_d5cb72f78e3461e9.txt",
    "seed-genai-developer": "002_29486504dd48f80c.txt",
}

#: general-purpose programming languages
LANGUAGES = {
    "python",
    "r-language",
    "cpp",
    "c-language",
    "java",
    "javascript",
    "typescript",
    "go-language",
    "rust",
    "c-sharp",
    "scala",
    "julia",
    "matlab",
    "kotlin",
    "swift-language",
}
#: The allow-list: the only skills outside LANGUAGES that may name a language as a
#: prerequisite, because they exist in that one language (a Python library is Python from
#: its first line). A skill that merely has a client in a language, or a practice that is
#: usually done in one, names no language.
LANGUAGE_BOUND = {
    "python": {
        # libraries and frameworks with a Python API only
        "pytorch",
        "tensorflow",
        "keras",
        "numpy",
        "pandas",
        "polars",
        "matplotlib",
        "plotly",
        "hugging-face-transformers",
        "sentence-transformers",
        "spacy",
        "nltk",
        "pydantic",
        "dspy",
        "ray",
        "apache-airflow",  # DAGs are Python code
        # Python web and app frameworks
        "fastapi",
        "flask",
        "django",
        "streamlit",
        "gradio",
    },
    "cpp": {"cuda"},  # CUDA kernels are written in CUDA C++
    "javascript": {"nodejs", "react"},  # a JavaScript runtime and a JavaScript library
}
#: categories of concepts and practices: nothing in them may need a language, even through
#: a chain of prerequisites
LANGUAGE_NEUTRAL = {"machine-learning", "genai", "theory-math", "domain", "human"}
#: cloud platforms and the services that are part of each; nothing else may require one
CLOUD_PARTS = {
    "aws": {"aws-sagemaker", "aws-bedrock"},
    "google-cloud": {"vertex-ai"},
    "azure": {"azure-ml", "azure-openai"},
}

#: seed citations where the seed names the skill in other words than its label and aliases
#: (the phrase is checked against the seed too)
SEED_EVIDENCE = {
    ("data-analysis", "seed-genai-paths-2026"): "business analytics",
    ("marketing-strategy", "seed-genai-jobs"): "conceptualize new marketing techniques",
    ("content-marketing", "seed-genai-jobs"): "blog articles",
    ("social-media-marketing", "seed-genai-jobs"): "social media posts",
    ("copywriting", "seed-genai-jobs"): "personalize social media posts and blog articles",
    ("ai-governance", "seed-genai-paths-2026"): "AI ethics, governance, and responsible AI",
    ("ai-regulation", "seed-genai-paths-2026"): "compliance with evolving regulations",
    ("explainability", "seed-genai-paths-2026"): "bias, transparency, safety",
    ("ai-strategy", "seed-genai-paths-2026"): "advise businesses on AI adoption and transformation",
    ("stakeholder-management", "seed-genai-paths-2026"): "technical teams and stakeholders",
    ("metrics-and-kpis", "seed-genai-paths-2026"): "measure outcomes",
    ("digital-marketing", "seed-genai-jobs"): "optimize AI-generated advertisements",
    ("healthcare-ai", "seed-genai-jobs"): "drug discoveries, genomics, or clinical trials",
    ("requirements-engineering", "seed-genai-paths-2026"): "establish requirements for AI",
    ("ai-ethics", "seed-genai-jobs"): "address ethical issues while training generative AI",
    ("regulatory-compliance", "seed-genai-paths-2026"): "comply with regulatory standards",
    ("model-monitoring", "seed-genai-paths-2026"): "deployed, monitored, and maintained",
    ("llm-evaluation", "seed-genai-paths-2026"): "evaluate them for quality, bias",
    ("ai-agents", "seed-genai-paths-2026"): "autonomous AI workflows",
    ("llm-serving", "seed-genai-developer"): "used by millions of people without crashing",
    ("llm-serving", "seed-genai-paths-2026"): "deploy models into scalable applications",
    ("image-generation", "seed-genai-jobs"): "create text, images",
    ("video-generation", "seed-genai-paths-2026"): "designing generative artwork or video",
    ("audio-generation", "seed-genai-developer"): "compose original music",
    ("generative-content-creation", "seed-genai-jobs"): "AI-generated content",
    ("generative-content-creation", "seed-genai-paths-2026"): "AI-driven content creation",
    ("ai-assisted-coding", "seed-genai-developer"): "AI coding assistant",
    ("open-weight-models", "seed-genai-developer"): "open-source model like Llama 3",
    ("interdisciplinary-collaboration", "seed-genai-jobs"): "Work with interdisciplinary teams",
    ("interdisciplinary-collaboration", "seed-genai-paths-2026"): "interdisciplinary expertise",
    ("communication", "seed-genai-paths-2026"): "communicate clearly",
    ("problem-solving", "seed-genai-paths-2026"): "iterative problem resolution skills",
    ("continuous-learning", "seed-genai-jobs"): "learn and grow from your mistakes",
    ("continuous-learning", "seed-genai-paths-2026"): "proactive learning",
    ("regression", "seed-genai-developer"): "regression, classification, and clustering",
    ("classification", "seed-genai-developer"): "regression, classification, and clustering",
    ("model-evaluation", "seed-genai-developer"): "training, validating, and testing models",
    ("model-evaluation", "seed-genai-paths-2026"): "model training and evaluation",
    ("feature-engineering", "seed-genai-paths-2026"): "engineering features",
    ("convolutional-neural-networks", "seed-genai-paths-2026"): "convolutional models",
    ("recurrent-neural-networks", "seed-genai-paths-2026"): "recurrent architectures",
    ("model-training", "seed-genai-jobs"): "train models",
    ("multimodal-models", "seed-genai-paths-2026"): "multimodal systems",
    ("data-preprocessing", "seed-genai-jobs"): "streamline data processing tasks",
    ("data-preprocessing", "seed-genai-paths-2026"): "preparing datasets",
    ("model-deployment", "seed-genai-paths-2026"): "deploy models",
    ("anthropic-api", "seed-genai-developer"): "Anthropic",
    ("copilot-tools", "seed-genai-developer"): "AI coding assistant",
    ("optimization", "seed-genai-paths-2026"): "optimization techniques",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load()


@pytest.fixture(scope="module")
def lexicon(kb: KnowledgeBase) -> Lexicon:
    return Lexicon(kb.skills.values(), shipped_esco())


def _shown(kb: KnowledgeBase, sid: str) -> set[str]:
    """What demonstrated use of a skill shows: its prerequisites and what it implies."""
    return kb.ancestors(sid) | {x.skill for x in kb.skills[sid].implies}


def _small_kb(*skills: Skill) -> KnowledgeBase:
    tables: dict[str, Any] = {"sources": {}, "skills": {s.id: s for s in skills}}
    for f in dataclasses.fields(KnowledgeBase):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if f.name not in tables and required:
            tables[f.name] = {}
    return KnowledgeBase(**tables)


def _found(lexicon: Lexicon, text: str) -> tuple[set[str], set[str]]:
    """careermap skill ids and ESCO labels found in ``text`` (no semantic stage)."""
    found = extract(text, taxonomy="both", semantic=False, lexicon=lexicon)
    ids = {m.skill_id for m in found.mentions if m.taxonomy == "careermap"}
    esco = {m.label for m in found.mentions if m.taxonomy == "esco"}
    return ids, esco


def _norm(text: str) -> str:
    return re.sub(r"[\u2010-\u2015]", "-", text).replace("\u00a0", " ").lower()


# ---- links ----------------------------------------------------------------------------


def test_every_link_in_the_files_states_its_fit() -> None:
    for path in sorted((DATA_DIR / "skills").glob("*.yaml")):
        for s in yaml.safe_load(path.read_text(encoding="utf-8"))["skills"]:
            for link in [*s.get("esco", []), *s.get("onet", [])]:
                assert isinstance(link, dict), f"{path.name}: {s['id']} has a bare link {link}"
                assert link.get("fit") in FIT_ORDER, f"{path.name}: {s['id']} {link}"


def test_links_point_at_real_esco_skills_and_onet_names(kb: KnowledgeBase) -> None:
    for s in kb.skills.values():
        for e in s.esco:
            assert broad.esco_skill(e.uri) is not None, f"{s.id}: {e.uri} is not in ESCO"
        for o in s.onet:
            assert broad.tech_skill_flags(o.name) is not None, f"{s.id}: '{o.name}' not in O*NET"


def test_an_esco_mention_stands_for_a_skill_only_through_exact_or_close_links(
    kb: KnowledgeBase, lexicon: Lexicon
) -> None:
    same = {e.uri for s in kb.skills.values() for e in s.esco if e.fit != "broad"}
    assert set(lexicon.careermap_for_esco) == same
    # "cloud technologies" is broad for AWS, Google Cloud and Azure: it is none of them
    cloud = next(e.uri for e in kb.skills["aws"].esco if e.fit == "broad")
    assert cloud not in lexicon.careermap_for_esco
    assert lexicon.careermap_for_esco[kb.skills["python"].esco_uris()[0]] == ("python",)


def test_hot_technology_flags_come_from_exact_or_close_links_only(kb: KnowledgeBase) -> None:
    # "Hugging Face" (In Demand in O*NET) is the hub; the Transformers library is only part of it
    assert onet_flags(kb.skills["hugging-face-hub"].onet_names()) == (False, True)
    assert kb.skills["hugging-face-transformers"].onet_names() == []
    assert onet_flags(kb.skills["hugging-face-transformers"].onet_names()) == (False, False)
    assert kb.skills["generative-ai"].onet_names(fits=("broad",)) == [
        "Artificial intelligence software"
    ]
    assert onet_flags(kb.skills["python"].onet_names())[0]


def test_known_wrong_links_are_gone(kb: KnowledgeBase) -> None:
    def labels(sid: str) -> set[str]:
        return {hit.label for e in kb.skills[sid].esco if (hit := broad.esco_skill(e.uri))}

    assert "perform dimensionality reduction" not in labels("feature-engineering")
    assert "conduct performance measurement" not in labels("ab-testing")
    assert "set up pricing strategies" not in labels("go-to-market-strategy")
    assert "ICT system programming" not in labels("api-development")
    assert "mathematics" not in labels("calculus")
    assert "track key performance indicators" in labels("metrics-and-kpis")
    confluence = [s.id for s in kb.skills.values() if "Atlassian Confluence" in s.aliases]
    assert confluence == []
    assert all(o.name != "Atlassian Confluence" for s in kb.skills.values() for o in s.onet)


def test_skill_page_shows_each_links_fit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["skill", "aws"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "cloud technologies (broad)" in out
    assert "Amazon Web Services AWS software (exact)" in out


# ---- prerequisites --------------------------------------------------------------------


def test_the_rule_is_in_every_skills_file_header() -> None:
    for path in sorted((DATA_DIR / "skills").glob("*.yaml")):
        head = path.read_text(encoding="utf-8").split("version:", 1)[0]
        assert "a skill a learner cannot learn X without" in head, path.name
        assert "merely runs on" in head and "one particular framework" in head, path.name


def test_languages_are_prerequisites_only_of_what_is_written_in_them(kb: KnowledgeBase) -> None:
    assert set(kb.skills) >= LANGUAGES
    for s in kb.skills.values():
        if s.id in LANGUAGES:
            continue
        for p in s.prerequisites:
            if p in LANGUAGES:
                assert s.id in LANGUAGE_BOUND.get(p, set()), f"{s.id} requires {p}"


def test_no_concept_or_practice_needs_a_language_even_through_a_chain(kb: KnowledgeBase) -> None:
    for s in kb.skills.values():
        if s.category in LANGUAGE_NEUTRAL:
            assert not kb.ancestors(s.id) & LANGUAGES, (
                f"{s.id} needs {kb.ancestors(s.id) & LANGUAGES}"
            )


def test_no_skill_requires_a_cloud_platform_it_is_not_part_of(kb: KnowledgeBase) -> None:
    for s in kb.skills.values():
        for platform in kb.ancestors(s.id) & set(CLOUD_PARTS):
            assert s.id in CLOUD_PARTS[platform], f"{s.id} requires {platform}"


def test_known_wrong_prerequisites_are_gone(kb: KnowledgeBase) -> None:
    for lang in ("java", "c-sharp", "swift-language", "c-language", "cpp", "rust", "kotlin"):
        assert "python" not in kb.ancestors(lang), lang
    for sid in (
        "object-oriented-programming",
        "data-structures-algorithms",
        "software-engineering",
    ):
        assert "python" not in kb.ancestors(sid), sid
    for sid in ("software-testing", "debugging", "redis", "mongodb", "ml-fundamentals"):
        assert "python" not in kb.ancestors(sid), sid
    assert "aws" not in kb.ancestors("terraform")
    assert "docker" not in kb.ancestors("prometheus-grafana")
    for sid in ("model-training", "scikit-learn", "mlflow", "fine-tuning"):
        assert "pytorch" not in kb.ancestors(sid), sid
    assert "linear-algebra" not in kb.ancestors("julia") | kb.ancestors("matlab")
    assert "ml-fundamentals" not in kb.ancestors("kaggle")
    # what stays: a Python library needs Python, Kubernetes needs containers
    assert "python" in kb.ancestors("pandas") and "docker" in kb.ancestors("kubernetes")


def test_prerequisites_stay_acyclic(kb: KnowledgeBase) -> None:
    assert sorted(kb.prerequisite_order()) == sorted(kb.skills)


# ---- implications ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sid", "shows"),
    [
        ("scikit-learn", {"ml-fundamentals", "model-training", "model-evaluation"}),
        ("regression", {"ml-fundamentals", "model-training", "model-evaluation"}),
        ("classification", {"ml-fundamentals", "model-training", "model-evaluation"}),
        ("fastapi", {"api-development", "python"}),
        ("flask", {"api-development", "python"}),
        ("django", {"api-development", "python"}),
        ("github-actions", {"git", "ci-cd"}),
        ("jenkins", {"git", "ci-cd"}),
        ("gitlab", {"git", "ci-cd"}),
        ("kubernetes", {"docker"}),
        ("terraform", {"infrastructure-as-code"}),
        ("rag", {"embeddings", "large-language-models"}),
        ("fine-tuning", {"large-language-models", "python"}),
        ("pytorch", {"python", "deep-learning"}),
        ("tensorflow", {"python", "deep-learning"}),
        ("pandas", {"python"}),
        ("langchain", {"python", "large-language-models", "prompt-engineering"}),
        ("dbt", {"sql"}),
        ("apache-airflow", {"python"}),
        ("seo", {"digital-marketing"}),
        ("research-methods", {"experiment-design"}),
        ("product-management", {"product-strategy", "requirements-engineering"}),
        ("requirements-engineering", {"technical-writing"}),
    ],
)
def test_a_demonstrated_skill_shows_what_an_advisor_takes_for_granted(
    kb: KnowledgeBase, sid: str, shows: set[str]
) -> None:
    assert shows <= _shown(kb, sid), f"{sid} does not show {shows - _shown(kb, sid)}"


def test_implications_never_claim_more_than_a_framework_shows(kb: KnowledgeBase) -> None:
    level = {x.skill: x.level for x in kb.skills["pytorch"].implies}
    assert level["deep-learning"] == "foundational"
    for s in kb.skills.values():
        for x in s.implies:
            assert x.level in LEVELS and len(x.why) >= 10


def test_implications_do_not_repeat_prerequisites(kb: KnowledgeBase) -> None:
    """An implication of a direct prerequisite sets the level it is held at; one of a
    farther ancestor at foundational level says nothing the chain does not."""
    for s in kb.skills.values():
        farther = kb.ancestors(s.id) - set(s.prerequisites)
        for x in s.implies:
            assert not (x.skill in farther and x.level == "foundational"), (
                f"{s.id} implies its ancestor {x.skill} at foundational level"
            )


def test_drafting_with_ai_tools_is_not_tested_prompt_templates() -> None:
    from careermap.documents import read
    from careermap.extract import extract
    from careermap.knowledge import load

    kb = load()
    text = (
        "Experience\nHR Business Partner, Harbourline — Jan 2019 – Present\n"
        "- Draft job descriptions and policy updates with ChatGPT every week, then edit "
        "them for accuracy and tone.\n"
    )
    p = extract(read(text.encode(), name="r.md"), semantic=False).profile(None, kb)
    assert p.skills["generative-content-creation"].level == "intermediate"
    assert p.skills["prompt-engineering"].level == "foundational"


def test_head_starts_are_validated() -> None:
    why = "the same ideas in other words"
    with pytest.raises(ValidationError, match="head start"):
        make_skill("a", "A", transfer=[{"skills": ["a"], "share": 0.5, "why": why}])
    with pytest.raises(ValidationError, match="less than 1"):
        make_skill("a", "A", transfer=[{"skills": ["b"], "share": 1.0, "why": why}])
    broken = _small_kb(
        make_skill("a", "A", transfer=[{"skills": ["nowhere"], "share": 0.5, "why": why}])
    )
    assert any("unknown skill 'nowhere'" in p for p in broken.problems())


def test_head_starts_stay_within_one_kind_of_skill(kb: KnowledgeBase) -> None:
    for s in kb.skills.values():
        for t in s.transfer:
            assert {kb.skills[x].category for x in t.skills} == {s.category}, s.id


def test_implications_are_validated() -> None:
    with pytest.raises(ValidationError, match="implies itself"):
        make_skill("a", "A", implies=[{"skill": "a", "level": "foundational", "why": "because so"}])
    loop = _small_kb(
        make_skill(
            "a", "A", implies=[{"skill": "b", "level": "foundational", "why": "a always shows b"}]
        ),
        make_skill(
            "b", "B", implies=[{"skill": "a", "level": "foundational", "why": "b always shows a"}]
        ),
    )
    assert any(p.startswith("implication cycle") for p in loop.problems())
    unknown = _small_kb(
        make_skill(
            "c", "C", implies=[{"skill": "zz", "level": "advanced", "why": "c always shows zz"}]
        )
    )
    assert "skill c (implies) refers to unknown skill 'zz'" in list(unknown.problems())


def test_one_alias_one_skill_and_sources_that_match_links_are_checked_on_load() -> None:
    kb = _small_kb(
        make_skill("a", "A", aliases=["shared name"]),
        make_skill("b", "B", aliases=["Shared Name"], sources=["esco-1-1-1"]),
        make_skill("c", "C", esco=["http://data.europa.eu/esco/skill/x"]),
    )
    problems = list(kb.problems())
    assert "'Shared Name' names both skill a and skill b; keep it on one" in problems
    assert any("skill b cites esco-1-1-1 but has no link" in p for p in problems)
    assert any("skill c links to esco-1-1-1 but does not cite it" in p for p in problems)


# ---- sources --------------------------------------------------------------------------


@pytest.mark.shared_data
def test_every_seed_citation_is_borne_out_by_the_seed(kb: KnowledgeBase, shared_data: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"needs the seed articles in {SEEDS}")
    text = {src: _norm((SEEDS / f).read_text(encoding="utf-8")) for src, f in SEED_FILES.items()}
    raw = {src: (SEEDS / f).read_text(encoding="utf-8") for src, f in SEED_FILES.items()}
    for (sid, src), phrase in SEED_EVIDENCE.items():
        assert src in kb.skills[sid].sources, f"{sid} no longer cites {src}: drop its evidence"
        assert _norm(phrase) in text[src], f"'{phrase}' is not in {src}"
    for s in kb.skills.values():
        for src in s.sources:
            if src not in SEED_FILES or (s.id, src) in SEED_EVIDENCE:
                continue
            forms = [s.label, *s.aliases, *(a.alias for a in s.ambiguous)]
            named = any(
                re.search(rf"(?<!\w){re.escape(_norm(f))}s?(?!\w)", text[src]) for f in forms
            ) or any(
                re.search(rf"(?<!\w){re.escape(f)}s?(?!\w)", raw[src])
                for f in s.case_sensitive_aliases
            )
            assert named, f"{s.id} cites {src}, which never names it"


def test_chatgpt_no_longer_cites_a_seed_that_never_names_it(kb: KnowledgeBase) -> None:
    assert "seed-genai-developer" not in kb.skills["chatgpt"].sources


# ---- vocabulary -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Deployed services with Helm charts and Argo CD.", {"helm", "argo-cd"}),
        ("Packaged the model API with Helm on EKS.", {"helm"}),
        ("Wrote Ansible playbooks and Terraform modules.", {"ansible", "terraform"}),
        ("Exposed the ranker over gRPC with Protocol Buffers.", {"grpc"}),
        (
            "Built clickable prototypes and kept the design system up to date.",
            {"prototyping", "design-systems"},
        ),
        ("Audited the app for accessibility against WCAG 2.2.", {"accessibility"}),
        ("Ran usability tests with eight participants.", {"usability-testing"}),
        ("Trained models on the cluster with SLURM and MPI.", {"slurm", "mpi"}),
        ("Wrote my thesis in LaTeX.", {"latex"}),
        ("Drafted commercial contracts and led contract review.", {"contract-drafting"}),
        ("Owned regulatory compliance for the payments product.", {"regulatory-compliance"}),
        ("Queried MySQL, SQLite and Oracle databases with T-SQL and PL/SQL.", {"sql"}),
        ("Used Jasper to draft blog posts.", {"ai-writing-assistants"}),
        (
            "Tuned chunking and a reranker for our RAG pipeline.",
            {"chunking-strategies", "rerankers", "rag"},
        ),
        ("Prototyped agents with AutoGPT and the OpenAI Agents SDK.", {"ai-agents"}),
        (
            "Deduplicate and link records; prepare de-identified extracts.",
            {"data-preprocessing", "data-privacy"},
        ),
        (
            "Ran power calculations and surveillance time-series methods.",
            {"hypothesis-testing", "time-series-analysis"},
        ),
        (
            "Shoot and edit short-form video in CapCut; wrote the tone-of-voice guide.",
            {"video-production", "brand-management"},
        ),
        ("Built and deployed chatbots for the bank's customer service.", {"chatbot-development"}),
        (
            "Taught workshops on checking AI output; cleaned records in OpenRefine.",
            {"presentation-skills", "hallucination-mitigation", "data-preprocessing"},
        ),
        (
            "Ran the int8 conversion for a TFLite Micro model; wrote software design documents.",
            {"tensorflow", "model-quantization", "technical-writing"},
        ),
        ("Prompted GPT-4o mini and asked for JSON back.", {"structured-outputs"}),
    ],
)
def test_what_people_write_is_recognised(lexicon: Lexicon, text: str, wanted: set[str]) -> None:
    ids, _ = _found(lexicon, text)
    assert wanted <= ids, f"missing {wanted - ids} in {text!r}"


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("Senior analyst at a fintech startup.", {"financial-services-ai"}),
        ("Built PDF parsing for bank statements.", {"optical-character-recognition"}),
        ("Reviewed automated decision-making under GDPR.", {"decision-making"}),
        ("Wore latex gloves on the ward.", {"embeddings", "latex"}),
        ("Used chunking to break long texts down for pupils.", {"chunking-strategies"}),
        ("Ran red teaming exercises against the SOC.", {"red-teaming"}),
        ("Set spending guardrails for each team.", {"llm-guardrails"}),
        ("Taught courses on Canvas and graded essays.", {"canva"}),
        ("She would whisper the answers.", {"speech-recognition"}),
        ("Jasper Smith, Head of Sales, reported to the board.", {"ai-writing-assistants"}),
        ("Steered the project at the helm of a small team.", {"helm"}),
        ("Wrote to Oracle Cloud ERP users about the upgrade.", {"sql"}),
        ("Used Atlassian Confluence for team notes.", {"jira"}),
        ("Spoke on a radio panel on chatbots in schools.", {"chatbot-development"}),
        ("The REST API returns JSON output to the browser.", {"structured-outputs"}),
    ],
)
def test_ordinary_words_are_not_taken_for_skills(
    lexicon: Lexicon, text: str, unwanted: set[str]
) -> None:
    ids, _ = _found(lexicon, text)
    assert not ids & unwanted, f"{ids & unwanted} read into {text!r}"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Added highlighting to the search results page.", "hair colouring"),
        ("The GAN's generators produced product images.", "electrical machines"),
        ("Fine-tuned a transformer for classification.", "security panels"),
        ("Parsing of invoices with an LLM.", "grammar"),
        ("Trained image models with TensorFlow, Keras and CUDA.", "computer vision"),
    ],
)
def test_esco_labels_that_are_everyday_words_are_not_matched(
    lexicon: Lexicon, text: str, label: str
) -> None:
    _, esco = _found(lexicon, text)
    assert label not in esco
