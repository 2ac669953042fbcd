from datetime import date, datetime
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from backoffice.types import DbId

Status = Literal["open", "in_progress", "done", "overdue"]
StatusFilter = Literal["open", "done", "all"]
ProposalStatus = Literal["proposed", "accepted", "rejected"]
ProposalStatusFilter = Literal["proposed", "accepted", "rejected", "all"]
Completion = Literal["self_reported", "detected", "consultant_confirmed"]
NoteKind = Literal["help_requested", "step_failed", "paused", "person_offered"]
MAX_STEP = 100


class StepRead(BaseModel):
    title: str
    text: str
    help: str


class AssignmentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    jobseeker_id: int
    kind: str
    origin: Literal["automatic", "smart"]
    title: str
    instructions: str
    steps: list[StepRead]
    keywords: list[str]
    current_step: int = Field(description="0-based index of the next step to do; step_count when all are done")
    step_count: int
    status: Status
    due_date: date
    completion: Completion | None
    completed_at: datetime | None
    reason: str | None = Field(description="Why a smart assignment was given; null for automatic ones")


class ProgressRequest(BaseModel):
    current_step: int = Field(ge=0, le=MAX_STEP, description="0..step_count; step_count means every step was walked")


class CompleteRequest(BaseModel):
    how: Literal["self_reported", "consultant_confirmed"]
    consultant_id: DbId | None = None

    @model_validator(mode="after")
    def _consultant_confirms(self) -> Self:
        if self.how == "consultant_confirmed" and self.consultant_id is None:
            raise ValueError("consultant_id is required when a consultant confirms")
        if self.how == "self_reported" and self.consultant_id is not None:
            raise ValueError("consultant_id belongs with consultant_confirmed only")
        return self


class CompleteResponse(BaseModel):
    assignment: AssignmentRead
    next: AssignmentRead | None


class NoteRequest(BaseModel):
    kind: NoteKind
    step: int | None = Field(
        default=None, ge=0, le=MAX_STEP, description="0-based like current_step; step_count or null: no one step"
    )
    channel: str = Field(min_length=1, max_length=30, pattern=r"^[A-Za-z0-9_.-]+$")


class EventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    assignment_id: int
    at: datetime
    actor: Literal["system", "jobseeker", "bot", "consultant"]
    consultant_id: int | None
    change: str
    from_value: str | None
    to_value: str | None
    step: int | None
    channel: str | None
    note: str | None


class ProposalRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    jobseeker_id: int
    rule_code: str
    kind: str
    title: str
    instructions: str
    steps: list[StepRead]
    keywords: list[str]
    reason: str
    suggested_due_date: date
    status: ProposalStatus
    decided_by: int | None
    decided_at: datetime | None
    decision_note: str | None
    assignment_id: int | None
    created_at: datetime


class AcceptProposalRequest(BaseModel):
    consultant_id: DbId
    title: str | None = Field(default=None, min_length=1, max_length=120)
    instructions: str | None = Field(default=None, min_length=1, max_length=2000)
    due_date: date | None = None


class RejectProposalRequest(BaseModel):
    consultant_id: DbId
    note: str = Field(min_length=1, max_length=500)


class DoneItem(BaseModel):
    title: str
    completion: Completion
    completed_at: datetime | None


class NotDoneItem(BaseModel):
    title: str
    status: Status
    due_date: date
    current_step: int
    step_count: int


class FirstContactSummary(BaseModel):
    jobseeker_id: int
    registration_date: date
    weeks_registered: int
    first_contact_on: date
    done: list[DoneItem]
    not_done: list[NotDoneItem]
    noticed: list[str]
    proposals_waiting: int
    text: str


class ReminderClaim(BaseModel):
    assignment: AssignmentRead
