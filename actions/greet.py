"""Greets the jobseeker, by first name when the channel tells who they are."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.backoffice_client import BackofficeClient
from actions.identity import identify


class ActionGreet(Action):
    def name(self) -> str:
        return "action_greet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        identity = await identify(tracker, BackofficeClient.from_environment())
        if identity is None:
            dispatcher.utter_message(response="utter_greet")
            return []
        dispatcher.utter_message(response="utter_greet_known", first_name=identity.first_name)
        return [SlotSet("jobseeker_id", str(identity.jobseeker_id)), SlotSet("first_name", identity.first_name)]
