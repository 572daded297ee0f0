"""Speed and memory of skill extraction, on one core.

    python bench/bench_extract_speed.py [--texts 1000] [--runs 20]

Prints: the time to build the lexicon (careermap skills, then every ESCO label); lexical
throughput over posting-sized texts (about 3,000 characters, SkillSpan sentences joined
when ../shared/data is here, else sentences made from the skill graph) per taxonomy, with
and without the context stage; the latency of a two-page résumé with the semantic stage
(p50/p95 over warm runs); and the peak resident memory with every taxonomy loaded.
Goals: >= 2,000 texts/s lexical, < 300 ms per résumé with semantics, < 600 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("OMP_NUM_THREADS", "1")

from careermap.documents import read  # noqa: E402
from careermap.errors import DataError  # noqa: E402
from careermap.extract import Lexicon, extract  # noqa: E402
from careermap.extract.lexical import shipped_esco  # noqa: E402
from careermap.knowledge import DATA_DIR, KnowledgeBase, load, load_from  # noqa: E402
from careermap.settings import get_settings  # noqa: E402

SKILLSPAN = get_settings().shared_data / "skillspan" / "json" / "train.json"

RESUME = """Jane Doe
jane@example.com | London

Summary
Machine learning engineer with 6 years of Python and a background in statistics. I build
retrieval-augmented generation systems, evaluate large language models and ship them to
production on AWS. Familiar with Rust; currently learning Kubernetes operators. I enjoy
turning vague business questions into measurable experiments, and I write clearly for
people who do not read code. Looking for a senior generative AI engineer role in a team
that cares about evaluation and safety as much as about demos.

Experience

Senior Machine Learning Engineer — Acme Analytics
Jan 2021 – Present
- Designed a RAG assistant over 2 million support tickets with LangChain, FAISS and GPT-4;
  cut handling time by 30%.
- Fine-tuned Llama 2 with LoRA on domain data; built an evaluation harness with human
  review and automatic metrics.
- Served models with FastAPI and Docker on Kubernetes; set up CI/CD with GitHub Actions.
- Led prompt engineering guidelines for three product teams and mentored two juniors.
- Worked with product managers to turn customer interviews into model requirements.
- Wrote the team's guide to evaluating chat assistants: golden sets, rubric grading by a
  second model, and weekly reviews of conversations flagged by users.
- Reduced answer latency from 4 s to 1.2 s with response streaming, caching of frequent
  questions and a smaller re-ranking model.
- Ran red-teaming sessions with the security team and added filters for personal data
  and prompt injection.
- Moved embeddings from a managed service to pgvector on PostgreSQL, saving $8k a month.
- Interviewed and hired four engineers; ran the machine learning reading group.

Machine Learning Engineer — Beta Retail
Mar 2018 – Dec 2020
- Built demand forecasting models in PyTorch and scikit-learn for 400 stores.
- Wrote Spark jobs on Databricks to prepare features from 5 TB of sales data.
- Deployed models with MLflow and Airflow; monitored drift with Grafana dashboards.
- Reduced cloud costs by 25% by moving batch scoring to spot instances.
- Built a recommendation model for the online shop that raised basket size by 6%.
- Designed A/B tests with the marketing team and analysed the results with causal
  inference methods when randomisation was not possible.
- Cleaned and documented twelve years of store data so analysts could use it on their own.
- Mentored two graduates through their first production deployments.

Data Analyst — Gamma Bank
Sep 2016 – Feb 2018
- Wrote SQL reports and Tableau dashboards for the risk team.
- Automated Excel workflows with Python and pandas.
- Presented findings to senior stakeholders every month.
- Built a credit-risk scorecard with logistic regression, validated with the model risk team.
- Answered ad-hoc questions from the finance department within a day.

Projects
- Open-source contributor to a vector database client (Python, Rust).
- Built a chatbot that answers questions about local bus timetables using embeddings and
  semantic search; 2,000 monthly users.
- Kaggle: top 5% in a tabular competition with gradient boosting (XGBoost, LightGBM).
- A small tool that turns meeting recordings into summaries and action items with Whisper
  and an open-weights model running on a laptop.
- Blog posts on evaluating retrieval systems, read by about 10,000 people.

Volunteering
- Teach an evening Python class for adults changing careers (2019 – present).
- Organise the local data science meetup: talks, venues and sponsors.

Education
MSc Statistics, University of Somewhere, 2016
BSc Mathematics, University of Somewhere, 2015

Skills
Languages: Python, SQL, R, Go
ML: PyTorch, TensorFlow, scikit-learn, Hugging Face Transformers, XGBoost
GenAI: LangChain, LlamaIndex, prompt engineering, RAG, fine-tuning, LLM evaluation
Platforms: AWS (SageMaker, Lambda), GCP, Docker, Kubernetes, Airflow, MLflow
Other: Git, Linux, Agile, communication, stakeholder management

Certifications
AWS Certified Machine Learning – Specialty (2022)
Deep Learning Specialization, Coursera (2019)

Publications
- "Cheap evaluation of retrieval-augmented assistants", workshop paper, 2023.
- "Forecasting demand with sparse store data", industry talk, PyData London, 2020.

Languages
English (native), Spanish (professional working proficiency), French (basic)

Interests
Climbing, chess, and building small electronics projects with my children.
"""


def posting_texts(n: int, skill_labels: list[str]) -> tuple[list[str], str]:
    rng = random.Random(7)
    if SKILLSPAN.is_file():
        sentences = [
            " ".join(json.loads(line)["tokens"])
            for line in SKILLSPAN.read_text(encoding="utf-8").splitlines()
        ]
        where = "SkillSpan train sentences"
    else:
        verbs = ["Experience with", "You will use", "Knowledge of", "We build with", "Strong"]
        sentences = [
            f"{rng.choice(verbs)} {rng.choice(skill_labels)} and {rng.choice(skill_labels)} "
            "in a friendly team that ships products to customers every week."
            for _ in range(5000)
        ]
        where = "synthetic sentences from the skill graph"
    out: list[str] = []
    for _ in range(n):
        parts: list[str] = []
        size = 0
        while size < 3000:
            s = rng.choice(sentences)
            parts.append(s)
            size += len(s) + 1
        out.append("\n".join(parts))
    return out, where


def knowledge() -> KnowledgeBase:
    try:
        return load()
    except DataError as exc:
        print(f"note: the knowledge base does not check ({exc}); using it unchecked.\n")
        return load_from(DATA_DIR, check=False)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--texts", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--no-semantic", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    kb = knowledge()
    t1 = time.perf_counter()
    esco = list(shipped_esco())
    t2 = time.perf_counter()
    lex = Lexicon(kb.skills.values(), esco)
    t3 = time.perf_counter()
    lex.hits("warm up", "esco")
    t4 = time.perf_counter()
    print("Lexicon build (one process, seconds)")
    print(f"  knowledge base load {t1 - t0:6.3f}   ESCO labels read  {t2 - t1:6.3f}")
    print(f"  careermap automata  {t3 - t2:6.3f}   ESCO automata     {t4 - t3:6.3f}")
    print(f"  keys: {lex.size}\n")

    texts, where = posting_texts(args.texts, [s.label for s in kb.skills.values()])
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"Throughput: {len(texts)} texts of {chars:,.0f} characters ({where}), one core")
    print(
        f"  {'taxonomy':<10}{'context':<9}{'texts/s (wall)':>15}{'(CPU)':>9}{'mentions/text':>15}"
    )
    for taxonomy in ("careermap", "esco", "both"):
        for context in (False, True):
            wall, cpu = time.perf_counter(), time.process_time()
            n = 0
            for t in texts:
                n += len(
                    extract(
                        t, taxonomy=taxonomy, semantic=False, context=context, lexicon=lex
                    ).mentions
                )
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(
                f"  {taxonomy:<10}{'yes' if context else 'no':<9}{len(texts) / wall:15,.0f}"
                f"{len(texts) / cpu:9,.0f}{n / len(texts):15.1f}"
            )

    document = read(RESUME.encode("utf-8"), name="resume.txt")
    print(f"\nRésumé ({len(RESUME):,} characters, read as a document), warm, {args.runs} runs")
    modes = [("careermap", False), ("both", False)]
    if not args.no_semantic:
        modes += [("careermap", True), ("both", True)]
    for taxonomy, semantic in modes:
        extract(document, taxonomy=taxonomy, semantic=semantic, lexicon=lex)  # warm up
        times: list[float] = []
        last = None
        for _ in range(args.runs):
            start = time.perf_counter()
            last = extract(document, taxonomy=taxonomy, semantic=semantic, lexicon=lex)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        assert last is not None
        sem = sum(m.method == "semantic" for m in last.mentions)
        name = f"{taxonomy}{' + semantic' if semantic else ''}"
        print(
            f"  {name:<22} p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   "
            f"mentions {len(last.mentions)} (semantic {sem})"
            + "".join(f"  [{note}]" for note in last.notes)
        )

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nPeak memory (maxrss), every taxonomy loaded: {rss:,.0f} MB")


if __name__ == "__main__":
    main()
