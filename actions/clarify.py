"""What the bot does when it did not understand: suggest what was likely meant, then offer a person."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.intent_labels import HUMAN_LABEL, HUMAN_PAYLOAD, SUGGESTION_LABELS
from actions.questions import ask, forget_question, question_just_asked

FALLBACK_INTENT = "nlu_fallback"
MISUNDERSTANDINGS_BEFORE_PERSON = 2
MAX_SUGGESTIONS = 2
QUESTION_PERSON_OFFER = "offer_person"


def misunderstandings_in_a_row(tracker: Tracker) -> int:
    """How many of the latest user messages in a row the NLU did not understand."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent != FALLBACK_INTENT:
            break
        count += 1
    return count


def likely_meanings(tracker: Tracker) -> list[str]:
    ranking = tracker.latest_message.get("intent_ranking") or []
    candidates = [item["name"] for item in ranking if item.get("name") in SUGGESTION_LABELS]
    return candidates[:MAX_SUGGESTIONS]


class ActionClarify(Action):
    """First misunderstanding: up to two likely meanings as buttons, plus a person (or, when a
    yes/no question is open, a request to answer yes or no).
    Second in a row: offer a person straight away."""

    def name(self) -> str:
        return "action_clarify"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if misunderstandings_in_a_row(tracker) >= MISUNDERSTANDINGS_BEFORE_PERSON:
            dispatcher.utter_message(response="utter_offer_human")
            return ask(QUESTION_PERSON_OFFER)
        question = question_just_asked(tracker)
        if question is not None:
            # A yes/no question is open: ask for a yes or a no, and keep the question open.
            dispatcher.utter_message(response="utter_answer_yes_or_no")
            return ask(question)
        meanings = likely_meanings(tracker)
        if not meanings:
            dispatcher.utter_message(response="utter_default")
            return []
        buttons = [{"title": SUGGESTION_LABELS[intent], "payload": f"/{intent}"} for intent in meanings]
        buttons.append({"title": HUMAN_LABEL, "payload": HUMAN_PAYLOAD})
        dispatcher.utter_message(response="utter_suggest_meanings", buttons=buttons)
        return []


async def answer(dispatcher: CollectingDispatcher, tracker: Tracker, question: str, intent: str) -> list[EventType]:
    """ "Ja" to "Wil je met een medewerker praten?" after two misunderstandings."""
    # Imported here: the handoff package uses this module's misunderstanding count.
    from actions.handoff.request import request_person

    if intent == "affirm":
        return await request_person(dispatcher, tracker, reason="misunderstood")
    dispatcher.utter_message(response="utter_try_again")
    return forget_question()
