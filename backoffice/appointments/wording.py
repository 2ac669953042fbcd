"""What people read about their appointment: the e-mail, the notification, the letter (Dutch, B1).

Short sentences, "je", no jargon. Dates and times are written out in Brussels time.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from backoffice.assignments.wording import dutch_date
from backoffice.clock import brussels

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
SERVICELIJN = "Bel gratis de Servicelijn op 0800 30 700. Dat kan op werkdagen van 8 tot 19 uur."
WHAT_TO_BRING = (
    "je identiteitskaart",
    "je cv, als je er een hebt",
    "deze brief of deze e-mail",
)
HOW_TO_CHANGE = (
    "Zeg het ons zo snel mogelijk. Dan maken we een nieuwe afspraak.",
    "Je kan je afspraak verplaatsen of annuleren in de chat. Of via sms.",
    SERVICELIJN,
)
DEMO_NOTICE = "Dit is een demo. De namen en adressen zijn verzonnen."


def local(moment: datetime) -> datetime:
    """A naive UTC moment as Brussels time, with its offset."""
    return moment.replace(tzinfo=UTC).astimezone(brussels())


def clock_time(moment: datetime) -> str:
    """'9.30 uur', '10 uur': how people say and write a time in Flanders."""
    at = local(moment)
    return f"{at.hour} uur" if at.minute == 0 else f"{at.hour}.{at.minute:02d} uur"


def when_text(moment: datetime) -> str:
    """'dinsdag 1 december 2026 om 9.30 uur'."""
    at = local(moment)
    return f"{WEEKDAYS[at.weekday()]} {dutch_date(at.date())} om {clock_time(moment)}"


@dataclass(frozen=True)
class Details:
    """What every confirmation says, whatever the medium."""

    first_name: str
    when: str  # when_text of the start
    office_name: str
    office_address: str
    consultant_first_name: str
    reference: str


def _bring() -> str:
    return "Breng mee:\n" + "\n".join(f"- {item}" for item in WHAT_TO_BRING)


def booked_mail(details: Details, *, previous_when: str | None = None) -> tuple[str, str]:
    """Subject and plain-text body of the confirmation of a new (or moved) appointment."""
    subject = f"Je afspraak in {details.office_name} op {details.when}"
    opening = (
        f"We hebben je afspraak verplaatst. Je kwam eerst op {previous_when}. Nu is je afspraak:"
        if previous_when
        else "Je hebt een afspraak met een bemiddelaar. Hier zijn de gegevens:"
    )
    body = "\n\n".join(
        (
            f"Dag {details.first_name},",
            opening,
            f"Wanneer: {details.when}\n"
            f"Waar: {details.office_name}, {details.office_address}\n"
            f"Met: {details.consultant_first_name}\n"
            f"Nummer van je afspraak: {details.reference}",
            _bring(),
            "Kan je niet komen?\n" + "\n".join(HOW_TO_CHANGE),
            "Tot dan!\nWegwijs",
        )
    )
    return subject, body + "\n"


def cancelled_mail(details: Details) -> tuple[str, str]:
    subject = f"Je afspraak op {details.when} is geannuleerd"
    body = "\n\n".join(
        (
            f"Dag {details.first_name},",
            f"Je afspraak in {details.office_name} op {details.when} is geannuleerd.",
            f"Nummer van je afspraak: {details.reference}",
            "Wil je toch iemand spreken? Maak een nieuwe afspraak in de chat. Of: " + SERVICELIJN,
            "Wegwijs",
        )
    )
    return subject, body + "\n"


def booked_notification(details: Details, *, moved: bool) -> tuple[str, str]:
    title = "Je afspraak is verplaatst" if moved else "Je hebt een afspraak"
    body = (
        f"Je afspraak is op {details.when} in {details.office_name}, {details.office_address}. "
        f"Je spreekt met {details.consultant_first_name}. Nummer: {details.reference}."
    )
    return title, body


def cancelled_notification(details: Details) -> tuple[str, str]:
    return (
        "Je afspraak is geannuleerd",
        f"Je afspraak op {details.when} in {details.office_name} is geannuleerd. Nummer: {details.reference}.",
    )
