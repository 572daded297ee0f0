"""careermap: find your place in generative AI.

>>> import careermap
>>> doc = careermap.read("examples/resume.md")          # doctest: +SKIP
>>> found = careermap.extract(doc)                       # doctest: +SKIP
>>> found.profile().level_of("python")                   # doctest: +SKIP
"""

from typing import Any

from careermap.errors import (
    CareermapError,
    DataError,
    DocumentError,
    InputError,
    ProviderError,
    UnknownIdError,
)

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``careermap.read`` and ``careermap.extract``, imported on first use (cheap import)."""
    if name == "read":
        from careermap.documents import read

        return read
    if name == "extract":  # the package itself, which is callable
        import careermap.extract

        return careermap.extract
    raise AttributeError(f"module 'careermap' has no attribute {name!r}")


__all__ = [
    "CareermapError",
    "DataError",
    "DocumentError",
    "InputError",
    "ProviderError",
    "UnknownIdError",
    "__version__",
    "extract",
    "read",
]
