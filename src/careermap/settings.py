"""Typed settings, read from the environment with the prefix ``CAREERMAP_``.

Every setting is documented in the README's "Settings" table; a test keeps the two in step.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


#: the repository folder when careermap runs from a checkout (src layout)
_CHECKOUT = Path(__file__).resolve().parents[2]


def _default_home() -> Path:
    return Path.home() / ".careermap"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CAREERMAP_", extra="ignore")

    home: Path = Field(
        default_factory=_default_home,
        description="Folder for careermap's own files (caches, saved plans).",
    )
    shared_data: Path = Field(
        default_factory=lambda: _CHECKOUT.parent / "shared" / "data",
        description="Folder of the raw data sets used by the build scripts and benchmarks "
        "(default: ../shared/data beside the checkout).",
    )
    max_document_mb: float = Field(
        default=10.0,
        gt=0,
        description="Largest document careermap will read, in megabytes.",
    )
    embed_threads: int = Field(
        default=2,
        ge=1,
        le=64,
        description="CPU threads the embedding model may use.",
    )
    min_salary_sample: int = Field(
        default=10,
        ge=1,
        description="Salary cells with fewer rows than this are flagged as too small to trust.",
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
