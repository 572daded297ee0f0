"""Accounts on real SQLite and (when CAREERMAP_TEST_POSTGRES_URL is set) PostgreSQL:
password rules and hashing, sign-in and its rate limit, sessions, the local user."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type, extract_parameters
from sqlalchemy import text

from careermap import accounts
from careermap.accounts import (
    MAX_FAILED_SIGN_INS,
    PASSWORD_HASHER,
    SIGN_IN_WINDOW,
    SignInRateLimitedError,
)
from careermap.errors import (
    AuthenticationError,
    ConflictError,
    InputError,
    NotFoundError,
    RateLimitedError,
)
from careermap.store import Store
from conftest_store import BACKENDS, Clock, backend_url, open_store

PASSWORD = "a long enough secret"


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Store, Clock]]:
    clock = Clock()
    with backend_url(str(request.param), tmp_path) as url, open_store(url, clock=clock) as st:
        yield st, clock


def stored_hash(store: Store, email: str) -> str:
    with store.engine.connect() as conn:
        value = conn.execute(
            text("SELECT password_hash FROM users WHERE email = :e"), {"e": email}
        ).scalar_one()
    assert isinstance(value, str)
    return value


# ---------------------------------------------------------------- passwords


def test_passwords_are_hashed_with_owasps_argon2id_parameters(
    store: tuple[Store, Clock],
) -> None:
    st, _ = store
    st.create_user("ann@example.org", PASSWORD)
    stored = stored_hash(st, "ann@example.org")
    assert PASSWORD not in stored
    params = extract_parameters(stored)
    # OWASP Password Storage Cheat Sheet: Argon2id, m=19 MiB, t=2, p=1
    assert (params.type, params.memory_cost, params.time_cost, params.parallelism) == (
        Type.ID,
        19 * 1024,
        2,
        1,
    )
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD_HASHER.type is Type.ID


def test_a_hash_made_with_older_parameters_is_upgraded_at_sign_in(
    store: tuple[Store, Clock],
) -> None:
    st, _ = store
    st.create_user("ann@example.org", PASSWORD)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=2).hash(PASSWORD)
    with st.engine.begin() as conn:
        conn.execute(text("UPDATE users SET password_hash = :h"), {"h": weak})
    st.authenticate("ann@example.org", PASSWORD)
    now = stored_hash(st, "ann@example.org")
    assert now != weak and now.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    st.authenticate("ann@example.org", PASSWORD)  # the new hash works
    assert stored_hash(st, "ann@example.org") == now  # and is not redone every time


@pytest.mark.parametrize(
    ("password", "words"),
    [
        ("short1", "too short"),
        ("ann.lovelace@example.org", "your e-mail address"),
        ("ANN.LOVELACE@EXAMPLE.ORG", "your e-mail address"),
        ("ann.lovelace", "your e-mail address"),
        ("x" * 2000, "too long"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(password: str, words: str) -> None:
    with pytest.raises(InputError) as err:
        accounts.check_password("ann.lovelace@example.org", password)
    assert words in err.value.one_line()
    assert err.value.hint


def test_a_ten_character_password_is_enough(store: tuple[Store, Clock]) -> None:
    st, _ = store
    user = st.create_user("ann@example.org", "0123456789")
    assert st.authenticate("ann@example.org", "0123456789").id == user.id


@pytest.mark.parametrize("email", ["", "ann", "ann@", "@example.org", "ann@example", "a b@x.org"])
def test_addresses_careermap_cannot_use_are_refused(email: str) -> None:
    with pytest.raises(InputError, match="e-mail address"):
        accounts.normalize_email(email)


def test_emails_are_unique_whatever_their_case(store: tuple[Store, Clock]) -> None:
    st, _ = store
    ann = st.create_user("  Ann@Example.ORG ", PASSWORD, name="Ann")
    assert ann.email == "ann@example.org" and ann.name == "Ann"
    with pytest.raises(ConflictError, match="already exists"):
        st.create_user("ann@example.org", "another long secret")
    assert st.authenticate("ANN@example.org", PASSWORD).id == ann.id


def test_roles_are_checked(store: tuple[Store, Clock]) -> None:
    st, _ = store
    with pytest.raises(InputError, match="unknown role"):
        st.create_user("ann@example.org", PASSWORD, "superuser")  # type: ignore[arg-type]
    assert st.create_user("carla@example.org", PASSWORD, "advisor").role == "advisor"


# ---------------------------------------------------------------- signing in


def test_a_wrong_password_and_an_unknown_address_get_the_same_answer(
    store: tuple[Store, Clock],
) -> None:
    st, _ = store
    st.create_user("ann@example.org", PASSWORD)
    with pytest.raises(AuthenticationError) as wrong:
        st.authenticate("ann@example.org", "not the password")
    with pytest.raises(AuthenticationError) as unknown:
        st.authenticate("nobody@example.org", PASSWORD)
    assert wrong.value.to_dict() == unknown.value.to_dict()


def test_sign_in_pauses_after_five_failures_for_an_address(store: tuple[Store, Clock]) -> None:
    st, clock = store
    st.create_user("ann@example.org", PASSWORD)
    for i in range(MAX_FAILED_SIGN_INS):
        clock.advance(seconds=10)
        with pytest.raises(AuthenticationError):
            st.authenticate("ann@example.org", f"guess number {i}", client=f"10.0.0.{i}")
    with pytest.raises(RateLimitedError) as err:
        st.authenticate("ann@example.org", PASSWORD, client="10.0.0.99")  # even the right one
    assert isinstance(err.value, SignInRateLimitedError)
    assert err.value.http_status == 429 and err.value.code == "sign_in_rate_limited"
    # the first failure leaves the window 15 minutes after it happened
    assert err.value.retry_after == int(SIGN_IN_WINDOW.total_seconds()) - 40 + 1
    assert err.value.to_dict()["error"]["retry_after"] == err.value.retry_after
    assert "Try again in 15 minutes" in err.value.one_line()
    clock.advance(seconds=err.value.retry_after)
    assert st.authenticate("ann@example.org", PASSWORD).email == "ann@example.org"


def test_sign_in_pauses_after_five_failures_from_one_client(store: tuple[Store, Clock]) -> None:
    st, _ = store
    st.create_user("ann@example.org", PASSWORD)
    for i in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(AuthenticationError):
            st.authenticate(f"someone{i}@example.org", PASSWORD, client="203.0.113.7")
    with pytest.raises(RateLimitedError):
        st.authenticate("ann@example.org", PASSWORD, client="203.0.113.7")
    # another client is not held back, nor is a caller that names no client
    assert st.authenticate("ann@example.org", PASSWORD, client="198.51.100.1")
    assert st.authenticate("ann@example.org", PASSWORD)


def test_a_successful_sign_in_clears_the_failures(store: tuple[Store, Clock]) -> None:
    st, _ = store
    st.create_user("ann@example.org", PASSWORD)
    for _ in range(MAX_FAILED_SIGN_INS - 1):
        with pytest.raises(AuthenticationError):
            st.authenticate("ann@example.org", "a wrong password")
    st.authenticate("ann@example.org", PASSWORD)
    for _ in range(MAX_FAILED_SIGN_INS - 1):
        with pytest.raises(AuthenticationError):
            st.authenticate("ann@example.org", "a wrong password")
    assert st.authenticate("ann@example.org", PASSWORD)  # not limited: the count restarted


def test_old_failures_are_forgotten(store: tuple[Store, Clock]) -> None:
    st, clock = store
    st.create_user("ann@example.org", PASSWORD)
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(AuthenticationError):
            st.authenticate("ann@example.org", "a wrong password")
    clock.advance(minutes=16)
    with pytest.raises(AuthenticationError):  # wrong again, but no longer paused
        st.authenticate("ann@example.org", "a wrong password")
    with st.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM login_attempts")).scalar_one() == 1


# ---------------------------------------------------------------- sessions


def test_a_session_token_opens_the_session_and_only_its_digest_is_stored(
    store: tuple[Store, Clock],
) -> None:
    st, _ = store
    ann = st.create_user("ann@example.org", PASSWORD)
    one, two = st.open_session(ann.id), st.open_session(ann.id)
    assert one.token != two.token and one.csrf != two.csrf
    assert st.user_for_session(one.token) == ann
    active = st.session(one.token)
    assert active is not None and active.csrf == one.csrf and active.expires == one.expires
    with st.engine.connect() as conn:
        stored = conn.execute(text("SELECT token_hash FROM sessions")).scalars().all()
    assert one.token not in stored
    assert hashlib.sha256(one.token.encode()).hexdigest() in stored
    assert one.token not in repr(one) and one.csrf not in repr(one)  # secrets stay out of logs
    st.close_session(one.token)
    assert st.user_for_session(one.token) is None
    assert st.user_for_session(two.token) == ann
    st.close_session("no such token")  # signing out twice is fine


@pytest.mark.parametrize("token", ["", "x", "y" * 5000])
def test_unknown_tokens_open_nothing(store: tuple[Store, Clock], token: str) -> None:
    st, _ = store
    assert st.user_for_session(token) is None and st.session(token) is None


def test_sessions_expire(store: tuple[Store, Clock]) -> None:
    st, clock = store
    ann = st.create_user("ann@example.org", PASSWORD)
    opened = st.open_session(ann.id)
    assert opened.expires == clock.now + accounts.SESSION_LIFETIME
    clock.advance(days=13, hours=23)
    assert st.user_for_session(opened.token) == ann
    clock.advance(hours=2)
    assert st.user_for_session(opened.token) is None
    st.open_session(ann.id)  # opening another clears expired ones away
    with st.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM sessions")).scalar_one() == 1


def test_a_session_for_no_user_is_refused(store: tuple[Store, Clock]) -> None:
    st, _ = store
    with pytest.raises(NotFoundError):
        st.open_session(12345)


def test_changing_the_password_signs_out_other_sessions(store: tuple[Store, Clock]) -> None:
    st, _ = store
    ann = st.create_user("ann@example.org", PASSWORD)
    here, elsewhere = st.open_session(ann.id), st.open_session(ann.id)
    with pytest.raises(AuthenticationError):
        st.change_password(ann.id, "not my password", "a brand new secret")
    with pytest.raises(InputError):
        st.change_password(ann.id, PASSWORD, "short")
    st.change_password(ann.id, PASSWORD, "a brand new secret", keep_session=here.token)
    assert st.user_for_session(here.token) == ann
    assert st.user_for_session(elsewhere.token) is None
    with pytest.raises(AuthenticationError):
        st.authenticate("ann@example.org", PASSWORD)
    assert st.authenticate("ann@example.org", "a brand new secret").id == ann.id


# ---------------------------------------------------------------- tokens


def test_tokens_are_long_random_and_url_safe() -> None:
    tokens = {accounts.new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(len(t) >= 43 and t.replace("-", "").replace("_", "").isalnum() for t in tokens)
    assert accounts.digest("abc") == hashlib.sha256(b"abc").hexdigest()
    assert accounts.same_secret("abc", "abc") and not accounts.same_secret("abc", "abd")
    assert len(accounts.new_one_time_password()) >= accounts.MIN_PASSWORD_LENGTH
