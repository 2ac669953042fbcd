"""The handoff lifecycle: request, queue, claim, reply, hand back or close, redirect, time out.

Functions flush and never commit (a route commits once, then delivers what this queued for
Rasa). State changes are conditional UPDATEs, so of two consultants claiming at once, or a
claim racing the time-out, exactly one wins.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backoffice.clock import Clock
from backoffice.config import Settings
from backoffice.consultants.models import Consultant
from backoffice.errors import ConflictError, NotFoundError
from backoffice.handoffs import delivery, hours, rules
from backoffice.handoffs.models import OPEN_STATES, Handoff, HandoffMessage, HandoffPush
from backoffice.handoffs.schemas import (
    Availability,
    HandoffCreate,
    HandoffDetail,
    HandoffRead,
    MessageRead,
    OfficeRef,
)
from backoffice.jobseekers.models import Jobseeker
from backoffice.offices.models import Office

CLOSED_INTENT = "EXTERNAL_handoff_closed"
TIMED_OUT_INTENT = "EXTERNAL_handoff_timed_out"
HANDED_BACK = "handed_back"
SERVICELIJN = "de Servicelijn"


class OfficeClosedError(ConflictError):
    """A live handoff outside office hours; the bot offers a call back instead."""

    def __init__(self, availability: Availability) -> None:
        super().__init__("closed")
        self.availability = availability


# --- office hours ---


def availability(*, settings: Settings, clock: Clock) -> Availability:
    openings = hours.parse_hours(settings.servicelijn_hours)
    return Availability(
        open=hours.is_open(openings, clock=clock),
        next_opening=hours.next_opening(openings, clock=clock),
        hours_text=hours.hours_text(openings),
    )


# --- lookups ---


def require_handoff(*, session: Session, handoff_id: int) -> Handoff:
    handoff = session.get(Handoff, handoff_id)
    if handoff is None:
        raise NotFoundError("Handoff not found")
    return handoff


def _require_consultant(*, session: Session, consultant_id: int) -> Consultant:
    consultant = session.get(Consultant, consultant_id)
    if consultant is None:
        raise NotFoundError("Consultant not found")
    return consultant


def open_handoff(*, session: Session, conversation_id: str) -> Handoff | None:
    return session.scalars(
        select(Handoff).where(Handoff.conversation_id == conversation_id, Handoff.state.in_(OPEN_STATES))
    ).first()


def latest_handoff(*, session: Session, conversation_id: str) -> Handoff | None:
    """The newest handoff of a conversation whatever its state: the bot's recap after a close."""
    return session.scalars(
        select(Handoff).where(Handoff.conversation_id == conversation_id).order_by(Handoff.id.desc()).limit(1)
    ).first()


def list_handoffs(
    *, session: Session, states: Iterable[str], province: str | None = None, office_id: int | None = None
) -> list[Handoff]:
    """Most urgent first, then the longest waiting."""
    query = select(Handoff).where(Handoff.state.in_(list(states)))
    if province is not None:
        query = query.where(Handoff.province == province)
    if office_id is not None:
        query = query.where(Handoff.office_id == office_id)
    return list(session.scalars(query.order_by(Handoff.priority, Handoff.queued_at, Handoff.id)))


def messages_after(*, session: Session, handoff: Handoff, after: int = 0) -> list[HandoffMessage]:
    return list(
        session.scalars(
            select(HandoffMessage)
            .where(HandoffMessage.handoff_id == handoff.id, HandoffMessage.id > after)
            .order_by(HandoffMessage.id)
        )
    )


# --- queue ---


def _queue_rank(handoff: Handoff) -> tuple[int, datetime, int]:
    return (handoff.priority, handoff.queued_at, handoff.id)


def queue_positions(*, session: Session, handoffs: Iterable[Handoff]) -> dict[int, int]:
    """1-based places of waiting live handoffs in their queue (a werkwinkel, or the Servicelijn)."""
    waiting = [handoff for handoff in handoffs if handoff.state == "waiting" and handoff.kind == "live"]
    if not waiting:
        return {}
    offices = {handoff.office_id for handoff in waiting}
    query = select(Handoff).where(Handoff.state == "waiting", Handoff.kind == "live")
    known = [office for office in offices if office is not None]
    conditions = []
    if known:
        conditions.append(Handoff.office_id.in_(known))
    if None in offices:
        conditions.append(Handoff.office_id.is_(None))
    queues: dict[int | None, list[Handoff]] = {}
    for other in session.scalars(query.where(or_(*conditions))):
        queues.setdefault(other.office_id, []).append(other)
    positions = {}
    for members in queues.values():
        for place, member in enumerate(sorted(members, key=_queue_rank), start=1):
            positions[member.id] = place
    return {handoff.id: positions[handoff.id] for handoff in waiting if handoff.id in positions}


def expected_wait_minutes(*, position: int | None, settings: Settings) -> int | None:
    if position is None:
        return None
    return max(1, position * settings.handoff_minutes_per_conversation)


def _undelivered(*, session: Session, handoff_ids: list[int]) -> dict[int, int]:
    if not handoff_ids:
        return {}
    rows = session.execute(
        select(HandoffPush.handoff_id, func.count())
        .where(HandoffPush.handoff_id.in_(handoff_ids), HandoffPush.status != "delivered")
        .group_by(HandoffPush.handoff_id)
    )
    return {handoff_id: count for handoff_id, count in rows}


def _waited_minutes(handoff: Handoff, clock: Clock) -> int:
    end = handoff.accepted_at or handoff.closed_at or clock.now
    return max(0, int((end - handoff.queued_at).total_seconds() // 60))


def to_reads(*, session: Session, handoffs: list[Handoff], settings: Settings, clock: Clock) -> list[HandoffRead]:
    positions = queue_positions(session=session, handoffs=handoffs)
    undelivered = _undelivered(session=session, handoff_ids=[handoff.id for handoff in handoffs])
    return [
        HandoffRead(
            id=handoff.id,
            conversation_id=handoff.conversation_id,
            channel=handoff.channel,
            kind=handoff.kind,
            jobseeker_id=handoff.jobseeker_id,
            reason=handoff.reason,
            topic=handoff.topic,
            summary=handoff.summary,
            digital=handoff.digital,
            province=handoff.province,
            office=OfficeRef.model_validate(handoff.office) if handoff.office is not None else None,
            priority=handoff.priority,
            state=handoff.state,
            consultant_id=handoff.consultant_id,
            outcome=handoff.outcome,
            note=handoff.note,
            created_at=handoff.created_at,
            queued_at=handoff.queued_at,
            accepted_at=handoff.accepted_at,
            closed_at=handoff.closed_at,
            queue_position=positions.get(handoff.id),
            expected_wait_minutes=expected_wait_minutes(position=positions.get(handoff.id), settings=settings),
            waited_minutes=_waited_minutes(handoff, clock),
            undelivered_pushes=undelivered.get(handoff.id, 0),
        )
        for handoff in handoffs
    ]


def to_read(*, session: Session, handoff: Handoff, settings: Settings, clock: Clock) -> HandoffRead:
    return to_reads(session=session, handoffs=[handoff], settings=settings, clock=clock)[0]


def message_read(message: HandoffMessage) -> MessageRead:
    push = message.push
    return MessageRead(
        id=message.id,
        handoff_id=message.handoff_id,
        sender=message.sender,
        consultant_id=message.consultant_id,
        text=message.text,
        created_at=message.created_at,
        source_event_id=message.source_event_id,
        delivery=push.status if push is not None else None,
        delivery_attempts=push.attempts if push is not None else 0,
        delivery_error=push.last_error if push is not None else None,
        delivery_retrying=push is not None and push.status == "failed" and push.next_attempt_at is not None,
    )


def to_detail(*, session: Session, handoff: Handoff, settings: Settings, clock: Clock) -> HandoffDetail:
    read = to_read(session=session, handoff=handoff, settings=settings, clock=clock)
    return HandoffDetail(
        **read.model_dump(),
        transcript=handoff.transcript,
        messages=[message_read(message) for message in messages_after(session=session, handoff=handoff)],
    )


# --- request ---


def create_handoff(
    *, session: Session, request: HandoffCreate, settings: Settings, clock: Clock
) -> tuple[Handoff, bool]:
    """A new waiting handoff, or the conversation's open one (a retry of the same request).

    Returns the handoff and whether it is new.
    """
    existing = open_handoff(session=session, conversation_id=request.conversation_id)
    if existing is not None:
        return existing, False
    if request.kind == "live":
        now_available = availability(settings=settings, clock=clock)
        if not now_available.open:
            raise OfficeClosedError(now_available)
    jobseeker = None
    if request.jobseeker_id is not None:
        jobseeker = session.get(Jobseeker, request.jobseeker_id)
        if jobseeker is None:
            raise NotFoundError("Jobseeker not found")
    transcript = [line.model_dump(mode="json") for line in request.transcript]
    digital = request.digital.model_dump() if request.digital is not None else None
    handoff = Handoff(
        conversation_id=request.conversation_id,
        channel=request.channel,
        kind=request.kind,
        jobseeker_id=request.jobseeker_id,
        reason=request.reason,
        topic=request.topic,
        summary=rules.summary(
            reason=request.reason,
            topic=request.topic,
            channel=request.channel,
            digital=digital,
            transcript=transcript,
        ),
        transcript=transcript,
        digital=digital,
        province=jobseeker.province if jobseeker is not None else None,
        office_id=jobseeker.office_id if jobseeker is not None else None,
        priority=rules.priority(
            channel=request.channel, reason=request.reason, digital_level=digital["level"] if digital else None
        ),
        state="waiting",
        created_at=clock.now,
        queued_at=clock.now,
    )
    try:
        with session.begin_nested():
            session.add(handoff)
            session.flush()
    except IntegrityError:
        # Another request for the same conversation won the race (the partial unique index).
        existing = open_handoff(session=session, conversation_id=request.conversation_id)
        if existing is None:
            raise
        return existing, False
    return handoff, True


def cancel(*, session: Session, handoff: Handoff, clock: Clock) -> Handoff:
    """The jobseeker no longer wants to wait."""
    _transition(
        session=session,
        handoff=handoff,
        from_states=("waiting",),
        values={"state": "cancelled", "closed_at": clock.now},
    )
    return handoff


def _transition(*, session: Session, handoff: Handoff, from_states: tuple[str, ...], values: dict) -> None:
    changed = session.execute(
        update(Handoff)
        .where(Handoff.id == handoff.id, Handoff.state.in_(from_states))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    session.refresh(handoff)
    if changed.rowcount != 1:
        raise ConflictError(f"Handoff is not {' or '.join(from_states)}")


# --- consultant ---


def _office_phrase(office: Office | None) -> str:
    if office is None:
        return SERVICELIJN
    # "Werkwinkel Gent" reads as "werkwinkel Gent" in a sentence.
    name = office.name
    return name[0].lower() + name[1:] if name.startswith("Werkwinkel ") else name


def _notice(*, session: Session, handoff: Handoff, text: str, clock: Clock, then: list[dict] | None = None) -> None:
    """A bot message from the backoffice to the jobseeker, kept with the handoff's messages."""
    message = HandoffMessage(handoff_id=handoff.id, sender="bot", text=text, created_at=clock.now)
    session.add(message)
    session.flush()
    events = [{"event": "bot", "text": text, "metadata": {"from": "backoffice"}}, *(then or [])]
    delivery.enqueue_events(session=session, handoff=handoff, events=events, clock=clock, message=message)


def claim(*, session: Session, handoff: Handoff, consultant_id: int, clock: Clock) -> Handoff:
    """A consultant takes the conversation: the jobseeker hears who, and the bot falls silent."""
    consultant = _require_consultant(session=session, consultant_id=consultant_id)
    _transition(
        session=session,
        handoff=handoff,
        from_states=("waiting",),
        values={"state": "accepted", "consultant_id": consultant.id, "accepted_at": clock.now},
    )
    text = f"Je praat nu met {consultant.first_name} van {_office_phrase(consultant.office)}."
    _notice(session=session, handoff=handoff, text=text, clock=clock, then=[{"event": "pause"}])
    return handoff


def _require_handler(*, handoff: Handoff, consultant_id: int) -> None:
    if handoff.state != "accepted":
        raise ConflictError("Handoff is not accepted")
    if handoff.consultant_id != consultant_id:
        raise ConflictError("Handoff is handled by another consultant")


def post_message(*, session: Session, handoff: Handoff, consultant_id: int, text: str, clock: Clock) -> HandoffMessage:
    """Stored first, so a Rasa outage loses nothing; the push is queued with it."""
    consultant = _require_consultant(session=session, consultant_id=consultant_id)
    _require_handler(handoff=handoff, consultant_id=consultant_id)
    message = HandoffMessage(
        handoff_id=handoff.id, sender="consultant", consultant_id=consultant.id, text=text, created_at=clock.now
    )
    session.add(message)
    session.flush()
    event = {"event": "bot", "text": text, "metadata": {"from": "consultant", "consultant": consultant.first_name}}
    delivery.enqueue_events(session=session, handoff=handoff, events=[event], clock=clock, message=message)
    return message


def _give_back_to_bot(*, session: Session, handoff: Handoff, intent: str, clock: Clock) -> None:
    # Resume first: a paused conversation ignores the intent. Resuming one that was never paused
    # (a time-out while waiting) changes nothing.
    delivery.enqueue_events(session=session, handoff=handoff, events=[{"event": "resume"}], clock=clock)
    delivery.enqueue_intent(session=session, handoff=handoff, name=intent, clock=clock)


def _end(
    *, session: Session, handoff: Handoff, consultant_id: int, outcome: str, note: str | None, clock: Clock
) -> Handoff:
    _require_consultant(session=session, consultant_id=consultant_id)
    _require_handler(handoff=handoff, consultant_id=consultant_id)
    _transition(
        session=session,
        handoff=handoff,
        from_states=("accepted",),
        values={"state": "closed", "outcome": outcome, "note": note, "closed_at": clock.now},
    )
    _give_back_to_bot(session=session, handoff=handoff, intent=CLOSED_INTENT, clock=clock)
    return handoff


def hand_back(*, session: Session, handoff: Handoff, consultant_id: int, note: str | None, clock: Clock) -> Handoff:
    """The consultant gives the conversation back to the bot, which resumes with a recap."""
    return _end(
        session=session, handoff=handoff, consultant_id=consultant_id, outcome=HANDED_BACK, note=note, clock=clock
    )


def close(*, session: Session, handoff: Handoff, consultant_id: int, outcome: str, clock: Clock) -> Handoff:
    return _end(session=session, handoff=handoff, consultant_id=consultant_id, outcome=outcome, note=None, clock=clock)


def redirect(*, session: Session, handoff: Handoff, office_id: int, clock: Clock) -> Handoff:
    """Another werkwinkel takes over: it queues there again, the consultant (if any) lets go.

    The conversation stays as it is: paused if a consultant had it, so the bot does not cut in.
    """
    office = session.get(Office, office_id)
    if office is None:
        raise NotFoundError("Office not found")
    _transition(
        session=session,
        handoff=handoff,
        from_states=OPEN_STATES,
        values={
            "state": "waiting",
            "office_id": office.id,
            "province": office.province,
            "consultant_id": None,
            "accepted_at": None,
            "queued_at": clock.now,
        },
    )
    text = f"Ik geef je door aan {_office_phrase(office)}. Een medewerker daar helpt je zo snel mogelijk verder."
    _notice(session=session, handoff=handoff, text=text, clock=clock)
    return handoff


# --- time-out ---


def expire_waiting(*, session: Session, settings: Settings, clock: Clock) -> list[Handoff]:
    """Live handoffs nobody claimed in time: timed out, and the bot offers an appointment.

    Call backs wait for their call; they do not time out here.
    """
    cutoff = clock.now - timedelta(minutes=settings.handoff_wait_timeout_minutes)
    candidates = session.scalars(
        select(Handoff).where(Handoff.state == "waiting", Handoff.kind == "live", Handoff.queued_at <= cutoff)
    ).all()
    expired = []
    for handoff in candidates:
        changed = session.execute(
            update(Handoff)
            .where(Handoff.id == handoff.id, Handoff.state == "waiting", Handoff.queued_at <= cutoff)
            .values(state="timed_out", closed_at=clock.now)
            .execution_options(synchronize_session=False)
        )
        session.refresh(handoff)
        if changed.rowcount == 1:
            _give_back_to_bot(session=session, handoff=handoff, intent=TIMED_OUT_INTENT, clock=clock)
            expired.append(handoff)
    session.flush()
    return expired
