"""The web pages in a real browser: Debian's Chromium driven by Playwright against a real
``careermap serve`` on 127.0.0.1 (a free port, a temp CAREERMAP_HOME).

What a person does: upload a résumé, read the roles, the gap and the plan, download the
calendar, tick a skill and watch the plan change; take the quiz with the keyboard; in
server mode sign up, sign in and out, an advisor's cohort, and one person failing to open
another's pages by id. Each main page is checked with axe-core (no serious or critical
violation) and photographed at desktop and phone width into ``screenshots/``.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
RESUME = REPO / "examples" / "resume.md"
ANSWERS = REPO / "examples" / "quiz-answers.yaml"
AXE = Path(__file__).resolve().parent / "assets" / "axe.min.js"
SHOTS = REPO / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "a long enough password"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium)",
)

sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")


# ---------------------------------------------------------------- the server


class Server:
    """``careermap serve`` in a subprocess, on a free loopback port, with its own home."""

    def __init__(self, home: Path, *, accounts: bool) -> None:
        self.home = home
        env = {**os.environ, "CAREERMAP_HOME": str(home), "HF_HUB_OFFLINE": "1"}
        args = [sys.executable, "-m", "careermap", "serve", "--host", "127.0.0.1", "--port", "0"]
        if accounts:
            args.append("--accounts")
        self.process = subprocess.Popen(
            args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+", line)
        if not found:
            self.stop()
            raise AssertionError(f"careermap serve did not start: {line!r}")
        self.url = found.group(0)
        self._wait()

    def _wait(self) -> None:
        import httpx

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/roles", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise AssertionError("careermap serve did not answer within 60 s")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        return self.process.returncode


@pytest.fixture(scope="module")
def local_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = Server(tmp_path_factory.mktemp("careermap-local"), accounts=False)
    yield server
    assert server.stop() in (0, 130)


@pytest.fixture(scope="module")
def accounts_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = Server(tmp_path_factory.mktemp("careermap-accounts"), accounts=True)
    yield server
    assert server.stop() in (0, 130)


# ---------------------------------------------------------------- the browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


class Tab:
    """A page in its own browser context, failing the test on any dialog (a script a
    résumé smuggled in would open one) and recording console errors (CSP refusals)."""

    def __init__(self, browser: Any, base: str) -> None:
        self.context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
        self.page = self.context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: Any) -> None:
        # a page the test expects to be refused (403, 404) is logged as a failed load
        expected = re.match(r"Failed to load resource: .* status of 40[34]", message.text)
        if message.type == "error" and not expected:
            self.errors.append(message.text)

    def go(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")
        return response

    def text(self, selector: str = "main") -> str:
        return " ".join(self.page.inner_text(selector).split())

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def tab(chromium: Any) -> Iterator[Callable[[Server], Tab]]:
    made: list[Tab] = []

    def make(server: Server) -> Tab:
        t = Tab(chromium, server.url)
        made.append(t)
        return t

    yield make
    for t in made:
        assert t.dialogs == [], f"a page opened a dialog: {t.dialogs}"
        assert t.errors == [], f"console errors (CSP refusals, script errors): {t.errors}"
        t.close()


def axe(t: Tab) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the current page (injected through
    the DevTools protocol, so the page's CSP stays as it is)."""
    t.page.evaluate(AXE.read_text(encoding="utf-8"))
    found: dict[str, Any] = t.page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:3]]}
        for v in found["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def check_page(t: Tab, name: str) -> None:
    """No serious or critical accessibility violation; screenshots at both widths."""
    problems = axe(t)
    assert problems == [], json.dumps(problems, indent=1)
    SHOTS.mkdir(exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        t.page.set_viewport_size(size)
        t.page.wait_for_timeout(50)
        if label == "phone":  # nothing wider than the phone, but what scrolls on purpose
            wide = t.page.evaluate(
                "() => document.documentElement.scrollWidth > window.innerWidth + 1"
            )
            assert not wide, f"{name} is wider than a phone"
        t.page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
    t.page.set_viewport_size(DESKTOP)


def upload(t: Tab, path: Path | None = None, text: str | None = None) -> str:
    t.go("/")
    if path is not None:
        t.page.set_input_files("#file", str(path))
    if text is not None:
        t.page.fill("#text", text)
    t.page.click("button:has-text('Show my roles and plan')")
    t.page.wait_for_url(re.compile(r".*/plans/\d+$"), timeout=60_000)
    return t.page.url.removeprefix(t.base)


def steps(t: Tab) -> list[str]:
    cells = t.page.locator("#plan-section table").first.locator("tbody tr td:nth-child(2) strong")
    return [c.strip() for c in cells.all_inner_texts()]


# ---------------------------------------------------------------- local mode


def test_upload_roles_gap_plan_download_and_a_tick_that_replans(
    local_server: Server, tab: Callable[[Server], Tab]
) -> None:
    t = tab(local_server)
    t.go("/")
    check_page(t, "start")
    path = upload(t, RESUME)
    words = t.text()
    assert "Planning for Generative AI Engineer" in words
    assert re.search(r"\d+ of \d+ essential skills", words)
    assert "What you need for Generative AI Engineer" in words
    assert t.page.locator("svg.timeline").is_visible()
    check_page(t, "results")

    with t.page.expect_download() as info:
        t.page.click("a:has-text('Calendar file (.ics)')")
    download = info.value
    assert download.suggested_filename == "careermap-plan-genai-engineer.ics"
    assert "BEGIN:VCALENDAR" in Path(download.path()).read_text(encoding="utf-8")

    before = steps(t)
    assert "PyTorch" in before
    score = t.page.locator("#roles-section .role-row.target .score")
    score_before = score.inner_text()
    t.page.check("#need-pytorch input[type=checkbox]")
    t.page.wait_for_selector("#flash .alert.ok")
    assert "PyTorch marked learned" in t.text("#flash")
    after = steps(t)
    assert "PyTorch" not in after and len(after) == len(before) - 1
    assert score.inner_text() != score_before
    assert t.page.is_checked("#need-pytorch input[type=checkbox]")  # the tick stays, focus too
    # the progress was saved: a reload shows the same plan
    t.go(path)
    assert steps(t) == after


def test_a_hostile_resume_runs_nothing_and_shows_as_text(
    local_server: Server, tab: Callable[[Server], Tab]
) -> None:
    from test_web_pages import HOSTILE

    t = tab(local_server)
    upload(t, text=HOSTILE)
    t.page.click("#read summary")
    words = t.text()
    assert "<script>" in words or "onerror=alert(1)" in words or "onmouseover" in words
    assert (
        t.page.evaluate(
            "() => document.querySelectorAll('main script, main img, main iframe').length"
        )
        == 0
    )
    hrefs = t.page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]


def test_the_quiz_with_the_keyboard_saved_as_you_go(
    local_server: Server, tab: Callable[[Server], Tab]
) -> None:
    import yaml

    t = tab(local_server)
    t.go("/quiz/interests")
    check_page(t, "quiz")
    first = t.page.locator("input[name=r1]").first
    first.focus()
    t.page.keyboard.press("ArrowRight")  # a native radio group: arrows choose
    t.page.keyboard.press("ArrowRight")
    t.page.wait_for_selector("#quiz-status:has-text('Saved.')")
    assert t.page.is_checked("input[name=r1][value='3']")
    t.go("/quiz/interests")  # saved on the server, not only in the page
    assert t.page.is_checked("input[name=r1][value='3']")

    answers: dict[str, Any] = yaml.safe_load(ANSWERS.read_text())
    for slug in ("interests", "work-styles", "self-ratings"):
        t.go(f"/quiz/{slug}")
        for item, value in answers.items():
            radio = t.page.locator(f"input[name='{item}'][value='{value}']")
            if radio.count():
                radio.check()
        t.page.wait_for_selector("#quiz-status:has-text('Saved.')")
        t.page.click("form button[type=submit]")
        t.page.wait_for_load_state("load")
    assert t.page.url.endswith("/quiz/result")
    words = t.text()
    assert "Roles for you, from the quiz alone" in words
    assert "Your interests: IRS" in words
    check_page(t, "quiz-result")


def test_knowledge_pages(local_server: Server, tab: Callable[[Server], Tab]) -> None:
    t = tab(local_server)
    for path, name, expect in (
        ("/roles", "roles", "generative-AI roles"),
        ("/roles/ai-ethics-specialist", "role", "Career paths"),
        ("/skills/rag", "skill", "Prerequisites"),
        ("/salary/genai-engineer?level=mid", "salary", "By country"),
    ):
        t.go(path)
        assert expect in t.text()
        check_page(t, name)


# ---------------------------------------------------------------- server mode


def _sign_up(t: Tab, email: str) -> None:
    t.go("/signup")
    t.page.fill("#email", email)
    t.page.fill("#password", PASSWORD)
    t.page.fill("#password_again", PASSWORD)
    t.page.click("button:has-text('Create my account')")
    t.page.wait_for_selector(f"text=Signed in as {email}")


def _sign_in(t: Tab, email: str, password: str = PASSWORD) -> None:
    t.go("/signin")
    t.page.fill("#email", email)
    t.page.fill("#password", password)
    t.page.click("main button:has-text('Sign in')")
    t.page.wait_for_load_state("load")


def test_sign_up_sign_out_sign_in_and_nobody_opens_anothers_pages(
    accounts_server: Server, tab: Callable[[Server], Tab]
) -> None:
    ana = tab(accounts_server)
    ana.go("/")
    assert "Create an account" in ana.text()
    ana.go("/signup")
    check_page(ana, "signup")
    _sign_up(ana, "ana@example.org")
    path = upload(ana, RESUME)
    plan_id = path.rsplit("/", 1)[1]
    ana.page.click("button:has-text('Sign out')")
    ana.page.wait_for_url(re.compile(r".*/signin$"))
    check_page(ana, "signin")
    ana.go(path)  # signed out: sent to sign in, then back
    assert ana.page.url.endswith(f"/signin?next=/plans/{plan_id}")
    ana.page.fill("#email", "ana@example.org")
    ana.page.fill("#password", PASSWORD)
    ana.page.click("main button:has-text('Sign in')")
    ana.page.wait_for_url(re.compile(rf".*/plans/{plan_id}$"))

    eve = tab(accounts_server)
    _sign_up(eve, "eve@example.org")
    for page in (
        path,
        f"{path}/plan.ics",
        f"{path}/plan.json",
        f"{path}/plan.md",
        f"{path}/plan.html",
    ):
        response = eve.go(page) if not page.endswith((".ics", ".json", ".md", ".html")) else None
        if response is None:
            response = eve.context.request.get(eve.base + page)
        assert response.status == 404, page
    eve.go(path)
    assert "Not found" in eve.text() and "Generative AI Engineer" not in eve.text()
    form = {"skill": "pytorch", "level": "intermediate", "done": "on"}
    refused = eve.context.request.post(eve.base + f"{path}/progress", form=form)
    assert refused.status == 403  # no CSRF token: refused before anything is looked up
    eve.go("/")
    form["csrf_token"] = eve.page.get_attribute("input[name=csrf_token]", "value") or ""
    ticked = eve.context.request.post(eve.base + f"{path}/progress", form=form)
    assert ticked.status == 404  # her own token, his plan: no such plan for her
    eve.go("/cohorts")
    assert "this page is for career advisors" in eve.text().lower()


def test_an_advisor_imports_a_class_and_sees_who_shares(
    accounts_server: Server, tab: Callable[[Server], Tab]
) -> None:
    from careermap.store import Store

    store = Store(f"sqlite:///{accounts_server.home / 'careermap.db'}")
    try:
        store.create_user("advisor@example.org", PASSWORD, "advisor")
    finally:
        store.close()
    adv = tab(accounts_server)
    _sign_in(adv, "advisor@example.org")
    adv.go("/cohorts")
    adv.page.fill("#name", "Bootcamp spring 2027")
    adv.page.click("button:has-text('Create the cohort')")
    adv.page.wait_for_url(re.compile(r".*/cohorts/\d+$"))
    cohort = adv.page.url.removeprefix(adv.base)
    adv.page.fill("#csv", "email,name\nkim@example.org,Kim Lee\nnot-an-email,Nobody\n")
    adv.page.click("button:has-text('Import')")
    adv.page.wait_for_selector("text=Import done")
    words = adv.text()
    assert "1 account created" in words and "1 row skipped" in words
    assert "no valid e-mail address" in words
    one_time = adv.page.locator("table:has(caption:has-text('Accounts created')) code").inner_text()

    kim = tab(accounts_server)
    _sign_in(kim, "kim@example.org", one_time)
    assert kim.page.url.endswith("/account/password")
    kim.page.fill("#current", one_time)
    kim.page.fill("#new", PASSWORD)
    kim.page.fill("#new_again", PASSWORD)
    kim.page.click("button:has-text('Change my password')")
    kim.page.wait_for_selector("text=Your password is changed")
    upload(kim, RESUME)
    kim.go("/sharing")
    kim.page.click("button:has-text('Share with Bootcamp spring 2027')")
    kim.page.wait_for_selector("text=Stop sharing with Bootcamp spring 2027")
    check_page(kim, "sharing")

    adv.go(cohort)
    row = adv.page.locator("tr:has-text('Kim Lee')")
    assert "Generative AI Engineer" in row.inner_text()
    check_page(adv, "cohort")
    row.locator("a").click()
    adv.page.fill("#text", "First meeting: aim for the RAG project by March.")
    adv.page.click("button:has-text('Save the note')")
    adv.page.wait_for_selector("text=First meeting: aim for the RAG project by March.")
    check_page(adv, "learner-notes")

    # another advisor opens none of it by id
    store = Store(f"sqlite:///{accounts_server.home / 'careermap.db'}")
    try:
        store.create_user("other.advisor@example.org", PASSWORD, "advisor")
    finally:
        store.close()
    other = tab(accounts_server)
    _sign_in(other, "other.advisor@example.org")
    learner_page = adv.page.url.removeprefix(adv.base)
    for page in (cohort, learner_page):
        assert other.go(page).status == 404, page
