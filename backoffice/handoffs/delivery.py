"""The outbox to Rasa: every push is stored with the change it belongs to, then delivered.

A route delivers right after its commit (so a consultant's message reaches the jobseeker at
once); the background loop retries what failed, with backoff. Pushes of one handoff go out in
order (a message before the pause, the resume before the recap intent), and an attempt is a
lease taken with a conditional UPDATE, so two replicas never send the same push twice at once.
"""

import logging
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from backoffice.clock import Clock
from backoffice.handoffs.models import Handoff, HandoffMessage, HandoffPush
from backoffice.handoffs.rasa_client import RasaClient, RasaUnavailableError

logger = logging.getLogger(__name__)

LEASE = timedelta(seconds=30)  # longer than one attempt may take (the client times out in 2 s)
FIRST_RETRY_SECONDS = 2
MAX_RETRY_SECONDS = 300
MAX_ATTEMPTS = 15  # about an hour of retries; then the push stays "failed" for a person to see
RETRYABLE = ("pending", "failed")


def enqueue(
    *,
    session: Session,
    handoff: Handoff,
    kind: str,
    payload: Any,
    clock: Clock,
    message: HandoffMessage | None = None,
) -> HandoffPush:
    push = HandoffPush(
        handoff_id=handoff.id,
        message=message,
        kind=kind,
        payload=payload,
        status="pending",
        attempts=0,
        next_attempt_at=clock.now,
        created_at=clock.now,
    )
    session.add(push)
    session.flush()
    return push


def enqueue_events(
    *,
    session: Session,
    handoff: Handoff,
    events: list[dict[str, Any]],
    clock: Clock,
    message: HandoffMessage | None = None,
) -> HandoffPush:
    return enqueue(session=session, handoff=handoff, kind="events", payload=events, clock=clock, message=message)


def enqueue_intent(*, session: Session, handoff: Handoff, name: str, clock: Clock) -> HandoffPush:
    return enqueue(session=session, handoff=handoff, kind="intent", payload={"name": name, "entities": {}}, clock=clock)


def retry_delay(attempts: int) -> timedelta:
    return timedelta(seconds=min(FIRST_RETRY_SECONDS * 2 ** (attempts - 1), MAX_RETRY_SECONDS))


def _send(client: RasaClient, conversation_id: str, push: HandoffPush) -> None:
    if push.kind == "events":
        client.append_events(conversation_id, push.payload)
    else:
        client.trigger_intent(conversation_id, push.payload["name"], push.payload.get("entities"))


def _claim(*, session: Session, push: HandoffPush, clock: Clock) -> bool:
    claimed = session.execute(
        update(HandoffPush)
        .where(
            HandoffPush.id == push.id,
            HandoffPush.status.in_(RETRYABLE),
            HandoffPush.next_attempt_at <= clock.now,
        )
        .values(next_attempt_at=clock.now + LEASE)
        .execution_options(synchronize_session=False)
    )
    session.commit()
    session.refresh(push)
    return claimed.rowcount == 1


def deliver_handoff(*, session: Session, client: RasaClient, handoff_id: int, clock: Clock) -> int:
    """Sends the due pushes of one handoff in order, stopping at the first that cannot go yet.

    Commits (each attempt is its own transaction); returns how many were delivered.
    """
    handoff = session.get(Handoff, handoff_id)
    if handoff is None:
        return 0
    delivered = 0
    while True:
        push = session.scalars(
            select(HandoffPush)
            .where(
                HandoffPush.handoff_id == handoff_id,
                HandoffPush.status.in_(RETRYABLE),
                HandoffPush.next_attempt_at.is_not(None),  # null: given up, no longer holds the rest back
            )
            .order_by(HandoffPush.id)
            .limit(1)
        ).first()
        if push is None or push.next_attempt_at > clock.now or not _claim(session=session, push=push, clock=clock):
            return delivered
        try:
            _send(client, handoff.conversation_id, push)
        except RasaUnavailableError as error:
            push.attempts += 1
            push.status = "failed"
            push.last_error = str(error)[:200]
            push.next_attempt_at = clock.now + retry_delay(push.attempts) if push.attempts < MAX_ATTEMPTS else None
            session.commit()
            # The handoff id and the reason only: the payload holds what people wrote.
            logger.warning("Push %s of handoff %s to Rasa failed: %s", push.id, handoff_id, error)
            return delivered
        push.attempts += 1
        push.status = "delivered"
        push.last_error = None
        push.next_attempt_at = None
        push.delivered_at = clock.now
        session.commit()
        delivered += 1


def deliver_due(*, session: Session, client: RasaClient, clock: Clock) -> int:
    """The background half: every handoff with a push that is due now."""
    handoff_ids = session.scalars(
        select(HandoffPush.handoff_id)
        .where(HandoffPush.status.in_(RETRYABLE), HandoffPush.next_attempt_at <= clock.now)
        .distinct()
    ).all()
    session.rollback()  # end the read before attempts commit one by one
    return sum(
        deliver_handoff(session=session, client=client, handoff_id=handoff_id, clock=clock)
        for handoff_id in handoff_ids
    )
