"""What the inbox pages show, assembled from the existing services (no logic of their own)."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.accounts import permissions
from backoffice.accounts.models import Account
from backoffice.appointments import service as appointments
from backoffice.appointments.models import Appointment
from backoffice.assignments import proposals
from backoffice.assignments import service as assignments
from backoffice.clock import Clock, brussels
from backoffice.config import Settings
from backoffice.consultants.models import Consultant
from backoffice.handoffs import service as handoffs
from backoffice.handoffs.models import OPEN_STATES, Handoff
from backoffice.handoffs.schemas import HandoffRead, MessageRead
from backoffice.jobseekers.models import Jobseeker
from backoffice.vacancies import service as vacancies

CHANNELS = {"web": "Webchat", "rest": "Chat (REST)", "sms": "Sms", "phone": "Telefoon", "telegram": "Telegram"}
REASONS = {
    "requested": "Vraagt zelf naar een medewerker",
    "misunderstood": "De bot begreep het niet",
    "digital_skill": "Digitale vaardigheden",
    "topic": "Onderwerp voor een medewerker",
}
STATES = {
    "waiting": "Wacht",
    "accepted": "In behandeling",
    "closed": "Afgesloten",
    "timed_out": "Niemand op tijd",
    "cancelled": "Gestopt door werkzoekende",
}
LEVELS = {"digital": "Digitaal", "human-digital": "Digitaal met hulp", "human": "Persoonlijk (niet digitaal)"}
PRIORITIES = {1: "Dringend", 2: "Normaal", 3: "Laag"}
SENDERS = {"jobseeker": "Werkzoekende", "bot": "Wegwijs (bot)", "consultant": "Medewerker"}
OUTCOMES = (
    "Vraag beantwoord",
    "Afspraak gemaakt",
    "Doorverwezen naar een cursus",
    "Terugbelafspraak gemaakt",
    "Geen antwoord meer van de werkzoekende",
)


def local(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.replace(tzinfo=UTC).astimezone(brussels()).strftime("%d-%m-%Y %H:%M")


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.replace(tzinfo=UTC).astimezone(brussels()).strftime("%H:%M")


def visible_handoffs(*, session: Session, account: Account, states: tuple[str, ...] = OPEN_STATES) -> list[Handoff]:
    """The open handoffs this account may see: its region, or all for the Servicelijn."""
    if not permissions.handles_handoffs(account):
        return []
    found = handoffs.list_handoffs(session=session, states=states, province=permissions.region_of(account))
    return [handoff for handoff in found if permissions.can_see_handoff(account, handoff)]


@dataclass
class QueueRow:
    read: HandoffRead
    name: str
    consultant: str | None
    mine: bool

    @property
    def level(self) -> str:
        return LEVELS.get(self.read.digital.level, "") if self.read.digital else "Onbekend"


def _names(session: Session, jobseeker_ids: set[int]) -> dict[int, str]:
    if not jobseeker_ids:
        return {}
    rows = session.execute(
        select(Jobseeker.id, Jobseeker.first_name, Jobseeker.last_name).where(Jobseeker.id.in_(jobseeker_ids))
    )
    return {row.id: f"{row.first_name} {row.last_name}" for row in rows}


def _consultant_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(select(Consultant.id, Consultant.first_name).where(Consultant.id.in_(ids)))
    return {row.id: row.first_name for row in rows}


def queue(*, session: Session, account: Account, settings: Settings, clock: Clock) -> list[QueueRow]:
    found = visible_handoffs(session=session, account=account)
    reads = handoffs.to_reads(session=session, handoffs=found, settings=settings, clock=clock)
    names = _names(session, {read.jobseeker_id for read in reads if read.jobseeker_id})
    consultants = _consultant_names(session, {read.consultant_id for read in reads if read.consultant_id})
    return [
        QueueRow(
            read=read,
            name=names.get(read.jobseeker_id or 0, "Onbekende werkzoekende"),
            consultant=consultants.get(read.consultant_id or 0),
            mine=read.consultant_id is not None and read.consultant_id == account.consultant_id,
        )
        for read in reads
    ]


@dataclass
class Line:
    """One line of the conversation: the transcript the bot sent, then the relayed messages."""

    sender: str
    text: str
    at: str
    message_id: int | None = None
    delivery: str | None = None

    @property
    def sender_label(self) -> str:
        return SENDERS.get(self.sender, self.sender)

    def as_event(self) -> dict[str, Any]:
        return {
            "id": self.message_id,
            "sender": self.sender,
            "sender_label": self.sender_label,
            "text": self.text,
            "at": self.at,
            "delivery": self.delivery,
        }


def message_line(message: MessageRead) -> Line:
    return Line(
        sender=message.sender,
        text=message.text,
        at=local_time(message.created_at),
        message_id=message.id,
        delivery=message.delivery,
    )


@dataclass
class Dossier:
    jobseeker: Jobseeker
    assignments: list = field(default_factory=list)
    proposals: list = field(default_factory=list)
    saved: list = field(default_factory=list)
    applications: list = field(default_factory=list)
    appointments: list[Appointment] = field(default_factory=list)
    handoffs: list[Handoff] = field(default_factory=list)


def dossier(*, session: Session, jobseeker: Jobseeker, clock: Clock) -> Dossier:
    return Dossier(
        jobseeker=jobseeker,
        assignments=assignments.assignments_of(session=session, jobseeker_id=jobseeker.id),
        proposals=proposals.list_proposals(session=session, jobseeker_id=jobseeker.id, status="proposed"),
        saved=vacancies.saved_vacancies(session=session, jobseeker=jobseeker),
        applications=vacancies.applications_of(session=session, jobseeker_id=jobseeker.id),
        appointments=appointments.upcoming(session=session, jobseeker_id=jobseeker.id, clock=clock),
        handoffs=list(
            session.scalars(select(Handoff).where(Handoff.jobseeker_id == jobseeker.id).order_by(Handoff.id.desc()))
        ),
    )


def conversation_lines(*, session: Session, handoff: Handoff) -> tuple[list[Line], list[Line]]:
    transcript = [
        Line(sender=line.get("sender", "bot"), text=str(line.get("text", "")), at=_transcript_time(line.get("at")))
        for line in handoff.transcript
    ]
    messages = [
        message_line(handoffs.message_read(message))
        for message in handoffs.messages_after(session=session, handoff=handoff)
    ]
    return transcript, messages


def _transcript_time(value: object) -> str:
    if not isinstance(value, str):
        return ""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return local_time(moment)


def past_handoffs(*, session: Session, handoff: Handoff) -> list[Handoff]:
    """Earlier handoffs of the same jobseeker, or of the same conversation when nobody is known."""
    query = select(Handoff).where(Handoff.id != handoff.id)
    if handoff.jobseeker_id is not None:
        query = query.where(Handoff.jobseeker_id == handoff.jobseeker_id)
    else:
        query = query.where(Handoff.conversation_id == handoff.conversation_id)
    return list(session.scalars(query.order_by(Handoff.id.desc()).limit(20)))
