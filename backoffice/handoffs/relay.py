"""Jobseeker → consultant: reads Rasa's SQL event broker (table `events`) after a stored cursor.

Rasa writes every tracker event there (`event_broker: type: SQL`). A user message, or a bot
message that did not come from the backoffice itself, becomes a HandoffMessage of the handoff
that was open in that conversation at the moment of the event. The cursor lives in the
backoffice database, so a restart neither loses nor repeats messages; the unique
(handoff_id, source_event_id) makes a row read twice (two replicas, a crash before the cursor
moved) one message.

Button payloads ("/affirm", '/choose{"slot": 2}') are not what the person typed: they are stored
as the title of the button that carried them (looked up in the bot's earlier messages of that
conversation), and skipped when no button matches (an intent the bot triggered itself).
"""

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, or_, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from backoffice.clock import Clock
from backoffice.handoffs.models import Handoff, HandoffMessage, RelayCursor
from backoffice.handoffs.schemas import MAX_LINE_CHARS

logger = logging.getLogger(__name__)

CURSOR_NAME = "rasa_events"
BATCH_SIZE = 500
BUTTON_LOOKBACK = 30  # rows of the same conversation searched for the button a payload came from
OWN_SENDERS = ("consultant", "backoffice")  # bot events the backoffice pushed itself: stored already


@dataclass(frozen=True)
class _Row:
    id: int
    sender_id: str
    event: dict[str, Any]

    @property
    def at(self) -> datetime | None:
        stamp = self.event.get("timestamp")
        if not isinstance(stamp, int | float):
            return None
        return datetime.fromtimestamp(stamp, UTC).replace(tzinfo=None)


def _parse(row_id: int, sender_id: str | None, data: str | None) -> _Row | None:
    try:
        event = json.loads(data or "")
    except ValueError:
        return None
    if not isinstance(event, dict) or not sender_id:
        return None
    return _Row(id=row_id, sender_id=sender_id, event=event)


def _button_title(event: dict[str, Any], payload: str) -> str | None:
    data = event.get("data") if event.get("event") == "bot" else None
    for button in (data or {}).get("buttons") or []:
        if isinstance(button, dict) and button.get("payload") == payload and button.get("title"):
            return str(button["title"])
    return None


class EventRelay:
    def __init__(self, *, events_engine: Engine, name: str = CURSOR_NAME, batch_size: int = BATCH_SIZE) -> None:
        self._events = events_engine
        self._name = name
        self._batch_size = batch_size

    def _cursor(self, *, session: Session, clock: Clock) -> int:
        cursor = session.get(RelayCursor, self._name)
        if cursor is None:
            try:
                with session.begin_nested():
                    session.add(RelayCursor(name=self._name, last_event_id=0, updated_at=clock.now))
            except IntegrityError:
                pass  # another replica created it first
            cursor = session.get(RelayCursor, self._name)
            assert cursor is not None
        return cursor.last_event_id

    def _read(self, after: int) -> tuple[list[_Row], int]:
        """Rows after the cursor and the last id read; none while Rasa has no table yet (or it is busy)."""
        try:
            with self._events.connect() as connection:
                rows = connection.execute(
                    text("SELECT id, sender_id, data FROM events WHERE id > :after ORDER BY id LIMIT :limit"),
                    {"after": after, "limit": self._batch_size},
                ).all()
        except DBAPIError as error:
            logger.debug("Rasa's event table cannot be read yet: %s", type(error.orig).__name__)
            return [], after
        parsed = [row for row in (_parse(*raw) for raw in rows) if row is not None]
        return parsed, rows[-1][0] if rows else after

    def _earlier_rows(self, *, sender_id: str, before: int) -> list[_Row]:
        try:
            with self._events.connect() as connection:
                rows = connection.execute(
                    text(
                        "SELECT id, sender_id, data FROM events WHERE sender_id = :sender AND id < :before"
                        " ORDER BY id DESC LIMIT :limit"
                    ),
                    {"sender": sender_id, "before": before, "limit": BUTTON_LOOKBACK},
                ).all()
        except DBAPIError:
            return []
        return [parsed for parsed in (_parse(*row) for row in rows) if parsed is not None]

    def _message_text(self, row: _Row, batch: list[_Row]) -> tuple[str, str] | None:
        """(sender, text) of a row worth relaying, or None."""
        kind = row.event.get("event")
        body = row.event.get("text")
        if kind == "bot":
            metadata = row.event.get("metadata") or {}
            if not body or (isinstance(metadata, dict) and metadata.get("from") in OWN_SENDERS):
                return None
            return "bot", str(body)
        if kind != "user" or not body:
            return None
        body = str(body)
        if not body.startswith("/"):
            return "jobseeker", body
        earlier = [other for other in reversed(batch) if other.sender_id == row.sender_id and other.id < row.id]
        for candidate in [*earlier, *self._earlier_rows(sender_id=row.sender_id, before=row.id)]:
            if candidate.event.get("event") == "bot":
                title = _button_title(candidate.event, body)
                # The newest bot message decides: an older button with the same payload is stale.
                return ("jobseeker", title) if title else None
        return None

    def run_once(self, *, session: Session, clock: Clock) -> int:
        """Relays one batch; returns how many messages it stored. Flushes; the caller commits."""
        after = self._cursor(session=session, clock=clock)
        batch, last = self._read(after)
        if last == after:
            return 0
        senders = {row.sender_id for row in batch}
        earliest = min((row.at for row in batch if row.at is not None), default=clock.now)
        # Handoffs open now, or that ended after the oldest event of the batch (a late read).
        handoffs = session.scalars(
            select(Handoff).where(
                Handoff.conversation_id.in_(senders),
                or_(Handoff.closed_at.is_(None), Handoff.closed_at >= earliest),
            )
        ).all()
        stored = 0
        for row in batch:
            at = row.at or clock.now
            handoff = next(
                (
                    candidate
                    for candidate in handoffs
                    if candidate.conversation_id == row.sender_id
                    and candidate.created_at <= at
                    and (candidate.closed_at is None or at <= candidate.closed_at)
                ),
                None,
            )
            if handoff is None:
                continue
            relayed = self._message_text(row, batch)
            if relayed is None:
                continue
            sender, body = relayed
            try:
                with session.begin_nested():
                    session.add(
                        HandoffMessage(
                            handoff_id=handoff.id,
                            sender=sender,
                            text=body[:MAX_LINE_CHARS],
                            created_at=at,
                            source_event_id=row.id,
                        )
                    )
                stored += 1
            except IntegrityError:
                continue  # stored already, by us before a restart or by another replica
        session.execute(
            update(RelayCursor)
            .where(RelayCursor.name == self._name, RelayCursor.last_event_id < last)
            .values(last_event_id=last, updated_at=clock.now)
        )
        session.flush()
        return stored
