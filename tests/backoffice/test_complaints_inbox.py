"""The complaint handler's inbox pages: who may see them, the list with the assessment, one
complaint and its decision form (CSRF, audit, wrong input), and the per-centre analysis."""

import re
import uuid

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.accounts import passwords
from backoffice.accounts.models import AuditEvent
from backoffice.complaints.models import CareerCentre, Complaint
from backoffice.seed.complaints import ONLY_TEST_CENTRE
from tests.backoffice import test_inbox as base
from tests.backoffice.conftest import API_TOKEN
from tests.backoffice.test_complaints_api import FULL
from tests.backoffice.test_inbox import SCRIPT, csrf

# The fixtures of the inbox tests (the test client with a fake Rasa, accounts).
inbox, inbox_settings, make_account, as_role = base.inbox, base.inbox_settings, base.make_account, base.as_role
CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "_hasher", lambda: CHEAP)


def new_complaint(client: TestClient, answers: dict = FULL) -> int:
    headers = {"Authorization": f"Bearer {API_TOKEN}"}
    draft = client.post(
        "/api/v1/complaints/drafts", json={"channel": "sms", "conversation_id": f"sms-{uuid.uuid4().hex}"},
        headers=headers,
    ).json()  # fmt: skip
    for field, body in answers.items():
        assert client.put(f"/api/v1/complaints/{draft['id']}/answers/{field}", json=body, headers=headers).is_success
    assert client.post(f"/api/v1/complaints/{draft['id']}/submit", headers=headers).is_success
    return draft["id"]


@pytest.mark.parametrize("role", ["complaint_handler", "admin"])
def test_handlers_and_admins_see_the_complaint_pages(inbox: TestClient, as_role, role: str) -> None:
    as_role(role)
    complaint_id = new_complaint(inbox)
    for path in (
        "/inbox/complaints",
        f"/inbox/complaints/{complaint_id}",
        "/inbox/complaints/centres",
        "/inbox/complaints/centres.csv",
    ):
        assert inbox.get(path).status_code == 200, path


@pytest.mark.parametrize(("role", "office"), [("consultant", "Werkwinkel Gent"), ("servicelijn", None)])
def test_consultants_get_403_on_every_complaint_page_and_action(
    inbox: TestClient, as_role, session: Session, role: str, office: str | None
) -> None:
    complaint_id = new_complaint(inbox)
    centre_id = session.scalars(select(CareerCentre.id)).first()
    as_role(role, office)
    for path in (
        "/inbox/complaints",
        f"/inbox/complaints/{complaint_id}",
        "/inbox/complaints/centres",
        "/inbox/complaints/centres.csv",
        f"/inbox/complaints/centres/{centre_id}",
    ):
        assert inbox.get(path).status_code == 403, path
    token = csrf(inbox, "/inbox/queue")
    data = {"csrf_token": token, "outcome": "conformant"}
    assert inbox.post(f"/inbox/complaints/{complaint_id}/decision", data=data).status_code == 403
    assert inbox.post(f"/inbox/complaints/{complaint_id}/review", data={"csrf_token": token}).status_code == 403
    assert session.get(Complaint, complaint_id).status == "submitted"


def test_signed_out_the_pages_ask_to_sign_in(inbox: TestClient) -> None:
    answer = inbox.get("/inbox/complaints", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/inbox/login")


def test_the_list_shows_the_assessment_and_the_detail_the_five_answers_quoted_and_escaped(
    inbox: TestClient, as_role, session: Session
) -> None:
    account = as_role("complaint_handler")
    answers = {**FULL, "tailored": {"value": "no", "explanation": SCRIPT}}
    complaint_id = new_complaint(inbox, answers)
    reference = session.get(Complaint, complaint_id).reference
    listing = inbox.get("/inbox/complaints?status=submitted")
    assert reference in listing.text and "Waarschijnlijk geen loopbaanbegeleiding" in listing.text
    page = inbox.get(f"/inbox/complaints/{complaint_id}")
    assert page.status_code == 200
    assert "Is er een loopbaanvraag geformuleerd?" in page.text
    assert "Enkel een test met de resultaten: dat is geen loopbaanbegeleiding" in page.text
    assert "De betaling voor de loopbaancheque terugvorderen bij het centrum" in page.text
    assert SCRIPT not in page.text and "&lt;script&gt;" in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert 'style="' not in page.text  # the CSP allows no inline style
    audit = session.scalars(select(AuditEvent).where(AuditEvent.account_id == account.id)).all()
    assert [event.action for event in audit] == ["view_complaint"]


def test_review_and_decide_through_the_form(inbox: TestClient, as_role, session: Session) -> None:
    account = as_role("complaint_handler")
    complaint_id = new_complaint(inbox)
    token = csrf(inbox, f"/inbox/complaints/{complaint_id}")
    answer = inbox.post(f"/inbox/complaints/{complaint_id}/review", data={"csrf_token": token}, follow_redirects=False)
    assert answer.status_code == 303
    assert session.get(Complaint, complaint_id).status == "in_review"
    form = {
        "csrf_token": token, "outcome": "not_conformant", "reclaim_amount": "1.320,00", "restore_right": "true",
        "address_centre": "true", "note": "Enkel een test.",
    }  # fmt: skip
    answer = inbox.post(f"/inbox/complaints/{complaint_id}/decision", data=form, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    complaint = session.get(Complaint, complaint_id)
    assert (complaint.status, complaint.outcome, str(complaint.reclaim_amount)) == (
        "decided",
        "not_conformant",
        "1320.00",
    )
    assert complaint.decided_by_account_id == account.id and complaint.restore_right and not complaint.suspend_mandate
    page = inbox.get(f"/inbox/complaints/{complaint_id}")
    assert "€ 1320,00" in page.text and "Je krijgt je recht op de loopbaancheque terug" in page.text
    assert "Beslissing bewaren" not in page.text
    again = inbox.post(f"/inbox/complaints/{complaint_id}/decision", data=form)
    assert again.status_code == 409
    actions = {e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.account_id == account.id))}
    assert {"review_complaint", "decide_complaint"} <= actions


@pytest.mark.parametrize(
    "form",
    [
        {"outcome": "conformant", "reclaim_amount": "660"},
        {"outcome": "not_conformant"},
        {"outcome": "not_conformant", "reclaim_amount": "veel", "restore_right": "true"},
        {"outcome": "", "address_centre": "true"},
    ],
)
def test_a_decision_that_does_not_add_up_shows_the_form_again(
    inbox: TestClient, as_role, session: Session, form: dict
) -> None:
    as_role("complaint_handler")
    complaint_id = new_complaint(inbox)
    token = csrf(inbox, f"/inbox/complaints/{complaint_id}")
    answer = inbox.post(f"/inbox/complaints/{complaint_id}/decision", data={"csrf_token": token, **form})
    assert answer.status_code == 422
    assert 'role="alert"' in answer.text and "Beslissing bewaren" in answer.text
    assert session.get(Complaint, complaint_id).status == "submitted"


def test_a_form_without_the_csrf_token_is_refused(inbox: TestClient, as_role, session: Session) -> None:
    as_role("complaint_handler")
    complaint_id = new_complaint(inbox)
    form = {"csrf_token": "wrong", "outcome": "conformant"}
    assert inbox.post(f"/inbox/complaints/{complaint_id}/decision", data=form).status_code == 403
    assert session.get(Complaint, complaint_id).status == "submitted"


def test_drafts_and_unknown_complaints_are_404(inbox: TestClient, as_role) -> None:
    as_role("complaint_handler")
    headers = {"Authorization": f"Bearer {API_TOKEN}"}
    draft = inbox.post(
        "/api/v1/complaints/drafts", json={"channel": "web", "conversation_id": f"w-{uuid.uuid4().hex}"},
        headers=headers,
    ).json()  # fmt: skip
    assert inbox.get(f"/inbox/complaints/{draft['id']}").status_code == 404
    assert inbox.get("/inbox/complaints/2000000").status_code == 404
    assert inbox.get("/inbox/complaints/centres/2000000").status_code == 404


def test_the_analysis_pages_draw_charts_flag_centres_and_export_csv(
    inbox: TestClient, as_role, session: Session
) -> None:
    as_role("complaint_handler")
    overview = inbox.get("/inbox/complaints/centres")
    assert overview.status_code == 200
    assert overview.text.count("<svg") == 2 and "Klachten per maand" in overview.text
    assert ONLY_TEST_CENTRE in overview.text and "Herhaaldelijk" in overview.text
    centre = session.scalars(select(CareerCentre).where(CareerCentre.name == ONLY_TEST_CENTRE)).one()
    page = inbox.get(f"/inbox/complaints/centres/{centre.id}")
    assert page.status_code == 200 and "<svg" in page.text and "Signalen" in page.text
    assert re.search(r"\d+ × Enkel een test met de resultaten", page.text)
    export = inbox.get("/inbox/complaints/centres.csv")
    assert export.headers["content-type"].startswith("text/csv")
    assert "attachment" in export.headers["content-disposition"]
    assert ONLY_TEST_CENTRE in export.text
