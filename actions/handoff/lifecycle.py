"""What the bot says when a consultant gives the conversation back, or nobody came in time."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.appointments import booking
from actions.handoff import texts
from actions.handoff.request import HANDOFF_SLOT, yes_no_buttons
from actions.questions import ask, forget_question

QUESTION_APPOINTMENT = "handoff_appointment"


def consultant_name(tracker: Tracker) -> str | None:
    """The first name the backoffice put on the consultant's latest message."""
    for event in reversed(tracker.events):
        metadata = event.get("metadata") or {} if event.get("event") == "bot" else {}
        if metadata.get("from") == "consultant":
            name = metadata.get("consultant")
            return str(name) if name else None
    return None


class ActionHandoffRecap(Action):
    """The consultant handed back or closed: the bot is back, says so and offers more help."""

    def name(self) -> str:
        return "action_handoff_recap"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        name = consultant_name(tracker)
        back = texts.BACK_WITH_NAME.format(name=name) if name else texts.BACK
        dispatcher.utter_message(text=f"{back} {texts.ANYTHING_ELSE}")
        return [SlotSet(HANDOFF_SLOT, None), *forget_question()]


class ActionHandoffTimedOut(Action):
    """Nobody could take the conversation in time: offer an appointment instead."""

    def name(self) -> str:
        return "action_handoff_timed_out"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(text=texts.TIMED_OUT)
        dispatcher.utter_message(text=texts.ASK_APPOINTMENT, buttons=yes_no_buttons())
        return [SlotSet(HANDOFF_SLOT, None), *ask(QUESTION_APPOINTMENT)]


async def answer(dispatcher: CollectingDispatcher, tracker: Tracker, question: str, intent: str) -> list[EventType]:
    if intent == "affirm":
        return await booking.offer_slots(dispatcher, tracker)
    dispatcher.utter_message(text=texts.NO_APPOINTMENT)
    return forget_question()
