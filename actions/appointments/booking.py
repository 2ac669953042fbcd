"""ActionBookAppointment: offer three free moments in the jobseeker's werkwinkel, book the chosen one.

A button sends the moment along (`/book_appointment{"slot_id": "..."}`); on SMS and the phone
the jobseeker answers with a number ("2", "de tweede"). When two people take the same moment
at once the backoffice lets one win; the other hears so and gets other moments.
"""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.appointments import texts
from actions.appointments.render import moment, numbered, slot_buttons
from actions.backoffice_client import BackofficeConflictError, BackofficeUnavailableError, Identity
from actions.channel import channel_of
from actions.clock import today_in_brussels
from actions.digital.signals import note_choice
from actions.dispatch_client import Appointment, DispatchClient, Slot, slots_from
from actions.identity import identify
from actions.questions import ask, forget_question, question_just_asked
from actions.vacancies.numbers import listed_number

OFFERED_SLOT = "offered_slots"
MOVING_SLOT = "appointment_to_move"
SLOT_ENTITY = "slot_id"
QUESTION_SLOT = "appointment_slot"
APPOINTMENT_CHOICE = "appointment"
DEFAULT_REASON = "Hulp bij het zoeken naar werk"


def show_slots(
    dispatcher: CollectingDispatcher, tracker: Tracker, slots: tuple[Slot, ...], intro: str
) -> list[EventType]:
    today = today_in_brussels()
    channel = channel_of(tracker)
    if channel in ("sms", "phone"):
        spoken = channel == "phone"
        numbers = ", ".join(str(n) for n in range(1, len(slots))) + f" of {len(slots)}" if len(slots) > 1 else "1"
        if spoken:
            pick = texts.PICK_PHONE if len(slots) == 3 else f"Zeg {numbers}."
        else:
            pick = texts.PICK_SMS if len(slots) == 3 else f"Stuur {numbers}."
        dispatcher.utter_message(text=f"{intro} {numbered(slots, today=today, spoken=spoken)} {pick}")
    else:
        dispatcher.utter_message(text=intro, buttons=slot_buttons(slots, today=today))
    return [SlotSet(OFFERED_SLOT, [slot.slot_id for slot in slots]), *ask(QUESTION_SLOT)]


def confirm(dispatcher: CollectingDispatcher, appointment: Appointment, *, moved: bool) -> None:
    when = moment(appointment.starts_at, today=today_in_brussels())
    template = texts.MOVED if moved else texts.BOOKED
    lines = [template.format(when=when, office=appointment.office.name, address=appointment.office.address)]
    lines.append(texts.BY_EMAIL if appointment.email_status == "sent" else texts.BY_LETTER)
    lines.append(texts.HOW_TO_CHANGE)
    dispatcher.utter_message(text=" ".join(lines))


async def _identity(dispatcher: CollectingDispatcher, tracker: Tracker, client: DispatchClient) -> Identity | None:
    identity = await identify(tracker, client)
    if identity is None:
        dispatcher.utter_message(text=texts.NEED_LOGIN)
    return identity


async def offer_slots(dispatcher: CollectingDispatcher, tracker: Tracker, *, moving: bool = False) -> list[EventType]:
    client = DispatchClient.from_environment()
    try:
        identity = await _identity(dispatcher, tracker, client)
        if identity is None:
            return forget_question()
        offer = await client.appointment_slots(jobseeker_id=identity.jobseeker_id)
    except BackofficeUnavailableError:
        dispatcher.utter_message(response="utter_backoffice_trouble")
        return forget_question()
    if offer is None or not offer.slots:
        dispatcher.utter_message(text=texts.NO_SLOTS)
        return forget_question()
    office = offer.office.name if offer.office else ""
    intro = (texts.OFFER_MOVE if moving else texts.OFFER).format(office=office)
    return show_slots(dispatcher, tracker, offer.slots, intro)


async def book(dispatcher: CollectingDispatcher, tracker: Tracker, slot_id: str) -> list[EventType]:
    client = DispatchClient.from_environment()
    moving = tracker.get_slot(MOVING_SLOT)
    try:
        identity = await _identity(dispatcher, tracker, client)
        if identity is None:
            return forget_question()
        if moving:
            appointment = await client.reschedule_appointment(appointment_id=int(moving), slot_id=slot_id)
        else:
            appointment = await client.book_appointment(
                jobseeker_id=identity.jobseeker_id, slot_id=slot_id, channel=channel_of(tracker), reason=DEFAULT_REASON
            )
    except BackofficeConflictError as conflict:
        alternatives = slots_from(conflict.body.get("alternatives") or [])
        if not alternatives:
            dispatcher.utter_message(text=texts.NO_SLOTS)
            return forget_question()
        return show_slots(dispatcher, tracker, alternatives, texts.TAKEN)
    except BackofficeUnavailableError:
        dispatcher.utter_message(response="utter_backoffice_trouble")
        return forget_question()
    confirm(dispatcher, appointment, moved=bool(moving))
    return [SlotSet(OFFERED_SLOT, None), SlotSet(MOVING_SLOT, None), *forget_question()]


async def choose_by_number(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """ "2" or "de tweede" right after the moments were offered; None when it is not that."""
    if question_just_asked(tracker) != QUESTION_SLOT:
        return None
    offered = tracker.get_slot(OFFERED_SLOT) or []
    number = listed_number(tracker.latest_message.get("text") or "")
    if number is None or not 1 <= number <= len(offered):
        dispatcher.utter_message(text=texts.PICK_AGAIN)
        return ask(QUESTION_SLOT)
    return await book(dispatcher, tracker, str(offered[number - 1]))


class ActionBookAppointment(Action):
    def name(self) -> str:
        return "action_book_appointment"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        slot_id = next(tracker.get_latest_entity_values(SLOT_ENTITY), None)
        if slot_id:
            return await book(dispatcher, tracker, str(slot_id))
        events = await note_choice(tracker, APPOINTMENT_CHOICE)
        return [SlotSet(MOVING_SLOT, None), *events, *await offer_slots(dispatcher, tracker)]
