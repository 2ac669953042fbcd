"""Consultant inbox, the work on a dossier: booking an appointment, recommending a vacancy, deciding
on smart-assignment proposals; the appointments calendar per werkwinkel and the overview with
charts. Every new route under the permission rules, CSRF and the audit log.

Accounts here hash with a cheap argon2 setting (the sign-in rules are tested in test_inbox.py).
"""

import re
from datetime import date, timedelta

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.accounts import passwords
from backoffice.accounts.models import AuditEvent
from backoffice.appointments import service as appointments
from backoffice.appointments.models import Appointment
from backoffice.assignments import proposals
from backoffice.assignments.models import Assignment, AssignmentProposal
from backoffice.clock import Clock
from backoffice.jobseekers.models import Jobseeker
from backoffice.notifications.models import Notification
from backoffice.vacancies.models import PushedSuggestion, Vacancy
from backoffice.vacancies.service import is_open
from backoffice.vacancies.suggestions import suggestions
from tests.backoffice import test_inbox as base
from tests.backoffice.conftest import FixedClock
from tests.backoffice.test_inbox import ANTWERP, GHENT, csrf, jobseeker_in

# The fixtures of the inbox tests (the test client with a fake Rasa, accounts, handoffs).
inbox, inbox_settings, make_account, make_handoff, as_role = (
    base.inbox,
    base.inbox_settings,
    base.make_account,
    base.make_handoff,
    base.as_role,
)

CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "_hasher", lambda: CHEAP)


def slot_ids(page: str) -> list[str]:
    return re.findall(r'name="slot_id" value="([^"]+)"', page)


def open_vacancy(session: Session, today: date) -> Vacancy:
    for vacancy in session.scalars(select(Vacancy).order_by(Vacancy.id).limit(200)):
        if is_open(vacancy, today):
            return vacancy
    raise AssertionError("no open vacancy in the demo data")


def proposal_for(session: Session, jobseeker: Jobseeker, clock: Clock) -> AssignmentProposal:
    """An open smart-assignment proposal for the jobseeker, from the rule set when it makes one."""
    proposals.refresh_proposals(session=session, jobseeker=jobseeker, clock=clock)
    found = proposals.list_proposals(session=session, jobseeker_id=jobseeker.id, status="proposed")
    if not found:
        # A dossier without e-mail makes the rule set propose one.
        jobseeker.email = None
        session.flush()
        proposals.refresh_proposals(session=session, jobseeker=jobseeker, clock=clock)
        found = proposals.list_proposals(session=session, jobseeker_id=jobseeker.id, status="proposed")
    session.commit()
    assert found, "the rule set made no proposal"
    return found[0]


def audited(session: Session, action: str) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


# --- permissions of every new route ---


def test_new_routes_without_sign_in_redirect_to_the_sign_in(inbox: TestClient, session: Session) -> None:
    jobseeker = jobseeker_in(session, GHENT)
    answer = inbox.get("/inbox/appointments/1/letter.pdf", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/inbox/login")
    for path in (
        f"/inbox/dossiers/{jobseeker.id}/appointments",
        f"/inbox/dossiers/{jobseeker.id}/suggestions",
        "/inbox/proposals/1/accept",
        "/inbox/proposals/1/reject",
    ):
        answer = inbox.post(path, data={"csrf_token": "x"}, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/inbox/login"), path


def action_posts(session: Session, jobseeker: Jobseeker, proposal: AssignmentProposal, token: str):
    return (
        (f"/inbox/dossiers/{jobseeker.id}/appointments", {"slot_id": "1-20261201T0830Z", "reason": "cv"}),
        (f"/inbox/dossiers/{jobseeker.id}/suggestions", {"vacancy_id": "1"}),
        (f"/inbox/proposals/{proposal.id}/accept", {}),
        (f"/inbox/proposals/{proposal.id}/reject", {"note": "past niet"}),
    )


def test_a_consultant_cannot_act_on_a_dossier_of_another_region(
    inbox: TestClient, as_role, session: Session, test_clock: FixedClock
) -> None:
    other = jobseeker_in(session, ANTWERP)
    proposal = proposal_for(session, other, test_clock.clock)
    as_role("consultant", "Werkwinkel Gent")
    token = csrf(inbox)
    for path, data in action_posts(session, other, proposal, token):
        assert inbox.post(path, data={"csrf_token": token, **data}).status_code == 403, path
    session.refresh(proposal)
    assert proposal.status == "proposed"
    assert session.scalars(select(PushedSuggestion).where(PushedSuggestion.jobseeker_id == other.id)).first() is None


def test_roles_without_dossiers_get_403_on_every_new_route(
    inbox: TestClient, as_role, session: Session, test_clock: FixedClock
) -> None:
    jobseeker = jobseeker_in(session, GHENT)
    proposal = proposal_for(session, jobseeker, test_clock.clock)
    for role in ("complaint_handler", "admin"):
        inbox.cookies.clear()
        as_role(role)
        token = csrf(inbox, "/inbox/complaints")
        for path, data in action_posts(session, jobseeker, proposal, token):
            assert inbox.post(path, data={"csrf_token": token, **data}).status_code == 403, (role, path)
        assert inbox.get(f"/inbox/dossiers/{jobseeker.id}").status_code == 403, role


def test_every_new_form_needs_the_csrf_token(
    inbox: TestClient, as_role, session: Session, test_clock: FixedClock
) -> None:
    jobseeker = jobseeker_in(session, GHENT)
    proposal = proposal_for(session, jobseeker, test_clock.clock)
    as_role("consultant", "Werkwinkel Gent")
    for path, data in action_posts(session, jobseeker, proposal, "forged"):
        assert inbox.post(path, data={"csrf_token": "forged", **data}).status_code == 403, path
    session.refresh(proposal)
    assert proposal.status == "proposed"


# --- booking an appointment ---


def test_a_consultant_books_an_appointment_from_the_conversation(
    inbox: TestClient, as_role, make_handoff, session: Session, test_clock: FixedClock
) -> None:
    handoff = make_handoff(GHENT)
    as_role("consultant", "Werkwinkel Gent")
    page = inbox.get(f"/inbox/handoffs/{handoff.id}")
    assert "Een afspraak maken" in page.text
    free = slot_ids(page.text)
    assert len(free) >= 3
    token = csrf(inbox)
    answer = inbox.post(
        f"/inbox/dossiers/{handoff.jobseeker_id}/appointments",
        data={"csrf_token": token, "slot_id": free[0], "reason": "Je cv samen bekijken", "terug": str(handoff.id)},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    booked = session.scalars(select(Appointment).where(Appointment.jobseeker_id == handoff.jobseeker_id)).all()[-1]
    assert answer.headers["location"] == f"/inbox/handoffs/{handoff.id}?afspraak={booked.id}#werk"
    assert (booked.status, booked.channel, booked.reason) == ("booked", "inbox", "Je cv samen bekijken")
    # The same confirmations as the API: a notice in the personal account, the e-mail or the letter.
    notice = session.scalars(select(Notification).where(Notification.jobseeker_id == handoff.jobseeker_id)).all()
    assert any(item.kind == "appointment_booked" for item in notice)
    assert booked.email_status in ("disabled", "no_email", "sent", "failed")
    shown = inbox.get(answer.headers["location"]).text
    assert "Afspraak gemaakt:" in shown and booked.reference in shown
    assert free[0] not in slot_ids(shown)  # no longer offered
    event = audited(session, "book_appointment")[-1]
    assert (event.jobseeker_id, event.handoff_id) == (handoff.jobseeker_id, handoff.id)

    # The same moment again: taken, said in Dutch, with a way back.
    again = inbox.post(
        f"/inbox/dossiers/{handoff.jobseeker_id}/appointments",
        data={"csrf_token": token, "slot_id": free[0], "reason": "nog eens"},
    )
    assert again.status_code == 409 and "door iemand anders gekozen" in again.text
    assert f'href="/inbox/dossiers/{handoff.jobseeker_id}#werk"' in again.text

    letter = inbox.get(f"/inbox/appointments/{booked.id}/letter.pdf")
    assert letter.status_code == 200 and letter.headers["content-type"] == "application/pdf"
    assert letter.content.startswith(b"%PDF")


def test_booking_refuses_made_up_slots_and_slots_of_another_werkwinkel(
    inbox: TestClient, as_role, session: Session, test_clock: FixedClock
) -> None:
    jobseeker = jobseeker_in(session, GHENT)
    antwerp = jobseeker_in(session, ANTWERP)
    _, elsewhere = appointments.slot_offer(
        session=session, jobseeker_id=antwerp.id, office_id=None, limit=1, clock=test_clock.clock
    )
    as_role("consultant", "Werkwinkel Gent")
    token = csrf(inbox)
    path = f"/inbox/dossiers/{jobseeker.id}/appointments"
    for slot_id in ("made-up", "1-20200101T0800Z", elsewhere[0].slot_id):
        answer = inbox.post(path, data={"csrf_token": token, "slot_id": slot_id, "reason": "cv"})
        assert answer.status_code == 422, slot_id
    empty_reason = inbox.post(path, data={"csrf_token": token, "slot_id": elsewhere[0].slot_id, "reason": "  "})
    assert empty_reason.status_code == 422 and "waarover de afspraak gaat" in empty_reason.text
    assert session.scalars(select(Appointment).where(Appointment.jobseeker_id == jobseeker.id)).first() is None


def test_a_consultant_may_not_open_the_letter_of_another_region(
    inbox: TestClient, as_role, session: Session, test_clock: FixedClock
) -> None:
    other = jobseeker_in(session, ANTWERP)
    _, free = appointments.slot_offer(
        session=session, jobseeker_id=other.id, office_id=None, limit=1, clock=test_clock.clock
    )
    booked = appointments.book(
        session=session,
        jobseeker_id=other.id,
        slot_id=free[0].slot_id,
        channel="web",
        reason="x",
        clock=test_clock.clock,
    )
    as_role("consultant", "Werkwinkel Gent")
    assert inbox.get(f"/inbox/appointments/{booked.id}/letter.pdf").status_code == 403


# --- recommending a vacancy ---


def test_a_consultant_recommends_a_vacancy_and_it_comes_first(
    inbox: TestClient, as_role, session: Session, test_clock: FixedClock
) -> None:
    jobseeker = jobseeker_in(session, GHENT)
    vacancy = open_vacancy(session, test_clock.clock.today)
    account = as_role("consultant", "Werkwinkel Gent")
    token = csrf(inbox)
    answer = inbox.post(
        f"/inbox/dossiers/{jobseeker.id}/suggestions",
        data={"csrf_token": token, "vacancy_id": f"#{vacancy.id}", "note": "Dicht bij huis <b>en</b> overdag."},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    push = session.scalars(select(PushedSuggestion).where(PushedSuggestion.jobseeker_id == jobseeker.id)).all()[-1]
    assert answer.headers["location"] == f"/inbox/dossiers/{jobseeker.id}?aangeraden={push.id}#werk"
    assert (push.vacancy_id, push.source, push.consultant_id) == (vacancy.id, "consultant", account.consultant_id)
    first = suggestions(session=session, jobseeker=jobseeker, clock=test_clock.clock, limit=3)[0]
    assert first.vacancy.id == vacancy.id and first.reason.startswith("Je bemiddelaar raadt deze vacature aan.")
    page = inbox.get(answer.headers["location"]).text
    assert "Vacature aangeraden:" in page
    assert "&lt;b&gt;en&lt;/b&gt;" in page and "<b>en</b>" not in page
    assert audited(session, "push_vacancy")[-1].jobseeker_id == jobseeker.id

    unknown = inbox.post(
        f"/inbox/dossiers/{jobseeker.id}/suggestions", data={"csrf_token": token, "vacancy_id": "999999999"}
    )
    assert unknown.status_code == 404 and "geen vacature met dat nummer" in unknown.text
    not_a_number = inbox.post(
        f"/inbox/dossiers/{jobseeker.id}/suggestions", data={"csrf_token": token, "vacancy_id": "kok"}
    )
    assert not_a_number.status_code == 422


# --- smart-assignment proposals ---


def test_a_consultant_accepts_a_proposal_with_own_title_and_date(
    inbox: TestClient, as_role, session: Session, test_clock: FixedClock, make_handoff
) -> None:
    handoff = make_handoff(GHENT)
    jobseeker = session.get(Jobseeker, handoff.jobseeker_id)
    proposal = proposal_for(session, jobseeker, test_clock.clock)
    account = as_role("consultant", "Werkwinkel Gent")
    page = inbox.get(f"/inbox/handoffs/{handoff.id}").text
    assert f'action="/inbox/proposals/{proposal.id}/accept"' in page
    due = test_clock.clock.today + timedelta(days=10)
    answer = inbox.post(
        f"/inbox/proposals/{proposal.id}/accept",
        data={
            "csrf_token": csrf(inbox),
            "title": "Maak een afspraak bij de <i>computerklas</i>",
            "instructions": proposal.instructions,
            "due_date": due.isoformat(),
            "terug": str(handoff.id),
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    session.refresh(proposal)
    assignment = session.get(Assignment, proposal.assignment_id)
    assert answer.headers["location"] == f"/inbox/handoffs/{handoff.id}?opdracht={assignment.id}#werk"
    assert (proposal.status, proposal.decided_by) == ("accepted", account.consultant_id)
    assert (assignment.title, assignment.due_date, assignment.origin) == (
        "Maak een afspraak bij de <i>computerklas</i>",
        due,
        "smart",
    )
    shown = inbox.get(answer.headers["location"]).text
    assert "Opdracht gegeven:" in shown and "&lt;i&gt;computerklas&lt;/i&gt;" in shown
    assert audited(session, "accept_proposal")[-1].handoff_id == handoff.id
    # Decided already: 409 in Dutch.
    again = inbox.post(f"/inbox/proposals/{proposal.id}/reject", data={"csrf_token": csrf(inbox), "note": "x"})
    assert again.status_code == 409 and "al beslist" in again.text


def test_accepting_without_changes_keeps_the_proposal_and_a_past_date_is_refused(
    inbox: TestClient, as_role, session: Session, test_clock: FixedClock
) -> None:
    jobseeker = jobseeker_in(session, GHENT)
    proposal = proposal_for(session, jobseeker, test_clock.clock)
    as_role("servicelijn")
    token = csrf(inbox)
    past = inbox.post(
        f"/inbox/proposals/{proposal.id}/accept",
        data={"csrf_token": token, "due_date": (test_clock.clock.today - timedelta(days=1)).isoformat()},
    )
    assert past.status_code == 422 and "verleden" in past.text
    assert (
        inbox.post(
            f"/inbox/proposals/{proposal.id}/accept", data={"csrf_token": token, "due_date": "morgen"}
        ).status_code
        == 422
    )
    session.refresh(proposal)
    assert proposal.status == "proposed"
    answer = inbox.post(
        f"/inbox/proposals/{proposal.id}/accept",
        data={"csrf_token": token, "title": proposal.title, "instructions": proposal.instructions, "due_date": ""},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    session.refresh(proposal)
    assert session.get(Assignment, proposal.assignment_id).title == proposal.title


def test_a_consultant_rejects_a_proposal_with_a_reason(
    inbox: TestClient, as_role, session: Session, test_clock: FixedClock
) -> None:
    jobseeker = jobseeker_in(session, GHENT)
    proposal = proposal_for(session, jobseeker, test_clock.clock)
    as_role("consultant", "Werkwinkel Gent")
    token = csrf(inbox)
    assert (
        inbox.post(f"/inbox/proposals/{proposal.id}/reject", data={"csrf_token": token, "note": " "}).status_code == 422
    )
    answer = inbox.post(
        f"/inbox/proposals/{proposal.id}/reject",
        data={"csrf_token": token, "note": "Volgt al een cursus"},
        follow_redirects=False,
    )
    assert answer.headers["location"] == f"/inbox/dossiers/{jobseeker.id}?geweigerd={proposal.id}#werk"
    session.refresh(proposal)
    assert (proposal.status, proposal.decision_note) == ("rejected", "Volgt al een cursus")
    assert "Voorstel geweigerd:" in inbox.get(answer.headers["location"]).text
    assert audited(session, "reject_proposal")[-1].jobseeker_id == jobseeker.id


def test_a_notice_names_only_records_of_this_dossier(
    inbox: TestClient, as_role, session: Session, test_clock: FixedClock
) -> None:
    other = jobseeker_in(session, ANTWERP)
    _, free = appointments.slot_offer(
        session=session, jobseeker_id=other.id, office_id=None, limit=1, clock=test_clock.clock
    )
    booked = appointments.book(
        session=session,
        jobseeker_id=other.id,
        slot_id=free[0].slot_id,
        channel="web",
        reason="x",
        clock=test_clock.clock,
    )
    as_role("consultant", "Werkwinkel Gent")
    page = inbox.get(f"/inbox/dossiers/{jobseeker_in(session, GHENT).id}?afspraak={booked.id}").text
    assert "Afspraak gemaakt" not in page and booked.reference not in page
