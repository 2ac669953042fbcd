"""ActionSaveVacancy: a save button, or "bewaar nummer 2" about the list just shown."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.backoffice_client import BackofficeClient, BackofficeUnavailableError
from actions.identity import identify
from actions.payloads import payload_id
from actions.vacancies.criteria import SHOWN_SLOT
from actions.vacancies.numbers import listed_number

VACANCY_ENTITY = "vacancy_id"


def meant_vacancy(tracker: Tracker) -> int | None:
    if next(tracker.get_latest_entity_values(VACANCY_ENTITY), None) is not None:
        return payload_id(tracker, VACANCY_ENTITY)
    shown = tracker.get_slot(SHOWN_SLOT) or []
    number = listed_number(tracker.latest_message.get("text") or "")
    if number is None or not 1 <= number <= len(shown):
        return None
    return int(shown[number - 1])


class ActionSaveVacancy(Action):
    def name(self) -> str:
        return "action_save_vacancy"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        client = BackofficeClient.from_environment()
        identity = await identify(tracker, client)
        if identity is None:
            dispatcher.utter_message(response="utter_save_needs_login")
            return []
        vacancy_id = meant_vacancy(tracker)
        if vacancy_id is None:
            dispatcher.utter_message(response="utter_save_which")
            return []
        try:
            saved = await client.save_vacancy(jobseeker_id=identity.jobseeker_id, vacancy_id=vacancy_id)
        except BackofficeUnavailableError:
            dispatcher.utter_message(response="utter_backoffice_trouble")
            return []
        dispatcher.utter_message(response="utter_vacancy_saved" if saved else "utter_vacancy_gone")
        return []
