"""Moving or cancelling the jobseeker's next appointment from the conversation."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.appointments import texts
from actions.appointments.booking import MOVING_SLOT, offer_slots
from actions.appointments.render import moment
from actions.backoffice_client import BackofficeConflictError, BackofficeUnavailableError
from actions.clock import today_in_brussels
from actions.dispatch_client import Appointment, DispatchClient
from actions.handoff.request import yes_no_buttons
from actions.identity import identify
from actions.questions import ask, forget_question

QUESTION_CANCEL = "appointment_cancel"
CANCEL_SLOT = "appointment_to_cancel"


async def next_appointment(dispatcher: CollectingDispatcher, tracker: Tracker) -> Appointment | None:
    """The soonest booked appointment; None after saying why there is none to change."""
    client = DispatchClient.from_environment()
    identity = await identify(tracker, client)
    if identity is None:
        dispatcher.utter_message(text=texts.NEED_LOGIN)
        return None
    upcoming = await client.upcoming_appointments(jobseeker_id=identity.jobseeker_id)
    if not upcoming:
        dispatcher.utter_message(text=texts.NONE_PLANNED)
        return None
    return min(upcoming, key=lambda appointment: appointment.starts_at)


class ActionRescheduleAppointment(Action):
    def name(self) -> str:
        return "action_reschedule_appointment"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        try:
            appointment = await next_appointment(dispatcher, tracker)
        except BackofficeUnavailableError:
            dispatcher.utter_message(response="utter_backoffice_trouble")
            return forget_question()
        if appointment is None:
            return forget_question()
        return [SlotSet(MOVING_SLOT, str(appointment.id)), *await offer_slots(dispatcher, tracker, moving=True)]


class ActionCancelAppointment(Action):
    def name(self) -> str:
        return "action_cancel_appointment"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        try:
            appointment = await next_appointment(dispatcher, tracker)
        except BackofficeUnavailableError:
            dispatcher.utter_message(response="utter_backoffice_trouble")
            return forget_question()
        if appointment is None:
            return forget_question()
        when = moment(appointment.starts_at, today=today_in_brussels())
        dispatcher.utter_message(text=texts.ASK_CANCEL.format(when=when), buttons=yes_no_buttons())
        return [SlotSet(CANCEL_SLOT, str(appointment.id)), *ask(QUESTION_CANCEL)]


async def answer(dispatcher: CollectingDispatcher, tracker: Tracker, question: str, intent: str) -> list[EventType]:
    """ "Ja"/"nee" to "Wil je je afspraak afzeggen?"."""
    appointment_id = tracker.get_slot(CANCEL_SLOT)
    if intent != "affirm" or not appointment_id:
        dispatcher.utter_message(text=texts.KEPT)
        return [SlotSet(CANCEL_SLOT, None), *forget_question()]
    try:
        await DispatchClient.from_environment().cancel_appointment(appointment_id=int(appointment_id))
    except BackofficeConflictError:
        pass  # already cancelled: the outcome the jobseeker wanted
    except BackofficeUnavailableError:
        dispatcher.utter_message(response="utter_backoffice_trouble")
        return forget_question()
    dispatcher.utter_message(text=texts.CANCELLED)
    return [SlotSet(CANCEL_SLOT, None), *forget_question()]
