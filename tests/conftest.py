"""Test isolation: careermap's home points at a temp dir; no test sees the real home."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from careermap.settings import Settings, get_settings

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Settings().shared_data


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    home = tmp_path_factory.mktemp("careermap-home")
    monkeypatch.setenv("CAREERMAP_HOME", str(home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


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
