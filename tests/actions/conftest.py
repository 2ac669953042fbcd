"""Tracker fixtures named by the state of the conversation."""

from typing import Any

import pytest
from rasa_sdk import Tracker


def make_tracker(*, metadata: dict[str, Any] | None = None, slots: dict[str, Any] | None = None) -> Tracker:
    latest_message = {"text": "hallo", "intent": {"name": "greet", "confidence": 0.99}, "metadata": metadata or {}}
    events = [{"event": "user", "text": "hallo", "input_channel": "web", "metadata": metadata or {}}]
    return Tracker("test-sender", slots or {}, latest_message, events, False, None, {}, "action_listen")


@pytest.fixture
def tracker_anonymous() -> Tracker:
    return make_tracker()


@pytest.fixture
def tracker_with_valid_identity_token() -> Tracker:
    return make_tracker(metadata={"identity_token": "token-for-lotte"})


@pytest.fixture
def tracker_with_forged_identity_token() -> Tracker:
    return make_tracker(metadata={"identity_token": "forged"})


@pytest.fixture
def tracker_known_from_earlier_turn() -> Tracker:
    return make_tracker(slots={"jobseeker_id": "7", "first_name": "Lotte"})
