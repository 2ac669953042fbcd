"""ActionReplyToQuestion: a "ja", "nee" or goodbye goes to the question the bot just asked.

Without a question just asked, "ja"/"nee" are acknowledged and a goodbye is a goodbye.
"""

from collections.abc import Awaitable, Callable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import clarify
from actions.appointments import changes
from actions.assignments import walkthrough
from actions.handoff import lifecycle, request
from actions.questions import forget_question, question_just_asked
from actions.vacancies import search

Handler = Callable[[CollectingDispatcher, Tracker, str, str], Awaitable[list[EventType]]]

HANDLERS: dict[str, Handler] = {
    walkthrough.QUESTION_STEP: walkthrough.answer,
    walkthrough.QUESTION_START: walkthrough.answer,
    walkthrough.QUESTION_PERSON: walkthrough.answer,
    search.QUESTION_MORE: search.answer,
    search.QUESTION_WIDEN: search.answer,
    clarify.QUESTION_PERSON_OFFER: clarify.answer,
    request.QUESTION_CALLBACK: request.answer,
    request.QUESTION_WAITING: request.answer,
    lifecycle.QUESTION_APPOINTMENT: lifecycle.answer,
    changes.QUESTION_CANCEL: changes.answer,
}
ANSWER_INTENTS = ("affirm", "deny", "goodbye")


class ActionReplyToQuestion(Action):
    def name(self) -> str:
        return "action_reply_to_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        question = question_just_asked(tracker)
        handler = HANDLERS.get(question) if question else None
        if handler is not None and intent in ANSWER_INTENTS:
            return await handler(dispatcher, tracker, question, intent)
        if intent == "deny":
            # "Nee" later on, while still in the queue for a person, stops the wait.
            cancelled = await request.cancel_waiting(dispatcher, tracker)
            if cancelled is not None:
                return cancelled
        dispatcher.utter_message(response="utter_goodbye" if intent == "goodbye" else "utter_noted")
        return forget_question()
