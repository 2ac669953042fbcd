"""ActionRequestHuman: "ik wil iemand spreken" is honoured in this turn, on every channel.

In office hours the jobseeker joins the queue for a live conversation and hears their place;
outside them they are offered a call back or an appointment. If the backoffice cannot be
reached the free Servicelijn number is the answer: a person is always one step away.
"""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.backoffice_client import BackofficeConflictError, BackofficeUnavailableError
from actions.channel import SHORT_CHANNELS, channel_of
from actions.digital import signals as digital_signals
from actions.dispatch_client import Assessment, DispatchClient
from actions.handoff import texts
from actions.handoff.transcript import last_bot_response, topic, transcript
from actions.identity import identify
from actions.questions import ask, forget_question

HANDOFF_SLOT = "handoff_id"
QUESTION_CALLBACK = "handoff_callback"
QUESTION_WAITING = "handoff_waiting"
KIND_ENTITY = "handoff_kind"
CALLBACK = "callback"
LIVE = "live"


def yes_no_buttons(*extra: dict[str, str]) -> list[dict[str, str]]:
    return [{"title": texts.YES, "payload": "/affirm"}, {"title": texts.NO, "payload": "/deny"}, *extra]


def reason_for(tracker: Tracker, default: str) -> str:
    # "Ja" to the bot's offer after two misunderstandings: the consultant should know that.
    return "misunderstood" if last_bot_response(tracker) == "utter_offer_human" else default


async def _assessment(
    client: DispatchClient, tracker: Tracker, jobseeker_id: int | None, reason: str
) -> Assessment | None:
    signals = digital_signals.collected(tracker)
    if reason == "misunderstood":
        signals = [*signals, digital_signals.MISUNDERSTANDING]
    try:
        return await client.assess_digital_skill(
            jobseeker_id=jobseeker_id, channel=channel_of(tracker), signals=signals
        )
    except BackofficeUnavailableError:
        return None


async def request_person(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, kind: str = LIVE, reason: str = "requested"
) -> list[EventType]:
    """Puts the jobseeker in the queue (or books a call back) and tells them where they stand."""
    client = DispatchClient.from_environment()
    try:
        return await _request(dispatcher, tracker, client, kind=kind, reason=reason_for(tracker, reason))
    except BackofficeUnavailableError:
        dispatcher.utter_message(response="utter_request_human")
        return forget_question()


async def _request(
    dispatcher: CollectingDispatcher, tracker: Tracker, client: DispatchClient, *, kind: str, reason: str
) -> list[EventType]:
    channel = channel_of(tracker)
    existing = await client.open_handoff(conversation_id=tracker.sender_id)
    if existing is not None and existing.kind == LIVE:
        if existing.state == "accepted":
            dispatcher.utter_message(text=texts.ALREADY_TALKING)
            return []
        dispatcher.utter_message(text=texts.ALREADY_WAITING)
        return _tell_queue(dispatcher, channel, existing.id, existing.queue_position, existing.expected_wait_minutes)

    if kind == LIVE:
        availability = await client.handoff_availability()
        if not availability.open:
            return _offer_callback(dispatcher, availability.hours_text)

    identity = await identify(tracker, client)
    jobseeker_id = identity.jobseeker_id if identity else None
    if kind == CALLBACK and jobseeker_id is None and channel not in SHORT_CHANNELS:
        # Without a dossier or a phone channel there is no number to call back.
        dispatcher.utter_message(text=texts.CALLBACK_NEEDS_NUMBER)
        return forget_question()

    try:
        handoff = await client.create_handoff(
            conversation_id=tracker.sender_id,
            channel=channel,
            kind=kind,
            jobseeker_id=jobseeker_id,
            reason=reason,
            topic=topic(tracker),
            transcript=transcript(tracker),
            digital=await _assessment(client, tracker, jobseeker_id, reason),
        )
    except BackofficeConflictError as conflict:
        # The office closed between the two calls.
        return _offer_callback(dispatcher, str(conflict.body.get("hours_text") or "op werkdagen van 8 tot 19 uur"))

    if kind == CALLBACK:
        dispatcher.utter_message(text=texts.CALLBACK_BOOKED)
        return forget_question()
    dispatcher.utter_message(text=texts.LOOKING)
    return _tell_queue(dispatcher, channel, handoff.id, handoff.queue_position, handoff.expected_wait_minutes)


def _tell_queue(
    dispatcher: CollectingDispatcher, channel: str, handoff_id: int, position: int | None, minutes: int | None
) -> list[EventType]:
    buttons = [{"title": texts.STOP_WAITING, "payload": "/deny"}] if channel not in SHORT_CHANNELS else []
    dispatcher.utter_message(
        text=f"{texts.queue_position(position, minutes)} {texts.how_to_stop(channel)}", buttons=buttons
    )
    return [SlotSet(HANDOFF_SLOT, str(handoff_id)), *ask(QUESTION_WAITING)]


def _offer_callback(dispatcher: CollectingDispatcher, hours_text: str) -> list[EventType]:
    dispatcher.utter_message(text=texts.CLOSED.format(hours=hours_text))
    dispatcher.utter_message(
        text=texts.ASK_CALLBACK,
        buttons=yes_no_buttons({"title": texts.RATHER_APPOINTMENT, "payload": "/book_appointment"}),
    )
    return ask(QUESTION_CALLBACK)


async def cancel_waiting(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """ "Nee" while waiting stops the wait; None when no handoff is waiting for this conversation."""
    if not tracker.get_slot(HANDOFF_SLOT):
        return None
    client = DispatchClient.from_environment()
    try:
        existing = await client.open_handoff(conversation_id=tracker.sender_id)
        if existing is None or existing.state != "waiting":
            return None
        await client.cancel_handoff(handoff_id=existing.id)
    except (BackofficeUnavailableError, BackofficeConflictError):
        return None
    dispatcher.utter_message(text=texts.CANCELLED)
    return [SlotSet(HANDOFF_SLOT, None), *forget_question()]


async def answer(dispatcher: CollectingDispatcher, tracker: Tracker, question: str, intent: str) -> list[EventType]:
    """ "Ja"/"nee" to "Zal een medewerker je terugbellen?" or to waiting in the queue."""
    if question == QUESTION_CALLBACK:
        if intent == "affirm":
            return await request_person(dispatcher, tracker, kind=CALLBACK)
        dispatcher.utter_message(text=texts.NO_CALLBACK)
        return forget_question()
    if intent == "deny":
        cancelled = await cancel_waiting(dispatcher, tracker)
        if cancelled is not None:
            return cancelled
    dispatcher.utter_message(text=texts.KEEP_WAITING if intent == "affirm" else texts.ANYTHING_ELSE)
    return forget_question()


class ActionRequestHuman(Action):
    def name(self) -> str:
        return "action_request_human"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        kind = CALLBACK if next(tracker.get_latest_entity_values(KIND_ENTITY), None) == CALLBACK else LIVE
        events = await digital_signals.note_choice(tracker, CALLBACK) if kind == CALLBACK else []
        return [*events, *await request_person(dispatcher, tracker, kind=kind)]
