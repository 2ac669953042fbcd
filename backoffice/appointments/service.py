"""Digital dispatching: the werkwinkel for a jobseeker, slots to offer, booking, moving, cancelling.

Booking and moving commit themselves, unlike the other services: which of two people gets a
slot is decided by the database when the transaction commits, and the loser can only see the
winner (to offer other slots) in a new transaction. Confirmations go out after that commit.
"""

import secrets
import time
from datetime import UTC, datetime

from sqlalchemy import exists, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from backoffice.appointments import mail, slots, wording
from backoffice.appointments.letter import Letter
from backoffice.appointments.models import Appointment
from backoffice.appointments.schemas import AppointmentRead, SlotRead
from backoffice.appointments.slots import Slot
from backoffice.clock import Clock, brussels
from backoffice.config import Settings
from backoffice.errors import ConflictError, DomainError, InvalidInputError, NotFoundError
from backoffice.jobseekers.models import Jobseeker
from backoffice.notifications.service import notify
from backoffice.offices import service as offices
from backoffice.offices.models import Office
from backoffice.offices.schemas import OfficeRead

ALTERNATIVES = 3
BOOKING_ATTEMPTS = 4
BUSY_PAUSE_SECONDS = 0.1  # SQLite: wait this much longer on each try for the other writer to commit
# No 0/O or 1/I: a reference is read out on the phone and typed over from a letter.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
REFERENCE_PREFIX = "AFS-"


class BusyError(DomainError):
    status_code = 503


def _require_jobseeker(*, session: Session, jobseeker_id: int) -> Jobseeker:
    jobseeker = session.get(Jobseeker, jobseeker_id)
    if jobseeker is None:
        raise NotFoundError("Jobseeker not found")
    return jobseeker


def require_appointment(*, session: Session, appointment_id: int) -> Appointment:
    appointment = session.get(Appointment, appointment_id)
    if appointment is None:
        raise NotFoundError("Appointment not found")
    return appointment


def office_for_jobseeker(*, session: Session, jobseeker: Jobseeker) -> Office:
    """The dossier's werkwinkel, else the nearest one in the jobseeker's province."""
    if jobseeker.office is not None:
        return jobseeker.office
    office = offices.nearest_werkwinkel(
        session=session, municipality_nis=jobseeker.municipality_nis, province=jobseeker.province
    )
    if office is None:
        raise NotFoundError("No werkwinkel for this jobseeker")
    return office


def _local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC).astimezone(brussels())


def slot_read(slot: Slot) -> SlotRead:
    return SlotRead(
        slot_id=slot.slot_id,
        starts_at=_local(slot.starts_at),
        ends_at=_local(slot.ends_at),
        consultant_first_name=slot.consultant_first_name,
        office_id=slot.office_id,
        when_text=wording.when_text(slot.starts_at),
    )


def slot_offer(
    *, session: Session, jobseeker_id: int, office_id: int | None, limit: int, clock: Clock
) -> tuple[Office, list[Slot]]:
    jobseeker = _require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    if office_id is None:
        office = office_for_jobseeker(session=session, jobseeker=jobseeker)
    else:
        office = offices.get_office(session=session, office_id=office_id)
        if office is None:
            raise NotFoundError("Office not found")
    return office, slots.offer(session=session, office_id=office.id, clock=clock, limit=limit)


def _is_taken(*, session: Session, slot: Slot) -> bool:
    return bool(
        session.scalar(
            select(
                exists().where(
                    Appointment.consultant_id == slot.consultant_id,
                    Appointment.starts_at == slot.starts_at,
                    Appointment.status == "booked",
                )
            )
        )
    )


def _slot_taken(*, session: Session, slot: Slot, clock: Clock) -> ConflictError:
    others = slots.offer(session=session, office_id=slot.office_id, clock=clock, limit=ALTERNATIVES, exclude={slot.key})
    alternatives = [slot_read(other).model_dump(mode="json") for other in others]
    return ConflictError("slot_taken", extra={"alternatives": alternatives})


def _is_busy(error: OperationalError) -> bool:
    # SQLite allows one writer: the other gets "database is locked" at once when waiting could deadlock.
    return "locked" in str(error.orig).lower() or "busy" in str(error.orig).lower()


def _new_reference() -> str:
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(4))


def details(*, appointment: Appointment, jobseeker: Jobseeker) -> wording.Details:
    return wording.Details(
        first_name=jobseeker.first_name,
        when=wording.when_text(appointment.starts_at),
        office_name=appointment.office.name,
        office_address=appointment.office.address,
        consultant_first_name=appointment.consultant.first_name,
        reference=appointment.reference,
    )


def _cancel_row(*, session: Session, appointment: Appointment, clock: Clock) -> None:
    """Cancels a booked appointment with one conditional UPDATE, so a double cancel is seen."""
    cancelled = session.execute(
        update(Appointment)
        .where(Appointment.id == appointment.id, Appointment.status == "booked")
        .values(status="cancelled", cancelled_at=clock.now)
        .execution_options(synchronize_session=False)
    )
    session.expire(appointment, ["status", "cancelled_at"])
    if cancelled.rowcount != 1:
        raise ConflictError("Appointment is already cancelled")


def _check_changeable(*, appointment: Appointment, clock: Clock) -> None:
    if appointment.status != "booked":
        raise ConflictError("Appointment is already cancelled")
    if appointment.starts_at <= clock.now:
        raise ConflictError("Appointment has already started")


def _insert(
    *,
    session: Session,
    jobseeker: Jobseeker,
    slot: Slot,
    channel: str,
    reason: str,
    clock: Clock,
    replaces: Appointment | None,
) -> Appointment:
    if replaces is not None:
        _cancel_row(session=session, appointment=replaces, clock=clock)
    appointment = Appointment(
        reference=_new_reference(),
        jobseeker_id=jobseeker.id,
        consultant_id=slot.consultant_id,
        office_id=slot.office_id,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        status="booked",
        channel=channel,
        reason=reason,
        created_at=clock.now,
        rescheduled_from_id=replaces.id if replaces is not None else None,
        # Without an address the letter is the confirmation: it is marked to be printed and posted.
        email_status="pending" if jobseeker.email else "no_email",
        letter_status="available" if jobseeker.email else "to_print",
    )
    session.add(appointment)
    session.flush()
    title, body = wording.booked_notification(
        details(appointment=appointment, jobseeker=jobseeker), moved=replaces is not None
    )
    kind = "appointment_rescheduled" if replaces is not None else "appointment_booked"
    # In the same transaction: a booking never exists without its notice in the personal account.
    notify(session=session, jobseeker_id=jobseeker.id, kind=kind, title=title, body=body, clock=clock)
    return appointment


def _claim(
    *,
    session: Session,
    jobseeker_id: int,
    slot_id: str,
    channel: str | None,
    reason: str | None,
    clock: Clock,
    replaces_id: int | None = None,
) -> Appointment:
    for attempt in range(BOOKING_ATTEMPTS):
        jobseeker = _require_jobseeker(session=session, jobseeker_id=jobseeker_id)
        replaces = None
        if replaces_id is not None:
            replaces = require_appointment(session=session, appointment_id=replaces_id)
            _check_changeable(appointment=replaces, clock=clock)
        slot = slots.bookable_slot(session=session, slot_id=slot_id, clock=clock)
        if replaces is not None and (replaces.consultant_id, replaces.starts_at) == slot.key:
            raise InvalidInputError("slot_id is the appointment's own slot: choose another one")
        if _is_taken(session=session, slot=slot):
            raise _slot_taken(session=session, slot=slot, clock=clock)
        try:
            with session.begin_nested():
                appointment = _insert(
                    session=session,
                    jobseeker=jobseeker,
                    slot=slot,
                    channel=channel or (replaces.channel if replaces else "web"),
                    reason=reason or (replaces.reason if replaces else ""),
                    clock=clock,
                    replaces=replaces,
                )
            session.commit()
            return appointment
        except IntegrityError:
            session.rollback()  # a new transaction: it sees the booking that won
            if _is_taken(session=session, slot=slot):
                raise _slot_taken(session=session, slot=slot, clock=clock) from None
            # Otherwise two references collided: try again with a new one.
        except OperationalError as error:
            if not _is_busy(error):
                raise
            session.rollback()  # let the other writer commit, then look again
            time.sleep(BUSY_PAUSE_SECONDS * (attempt + 1))
    raise BusyError("The booking could not be saved now; try again")


def book(*, session: Session, jobseeker_id: int, slot_id: str, channel: str, reason: str, clock: Clock) -> Appointment:
    """Books a free slot and commits; 409 slot_taken with other free slots when it is gone."""
    return _claim(
        session=session, jobseeker_id=jobseeker_id, slot_id=slot_id, channel=channel, reason=reason, clock=clock
    )


def reschedule(
    *, session: Session, appointment_id: int, slot_id: str, channel: str | None, clock: Clock
) -> Appointment:
    """Books the new slot and cancels the old appointment in one transaction, and commits."""
    appointment = require_appointment(session=session, appointment_id=appointment_id)
    return _claim(
        session=session,
        jobseeker_id=appointment.jobseeker_id,
        slot_id=slot_id,
        channel=channel,
        reason=None,
        clock=clock,
        replaces_id=appointment.id,
    )


def cancel(*, session: Session, appointment: Appointment, clock: Clock) -> Appointment:
    _check_changeable(appointment=appointment, clock=clock)
    _cancel_row(session=session, appointment=appointment, clock=clock)
    jobseeker = _require_jobseeker(session=session, jobseeker_id=appointment.jobseeker_id)
    title, body = wording.cancelled_notification(details(appointment=appointment, jobseeker=jobseeker))
    notify(
        session=session, jobseeker_id=jobseeker.id, kind="appointment_cancelled", title=title, body=body, clock=clock
    )
    session.flush()
    return appointment


def send_email(*, session: Session, appointment: Appointment, settings: Settings, clock: Clock) -> None:
    """The e-mail for the appointment's current state (booked, moved or cancelled).

    Called after the commit; the outcome is recorded on the appointment and never undoes it.
    """
    jobseeker = _require_jobseeker(session=session, jobseeker_id=appointment.jobseeker_id)
    if not jobseeker.email:
        appointment.email_status = "no_email"
        session.flush()
        return
    said = details(appointment=appointment, jobseeker=jobseeker)
    if appointment.status == "cancelled":
        subject, body = wording.cancelled_mail(said)
    else:
        previous = (
            session.get(Appointment, appointment.rescheduled_from_id) if appointment.rescheduled_from_id else None
        )
        previous_when = wording.when_text(previous.starts_at) if previous is not None else None
        subject, body = wording.booked_mail(said, previous_when=previous_when)
    status = mail.send(
        settings=settings, to=jobseeker.email, subject=subject, body=body, log_ref=f"appointment {appointment.id}"
    )
    appointment.email_status = status
    if status == "sent":
        appointment.email_sent_at = clock.now
    session.flush()


def upcoming(*, session: Session, jobseeker_id: int, clock: Clock) -> list[Appointment]:
    _require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    query = (
        select(Appointment)
        .where(
            Appointment.jobseeker_id == jobseeker_id,
            Appointment.status == "booked",
            Appointment.starts_at > clock.now,
        )
        .order_by(Appointment.starts_at)
    )
    return list(session.scalars(query))


def letter(*, session: Session, appointment: Appointment) -> Letter:
    jobseeker = _require_jobseeker(session=session, jobseeker_id=appointment.jobseeker_id)
    return Letter(
        details=details(appointment=appointment, jobseeker=jobseeker),
        full_name=f"{jobseeker.first_name} {jobseeker.last_name}",
        # The dossier has no street: the letter goes to the name and place the dossier knows.
        address_lines=(f"{jobseeker.postcode} {jobseeker.municipality}",),
        cancelled=appointment.status == "cancelled",
        is_demo=jobseeker.is_demo or appointment.office.is_demo,
    )


def to_read(appointment: Appointment) -> AppointmentRead:
    start = _local(appointment.starts_at)
    return AppointmentRead(
        id=appointment.id,
        reference=appointment.reference,
        jobseeker_id=appointment.jobseeker_id,
        consultant_id=appointment.consultant_id,
        consultant_first_name=appointment.consultant.first_name,
        office=OfficeRead.model_validate(appointment.office),
        starts_at=start,
        ends_at=_local(appointment.ends_at),
        local_date=start.date(),
        local_time=f"{start:%H:%M}",
        when_text=wording.when_text(appointment.starts_at),
        status=appointment.status,
        channel=appointment.channel,
        reason=appointment.reason,
        created_at=appointment.created_at,
        cancelled_at=appointment.cancelled_at,
        rescheduled_from_id=appointment.rescheduled_from_id,
        email_status=appointment.email_status,
        letter_status=appointment.letter_status,
        letter_url=f"/api/v1/appointments/{appointment.id}/letter.pdf",
    )
