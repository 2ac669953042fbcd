"""Yes/no questions the bot asks: a short "ja" or "nee" only answers the question asked just before."""

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

PENDING_QUESTION_SLOT = "pending_question"


def ask(question: str) -> list[EventType]:
    return [SlotSet(PENDING_QUESTION_SLOT, question)]


def forget_question() -> list[EventType]:
    return [SlotSet(PENDING_QUESTION_SLOT, None)]


def question_just_asked(tracker: Tracker) -> str | None:
    """The question set in the bot's turn right before the latest message, if any.

    A question from an earlier turn has lapsed: after a detour, "ja" must not
    silently move an assignment on.
    """
    user_messages_seen = 0
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            user_messages_seen += 1
            if user_messages_seen == 2:
                return None
        elif kind == "slot" and event.get("name") == PENDING_QUESTION_SLOT and user_messages_seen == 1:
            value = event.get("value")
            return value if isinstance(value, str) and value else None
    return None
