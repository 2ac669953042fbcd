"""The week-6 first-contact summary and the once-a-day reminder claim."""

from collections.abc import Callable
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from backoffice.assignments import service
from backoffice.clock import Clock
from backoffice.jobseekers.models import Jobseeker
from tests.backoffice.conftest import REGISTRATION, SEED_DAY, FixedClock

Make = Callable[..., Jobseeker]
API = "/api/v1"


def _by_kind(client: TestClient, headers: dict[str, str], jobseeker_id: int) -> dict[str, dict]:
    listed = client.get(f"{API}/jobseekers/{jobseeker_id}/assignments", params={"status": "all"}, headers=headers)
    return {item["kind"]: item for item in listed.json()}


def test_first_contact_summary(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make, test_clock: FixedClock
) -> None:
    registered = SEED_DAY - timedelta(days=40)
    jobseeker = make_jobseeker(registered_on=registered, email=None)
    kinds = _by_kind(client, auth_headers, jobseeker.id)
    cv, goals = kinds["complete_cv"], kinds["set_job_goals"]

    test_clock.set_day(registered + timedelta(days=3))
    client.patch(f"{API}/jobseekers/{jobseeker.id}/dossier", json={"confirm_job_goals": True}, headers=auth_headers)
    client.post(f"{API}/assignments/{cv['id']}/progress", json={"current_step": 1}, headers=auth_headers)
    note = {"kind": "help_requested", "step": 1, "channel": "sms"}
    client.post(f"{API}/assignments/{cv['id']}/notes", json=note, headers=auth_headers)
    client.post(f"{API}/assignments/{cv['id']}/notes", json=note, headers=auth_headers)
    client.post(
        f"{API}/assignments/{kinds['apply_once']['id']}/notes",
        json={"kind": "person_offered", "step": None, "channel": "phone"},
        headers=auth_headers,
    )
    test_clock.set_day(SEED_DAY)

    answer = client.get(f"{API}/jobseekers/{jobseeker.id}/first-contact-summary", headers=auth_headers)
    assert answer.status_code == 200
    summary = answer.json()
    assert summary["jobseeker_id"] == jobseeker.id
    assert summary["registration_date"] == registered.isoformat()
    assert summary["weeks_registered"] == 5
    assert "(5 weken)" in summary["text"]
    assert summary["first_contact_on"] == (registered + timedelta(days=42)).isoformat()
    assert [(item["title"], item["completion"]) for item in summary["done"]] == [("Kies je jobdoelen", "detected")]
    assert goals["title"] == "Kies je jobdoelen"
    not_done = {item["title"]: item for item in summary["not_done"]}
    assert set(not_done) == {
        "Controleer je contactgegevens",
        "Vul je cv aan",
        "Bewaar drie vacatures die bij je passen",
        "Solliciteer één keer",
    }
    assert not_done["Vul je cv aan"] == {
        "title": "Vul je cv aan",
        "status": "overdue",
        "due_date": cv["due_date"],
        "current_step": 1,
        "step_count": 4,
    }
    assert summary["noticed"] == [
        "Vroeg hulp bij stap 2 van 'Vul je cv aan' (sms, 2 keer).",
        "Kreeg bij 'Solliciteer één keer' hulp van een persoon aangeboden (telefoon).",
        "Heeft geen e-mailadres.",
        "Heeft nog geen cv.",
        "Vier opdrachten zijn te laat.",
    ]
    # Registration without e-mail proposed "make an e-mail address"; 40 days on, more rules spoke.
    assert summary["proposals_waiting"] >= 1
    text = summary["text"]
    assert "Klaar: 1 van 5 opdrachten: 'Kies je jobdoelen' (gezien in het dossier)." in text
    assert "'Vul je cv aan' (te laat, aan stap 2 van 4)" in text
    assert "Vroeg hulp bij stap 2 van 'Vul je cv aan' (sms, 2 keer)." in text
    for personal in (REGISTRATION["first_name"], REGISTRATION["last_name"], REGISTRATION["phone"]):
        assert personal not in answer.text


def test_summary_of_a_fresh_registration(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker()
    summary = client.get(f"{API}/jobseekers/{jobseeker.id}/first-contact-summary", headers=auth_headers).json()
    assert summary["weeks_registered"] == 0 and summary["done"] == []
    assert len(summary["not_done"]) == 5 and summary["proposals_waiting"] == 0
    assert summary["noticed"] == ["Heeft nog geen cv."]
    assert summary["text"].startswith("Ingeschreven op 23 november 2026 (0 weken). Eerste contact rond 4 januari 2027.")
    assert "Nog geen opdracht klaar (0 van 5)." in summary["text"]


def test_reminder_is_claimed_once_a_day(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make, test_clock: FixedClock
) -> None:
    jobseeker = make_jobseeker()
    url = f"{API}/jobseekers/{jobseeker.id}/reminders/claim"
    # Nothing due within two days right after registration: no reminder, and nothing claimed.
    assert client.post(url, headers=auth_headers).status_code == 204

    contact = _by_kind(client, auth_headers, jobseeker.id)["check_contact_details"]
    day = SEED_DAY + timedelta(days=5)  # due in two days
    test_clock.set_day(day, hour=9)
    first = client.post(url, headers=auth_headers)
    assert first.status_code == 200
    assert first.json()["assignment"]["id"] == contact["id"]
    test_clock.set_day(day, hour=17)
    assert client.post(url, headers=auth_headers).status_code == 204, "at most one a day"

    test_clock.set_day(day + timedelta(days=1), hour=9)
    assert client.post(url, headers=auth_headers).status_code == 200
    history = client.get(f"{API}/assignments/{contact['id']}/history", headers=auth_headers).json()
    assert [event["change"] for event in history].count("reminded") == 2


def test_overdue_assignments_get_reminded_most_urgent_first(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make, test_clock: FixedClock
) -> None:
    jobseeker = make_jobseeker(registered_on=SEED_DAY - timedelta(days=60))
    answer = client.post(f"{API}/jobseekers/{jobseeker.id}/reminders/claim", headers=auth_headers)
    assert answer.status_code == 200
    assert answer.json()["assignment"]["kind"] == "check_contact_details"
    assert answer.json()["assignment"]["status"] == "overdue"


def test_no_reminder_when_everything_is_done(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker(registered_on=SEED_DAY - timedelta(days=60))
    for item in _by_kind(client, auth_headers, jobseeker.id).values():
        client.post(f"{API}/assignments/{item['id']}/complete", json={"how": "self_reported"}, headers=auth_headers)
    assert client.post(f"{API}/jobseekers/{jobseeker.id}/reminders/claim", headers=auth_headers).status_code == 204


def test_claim_is_one_conditional_update(session: Session, make_jobseeker: Make) -> None:
    """Two replicas asking on the same day: the second finds the day claimed in the row itself."""
    jobseeker = make_jobseeker(registered_on=SEED_DAY - timedelta(days=60))
    clock = Clock.on(SEED_DAY, hour=10)
    assert service.claim_reminder(session=session, jobseeker_id=jobseeker.id, clock=clock) is not None
    # Another replica's view of the row was loaded before the claim: it must not matter.
    assert service.claim_reminder(session=session, jobseeker_id=jobseeker.id, clock=clock) is None
    assert session.get(Jobseeker, jobseeker.id).last_reminder_on == SEED_DAY
