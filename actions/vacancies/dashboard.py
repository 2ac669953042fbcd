"""ActionShowVacancyDashboard: the saved vacancies and the application history, in short."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.backoffice_client import BackofficeClient, BackofficeUnavailableError
from actions.channel import wants_short_answers
from actions.identity import identify
from actions.vacancies import render
from actions.vacancies.criteria import SHOWN_SLOT


class ActionShowVacancyDashboard(Action):
    def name(self) -> str:
        return "action_show_vacancy_dashboard"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        client = BackofficeClient.from_environment()
        identity = await identify(tracker, client)
        if identity is None:
            dispatcher.utter_message(response="utter_dashboard_need_login")
            return []
        try:
            dashboard = await client.vacancy_dashboard(jobseeker_id=identity.jobseeker_id)
        except BackofficeUnavailableError:
            dispatcher.utter_message(response="utter_backoffice_trouble")
            return []
        if dashboard is None or not (dashboard.saved or dashboard.applications):
            dispatcher.utter_message(response="utter_dashboard_empty")
            return []
        dispatcher.utter_message(text=render.dashboard_summary(dashboard, short=wants_short_answers(tracker)))
        dispatcher.utter_message(response="utter_dashboard_proof")
        return [SlotSet(SHOWN_SLOT, [str(card.id) for card in dashboard.saved[: render.DASHBOARD_SAVED]])]
