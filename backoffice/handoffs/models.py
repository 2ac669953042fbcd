from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.db import Base
from backoffice.offices.models import Office

CHANNELS = ("web", "rest", "sms", "phone", "telegram")
KINDS = ("live", "callback")
REASONS = ("requested", "misunderstood", "digital_skill", "topic")
OPEN_STATES = ("waiting", "accepted")
END_STATES = ("closed", "timed_out", "cancelled")
STATES = (*OPEN_STATES, *END_STATES)
SENDERS = ("jobseeker", "consultant", "bot")
# A push is pending until Rasa took it; "failed" ones are retried until next_attempt_at is null.
DELIVERY_STATES = ("pending", "delivered", "failed")
OPEN_CONDITION = "state IN ('waiting', 'accepted')"


class Handoff(Base):
    """A conversation the bot handed to a human consultant, from the request to its end."""

    __tablename__ = "handoffs"
    # At most one open handoff per conversation: a partial unique index where the database has
    # them (SQLite and PostgreSQL both do); the service checks first and this catches the race.
    __table_args__ = (
        Index(
            "uq_handoffs_open_conversation",
            "conversation_id",
            unique=True,
            sqlite_where=text(OPEN_CONDITION),
            postgresql_where=text(OPEN_CONDITION),
        ),
        Index("ix_handoffs_queue", "state", "office_id", "priority", "queued_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)  # Rasa's sender id
    channel: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    jobseeker_id: Mapped[int | None] = mapped_column(ForeignKey("jobseekers.id"), nullable=True, index=True)
    reason: Mapped[str] = mapped_column(String(20))
    topic: Mapped[str | None] = mapped_column(String(80), nullable=True)
    summary: Mapped[str] = mapped_column(Text)
    # [{"sender": "jobseeker"|"bot", "text": str, "at": ISO datetime}], as the bot sent it.
    transcript: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    # {"level": str, "score": float, "evidence": [str]} or null.
    digital: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    province: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), nullable=True)
    priority: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20), default="waiting", index=True)
    consultant_id: Mapped[int | None] = mapped_column(ForeignKey("consultants.id"), nullable=True)
    # What the consultant recorded at the end: an outcome on close, "handed_back" on hand back.
    outcome: Mapped[str | None] = mapped_column(String(500), nullable=True)
    note: Mapped[str | None] = mapped_column(String(500), nullable=True)  # for the bot's recap
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # When it (last) joined a queue: a redirect to another werkwinkel queues it again.
    queued_at: Mapped[datetime] = mapped_column(DateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # When it ended, whichever way: closed, timed out or cancelled.
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    office: Mapped[Office | None] = relationship()
    messages: Mapped[list["HandoffMessage"]] = relationship(
        back_populates="handoff", order_by="HandoffMessage.id", cascade="all, delete-orphan"
    )


class HandoffMessage(Base):
    """One message during a handoff: from the jobseeker or the bot (read from Rasa's event
    broker) or from the consultant (stored here first, then pushed to Rasa)."""

    __tablename__ = "handoff_messages"
    # Two relays (or one relay reading a row twice) store an event once.
    __table_args__ = (UniqueConstraint("handoff_id", "source_event_id", name="uq_handoff_messages_source_event"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    handoff_id: Mapped[int] = mapped_column(ForeignKey("handoffs.id"), index=True)
    sender: Mapped[str] = mapped_column(String(20))
    consultant_id: Mapped[int | None] = mapped_column(ForeignKey("consultants.id"), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    source_event_id: Mapped[int | None] = mapped_column(Integer, nullable=True)

    handoff: Mapped[Handoff] = relationship(back_populates="messages")
    push: Mapped["HandoffPush | None"] = relationship(back_populates="message", uselist=False)


class HandoffPush(Base):
    """Something to send to Rasa for a handoff (an outbox): events to append or an intent to trigger.

    Written in the same transaction as the change it belongs to, so a crash or a Rasa outage
    loses nothing; pushes of one handoff go out in id order.
    """

    __tablename__ = "handoff_pushes"
    __table_args__ = (Index("ix_handoff_pushes_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    handoff_id: Mapped[int] = mapped_column(ForeignKey("handoffs.id"), index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("handoff_messages.id"), nullable=True, unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # events, intent
    # events: the list of Rasa events; intent: {"name": ..., "entities": {...}}.
    payload: Mapped[Any] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Due time of the next attempt, also a lease while one attempt runs; null: given up or delivered.
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(String(200), nullable=True)  # never message text
    created_at: Mapped[datetime] = mapped_column(DateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    message: Mapped[HandoffMessage | None] = relationship(back_populates="push")


class RelayCursor(Base):
    """How far a relay has read an external event log (Rasa's `events` table): the last row id."""

    __tablename__ = "relay_cursor"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_event_id: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
