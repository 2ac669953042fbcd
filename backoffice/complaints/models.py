from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.db import Base

MANDATE_STATES = ("active", "suspended")
CHANNELS = ("web", "rest", "sms", "phone", "telegram", "form", "email")
# draft: the conversation is still collecting answers; the rest is the handler's part.
STATUSES = ("draft", "submitted", "in_review", "decided")
OUTCOMES = ("conformant", "not_conformant")
DRAFT_CONDITION = "status = 'draft'"


class CareerCentre(Base):
    """A loopbaancentrum mandated to accept loopbaancheques (the demo register is invented)."""

    __tablename__ = "career_centres"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160), unique=True)
    municipality: Mapped[str] = mapped_column(String(80))
    province: Mapped[str] = mapped_column(String(40), index=True)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    mandate_status: Mapped[str] = mapped_column(String(20), default="active")
    mandate_suspended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class Complaint(Base):
    """A citizen's complaint about guidance paid with loopbaancheques, from the first answer on.

    The answers are columns of their own; each of the five definition questions has an answer
    (yes/partly/no) and the person's optional explanation. A correction overwrites one answer.
    """

    __tablename__ = "complaints"
    # At most one draft per conversation: the service looks first, this catches the race.
    __table_args__ = (
        Index(
            "uq_complaints_draft_conversation",
            "conversation_id",
            unique=True,
            sqlite_where=text(DRAFT_CONDITION),
            postgresql_where=text(DRAFT_CONDITION),
        ),
        Index("ix_complaints_centre_submitted", "centre_id", "submitted_at"),
        Index("ix_complaints_status_submitted", "status", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    conversation_id: Mapped[str | None] = mapped_column(String(255), nullable=True, index=True)
    jobseeker_id: Mapped[int | None] = mapped_column(ForeignKey("jobseekers.id"), nullable=True, index=True)
    channel: Mapped[str] = mapped_column(String(20))

    centre_id: Mapped[int | None] = mapped_column(ForeignKey("career_centres.id"), nullable=True)
    # Roughly when the guidance was: a year, and the month when the person knows it.
    guidance_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    guidance_month: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cheques_used: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # {"request_formulated": {"answer": "no", "explanation": "..."}, ...} for the five questions.
    criteria: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    delivered: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    delivered_explanation: Mapped[str | None] = mapped_column(Text, nullable=True)
    pop_received: Mapped[str | None] = mapped_column(String(10), nullable=True)
    pop_explanation: Mapped[str | None] = mapped_column(Text, nullable=True)

    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    review_started_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    reclaim_amount: Mapped[Decimal | None] = mapped_column(Numeric(10, 2), nullable=True)
    restore_right: Mapped[bool] = mapped_column(Boolean, default=False)
    address_centre: Mapped[bool] = mapped_column(Boolean, default=False)
    suspend_mandate: Mapped[bool] = mapped_column(Boolean, default=False)
    decision_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    decided_by_account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)

    centre: Mapped[CareerCentre | None] = relationship()
