"""Appointment moments as a jobseeker reads or hears them: "dinsdag 1 december om 9.30 uur"."""

from datetime import date, datetime

from actions.clock import BRUSSELS
from actions.dispatch_client import Slot
from actions.dutch_dates import day_name

SPOKEN_NUMBERS = ("één", "twee", "drie", "vier", "vijf")


def moment(starts_at: datetime, *, today: date) -> str:
    local = starts_at.astimezone(BRUSSELS) if starts_at.tzinfo else starts_at
    clock = f"{local.hour} uur" if local.minute == 0 else f"{local.hour}.{local.minute:02d} uur"
    return f"{day_name(local.date(), today=today)} om {clock}"


def slot_buttons(slots: tuple[Slot, ...], *, today: date) -> list[dict[str, str]]:
    return [
        {"title": moment(slot.starts_at, today=today), "payload": f'/book_appointment{{"slot_id": "{slot.slot_id}"}}'}
        for slot in slots
    ]


def numbered(slots: tuple[Slot, ...], *, today: date, spoken: bool) -> str:
    """ "1. dinsdag ..." for SMS; "Eén: dinsdag ..." for the phone."""
    lines = []
    for index, slot in enumerate(slots):
        label = SPOKEN_NUMBERS[index].capitalize() + ":" if spoken else f"{index + 1}."
        lines.append(f"{label} {moment(slot.starts_at, today=today)}.")
    return " ".join(lines) if spoken else "\n".join(lines)
