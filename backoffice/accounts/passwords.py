"""Argon2id password hashes (argon2-cffi's defaults, RFC 9106's low-memory profile)."""

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 12


@lru_cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@lru_cache
def _dummy_hash() -> str:
    return _hasher().hash("not-a-real-password-only-for-timing")


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether the password matches; an unknown account costs the same time as a wrong password."""
    try:
        return _hasher().verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher().check_needs_rehash(password_hash)
