"""Digital dispatching: the werkwinkel, free slots, booking, moving, cancelling, and the confirmations."""

import io
import socket
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.appointments import slots as slot_module
from backoffice.appointments.calendar import is_working_day
from backoffice.appointments.letter import to_pdf
from backoffice.appointments.models import Appointment, ConsultantSchedule
from backoffice.appointments.service import letter
from backoffice.appointments.slots import Slot, spread
from backoffice.clock import Clock
from backoffice.config import Settings, get_settings
from backoffice.jobseekers.models import Jobseeker
from tests.backoffice.conftest import SEED_DAY, FixedClock

API = "/api/v1"
TOMORROW = SEED_DAY + timedelta(days=1)


@pytest.fixture
def use_settings(client: TestClient, settings: Settings) -> Callable[..., Settings]:
    """Changes the settings the app sees for the rest of the test."""

    def use(**changes: object) -> Settings:
        changed = settings.model_copy(update=changes)
        client.app.dependency_overrides[get_settings] = lambda: changed
        return changed

    use(smtp_host="")  # no e-mail unless a test starts a server: the repository's .env plays no part
    return use


@pytest.fixture
def gent(make_jobseeker: Callable[..., Jobseeker]) -> Jobseeker:
    return make_jobseeker()  # postcode 9000: served by Werkwinkel Gent, with an e-mail address


def _slots(client: TestClient, headers: dict, jobseeker_id: int, **params: object) -> dict:
    answer = client.get(f"{API}/jobseekers/{jobseeker_id}/appointment-slots", params=params, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _book(client: TestClient, headers: dict, jobseeker_id: int, slot_id: str, channel: str = "web"):
    body = {"slot_id": slot_id, "channel": channel, "reason": "Hulp bij digitale zaken"}
    return client.post(f"{API}/jobseekers/{jobseeker_id}/appointments", json=body, headers=headers)


def _local_day(iso: str) -> date:
    return datetime.fromisoformat(iso).date()


# --- the werkwinkel ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("place", "office"),
    [
        ("Gent", "Werkwinkel Gent"),
        ("9000", "Werkwinkel Gent"),
        ("gent ", "Werkwinkel Gent"),
        ("Knokke-Heist", "Werkwinkel Brugge"),
        ("8300", "Werkwinkel Brugge"),
        ("Schaarbeek", "Werkwinkel Schaarbeek"),
    ],
)
def test_office_for_a_municipality_is_the_nearest_werkwinkel_of_its_province(
    client: TestClient, auth_headers: dict, place: str, office: str
) -> None:
    answer = client.get(f"{API}/offices/for-municipality", params={"municipality": place}, headers=auth_headers)
    assert answer.status_code == 200, answer.text
    assert answer.json()["name"] == office
    assert "verzonnen" in answer.json()["address"]


@pytest.mark.parametrize(("place", "status"), [("Atlantis", 404), ("provincie Antwerpen", 422), ("", 422)])
def test_office_for_an_unknown_place(client: TestClient, auth_headers: dict, place: str, status: int) -> None:
    answer = client.get(f"{API}/offices/for-municipality", params={"municipality": place}, headers=auth_headers)
    assert answer.status_code == status


def test_without_a_werkwinkel_in_the_dossier_the_nearest_one_of_the_province(
    client: TestClient, auth_headers: dict, make_jobseeker: Callable[..., Jobseeker], session: Session
) -> None:
    jobseeker = make_jobseeker(postcode="8300")  # Knokke-Heist
    jobseeker.office_id = None
    session.commit()
    assert _slots(client, auth_headers, jobseeker.id)["office"]["name"] == "Werkwinkel Brugge"


# --- slots ------------------------------------------------------------------------------------


def test_three_slots_from_tomorrow_inside_the_schedules_on_different_days(
    client: TestClient, auth_headers: dict, gent: Jobseeker, session: Session
) -> None:
    offer = _slots(client, auth_headers, gent.id)
    assert offer["office"]["name"] == "Werkwinkel Gent"
    found = offer["slots"]
    assert len(found) == 3
    days = [_local_day(slot["starts_at"]) for slot in found]
    assert len(set(days)) == 3, "not all on one day"
    assert days == sorted(days)
    schedules = list(
        session.scalars(select(ConsultantSchedule).where(ConsultantSchedule.office_id == offer["office"]["id"]))
    )
    for slot in found:
        start = datetime.fromisoformat(slot["starts_at"])
        assert start.utcoffset() == timedelta(hours=1)  # Brussels in winter
        assert start.date() >= TOMORROW and is_working_day(start.date())
        assert slot["when_text"].endswith(" uur")
        assert any(
            schedule.weekday == start.weekday()
            and schedule.start_time <= start.time()
            and (datetime.combine(start.date(), start.time()) + timedelta(minutes=schedule.slot_minutes)).time()
            <= schedule.end_time
            and schedule.consultant.first_name == slot["consultant_first_name"]
            for schedule in schedules
        )


def test_slots_skip_weekends_and_public_holidays(
    client: TestClient, auth_headers: dict, gent: Jobseeker, test_clock: FixedClock
) -> None:
    test_clock.set_day(date(2026, 12, 23))  # Wednesday: Christmas on Friday, then a weekend
    days = {_local_day(slot["starts_at"]) for slot in _slots(client, auth_headers, gent.id, limit=20)["slots"]}
    assert days, "some slots"
    assert min(days) >= date(2026, 12, 24)
    assert date(2026, 12, 25) not in days
    assert all(day.weekday() < 5 for day in days)


def test_a_booked_slot_is_not_offered_again(client: TestClient, auth_headers: dict, gent: Jobseeker) -> None:
    first = _slots(client, auth_headers, gent.id)["slots"][0]
    assert _book(client, auth_headers, gent.id, first["slot_id"]).status_code == 201
    offered = {slot["slot_id"] for slot in _slots(client, auth_headers, gent.id, limit=20)["slots"]}
    assert first["slot_id"] not in offered


def test_slots_of_another_office_and_errors(client: TestClient, auth_headers: dict, gent: Jobseeker) -> None:
    brugge = client.get(f"{API}/offices/for-municipality", params={"municipality": "Brugge"}, headers=auth_headers)
    offer = _slots(client, auth_headers, gent.id, office_id=brugge.json()["id"], limit=2)
    assert offer["office"]["name"] == "Werkwinkel Brugge" and len(offer["slots"]) == 2
    assert all(slot["office_id"] == brugge.json()["id"] for slot in offer["slots"])
    headers = auth_headers
    assert client.get(f"{API}/jobseekers/999999/appointment-slots", headers=headers).status_code == 404
    assert (
        client.get(f"{API}/jobseekers/{gent.id}/appointment-slots?office_id=99999", headers=headers).status_code == 404
    )
    assert client.get(f"{API}/jobseekers/{gent.id}/appointment-slots?limit=0", headers=headers).status_code == 422
    assert client.get(f"{API}/jobseekers/{gent.id}/appointment-slots").status_code == 401


def _slot(day: int, hour: int, consultant: int = 1) -> Slot:
    start = datetime(2026, 12, day, hour)
    return Slot(consultant, "Test", 1, start, start + timedelta(minutes=30))


@pytest.mark.parametrize(
    ("free", "chosen"),
    [
        pytest.param([_slot(1, 8), _slot(1, 9), _slot(2, 8), _slot(3, 8)], [(1, 8), (2, 8), (3, 8)], id="three days"),
        pytest.param([_slot(1, 8), _slot(1, 9), _slot(1, 10), _slot(2, 8)], [(1, 8), (1, 9), (2, 8)], id="two days"),
        pytest.param([_slot(1, 8), _slot(1, 9), _slot(1, 10), _slot(1, 11)], [(1, 8), (1, 9), (1, 10)], id="one day"),
        pytest.param([_slot(1, 8)], [(1, 8)], id="fewer than asked"),
        pytest.param([], [], id="none"),
    ],
)
def test_spread_prefers_different_days(free: list[Slot], chosen: list[tuple[int, int]]) -> None:
    assert [(slot.starts_at.day, slot.starts_at.hour) for slot in spread(free, 3)] == chosen


# --- booking ----------------------------------------------------------------------------------


def test_booking_answers_with_office_and_local_date_and_time(
    client: TestClient, auth_headers: dict, gent: Jobseeker
) -> None:
    slot = _slots(client, auth_headers, gent.id)["slots"][0]
    answer = _book(client, auth_headers, gent.id, slot["slot_id"], channel="sms")
    assert answer.status_code == 201, answer.text
    booked = answer.json()
    assert booked["reference"].startswith("AFS-") and len(booked["reference"]) == 8
    assert booked["status"] == "booked" and booked["channel"] == "sms"
    assert booked["office"]["name"] == "Werkwinkel Gent"
    assert booked["starts_at"] == slot["starts_at"] and booked["when_text"] == slot["when_text"]
    start = datetime.fromisoformat(slot["starts_at"])
    assert booked["local_date"] == start.date().isoformat() and booked["local_time"] == f"{start:%H:%M}"
    assert booked["consultant_first_name"] == slot["consultant_first_name"]
    assert (booked["email_status"], booked["letter_status"]) == ("disabled", "available")
    assert booked["letter_url"] == f"/api/v1/appointments/{booked['id']}/letter.pdf"
    upcoming = client.get(f"{API}/jobseekers/{gent.id}/appointments", headers=auth_headers).json()
    assert [item["id"] for item in upcoming] == [booked["id"]]
    assert client.get(f"{API}/appointments/{booked['id']}", headers=auth_headers).json() == booked


def test_booking_a_taken_slot_is_409_with_three_other_free_slots(
    client: TestClient, auth_headers: dict, gent: Jobseeker, make_jobseeker: Callable[..., Jobseeker]
) -> None:
    other = make_jobseeker(first_name="Andere", email="andere@example.invalid")
    slot = _slots(client, auth_headers, gent.id)["slots"][0]
    assert _book(client, auth_headers, gent.id, slot["slot_id"]).status_code == 201
    answer = _book(client, auth_headers, other.id, slot["slot_id"])
    assert answer.status_code == 409
    body = answer.json()
    assert body["detail"] == "slot_taken"
    alternatives = [item["slot_id"] for item in body["alternatives"]]
    assert len(alternatives) == 3 and slot["slot_id"] not in alternatives
    assert _book(client, auth_headers, other.id, alternatives[0]).status_code == 201
    assert (
        client.get(f"{API}/jobseekers/{other.id}/appointments", headers=auth_headers).json()[0]["starts_at"]
        == (body["alternatives"][0]["starts_at"])
    )


def _off_grid(slot_id: str) -> str:
    consultant, start = slot_module.decode_slot_id(slot_id)
    return slot_module.encode_slot_id(consultant, start + timedelta(minutes=7))


@pytest.mark.parametrize(
    ("make_slot_id", "status"),
    [
        pytest.param(lambda _: "not-a-slot", 422, id="not a slot id"),
        pytest.param(lambda _: "1-20261399T0900Z", 422, id="no such date"),
        pytest.param(_off_grid, 422, id="between two slots"),
        pytest.param(lambda _: slot_module.encode_slot_id(1, datetime(2026, 11, 23, 13)), 422, id="today"),
        pytest.param(lambda _: slot_module.encode_slot_id(1, datetime(2026, 11, 29, 9)), 422, id="a Sunday"),
        pytest.param(lambda _: slot_module.encode_slot_id(999999, datetime(2026, 11, 24, 9)), 422, id="no consultant"),
    ],
)
def test_a_slot_outside_the_schedules_is_refused(
    client: TestClient, auth_headers: dict, gent: Jobseeker, make_slot_id: Callable[[str], str], status: int
) -> None:
    real = _slots(client, auth_headers, gent.id)["slots"][0]["slot_id"]
    assert _book(client, auth_headers, gent.id, make_slot_id(real)).status_code == status


def test_booking_for_an_unknown_jobseeker_is_404(client: TestClient, auth_headers: dict, gent: Jobseeker) -> None:
    slot = _slots(client, auth_headers, gent.id)["slots"][0]
    assert _book(client, auth_headers, 999999, slot["slot_id"]).status_code == 404


# --- cancel and reschedule --------------------------------------------------------------------


def test_cancel_frees_the_slot_and_a_second_cancel_is_409(
    client: TestClient, auth_headers: dict, gent: Jobseeker, make_jobseeker: Callable[..., Jobseeker]
) -> None:
    slot = _slots(client, auth_headers, gent.id)["slots"][0]
    booked = _book(client, auth_headers, gent.id, slot["slot_id"]).json()
    answer = client.post(f"{API}/appointments/{booked['id']}/cancel", headers=auth_headers)
    assert answer.status_code == 200
    assert answer.json()["status"] == "cancelled" and answer.json()["cancelled_at"]
    assert client.get(f"{API}/jobseekers/{gent.id}/appointments", headers=auth_headers).json() == []
    again = client.post(f"{API}/appointments/{booked['id']}/cancel", headers=auth_headers)
    assert again.status_code == 409 and again.json()["detail"] == "Appointment is already cancelled"
    # The partial unique index counts booked appointments only: the slot can be booked again.
    other = make_jobseeker(first_name="Andere")
    assert _book(client, auth_headers, other.id, slot["slot_id"]).status_code == 201
    assert client.post(f"{API}/appointments/999999/cancel", headers=auth_headers).status_code == 404


def test_an_appointment_that_started_cannot_be_changed(
    client: TestClient, auth_headers: dict, gent: Jobseeker, test_clock: FixedClock
) -> None:
    slot = _slots(client, auth_headers, gent.id)["slots"][0]
    booked = _book(client, auth_headers, gent.id, slot["slot_id"]).json()
    test_clock.clock = Clock.at(datetime.fromisoformat(slot["starts_at"]) + timedelta(minutes=5))
    answer = client.post(f"{API}/appointments/{booked['id']}/cancel", headers=auth_headers)
    assert answer.status_code == 409 and answer.json()["detail"] == "Appointment has already started"
    assert client.get(f"{API}/jobseekers/{gent.id}/appointments", headers=auth_headers).json() == []


def test_reschedule_books_the_new_slot_and_cancels_the_old_one(
    client: TestClient, auth_headers: dict, gent: Jobseeker
) -> None:
    first, second, _ = _slots(client, auth_headers, gent.id)["slots"]
    old = _book(client, auth_headers, gent.id, first["slot_id"]).json()
    answer = client.post(
        f"{API}/appointments/{old['id']}/reschedule", json={"slot_id": second["slot_id"]}, headers=auth_headers
    )
    assert answer.status_code == 200, answer.text
    new = answer.json()
    assert new["id"] != old["id"] and new["rescheduled_from_id"] == old["id"]
    assert new["starts_at"] == second["starts_at"] and new["reason"] == old["reason"]
    assert client.get(f"{API}/appointments/{old['id']}", headers=auth_headers).json()["status"] == "cancelled"
    upcoming = client.get(f"{API}/jobseekers/{gent.id}/appointments", headers=auth_headers).json()
    assert [item["id"] for item in upcoming] == [new["id"]]
    same = client.post(
        f"{API}/appointments/{new['id']}/reschedule", json={"slot_id": second["slot_id"]}, headers=auth_headers
    )
    assert same.status_code == 422
    gone = client.post(
        f"{API}/appointments/{old['id']}/reschedule", json={"slot_id": first["slot_id"]}, headers=auth_headers
    )
    assert gone.status_code == 409 and gone.json()["detail"] == "Appointment is already cancelled"


def test_reschedule_to_a_taken_slot_is_409_and_keeps_the_old_appointment(
    client: TestClient, auth_headers: dict, gent: Jobseeker, make_jobseeker: Callable[..., Jobseeker]
) -> None:
    other = make_jobseeker(first_name="Andere")
    first, second, _ = _slots(client, auth_headers, gent.id)["slots"]
    mine = _book(client, auth_headers, gent.id, first["slot_id"]).json()
    assert _book(client, auth_headers, other.id, second["slot_id"]).status_code == 201
    answer = client.post(
        f"{API}/appointments/{mine['id']}/reschedule", json={"slot_id": second["slot_id"]}, headers=auth_headers
    )
    assert answer.status_code == 409 and answer.json()["detail"] == "slot_taken"
    assert len(answer.json()["alternatives"]) == 3
    assert client.get(f"{API}/appointments/{mine['id']}", headers=auth_headers).json()["status"] == "booked"


# --- confirmations ----------------------------------------------------------------------------


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, _server, _session, envelope) -> str:  # noqa: N802 - aiosmtpd's hook name
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, _Inbox]]:
    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_confirmation_e_mail_with_date_time_and_werkwinkel(
    client: TestClient,
    auth_headers: dict,
    gent: Jobseeker,
    use_settings: Callable[..., Settings],
    smtp_server: tuple[int, _Inbox],
) -> None:
    port, inbox = smtp_server
    use_settings(smtp_host="127.0.0.1", smtp_port=port)
    first, second, _ = _slots(client, auth_headers, gent.id)["slots"]
    booked = _book(client, auth_headers, gent.id, first["slot_id"]).json()
    assert booked["email_status"] == "sent"
    ((recipients, message),) = inbox.messages
    assert recipients == ["testa@example.invalid"]
    # Python folds a long subject after "Subject:" and reads the fold back as a leading blank.
    assert message["Subject"].strip() == f"Je afspraak in Werkwinkel Gent op {first['when_text']}"
    body = message.get_content()
    assert body.startswith("Dag Testa,")
    assert f"Wanneer: {first['when_text']}" in body
    assert "Waar: Werkwinkel Gent, " in body and booked["office"]["address"] in body
    assert booked["reference"] in body and "0800 30 700" in body and "identiteitskaart" in body

    moved = client.post(
        f"{API}/appointments/{booked['id']}/reschedule", json={"slot_id": second["slot_id"]}, headers=auth_headers
    ).json()
    assert moved["email_status"] == "sent"
    moved_mail = inbox.messages[1][1]
    assert second["when_text"] in moved_mail["Subject"]
    assert f"Je kwam eerst op {first['when_text']}" in moved_mail.get_content()

    cancelled = client.post(f"{API}/appointments/{moved['id']}/cancel", headers=auth_headers).json()
    assert cancelled["email_status"] == "sent"
    assert inbox.messages[2][1]["Subject"].strip() == f"Je afspraak op {second['when_text']} is geannuleerd"
    assert len(inbox.messages) == 3


def test_an_smtp_failure_is_recorded_and_the_booking_stands(
    client: TestClient, auth_headers: dict, gent: Jobseeker, use_settings: Callable[..., Settings]
) -> None:
    use_settings(smtp_host="127.0.0.1", smtp_port=_free_port(), smtp_timeout_seconds=2)  # nothing listens there
    slot = _slots(client, auth_headers, gent.id)["slots"][0]
    answer = _book(client, auth_headers, gent.id, slot["slot_id"])
    assert answer.status_code == 201
    assert answer.json()["email_status"] == "failed"
    upcoming = client.get(f"{API}/jobseekers/{gent.id}/appointments", headers=auth_headers).json()
    assert [(item["id"], item["email_status"]) for item in upcoming] == [(answer.json()["id"], "failed")]


def test_without_e_mail_the_letter_is_to_print(
    client: TestClient,
    auth_headers: dict,
    make_jobseeker: Callable[..., Jobseeker],
    use_settings: Callable[..., Settings],
    smtp_server: tuple[int, _Inbox],
) -> None:
    port, inbox = smtp_server
    use_settings(smtp_host="127.0.0.1", smtp_port=port)
    jobseeker = make_jobseeker(email=None)
    slot = _slots(client, auth_headers, jobseeker.id)["slots"][0]
    booked = _book(client, auth_headers, jobseeker.id, slot["slot_id"]).json()
    assert (booked["email_status"], booked["letter_status"]) == ("no_email", "to_print")
    assert inbox.messages == []


def _pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages).split())


def test_letter_pdf_with_the_date_written_out(client: TestClient, auth_headers: dict, gent: Jobseeker) -> None:
    slot = _slots(client, auth_headers, gent.id)["slots"][0]
    booked = _book(client, auth_headers, gent.id, slot["slot_id"]).json()
    answer = client.get(f"{API}/appointments/{booked['id']}/letter.pdf", headers=auth_headers)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.headers["cache-control"] == "no-store"
    assert answer.content.startswith(b"%PDF")
    text = _pdf_text(answer.content)
    assert f"Wanneer: {slot['when_text']}" in text
    assert "Testa Verzonnen" in text and "9000 Gent" in text
    assert "Werkwinkel Gent" in text and booked["reference"] in text
    assert "0800 30 700" in text and "werkdagen van 8 tot 19 uur" in text and "identiteitskaart" in text
    assert client.get(f"{API}/appointments/999999/letter.pdf", headers=auth_headers).status_code == 404
    assert client.get(f"{API}/appointments/{booked['id']}/letter.pdf").status_code == 401


def test_letter_without_compression_holds_the_date_text_as_is(
    client: TestClient, auth_headers: dict, gent: Jobseeker, session: Session
) -> None:
    """A second, independent check of the text: fpdf2 writes it literally when not compressing."""
    slot = _slots(client, auth_headers, gent.id)["slots"][0]
    booked = _book(client, auth_headers, gent.id, slot["slot_id"]).json()
    appointment = session.get(Appointment, booked["id"])
    content = to_pdf(letter(session=session, appointment=appointment), printed_on=SEED_DAY, compress=False)
    assert content.startswith(b"%PDF")
    assert slot["when_text"].encode("latin-1") in content
    assert f"Wanneer: {slot['when_text']}" in _pdf_text(content)


def test_when_text_is_written_out_in_dutch() -> None:
    from backoffice.appointments.wording import when_text

    assert when_text(datetime(2026, 12, 1, 8, 30)) == "dinsdag 1 december 2026 om 9.30 uur"
    assert when_text(datetime(2026, 6, 1, 8, 0)) == "maandag 1 juni 2026 om 10 uur"  # summer time


def test_notifications_in_the_personal_account(client: TestClient, auth_headers: dict, gent: Jobseeker) -> None:
    first, second, _ = _slots(client, auth_headers, gent.id)["slots"]
    booked = _book(client, auth_headers, gent.id, first["slot_id"]).json()
    moved = client.post(
        f"{API}/appointments/{booked['id']}/reschedule", json={"slot_id": second["slot_id"]}, headers=auth_headers
    ).json()
    client.post(f"{API}/appointments/{moved['id']}/cancel", headers=auth_headers)
    notes = client.get(f"{API}/jobseekers/{gent.id}/notifications", headers=auth_headers).json()
    assert [note["kind"] for note in notes] == [
        "appointment_cancelled",
        "appointment_rescheduled",
        "appointment_booked",
    ]
    assert notes[2]["title"] == "Je hebt een afspraak"
    assert first["when_text"] in notes[2]["body"] and "Werkwinkel Gent" in notes[2]["body"]
    assert notes[0]["title"] == "Je afspraak is geannuleerd" and notes[0]["read_at"] is None
    read = client.post(f"{API}/notifications/{notes[0]['id']}/read", headers=auth_headers)
    assert read.status_code == 200 and read.json()["read_at"]
    unread = client.get(f"{API}/jobseekers/{gent.id}/notifications?unread=true", headers=auth_headers).json()
    assert len(unread) == 2
    assert client.get(f"{API}/jobseekers/999999/notifications", headers=auth_headers).status_code == 404


def test_seeded_schedules_cover_every_werkwinkel_with_half_days(session: Session) -> None:
    from backoffice.offices.models import Office

    werkwinkels = set(session.scalars(select(Office.id).where(Office.kind == "werkwinkel")))
    schedules = list(session.scalars(select(ConsultantSchedule)))
    assert {schedule.office_id for schedule in schedules} == werkwinkels
    per_consultant: dict[int, int] = {}
    for schedule in schedules:
        per_consultant[schedule.consultant_id] = per_consultant.get(schedule.consultant_id, 0) + 1
        assert schedule.weekday in range(5) and schedule.slot_minutes == 30
        assert schedule.start_time < schedule.end_time
    assert set(per_consultant.values()) == {3}
