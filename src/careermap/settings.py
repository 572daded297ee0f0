"""Typed settings, read from the environment with the prefix ``CAREERMAP_``.

Every setting is documented in the README's "Settings" table; a test keeps the two in step.
A value that does not parse is an :class:`~careermap.errors.InputError` naming the
variable and what it allows, in one line.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from careermap.errors import InputError

__all__ = ["Settings", "get_settings", "read_settings"]


#: the repository folder when careermap runs from a checkout (src layout)
_CHECKOUT = Path(__file__).resolve().parents[2]
_PREFIX = "CAREERMAP_"


def _default_home() -> Path:
    return Path.home() / ".careermap"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=_PREFIX, extra="ignore")

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
        le=1024,
        description="Largest document careermap will read, in MiB (1 MiB = 1,048,576 bytes).",
    )
    max_pages: int = Field(
        default=50,
        ge=1,
        le=100_000,
        description="Most pages of a PDF careermap reads.",
    )
    max_zip_members: int = Field(
        default=10_000,
        ge=10,
        le=1_000_000,
        description="Most files a DOCX or LinkedIn export (a ZIP archive) may hold.",
    )
    max_text_chars: int = Field(
        default=200_000,
        ge=1_000,
        le=10_000_000,
        description="Most characters of text careermap reads from one document (a long "
        "résumé or posting has some 30,000).",
    )
    embedder: str = Field(
        default="minilm-onnx",
        min_length=1,
        description="Embedding backend: minilm-onnx (built in) or one a plugin registers.",
    )
    embed_threads: int = Field(
        default=2,
        ge=1,
        le=64,
        description="CPU threads the embedding model may use.",
    )
    database_url: str | None = Field(
        default=None,
        description="Where profiles, plans and accounts are stored: a SQLAlchemy URL such as "
        "postgresql+psycopg://user:pass@host/db (default: SQLite, careermap.db under home).",
    )
    min_salary_sample: int = Field(
        default=10,
        ge=1,
        le=100_000,
        description="Salary cells with fewer rows than this are flagged as too small to trust.",
    )


def _allowed(field: str) -> str:
    info = Settings.model_fields[field]
    kind = {int: "a whole number", float: "a number", Path: "a folder path"}.get(
        info.annotation,  # type: ignore[arg-type]
        "a value",
    )
    bounds = []
    for m in info.metadata:
        for attr, word in (("gt", "more than"), ("ge", "at least"), ("lt", "less than")):
            if getattr(m, attr, None) is not None:
                bounds.append(f"{word} {_number(getattr(m, attr))}")
        if getattr(m, "le", None) is not None:
            bounds.append(f"at most {_number(m.le)}")
    return kind + (f", {' and '.join(bounds)}" if bounds else "")


def _number(value: float) -> str:
    """1000000 as '1,000,000', 0.5 as '0.5'."""
    return f"{int(value):,}" if float(value).is_integer() and abs(value) >= 1000 else f"{value:g}"


def read_settings() -> Settings:
    """Settings from the environment; a bad value is one clear InputError."""
    try:
        return Settings()
    except ValidationError as exc:
        import os

        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        var = f"{_PREFIX}{field.upper()}"
        given = os.environ.get(var, "")
        raise InputError(
            f"{var}={given!r} is not valid: use {_allowed(field)}"
            f" (see the Settings table in careermap's README), or unset it."
        ) from None


def get_settings() -> Settings:
    """The settings of the default :class:`~careermap.runtime.Runtime`."""
    from careermap.runtime import get_runtime

    return get_runtime().settings
