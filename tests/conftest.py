"""Test isolation: careermap's home points at a temp dir; no test sees the real home."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from careermap.runtime import Runtime, reset_runtime
from careermap.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Settings().shared_data
#: the knowledge base, lexicon, model and indexes, loaded once for the whole session (with
#: a home of its own, never the real one); each test gets its own runtime, with its own
#: settings, on top of it
_SESSION = Runtime(Settings(home=Path(tempfile.mkdtemp(prefix="careermap-session-"))))
reset_runtime(_SESSION)


def _shared_runtime(home: Path) -> Runtime:
    return Runtime(parent=_SESSION)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    home = tmp_path_factory.mktemp("careermap-home")
    monkeypatch.setenv("CAREERMAP_HOME", str(home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    reset_runtime(_shared_runtime(home))
    yield
    reset_runtime(_SESSION)


@pytest.fixture()
def shared_data() -> Path:
    """The raw data sets; tests that need them skip with a reason when they are absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"needs the raw data sets in {SHARED_DATA} (absent on a fresh clone)")
    return SHARED_DATA


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SHARED_DATA.is_dir():
        return
    skip = pytest.mark.skip(reason=f"needs the raw data sets in {SHARED_DATA} (absent here)")
    for item in items:
        if "shared_data" in item.keywords:
            item.add_marker(skip)


# ---------------------------------------------------------------- app clients over a store


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Any]:
    """A migrated SQLite store in the test's temp folder."""
    from careermap.store import Store

    s = Store(f"sqlite:///{tmp_path / 'careermap.db'}")
    s.migrate()
    yield s
    s.close()


@pytest.fixture()
def local(store: Any) -> Iterator[Any]:
    """careermap's app in local mode over ``store``, as a browser on 127.0.0.1 sees it."""
    from fastapi.testclient import TestClient

    from careermap.api import create_app

    with TestClient(create_app(store=store), base_url="http://127.0.0.1") as client:
        yield client


@pytest.fixture()
def server(store: Any) -> Iterator[Any]:
    """careermap's app in server mode (accounts) over ``store``."""
    from fastapi.testclient import TestClient

    from careermap.api import create_app

    with TestClient(create_app(accounts=True, store=store), base_url="http://127.0.0.1") as c:
        yield c
