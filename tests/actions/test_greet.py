"""action_greet against a local fake backoffice."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.greet import ActionGreet
from actions.settings import get_settings
from tests.actions.fake_backoffice import TOKEN, running_fake_backoffice


@pytest.fixture(autouse=True)
def _backoffice_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKOFFICE_API_TOKEN", TOKEN)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def greet(tracker: Tracker, *, fail_with: int | None = None, backoffice_down: bool = False):
    async def scenario():
        async with running_fake_backoffice() as fake:
            fake.fail_with = fail_with
            url = "http://127.0.0.1:9" if backoffice_down else fake.url
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("BACKOFFICE_URL", url)
                get_settings.cache_clear()
                dispatcher = CollectingDispatcher()
                events = await ActionGreet().run(dispatcher, tracker, {})
            return dispatcher.messages, events, fake.requests

    return asyncio.run(scenario())


def test_name() -> None:
    assert ActionGreet().name() == "action_greet"


def test_anonymous_jobseeker_gets_the_general_greeting(tracker_anonymous: Tracker) -> None:
    messages, events, requests = greet(tracker_anonymous)
    assert [message["response"] for message in messages] == ["utter_greet"]
    assert events == []
    assert requests == [], "no identity, no call to the backoffice"


def test_signed_in_jobseeker_is_greeted_by_first_name(tracker_with_valid_identity_token: Tracker) -> None:
    messages, events, requests = greet(tracker_with_valid_identity_token)
    assert messages[0]["response"] == "utter_greet_known"
    assert messages[0]["first_name"] == "Lotte"
    assert events == [SlotSet("jobseeker_id", "7"), SlotSet("first_name", "Lotte")]
    assert requests == [("POST", "/api/v1/identity/resolve")]


def test_forged_token_gets_the_general_greeting(tracker_with_forged_identity_token: Tracker) -> None:
    messages, events, _ = greet(tracker_with_forged_identity_token)
    assert [message["response"] for message in messages] == ["utter_greet"]
    assert events == []


def test_identity_from_an_earlier_turn_is_kept(tracker_known_from_earlier_turn: Tracker) -> None:
    messages, _, requests = greet(tracker_known_from_earlier_turn)
    assert messages[0]["first_name"] == "Lotte"
    assert requests == []


@pytest.mark.parametrize("failure", [{"fail_with": 500}, {"backoffice_down": True}])
def test_backoffice_trouble_still_greets(tracker_with_valid_identity_token: Tracker, failure: dict) -> None:
    messages, events, _ = greet(tracker_with_valid_identity_token, **failure)
    assert [message["response"] for message in messages] == ["utter_greet"]
    assert events == []


def test_identity_token_from_an_earlier_message_of_the_conversation() -> None:
    events = [
        {"event": "user", "text": "ik zoek werk", "metadata": {"identity_token": "token-for-lotte"}},
        {"event": "user", "text": "hallo", "metadata": {}},
    ]
    latest = {"text": "hallo", "intent": {"name": "greet"}, "metadata": {}}
    tracker = Tracker("s", {}, latest, events, False, None, {}, "action_listen")
    messages, events, _ = greet(tracker)
    assert messages[0]["first_name"] == "Lotte"
