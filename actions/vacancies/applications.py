"""The application form: "ik heb gesolliciteerd bij …" is logged in the history as proof of search.

Where: a button's vacancy, a number from the list just shown, "bij <werkgever>", or asked.
How: online, by e-mail, in person, by phone or by letter, from the words used or asked.
"""

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.backoffice_client import BackofficeClient, BackofficeUnavailableError
from actions.identity import identify
from actions.vacancies.criteria import SHOWN_SLOT
from actions.vacancies.numbers import listed_number
from actions.vacancies.saving import VACANCY_ENTITY, meant_vacancy

TARGET_SLOT = "application_target"  # "vacancy:<id>" or the employer's name
CHANNEL_SLOT = "application_channel"
VACANCY_PREFIX = "vacancy:"
EMPLOYER_AFTER_BIJ = re.compile(
    r"\bbij\s+(?:de\s+|het\s+|firma\s+)?([^\s,.!?].{1,60}?)\s*(?:[,.!?]|\bvia\b|\bper\b|\bvoor\b|$)"
)
CHANNEL_WORDS = (
    ("e-mail", re.compile(r"\b(e-?mail|mail|gemaild)\b")),
    ("online", re.compile(r"\b(online|website|site|internet|formulier|app)\b")),
    ("ter plaatse", re.compile(r"\b(ter plaatse|langs|binnengestapt|persoonlijk|afgegeven)\b")),
    ("telefoon", re.compile(r"\b(telefoon|gebeld|telefonisch|gsm)\b")),
    ("per brief", re.compile(r"\b(brief|post|opgestuurd)\b")),
)

CHANNELS = tuple(channel for channel, _ in CHANNEL_WORDS)


def channel_in(text: str) -> str | None:
    lowered = text.lower()
    return next((channel for channel, words in CHANNEL_WORDS if words.search(lowered)), None)


def target_in(tracker: Tracker) -> str | None:
    """A vacancy (button or number from the list shown) or an employer named after "bij"."""
    text = tracker.latest_message.get("text") or ""
    has_button = next(tracker.get_latest_entity_values(VACANCY_ENTITY), None) is not None
    if has_button or (tracker.get_slot(SHOWN_SLOT) and listed_number(text) is not None):
        vacancy_id = meant_vacancy(tracker)
        if vacancy_id is not None:
            return f"{VACANCY_PREFIX}{vacancy_id}"
    found = EMPLOYER_AFTER_BIJ.search(text)
    return found.group(1).strip() if found else None


class ValidateApplicationForm(FormValidationAction):
    def name(self) -> str:
        return "validate_application_form"

    async def extract_application_target(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        target = target_in(tracker)
        if target is None and tracker.get_slot("requested_slot") == TARGET_SLOT:
            # A bare answer to "Bij welke werkgever?" is the employer's name.
            answer = (tracker.latest_message.get("text") or "").strip()
            target = answer[:80] if answer else None
        return {TARGET_SLOT: target} if target else {}

    async def extract_application_channel(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        sent = next(tracker.get_latest_entity_values(CHANNEL_SLOT), None)  # a button
        channel = sent if sent in CHANNELS else channel_in(tracker.latest_message.get("text") or "")
        return {CHANNEL_SLOT: channel} if channel else {}


class ActionLogApplication(Action):
    def name(self) -> str:
        return "action_log_application"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        forget = [SlotSet(TARGET_SLOT, None), SlotSet(CHANNEL_SLOT, None)]
        client = BackofficeClient.from_environment()
        identity = await identify(tracker, client)
        if identity is None:
            dispatcher.utter_message(response="utter_application_need_login")
            return forget
        target = str(tracker.get_slot(TARGET_SLOT) or "")
        vacancy_id = int(target.removeprefix(VACANCY_PREFIX)) if target.startswith(VACANCY_PREFIX) else None
        try:
            logged = await client.log_application(
                jobseeker_id=identity.jobseeker_id,
                vacancy_id=vacancy_id,
                employer=None if vacancy_id else target,
                channel=str(tracker.get_slot(CHANNEL_SLOT)),
            )
        except BackofficeUnavailableError:
            dispatcher.utter_message(response="utter_backoffice_trouble")
            return forget
        dispatcher.utter_message(response="utter_application_logged" if logged else "utter_vacancy_gone")
        return forget
