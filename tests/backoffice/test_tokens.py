"""Identity tokens: signed, bound to a secret, expiring."""

import pytest

from backoffice.identity.tokens import InvalidIdentityTokenError, read_identity, sign_identity


def test_round_trip() -> None:
    token = sign_identity(secret="k", jobseeker_id=42)  # noqa: S106
    assert read_identity(secret="k", token=token, max_age_seconds=60) == 42  # noqa: S106


def test_expired_token_is_refused() -> None:
    token = sign_identity(secret="k", jobseeker_id=42)  # noqa: S106
    with pytest.raises(InvalidIdentityTokenError):
        read_identity(secret="k", token=token, max_age_seconds=-1)  # noqa: S106


def test_tampered_token_is_refused() -> None:
    token = sign_identity(secret="k", jobseeker_id=42)  # noqa: S106
    with pytest.raises(InvalidIdentityTokenError):
        read_identity(secret="other", token=token, max_age_seconds=60)  # noqa: S106


def test_missing_secret_is_a_configuration_error() -> None:
    with pytest.raises(RuntimeError):
        sign_identity(secret="", jobseeker_id=1)
