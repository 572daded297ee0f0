"""The web pages as a browser gets them, checked in-process (FastAPI's TestClient over the
real app, a temp SQLite store, the real knowledge base, reader and planner): what each
page shows, the forms' answers, escaping of a hostile résumé, CSRF, and one person never
reaching another's pages. The same flows run in a real Chromium in test_web_e2e.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from icalendar import Calendar

from careermap.store import Store

REPO = Path(__file__).resolve().parent.parent
RESUME = REPO / "examples" / "resume.md"
ANSWERS = REPO / "examples" / "quiz-answers.yaml"
PASSWORD = "a long enough password"
SCRIPTS = {"/static/htmx.min.js", "/static/app.js"}

#: a résumé that tries everything a page could be tricked into running or showing wrong
HOSTILE = """# Jane <script>alert('x')</script> Doe <img src=x onerror=alert(1)>

## Summary

Data analyst with 5 years of Python and SQL [bold red]in Rich markup[/bold red] \x1b[31mred\x1b[0m.
I want to move into generative AI engineering <b onmouseover=alert(2)>now</b>.

## Skills

Python, SQL, pandas, [Docker](javascript:alert(3)), <a href="javascript:alert(4)">scikit-learn</a>,
FastAPI "><svg onload=alert(5)>, Git \u202eevil\u202c

## Experience

### Analyst, Example Co — 2019 – Present

- Built REST APIs in FastAPI and wrote SQL reports <iframe src="javascript:alert(6)"></iframe>.
- No experience with Kubernetes <script>document.cookie</script>.
"""


# ---------------------------------------------------------------- helpers


class _Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def assert_no_active_content(html: str) -> None:
    """What the page's CSP promises, checked on the markup: scripts only from this site
    (no inline ones), no event-handler attributes, no inline styles, no javascript: URLs."""
    for tag, attrs in tags(html):
        if tag == "script":
            assert attrs.get("src") in SCRIPTS, attrs
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert name != "style", (tag, value)
            assert not name.startswith("hx-on"), (tag, name)
            if name in ("href", "src", "action", "formaction") and value:
                assert not value.strip().lower().startswith(("javascript:", "data:text")), value


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def text_of(html: str) -> str:
    """The page's visible words, roughly: tags removed, entities decoded, spaces joined."""
    import html as htmllib

    no_tags = re.sub(
        r"<[^>]+>", " ", re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    )
    return " ".join(htmllib.unescape(no_tags).split())


def start(
    client: TestClient, *, text: str | None = None, file: Path | None = RESUME, **fields: str
) -> str:
    """Send the start form; the results page's path."""
    page = client.get("/")
    data = {"csrf_token": csrf_of(page.text), "hours_per_week": "8", **fields}
    files = None
    if text is not None:
        data["text"] = text
    elif file is not None:
        files = {"file": (file.name, file.read_bytes(), "text/markdown")}
    r = client.post("/start", data=data, files=files, follow_redirects=False)
    assert r.status_code == 303, r.text[:2000]
    location: str = r.headers["location"]
    assert re.fullmatch(r"/plans/\d+", location), location
    return location


def answers() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(ANSWERS.read_text())
    return loaded


def browser(app_client: TestClient) -> TestClient:
    """Another browser on the same server (its own cookies)."""
    return TestClient(app_client.app, base_url="http://127.0.0.1")


def sign_up(client: TestClient, email: str) -> None:
    page = client.get("/signup")
    r = client.post(
        "/signup",
        data={
            "csrf_token": csrf_of(page.text),
            "email": email,
            "password": PASSWORD,
            "password_again": PASSWORD,
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text[:2000]


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> Any:
    page = client.get("/signin")
    return client.post(
        "/signin",
        data={"csrf_token": csrf_of(page.text), "email": email, "password": password},
        follow_redirects=False,
    )


# ---------------------------------------------------------------- the knowledge pages


def test_roles_and_a_role_page_show_what_the_cli_shows(local: TestClient) -> None:
    r = local.get("/roles")
    assert r.status_code == 200
    words = text_of(r.text)
    assert "12 generative-AI roles" in words
    assert "Generative AI Engineer" in words and "AI Ethics" in words
    page = local.get("/roles/genai-engineer")
    words = text_of(page.text)
    for heading in (
        "What the role does",
        "Skills, most important first",
        "Career paths",
        "Pay",
        "Courses",
        "Portfolio projects",
    ):
        assert heading in words
    assert "essential" in words and "Sources:" in words
    assert 'href="/skills/' in page.text  # each skill links to its page
    assert_no_active_content(page.text)


def test_a_role_named_by_its_title_goes_to_its_page(local: TestClient) -> None:
    r = local.get("/roles/Prompt Engineer", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/roles/prompt-engineer"


def test_an_unknown_role_is_a_page_with_suggestions_not_json(local: TestClient) -> None:
    r = local.get("/roles/genai-enginer")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    words = text_of(r.text)
    assert "unknown role 'genai-enginer'" in words.lower()
    assert "genai-engineer" in words


def test_skill_pages(local: TestClient) -> None:
    listing = local.get("/skills?category=genai")
    assert listing.status_code == 200
    assert "Retrieval-augmented generation" in text_of(listing.text)
    assert "Python" not in text_of(listing.text).split("skills")[-1]  # only the category
    assert local.get("/skills?category=nonsense").status_code == 422
    page = local.get("/skills/rag")
    words = text_of(page.text)
    for part in ("Levels", "foundational", "Prerequisites:", "Unlocks:", "Roles that need it"):
        assert part in words
    assert_no_active_content(page.text)


def test_salary_explorer_draws_bars_by_level_and_by_country(local: TestClient) -> None:
    r = local.get("/salary/data-scientist?level=senior&country=US")
    assert r.status_code == 200
    page = r.text
    assert page.count('<svg role="img"') == 2  # by level and by country, inline, no script
    words = text_of(page)
    assert "By level" in words and "By country" in words
    for level in ("entry", "mid", "senior", "executive"):
        assert level in words
    assert "United States" in words and "Canada" in words
    assert re.search(r"\$\d{2,3},\d{3}", words)  # medians in dollars
    assert "BLS Occupational Employment and Wage Statistics" in words
    assert "too few reports" in words  # small samples are flagged, not drawn
    assert_no_active_content(page)
    # the form's GET goes to the role chosen
    moved = local.get("/salary?role=prompt-engineer&level=mid", follow_redirects=False)
    assert (
        moved.status_code == 303
        and moved.headers["location"] == "/salary/prompt-engineer?level=mid"
    )


# ---------------------------------------------------------------- start → results


def test_start_to_results_shows_roles_target_pay_gap_and_plan(local: TestClient) -> None:
    start_page = local.get("/")
    assert start_page.status_code == 200
    words = text_of(start_page.text)
    assert "Choose a file" in words and "paste its text" in words and "Hours a week" in words
    assert 'enctype="multipart/form-data"' in start_page.text
    assert_no_active_content(start_page.text)

    results = local.get(start(local))
    assert results.status_code == 200
    page, words = results.text, text_of(results.text)
    # roles, with "n of m essential skills", and the score out of 100
    assert re.search(r"\d+ of \d+ essential skills", words)
    assert "Data Scientist" in words and "of 100" in words
    # the target and why: the résumé's stated goal, beside the best fit
    assert "Planning for Generative AI Engineer" in words
    assert "the role your résumé says you want" in words
    assert "Looking to move into generative AI engineering." in words
    assert "Your best fit is Data Scientist" in words
    # pay: a median with its n and source
    assert re.search(r"\$\d{3},\d{3} median yearly pay", words)
    assert "salary reports" in words and "aijobs.net" in words
    # the gap with evidence: levels, why, the person's own words, implied skills
    assert "What you need for Generative AI Engineer" in words
    assert "foundational → intermediate" in words
    assert "you wrote:" in words.lower()
    assert "Strong Python and SQL; familiar with large language models" in words
    # the plan: an inline SVG timeline, steps, courses, milestones, this week
    assert '<svg class="timeline"' in page
    for part in ("Steps, in order", "Courses", "Milestones", "This week"):
        assert part in words
    # downloads and the calendar subscription
    plan_path = results.url.path
    for fmt in ("md", "html", "ics", "json"):
        assert f'href="{plan_path}/plan.{fmt}"' in page
    assert re.search(r'value="http://127\.0\.0\.1/cal/[^"]+\.ics"', page)
    assert_no_active_content(page)


def test_pasted_text_works_like_a_file(local: TestClient) -> None:
    words = text_of(local.get(start(local, text=RESUME.read_text())).text)
    assert "read from pasted text" in words
    assert "Planning for Generative AI Engineer" in words


@pytest.mark.parametrize("kind", ["pdf", "docx", "html", "linkedin"])
def test_every_format_the_form_names_is_read(local: TestClient, kind: str) -> None:
    import docs_factory

    data, name = {
        "pdf": (docs_factory.pdf_bytes, "cv.pdf"),
        "docx": (docs_factory.docx_bytes, "cv.docx"),
        "html": (lambda: docs_factory.resume_html().encode(), "cv.html"),
        "linkedin": (docs_factory.linkedin_zip_bytes, "Basic_LinkedInDataExport.zip"),
    }[kind]
    token = csrf_of(local.get("/").text)
    r = local.post(
        "/start",
        data={"csrf_token": token, "hours_per_week": "6"},
        files={"file": (name, data(), "application/octet-stream")},
        follow_redirects=False,
    )
    assert r.status_code == 303, text_of(r.text)[:500]
    words = text_of(local.get(r.headers["location"]).text)
    assert f"read from {name}" in words
    assert "6 hours a week" in words


def test_a_scanned_pdf_is_a_clear_message(local: TestClient) -> None:
    import docs_factory

    token = csrf_of(local.get("/").text)
    r = local.post(
        "/start",
        data={"csrf_token": token, "hours_per_week": "8"},
        files={"file": ("scan.pdf", docs_factory.scanned_pdf_bytes(), "application/pdf")},
    )
    assert r.status_code == 422
    words = text_of(r.text).lower()
    assert "scan.pdf" in words and "text" in words


def test_the_start_form_says_what_is_wrong_and_keeps_what_was_typed(local: TestClient) -> None:
    page = local.get("/")
    token = csrf_of(page.text)
    empty = local.post("/start", data={"csrf_token": token, "hours_per_week": "8"})
    assert empty.status_code == 422
    assert "give careermap a résumé" in text_of(empty.text).lower()
    bad_hours = local.post(
        "/start", data={"csrf_token": token, "hours_per_week": "200", "text": "Python, SQL"}
    )
    assert bad_hours.status_code == 422
    assert "hours a week must be more than 0 and at most 80" in text_of(bad_hours.text).lower()
    assert "Python, SQL" in bad_hours.text  # the pasted text is still in the box
    short = local.post("/start", data={"csrf_token": token, "hours_per_week": "8", "text": "hi"})
    assert short.status_code == 422
    assert "too little for a résumé" in text_of(short.text).lower()


def test_a_form_without_its_csrf_token_is_refused(local: TestClient) -> None:
    r = local.post("/start", data={"hours_per_week": "8", "text": RESUME.read_text()})
    assert r.status_code == 403
    assert r.headers["content-type"].startswith("text/html")
    assert "CSRF" in text_of(r.text)
    assert local.get("/plans").text.count('href="/plans/') == 0  # nothing was saved


def test_a_time_box_fits_the_plan_in_it(local: TestClient) -> None:
    words = text_of(local.get(start(local, weeks="10", start="2027-01-04")).text)
    found = re.search(r"From 04 Jan 2027 to (\d\d \w{3} \d{4}) ?: (\d+) weeks", words)
    assert found, words[:400]
    assert int(found.group(2)) <= 10
    assert re.search(r"To fit your time box \(80 h\), \d+ skills are left out", words)
    assert "left out to fit the time box" in words  # and each one is marked in the gap


def test_a_chosen_role_is_planned_and_said_so(local: TestClient) -> None:
    words = text_of(local.get(start(local, role="prompt-engineer")).text)
    assert "Planning for Prompt Engineer" in words
    assert "This is the role you chose." in words


def test_downloads_are_files_of_the_plan(local: TestClient) -> None:
    path = start(local)
    kinds = {
        "md": "text/markdown",
        "json": "application/json",
        "ics": "text/calendar",
        "html": "text/html",
    }
    for fmt, kind in kinds.items():
        r = local.get(f"{path}/plan.{fmt}")
        assert r.status_code == 200
        assert r.headers["content-type"].startswith(kind)
        disposition = r.headers["content-disposition"]
        assert disposition == f'attachment; filename="careermap-plan-genai-engineer.{fmt}"'
    cal = Calendar.from_ical(local.get(f"{path}/plan.ics").content)
    assert len(cal.walk("VEVENT")) > 10
    assert local.get(f"{path}/plan.exe").status_code == 422


def test_the_calendar_subscription_address_serves_the_plan(local: TestClient) -> None:
    page = local.get(start(local)).text
    address = re.search(r'value="http://127\.0\.0\.1(/cal/[^"]+\.ics)"', page)
    assert address
    anonymous = browser(local)  # a calendar app has no cookie
    r = anonymous.get(address.group(1))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in r.content


# ---------------------------------------------------------------- progress ticks


def _tick(client: TestClient, path: str, skill: str, level: str, done: bool) -> Any:
    token = csrf_of(client.get(path).text)
    data = {"csrf_token": token, "skill": skill, "level": level}
    if done:
        data["done"] = "on"
    return client.post(f"{path}/progress", data=data, headers={"HX-Request": "true"})


def essential_held(html: str) -> int:
    """How many essential skills of the planned role the roles list says are held."""
    row = html.split('<span class="tag essential">your plan</span>', 1)[1]
    found = re.search(r'<div class="small">(\d+) of \d+ essential skills', row)
    assert found
    return int(found.group(1))


def ticked(html: str, skill: str) -> bool:
    """Whether the gap list shows ``skill``'s "Learned" box ticked."""
    item = html.split(f'id="need-{skill}"', 1)[1].split("</li>", 1)[0]
    return bool(re.search(r'name="done" value="on" checked', item))


def _steps(html: str) -> list[str]:
    """The step titles of the plan table, in order."""
    table = html.split("Steps, in order", 1)[1].split("</table>", 1)[0]
    return re.findall(r"<td>\s*(?:<span[^>]*>[^<]*</span>\s*)?<strong>([^<]+)</strong>", table)


def test_ticking_a_skill_saves_progress_by_id_and_replans_in_place(
    local: TestClient, store: Store
) -> None:
    path = start(local)
    before = local.get(path).text
    assert "PyTorch" in _steps(before)
    held_before = essential_held(before)
    feed = re.search(r'value="http://127\.0\.0\.1(/cal/[^"]+\.ics)"', before)
    assert feed
    calendar_before = local.get(feed.group(1)).text

    r = _tick(local, path, "pytorch", "intermediate", done=True)
    assert r.status_code == 200
    fragment = r.text
    # the plan section comes back whole, the scores and the message out of band
    assert fragment.lstrip().startswith('<section class="card" id="plan-section"')
    assert 'id="roles-section" aria-labelledby="roles-h" hx-swap-oob="true"' in fragment
    assert "PyTorch marked learned" in text_of(fragment)
    assert "PyTorch" not in _steps(fragment)
    assert "re-planned with your progress" in text_of(fragment)
    assert essential_held(fragment) == held_before + 1  # PyTorch is an essential skill

    user = store.local_user()
    assert store.progress(user.id) == {"pytorch": "intermediate"}
    # the saved plan is re-planned: the download and the calendar subscription follow it
    calendar_after = local.get(feed.group(1)).text
    assert calendar_after != calendar_before
    assert calendar_after.count("PyTorch") < calendar_before.count("PyTorch")
    assert "PyTorch" not in [s["title"] for s in local.get(f"{path}/plan.json").json()["steps"]]
    again = local.get(path).text
    assert ticked(again, "pytorch") and not ticked(again, "deep-learning")
    assert "PyTorch" not in _steps(again)

    # unticking puts it back
    back = _tick(local, path, "pytorch", "intermediate", done=False)
    assert "PyTorch is back in the plan" in text_of(back.text)
    assert "PyTorch" in _steps(back.text)
    assert store.progress(user.id) == {}


def test_a_tick_without_htmx_saves_and_goes_back_to_the_gap(local: TestClient) -> None:
    path = start(local)
    token = csrf_of(local.get(path).text)
    r = local.post(
        f"{path}/progress",
        data={"csrf_token": token, "skill": "pytorch", "level": "intermediate", "done": "on"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == f"{path}#gap"
    assert "PyTorch" not in _steps(local.get(path).text)


def test_a_bad_tick_is_a_message_where_the_person_is(local: TestClient) -> None:
    path = start(local)
    r = _tick(local, path, "no-such-skill", "intermediate", done=True)
    assert r.status_code == 200
    assert r.headers["hx-retarget"] == "#flash"
    assert "unknown skill 'no-such-skill'" in text_of(r.text).lower()


# ---------------------------------------------------------------- the quiz


def test_quiz_sections_are_native_radio_groups_saved_as_you_go(
    local: TestClient, store: Store
) -> None:
    page = local.get("/quiz/interests")
    assert page.status_code == 200
    html = page.text
    assert html.count("<fieldset") == 30 and html.count("<legend>") == 30
    assert html.count('type="radio"') == 150
    assert "Strongly dislike" in html and "Strongly like" in html
    assert 'hx-post="/quiz/interests" hx-trigger="change"' in html
    assert_no_active_content(html)
    token = csrf_of(html)
    r = local.post(
        "/quiz/interests",
        data={"csrf_token": token, "r1": "4", "i1": "5"},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 200
    assert "Saved. 2 of 30 answered in this section." in text_of(r.text)
    assert store.answers(store.local_user().id) == {"r1": 4, "i1": 5}
    # the answer shows as chosen when the person comes back
    assert re.search(r'name="r1" value="4" checked', local.get("/quiz/interests").text)
    # not finished: the result page says what is missing
    missing = text_of(local.get("/quiz/result").text)
    assert "A few answers are still missing" in missing and "unanswered" in missing


def test_quiz_without_script_goes_section_by_section(local: TestClient) -> None:
    token = csrf_of(local.get("/quiz/interests").text)
    r = local.post("/quiz/interests", data={"csrf_token": token, "r1": "2"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/quiz/work-styles"
    r = local.post("/quiz/self-ratings", data={"csrf_token": token}, follow_redirects=False)
    assert r.headers["location"] == "/quiz/result"
    bad = local.post("/quiz/interests", data={"csrf_token": token, "r1": "9"})
    assert bad.status_code == 422 and "cannot take '9'" in text_of(bad.text).lower()


def test_a_finished_quiz_ranks_roles_and_plans_from_it(local: TestClient, store: Store) -> None:
    store.save_answers(store.local_user().id, answers())
    result = local.get("/quiz/result")
    words = text_of(result.text)
    assert "Your interests: IRS" in words
    assert "Roles for you, from the quiz alone" in words
    assert words.count("of 100") == 12
    assert_no_active_content(result.text)
    # the start page offers the answers; a plan from the quiz alone is made
    assert 'name="use_quiz"' in local.get("/").text
    token = csrf_of(result.text)
    r = local.post("/start", data={"csrf_token": token, "use_quiz": "on"}, follow_redirects=False)
    assert r.status_code == 303
    plan_words = text_of(local.get(r.headers["location"]).text)
    assert "read from quiz answers" in plan_words
    assert "This is the role that fits you best on the evidence." in plan_words


def test_resume_and_quiz_together(local: TestClient, store: Store) -> None:
    store.save_answers(store.local_user().id, answers())
    words = text_of(local.get(start(local, use_quiz="on")).text)
    assert "interests" in words and "work style" in words  # score components shown


# ---------------------------------------------------------------- hostile résumés


def test_a_hostile_resume_shows_as_text(local: TestClient) -> None:
    path = start(local, text=HOSTILE)
    html = local.get(path).text
    assert_no_active_content(html)
    assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    assert "&lt;script&gt;" in html or "&lt;img" in html or "&lt;b onmouseover" in html
    words = text_of(html)
    assert "[bold red]" in words or "Rich markup" in words  # Rich markup is plain text here
    assert "\x1b" not in html and "\u202e" not in html  # no terminal escapes, no direction tricks
    for fmt in ("html", "md"):
        body = local.get(f"{path}/plan.{fmt}").text
        assert "<script>alert" not in body
    # every other page of the person stays clean too
    for page in ("/plans", "/", "/quiz"):
        assert_no_active_content(local.get(page).text)


# ---------------------------------------------------------------- every page, no inline code


def test_every_page_has_no_inline_script_and_the_htmx_config_the_csp_needs(
    local: TestClient,
) -> None:
    path = start(local)
    for url in (
        "/",
        path,
        "/plans",
        "/quiz",
        "/quiz/work-styles",
        "/quiz/self-ratings",
        "/quiz/result",
        "/roles",
        "/roles/ai-product-manager",
        "/skills",
        "/skills/python",
        "/salary/genai-marketer",
        "/sources",
    ):
        r = local.get(url)
        assert r.status_code == 200, url
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert_no_active_content(r.text)
        assert '"includeIndicatorStyles": false' in r.text
        assert '<html lang="en">' in r.text and "<title>" in r.text
    static = local.get("/static/htmx.min.js")
    assert static.status_code == 200 and b"htmx" in static.content[:200]


# ---------------------------------------------------------------- server mode


def test_local_mode_has_no_sign_in(local: TestClient) -> None:
    assert local.get("/signin").status_code == 404
    assert "Sign in" not in text_of(local.get("/").text)


def test_sign_up_sign_in_and_sign_out(server: TestClient) -> None:
    welcome = server.get("/")
    assert "Sign in" in text_of(welcome.text) and "Create an account" in text_of(welcome.text)
    # pages that need a person send a visitor to sign in, and back afterwards
    r = server.get("/plans", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/signin?next=/plans"
    sign_up(server, "ana@example.org")
    home = server.get("/")
    assert "Signed in as ana@example.org" in text_of(home.text)
    assert "Choose a file" in text_of(home.text)
    token = csrf_of(home.text)
    out = server.post("/signout", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == 303
    assert server.get("/plans", follow_redirects=False).status_code == 303
    wrong = sign_in(server, "ana@example.org", "not the password at all")
    assert wrong.status_code == 401
    assert "wrong" in text_of(wrong.text).lower()
    assert 'value="ana@example.org"' in wrong.text  # the address stays typed
    ok = sign_in(server, "ana@example.org")
    assert ok.status_code == 303 and ok.headers["location"] == "/"
    assert "Signed in as ana@example.org" in text_of(server.get("/").text)


def test_sign_up_refuses_a_weak_or_taken_address(server: TestClient) -> None:
    token = csrf_of(server.get("/signup").text)
    short = server.post(
        "/signup",
        data={
            "csrf_token": token,
            "email": "bo@example.org",
            "password": "short",
            "password_again": "short",
        },
    )
    assert short.status_code == 422 and "10" in text_of(short.text)
    sign_up(server, "bo@example.org")
    other = browser(server)
    token = csrf_of(other.get("/signup").text)
    taken = other.post(
        "/signup",
        data={
            "csrf_token": token,
            "email": "BO@example.org",
            "password": PASSWORD,
            "password_again": PASSWORD,
        },
    )
    assert taken.status_code == 422
    assert "already" in text_of(taken.text).lower()


def test_after_sign_in_a_visitor_goes_where_they_were_going_on_this_site(
    server: TestClient, store: Store
) -> None:
    store.create_user("cy@example.org", PASSWORD)
    page = server.get("/signin?next=/quiz")
    assert 'name="next" value="/quiz"' in page.text
    r = server.post(
        "/signin",
        data={
            "csrf_token": csrf_of(page.text),
            "email": "cy@example.org",
            "password": PASSWORD,
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert r.headers["location"] == "/"  # never to another site


def test_one_person_never_opens_another_persons_plan(server: TestClient, store: Store) -> None:
    sign_up(server, "ana@example.org")
    path = start(server)
    ana_id = store.authenticate("ana@example.org", PASSWORD).id
    other = browser(server)
    sign_up(other, "eve@example.org")
    token = csrf_of(other.get("/").text)
    assert other.get(path).status_code == 404
    for fmt in ("md", "json", "ics", "html"):
        assert other.get(f"{path}/plan.{fmt}").status_code == 404
    tick = other.post(
        f"{path}/progress",
        data={"csrf_token": token, "skill": "pytorch", "level": "intermediate", "done": "on"},
        headers={"HX-Request": "true"},
    )
    assert "no such plan" in text_of(tick.text).lower()  # a message, not her plan
    assert "plan-section" not in tick.text
    assert store.progress(ana_id) == {}
    assert path not in other.get("/plans").text
    assert server.get(path).status_code == 200  # Ana still has it


def test_an_advisor_imports_learners_sees_who_shares_and_keeps_notes(
    server: TestClient, store: Store
) -> None:
    store.create_user("adv@example.org", PASSWORD, "advisor")
    assert sign_in(server, "adv@example.org").status_code == 303
    token = csrf_of(server.get("/cohorts").text)
    r = server.post(
        "/cohorts", data={"csrf_token": token, "name": "MSc 2026"}, follow_redirects=False
    )
    assert r.status_code == 303
    cohort_path = r.headers["location"]
    cohort_id = int(cohort_path.rsplit("/", 1)[1])
    csv_text = (
        "email,name\nlee@example.org,Lee Park\nnot-an-address,Bad Row\nlee@example.org,Again\n"
    )
    imported = server.post(f"{cohort_path}/import", data={"csrf_token": token, "csv": csv_text})
    assert imported.status_code == 200
    words = text_of(imported.text)
    assert "1 account created" in words and "2 rows skipped" in words
    assert "no valid e-mail address" in words and "same e-mail address as row 2" in words
    one_time = re.search(r"<code>([^<]+)</code></td></tr>", imported.text)
    assert one_time
    # nobody shares yet
    assert "Nobody shares with this cohort yet" in text_of(server.get(cohort_path).text)

    learner = browser(server)
    first = sign_in(learner, "lee@example.org", one_time.group(1))
    assert first.headers["location"] == "/account/password"
    page = learner.get("/account/password")
    changed = learner.post(
        "/account/password",
        data={
            "csrf_token": csrf_of(page.text),
            "current": one_time.group(1),
            "new": PASSWORD,
            "new_again": PASSWORD,
        },
    )
    assert "Your password is changed" in text_of(changed.text)
    start(learner)
    sharing = learner.get("/sharing")
    assert "MSc 2026" in text_of(sharing.text) and "not shared" in text_of(sharing.text)
    learner.post(
        f"/sharing/{cohort_id}", data={"csrf_token": csrf_of(sharing.text), "shared": "on"}
    )
    table = text_of(server.get(cohort_path).text)
    assert "Lee Park" in table and "Generative AI Engineer" in table and "%" in table

    lee_id = store.authenticate("lee@example.org", PASSWORD).id
    notes = f"{cohort_path}/learners/{lee_id}"
    note_page = server.get(notes)
    assert note_page.status_code == 200 and "No notes yet" in text_of(note_page.text)
    server.post(f"{notes}/notes", data={"csrf_token": token, "text": "Met <b>today</b>: RAG next"})
    shown = server.get(notes).text
    assert "Met &lt;b&gt;today&lt;/b&gt;: RAG next" in shown
    # stop sharing: the advisor no longer sees the learner or their notes page
    learner.post(
        f"/sharing/{cohort_id}", data={"csrf_token": csrf_of(learner.get("/sharing").text)}
    )
    assert "Lee Park" not in text_of(server.get(cohort_path).text)
    assert server.get(notes).status_code == 404


def test_advisor_pages_are_for_advisors_and_their_own_cohorts(
    server: TestClient, store: Store
) -> None:
    advisor = store.create_user("adv@example.org", PASSWORD, "advisor")
    cohort = store.create_cohort(advisor.id, "Theirs")
    store.create_user("adv2@example.org", PASSWORD, "advisor")
    sign_up(server, "ana@example.org")
    assert server.get("/cohorts").status_code == 403
    assert server.get(f"/cohorts/{cohort.id}").status_code == 403
    other = browser(server)
    assert sign_in(other, "adv2@example.org").status_code == 303
    token = csrf_of(other.get("/cohorts").text)
    assert other.get(f"/cohorts/{cohort.id}").status_code == 404
    r = other.post(
        f"/cohorts/{cohort.id}/import", data={"csrf_token": token, "csv": "email\nx@example.org\n"}
    )
    assert r.status_code == 404
    assert store.cohort_learners(advisor.id, cohort.id) == []
    assert other.get(f"/cohorts/{cohort.id}/learners/1").status_code == 404
    r = other.post(
        f"/cohorts/{cohort.id}/learners/1/notes", data={"csrf_token": token, "text": "x"}
    )
    assert r.status_code == 404
    # a learner changes sharing only for cohorts they are in
    token = csrf_of(server.get("/sharing").text)
    r = server.post(f"/sharing/{cohort.id}", data={"csrf_token": token, "shared": "on"})
    assert r.status_code == 404


def test_a_learner_joins_a_cohort_with_its_code(server: TestClient, store: Store) -> None:
    advisor = store.create_user("adv@example.org", PASSWORD, "advisor")
    cohort = store.create_cohort(advisor.id, "Evening class")
    sign_up(server, "joe@example.org")
    page = server.get("/sharing")
    assert "You are not in any cohort" in text_of(page.text)
    token = csrf_of(page.text)
    wrong = server.post(
        "/sharing/join", data={"csrf_token": token, "cohort": str(cohort.id), "code": "guess"}
    )
    assert wrong.status_code == 422 and "Evening class" not in text_of(wrong.text)
    r = server.post(
        "/sharing/join",
        data={
            "csrf_token": token,
            "cohort": str(cohort.id),
            "code": cohort.join_code,
            "shared": "on",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    words = text_of(server.get("/sharing").text)
    assert "Evening class" in words and "adv@example.org" in words and "not shared" not in words
    joe = store.authenticate("joe@example.org", PASSWORD)
    assert [row.user_id for row in store.cohort_learners(advisor.id, cohort.id)] == [joe.id]
