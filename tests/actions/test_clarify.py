"""action_clarify: likely meanings first, a person after two misunderstandings in a row."""

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.clarify import QUESTION_PERSON_OFFER, ActionClarify, misunderstandings_in_a_row
from actions.intent_labels import HUMAN_PAYLOAD, SUGGESTION_LABELS


def user_event(text: str, intent: str) -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent, "confidence": 0.4}}}


def bot_event(text: str) -> dict[str, Any]:
    return {"event": "bot", "text": text}


RANKING = [
    {"name": "nlu_fallback", "confidence": 0.55},
    {"name": "search_vacancies", "confidence": 0.41},
    {"name": "greet", "confidence": 0.2},
    {"name": "ask_job_suggestions", "confidence": 0.19},
    {"name": "book_appointment", "confidence": 0.1},
]


def make_tracker(events: list[dict[str, Any]], ranking: list[dict[str, Any]] = RANKING) -> Tracker:
    latest = {"text": events[-1]["text"], "intent": {"name": "nlu_fallback"}, "intent_ranking": ranking}
    return Tracker("sender", {}, latest, events, False, None, {}, "action_listen")


@pytest.fixture
def tracker_first_misunderstanding() -> Tracker:
    return make_tracker(
        [user_event("hallo", "greet"), bot_event("Dag!"), user_event("vakatuurs kijke", "nlu_fallback")]
    )


@pytest.fixture
def tracker_second_misunderstanding_in_a_row() -> Tracker:
    return make_tracker(
        [
            user_event("hallo", "greet"),
            user_event("vakatuurs kijke", "nlu_fallback"),
            bot_event("Bedoel je een van deze?"),
            user_event("nee da bedoel ik ni", "nlu_fallback"),
        ]
    )


@pytest.fixture
def tracker_misunderstood_after_being_understood() -> Tracker:
    return make_tracker(
        [
            user_event("qsdf", "nlu_fallback"),
            user_event("/search_vacancies", "search_vacancies"),
            user_event("blabla", "nlu_fallback"),
        ]
    )


def run_with_events(tracker: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionClarify().run(dispatcher, tracker, {}))
    return dispatcher.messages, events


def run(tracker: Tracker) -> list[dict[str, Any]]:
    messages, events = run_with_events(tracker)
    assert events == []
    return messages


def test_name() -> None:
    assert ActionClarify().name() == "action_clarify"


def test_first_misunderstanding_suggests_two_meanings_and_a_person(tracker_first_misunderstanding: Tracker) -> None:
    [message] = run(tracker_first_misunderstanding)
    assert message["response"] == "utter_suggest_meanings"
    assert [button["payload"] for button in message["buttons"]] == [
        "/search_vacancies",
        "/ask_job_suggestions",
        HUMAN_PAYLOAD,
    ]
    assert message["buttons"][0]["title"] == SUGGESTION_LABELS["search_vacancies"]


def test_small_talk_is_never_suggested(tracker_first_misunderstanding: Tracker) -> None:
    [message] = run(tracker_first_misunderstanding)
    assert "/greet" not in [button["payload"] for button in message["buttons"]]


def test_second_misunderstanding_in_a_row_offers_a_person(tracker_second_misunderstanding_in_a_row: Tracker) -> None:
    assert misunderstandings_in_a_row(tracker_second_misunderstanding_in_a_row) == 2
    [message], events = run_with_events(tracker_second_misunderstanding_in_a_row)
    assert message["response"] == "utter_offer_human"
    # A typed "ja" answers that offer (actions/replies.py), not only the button.
    assert events == [SlotSet("pending_question", QUESTION_PERSON_OFFER)]


def test_an_understood_message_resets_the_count(tracker_misunderstood_after_being_understood: Tracker) -> None:
    assert misunderstandings_in_a_row(tracker_misunderstood_after_being_understood) == 1
    [message] = run(tracker_misunderstood_after_being_understood)
    assert message["response"] == "utter_suggest_meanings"


def test_without_any_likely_meaning_it_asks_to_rephrase() -> None:
    tracker = make_tracker(
        [user_event("qsdfqsdf", "nlu_fallback")], ranking=[{"name": "nlu_fallback", "confidence": 1}]
    )
    [message] = run(tracker)
    assert message["response"] == "utter_default"


def test_misunderstood_answer_to_an_open_question_asks_for_yes_or_no() -> None:
    events = [
        user_event("help met mijn cv", "ask_assignment_help"),
        {"event": "slot", "name": "pending_question", "value": "assignment_step"},
        bot_event("Lukt het?"),
        user_event("bwa allee misschien", "nlu_fallback"),
    ]
    dispatcher = CollectingDispatcher()
    returned = asyncio.run(ActionClarify().run(dispatcher, make_tracker(events), {}))
    assert [message["response"] for message in dispatcher.messages] == ["utter_answer_yes_or_no"]
    assert returned == [{"event": "slot", "timestamp": None, "name": "pending_question", "value": "assignment_step"}]
