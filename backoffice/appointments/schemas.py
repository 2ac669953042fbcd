from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from backoffice.offices.schemas import OfficeRead

Channel = str
CHANNEL_FIELD = Field(min_length=1, max_length=30, pattern=r"^[A-Za-z0-9_.-]+$")
SLOT_ID_FIELD = Field(min_length=3, max_length=40, pattern=r"^[0-9]+-[0-9]{8}T[0-9]{4}Z$")


class SlotRead(BaseModel):
    slot_id: str = Field(description="Opaque: send it back as it is to book this slot")
    starts_at: datetime = Field(description="Brussels local time with its offset")
    ends_at: datetime
    consultant_first_name: str
    office_id: int
    when_text: str = Field(description="The start written out in Dutch: 'dinsdag 1 december 2026 om 9.30 uur'")


class SlotsRead(BaseModel):
    office: OfficeRead
    slots: list[SlotRead]


class BookRequest(BaseModel):
    slot_id: str = SLOT_ID_FIELD
    channel: Channel = CHANNEL_FIELD
    reason: str = Field(min_length=1, max_length=500)


class RescheduleRequest(BaseModel):
    slot_id: str = SLOT_ID_FIELD
    channel: Channel | None = Field(default=None, min_length=1, max_length=30, pattern=r"^[A-Za-z0-9_.-]+$")


class AppointmentRead(BaseModel):
    id: int
    reference: str
    jobseeker_id: int
    consultant_id: int
    consultant_first_name: str
    office: OfficeRead
    starts_at: datetime = Field(description="Brussels local time with its offset")
    ends_at: datetime
    local_date: date
    local_time: str = Field(description="HH:MM in Brussels")
    when_text: str = Field(description="'dinsdag 1 december 2026 om 9.30 uur'")
    status: Literal["booked", "cancelled"]
    channel: str
    reason: str
    created_at: datetime
    cancelled_at: datetime | None
    rescheduled_from_id: int | None
    email_status: Literal["pending", "sent", "failed", "no_email", "disabled"] = Field(
        description="sent; failed (the booking stands); no_email in the dossier; disabled: no SMTP server set"
    )
    letter_status: Literal["to_print", "available"] = Field(
        description="to_print: no e-mail, so the letter is the confirmation; available: e-mailed, letter extra"
    )
    letter_url: str


class SlotTakenAnswer(BaseModel):
    """The 409 answer when the slot went to someone else: other free slots to offer instead."""

    detail: Literal["slot_taken"]
    alternatives: list[SlotRead]
