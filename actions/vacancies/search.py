"""Running a vacancy search: after the form, on "meer", on a wider radius, on "en in Leuven?"."""

import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.appointments import booking
from actions.backoffice_client import BackofficeClient, BackofficeUnavailableError, UnknownLocationError
from actions.channel import channel_of
from actions.questions import ask
from actions.vacancies import render
from actions.vacancies.criteria import PAGE_SLOT, SHOWN_SLOT, WIDER_RADIUS_KM, SearchCriteria, radius_events
from actions.vacancies.saving import ActionSaveVacancy

BARE_NUMBER = re.compile(r"\s*\d{1,2}\s*")
QUESTION_MORE = "more_vacancies"
QUESTION_WIDEN = "widen_search"
PAGE_SIZE = {"sms": render.SMS_ITEMS, "phone": render.PHONE_ITEMS}
WEB_PAGE_SIZE = 5


async def run_search(
    dispatcher: CollectingDispatcher, tracker: Tracker, criteria: SearchCriteria, *, page: int
) -> list[EventType]:
    channel = channel_of(tracker)
    try:
        result = await BackofficeClient.from_environment().search_vacancies(
            occupation=criteria.job_title,
            location=criteria.location,
            radius_km=criteria.radius_km if criteria.location and not criteria.is_province else None,
            contract_type=criteria.contract_type,
            work_schedule=criteria.work_schedule,
            page=page,
            page_size=PAGE_SIZE.get(channel, WEB_PAGE_SIZE),
        )
    except UnknownLocationError:
        dispatcher.utter_message(response="utter_search_location_unknown")
        return [SlotSet("search_location", None)]
    except BackofficeUnavailableError:
        dispatcher.utter_message(response="utter_backoffice_trouble")
        return []
    if result.total == 0:
        return [SlotSet(PAGE_SLOT, float(page)), SlotSet(SHOWN_SLOT, []), *_no_results(dispatcher, criteria)]
    if channel == "sms":
        dispatcher.utter_message(text=render.sms_list(result, criteria))
    elif channel == "phone":
        dispatcher.utter_message(text=render.phone_list(result))
    else:
        if page == 1:
            dispatcher.utter_message(text=render.intro(result, criteria))
        for card in render.web_cards(result):
            dispatcher.utter_message(**card)
    events: list[EventType] = [
        SlotSet(SHOWN_SLOT, [str(card.id) for card in result.results]),
        SlotSet(PAGE_SLOT, float(page)),
    ]
    if result.has_more and channel not in PAGE_SIZE:
        dispatcher.utter_message(response="utter_ask_more_vacancies")
    return [*events, *ask(QUESTION_MORE)] if result.has_more else events


def _no_results(dispatcher: CollectingDispatcher, criteria: SearchCriteria) -> list[EventType]:
    """Never a dead end: offer a wider radius, else other words or a person."""
    if criteria.can_widen:
        dispatcher.utter_message(
            response="utter_search_no_results_widen",
            what=criteria.what(),
            where=criteria.where(),
            radius=WIDER_RADIUS_KM,
        )
        return ask(QUESTION_WIDEN)
    dispatcher.utter_message(response="utter_search_no_results", what=criteria.what(), where=criteria.where())
    return []


async def answer(dispatcher: CollectingDispatcher, tracker: Tracker, question: str, intent: str) -> list[EventType]:
    """ "ja" to "meer zien?" shows the next page; "ja" to "verder zoeken?" widens the radius."""
    if intent != "affirm":
        dispatcher.utter_message(response="utter_goodbye" if intent == "goodbye" else "utter_noted")
        return []
    criteria = SearchCriteria.from_tracker(tracker)
    if question == QUESTION_WIDEN:
        wider = replace(criteria, radius_km=WIDER_RADIUS_KM)
        return [*radius_events(WIDER_RADIUS_KM), *await run_search(dispatcher, tracker, wider, page=1)]
    page = int(tracker.get_slot(PAGE_SLOT) or 1) + 1
    return await run_search(dispatcher, tracker, criteria, page=page)


class ActionSearchVacancies(Action):
    def name(self) -> str:
        return "action_search_vacancies"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return await run_search(dispatcher, tracker, SearchCriteria.from_tracker(tracker), page=1)


class ActionRefineSearch(Action):
    """A bare answer outside a question ("en in Leuven?"): search again with that one change."""

    def name(self) -> str:
        return "action_refine_search"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        chosen = await booking.choose_by_number(dispatcher, tracker)
        if chosen is not None:
            # "2" right after the appointment moments were offered picks that moment.
            return chosen
        if BARE_NUMBER.fullmatch(text) and tracker.get_slot(SHOWN_SLOT):
            # "2" in reply to a numbered list (SMS): save that one.
            return await ActionSaveVacancy().run(dispatcher, tracker, domain)
        criteria = SearchCriteria.from_tracker(tracker)
        searched_before = tracker.get_slot(PAGE_SLOT) is not None
        if not searched_before:
            dispatcher.utter_message(response="utter_topic_with_person")
            return []
        return await run_search(dispatcher, tracker, criteria, page=1)
