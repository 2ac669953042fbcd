"""ActionDigitalDifficulty: the jobseeker struggles with the computer; notice it kindly.

Each such message adds evidence. When the backoffice scorer puts the jobseeker a level lower
than before, the bot says so kindly and offers an appointment, a call back or a course;
otherwise it helps with the task at hand and keeps a person one click away.
"""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.backoffice_client import BackofficeUnavailableError
from actions.channel import channel_of, wants_short_answers
from actions.digital import texts
from actions.digital.signals import LEVEL_SLOT, QUESTION_DIGITAL_OFFER, SIGNALS_SLOT, signal_for, with_signal
from actions.dispatch_client import DIGITAL, LEVELS, DispatchClient
from actions.identity import identify
from actions.intent_labels import HUMAN_PAYLOAD
from actions.questions import ask, forget_question


def dropped(level: str, before: str | None) -> bool:
    """True when the level is lower than any level this conversation saw before."""
    rank = {name: index for index, name in enumerate(LEVELS)}
    return level != DIGITAL and rank.get(level, 0) > rank.get(before or DIGITAL, 0)


def offer_buttons() -> list[dict[str, str]]:
    return [
        {"title": texts.CHOICE_APPOINTMENT, "payload": "/book_appointment"},
        {"title": texts.CHOICE_CALLBACK, "payload": '/request_human{"handoff_kind": "callback"}'},
        {"title": texts.CHOICE_COURSE, "payload": "/ask_digital_course"},
    ]


class ActionDigitalDifficulty(Action):
    def name(self) -> str:
        return "action_digital_difficulty"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        signal = signal_for(tracker.latest_message.get("text") or "")
        signals = with_signal(tracker, signal)
        events: list[EventType] = [SlotSet(SIGNALS_SLOT, signals)]
        client = DispatchClient.from_environment()
        try:
            identity = await identify(tracker, client)
            assessment = await client.assess_digital_skill(
                jobseeker_id=identity.jobseeker_id if identity else None, channel=channel_of(tracker), signals=signals
            )
        except BackofficeUnavailableError:
            # Without the scorer: still kind, still a person within reach.
            self._help(dispatcher, signal.get("detail"))
            return [*events, *forget_question()]
        before = tracker.get_slot(LEVEL_SLOT) or assessment.previous_level
        events.append(SlotSet(LEVEL_SLOT, assessment.level))
        if dropped(assessment.level, before):
            dispatcher.utter_message(text=texts.NOTICED)
            text = texts.NOT_ALONE
            if wants_short_answers(tracker):
                text = f"{text} {texts.CHOICES_IN_WORDS}"
            dispatcher.utter_message(text=text, buttons=offer_buttons())
            return [*events, *ask(QUESTION_DIGITAL_OFFER)]
        self._help(dispatcher, signal.get("detail"))
        return [*events, *forget_question()]

    @staticmethod
    def _help(dispatcher: CollectingDispatcher, operation: str | None) -> None:
        dispatcher.utter_message(text=texts.HELP.get(operation or "", texts.HELP_GENERAL))
        dispatcher.utter_message(text=texts.STILL_STUCK, buttons=[{"title": texts.PERSON, "payload": HUMAN_PAYLOAD}])
