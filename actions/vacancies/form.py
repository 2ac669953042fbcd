"""ValidateVacancySearchForm: what and where, understood from entities or from a bare answer."""

import re
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.vacancies.criteria import ANY
from nlu.normalization import normalize
from nlu.resolution.resolver import resolve_entity

NO_PREFERENCE = re.compile(r"\b(om het even|maakt (mij |me )?niet uit|egaal|eender|alles|overal|gelijk wat)\b")


class ValidateVacancySearchForm(FormValidationAction):
    def name(self) -> str:
        return "validate_vacancy_search_form"

    @staticmethod
    def _answer(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, entity: str) -> dict[str, Any]:
        """A bare answer to the question just asked: "om het even", or a name the resolver knows.
        Nothing understood: say so kindly; the form then asks again."""
        if tracker.get_slot("requested_slot") != slot:
            return {}
        if any(item.get("entity") == entity for item in tracker.latest_message.get("entities") or []):
            return {}  # the entity mapping fills it
        text = (tracker.latest_message.get("text") or "").strip()
        if NO_PREFERENCE.search(text.lower()):
            return {slot: ANY}
        # The tracker keeps what was typed or heard; resolve the normalised form ("negen nul nul nul" → 9000).
        resolution = resolve_entity(entity, normalize(text)) if text else None
        if resolution is None:
            dispatcher.utter_message(response=f"utter_{slot}_unknown")
            return {}
        return {slot: resolution.value}

    async def extract_search_job_title(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._answer(dispatcher, tracker, "search_job_title", "job_title")

    async def extract_search_location(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._answer(dispatcher, tracker, "search_location", "location")

    def validate_search_job_title(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # Two occupations in one message ("magazijnier of orderpicker"): search the first.
        first = value[0] if isinstance(value, list) and value else value
        return {"search_job_title": first if isinstance(first, str) and first.strip() else None}

    def validate_search_location(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        first = value[0] if isinstance(value, list) and value else value
        if isinstance(first, str) and first.strip():
            return {"search_location": first, "search_radius_km": None}  # a new place: the usual radius
        return {"search_location": None}
