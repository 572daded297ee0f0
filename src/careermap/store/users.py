"""Accounts in the store: users, sign-in with its rate limit, sessions, the local user."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from careermap.accounts import (
    MAX_FAILED_SIGN_INS,
    ROLES,
    SESSION_LIFETIME,
    SIGN_IN_WINDOW,
    Role,
    SignInRateLimitedError,
    check_password,
    digest,
    hash_password,
    needs_rehash,
    new_one_time_password,
    new_token,
    normalize_email,
    spend_verify_time,
    verify_password,
)
from careermap.errors import AuthenticationError, ConflictError, InputError
from careermap.store.base import LOCAL_EMAIL, StoreBase, user_record
from careermap.store.models import LoginAttempt, SessionRow, UserRow
from careermap.store.records import ActiveSession, SessionToken, User

__all__ = ["AccountsPart"]

_MAX_TOKEN = 200
_MAX_CLIENT = 200
_MAX_NAME = 200


def _wrong_credentials() -> AuthenticationError:
    return AuthenticationError(
        "the e-mail address or the password is wrong.",
        hint=f"Check both and try again; after {MAX_FAILED_SIGN_INS} failed tries sign-in "
        f"pauses for {int(SIGN_IN_WINDOW.total_seconds() // 60)} minutes.",
    )


def _clean_name(name: str | None) -> str | None:
    if name is None:
        return None
    if not isinstance(name, str):
        raise InputError("the name must be text.")
    value = " ".join(name.split())
    if len(value) > _MAX_NAME:
        raise InputError(f"the name is too long (at most {_MAX_NAME} characters).")
    return value or None


def _check_role(role: object) -> Role:
    for r in ROLES:
        if role == r:
            return r
    raise InputError(f"unknown role {role!r}.", hint=f"Use one of: {', '.join(ROLES)}.")


class AccountsPart(StoreBase):
    # ---- users -----------------------------------------------------------------------
    def create_user(
        self, email: str, password: str, role: Role = "learner", *, name: str | None = None
    ) -> User:
        """A new account (ConflictError when the address is taken, InputError when the
        address or password breaks the rules)."""
        address = normalize_email(email)
        check_password(address, password)
        checked_role = _check_role(role)
        clean = _clean_name(name)
        hashed = hash_password(password)
        return self._insert_user(address, hashed, checked_role, clean, must_change=False)

    def create_user_one_time(
        self, email: str, role: Role = "learner", *, name: str | None = None
    ) -> tuple[User, str]:
        """A new account with a random first password, to be changed at the first sign-in
        (for an operator creating advisors and admins); returns the account and the
        password, which is stored only as its hash."""
        address = normalize_email(email)
        checked_role = _check_role(role)
        password = new_one_time_password()
        user = self._insert_user(
            address, hash_password(password), checked_role, _clean_name(name), must_change=True
        )
        return user, password

    def _insert_user(
        self, address: str, hashed: str | None, role: Role, name: str | None, *, must_change: bool
    ) -> User:
        taken = ConflictError(
            "an account with this e-mail address already exists.",
            hint="Sign in instead, or use another address.",
        )
        try:
            with self._db.writing() as s:
                if s.scalar(select(UserRow.id).where(UserRow.email == address)) is not None:
                    raise taken
                row = UserRow(
                    email=address,
                    name=name,
                    password_hash=hashed,
                    role=role,
                    must_change_password=must_change,
                    created=self._now(),
                )
                s.add(row)
                s.flush()
                return user_record(row)
        except ConflictError:
            raise taken from None

    def user(self, user_id: int) -> User:
        """A user by id (NotFoundError when there is none)."""
        with self._db.reading() as s:
            return user_record(self._user_row(s, user_id))

    def local_user(self) -> User:
        """The one person of local mode (no accounts), created on first use."""
        with self._db.reading() as s:
            row = s.scalar(select(UserRow).where(UserRow.email == LOCAL_EMAIL))
            if row is not None:
                return user_record(row)
        try:
            return self._insert_user(LOCAL_EMAIL, None, "learner", None, must_change=False)
        except ConflictError:  # another thread made it first
            with self._db.reading() as s:
                found = s.scalar(select(UserRow).where(UserRow.email == LOCAL_EMAIL))
                assert found is not None
                return user_record(found)

    def change_password(
        self, user_id: int, old_password: str, new_password: str, *, keep_session: str | None = None
    ) -> None:
        """Set a new password after checking the old one; every session of the user but
        ``keep_session`` (the token of the one making the change) is closed."""
        with self._db.reading() as s:
            row = self._user_row(s, user_id)
            stored, address = row.password_hash, row.email
        if stored is None or not verify_password(stored, old_password):
            raise AuthenticationError(
                "the current password is wrong.", hint="Type your current password again."
            )
        check_password(address, new_password)
        hashed = hash_password(new_password)
        keep = digest(keep_session) if isinstance(keep_session, str) else None
        with self._db.writing() as s:
            row = self._user_row(s, user_id)
            row.password_hash = hashed
            row.must_change_password = False
            q = delete(SessionRow).where(SessionRow.user_id == user_id)
            if keep is not None:
                q = q.where(SessionRow.token_hash != keep)
            s.execute(q)

    # ---- signing in --------------------------------------------------------------------
    def authenticate(self, email: str, password: str, *, client: str = "") -> User:
        """The user whose address and password these are. At most
        :data:`~careermap.accounts.MAX_FAILED_SIGN_INS` failures per address and per client
        (an IP address, say) in :data:`~careermap.accounts.SIGN_IN_WINDOW`; beyond that a
        :class:`~careermap.accounts.SignInRateLimitedError` says when to retry, even for the
        right password. A successful sign-in clears the address's failures."""
        address = (email if isinstance(email, str) else "").strip().lower()[:254]
        who = (client if isinstance(client, str) else "")[:_MAX_CLIENT]
        if not isinstance(password, str):
            password = ""
        now = self._now()
        with self._db.writing() as s:
            s.execute(delete(LoginAttempt).where(LoginAttempt.at <= now - SIGN_IN_WINDOW))
            self._check_rate(s, now, LoginAttempt.email == address)
            if who:
                self._check_rate(s, now, LoginAttempt.client == who)
            row = s.scalar(select(UserRow).where(UserRow.email == address))
            user_id, stored = (row.id, row.password_hash) if row is not None else (None, None)
        if stored is None or len(password) > 1024:
            spend_verify_time(password[:1024])
            ok = False
        else:
            ok = verify_password(stored, password)
        if not ok:
            with self._db.writing() as s:
                s.add(LoginAttempt(email=address, client=who, at=now))
            raise _wrong_credentials()
        assert user_id is not None and stored is not None
        rehashed = hash_password(password) if needs_rehash(stored) else None
        with self._db.writing() as s:
            s.execute(delete(LoginAttempt).where(LoginAttempt.email == address))
            row = self._user_row(s, user_id)
            row.last_login = now
            if rehashed is not None and row.password_hash == stored:
                row.password_hash = rehashed
            return user_record(row)

    @staticmethod
    def _check_rate(s: Session, now: datetime, where: ColumnElement[bool]) -> None:
        since = now - SIGN_IN_WINDOW
        times = list(
            s.scalars(
                select(LoginAttempt.at)
                .where(where, LoginAttempt.at > since)
                .order_by(LoginAttempt.at)
            )
        )
        if len(times) < MAX_FAILED_SIGN_INS:
            return
        # sign-in opens again when enough of these failures have left the window
        frees_at = times[len(times) - MAX_FAILED_SIGN_INS] + SIGN_IN_WINDOW
        raise SignInRateLimitedError(retry_after=int((frees_at - now).total_seconds()) + 1)

    # ---- sessions ----------------------------------------------------------------------
    def open_session(self, user_id: int) -> SessionToken:
        """A new session for the user: the token (for a cookie) is in the answer only."""
        token, csrf = new_token(), new_token()
        now = self._now()
        expires = now + SESSION_LIFETIME
        with self._db.writing() as s:
            self._user_row(s, user_id)
            s.execute(delete(SessionRow).where(SessionRow.expires <= now))
            s.add(
                SessionRow(
                    token_hash=digest(token),
                    user_id=user_id,
                    csrf=csrf,
                    created=now,
                    expires=expires,
                )
            )
        return SessionToken(token=token, csrf=csrf, expires=expires, user_id=user_id)

    def session(self, token: str) -> ActiveSession | None:
        """The live session of a token with its user and CSRF secret (None when the token
        is unknown or expired)."""
        if not isinstance(token, str) or not token or len(token) > _MAX_TOKEN:
            return None
        with self._db.reading() as s:
            hit = s.execute(
                select(SessionRow, UserRow)
                .join(UserRow, UserRow.id == SessionRow.user_id)
                .where(SessionRow.token_hash == digest(token))
            ).first()
            if hit is None:
                return None
            srow, urow = hit
            if srow.expires <= self._now():
                return None
            return ActiveSession(user=user_record(urow), csrf=srow.csrf, expires=srow.expires)

    def user_for_session(self, token: str) -> User | None:
        """The user signed in with this token (None when unknown or expired)."""
        found = self.session(token)
        return None if found is None else found.user

    def close_session(self, token: str) -> None:
        """Sign out: the token opens nothing any more (an unknown token is no error)."""
        if not isinstance(token, str) or not token or len(token) > _MAX_TOKEN:
            return
        with self._db.writing() as s:
            s.execute(delete(SessionRow).where(SessionRow.token_hash == digest(token)))
