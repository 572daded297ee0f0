"""The REST API as a program (or a browser) uses it: every endpoint, both modes, sessions,
CSRF, the sign-in rate limit, one error shape, upload limits, logs without résumé text,
and one person never reaching another's data. Real components throughout: the FastAPI app
in-process over a temp SQLite store, the real knowledge base, extraction and planner."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from icalendar import Calendar

from careermap.api import create_app
from careermap.api.middleware import CSP
from careermap.errors import CareermapError, UnknownIdError
from careermap.service import read_person
from careermap.store import Store

REPO = Path(__file__).resolve().parent.parent
RESUME = REPO / "examples" / "resume.md"
ANSWERS = REPO / "examples" / "quiz-answers.yaml"
PASSWORD = "a long enough password"
MARKER = "Zanzibar-Quokka-4471"  # résumé text that must never reach a log line


# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def profile() -> dict[str, Any]:
    """The example résumé's profile, read once for the module (as /read returns it)."""
    return read_person(RESUME).profile.model_dump(mode="json")


@pytest.fixture(scope="module")
def answers() -> dict[str, Any]:
    import yaml

    loaded: dict[str, Any] = yaml.safe_load(ANSWERS.read_text())
    return loaded


def token(client: TestClient) -> dict[str, str]:
    """The CSRF header for the client's current session (or its double-submit cookie)."""
    r = client.get("/api/v1/csrf")
    assert r.status_code == 200
    return {"X-CSRF-Token": r.json()["csrf_token"]}


def signed_in(
    app_client: TestClient, store: Store, email: str, role: str = "learner"
) -> TestClient:
    """A new browser (own cookies) signed in as a new user with ``role``."""
    store.create_user(email, PASSWORD, role)  # type: ignore[arg-type]
    client = TestClient(app_client.app, base_url="http://127.0.0.1")
    r = client.post(
        "/api/v1/auth/signin", json={"email": email, "password": PASSWORD}, headers=token(client)
    )
    assert r.status_code == 200, r.text
    return client


def error_of(r: Any) -> dict[str, Any]:
    body = r.json()
    assert set(body) == {"error"}, body
    assert {"code", "message", "hint"} <= set(body["error"]), body
    detail: dict[str, Any] = body["error"]
    return detail


def read_text(client: TestClient, text: str, **params: Any) -> dict[str, Any]:
    r = client.post("/api/v1/read", json={"text": text}, params=params, headers=token(client))
    assert r.status_code == 201, r.text
    data: dict[str, Any] = r.json()
    return data


def save_plan(client: TestClient, profile_id: int, role: str = "genai-engineer") -> dict[str, Any]:
    r = client.post(
        "/api/v1/plans",
        json={"profile_id": profile_id, "role": role, "options": {"hours_per_week": 10}},
        headers=token(client),
    )
    assert r.status_code == 201, r.text
    data: dict[str, Any] = r.json()
    return data


def plan_skills(plan: dict[str, Any]) -> set[str]:
    return {s["ref"] for s in plan["steps"] if s["kind"] == "skill"}


# ---------------------------------------------------------------- the pipeline


def test_every_response_carries_the_security_headers(local: TestClient) -> None:
    for path in ("/api/v1/roles", "/api/v1/nothing-here", "/api/v1/openapi.json", "/"):
        r = local.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert "'unsafe-inline'" not in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["x-frame-options"] == "DENY"
    assert local.get("/api/v1/roles").headers["cache-control"] == "no-store"


def test_no_cdn_pages_and_the_openapi_document_is_served(local: TestClient) -> None:
    assert local.get("/docs").status_code == 404
    assert local.get("/redoc").status_code == 404
    doc = local.get("/api/v1/openapi.json").json()
    assert doc["info"]["title"] == "careermap"
    assert {"/api/v1/read", "/api/v1/match", "/api/v1/plans/{plan_id}/export.{fmt}"} <= set(
        doc["paths"]
    )
    # the upload routes take a file or JSON, and say so
    body = doc["paths"]["/api/v1/read"]["post"]["requestBody"]["content"]
    assert {"multipart/form-data", "application/json"} <= set(body)
    assert "ErrorBody" in doc["components"]["schemas"]
    assert not any(p.startswith("/api/v1/auth") for p in doc["paths"])  # local mode


def test_local_mode_answers_only_on_loopback_names(store: Store) -> None:
    app = create_app(store=store)
    for base in ("http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"):
        assert TestClient(app, base_url=base).get("/api/v1/roles").status_code == 200, base
    evil = TestClient(app, base_url="http://rebind.example.com")
    r = evil.get("/api/v1/profiles")
    assert r.status_code == 400 and "loopback" in error_of(r)["message"]
    # a server with accounts sits behind its own proxy: any name
    served = TestClient(create_app(accounts=True, store=store), base_url="http://careers.example")
    assert served.get("/api/v1/roles").status_code == 200


# ---------------------------------------------------------------- one error shape


def _instances() -> list[CareermapError]:
    """One instance of every careermap error class (the API's own ones included)."""
    import careermap.api.errors  # noqa: F401 - its classes join the tree
    from careermap.accounts import SignInRateLimitedError

    def subclasses(cls: type[CareermapError]) -> list[type[CareermapError]]:
        out = [cls]
        for sub in cls.__subclasses__():
            out += subclasses(sub)
        return out

    made: list[CareermapError] = []
    for cls in dict.fromkeys(subclasses(CareermapError)):
        if cls is UnknownIdError:
            made.append(UnknownIdError("role", "nope", ["genai-engineer"]))
        elif issubclass(cls, SignInRateLimitedError):
            made.append(cls(retry_after=90))
        else:
            made.append(cls("something went wrong.", hint="Do this next."))
    return made


def test_every_error_class_answers_its_status_in_the_one_shape(store: Store) -> None:
    app = create_app(store=store)
    errors = {type(e).__name__: e for e in _instances()}
    assert len(errors) >= 17

    def raiser(name: str) -> None:
        raise errors[name]

    app.add_api_route("/api/v1/test-raise/{name}", raiser, methods=["GET"])
    client = TestClient(app, base_url="http://127.0.0.1")
    for name, error in errors.items():
        r = client.get(f"/api/v1/test-raise/{name}")
        assert r.status_code == error.http_status, name
        assert r.json() == error.to_dict(), name
        assert r.headers["content-type"] == "application/json", name
    limited = client.get("/api/v1/test-raise/SignInRateLimitedError")
    assert limited.headers["retry-after"] == "90"


def test_framework_errors_come_in_the_same_shape(local: TestClient) -> None:
    r = local.get("/api/v1/no/such/route")
    assert r.status_code == 404 and error_of(r)["code"] == "not_found"
    r = local.put("/api/v1/roles", headers=token(local))
    assert r.status_code == 405 and error_of(r)["code"] == "method_not_allowed"
    r = local.post("/api/v1/match", json={"profile_id": "seven"})
    assert r.status_code == 422 and error_of(r)["code"] == "invalid_input"
    assert "profile_id" in error_of(r)["message"]
    r = local.post(
        "/api/v1/match", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert r.status_code == 422 and error_of(r)["code"] == "invalid_input"
    r = local.get("/api/v1/plans/0/export.md")
    assert r.status_code == 422 and error_of(r)["code"] == "invalid_input"
    r = local.get("/api/v1/plans/1/export.pdf")
    assert r.status_code == 422 and "fmt" in error_of(r)["message"]


def test_the_api_never_answers_an_html_page(local: TestClient) -> None:
    for path in ("/api/v1/nope", "/api/nope", "/cal/unknown.ics", "/api/v1/roles/zz"):
        r = local.get(path)
        assert r.status_code == 404 and r.headers["content-type"] == "application/json", path
        assert "<html" not in r.text.lower() and error_of(r)["code"] in ("not_found", "unknown_id")


def test_an_unexpected_failure_is_a_500_without_its_message(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(store=store)

    def broken() -> None:
        raise RuntimeError(f"failed while reading {MARKER}")

    app.add_api_route("/api/v1/test-broken", broken, methods=["GET"])
    client = TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False)
    with caplog.at_level(logging.DEBUG):
        r = client.get("/api/v1/test-broken")
    assert r.status_code == 500
    assert error_of(r)["code"] == "internal_error"
    assert MARKER not in r.text and "Traceback" not in r.text
    assert r.headers["content-security-policy"] == CSP
    assert "RuntimeError" in caplog.text  # the log says what failed, and where...
    assert MARKER not in caplog.text  # ...but not the message, which may quote a document


# ---------------------------------------------------------------- upload limits


def _asgi(
    app: FastAPI, headers: list[tuple[bytes, bytes]], chunks: list[bytes]
) -> tuple[int, dict[str, Any], int]:
    """Send one request straight to the ASGI app; (status, JSON body, chunks it read)."""
    read = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal read
        if read < len(chunks):
            read += 1
            return {
                "type": "http.request",
                "body": chunks[read - 1],
                "more_body": read < len(chunks),
            }
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/v1/read",
        "raw_path": b"/api/v1/read",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), *headers],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }
    asyncio.run(app(scope, receive, send))  # type: ignore[arg-type]
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], json.loads(body), read


def test_a_20_mb_upload_is_refused_before_a_byte_is_read(store: Store) -> None:
    app = create_app(store=store)
    size = 20 * 1024 * 1024
    headers = [
        (b"content-type", b"multipart/form-data; boundary=x"),
        (b"content-length", str(size).encode()),
    ]
    status, body, read = _asgi(app, headers, [b"x" * 1024] * 8)
    assert status == 413 and body["error"]["code"] == "too_large"
    assert "10 MiB" in body["error"]["message"]
    assert read == 0  # answered from the Content-Length alone


def test_a_streamed_upload_without_length_stops_at_the_limit(store: Store) -> None:
    app = create_app(store=store)
    chunk = b"y" * (1024 * 1024)
    csrf = [(b"cookie", b"careermap_csrf=t0k3n"), (b"x-csrf-token", b"t0k3n")]
    status, body, read = _asgi(app, [(b"content-type", b"application/json"), *csrf], [chunk] * 20)
    assert status == 413 and body["error"]["code"] == "too_large"
    assert read == 11  # 10 MiB and the room for framing, then no further


def test_the_limit_follows_the_setting(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from careermap.runtime import get_runtime, reset_runtime

    monkeypatch.setenv("CAREERMAP_MAX_DOCUMENT_MB", "1")
    reset_runtime(type(get_runtime())(parent=get_runtime()))
    client = TestClient(create_app(store=store), base_url="http://127.0.0.1")
    big = "Python and SQL. " * (2 * 1024 * 1024 // 16)
    r = client.post("/api/v1/read", json={"text": big}, headers=token(client))
    assert r.status_code == 413 and "1 MiB" in error_of(r)["message"]
    r = client.put("/api/v1/progress", content=b"[" * (2 * 1024 * 1024), headers=token(client))
    assert r.status_code == 413


# ---------------------------------------------------------------- documents


def test_read_an_upload_into_a_saved_profile(local: TestClient) -> None:
    r = local.post(
        "/api/v1/read",
        files={"file": ("resume.md", RESUME.read_bytes(), "application/octet-stream")},
        headers=token(local),
    )
    assert r.status_code == 201, r.text
    data = r.json()
    skills = data["profile"]["skills"]
    assert {"python", "sql", "fastapi"} <= set(skills)
    assert any("FastAPI" in e["text"] for e in skills["fastapi"]["evidence"])
    assert "kubernetes" in data["profile"]["denied"]  # "No experience with Kubernetes"
    assert data["profile"]["degrees"] and data["profile"]["goal"] is not None
    assert data["document"]["name"] == "resume.md" and data["document"]["format"] == "markdown"
    assert "experience" in data["document"]["sections"]
    assert data["kept_document"] is False
    saved = local.get("/api/v1/profiles").json()
    assert [p["id"] for p in saved] == [data["profile_id"]]
    assert saved[0]["has_document"] is False and saved[0]["skills"] == len(skills)
    one = local.get(f"/api/v1/profiles/{data['profile_id']}").json()
    assert one["profile"] == data["profile"]


def test_keep_document_stores_the_bytes(local: TestClient) -> None:
    data = read_text(local, RESUME.read_text(), keep_document="true")
    assert data["kept_document"] is True
    export = json.loads(local.get("/api/v1/me/export").content)
    kept = json.dumps(export)
    assert base64.b64encode(RESUME.read_bytes()).decode()[:40] in kept


def test_read_refuses_what_it_cannot_read(local: TestClient) -> None:
    headers = token(local)
    r = local.post(
        "/api/v1/read", files={"file": ("cv.pdf", b"\x00\x01binary" * 50)}, headers=headers
    )
    assert r.status_code == 422 and error_of(r)["code"] == "document_error"
    r = local.post("/api/v1/read", json={"text": ""}, headers=headers)
    assert r.status_code == 422
    r = local.post("/api/v1/read", json={"txt": "Python"}, headers=headers)
    assert r.status_code == 422
    r = local.post(
        "/api/v1/read", content=b"Python", headers={**headers, "content-type": "text/plain"}
    )
    assert r.status_code == 415 and error_of(r)["code"] == "unsupported_media_type"
    assert local.get("/api/v1/profiles").json() == []  # nothing saved from a failure


def test_a_hostile_resume_comes_back_as_data(local: TestClient) -> None:
    hostile = (
        "# <script>alert('x')</script> Mallory\n\n## Skills\n\n"
        "Python <img src=x onerror=alert(1)>, SQL, [docs](javascript:alert(2)), "
        '<a href="javascript:alert(3)" onclick="steal()">FastAPI</a>, '
        "[bold red]Docker[/bold red] \x1b[31mpandas\x1b[0m\n\n"
        "## Experience\n\nBuilt REST APIs in FastAPI and Python for five years.\n"
    )
    r = local.post(
        "/api/v1/read",
        json={"text": hostile, "name": "<img src=x onerror=alert(4)>.md"},
        headers=token(local),
    )
    assert r.status_code == 201, r.text
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    data = r.json()
    assert {"python", "sql"} <= set(data["profile"]["skills"])
    evidence = json.dumps(data["profile"])
    assert "onerror=alert(1)" in evidence  # kept verbatim, as text inside JSON strings
    assert data["document"]["name"] == "<img src=x onerror=alert(4)>.md"  # data, as given
    named = local.post(
        "/api/v1/read",
        files={"file": ("C:\\Users\\me\\cv\x1b[2J.md", hostile.encode())},
        headers=token(local),
    )
    assert named.json()["document"]["name"] == "cv[2J.md"  # no path, no control characters


def test_no_resume_text_in_any_log_line(
    local: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    text = RESUME.read_text().replace("Strong Python and SQL", f"Strong Python and SQL at {MARKER}")
    with caplog.at_level(logging.DEBUG):
        r = local.post(
            "/api/v1/read?keep_document=true",
            files={"file": ("cv.md", text.encode())},
            headers=token(local),
        )
        assert r.status_code == 201 and MARKER in r.text
        local.post("/api/v1/read", json={"text": f"{MARKER} knows nothing"}, headers=token(local))
        local.post("/api/v1/start", json={"text": text}, headers=token(local))
    assert MARKER not in caplog.text
    access = [r.getMessage() for r in caplog.records if r.name == "careermap.access"]
    assert any(line.startswith("POST /api/v1/read 201") for line in access), access
    assert all("keep_document" not in line for line in access)  # no query strings either


# ---------------------------------------------------------------- quiz, match, gap, plan


def test_quiz_items_and_score(local: TestClient, answers: dict[str, Any]) -> None:
    items = local.get("/api/v1/quiz/items").json()
    assert len(items["interests"]) == 30 and items["scales"]["interest"]["labels"]
    r = local.post("/api/v1/quiz/score", json={"answers": answers})
    assert r.status_code == 200, r.text
    data = r.json()
    assert len(data["holland_code"]) == 3
    ranked = data["report"]["matches"]
    assert len(ranked) == 12 and ranked[0]["score"] >= ranked[-1]["score"]
    bad = local.post("/api/v1/quiz/score", json={"answers": {**answers, "r1": 9}})
    assert bad.status_code == 422 and "r1" in error_of(bad)["message"]
    # JSON true is no answer, though Python counts it as 1
    yes = local.post("/api/v1/match", json={"answers": {**answers, "a4": True}})
    assert yes.status_code == 422 and "a4" in error_of(yes)["message"], yes.text


def test_match_gap_and_plan_from_a_profile(
    local: TestClient, profile: dict[str, Any], answers: dict[str, Any]
) -> None:
    r = local.post("/api/v1/match", json={"profile": profile})
    assert r.status_code == 200, r.text
    matches = r.json()["matches"]
    assert len(matches) == 12 and matches[0]["reasons"]
    both = local.post("/api/v1/match", json={"profile": profile, "answers": answers}).json()
    assert "interests" in both["components_used"]
    gap = local.post("/api/v1/gap", json={"profile": profile, "role": "genai-engineer"}).json()
    assert gap["role"] == "genai-engineer" and gap["needs"]
    assert "python" not in {n["skill"] for n in gap["needs"]}
    plan = local.post(
        "/api/v1/plan",
        json={
            "profile": profile,
            "role": "GenAI Engineer",
            "options": {"hours_per_week": 6, "start": "2027-01-04"},
        },
    ).json()
    assert plan["role"] == "genai-engineer" and plan["start"] == "2027-01-04"
    assert plan["hours_per_week"] == 6 and plan["steps"] and plan["milestones"]
    assert local.get("/api/v1/plans").json() == []  # /plan saves nothing


def test_person_input_mistakes_are_clear(local: TestClient, profile: dict[str, Any]) -> None:
    r = local.post("/api/v1/gap", json={"profile": profile, "role": "astronaut"})
    assert r.status_code == 404 and error_of(r)["code"] == "unknown_id"
    r = local.post("/api/v1/match", json={"profile": profile, "profile_id": 1})
    assert r.status_code == 422 and "not both" in error_of(r)["message"]
    wrong = json.loads(json.dumps(profile))
    wrong["skills"]["pythn"] = {**wrong["skills"]["python"], "skill": "pythn"}
    r = local.post("/api/v1/match", json={"profile": wrong})
    assert r.status_code == 404 and "python" in error_of(r)["hint"]
    r = local.post(
        "/api/v1/plan",
        json={"profile": profile, "role": "genai-engineer", "options": {"hours_per_week": 0}},
    )
    assert r.status_code == 422 and "hours_per_week" in error_of(r)["message"]


def test_start_does_everything_from_an_upload_or_text(
    local: TestClient, answers: dict[str, Any]
) -> None:
    r = local.post(
        "/api/v1/start",
        files={"file": ("resume.md", RESUME.read_bytes())},
        data={"options": json.dumps({"hours_per_week": 5}), "answers": json.dumps(answers)},
        headers=token(local),
    )
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["target"]["role"] == "genai-engineer" and data["target"]["why"] == "goal"
    assert data["plan"]["hours_per_week"] == 5 and data["this_week"]
    assert data["pay"]["median"] > 0 and data["mentions"] and data["document"]["pages"] is None
    assert "interests" in data["report"]["components_used"]
    assert data["profile_id"] and data["plan_id"]
    cal = TestClient(local.app, base_url="http://127.0.0.1").get(data["calendar_url"])
    assert cal.status_code == 200 and cal.headers["content-type"].startswith("text/calendar")
    quiz_only = local.post(
        "/api/v1/start", json={"answers": answers, "save": False}, headers=token(local)
    ).json()
    assert quiz_only["document"] is None and quiz_only["plan_id"] is None
    r = local.post("/api/v1/start", json={"options": {}}, headers=token(local))
    assert r.status_code == 422


# ---------------------------------------------------------------- saved plans and progress


def test_saved_plans_exports_and_calendar(local: TestClient) -> None:
    pid = read_text(local, RESUME.read_text())["profile_id"]
    saved = save_plan(local, pid)
    assert local.get("/api/v1/plans").json()[0]["id"] == saved["id"]
    assert local.get(f"/api/v1/plans/{saved['id']}").json()["plan"] == saved["plan"]
    kinds = {
        "md": "text/markdown",
        "json": "application/json",
        "ics": "text/calendar",
        "html": "text/html",
    }
    for fmt, kind in kinds.items():
        r = local.get(f"/api/v1/plans/{saved['id']}/export.{fmt}")
        assert r.status_code == 200 and r.headers["content-type"].startswith(kind), fmt
        assert r.headers["content-disposition"].startswith("attachment"), fmt
        assert saved["plan"]["role_title"] in r.text or fmt == "ics", fmt
    assert (
        json.loads(local.get(f"/api/v1/plans/{saved['id']}/export.json").text)["role"]
        == "genai-engineer"
    )
    feed = TestClient(local.app, base_url="http://127.0.0.1").get(saved["calendar_url"])
    assert feed.status_code == 200
    assert Calendar.from_ical(feed.content).walk("VEVENT")
    assert (
        TestClient(local.app, base_url="http://127.0.0.1").get("/cal/not-a-token.ics").status_code
        == 404
    )
    r = local.delete(f"/api/v1/plans/{saved['id']}", headers=token(local))
    assert r.status_code == 204
    assert local.get(saved["calendar_url"]).status_code == 404


def test_progress_replans_saved_plans_and_moves_the_scores(local: TestClient) -> None:
    pid = read_text(local, RESUME.read_text())["profile_id"]
    saved = save_plan(local, pid)
    before = plan_skills(saved["plan"])
    skill = next(iter(sorted(before)))
    feed_before = local.get(saved["calendar_url"]).text
    score_before = local.post("/api/v1/match", json={"profile_id": pid}).json()
    r = local.put("/api/v1/progress", json={skill: "advanced"}, headers=token(local))
    assert r.status_code == 200, r.text
    assert r.json() == {"progress": {skill: "advanced"}, "replanned": [saved["id"]]}
    after = local.get(f"/api/v1/plans/{saved['id']}").json()["plan"]
    assert skill not in plan_skills(after) and skill in after["progress"]
    assert local.get(saved["calendar_url"]).text != feed_before  # the subscription follows
    score_after = local.post("/api/v1/match", json={"profile_id": pid}).json()
    assert score_after != score_before
    assert local.get("/api/v1/progress").json()["progress"] == {skill: "advanced"}
    cleared = local.put("/api/v1/progress", json={skill: None}, headers=token(local)).json()
    assert cleared["progress"] == {}
    back = local.get(f"/api/v1/plans/{saved['id']}").json()["plan"]
    assert skill in plan_skills(back)  # un-ticking brings the skill back into the plan
    r = local.put("/api/v1/progress", json={"not-a-skill": "advanced"}, headers=token(local))
    assert r.status_code == 404 and error_of(r)["code"] == "unknown_id"
    r = local.put("/api/v1/progress", json={"python": "expert"}, headers=token(local))
    assert r.status_code == 422


def test_quiz_answers_are_saved_for_the_person(local: TestClient) -> None:
    assert local.get("/api/v1/quiz/answers").json() == {"answers": {}}
    some = {"r1": 4, "self-genai": "intermediate", "self-human": None}
    r = local.put("/api/v1/quiz/answers", json={"answers": some}, headers=token(local))
    assert r.status_code == 200
    assert local.get("/api/v1/quiz/answers").json() == {"answers": some}
    for wrong in ({"zz9": 1}, {"r1": "4"}, {"r1": 6}, {"r1": True}, {"self-genai": "Expert"}):
        r = local.put("/api/v1/quiz/answers", json={"answers": wrong}, headers=token(local))
        assert r.status_code == 422, wrong
        assert next(iter(wrong)) in error_of(r)["message"], wrong


def test_export_and_delete_everything(local: TestClient) -> None:
    pid = read_text(local, RESUME.read_text())["profile_id"]
    save_plan(local, pid)
    r = local.get("/api/v1/me/export")
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment")
    data = json.loads(r.content)
    assert data["profiles"] and data["plans"]
    r = local.delete("/api/v1/me", headers=token(local))
    assert r.status_code == 200
    removed = r.json()
    assert removed["profiles"] == 1 and removed["plans"] == 1
    assert local.get("/api/v1/profiles").json() == []  # a fresh local user from here on


# ---------------------------------------------------------------- knowledge


def test_knowledge_endpoints(local: TestClient) -> None:
    roles = local.get("/api/v1/roles").json()
    assert len(roles) == 12 and {"id", "title", "summary"} <= set(roles[0])
    role = local.get("/api/v1/roles/genai-engineer").json()
    assert role["role"]["title"] and role["skills"][0]["label"] and role["sources"]
    skills = local.get("/api/v1/skills").json()
    assert len(skills) > 300
    some = local.get("/api/v1/skills", params={"category": skills[0]["category"]}).json()
    assert 0 < len(some) < len(skills)
    assert local.get("/api/v1/skills", params={"category": "cooking"}).status_code == 422
    rag = local.get("/api/v1/skills/RAG").json()
    assert rag["skill"]["id"] == "rag" and rag["roles"]
    pay = local.get("/api/v1/salary/data-scientist", params={"level": "senior", "country": "US"})
    assert pay.status_code == 200 and pay.json()["bands"]
    assert local.get("/api/v1/salary/data-scientist", params={"level": "guru"}).status_code == 422
    sources = local.get("/api/v1/sources").json()
    assert any(s["source"]["licence"] for s in sources) and any(s["records"] for s in sources)
    assert local.get("/api/v1/facts").json()
    assert local.get("/api/v1/certifications").json()
    missing = local.get("/api/v1/skills/pyton")
    assert missing.status_code == 404 and "python" in error_of(missing)["suggestions"]


# ---------------------------------------------------------------- modes and sessions


def test_local_mode_acts_as_the_local_user(local: TestClient) -> None:
    me = local.get("/api/v1/me").json()
    assert me["mode"] == "local" and me["user"]["role"] == "learner"
    assert local.post("/api/v1/auth/signin", json={}, headers=token(local)).status_code == 404


def test_server_mode_sign_up_in_and_out(server: TestClient) -> None:
    r = server.get("/api/v1/me")
    assert r.status_code == 401 and error_of(r)["code"] == "unauthenticated"
    assert server.get("/api/v1/profiles").status_code == 401
    r = server.post(
        "/api/v1/auth/signup",
        json={"email": "Ana@Example.org", "password": PASSWORD},
        headers=token(server),
    )
    assert r.status_code == 201, r.text
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("careermap_session=") and "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower() and "Secure" not in cookie
    me = server.get("/api/v1/me").json()
    assert me["user"]["email"] == "ana@example.org" and me["mode"] == "accounts"
    assert me["csrf_token"] == r.json()["csrf_token"]
    again = server.post(
        "/api/v1/auth/signup",
        json={"email": "ana@example.org", "password": PASSWORD},
        headers=token(server),
    )
    assert again.status_code == 409
    weak = server.post(
        "/api/v1/auth/signup",
        json={"email": "bo@example.org", "password": "short"},
        headers=token(server),
    )
    assert weak.status_code == 422
    assert server.post("/api/v1/auth/signout", headers=token(server)).status_code == 204
    assert server.get("/api/v1/me").status_code == 401
    r = server.post(
        "/api/v1/auth/signin",
        json={"email": "ana@example.org", "password": PASSWORD},
        headers=token(server),
    )
    assert r.status_code == 200 and server.get("/api/v1/me").status_code == 200


def test_scoring_a_sent_profile_needs_no_sign_in_but_a_saved_one_does(
    server: TestClient, store: Store
) -> None:
    """match, gap and plan work on a profile sent in the body for anyone (nothing is read
    from or written to the store); naming a saved profile's id needs the owner signed in."""
    owner = signed_in(server, store, "owner-of-7@example.org")
    saved = read_text(owner, RESUME.read_text())
    profile, pid = saved["profile"], saved["profile_id"]
    stranger = TestClient(server.app, base_url=str(server.base_url))
    h = token(stranger)
    for path in ("/api/v1/match", "/api/v1/gap", "/api/v1/plan"):
        body: dict[str, Any] = {} if path.endswith("match") else {"role": "genai-engineer"}
        sent = stranger.post(path, json={**body, "profile": profile}, headers=h)
        assert sent.status_code == 200, (path, sent.text)
        named = stranger.post(path, json={**body, "profile_id": pid}, headers=h)
        assert named.status_code == 401, (path, named.text)
        assert error_of(named)["code"] == "unauthenticated"
        mine = owner.post(path, json={**body, "profile_id": pid}, headers=token(owner))
        assert mine.status_code == 200, (path, mine.text)
        # the same person, sent or saved, gets the same answer
        if path.endswith("plan"):
            assert sent.json()["total_hours"] == mine.json()["total_hours"]
        else:
            assert sent.json() == mine.json()


def test_cookies_are_secure_over_https(store: Store) -> None:
    client = TestClient(create_app(accounts=True, store=store), base_url="https://careers.example")
    r = client.post(
        "/api/v1/auth/signup",
        json={"email": "s@example.org", "password": PASSWORD},
        headers=token(client),
    )
    assert r.status_code == 201 and "Secure" in r.headers["set-cookie"]
    fresh = TestClient(client.app, base_url="https://careers.example")
    assert "Secure" in fresh.get("/api/v1/csrf").headers["set-cookie"]


def test_sign_in_is_rate_limited(server: TestClient, store: Store) -> None:
    store.create_user("rl@example.org", PASSWORD)
    headers = token(server)
    for _ in range(5):
        r = server.post(
            "/api/v1/auth/signin",
            json={"email": "rl@example.org", "password": "wrong one!"},
            headers=headers,
        )
        assert r.status_code == 401 and error_of(r)["code"] == "unauthenticated"
    r = server.post(
        "/api/v1/auth/signin",
        json={"email": "rl@example.org", "password": PASSWORD},
        headers=headers,
    )
    assert r.status_code == 429 and error_of(r)["code"].endswith("rate_limited")
    assert int(r.headers["retry-after"]) > 0


def test_change_password(server: TestClient, store: Store) -> None:
    client = signed_in(server, store, "pw@example.org")
    r = client.post(
        "/api/v1/me/password",
        json={"current": "nope nope nope", "new": "another long password"},
        headers=token(client),
    )
    assert r.status_code == 401
    r = client.post(
        "/api/v1/me/password",
        json={"current": PASSWORD, "new": "another long password"},
        headers=token(client),
    )
    assert r.status_code == 204 and client.get("/api/v1/me").status_code == 200


# ---------------------------------------------------------------- CSRF


def test_csrf_refusals_in_local_mode(local: TestClient, store: Store) -> None:
    body = {"python": "advanced"}
    r = local.put("/api/v1/progress", json=body)
    assert r.status_code == 403 and error_of(r)["code"] == "csrf_failed"
    r = local.put("/api/v1/progress", json=body, headers={"X-CSRF-Token": "guessed"})
    assert r.status_code == 403
    good = token(local)
    # another site's page: the browser sends no careermap cookie, whatever token it forges
    other = TestClient(local.app, base_url="http://127.0.0.1")
    assert other.put("/api/v1/progress", json=body, headers=good).status_code == 403
    assert local.put("/api/v1/progress", json=body, headers=good).status_code == 200
    # a form sends it as a field
    pid = read_text(local, RESUME.read_text())["profile_id"]
    r = local.request(
        "DELETE", f"/api/v1/profiles/{pid}", data={"csrf_token": good["X-CSRF-Token"]}
    )
    assert r.status_code == 204
    assert store.progress(store.local_user().id) == {"python": "advanced"}


def test_csrf_token_belongs_to_its_session(server: TestClient, store: Store) -> None:
    a = signed_in(server, store, "csrf-a@example.org")
    b = signed_in(server, store, "csrf-b@example.org")
    a_token = token(a)
    assert b.put("/api/v1/progress", json={"sql": "advanced"}, headers=a_token).status_code == 403
    assert a.put("/api/v1/progress", json={"sql": "advanced"}, headers=a_token).status_code == 200
    # sign-in and sign-up need the (pre-session) token too: no logging a victim in
    fresh = TestClient(server.app, base_url="http://127.0.0.1")
    r = fresh.post(
        "/api/v1/auth/signin", json={"email": "csrf-a@example.org", "password": PASSWORD}
    )
    assert r.status_code == 403
    # a new session gets a new token
    a.post("/api/v1/auth/signout", headers=a_token)
    again = signed_in(server, store, "csrf-c@example.org")
    assert token(again) != a_token


# ---------------------------------------------------------------- roles and cohorts


def test_advisor_cohorts_import_learners_and_notes(server: TestClient, store: Store) -> None:
    learner = signed_in(server, store, "lee@example.org")
    assert learner.get("/api/v1/cohorts").status_code == 403
    advisor = signed_in(server, store, "ada@example.org", "advisor")
    r = advisor.post(
        "/api/v1/cohorts", json={"name": "Spring <b>bootcamp</b>"}, headers=token(advisor)
    )
    assert r.status_code == 201, r.text
    cohort = r.json()
    assert advisor.get("/api/v1/cohorts").json()[0]["name"] == "Spring <b>bootcamp</b>"
    csv_text = "email,name\nnew@example.org,New Person\nlee@example.org,Lee\nnot-an-email,X\n"
    r = advisor.post(
        f"/api/v1/cohorts/{cohort['id']}/import",
        content=csv_text.encode(),
        headers={**token(advisor), "content-type": "text/csv"},
    )
    assert r.status_code == 200, r.text
    report = r.json()
    assert [c["email"] for c in report["created"]] == ["new@example.org"]
    assert report["created"][0]["one_time_password"]
    assert report["added"] == ["lee@example.org"]
    assert report["skipped"] == [[4, "no valid e-mail address"]]
    # nobody shares yet: the advisor sees no one, and cannot write about them
    assert advisor.get(f"/api/v1/cohorts/{cohort['id']}/learners").json() == []
    lee_id = learner.get("/api/v1/me").json()["user"]["id"]
    r = advisor.post(
        f"/api/v1/learners/{lee_id}/notes", json={"text": "hi"}, headers=token(advisor)
    )
    assert r.status_code == 404
    # the learner chooses to share
    mine = learner.get("/api/v1/me/cohorts").json()
    assert [m["cohort_id"] for m in mine] == [cohort["id"]] and mine[0]["shared"] is False
    r = learner.put(
        f"/api/v1/me/cohorts/{cohort['id']}", json={"shared": True}, headers=token(learner)
    )
    assert r.status_code == 204
    rows = advisor.get(f"/api/v1/cohorts/{cohort['id']}/learners").json()
    assert [row["email"] for row in rows] == ["lee@example.org"]
    r = advisor.post(
        f"/api/v1/learners/{lee_id}/notes", json={"text": "Good start"}, headers=token(advisor)
    )
    assert r.status_code == 201
    assert [n["text"] for n in advisor.get(f"/api/v1/learners/{lee_id}/notes").json()] == [
        "Good start"
    ]
    # a learner joins on their own with the join code, and leaves
    joiner = signed_in(server, store, "joiner@example.org")
    join = {"cohort_id": cohort["id"], "code": "not the code"}
    assert joiner.post("/api/v1/me/cohorts", json=join, headers=token(joiner)).status_code == 404
    join["code"] = cohort["join_code"]
    assert joiner.post("/api/v1/me/cohorts", json=join, headers=token(joiner)).status_code == 204
    rows = advisor.get(f"/api/v1/cohorts/{cohort['id']}/learners").json()
    assert {row["email"] for row in rows} == {"lee@example.org", "joiner@example.org"}
    left = joiner.delete(f"/api/v1/me/cohorts/{cohort['id']}", headers=token(joiner))
    assert left.status_code == 204
    assert len(advisor.get(f"/api/v1/cohorts/{cohort['id']}/learners").json()) == 1
    note_id = advisor.get(f"/api/v1/learners/{lee_id}/notes").json()[0]["id"]
    assert advisor.delete(f"/api/v1/notes/{note_id}", headers=token(advisor)).status_code == 204
    assert advisor.get(f"/api/v1/learners/{lee_id}/notes").json() == []
    # an upload works too
    r = advisor.post(
        f"/api/v1/cohorts/{cohort['id']}/import",
        files={"file": ("class.csv", b"email,name\nthird@example.org,Third\n")},
        headers=token(advisor),
    )
    assert r.status_code == 200 and len(r.json()["created"]) == 1


def test_admin_creates_advisors_and_others_cannot(server: TestClient, store: Store) -> None:
    admin = signed_in(server, store, "root@example.org", "admin")
    body = {"email": "adv@example.org", "password": PASSWORD, "role": "advisor"}
    r = admin.post("/api/v1/users", json=body, headers=token(admin))
    assert r.status_code == 201 and r.json()["role"] == "advisor"
    learner = signed_in(server, store, "plain@example.org")
    body["email"] = "adv2@example.org"
    assert learner.post("/api/v1/users", json=body, headers=token(learner)).status_code == 403


# ---------------------------------------------------------------- one person, one person's data


def test_nobody_reaches_another_persons_records(
    server: TestClient, store: Store, profile: dict[str, Any]
) -> None:
    owner = signed_in(server, store, "owner@example.org")
    other = signed_in(server, store, "other@example.org")
    advisor = signed_in(server, store, "adv-a@example.org", "advisor")
    rival = signed_in(server, store, "adv-b@example.org", "advisor")
    owner_id = owner.get("/api/v1/me").json()["user"]["id"]
    pid = store.save_profile(owner_id, read_person(RESUME).profile, document_name="cv.md").id
    plan = save_plan(owner, pid)
    cohort = advisor.post("/api/v1/cohorts", json={"name": "A"}, headers=token(advisor)).json()
    r = owner.post(
        "/api/v1/me/cohorts",
        json={"cohort_id": cohort["id"], "code": cohort["join_code"]},
        headers=token(owner),
    )
    assert r.status_code == 204, r.text
    note = advisor.post(
        f"/api/v1/learners/{owner_id}/notes", json={"text": "mine"}, headers=token(advisor)
    ).json()
    plan_id = plan["id"]
    h = token(other)
    attempts: list[tuple[TestClient, str, str, dict[str, Any] | None]] = [
        (other, "GET", f"/api/v1/profiles/{pid}", None),
        (other, "DELETE", f"/api/v1/profiles/{pid}", None),
        (other, "GET", f"/api/v1/plans/{plan_id}", None),
        (other, "DELETE", f"/api/v1/plans/{plan_id}", None),
        *[
            (other, "GET", f"/api/v1/plans/{plan_id}/export.{f}", None)
            for f in ("md", "json", "ics", "html")
        ],
        (other, "POST", "/api/v1/match", {"profile_id": pid}),
        (other, "POST", "/api/v1/gap", {"profile_id": pid, "role": "genai-engineer"}),
        (other, "POST", "/api/v1/plan", {"profile_id": pid, "role": "genai-engineer"}),
        (other, "POST", "/api/v1/plans", {"profile_id": pid, "role": "genai-engineer"}),
        (other, "PUT", f"/api/v1/me/cohorts/{cohort['id']}", {"shared": True}),
        (other, "DELETE", f"/api/v1/me/cohorts/{cohort['id']}", None),
        (other, "POST", "/api/v1/me/cohorts", {"cohort_id": cohort["id"], "code": "guess"}),
        (rival, "DELETE", f"/api/v1/notes/{note['id']}", None),
        (rival, "GET", f"/api/v1/cohorts/{cohort['id']}/learners", None),
        (rival, "POST", f"/api/v1/cohorts/{cohort['id']}/import", None),
        (rival, "GET", f"/api/v1/learners/{owner_id}/notes", None),
        (rival, "POST", f"/api/v1/learners/{owner_id}/notes", {"text": "snoop"}),
    ]
    for client, method, path, body in attempts:
        headers = token(client) if client is not other else h
        if path.endswith("/import"):
            r = client.post(
                path,
                content=b"email,name\nx@example.org,X\n",
                headers={**headers, "content-type": "text/csv"},
            )
        else:
            r = client.request(method, path, json=body, headers=headers)
        assert r.status_code == 404, (method, path, r.status_code, r.text)
        assert error_of(r)["code"] == "not_found", (method, path)
    # what does not exist answers exactly the same
    missing = other.get(f"/api/v1/profiles/{pid + 1000}")
    assert missing.json() == other.get(f"/api/v1/profiles/{pid}").json()
    # and the owner still has it all, the advisor still sees them
    assert owner.get(f"/api/v1/profiles/{pid}").status_code == 200
    assert owner.get(f"/api/v1/plans/{plan_id}").status_code == 200
    assert advisor.get(f"/api/v1/cohorts/{cohort['id']}/learners").json()[0]["user_id"] == owner_id
    assert [p["id"] for p in other.get("/api/v1/plans").json()] == []


def test_calendar_needs_no_cookie_and_its_token_is_not_logged(
    local: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    pid = read_text(local, RESUME.read_text())["profile_id"]
    url = save_plan(local, pid)["calendar_url"]
    secret = url.removeprefix("/cal/").removesuffix(".ics")
    with caplog.at_level(logging.INFO):
        r = TestClient(local.app, base_url="http://127.0.0.1").get(url)
    assert r.status_code == 200 and "BEGIN:VCALENDAR" in r.text
    server_side = [r.getMessage() for r in caplog.records if not r.name.startswith("httpx")]
    assert not any(secret in line for line in server_side)
    assert "GET /cal/<token>.ics 200" in " ".join(server_side)
