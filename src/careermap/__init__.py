"""careermap: find your place in generative AI."""

from careermap.errors import (
    CareermapError,
    DataError,
    DocumentError,
    InputError,
    ProviderError,
    UnknownIdError,
)

__version__ = "0.1.0"

__all__ = [
    "CareermapError",
    "DataError",
    "DocumentError",
    "InputError",
    "ProviderError",
    "UnknownIdError",
    "__version__",
]
