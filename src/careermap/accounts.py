"""Accounts: passwords, e-mail addresses, tokens and the sign-in rate limit.

The pieces of careermap's accounts that need no database; :class:`careermap.store.Store`
persists what these produce. Passwords are hashed with Argon2id; session tokens, calendar
tokens and CSRF secrets are random strings from :mod:`secrets`, and a session token is
stored only as its SHA-256 digest, so a copy of the database opens no session.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import Any, Literal, get_args

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from careermap.errors import InputError, RateLimitedError

__all__ = [
    "MAX_FAILED_SIGN_INS",
    "MIN_PASSWORD_LENGTH",
    "PASSWORD_HASHER",
    "ROLES",
    "SESSION_LIFETIME",
    "SIGN_IN_WINDOW",
    "Role",
    "SignInRateLimitedError",
    "check_password",
    "digest",
    "hash_password",
    "needs_rehash",
    "new_one_time_password",
    "new_token",
    "normalize_email",
    "same_secret",
    "spend_verify_time",
    "verify_password",
]

Role = Literal["learner", "advisor", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)

#: OWASP Password Storage Cheat Sheet, "Argon2id": use Argon2id with a minimum configuration
#: of 19 MiB of memory (m=19456 KiB), an iteration count of 2 (t=2) and 1 degree of
#: parallelism (p=1) (https://cheatsheetseries.owasp.org/cheatsheets/
#: Password_Storage_Cheat_Sheet.html). A 16-byte salt and a 32-byte tag. A stored hash made
#: with other parameters is re-hashed with these at the next successful sign-in.
PASSWORD_HASHER = PasswordHasher(
    time_cost=2,
    memory_cost=19 * 1024,
    parallelism=1,
    hash_len=32,
    salt_len=16,
    type=Type.ID,
)

MIN_PASSWORD_LENGTH = 10
#: longer passwords are refused: hashing a megabyte-long one on every attempt is a cheap
#: way to load the server, and no password manager makes them
MAX_PASSWORD_LENGTH = 1024
MAX_EMAIL_LENGTH = 254

#: at most this many failed sign-ins per e-mail address, and per client, in the window
MAX_FAILED_SIGN_INS = 5
SIGN_IN_WINDOW = timedelta(minutes=15)
#: how long a session lasts from sign-in
SESSION_LIFETIME = timedelta(days=14)


class SignInRateLimitedError(RateLimitedError):
    """Too many failed sign-ins: ``retry_after`` is how many seconds until the next try
    (also in the error shape, for a ``Retry-After`` header)."""

    code = "sign_in_rate_limited"

    def __init__(
        self, message: str | None = None, *, hint: str | None = None, retry_after: int = 60
    ) -> None:
        self.retry_after = max(1, int(retry_after))
        minutes = -(-self.retry_after // 60)
        super().__init__(
            message or "too many failed sign-ins for this account or from this address.",
            hint=hint or f"Try again in {minutes} minute{'s' if minutes != 1 else ''}.",
        )

    def details(self) -> dict[str, Any]:
        return {"retry_after": self.retry_after}


def normalize_email(email: str) -> str:
    """The address as careermap stores and compares it (trimmed, lower case), or an
    InputError saying what is wrong with it."""
    if not isinstance(email, str):
        raise InputError("the e-mail address must be text.")
    value = email.strip().lower()
    local, at, domain = value.rpartition("@")
    if (
        not at
        or not local
        or "." not in domain.strip(".")
        or domain.startswith(".")
        or domain.endswith(".")
        or any(c.isspace() for c in value)
        or len(value) > MAX_EMAIL_LENGTH
    ):
        raise InputError(
            "that is not an e-mail address careermap can use.",
            hint="Give it as name@example.org.",
        )
    return value


def check_password(email: str, password: str) -> None:
    """Refuse a password that breaks careermap's minimum rules (InputError)."""
    if not isinstance(password, str):
        raise InputError("the password must be text.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(
            f"the password is too short ({len(password)} characters).",
            hint=f"Use at least {MIN_PASSWORD_LENGTH} characters; a few words are easy to "
            "remember.",
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InputError(
            f"the password is too long ({len(password)} characters).",
            hint=f"Use at most {MAX_PASSWORD_LENGTH} characters.",
        )
    folded = password.strip().lower()
    address = email.strip().lower()
    if folded in {address, address.partition("@")[0]}:
        raise InputError(
            "the password is your e-mail address.",
            hint="Choose something others cannot guess from your address.",
        )


def hash_password(password: str) -> str:
    """The Argon2id hash (PHC string) of a password."""
    return PASSWORD_HASHER.hash(password)


def verify_password(stored: str, password: str) -> bool:
    """Whether ``password`` matches the stored hash (a broken hash never matches)."""
    try:
        return PASSWORD_HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """Whether a stored hash was made with other parameters than :data:`PASSWORD_HASHER`."""
    try:
        return PASSWORD_HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True


@functools.cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def spend_verify_time(password: str) -> None:
    """Take as long as checking a real password, for an address with no account, so
    that the time of an answer does not tell which addresses are registered."""
    verify_password(_dummy_hash(), password)


def new_token() -> str:
    """A random secret (256 bits), URL-safe: session tokens, calendar tokens, CSRF secrets."""
    return secrets.token_urlsafe(32)


def new_one_time_password() -> str:
    """A random first password for an account someone else created (20 characters)."""
    return secrets.token_urlsafe(15)


def digest(token: str) -> str:
    """The SHA-256 digest of a token, as stored in place of the token (hex)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same_secret(a: str, b: str) -> bool:
    """Compare two secrets in constant time."""
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))
