"""One exception root for careermap, one subclass per concern.

Every error says what went wrong (``message``) and, where it helps, what to do next
(``hint``). The CLI prints it on one line and exits with the class's ``exit_code``; with
``--json`` the CLI, like the REST API, renders :meth:`CareermapError.to_dict`, the one
error shape: ``{"error": {"code": ..., "message": ..., "hint": ...}}``. Third-party
errors are translated into these at the boundary where they occur.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AuthenticationError",
    "CancelledError",
    "CareermapError",
    "ConflictError",
    "DataError",
    "DocumentError",
    "InputError",
    "InternalError",
    "NotFoundError",
    "PermissionDeniedError",
    "ProviderError",
    "RateLimitedError",
    "UnknownIdError",
    "UsageError",
    "error_body",
]


class CareermapError(Exception):
    """Root of every error careermap raises on purpose."""

    #: short machine-readable code, stable across releases
    code: str = "careermap_error"
    #: process exit status used by the CLI
    exit_code: int = 1
    #: HTTP status the REST API answers with
    http_status: int = 500

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """Message and hint as one line, for a terminal."""
        text = self.message if self.hint is None else f"{self.message} {self.hint}"
        return " ".join(text.split())

    def details(self) -> dict[str, Any]:
        """Extra fields of the error shape (suggestions, limits...); none by default."""
        return {}

    def to_dict(self) -> dict[str, Any]:
        return error_body(self.code, self.message, self.hint, **self.details())


def error_body(code: str, message: str, hint: str | None = None, **extra: Any) -> dict[str, Any]:
    """The one error shape of the CLI's ``--json`` and of the REST API."""
    return {"error": {"code": code, "message": message, "hint": hint, **extra}}


class InputError(CareermapError):
    """An argument, option or input file is not what careermap needs."""

    code = "invalid_input"
    exit_code = 2
    http_status = 422


class UsageError(InputError):
    """A command line careermap cannot parse (unknown command, bad option value...)."""

    code = "usage_error"
    http_status = 400


class UnknownIdError(InputError):
    """An id (role, skill, course, ...) that the knowledge base does not hold."""

    code = "unknown_id"
    http_status = 404

    def __init__(
        self,
        kind: str,
        given: str,
        suggestions: list[str],
        *,
        listing: str | None = None,
    ) -> None:
        """``listing`` is the command or place that lists every valid value, if any."""
        if suggestions:
            hint: str | None = f"Did you mean: {', '.join(suggestions)}?"
        elif listing:
            hint = f"List them with `{listing}`."
        else:
            hint = None
        super().__init__(f"unknown {kind} '{given}'.", hint=hint)
        self.kind = kind
        self.given = given
        self.suggestions = suggestions
        self.listing = listing

    def details(self) -> dict[str, Any]:
        return {"kind": self.kind, "suggestions": list(self.suggestions)}


class DocumentError(CareermapError):
    """A file that cannot be read as a document (scanned, encrypted, empty, too big...)."""

    code = "document_error"
    exit_code = 3
    http_status = 422


class DataError(CareermapError):
    """Shipped or built data that fails validation: a bug or a broken install."""

    code = "data_error"
    exit_code = 4
    http_status = 500


class ProviderError(CareermapError):
    """An embedding or language-model provider that cannot be loaded or called."""

    code = "provider_error"
    exit_code = 5
    http_status = 502


class AuthenticationError(CareermapError):
    """Not signed in, or the credentials given are wrong."""

    code = "unauthenticated"
    exit_code = 2
    http_status = 401


class PermissionDeniedError(CareermapError):
    """Signed in, but not allowed to see or change this."""

    code = "forbidden"
    exit_code = 2
    http_status = 403


class NotFoundError(CareermapError):
    """A saved record (profile, plan, learner...) that does not exist for this user."""

    code = "not_found"
    exit_code = 2
    http_status = 404


class ConflictError(CareermapError):
    """The request clashes with what is stored (an e-mail already registered...)."""

    code = "conflict"
    exit_code = 2
    http_status = 409


class RateLimitedError(CareermapError):
    """Too many attempts in a short time (sign-in)."""

    code = "rate_limited"
    exit_code = 2
    http_status = 429


class CancelledError(CareermapError):
    """The person stopped careermap (Ctrl-C) or closed its input before it was done."""

    code = "cancelled"
    exit_code = 130
    http_status = 499


class InternalError(CareermapError):
    """An error careermap did not expect: a bug, reported without a traceback."""

    code = "internal_error"
    exit_code = 70
    http_status = 500
