"""Robustness of careermap's reader on thousands of hostile documents.

    python bench/bench_robustness.py [--n 12000] [--seed 0]
        [--formats pdf,docx,html,md,txt,linkedin,zip-misc] [--jobs 2] [--time-limit 2]
        [--hard-limit 20] [--memory-mb 1500] [--semantic] [--save-failures DIR] [--json]
        [--only REGEX] [--careermap DIR]
    python bench/bench_robustness.py --replay FILE [--profile]

careermap promises that any input gives either a result or a clean ``CareermapError`` with
a one-line message: never another exception, never a hang, time roughly linear in the
input size (goal: at most about 1 s per 100 KB on one core), bounded memory. This bench
measures that promise on inputs made by ``bench/hostile.py`` (valid seeds, mutations and
named structural attacks; deterministic for a seed).

Each input goes through ``careermap.read(data, name=...)``, then
``careermap.extract(doc, semantic=...)``, the profile and the ranking of every role (what
``careermap match`` does) in one of ``--jobs`` long-lived worker processes
(each imports careermap and builds its lexicon once). A worker runs under an address-space
limit (RLIMIT_AS, a generous multiple of ``--memory-mb``); the parent watches its resident
memory while it works and stops it past ``--memory-mb`` of growth, and stops it past
``--hard-limit`` seconds. Either way the worker is first asked to raise an exception where
it stands (so the report can say where it was), then killed and started again.

Each input counts once, in the first of these that applies:

- hung: still running at ``--hard-limit`` seconds;
- over memory: grew by more than ``--memory-mb`` (or raised MemoryError);
- crash: raised anything but a ``careermap.errors.CareermapError``, or killed its worker
  (a signal from native code);
- unsafe: the Document (text, section headings, position titles and organisations,
  warnings) holds C0/C1 control characters other than newline and tab, a clean error's
  message has a line break or control characters, or the document shows the content of a
  file an XML external entity names;
- slow: took more than ``--time-limit`` seconds;
- clean error: a ``CareermapError`` (its class is counted);
- ok: a Document and an Extraction.

Failing inputs (the first five kinds) are written to ``--save-failures`` (default
bench/results/robustness/, which git ignores) under a name that says their case, with a
``failures.json`` index; the workers' stderr goes to ``worker.log`` there. ``--replay FILE``
runs one such file in this process and prints its traceback (``--profile`` adds the
functions it spent its time in).
"""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import json
import multiprocessing
import os
import queue
import re
import resource
import signal
import sys
import threading
import time
import traceback
from collections import Counter, defaultdict, deque
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

import hostile

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SAVE = REPO / "bench" / "results" / "robustness"
FAILING = ("hung", "memory", "crash", "unsafe", "slow")
STATUSES = ("ok", "clean", *FAILING)
#: C0 and C1 control characters, and DEL, except newline and tab
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_KB100 = 100_000
_MIB = 1024 * 1024
_GRACE_S = 3.0
#: a worker that fails to start is tried again this many times, this many seconds apart
_START_TRIES = 4
_START_WAIT_S = 15


# --------------------------------------------------------------------------- one input


class _Interrupted(BaseException):
    """Raised inside a worker where it stands, when it runs too long or grows too big.

    A BaseException, so that careermap's ``except Exception`` cannot turn it into a clean
    error.
    """


class _Clock:
    """SIGALRM at ``time_limit`` notes the stack; at ``hard_limit`` raises ``_Interrupted``."""

    def __init__(self, time_limit: float, hard_limit: float) -> None:
        self.time_limit = time_limit
        self.hard_limit = hard_limit
        self.stage = 0
        self.slow_stack: list[traceback.FrameSummary] | None = None
        self.reason = ""
        signal.signal(signal.SIGALRM, self._alarm)
        signal.signal(signal.SIGUSR1, self._memory)

    def _alarm(self, signum: int, frame: Any) -> None:
        if self.stage == 1:
            self.slow_stack = traceback.extract_stack(frame)
            self.stage = 2
            signal.setitimer(signal.ITIMER_REAL, max(self.hard_limit - self.time_limit, 0.05))
        elif self.stage == 2:
            self.stage = 3
            self.reason = "hung"
            raise _Interrupted("hard time limit")

    def _memory(self, signum: int, frame: Any) -> None:
        if self.stage in (1, 2):
            self.stage = 3
            self.reason = "memory"
            raise _Interrupted("memory limit")

    def start(self) -> None:
        self.stage, self.slow_stack, self.reason = 1, None, ""
        if self.time_limit < self.hard_limit:
            signal.setitimer(signal.ITIMER_REAL, self.time_limit)
        else:
            self.stage = 2
            signal.setitimer(signal.ITIMER_REAL, self.hard_limit)

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        self.stage = 0


def _status_kb(field: str) -> int:
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _reset_peak() -> bool:
    """Reset this process's peak resident size (Linux ``clear_refs``); False where refused."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def _frame_text(frame: traceback.FrameSummary, *, line: bool = True) -> str:
    path = frame.filename.replace("\\", "/")
    if "/careermap/" in path:
        path = path.rsplit("/careermap/", 1)[1]
    else:
        parts = path.split("/site-packages/")
        path = parts[1] if len(parts) > 1 else path.rsplit("/", 1)[-1]
    return f"{path}:{frame.name}" + (f":{frame.lineno}" if line and frame.lineno else "")


def _where(frames: list[traceback.FrameSummary]) -> tuple[str, str]:
    """The last careermap frame (file:function:line), and the innermost frame."""
    frames = [f for f in frames if not f.filename.endswith("bench_robustness.py")]
    own = [f for f in frames if "/careermap/" in f.filename.replace("\\", "/")]
    careermap = _frame_text(own[-1]) if own else "(no careermap frame)"
    inner = _frame_text(frames[-1]) if frames else ""
    return careermap, inner


def _unsafe_fields(doc: Any, forbidden: str | None) -> list[str]:
    """Where the Document holds control characters (or forbidden text), with the characters."""
    found: list[str] = []

    def check(field: str, value: str | None) -> None:
        if value:
            chars = sorted(set(UNSAFE.findall(value)))
            if chars:
                found.append(f"{field}={''.join(chars)!r}")

    check("text", doc.text)
    for section in doc.sections:
        check("sections[].heading", section.heading)
    for position in doc.positions:
        check("positions[].title", position.title)
        check("positions[].organisation", position.organisation)
    for warning in doc.metadata.warnings:
        check("metadata.warnings[]", warning)
    if forbidden and forbidden in doc.text:
        found.append("text shows an external entity's file")
    return found


def run_one(
    data: bytes,
    name: str,
    *,
    semantic: bool,
    forbidden: str | None,
    clock: _Clock,
    track_peak: bool,
) -> dict[str, Any]:
    """Read and extract one input; what happened, how long it took, how much it grew."""
    from careermap.documents import read
    from careermap.errors import CareermapError
    from careermap.extract import extract
    from careermap.service import match

    out: dict[str, Any] = {"status": "ok"}
    rss0 = _status_kb("VmRSS")
    peak_reset = track_peak and _reset_peak()
    maxrss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    doc: Any = None
    try:
        try:
            clock.start()
            try:
                doc = read(data, name=name)
                extraction = extract(doc, semantic=semantic)
                out["mentions"] = len(extraction.mentions)
                # what every command then does with it: the person's profile and the
                # ranking of every role
                match(extraction.profile())
            finally:
                clock.stop()
        except _Interrupted:
            raise
        except CareermapError as exc:
            out["status"] = "clean"
            out["error_class"] = type(exc).__name__
            message = str(exc)
            out["message"] = message[:300]
            problems = []
            if "\n" in message or "\r" in message:
                problems.append("error message has a line break")
            if UNSAFE.sub("", message.replace("\n", "")) != message.replace("\n", ""):
                problems.append("error message has control characters")
            if forbidden and forbidden in message:
                problems.append("error message shows an external entity's file")
            if problems:
                out["unsafe"] = problems
        except MemoryError as exc:
            out.update(_exception(exc, "memory"))
        except Exception as exc:
            out.update(_exception(exc, "crash"))
    except _Interrupted as exc:
        out.update(_exception(exc, clock.reason or "hung"))
        out["exc_type"] = "Interrupted"
    seconds = time.perf_counter() - started
    out["seconds"] = seconds
    if clock.slow_stack is not None:
        out["slow_at"], out["slow_inner"] = _where(clock.slow_stack)
    if doc is not None and out["status"] == "ok":
        out["chars"] = len(doc.text)
        unsafe = _unsafe_fields(doc, forbidden)
        if unsafe:
            out["unsafe"] = unsafe
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - maxrss0
    if peak_reset:
        grown_kb = max(grown_kb, _status_kb("VmHWM") - rss0)
    out["memory_mb"] = round(grown_kb / 1024, 1)
    del doc
    return out


def _exception(exc: BaseException, status: str) -> dict[str, Any]:
    frames = traceback.extract_tb(exc.__traceback__)
    careermap, inner = _where(frames)
    message = (str(exc).strip().splitlines() or [""])[0][:300]
    return {
        "status": status,
        "exc_type": type(exc).__name__,
        "message": message,
        "at": careermap,
        "inner": inner,
        "traceback": "".join(traceback.format_exception(exc))[-6000:],
    }


# --------------------------------------------------------------------------- worker process


def _use_careermap(folder: str | None) -> None:
    """Import careermap from ``folder`` (which holds the package), not the installed one."""
    if folder:
        sys.path.insert(0, str(Path(folder).resolve()))


_SAMPLE = (
    b"Jane Example\n\nSummary\nData analyst with six years of Python and SQL.\n\n"
    b"Experience\nData Analyst, Acme Corp - Jan 2019 - Present\n- Built dashboards in Tableau.\n"
)


def _worker_main(conn: Connection, config: dict[str, Any], stack_path: str) -> None:
    """Import careermap once, then read inputs from ``conn`` until told to stop."""
    import faulthandler
    import gc
    import logging
    import warnings

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _use_careermap(config["careermap"])
    log = open(config["log"], "a", buffering=1)  # noqa: SIM115 - lives as long as the worker
    os.dup2(log.fileno(), 2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    # where the stack of an input that crashes or sticks in native code is dumped
    stacks = open(stack_path, "w")  # noqa: SIM115 - lives as long as the worker
    faulthandler.enable(stacks)
    warnings.simplefilter("ignore")
    logging.lastResort = None

    from careermap.documents import read
    from careermap.extract import default_lexicon, extract
    from careermap.service import match

    default_lexicon()
    match(extract(read(_SAMPLE, name="warm-up.txt"), semantic=config["semantic"]).profile())
    gc.collect()
    baseline_kb = _status_kb("VmRSS")
    limit = _status_kb("VmSize") * 1024 + 4 * config["memory_mb"] * _MIB
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    clock = _Clock(config["time_limit"], config["hard_limit"])
    track_peak = _reset_peak()
    conn.send({"ready": True, "rss_mb": baseline_kb / 1024})
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        data, name, forbidden = message
        # native code ignores the clock's exception: dump every thread's stack instead
        faulthandler.dump_traceback_later(config["hard_limit"] + 1, file=stacks)
        result = run_one(
            data,
            name,
            semantic=config["semantic"],
            forbidden=forbidden,
            clock=clock,
            track_peak=track_peak,
        )
        faulthandler.cancel_dump_traceback_later()
        del data, message
        rss_kb = _status_kb("VmRSS")
        if rss_kb - baseline_kb > 256 * 1024:
            gc.collect()
            rss_kb = _status_kb("VmRSS")
        result["restart"] = result["status"] in ("hung", "memory") or (
            rss_kb - baseline_kb > config["memory_mb"] * 1024 / 2
        )
        conn.send(result)
        if result["restart"]:
            return


_DUMPED_FRAME = re.compile(r'^\s+File "(?P<file>[^"]+)", line (?P<line>\d+) in (?P<name>\S+)', re.M)


def _dumped_where(path: Path) -> tuple[str, str]:
    """The last careermap frame and innermost frame of a faulthandler dump (main thread)."""
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "", ""
    # one block per Python thread, newest first: the main thread is the last one
    block = re.split(r"\n(?=(?:Current thread|Thread) 0x)", text.strip())[-1]
    frames = [
        traceback.FrameSummary(m["file"], int(m["line"]), m["name"])
        for m in _DUMPED_FRAME.finditer(block)
    ][::-1]  # the dump lists the most recent call first
    return _where(frames) if frames else ("", "")


def _last_error(log: Path) -> str:
    """The last line of the workers' log that names an exception, or where to look."""
    try:
        lines = [ln for ln in log.read_text(errors="replace").splitlines() if ln.strip()]
    except OSError:
        lines = []
    named = [ln for ln in lines if re.match(r"^[\w.]+(?:Error|Exception)\b", ln)]
    return (named or lines or [f"see {log}"])[-1][:300]


class Worker:
    """One worker process, its pipe, and the input it is working on."""

    def __init__(self, context: Any, config: dict[str, Any], number: int, save: Path) -> None:
        self.context = context
        self.config = config
        self.number = number
        self.stack_path = save / f"worker-{number}.stack"
        self.failed_starts = 0
        self._spawn()

    def _spawn(self) -> None:
        self.conn, child = self.context.Pipe()
        self.proc = self.context.Process(
            target=_worker_main,
            args=(child, self.config, str(self.stack_path)),
            daemon=True,
            name=f"careermap-robustness-{self.number}",
        )
        self.proc.start()
        child.close()
        self.ready = False
        self.job: tuple[hostile.Case, bytes] | None = None
        self.sent_at = 0.0
        self.rss0_kb = 0
        self.signalled_at: float | None = None
        self.signal_reason = ""

    def send(self, case: hostile.Case, data: bytes) -> bool:
        self.job = (case, data)
        self.rss0_kb = self.rss_kb()
        self.sent_at = time.monotonic()
        self.signalled_at = None
        self.signal_reason = ""
        try:
            self.conn.send((data, case.filename, case.forbidden))
        except (OSError, BrokenPipeError):
            return False
        return True

    def rss_kb(self) -> int:
        try:
            with open(f"/proc/{self.proc.pid}/statm") as handle:
                return int(handle.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except (OSError, ValueError, IndexError):
            return 0

    def interrupt(self, reason: str) -> None:
        """Past the memory limit, ask the worker to raise where it stands (its own clock does
        that past the time limit); either way, note when, so it can be killed if it does not."""
        if self.signalled_at is None:
            self.signalled_at = time.monotonic()
            self.signal_reason = reason
            if reason == "memory" and self.proc.pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.proc.pid, signal.SIGUSR1)

    def restart(self) -> None:
        self.kill()
        self._spawn()

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.proc.join(2)
        self.kill()
        self.stack_path.unlink(missing_ok=True)


# --------------------------------------------------------------------------- the run


def _builder(cases: list[hostile.Case], out: queue.Queue[Any], stop: threading.Event) -> None:
    """Build inputs ahead of the workers (zlib and zipfile release the GIL while they work)."""
    for case in cases:
        if stop.is_set():
            return
        try:
            item: Any = (case, case.build())
        except Exception as exc:
            item = (case, exc)
        while not stop.is_set():
            try:
                out.put(item, timeout=0.5)
                break
            except queue.Full:
                continue
    out.put(None)


class Runner:
    """Hands inputs to the workers, watches them, and records what each input did."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.save: Path = args.save_failures
        self.results: list[dict[str, Any]] = []
        self.build_errors: list[str] = []
        self.aborted = ""

    def _clear_save_dir(self) -> None:
        self.save.mkdir(parents=True, exist_ok=True)
        formats = "|".join(map(re.escape, hostile.FORMATS))
        ours = re.compile(rf"^\d{{5}}-(?:{formats})-")
        for old in self.save.iterdir():
            if old.is_file() and (ours.match(old.name) or old.name == "failures.json"):
                old.unlink()
        (self.save / "worker.log").write_text("")

    def run(self, cases: list[hostile.Case]) -> dict[str, Any]:
        args = self.args
        self._clear_save_dir()
        config = {
            "semantic": args.semantic,
            "memory_mb": args.memory_mb,
            "time_limit": args.time_limit,
            "hard_limit": args.hard_limit,
            "log": str(self.save / "worker.log"),
            "careermap": str(args.careermap) if args.careermap else None,
        }
        context = multiprocessing.get_context("spawn")
        started = time.monotonic()
        workers = [Worker(context, config, n, self.save) for n in range(args.jobs)]
        built: queue.Queue[Any] = queue.Queue(maxsize=max(4, 2 * args.jobs))
        stop = threading.Event()
        threading.Thread(target=_builder, args=(cases, built, stop), daemon=True).start()
        exhausted = False
        last_progress = started
        waiting: deque[tuple[hostile.Case, bytes]] = deque()
        try:
            while True:
                while not exhausted and len(waiting) < args.jobs:
                    try:
                        item = built.get(timeout=0.02 if waiting else 0.2)
                    except queue.Empty:
                        break
                    if item is None:
                        exhausted = True
                        break
                    case, data = item
                    if isinstance(data, Exception):
                        self.build_errors.append(f"{case.label}: {type(data).__name__}: {data}")
                        continue
                    waiting.append((case, data))
                for w in workers:
                    if w.ready and w.job is None and waiting and not w.send(*waiting.popleft()):
                        self._died(w)
                if self.aborted or (
                    exhausted and not waiting and all(w.job is None for w in workers)
                ):
                    break
                busy = [w for w in workers if w.job is not None or not w.ready]
                for conn in wait([w.conn for w in busy], timeout=0.05):
                    self._receive(next(x for x in workers if x.conn is conn))
                now = time.monotonic()
                for w in workers:
                    self._watch(w, now)
                if now - last_progress > 10:
                    last_progress = now
                    self._progress(len(cases), now - started)
        except KeyboardInterrupt:
            print("\ninterrupted: reporting the inputs done so far", file=sys.stderr)
        finally:
            stop.set()
            for w in workers:
                w.stop()
        report = _summary(args, cases, self.results, self.build_errors, time.monotonic() - started)
        report["aborted"] = self.aborted
        return report

    def _receive(self, w: Worker) -> None:
        try:
            message = w.conn.recv()
        except (EOFError, OSError):
            self._died(w)
            return
        if "ready" in message:
            w.ready = True
            w.failed_starts = 0
            return
        assert w.job is not None
        case, data = w.job
        w.job = None
        self._record(case, data, message)
        if message.get("restart"):
            w.restart()

    def _died(self, w: Worker) -> None:
        """The worker ended without answering: a crash in native code, or killed from outside."""
        w.proc.join(5)
        code = w.proc.exitcode
        if w.job is None:
            w.failed_starts += not w.ready
            if w.failed_starts > _START_TRIES:
                self.aborted = (
                    f"a worker could not start {_START_TRIES} times in a row (exit code {code}):"
                    f" {_last_error(self.save / 'worker.log')}"
                )
                return
            if w.failed_starts > 1:  # careermap itself fails to load: wait for it to be fixed
                print(
                    f"a worker could not start (exit code {code}); trying again in "
                    f"{_START_WAIT_S} s (see {self.save / 'worker.log'})",
                    file=sys.stderr,
                )
                time.sleep(_START_WAIT_S)
            w.restart()
            return
        case, data = w.job
        w.job = None
        name = signal.Signals(-code).name if code is not None and code < 0 else f"exit {code}"
        at, inner = _dumped_where(w.stack_path)
        self._record(
            case,
            data,
            {
                "status": "memory" if w.signal_reason == "memory" else "crash",
                "exc_type": f"WorkerDied({name})",
                "message": f"the worker process ended with {name}",
                "at": at or "(no traceback: native code)",
                "inner": inner,
                "seconds": time.monotonic() - w.sent_at,
                "memory_mb": None,
            },
        )
        w.restart()

    def _watch(self, w: Worker, now: float) -> None:
        """Stop a worker past the hard time limit or the memory limit."""
        if w.job is None:
            return
        elapsed = now - w.sent_at
        grown_mb = (w.rss_kb() - w.rss0_kb) / 1024
        if grown_mb > self.args.memory_mb:
            w.interrupt("memory")
        elif elapsed > self.args.hard_limit:
            w.interrupt("hung")
        if w.signalled_at is None or now - w.signalled_at < _GRACE_S:
            return
        # the worker did not answer its own interruption (stuck in native code): kill it
        w.proc.kill()
        w.proc.join(5)
        case, data = w.job
        w.job = None
        status = w.signal_reason
        at, inner = _dumped_where(w.stack_path)
        self._record(
            case,
            data,
            {
                "status": status,
                "exc_type": "Killed",
                "message": (
                    f"still running after {elapsed:.0f} s, stuck in native code"
                    if status == "hung"
                    else f"grew by {grown_mb:.0f} MB and did not stop"
                ),
                "at": at or "(no traceback: native code)",
                "inner": inner,
                "seconds": elapsed,
                "memory_mb": round(grown_mb, 1) if status == "memory" else None,
            },
        )
        w.restart()

    def _record(self, case: hostile.Case, data: bytes, result: dict[str, Any]) -> None:
        result.update(
            case=case.label,
            index=case.index,
            format=case.format,
            family=case.family,
            kind=case.kind,
            size=len(data),
        )
        status = result["status"]
        if status in ("ok", "clean") and result.get("unsafe"):
            status = "unsafe"
        elif status in ("ok", "clean") and result["seconds"] > self.args.time_limit:
            status = "slow"
        result["outcome"] = result["status"]
        result["status"] = status
        if status in FAILING:
            path = self.save / case.filename
            path.write_bytes(data)
            result["file"] = str(path)
        else:
            result.pop("traceback", None)
        self.results.append(result)

    def _progress(self, total: int, elapsed: float) -> None:
        counts = Counter(r["status"] for r in self.results)
        shown = ", ".join(f"{s} {counts[s]}" for s in STATUSES if counts[s])
        done = len(self.results)
        print(f"[{done:>6}/{total}] {elapsed:6.0f} s  {shown}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- the report


def signature(r: dict[str, Any]) -> str:
    """What makes two failures the same: the kind, the exception type, the careermap frame."""
    status = r["status"]
    if status in ("crash", "memory", "hung"):
        at = re.sub(r":\d+$", "", r.get("at") or "")
        return f"{status}: {r.get('exc_type')} at {at}"
    if status == "unsafe":
        fields = sorted({u.split("=", 1)[0] for u in r["unsafe"]})
        return f"unsafe: {', '.join(fields)} ({r['format']})"
    if status == "slow":
        at = re.sub(r":\d+$", "", r.get("slow_at") or "(finished before the stack was sampled)")
        return f"slow: at {at}"
    return str(status)


def _row(rs: list[dict[str, Any]]) -> dict[str, Any]:
    counts = Counter(r["status"] for r in rs)
    big = [r for r in rs if r["size"] >= 10_000]
    return {
        "inputs": len(rs),
        **{s: counts[s] for s in STATUSES},
        "mean_s": round(sum(r["seconds"] for r in rs) / max(len(rs), 1), 4),
        "worst_s": round(max((r["seconds"] for r in rs), default=0.0), 3),
        "worst_s_per_100kb": round(
            max((r["seconds"] / (r["size"] / _KB100) for r in big), default=0.0), 3
        ),
        "worst_per_100kb_case": max(
            big, key=lambda r: r["seconds"] / (r["size"] / _KB100), default={}
        ).get("case"),
        "worst_case": max(rs, key=lambda r: r["seconds"], default={}).get("case"),
    }


def _summary(args: argparse.Namespace, cases: list[hostile.Case], results: list[dict[str, Any]],
             build_errors: list[str], wall: float) -> dict[str, Any]:  # fmt: skip
    by_format: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in results:
        by_format[r["format"]].append(r)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in results:
        if r["status"] in FAILING:
            groups[signature(r)].append(r)
    signatures = []
    for sig, rs in sorted(groups.items(), key=lambda kv: (FAILING.index(kv[1][0]["status"]),
                                                          -len(kv[1]))):  # fmt: skip
        first = min(rs, key=lambda r: (r["size"], r["index"]))
        signatures.append(
            {
                "signature": sig,
                "status": first["status"],
                "count": len(rs),
                "formats": dict(Counter(r["format"] for r in rs)),
                "example": first["case"],
                "example_file": first.get("file"),
                "message": first.get("message") or "; ".join(first.get("unsafe", [])),
                "at": first.get("at") or first.get("slow_at"),
                "inner": first.get("inner") or first.get("slow_inner"),
                "cases": sorted({r["case"] for r in rs})[:20],
                "worst_s": round(max(r["seconds"] for r in rs), 2),
            }
        )
    failures = [
        {k: r.get(k) for k in ("case", "status", "outcome", "seconds", "size", "memory_mb",
                               "exc_type", "message", "at", "inner", "slow_at", "unsafe",
                               "file", "traceback")}
        for r in results
        if r["status"] in FAILING
    ]  # fmt: skip
    for f in failures:
        f["signature"] = signature(next(r for r in results if r["case"] == f["case"]))
    clean = Counter(r.get("error_class") for r in results if r.get("outcome") == "clean")
    report = {
        "config": {
            "n": args.n,
            "seed": args.seed,
            "formats": list(args.formats),
            "jobs": args.jobs,
            "time_limit_s": args.time_limit,
            "hard_limit_s": args.hard_limit,
            "memory_mb": args.memory_mb,
            "semantic": args.semantic,
            "only": args.only,
            "careermap": str(args.careermap) if args.careermap else "installed",
        },
        "planned": len(cases),
        "done": len(results),
        "wall_s": round(wall, 1),
        "formats": {f: _row(by_format[f]) for f in args.formats if by_format[f]},
        "total": _row(results),
        "clean_errors": dict(clean.most_common()),
        "signatures": signatures,
        "build_errors": build_errors,
        "failures": failures,
    }
    (args.save_failures / "failures.json").write_text(json.dumps(report, indent=1, default=str))
    return report


def _shown(text: str) -> str:
    """``text`` safe to print: line breaks and control characters written as escapes."""
    return UNSAFE.sub(lambda m: repr(m.group())[1:-1], text.replace("\n", "\\n"))


def print_table(report: dict[str, Any]) -> None:
    c = report["config"]
    print(
        f"careermap robustness: {report['done']} of {report['planned']} inputs, seed {c['seed']},"
        f" {c['jobs']} jobs, time limit {c['time_limit_s']:g} s, hard limit {c['hard_limit_s']:g}"
        f" s, memory {c['memory_mb']} MB, semantic {'on' if c['semantic'] else 'off'},"
        f" careermap {c['careermap']}"
    )
    head = (
        f"{'format':<9} {'inputs':>6} {'ok':>6} {'clean':>6} {'crash':>5} {'slow':>4} {'hung':>4}"
        f" {'overmem':>7} {'unsafe':>6} {'mean s':>7} {'worst s':>8} {'worst s/100KB':>13}"
    )
    print(head)
    print("-" * len(head))
    rows = [*report["formats"].items(), ("total", report["total"])]
    for name, row in rows:
        if name == "total":
            print("-" * len(head))
        print(
            f"{name:<9} {row['inputs']:>6} {row['ok']:>6} {row['clean']:>6} {row['crash']:>5}"
            f" {row['slow']:>4} {row['hung']:>4} {row['memory']:>7} {row['unsafe']:>6}"
            f" {row['mean_s']:>7.3f} {row['worst_s']:>8.2f} {row['worst_s_per_100kb']:>13.3f}"
        )
    print(
        "(each input counts once, in the first of: hung, over memory, crash, unsafe, slow, "
        "clean error, ok; s/100KB over inputs of at least 10 KB)"
    )
    t = report["total"]
    print(f"slowest input: {t['worst_case']} ({t['worst_s']:.2f} s); slowest per 100 KB: "
          f"{t['worst_per_100kb_case']} ({t['worst_s_per_100kb']:.3f} s)")  # fmt: skip
    clean = ", ".join(f"{k} {v}" for k, v in report["clean_errors"].items())
    print(f"clean errors by class (slow or unsafe ones included): {clean or 'none'}")
    sigs = report["signatures"]
    print(f"\ndistinct failures: {len(sigs)}")
    for s in sigs:
        formats = ", ".join(f"{f} {n}" for f, n in s["formats"].items())
        print(f"  {s['count']:>5} x {_shown(s['signature'])}")
        print(f"          e.g. {s['example']} [{formats}]; worst {s['worst_s']:.2f} s")
        detail = s["message"] or ""
        if s.get("inner") and s["inner"] != s.get("at"):
            detail = f"{detail} (innermost {s['inner']})" if detail else f"innermost {s['inner']}"
        if detail:
            print(f"          {_shown(detail)[:220]}")
    for error in report["build_errors"]:
        print(f"  bench could not build {_shown(error)}")
    if report.get("aborted"):
        print(f"\nstopped early: {report['aborted']}")
    per_s = report["done"] / max(report["wall_s"], 1e-9)
    print(f"\nwall time: {report['wall_s']:.1f} s ({per_s:.1f} inputs/s)")


# --------------------------------------------------------------------------- replay


def _forbidden_for(filename: str) -> str | None:
    """The forbidden text of the structural case a saved file's name says it is, if any."""
    for fmt in sorted(hostile.FORMATS, key=len, reverse=True):
        match = re.match(rf"^\d{{5}}-{re.escape(fmt)}-(.+)\.[a-z]+$", filename)
        if match:
            if match[1].startswith(("seed-", "mutate-")):
                return None
            found = [f for n, _, f in hostile.structural_cases(fmt) if n == match[1]]
            return found[0] if found else None
    return None


def replay(args: argparse.Namespace) -> int:
    """Run one saved input here, printing what happened and, for an exception, the traceback."""
    path = Path(args.replay)
    data = path.read_bytes()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _use_careermap(args.careermap)
    from careermap.extract import default_lexicon

    default_lexicon()
    clock = _Clock(args.time_limit, args.hard_limit)
    forbidden = _forbidden_for(path.name)
    # stuck in native code past the hard limit: print every thread's stack and stop
    faulthandler.dump_traceback_later(args.hard_limit + 5, exit=True)
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    result = run_one(
        data, path.name, semantic=args.semantic, forbidden=forbidden, clock=clock, track_peak=True
    )
    faulthandler.cancel_dump_traceback_later()
    if profiler is not None:
        profiler.disable()
    seconds = result["seconds"]
    status = result["status"]
    if status in ("ok", "clean") and result.get("unsafe"):
        status = "unsafe"
    elif status in ("ok", "clean") and seconds > args.time_limit:
        status = "slow"
    outcome = "" if status == result["status"] else f" ({result['status']})"
    print(f"{path.name}: {status}{outcome} in {seconds:.3f} s, {len(data)} bytes, "
          f"memory +{result['memory_mb']} MB")  # fmt: skip
    if result.get("error_class"):
        print(f"{result['error_class']}: {result['message']}")
    if result.get("unsafe"):
        print("unsafe: " + "; ".join(result["unsafe"]))
    if result.get("slow_at"):
        print(f"past the time limit at {result['slow_at']} (innermost {result['slow_inner']})")
    if result.get("traceback"):
        print(result["traceback"], end="")
    if profiler is not None:
        import pstats

        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0 if status in ("ok", "clean") else 1


# --------------------------------------------------------------------------- command line


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=12_000, help="inputs in all (default 12000)")
    p.add_argument("--seed", type=int, default=0, help="the same seed makes the same inputs")
    p.add_argument("--formats", default=",".join(hostile.FORMATS),
                   help=f"comma-separated, from {','.join(hostile.FORMATS)}")  # fmt: skip
    p.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--time-limit", type=float, default=2.0, help="slow past this (s)")
    p.add_argument("--hard-limit", type=float, default=20.0, help="hung past this (s)")
    p.add_argument("--memory-mb", type=int, default=1500, help="most growth per input (MB)")
    p.add_argument("--semantic", action="store_true", help="extract with the semantic stage")
    p.add_argument("--save-failures", type=Path, default=DEFAULT_SAVE, metavar="DIR",
                   help="where failing inputs go (default bench/results/robustness/)")  # fmt: skip
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--only", default=None, metavar="REGEX", help="run only the cases whose label "
                   "(format/name) matches, e.g. 'pdf/flate' or '/(?!mutate)'")  # fmt: skip
    p.add_argument("--careermap", type=Path, default=None, metavar="DIR",
                   help="test the careermap package found in DIR (e.g. a `git archive` of a "
                   "commit's src/) instead of the installed one")  # fmt: skip
    p.add_argument("--replay", default=None, metavar="FILE", help="run one saved input")
    p.add_argument("--profile", action="store_true", help="with --replay: where time went")
    args = p.parse_args(argv)
    args.formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    unknown = [f for f in args.formats if f not in hostile.FORMATS]
    if unknown:
        p.error(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(hostile.FORMATS)}")
    if args.n < 1 or args.jobs < 1 or args.time_limit <= 0 or args.hard_limit <= 0:
        p.error("--n, --jobs, --time-limit and --hard-limit must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.replay:
        return replay(args)
    cases = hostile.generate(args.n, args.seed, args.formats)
    if args.only:
        wanted = re.compile(args.only)
        cases = [c for c in cases if wanted.search(c.label)]
    print(f"{len(cases)} inputs over {', '.join(args.formats)}; {args.jobs} workers starting",
          file=sys.stderr)  # fmt: skip
    report = Runner(args).run(cases)
    if args.json:
        shown = {k: v for k, v in report.items() if k != "failures"}
        shown["failures"] = [{k: v for k, v in f.items() if k != "traceback"}
                             for f in report["failures"]]  # fmt: skip
        print(json.dumps(shown, indent=1, default=str))
    else:
        print_table(report)
        print(f"failing inputs and failures.json: {args.save_failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
