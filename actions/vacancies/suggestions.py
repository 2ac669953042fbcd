"""ActionSuggestJobs: "Heb je jobs voor mij?" — suggestions, each with the reason why."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.backoffice_client import BackofficeClient, BackofficeUnavailableError
from actions.channel import channel_of
from actions.identity import identify
from actions.vacancies import render
from actions.vacancies.criteria import SHOWN_SLOT

WEB_SUGGESTIONS = 5


class ActionSuggestJobs(Action):
    def name(self) -> str:
        return "action_suggest_jobs"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        client = BackofficeClient.from_environment()
        identity = await identify(tracker, client)
        if identity is None:
            dispatcher.utter_message(response="utter_suggestions_need_login")
            return []
        channel = channel_of(tracker)
        limit = render.SMS_ITEMS if channel in ("sms", "phone") else WEB_SUGGESTIONS
        try:
            suggestions = await client.job_suggestions(jobseeker_id=identity.jobseeker_id, limit=limit)
        except BackofficeUnavailableError:
            dispatcher.utter_message(response="utter_backoffice_trouble")
            return []
        if not suggestions:
            dispatcher.utter_message(response="utter_no_suggestions")
            return []
        if channel == "sms":
            dispatcher.utter_message(text=render.sms_suggestions(suggestions))
        elif channel == "phone":
            dispatcher.utter_message(text=render.phone_suggestions(suggestions))
        else:
            dispatcher.utter_message(response="utter_suggestions_intro")
            for message in render.suggestion_cards(suggestions):
                dispatcher.utter_message(**message)
        shown = [str(suggestion.vacancy.id) for suggestion in suggestions]
        return [SlotSet("jobseeker_id", str(identity.jobseeker_id)), SlotSet(SHOWN_SLOT, shown)]
