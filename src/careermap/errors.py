"""One exception root for careermap, one subclass per concern.

Every message says what went wrong and what to do next. The CLI prints it on one line
and exits non-zero; an API renders it as JSON. Third-party errors are translated into
these at the boundary where they occur.
"""

from __future__ import annotations

__all__ = [
    "CareermapError",
    "DataError",
    "DocumentError",
    "InputError",
    "ProviderError",
    "UnknownIdError",
]


class CareermapError(Exception):
    """Root of every error careermap raises on purpose."""

    #: short machine-readable code, stable across releases
    code: str = "careermap_error"
    #: process exit status used by the CLI
    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict[str, object]:
        return {"error": {"code": self.code, "message": self.message}}


class InputError(CareermapError):
    """An argument, option or input file is not what careermap needs."""

    code = "invalid_input"
    exit_code = 2


class UnknownIdError(InputError):
    """An id (role, skill, course, ...) that the knowledge base does not hold."""

    code = "unknown_id"

    def __init__(self, kind: str, given: str, suggestions: list[str]) -> None:
        hint = (
            f" Did you mean: {', '.join(suggestions)}?"
            if suggestions
            else f" List them with `careermap {kind}s`."
        )
        super().__init__(f"unknown {kind} '{given}'.{hint}")
        self.kind = kind
        self.given = given
        self.suggestions = suggestions

    def to_dict(self) -> dict[str, object]:
        d = super().to_dict()
        err = d["error"]
        assert isinstance(err, dict)
        err["suggestions"] = self.suggestions
        return d


class DocumentError(CareermapError):
    """A file that cannot be read as a document (scanned, encrypted, empty, too big...)."""

    code = "document_error"
    exit_code = 3


class DataError(CareermapError):
    """Shipped or built data that fails validation: a bug or a broken install."""

    code = "data_error"
    exit_code = 4


class ProviderError(CareermapError):
    """An embedding or language-model provider that cannot be loaded or called."""

    code = "provider_error"
    exit_code = 5
