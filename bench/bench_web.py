"""careermap's server under a bounded load on loopback: match, gap, plan and the results page.

Run: python bench/bench_web.py [--minutes 1] [--users 20] [--think 0] [--phase-seconds 12]
                               [--endpoints match,gap,plan,results]

The bench starts its own server (``careermap serve`` on 127.0.0.1, a free port, a temp
CAREERMAP_HOME), reads a two-page résumé once (POST /api/v1/read), saves one plan from it
through the web form, then runs phases of ``--users`` concurrent users (httpx.AsyncClient,
each sending its next request as soon as the last is answered, or after a pause of
``--think`` seconds on average, drawn at random, the users arriving spread over one such
pause) against one endpoint at a time: POST /api/v1/match, /api/v1/gap and /api/v1/plan with
the profile read, and GET /plans/{id} (the results page). Phases repeat until ``--minutes``
have passed, so a long run (``--minutes 10``) shows whether memory stays flat: the server's
resident memory is sampled every second and printed at the start, the middle and the end.

``careermap serve`` keeps idle connections 30 s (uvicorn's default, 5 s, can close a pooled
connection just as a client sends on it, which a browser retries and httpx does not).

Goals: plan p99 <= 300 ms, match >= 20 requests/s, no error.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent

#: the second page of a fictional two-page résumé, after the example résumé's first
SECOND_PAGE = """
## Earlier experience

### Data Analyst, Fabrikam Insurance — Sep 2016 – Dec 2017

- Built claims dashboards in Power BI and Excel; wrote SQL against a Microsoft SQL Server
  warehouse and automated monthly extracts with Python scripts.
- Ran A/B tests on renewal e-mails with the marketing team and reported uplift with
  confidence intervals.
- Trained two junior analysts in SQL and data visualization.

### Research Assistant, University of Lisbon — Oct 2015 – Jul 2016

- Cleaned survey data in R and Python (pandas); fitted logistic regression and
  decision-tree models; wrote the methods section of a published paper.
- Presented results at a departmental seminar.

## More projects

- **Ticket triage classifier**: fine-tuned a small BERT model with Hugging Face
  Transformers to route support tickets; evaluated with precision and recall per class;
  served it with FastAPI in a Docker container.
- **Prompt library**: a set of tested prompts for summarising customer calls with the
  OpenAI API, with a small evaluation set to compare prompt versions.
- **Forecast service**: a weekly demand forecast with scikit-learn and Prophet, scheduled
  with Airflow, results written to PostgreSQL.

## Languages

Portuguese (native), English (fluent), Spanish (intermediate).

## Volunteering

Mentor at a local coding club for teenagers (Python basics, Git), 2019 – present.
Organiser of a monthly data meetup in Lisbon: talks on data engineering and analytics.

## Further education

- Machine Learning Specialization (Coursera), 2022.
- Deep learning reading group, weekly, 2023 – present: transformer papers and attention.
- Statistics refresher: Bayesian methods and experimental design, 2021.

## Interests

Running, chess, and building small electronics projects with a Raspberry Pi.
"""

ENDPOINTS = ("match", "gap", "plan", "results")
GOALS = "plan p99 <= 300 ms, match >= 20 requests/s, no error under the load"


def resume_text() -> str:
    return (ROOT / "examples" / "resume.md").read_text(encoding="utf-8") + SECOND_PAGE


# ---------------------------------------------------------------- the server


class Server:
    """``careermap serve`` as a person starts it, on a free loopback port."""

    def __init__(self, home: Path) -> None:
        env = {**os.environ, "CAREERMAP_HOME": str(home), "HF_HUB_OFFLINE": "1"}
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}"
        args = [sys.executable, "-m", "careermap", "serve", "--host", "127.0.0.1"]
        self._start([*args, "--port", str(port)], env)

    def _start(self, args: list[str], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/api/v1/roles", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.3)
        self.stop()
        raise SystemExit("the server did not start within 90 s")

    def pids(self) -> list[int]:
        """The server process and its workers."""
        out = [self.process.pid]
        try:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
            out += [int(p) for p in children.read_text().split()]
        except OSError:
            pass
        return out

    def rss_mb(self) -> float:
        total = 0
        for pid in self.pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            found = re.search(r"VmRSS:\s+(\d+) kB", status)
            total += int(found.group(1)) if found else 0
        return total / 1024

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


# ---------------------------------------------------------------- the load


@dataclass
class Figures:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    error_kinds: dict[str, int] = field(default_factory=dict)

    def note_error(self, kind: str) -> None:
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


async def _setup(url: str) -> tuple[dict[str, Any], str]:
    """The profile read from the résumé (once), and the path of a results page."""
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        token = (await client.get("/api/v1/csrf")).json()["csrf_token"]
        r = await client.post(
            "/api/v1/read",
            json={"text": resume_text(), "name": "two-page résumé"},
            headers={"X-CSRF-Token": token},
        )
        r.raise_for_status()
        profile: dict[str, Any] = r.json()["profile"]
        page = await client.post(
            "/start",
            data={"csrf_token": token, "text": resume_text(), "hours_per_week": "8"},
            follow_redirects=False,
        )
        if page.status_code != 303:
            raise SystemExit(f"could not save a plan through the web form: {page.status_code}")
        return profile, page.headers["location"]


def _request(endpoint: str, profile: dict[str, Any], results: str) -> tuple[str, str, Any]:
    if endpoint == "match":
        return "POST", "/api/v1/match", {"profile": profile}
    if endpoint == "gap":
        return "POST", "/api/v1/gap", {"profile": profile, "role": "genai-engineer"}
    if endpoint == "plan":
        body = {"profile": profile, "role": "genai-engineer", "options": {"hours_per_week": 8}}
        return "POST", "/api/v1/plan", body
    return "GET", results, None


async def _phase(
    url: str,
    endpoint: str,
    users: int,
    seconds: float,
    think: float,
    profile: dict[str, Any],
    results: str,
    figures: Figures,
) -> None:
    method, path, body = _request(endpoint, profile, results)
    # the body encoded once: the load generator shares the server's two cores, and
    # encoding 40 KB of JSON per request would be its own work, not the server's
    content = None if body is None else json.dumps(body).encode()
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        token = (await client.get("/api/v1/csrf")).json()["csrf_token"]
        headers = {"X-CSRF-Token": token, "Content-Type": "application/json"}
        end = time.perf_counter() + seconds

        async def user(rng: random.Random) -> None:
            if think:  # users arrive spread over one think time, not all at once
                await asyncio.sleep(rng.uniform(0, think))
            while time.perf_counter() < end:
                began = time.perf_counter()
                try:
                    r = await client.request(method, path, content=content, headers=headers)
                    if r.status_code != 200:
                        figures.note_error(f"HTTP {r.status_code}")
                    else:
                        figures.latencies.append(time.perf_counter() - began)
                except httpx.HTTPError as exc:
                    figures.note_error(type(exc).__name__)
                if think:  # a person reads the page before the next click
                    await asyncio.sleep(rng.expovariate(1 / think))

        began = time.perf_counter()
        await asyncio.gather(*(user(random.Random(f"{endpoint}:{i}")) for i in range(users)))
        figures.seconds += time.perf_counter() - began


async def _sample(server: Server, samples: list[tuple[float, float]], stop: asyncio.Event) -> None:
    t0 = time.perf_counter()
    while not stop.is_set():
        samples.append((time.perf_counter() - t0, server.rss_mb()))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=1.0)


async def run(args: argparse.Namespace, server: Server) -> int:
    profile, results = await _setup(server.url)
    figures = {e: Figures() for e in args.endpoints}
    samples: list[tuple[float, float]] = []
    stop = asyncio.Event()
    sampler = asyncio.create_task(_sample(server, samples, stop))
    total = args.minutes * 60
    began = time.perf_counter()
    rounds = 0
    while time.perf_counter() - began < total or rounds == 0:
        for endpoint in args.endpoints:
            left = total - (time.perf_counter() - began)
            seconds = min(args.phase_seconds, max(left, 3.0))
            await _phase(
                server.url,
                endpoint,
                args.users,
                seconds,
                args.think,
                profile,
                results,
                figures[endpoint],
            )
        rounds += 1
    stop.set()
    await sampler
    return _report(args, figures, samples, rounds, time.perf_counter() - began)


def _report(
    args: argparse.Namespace,
    figures: dict[str, Figures],
    samples: list[tuple[float, float]],
    rounds: int,
    elapsed: float,
) -> int:
    print(f"$ python {' '.join(shlex.quote(a) for a in sys.argv)}")
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    print(
        f"{os.cpu_count()} CPUs; load average at the end {load} (other work on the machine counts)"
    )
    print(
        f"{args.users} concurrent users, think time {args.think:g} s, careermap serve (one "
        f"process), {rounds} round(s) of {len(figures)} phases, {elapsed:.0f} s in all; "
        f"résumé {len(resume_text().split())} words (two pages)"
    )
    print(
        f"{'endpoint':<9} {'requests':>9} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'max ms':>8} {'errors':>7}"
    )
    for endpoint, f in figures.items():
        ms = [v * 1000 for v in f.latencies]
        rate = len(ms) / f.seconds if f.seconds else 0.0
        print(
            f"{endpoint:<9} {len(ms):>9} {rate:>7.1f} {statistics.median(ms) if ms else 0:>8.1f} "
            f"{_pct(ms, 99):>8.1f} {max(ms) if ms else 0:>8.1f} {f.errors:>7}"
            + (f"  {f.error_kinds}" if f.errors else "")
        )
    if samples:
        rss = [m for _, m in samples]
        mid = rss[len(rss) // 2]
        print(
            f"server RSS: start {rss[0]:.0f} MB, middle {mid:.0f} MB, end {rss[-1]:.0f} MB, "
            f"peak {max(rss):.0f} MB ({len(rss)} samples, one a second)"
        )
    errors = sum(f.errors for f in figures.values())
    checks = [("no error", errors == 0)]
    if "plan" in figures:
        plan = [v * 1000 for v in figures["plan"].latencies]
        checks.insert(0, ("plan p99 <= 300 ms", _pct(plan, 99) <= 300))
    if "match" in figures:
        rate = len(figures["match"].latencies) / max(figures["match"].seconds, 1e-9)
        checks.insert(-1, ("match >= 20 requests/s", rate >= 20))
    print("goals: " + "; ".join(f"{name}: {'met' if ok else 'MISSED'}" for name, ok in checks))
    return 0 if errors == 0 else 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--minutes", type=float, default=1.0, help="how long to run (default 1)")
    ap.add_argument("--users", type=int, default=20, help="concurrent users (default 20)")
    ap.add_argument("--phase-seconds", type=float, default=12.0, help="seconds per phase")
    ap.add_argument("--think", type=float, default=0.0, help="each user's pause between requests")
    ap.add_argument(
        "--endpoints",
        default=",".join(ENDPOINTS),
        help=f"which to load, comma-separated (default: {','.join(ENDPOINTS)})",
    )
    args = ap.parse_args()
    args.endpoints = [e.strip() for e in args.endpoints.split(",") if e.strip()]
    unknown = sorted(set(args.endpoints) - set(ENDPOINTS))
    if unknown or not args.endpoints:
        raise SystemExit(f"--endpoints takes {', '.join(ENDPOINTS)}; not {', '.join(unknown)}")
    if not 1 <= args.users <= 200:
        raise SystemExit("--users must be between 1 and 200")
    if not 0 < args.minutes <= 60:
        raise SystemExit("--minutes must be more than 0 and at most 60")
    with tempfile.TemporaryDirectory(prefix="careermap-bench-web-") as home:
        server = Server(Path(home))
        try:
            code = asyncio.run(run(args, server))
        finally:
            server.stop()
    raise SystemExit(code)


if __name__ == "__main__":
    main()
