"""careermap's core runs inside a server: threads reading different people at once agree with
one thread reading them in turn.

Each worker reads a résumé with the real embedding model (the semantic stage), builds its
profile and ranks the roles; the runtime is dropped first so that the lazy loading of the
knowledge base, lexicon and model also happens under contention.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from careermap import service
from careermap.runtime import reset_runtime

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 6, 1)


def _resumes() -> list[Path]:
    panel = sorted((ROOT / "bench" / "personas" / "panel").glob("*/source.md"))
    return [ROOT / "examples" / "resume.md", *panel[:7]]


def _advice(path: Path) -> dict[str, Any]:
    person = service.read_person(path, today=TODAY)
    report = service.match(person.profile)
    return {
        "profile": person.profile.model_dump(mode="json"),
        "mentions": [(m.skill_id, m.start, m.end) for m in person.extraction.mentions],
        "ranking": report.model_dump(mode="json"),
    }


def test_eight_threads_give_exactly_the_serial_results() -> None:
    resumes = _resumes()
    assert len(resumes) == 8
    serial = {path.name + str(i): _advice(path) for i, path in enumerate(resumes)}

    reset_runtime()
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(_advice, resumes))

    for (key, expected), got in zip(serial.items(), threaded, strict=True):
        assert got["mentions"] == expected["mentions"], key
        assert got["profile"] == expected["profile"], key
        assert got["ranking"] == expected["ranking"], key
    # different people really were read: the threads did not all return one answer
    assert len({str(r["ranking"]["matches"][0]) for r in threaded}) > 1


def test_the_same_resume_in_many_threads_at_once() -> None:
    path = ROOT / "examples" / "resume.md"
    expected = _advice(path)
    reset_runtime()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(_advice, [path] * 8))
    assert all(r == expected for r in results)
