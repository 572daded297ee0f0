"""``careermap serve`` as a person runs it: a real uvicorn server in its own process on
127.0.0.1, reached over real sockets, stopped with Ctrl-C (SIGINT)."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from careermap.cli import main

REPO = Path(__file__).resolve().parent.parent
RESUME = REPO / "examples" / "resume.md"
MARKER = "Okapi-Lantern-9182"  # résumé text that must never reach the server's log


@dataclass
class Served:
    proc: subprocess.Popen[str]
    url: str

    @property
    def port(self) -> int:
        port = urlsplit(self.url).port
        assert port is not None
        return port


def _start(tmp_path: Path, *args: str) -> Served:
    env = {**os.environ, "CAREERMAP_HOME": str(tmp_path / "home"), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "careermap", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()  # printed once the socket listens
    if "serving at" not in line:
        proc.kill()
        _, err = proc.communicate(timeout=30)
        pytest.fail(f"careermap serve did not start: {line!r} {err[-2000:]}")
    url = line.split("serving at ", 1)[1].split("/ ", 1)[0]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # the app starts up (knowledge base) after binding
        try:
            if httpx.get(f"{url}/api/v1/csrf", timeout=5).status_code == 200:
                return Served(proc, url)
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail("careermap serve did not answer within 60 s")


def _stop(served: Served) -> tuple[int, str, str]:
    served.proc.send_signal(signal.SIGINT)
    try:
        out, err = served.proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        served.proc.kill()
        raise
    return served.proc.returncode, out, err


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[Served]:
    s = _start(tmp_path)
    yield s
    if s.proc.poll() is None:
        s.proc.kill()
        s.proc.communicate(timeout=30)


def _raw(port: int, request: bytes, then: bytes = b"") -> bytes:
    """Send ``request`` (and later ``then``) on a socket; what the server answers."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        if then:
            sock.sendall(then)
        data = b""
        while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        return data


def test_serve_answers_pages_and_api_and_stops_on_ctrl_c(served: Served) -> None:
    assert served.url.startswith("http://127.0.0.1:")
    with httpx.Client(base_url=served.url, timeout=60) as client:
        page = client.get("/")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in page.headers["content-security-policy"]
        roles = client.get("/api/v1/roles")
        assert roles.status_code == 200 and len(roles.json()) == 12
        doc = client.get("/api/v1/openapi.json").json()
        assert "/api/v1/start" in doc["paths"]
        assert client.get("/docs").status_code == 404
        # a résumé read through the real server: its text never reaches the log
        csrf = client.get("/api/v1/csrf").json()["csrf_token"]
        text = RESUME.read_text().replace("Strong Python", f"Strong Python at {MARKER}")
        read = client.post(
            "/api/v1/read",
            files={"file": ("cv.md", text.encode())},
            headers={"X-CSRF-Token": csrf},
        )
        assert read.status_code == 201 and MARKER in read.text
    code, out, err = _stop(served)
    assert code in (0, 130), err
    assert "Traceback" not in err and "Traceback" not in out
    assert "careermap stopped." in out
    assert "POST /api/v1/read 201" in err  # the access log: method, path, status
    assert MARKER not in err and MARKER not in out


def test_a_20_mb_upload_is_refused_before_the_server_reads_it(served: Served) -> None:
    size = 20 * 1024 * 1024
    head = (
        f"POST /api/v1/read HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n"
        "Content-Type: multipart/form-data; boundary=x\r\n"
        f"Content-Length: {size}\r\nConnection: close\r\n\r\n"
    ).encode()
    began = time.monotonic()
    answer = _raw(served.port, head)  # not one byte of the 20 MB is sent
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert time.monotonic() - began < 20
    body = json.loads(answer.split(b"\r\n\r\n", 1)[1])
    assert body["error"]["code"] == "too_large"
    # without a Content-Length, the stream is counted and cut at the limit
    chunk = b"z" * (1024 * 1024)
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(12))
    head = (
        f"POST /api/v1/read HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        "Cookie: careermap_csrf=abc\r\nX-CSRF-Token: abc\r\nConnection: close\r\n\r\n"
    ).encode()
    answer = _raw(served.port, head, chunked)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    code, _, err = _stop(served)
    assert code in (0, 130) and "Traceback" not in err


def test_serve_refuses_a_network_address_without_accounts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["serve", "--host", "0.0.0.0"])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.count("\n") == 1 and "loopback" in err and "--accounts" in err


def test_serve_says_when_the_port_is_taken(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        code = main(["serve", "--port", str(port)])
    _, err = capsys.readouterr()
    assert code == 2 and "--port" in err and err.count("\n") == 1


def test_add_user_makes_the_first_admin_with_a_one_time_password(tmp_path: Path) -> None:
    """The operator of a server creates its first admin (or an advisor) from the command
    line: the password is printed once and must be changed at the first sign-in."""
    from careermap.store import Store

    env = {**os.environ, "CAREERMAP_HOME": str(tmp_path / "home"), "COLUMNS": "100"}

    def add(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "careermap", "add-user", *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)

    made = add("Ada@Example.org", "--role", "admin", "--name", "Ada")
    assert made.returncode == 0, made.stderr
    found = re.search(r"One-time password: (\S+)", made.stdout)
    assert found is not None, made.stdout
    store = Store(f"sqlite:///{tmp_path / 'home' / 'careermap.db'}")
    try:
        user = store.authenticate("ada@example.org", found.group(1))
        assert (user.role, user.name, user.must_change_password) == ("admin", "Ada", True)
    finally:
        store.close()

    again = add("ada@example.org", "--role", "advisor")
    assert again.returncode == 2
    assert again.stderr.strip().splitlines() == [
        "error: an account with this e-mail address already exists. "
        "Sign in instead, or use another address."
    ]
    wrong = add("kim@example.org", "--role", "king")
    assert wrong.returncode == 2 and "Use one of: learner, advisor, admin" in wrong.stderr
    assert "Traceback" not in wrong.stderr + again.stderr
