"""Free slots from the consultants' schedules: working days from tomorrow on, minus what is booked.

A slot id names a consultant and a start (UTC): "12-20261201T0830Z". Callers treat it as opaque;
booking checks it against the schedules again, so a made-up id books nothing.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.appointments.calendar import is_working_day
from backoffice.appointments.models import Appointment, ConsultantSchedule
from backoffice.clock import Clock, brussels
from backoffice.errors import InvalidInputError

HORIZON_DAYS = 28  # slots are offered up to four weeks ahead
_SLOT_ID = re.compile(r"^(?P<consultant>[0-9]{1,10})-(?P<start>[0-9]{8}T[0-9]{4})Z$")


@dataclass(frozen=True)
class Slot:
    consultant_id: int
    consultant_first_name: str
    office_id: int
    starts_at: datetime  # naive UTC
    ends_at: datetime

    @property
    def slot_id(self) -> str:
        return encode_slot_id(self.consultant_id, self.starts_at)

    @property
    def key(self) -> tuple[int, datetime]:
        return (self.consultant_id, self.starts_at)


def encode_slot_id(consultant_id: int, starts_at: datetime) -> str:
    return f"{consultant_id}-{starts_at:%Y%m%dT%H%M}Z"


def decode_slot_id(slot_id: str) -> tuple[int, datetime]:
    match = _SLOT_ID.match(slot_id)
    if match is None:
        raise InvalidInputError("slot_id is not a slot id")
    try:
        start = datetime.strptime(match["start"], "%Y%m%dT%H%M")
    except ValueError as error:
        raise InvalidInputError("slot_id is not a slot id") from error
    return int(match["consultant"]), start


def _utc(wall: datetime) -> datetime:
    """Brussels wall time to naive UTC; office hours never fall in the hour clocks change."""
    return wall.replace(tzinfo=brussels()).astimezone(UTC).replace(tzinfo=None)


def schedule_slots(schedule: ConsultantSchedule, day: date) -> Iterator[Slot]:
    """The slots of one schedule on one day (which must be its weekday)."""
    wall = datetime.combine(day, schedule.start_time)
    end = datetime.combine(day, schedule.end_time)
    step = timedelta(minutes=schedule.slot_minutes)
    while wall + step <= end:
        start = _utc(wall)
        yield Slot(
            consultant_id=schedule.consultant_id,
            consultant_first_name=schedule.consultant.first_name,
            office_id=schedule.office_id,
            starts_at=start,
            ends_at=start + step,
        )
        wall += step


def first_day(clock: Clock) -> date:
    """Appointments start tomorrow at the earliest: the office needs a day to prepare."""
    return clock.today + timedelta(days=1)


def _days(clock: Clock, horizon_days: int) -> Iterator[date]:
    start = first_day(clock)
    for offset in range(horizon_days):
        day = start + timedelta(days=offset)
        if is_working_day(day):
            yield day


def _booked(*, session: Session, consultant_ids: Iterable[int], start: datetime, end: datetime) -> set:
    rows = session.execute(
        select(Appointment.consultant_id, Appointment.starts_at).where(
            Appointment.status == "booked",
            Appointment.consultant_id.in_(list(consultant_ids)),
            Appointment.starts_at >= start,
            Appointment.starts_at < end,
        )
    )
    return {(consultant_id, starts_at) for consultant_id, starts_at in rows}


def free_slots(
    *,
    session: Session,
    office_id: int,
    clock: Clock,
    horizon_days: int = HORIZON_DAYS,
    exclude: Iterable[tuple[int, datetime]] = (),
) -> list[Slot]:
    """Every free slot of the office's schedules within the horizon, earliest first."""
    schedules = list(session.scalars(select(ConsultantSchedule).where(ConsultantSchedule.office_id == office_id)))
    if not schedules:
        return []
    by_weekday: dict[int, list[ConsultantSchedule]] = {}
    for schedule in schedules:
        by_weekday.setdefault(schedule.weekday, []).append(schedule)
    candidates = [
        slot
        for day in _days(clock, horizon_days)
        for schedule in by_weekday.get(day.weekday(), [])
        for slot in schedule_slots(schedule, day)
    ]
    if not candidates:
        return []
    taken = _booked(
        session=session,
        consultant_ids={schedule.consultant_id for schedule in schedules},
        start=min(slot.starts_at for slot in candidates),
        end=max(slot.ends_at for slot in candidates),
    )
    taken |= set(exclude)
    free = [slot for slot in candidates if slot.key not in taken]
    return sorted(free, key=lambda slot: (slot.starts_at, slot.consultant_id))


def spread(slots: list[Slot], limit: int) -> list[Slot]:
    """`limit` slots, on different days when there are enough days: the earliest of each day
    first, then the second of each day, and so on; the result in time order."""
    by_day: dict[date, list[Slot]] = {}
    for slot in slots:
        by_day.setdefault(slot.starts_at.replace(tzinfo=UTC).astimezone(brussels()).date(), []).append(slot)
    chosen: list[Slot] = []
    rank = 0
    while len(chosen) < limit and any(len(day) > rank for day in by_day.values()):
        for day_slots in by_day.values():
            if len(day_slots) > rank and len(chosen) < limit:
                chosen.append(day_slots[rank])
        rank += 1
    return sorted(chosen, key=lambda slot: (slot.starts_at, slot.consultant_id))


def offer(
    *, session: Session, office_id: int, clock: Clock, limit: int, exclude: Iterable[tuple[int, datetime]] = ()
) -> list[Slot]:
    """The slots to offer: `limit` free ones, spread over days."""
    return spread(free_slots(session=session, office_id=office_id, clock=clock, exclude=exclude), limit)


def bookable_slot(*, session: Session, slot_id: str, clock: Clock) -> Slot:
    """The slot an id names, when it lies in a schedule on a working day from tomorrow on.

    Whether it is still free is not checked here: the booking itself finds that out.
    """
    consultant_id, starts_at = decode_slot_id(slot_id)
    local = starts_at.replace(tzinfo=UTC).astimezone(brussels())
    day = local.date()
    if day < first_day(clock) or not is_working_day(day):
        raise InvalidInputError("slot_id is not bookable: not a working day from tomorrow on")
    schedules = session.scalars(
        select(ConsultantSchedule).where(
            ConsultantSchedule.consultant_id == consultant_id, ConsultantSchedule.weekday == day.weekday()
        )
    )
    for schedule in schedules:
        for slot in schedule_slots(schedule, day):
            if slot.starts_at == starts_at:
                return slot
    raise InvalidInputError("slot_id is not bookable: not in the consultant's schedule")
