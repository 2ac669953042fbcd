from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from backoffice.types import DbId

Channel = Literal["web", "rest", "sms", "phone", "telegram"]
Kind = Literal["live", "callback"]
Reason = Literal["requested", "misunderstood", "digital_skill", "topic"]
State = Literal["waiting", "accepted", "closed", "timed_out", "cancelled"]
Level = Literal["digital", "human-digital", "human"]
Delivery = Literal["pending", "delivered", "failed"]

MAX_TRANSCRIPT_LINES = 200
MAX_LINE_CHARS = 4000
MAX_CONSULTANT_CHARS = 2000

# Blank text is no message: stripped first, then at least one character.
ConsultantText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_CONSULTANT_CHARS)]


class Availability(BaseModel):
    open: bool
    next_opening: datetime | None = Field(description="When live chat opens next (Brussels time); null while open")
    hours_text: str = Field(description='Dutch, for the jobseeker: "op werkdagen van 8 tot 19 uur"')


class TranscriptLine(BaseModel):
    sender: Literal["jobseeker", "bot"]
    text: str
    at: datetime | None = None

    @field_validator("text")
    @classmethod
    def _cut_long_text(cls, value: str) -> str:
        # Cut, not refused: a long bot answer (a list of vacancies) must not stop a handoff.
        return value if len(value) <= MAX_LINE_CHARS else value[: MAX_LINE_CHARS - 1] + "…"


class DigitalAssessment(BaseModel):
    level: Level
    score: float
    evidence: list[Annotated[str, StringConstraints(max_length=300)]] = Field(default_factory=list, max_length=50)


class HandoffCreate(BaseModel):
    conversation_id: str = Field(min_length=1, max_length=255)
    channel: Channel
    kind: Kind = "live"
    jobseeker_id: DbId | None = None
    reason: Reason
    topic: str | None = Field(default=None, max_length=80, pattern=r"^[A-Za-z0-9_]+$")
    transcript: list[TranscriptLine] = Field(default_factory=list, max_length=MAX_TRANSCRIPT_LINES)
    digital: DigitalAssessment | None = None


class OfficeRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str


class MessageRead(BaseModel):
    id: int
    handoff_id: int
    sender: Literal["jobseeker", "consultant", "bot"]
    consultant_id: int | None
    text: str
    created_at: datetime
    source_event_id: int | None
    delivery: Delivery | None = Field(description="Consultant messages only: whether Rasa took it; null otherwise")
    delivery_attempts: int
    delivery_error: str | None = Field(description="Why the last push failed, e.g. 'HTTP 500' or 'ConnectError'")
    delivery_retrying: bool = Field(description="A failed push that will be tried again")


class HandoffRead(BaseModel):
    id: int
    conversation_id: str
    channel: Channel
    kind: Kind
    jobseeker_id: int | None
    reason: Reason
    topic: str | None
    summary: str
    digital: DigitalAssessment | None
    province: str | None
    office: OfficeRef | None = Field(description="The werkwinkel that handles it; null: the Servicelijn")
    priority: int = Field(description="1 urgent, 2 normal, 3 low")
    state: State
    consultant_id: int | None
    outcome: str | None = Field(description='The consultant\'s outcome on close; "handed_back" on hand back')
    note: str | None = Field(description="The consultant's note on hand back, for the bot's recap")
    created_at: datetime
    queued_at: datetime
    accepted_at: datetime | None
    closed_at: datetime | None = Field(description="When it ended: closed, timed out or cancelled")
    queue_position: int | None = Field(description="1-based place in its queue; live handoffs that wait only")
    expected_wait_minutes: int | None = Field(description="Live handoffs that wait only")
    waited_minutes: int = Field(description="Minutes in the queue: until now while waiting, else until it moved on")
    undelivered_pushes: int = Field(description="Pushes to Rasa not (yet) delivered: messages, pause, resume")


class HandoffDetail(HandoffRead):
    transcript: list[TranscriptLine]
    messages: list[MessageRead]


class ClaimRequest(BaseModel):
    consultant_id: DbId


class MessageCreate(BaseModel):
    consultant_id: DbId
    text: ConsultantText


class HandBackRequest(BaseModel):
    consultant_id: DbId
    note: str | None = Field(default=None, max_length=500)


class CloseRequest(BaseModel):
    consultant_id: DbId
    outcome: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class RedirectRequest(BaseModel):
    office_id: DbId


class ClosedError(BaseModel):
    detail: Literal["closed"]
    next_opening: datetime | None
    hours_text: str
