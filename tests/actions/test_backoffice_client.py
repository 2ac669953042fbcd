"""The typed backoffice client: bearer token, typed results, clear failures."""

import asyncio

import pytest

from actions.backoffice_client import BackofficeClient, BackofficeUnavailableError, Dossier, Identity
from actions.settings import BotSettings
from tests.actions.fake_backoffice import TOKEN, running_fake_backoffice


def client_for(url: str, token: str = TOKEN) -> BackofficeClient:
    return BackofficeClient(
        BotSettings(backoffice_url=url, backoffice_api_token=token, backoffice_timeout_seconds=2, max_message_chars=10)
    )


def run(coroutine_factory):
    async def scenario():
        async with running_fake_backoffice() as fake:
            return await coroutine_factory(fake.url)

    return asyncio.run(scenario())


def test_resolves_a_known_identity() -> None:
    identity = run(lambda url: client_for(url).resolve_identity(channel="web", identity_token="token-for-lotte"))
    assert identity == Identity(jobseeker_id=7, first_name="Lotte")


def test_unknown_identity_is_none() -> None:
    assert run(lambda url: client_for(url).resolve_identity(channel="web", identity_token="nope")) is None


def test_dossier_is_typed() -> None:
    dossier = run(lambda url: client_for(url).get_dossier(jobseeker_id=7))
    assert dossier == Dossier(id=7, first_name="Lotte", municipality="Genk", province="Limburg",
                              has_email=False, office_id=3)  # fmt: skip


def test_wrong_token_is_an_error_not_a_silent_none() -> None:
    with pytest.raises(BackofficeUnavailableError):
        run(lambda url: client_for(url, token="wrong").get_dossier(jobseeker_id=7))  # noqa: S106


def test_unreachable_backoffice_raises() -> None:
    with pytest.raises(BackofficeUnavailableError):
        asyncio.run(client_for("http://127.0.0.1:9").get_dossier(jobseeker_id=7))
