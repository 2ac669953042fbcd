"""What a consultant does for a jobseeker from the conversation or the dossier: book an appointment,
recommend a vacancy, decide on smart-assignment proposals.

Every action goes through the existing services (appointments, vacancies, assignments/proposals)
with the same confirmations as the API (the booking's notification, e-mail or letter), under the
inbox's rules: CSRF, the dossier must be in the account's region (the Servicelijn sees all), and an
audit event. After an action the browser is sent back (303) to the page it came from, with a short
confirmation read from the database (never from the address bar).
"""

from dataclasses import dataclass
from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.accounts import permissions
from backoffice.accounts import service as accounts
from backoffice.accounts.service import SignedIn
from backoffice.appointments import service as appointments
from backoffice.appointments import slots as appointment_slots
from backoffice.appointments import wording
from backoffice.appointments.letter import to_pdf
from backoffice.appointments.models import Appointment
from backoffice.appointments.schemas import SlotRead
from backoffice.assignments import proposals
from backoffice.assignments.models import Assignment, AssignmentProposal
from backoffice.errors import DomainError, NotFoundError
from backoffice.handoffs.models import Handoff
from backoffice.inbox.deps import COOKIE_PATH, ClockDep, PageUser, SessionDep, SettingsDep, check_csrf
from backoffice.inbox.pages import CsrfField, error_page, see_other
from backoffice.jobseekers.models import Jobseeker
from backoffice.offices.models import Office
from backoffice.types import DbIdPath
from backoffice.vacancies import service as vacancies
from backoffice.vacancies.models import PushedSuggestion, Vacancy
from backoffice.vacancies.schemas import PushRequest

router = APIRouter(include_in_schema=False)

SLOTS_SHOWN = 6
BOOKING_CHANNEL = "inbox"  # the appointment's channel: booked by a consultant in the inbox
ReturnField = Annotated[str, Form(max_length=12)]
EMAIL_WORDS = {
    "sent": "De werkzoekende kreeg een e-mail en een bericht in het persoonlijke account.",
    "no_email": "De werkzoekende heeft geen e-mailadres: print de brief en stuur hem op.",
    "failed": "De e-mail ging niet weg. Het bericht staat wel in het persoonlijke account. Print de brief.",
    "disabled": "Er gaat geen e-mail weg (geen mailserver ingesteld). Het bericht staat in het persoonlijke account.",
    "pending": "Het bericht staat in het persoonlijke account.",
}


# --- what the dossier shows for this ---


@dataclass
class Work:
    """The forms' data: free slots in the jobseeker's werkwinkel, recommended vacancies, a notice."""

    office: Office | None
    slots: list[SlotRead]
    pushed: list[tuple[PushedSuggestion, Vacancy]]
    notice: str | None = None
    letter_id: int | None = None
    back: int | None = None  # the conversation the forms return to
    today: date | None = None


def dossier_work(*, session: Session, jobseeker: Jobseeker, clock, query, back: int | None = None) -> Work:
    try:
        office, free = appointments.slot_offer(
            session=session, jobseeker_id=jobseeker.id, office_id=None, limit=SLOTS_SHOWN, clock=clock
        )
    except NotFoundError:
        office, free = None, []
    pushed = session.execute(
        select(PushedSuggestion, Vacancy)
        .join(Vacancy, Vacancy.id == PushedSuggestion.vacancy_id)
        .where(PushedSuggestion.jobseeker_id == jobseeker.id)
        .order_by(PushedSuggestion.id.desc())
        .limit(10)
    ).all()
    work = Work(
        office=office, slots=[appointments.slot_read(slot) for slot in free], pushed=[tuple(row) for row in pushed]
    )
    work.back, work.today = back, clock.today
    _notice(session=session, jobseeker=jobseeker, query=query, work=work)
    return work


def _id(query, name: str) -> int | None:
    value = query.get(name, "")
    return int(value) if value.isdigit() and len(value) < 10 else None


def _notice(*, session: Session, jobseeker: Jobseeker, query, work: Work) -> None:
    """The confirmation after an action, from the record it names, only when it is this jobseeker's."""
    if (appointment_id := _id(query, "afspraak")) is not None:
        appointment = session.get(Appointment, appointment_id)
        if appointment is not None and appointment.jobseeker_id == jobseeker.id:
            work.notice = (
                f"Afspraak gemaakt: {wording.when_text(appointment.starts_at)} in "
                f"{appointment.office.name} met {appointment.consultant.first_name} "
                f"(referentie {appointment.reference}). {EMAIL_WORDS.get(appointment.email_status, '')}"
            )
            work.letter_id = appointment.id
    elif (push_id := _id(query, "aangeraden")) is not None:
        push = session.get(PushedSuggestion, push_id)
        if push is not None and push.jobseeker_id == jobseeker.id:
            vacancy = session.get(Vacancy, push.vacancy_id)
            work.notice = (
                f"Vacature aangeraden: {vacancy.title} bij {vacancy.employer}. "
                "De werkzoekende ziet ze als eerste bij de suggesties."
            )
    elif (assignment_id := _id(query, "opdracht")) is not None:
        assignment = session.get(Assignment, assignment_id)
        if assignment is not None and assignment.jobseeker_id == jobseeker.id:
            work.notice = (
                f"Opdracht gegeven: {assignment.title}, klaar tegen {assignment.due_date:%d-%m-%Y}. "
                "De werkzoekende ziet ze nu bij de opdrachten."
            )
    elif (proposal_id := _id(query, "geweigerd")) is not None:
        proposal = session.get(AssignmentProposal, proposal_id)
        if proposal is not None and proposal.jobseeker_id == jobseeker.id and proposal.status == "rejected":
            work.notice = f"Voorstel geweigerd: {proposal.title}. De werkzoekende ziet het niet."


# --- the frame of an action ---


ERRORS = {
    404: "Niet gevonden.",
    409: "Dat kan nu niet meer: iemand anders was je voor, of het is al gebeurd.",
    422: "Dat lukte niet. Controleer wat je invulde.",
    503: "Het systeem is even druk. Probeer het zo opnieuw.",
}


def _jobseeker_for_action(session: Session, user: SignedIn, jobseeker_id: int, csrf_token: str) -> Jobseeker:
    check_csrf(user, csrf_token)
    permissions.require(permissions.handles_handoffs(user.account))
    jobseeker = session.get(Jobseeker, jobseeker_id)
    if jobseeker is None:
        raise NotFoundError("Jobseeker not found")
    permissions.require(permissions.can_see_dossier(user.account, jobseeker))
    permissions.require(user.account.consultant_id is not None)
    return jobseeker


def _back(session: Session, user: SignedIn, jobseeker: Jobseeker, back: str, **done: int) -> str:
    """The conversation the form was on (when it is this jobseeker's and visible), else the dossier."""
    target = f"{COOKIE_PATH}/dossiers/{jobseeker.id}"
    if back.isdigit():
        handoff = session.get(Handoff, int(back))
        if (
            handoff is not None
            and handoff.jobseeker_id == jobseeker.id
            and permissions.can_see_handoff(user.account, handoff)
        ):
            target = f"{COOKIE_PATH}/handoffs/{handoff.id}"
    return f"{target}?{urlencode(done)}#werk" if done else f"{target}#werk"


def _audit(session: Session, user: SignedIn, action: str, jobseeker: Jobseeker, back: str, clock) -> None:
    handoff = session.get(Handoff, int(back)) if back.isdigit() else None
    accounts.audit(
        session=session, account=user.account, action=action, clock=clock, jobseeker_id=jobseeker.id,
        handoff_id=handoff.id if handoff is not None and handoff.jobseeker_id == jobseeker.id else None,
    )  # fmt: skip


def _failed(request: Request, user: SignedIn, session: Session, error: DomainError, back: str, messages=None):
    session.rollback()
    message = (messages or {}).get(error.status_code) or ERRORS.get(error.status_code, ERRORS[422])
    return error_page(request, user, error.status_code, message, back=back)


# --- appointments ---


@router.post("/dossiers/{jobseeker_id}/appointments")
def book_appointment(
    request: Request, jobseeker_id: DbIdPath, user: PageUser, session: SessionDep, settings: SettingsDep,
    clock: ClockDep, csrf_token: CsrfField, slot_id: Annotated[str, Form(max_length=40)],
    reason: Annotated[str, Form(max_length=1000)], terug: ReturnField = "",
):  # fmt: skip
    jobseeker = _jobseeker_for_action(session, user, jobseeker_id, csrf_token)
    back = _back(session, user, jobseeker, terug)
    reason = reason.strip()
    if not reason or len(reason) > 500:
        return error_page(request, user, 422, "Schrijf kort waarover de afspraak gaat (tot 500 tekens).", back=back)
    try:
        slot = appointment_slots.bookable_slot(session=session, slot_id=slot_id, clock=clock)
        office = appointments.office_for_jobseeker(session=session, jobseeker=jobseeker)
        if slot.office_id != office.id:
            return error_page(request, user, 422, "Dit moment hoort niet bij de werkwinkel van de werkzoekende.", back)
        appointment = appointments.book(
            session=session, jobseeker_id=jobseeker.id, slot_id=slot_id, channel=BOOKING_CHANNEL, reason=reason,
            clock=clock,
        )  # fmt: skip
    except DomainError as error:
        taken = "Dat moment is net door iemand anders gekozen. Ga terug en kies een ander moment."
        return _failed(request, user, session, error, back, {409: taken, 422: "Kies een moment uit de lijst."})
    # As the API does: the booking is committed, then the e-mail goes out; its outcome is recorded.
    appointments.send_email(session=session, appointment=appointment, settings=settings, clock=clock)
    _audit(session, user, "book_appointment", jobseeker, terug, clock)
    session.commit()
    return see_other(_back(session, user, jobseeker, terug, afspraak=appointment.id))


@router.get("/appointments/{appointment_id}/letter.pdf")
def appointment_letter(appointment_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep) -> Response:
    """The confirmation letter to print (for a jobseeker without e-mail), under the dossier's rules."""
    permissions.require(permissions.handles_handoffs(user.account))
    appointment = appointments.require_appointment(session=session, appointment_id=appointment_id)
    jobseeker = session.get(Jobseeker, appointment.jobseeker_id)
    permissions.require(permissions.can_see_dossier(user.account, jobseeker))
    accounts.audit(session=session, account=user.account, action="print_letter", clock=clock, jobseeker_id=jobseeker.id)
    session.commit()
    content = to_pdf(appointments.letter(session=session, appointment=appointment), printed_on=clock.today)
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="afspraak-{appointment.reference}.pdf"'},
    )


# --- vacancies ---


@router.post("/dossiers/{jobseeker_id}/suggestions")
def push_vacancy(
    request: Request, jobseeker_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep,
    csrf_token: CsrfField, vacancy_id: Annotated[str, Form(max_length=12)],
    note: Annotated[str, Form(max_length=1000)] = "", terug: ReturnField = "",
):  # fmt: skip
    jobseeker = _jobseeker_for_action(session, user, jobseeker_id, csrf_token)
    back = _back(session, user, jobseeker, terug)
    number = vacancy_id.strip().removeprefix("#")
    try:
        push_request = PushRequest(
            vacancy_id=int(number) if number.isdigit() and len(number) < 10 else 0,
            source="consultant",
            consultant_id=user.account.consultant_id,
            note=note.strip() or None,
        )
    except ValidationError:
        return error_page(request, user, 422, "Vul een vacaturenummer in; de uitleg heeft hoogstens 500 tekens.", back)
    try:
        pushed = vacancies.push_suggestion(session=session, jobseeker=jobseeker, request=push_request, clock=clock)
    except DomainError as error:
        messages = {404: "Er is geen vacature met dat nummer.", 409: "Deze vacature is niet meer open."}
        return _failed(request, user, session, error, back, messages)
    _audit(session, user, "push_vacancy", jobseeker, terug, clock)
    session.commit()
    return see_other(_back(session, user, jobseeker, terug, aangeraden=pushed.id))


# --- smart-assignment proposals ---


def _proposal_for_action(session: Session, user: SignedIn, proposal_id: int, csrf_token: str):
    check_csrf(user, csrf_token)
    proposal = proposals.require_proposal(session=session, proposal_id=proposal_id)
    jobseeker = _jobseeker_for_action(session, user, proposal.jobseeker_id, csrf_token)
    return proposal, jobseeker


@router.post("/proposals/{proposal_id}/accept")
def accept_proposal(
    request: Request, proposal_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep,
    csrf_token: CsrfField, title: Annotated[str, Form(max_length=500)] = "",
    instructions: Annotated[str, Form(max_length=4000)] = "", due_date: Annotated[str, Form(max_length=20)] = "",
    terug: ReturnField = "",
):  # fmt: skip
    proposal, jobseeker = _proposal_for_action(session, user, proposal_id, csrf_token)
    back = _back(session, user, jobseeker, terug)
    title, instructions = title.strip(), instructions.strip()
    if len(title) > 120 or len(instructions) > 2000:
        return error_page(request, user, 422, "De titel heeft hoogstens 120 tekens, de uitleg hoogstens 2000.", back)
    try:
        due = date.fromisoformat(due_date) if due_date.strip() else None
    except ValueError:
        return error_page(request, user, 422, "Vul een geldige datum in, bijvoorbeeld 2026-12-31.", back)
    try:
        assignment = proposals.accept_proposal(
            session=session, proposal=proposal, consultant_id=user.account.consultant_id, clock=clock,
            title=title if title and title != proposal.title else None,
            instructions=instructions if instructions and instructions != proposal.instructions else None,
            due_date=due,
        )  # fmt: skip
    except DomainError as error:
        messages = {409: "Over dit voorstel is al beslist.", 422: "De datum ligt in het verleden."}
        return _failed(request, user, session, error, back, messages)
    _audit(session, user, "accept_proposal", jobseeker, terug, clock)
    session.commit()
    return see_other(_back(session, user, jobseeker, terug, opdracht=assignment.id))


@router.post("/proposals/{proposal_id}/reject")
def reject_proposal(
    request: Request, proposal_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep,
    csrf_token: CsrfField, note: Annotated[str, Form(max_length=1000)] = "", terug: ReturnField = "",
):  # fmt: skip
    proposal, jobseeker = _proposal_for_action(session, user, proposal_id, csrf_token)
    back = _back(session, user, jobseeker, terug)
    note = note.strip()
    if not note or len(note) > 500:
        return error_page(request, user, 422, "Schrijf kort waarom je het voorstel weigert (tot 500 tekens).", back)
    try:
        proposals.reject_proposal(
            session=session, proposal=proposal, consultant_id=user.account.consultant_id, note=note, clock=clock
        )
    except DomainError as error:
        return _failed(request, user, session, error, back, {409: "Over dit voorstel is al beslist."})
    _audit(session, user, "reject_proposal", jobseeker, terug, clock)
    session.commit()
    return see_other(_back(session, user, jobseeker, terug, geweigerd=proposal.id))
