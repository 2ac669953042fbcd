from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy.orm import Session

from backoffice.appointments import service
from backoffice.appointments.letter import to_pdf
from backoffice.appointments.schemas import (
    AppointmentRead,
    BookRequest,
    RescheduleRequest,
    SlotsRead,
    SlotTakenAnswer,
)
from backoffice.auth import require_service_token
from backoffice.clock import Clock, get_clock
from backoffice.config import Settings, get_settings
from backoffice.db import get_session
from backoffice.offices.schemas import OfficeRead
from backoffice.types import DbIdPath

router = APIRouter(tags=["appointments"], dependencies=[Depends(require_service_token)])

SessionDep = Annotated[Session, Depends(get_session)]
ClockDep = Annotated[Clock, Depends(get_clock)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
SLOT_TAKEN = {409: {"model": SlotTakenAnswer, "description": "The slot went to someone else: other free slots"}}
NOT_CHANGEABLE = {409: {"description": "Already cancelled, or already started"}}


@router.get("/jobseekers/{jobseeker_id}/appointment-slots", response_model=SlotsRead)
def appointment_slots(
    jobseeker_id: DbIdPath,
    session: SessionDep,
    clock: ClockDep,
    limit: Annotated[int, Query(ge=1, le=20)] = 3,
    office_id: Annotated[int | None, Query(gt=0, le=2**31 - 1)] = None,
) -> SlotsRead:
    """Free slots from tomorrow on in the jobseeker's werkwinkel (or the office given), spread over days."""
    office, free = service.slot_offer(
        session=session, jobseeker_id=jobseeker_id, office_id=office_id, limit=limit, clock=clock
    )
    return SlotsRead(office=OfficeRead.model_validate(office), slots=[service.slot_read(slot) for slot in free])


@router.post(
    "/jobseekers/{jobseeker_id}/appointments", response_model=AppointmentRead, status_code=201, responses=SLOT_TAKEN
)
def book_appointment(
    jobseeker_id: DbIdPath, body: BookRequest, session: SessionDep, clock: ClockDep, settings: SettingsDep
) -> AppointmentRead:
    """Books the slot (committed before anything is sent), then e-mails the confirmation."""
    appointment = service.book(
        session=session,
        jobseeker_id=jobseeker_id,
        slot_id=body.slot_id,
        channel=body.channel,
        reason=body.reason,
        clock=clock,
    )
    service.send_email(session=session, appointment=appointment, settings=settings, clock=clock)
    session.commit()
    return service.to_read(appointment)


@router.get("/jobseekers/{jobseeker_id}/appointments", response_model=list[AppointmentRead])
def upcoming_appointments(jobseeker_id: DbIdPath, session: SessionDep, clock: ClockDep) -> list[AppointmentRead]:
    """Booked appointments that have not started yet, earliest first."""
    return [service.to_read(item) for item in service.upcoming(session=session, jobseeker_id=jobseeker_id, clock=clock)]


@router.get("/appointments/{appointment_id}", response_model=AppointmentRead)
def get_appointment(appointment_id: DbIdPath, session: SessionDep) -> AppointmentRead:
    return service.to_read(service.require_appointment(session=session, appointment_id=appointment_id))


@router.post("/appointments/{appointment_id}/cancel", response_model=AppointmentRead, responses=NOT_CHANGEABLE)
def cancel_appointment(
    appointment_id: DbIdPath, session: SessionDep, clock: ClockDep, settings: SettingsDep
) -> AppointmentRead:
    appointment = service.require_appointment(session=session, appointment_id=appointment_id)
    service.cancel(session=session, appointment=appointment, clock=clock)
    session.commit()
    service.send_email(session=session, appointment=appointment, settings=settings, clock=clock)
    session.commit()
    return service.to_read(appointment)


@router.post(
    "/appointments/{appointment_id}/reschedule",
    response_model=AppointmentRead,
    responses=SLOT_TAKEN,
)
def reschedule_appointment(
    appointment_id: DbIdPath, body: RescheduleRequest, session: SessionDep, clock: ClockDep, settings: SettingsDep
) -> AppointmentRead:
    """The new appointment; the old one is cancelled in the same transaction."""
    appointment = service.reschedule(
        session=session, appointment_id=appointment_id, slot_id=body.slot_id, channel=body.channel, clock=clock
    )
    service.send_email(session=session, appointment=appointment, settings=settings, clock=clock)
    session.commit()
    return service.to_read(appointment)


@router.get(
    "/appointments/{appointment_id}/letter.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "The confirmation letter to print"}},
)
def appointment_letter(appointment_id: DbIdPath, session: SessionDep, clock: ClockDep) -> Response:
    appointment = service.require_appointment(session=session, appointment_id=appointment_id)
    content = to_pdf(service.letter(session=session, appointment=appointment), printed_on=clock.today)
    return Response(
        content,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="afspraak-{appointment.reference}.pdf"',
            "Cache-Control": "no-store",  # a name and a place: no cache keeps it
        },
    )
