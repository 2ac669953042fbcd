from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.db import Base

# Statuses a jobseeker still has to act on, in the order of the lifecycle.
OPEN_STATUSES = ("open", "in_progress", "overdue")
STATUSES = (*OPEN_STATUSES, "done")
ORIGINS = ("automatic", "smart")
COMPLETIONS = ("self_reported", "detected", "consultant_confirmed")
ACTORS = ("system", "jobseeker", "bot", "consultant")
PROPOSAL_STATUSES = ("proposed", "accepted", "rejected")


class Assignment(Base):
    """One assignment (opdracht) of one jobseeker, walked through one step at a time."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    jobseeker_id: Mapped[int] = mapped_column(ForeignKey("jobseekers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    origin: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(120))
    instructions: Mapped[str] = mapped_column(Text)
    # [{"title": str, "text": str, "help": str}]: a copy, so later catalogue edits do not change it.
    steps: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    keywords: Mapped[list[str]] = mapped_column(JSON)
    current_step: Mapped[int] = mapped_column(Integer, default=0)  # 0-based index of the next step
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    due_date: Mapped[date] = mapped_column(Date)
    completion: Mapped[str | None] = mapped_column(String(30), nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)  # why a smart one was given
    # No foreign key: the proposal already points here, and two tables pointing at each other
    # cannot be created in one go on SQLite.
    proposal_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    events: Mapped[list["AssignmentEvent"]] = relationship(
        back_populates="assignment", order_by="AssignmentEvent.id", cascade="all, delete-orphan"
    )

    @property
    def step_count(self) -> int:
        return len(self.steps)


class AssignmentEvent(Base):
    """One change of an assignment, or something the bot noticed while walking through it."""

    __tablename__ = "assignment_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(20))
    consultant_id: Mapped[int | None] = mapped_column(ForeignKey("consultants.id"), nullable=True)
    change: Mapped[str] = mapped_column(String(20))  # created, status, step, completion, noticed, reminded
    from_value: Mapped[str | None] = mapped_column(String(40), nullable=True)
    to_value: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # Notices point at a step (0-based) and the channel they came from, for the week-6 summary.
    step: Mapped[int | None] = mapped_column(Integer, nullable=True)
    channel: Mapped[str | None] = mapped_column(String(30), nullable=True)
    note: Mapped[str | None] = mapped_column(String(500), nullable=True)

    assignment: Mapped[Assignment] = relationship(back_populates="events")


class AssignmentProposal(Base):
    """A smart assignment a rule proposed; the jobseeker sees it only once a consultant accepts it."""

    __tablename__ = "assignment_proposals"
    # A rule proposes once per jobseeker, whatever became of its proposal.
    __table_args__ = (UniqueConstraint("jobseeker_id", "rule_code", name="uq_assignment_proposals_jobseeker_rule"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    jobseeker_id: Mapped[int] = mapped_column(ForeignKey("jobseekers.id"), index=True)
    rule_code: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(120))
    instructions: Mapped[str] = mapped_column(Text)
    steps: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    keywords: Mapped[list[str]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    suggested_due_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="proposed", index=True)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("consultants.id"), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    decision_note: Mapped[str | None] = mapped_column(String(500), nullable=True)
    assignment_id: Mapped[int | None] = mapped_column(ForeignKey("assignments.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
