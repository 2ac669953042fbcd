"""Consultant inbox: sign-in (argon2, cookie, CSRF, throttle), the permission rules by page and
by API, the actions through the handoff service, escaping, security headers and the live streams."""

import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from datetime import timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.accounts import passwords
from backoffice.accounts import service as accounts
from backoffice.accounts.models import Account, AccountSession, AuditEvent, LoginAttempt
from backoffice.clock import Clock
from backoffice.config import Settings
from backoffice.db import Base
from backoffice.handoffs import service as handoffs
from backoffice.handoffs.models import Handoff, HandoffMessage, HandoffPush
from backoffice.handoffs.routes import get_rasa_client
from backoffice.handoffs.schemas import HandoffCreate
from backoffice.inbox.deps import SESSION_COOKIE, get_session_factory
from backoffice.inbox.events import get_clock_factory
from backoffice.jobseekers.models import Jobseeker
from backoffice.main import create_app
from backoffice.offices.models import Office
from backoffice.seed.accounts import seed_demo_accounts
from tests.backoffice.conftest import FixedClock
from tests.backoffice.test_handoffs import FakeRasa

PASSWORD = "correct horse battery staple"  # noqa: S105 - a test value
SCRIPT = "<script>window.__pwned=1</script>"
GHENT, ANTWERP = "Oost-Vlaanderen", "Antwerpen"


@pytest.fixture
def inbox_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"inbox_stream_seconds": 1.2})


@pytest.fixture
def inbox(
    client: TestClient, session: Session, inbox_settings: Settings, test_clock: FixedClock
) -> Iterator[TestClient]:
    from backoffice.config import get_settings

    rasa = FakeRasa()
    fake = rasa.client()
    client.app.dependency_overrides[get_settings] = lambda: inbox_settings
    client.app.dependency_overrides[get_rasa_client] = lambda: fake
    client.app.dependency_overrides[get_session_factory] = lambda: lambda: nullcontext(session)
    client.app.dependency_overrides[get_clock_factory] = lambda: lambda: test_clock.clock
    client.rasa = rasa  # type: ignore[attr-defined]
    yield client
    fake.close()


def office(session: Session, name: str) -> Office:
    return session.scalars(select(Office).where(Office.name == name)).one()


@pytest.fixture
def make_account(session: Session, test_clock: FixedClock) -> Callable[..., Account]:
    def make(role: str, office_name: str | None = None, email: str | None = None) -> Account:
        account = accounts.save_account(
            session=session,
            email=email or f"{role}-{uuid.uuid4().hex[:8]}@test.invalid",
            display_name=f"Test {role}",
            role=role,
            password=PASSWORD,
            office_id=office(session, office_name).id if office_name else None,
            clock=test_clock.clock,
        )
        session.commit()
        return account

    return make


def jobseeker_in(session: Session, province: str) -> Jobseeker:
    return session.scalars(select(Jobseeker).where(Jobseeker.province == province).order_by(Jobseeker.id)).first()


@pytest.fixture
def make_handoff(session: Session, inbox_settings: Settings, test_clock: FixedClock) -> Callable[..., Handoff]:
    def make(province: str | None, text: str = "Ik wil iemand spreken") -> Handoff:
        jobseeker = jobseeker_in(session, province) if province else None
        request = HandoffCreate(
            conversation_id=f"web-{uuid.uuid4().hex}",
            channel="web",
            reason="requested",
            jobseeker_id=jobseeker.id if jobseeker else None,
            transcript=[{"sender": "jobseeker", "text": text}],
            digital={"level": "human-digital", "score": 4, "evidence": ["Zegt zelf: <b>geen</b> computer"]},
        )
        handoff, _ = handoffs.create_handoff(
            session=session, request=request, settings=inbox_settings, clock=test_clock.clock
        )
        session.commit()
        return handoff

    return make


def login_token(client: TestClient) -> str:
    page = client.get("/inbox/login")
    assert page.status_code == 200
    return re.search(r'name="login_token" value="([^"]+)"', page.text).group(1)


def sign_in(client: TestClient, account: Account, password: str = PASSWORD, **extra: str):
    return client.post(
        "/inbox/login",
        data={"email": account.email, "password": password, "login_token": login_token(client), **extra},
        follow_redirects=False,
    )


def csrf(client: TestClient, path: str = "/inbox/queue") -> str:
    page = client.get(path)
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


@pytest.fixture
def as_role(inbox: TestClient, make_account) -> Callable[..., Account]:
    def signed_in(role: str, office_name: str | None = None) -> Account:
        account = make_account(role, office_name)
        answer = sign_in(inbox, account)
        assert answer.status_code == 303, answer.text
        return account

    return signed_in


# --- sign-in ---


def test_inbox_passwords_are_argon2id_hashes(make_account) -> None:
    account = make_account("servicelijn")
    assert account.password_hash.startswith("$argon2id$")
    assert passwords.verify_password(account.password_hash, PASSWORD)
    assert not passwords.verify_password(account.password_hash, PASSWORD + "x")
    assert not passwords.verify_password(None, PASSWORD)


def test_inbox_sign_in_sets_an_httponly_lax_cookie_and_sign_out_ends_the_session(
    inbox: TestClient, make_account, session: Session
) -> None:
    account = make_account("servicelijn")
    answer = sign_in(inbox, account)
    assert answer.status_code == 303 and answer.headers["location"] == "/inbox"
    cookie = next(v for k, v in answer.headers.multi_items() if k == "set-cookie" and v.startswith(SESSION_COOKIE))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/inbox" in cookie
    assert "Secure" not in cookie  # plain http in the test; https below
    token = inbox.cookies.get(SESSION_COOKIE)
    assert session.scalar(select(AccountSession.token_hash).where(AccountSession.account_id == account.id)) != token
    assert inbox.get("/inbox/queue").status_code == 200

    assert inbox.post("/inbox/logout", data={"csrf_token": csrf(inbox)}, follow_redirects=False).status_code == 303
    assert session.scalars(select(AccountSession).where(AccountSession.account_id == account.id)).first() is None
    inbox.cookies.set(SESSION_COOKIE, token, path="/inbox")
    assert inbox.get("/inbox/queue", follow_redirects=False).status_code == 303


def test_inbox_cookie_is_secure_over_https(client: TestClient, inbox: TestClient, make_account) -> None:
    account = make_account("servicelijn")
    https = TestClient(inbox.app, base_url="https://testserver")
    answer = sign_in(https, account)
    cookie = next(v for k, v in answer.headers.multi_items() if k == "set-cookie" and v.startswith(SESSION_COOKIE))
    assert "Secure" in cookie


def test_inbox_wrong_password_and_unknown_account_read_the_same(inbox: TestClient, make_account) -> None:
    account = make_account("servicelijn")
    wrong = sign_in(inbox, account, password="not the password")
    inbox.cookies.clear()
    unknown = inbox.post(
        "/inbox/login",
        data={"email": "nobody@test.invalid", "password": "x", "login_token": login_token(inbox)},
    )
    assert wrong.status_code == unknown.status_code == 401
    assert "Het e-mailadres of het wachtwoord klopt niet." in wrong.text and SESSION_COOKIE not in inbox.cookies


def test_inbox_login_form_needs_its_csrf_token(inbox: TestClient, make_account) -> None:
    account = make_account("servicelijn")
    login_token(inbox)
    answer = inbox.post("/inbox/login", data={"email": account.email, "password": PASSWORD, "login_token": "forged"})
    assert answer.status_code == 403 and SESSION_COOKIE not in inbox.cookies


def test_inbox_failed_sign_ins_are_throttled_per_account_in_the_database(
    inbox: TestClient, make_account, session: Session, inbox_settings: Settings, test_clock: FixedClock
) -> None:
    account = make_account("servicelijn")
    for _ in range(inbox_settings.inbox_login_max_failures):
        assert sign_in(inbox, account, password="wrong-password").status_code == 401
    refused = sign_in(inbox, account)  # the right password, too late
    assert refused.status_code == 429 and "Te veel mislukte pogingen" in refused.text
    assert int(refused.headers["Retry-After"]) > 0
    # The throttle is in the database: a new app (a restart) still refuses.
    restarted = create_app()
    restarted.dependency_overrides.update(inbox.app.dependency_overrides)
    with TestClient(restarted) as again:
        assert sign_in(again, account).status_code == 429
    # After the window the right password works again.
    test_clock.clock = Clock.at(test_clock.clock.now + timedelta(minutes=inbox_settings.inbox_login_window_minutes + 1))
    assert sign_in(inbox, account).status_code == 303
    assert session.scalar(select(LoginAttempt.succeeded).order_by(LoginAttempt.id.desc()).limit(1)) is True


def test_inbox_failed_sign_ins_are_throttled_per_address(
    inbox: TestClient, make_account, inbox_settings: Settings
) -> None:
    inbox_settings.inbox_login_max_failures_per_address = 4  # fewer slow argon2 checks than the default 20
    account = make_account("servicelijn")
    for number in range(inbox_settings.inbox_login_max_failures_per_address):
        inbox.post(
            "/inbox/login",
            data={"email": f"guess{number}@test.invalid", "password": "x", "login_token": login_token(inbox)},
        )
    assert sign_in(inbox, account).status_code == 429


def test_inbox_blocked_accounts_cannot_sign_in(inbox: TestClient, make_account, session: Session) -> None:
    account = make_account("consultant", "Werkwinkel Gent")
    accounts.set_active(session=session, account=account, active=False)
    session.commit()
    assert sign_in(inbox, account).status_code == 401


def test_inbox_idle_sessions_end(inbox: TestClient, as_role, test_clock: FixedClock, inbox_settings) -> None:
    as_role("servicelijn")
    assert inbox.get("/inbox/queue").status_code == 200
    test_clock.clock = Clock.at(test_clock.clock.now + timedelta(minutes=inbox_settings.inbox_idle_minutes + 1))
    answer = inbox.get("/inbox/queue", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/inbox/login?next=/inbox/queue"


def test_inbox_sign_in_redirects_only_inside_the_inbox(inbox: TestClient, make_account) -> None:
    account = make_account("servicelijn")
    assert sign_in(inbox, account, next="https://evil.example/").headers["location"] == "/inbox"
    inbox.cookies.clear()
    assert sign_in(inbox, account, next="//evil.example/inbox/").headers["location"] == "/inbox"
    inbox.cookies.clear()
    assert sign_in(inbox, account, next="/inbox/audit").headers["location"] == "/inbox/audit"


# --- who sees what: pages and API ---


def test_inbox_without_sign_in_pages_redirect_and_the_api_answers_401(inbox: TestClient, make_handoff) -> None:
    handoff = make_handoff(GHENT)
    for path in ("/inbox", "/inbox/queue", f"/inbox/handoffs/{handoff.id}", "/inbox/audit", "/inbox/accounts"):
        answer = inbox.get(path, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/inbox/login"), path
    for path in ("/inbox/api/handoffs", f"/inbox/api/handoffs/{handoff.id}", "/inbox/events/queue"):
        assert inbox.get(path).status_code == 401, path
    assert (
        inbox.post(f"/inbox/handoffs/{handoff.id}/claim", data={"csrf_token": "x"}, follow_redirects=False).status_code
        == 303
    )


def test_inbox_consultant_sees_only_their_region_by_page_and_api(
    inbox: TestClient, as_role, make_handoff, session: Session
) -> None:
    own = make_handoff(GHENT)
    other = make_handoff(ANTWERP)
    anonymous = make_handoff(None)
    as_role("consultant", "Werkwinkel Gent")

    queue = inbox.get("/inbox/queue").text
    assert f'/inbox/handoffs/{own.id}"' in queue
    assert f'/inbox/handoffs/{other.id}"' not in queue and f'/inbox/handoffs/{anonymous.id}"' not in queue
    listed = {item["id"] for item in inbox.get("/inbox/api/handoffs").json()}
    assert own.id in listed and other.id not in listed and anonymous.id not in listed

    assert inbox.get(f"/inbox/handoffs/{own.id}").status_code == 200
    assert inbox.get(f"/inbox/api/handoffs/{own.id}").status_code == 200
    for handoff in (other, anonymous):
        assert inbox.get(f"/inbox/handoffs/{handoff.id}").status_code == 403
        assert inbox.get(f"/inbox/api/handoffs/{handoff.id}").status_code == 403
        assert inbox.get(f"/inbox/events/handoffs/{handoff.id}").status_code == 403

    own_dossier = jobseeker_in(session, GHENT).id
    other_dossier = jobseeker_in(session, ANTWERP).id
    assert inbox.get(f"/inbox/dossiers/{own_dossier}").status_code == 200
    assert inbox.get(f"/inbox/api/jobseekers/{own_dossier}").status_code == 200
    assert inbox.get(f"/inbox/dossiers/{other_dossier}").status_code == 403
    assert inbox.get(f"/inbox/api/jobseekers/{other_dossier}").status_code == 403


def test_inbox_consultant_cannot_act_on_another_region(inbox: TestClient, as_role, make_handoff) -> None:
    other = make_handoff(ANTWERP)
    as_role("consultant", "Werkwinkel Gent")
    token = csrf(inbox)
    for action, data in (
        ("claim", {}),
        ("reply", {"text": "hallo"}),
        ("hand-back", {}),
        ("close", {"outcome": "Vraag beantwoord"}),
        ("redirect", {"office_id": "1"}),
    ):
        answer = inbox.post(f"/inbox/handoffs/{other.id}/{action}", data={"csrf_token": token, **data})
        assert answer.status_code == 403, action


def test_inbox_servicelijn_sees_every_region_and_anonymous_conversations(
    inbox: TestClient, as_role, make_handoff, session: Session
) -> None:
    created = [make_handoff(GHENT), make_handoff(ANTWERP), make_handoff(None)]
    as_role("servicelijn")
    listed = {item["id"] for item in inbox.get("/inbox/api/handoffs").json()}
    assert {handoff.id for handoff in created} <= listed
    for handoff in created:
        assert inbox.get(f"/inbox/handoffs/{handoff.id}").status_code == 200
    assert inbox.get(f"/inbox/dossiers/{jobseeker_in(session, ANTWERP).id}").status_code == 200
    assert inbox.get("/inbox/audit").status_code == 200
    assert inbox.get("/inbox/accounts").status_code == 403


def test_inbox_complaint_handler_sees_no_handoffs_and_no_dossiers(
    inbox: TestClient, as_role, make_handoff, session: Session
) -> None:
    handoff = make_handoff(GHENT)
    as_role("complaint_handler")
    assert inbox.get("/inbox", follow_redirects=False).headers["location"] == "/inbox/complaints"
    for path in (
        "/inbox/queue",
        f"/inbox/handoffs/{handoff.id}",
        f"/inbox/dossiers/{jobseeker_in(session, GHENT).id}",
        "/inbox/api/handoffs",
        f"/inbox/api/handoffs/{handoff.id}",
        f"/inbox/api/jobseekers/{jobseeker_in(session, GHENT).id}",
        "/inbox/events/queue",
        "/inbox/audit",
        "/inbox/accounts",
    ):
        assert inbox.get(path).status_code == 403, path
    assert (
        inbox.post(
            f"/inbox/handoffs/{handoff.id}/claim", data={"csrf_token": csrf(inbox, "/inbox/complaints")}
        ).status_code
        == 403
    )


def test_inbox_admin_manages_accounts_but_sees_no_handoffs(
    inbox: TestClient, as_role, make_handoff, session: Session
) -> None:
    handoff = make_handoff(GHENT)
    as_role("admin")
    assert inbox.get(f"/inbox/handoffs/{handoff.id}").status_code == 403
    assert inbox.get("/inbox/api/handoffs").status_code == 403
    page = inbox.get("/inbox/accounts")
    assert page.status_code == 200
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    created = inbox.post(
        "/inbox/accounts",
        data={
            "csrf_token": token,
            "email": "Nieuwe.Collega@Test.invalid",
            "display_name": "Nieuwe Collega",
            "role": "consultant",
            "office_id": str(office(session, "Werkwinkel Gent").id),
            "password": "a long enough password",
        },
        follow_redirects=False,
    )
    assert created.status_code == 303 and created.headers["location"] == "/inbox/accounts"
    new = accounts.get_by_email(session=session, email="nieuwe.collega@test.invalid")
    assert new is not None and new.province == GHENT and new.consultant_id is not None
    # Without the CSRF token nothing changes.
    forged = inbox.post(f"/inbox/accounts/{new.id}/active", data={"csrf_token": "forged", "active": "false"})
    assert forged.status_code == 403 and new.active
    blocked = inbox.post(f"/inbox/accounts/{new.id}/active", data={"csrf_token": token, "active": "false"})
    assert blocked.status_code == 200 and not session.get(Account, new.id).active


def test_inbox_consultant_may_not_manage_accounts_or_read_the_audit_log(inbox: TestClient, as_role) -> None:
    as_role("consultant", "Werkwinkel Gent")
    assert inbox.get("/inbox/accounts").status_code == 403
    assert inbox.get("/inbox/audit").status_code == 403
    assert (
        inbox.post(
            "/inbox/accounts",
            data={
                "csrf_token": csrf(inbox),
                "email": "x@y.z",
                "display_name": "X",
                "role": "admin",
                "password": "p" * 20,
            },
        ).status_code
        == 403
    )


# --- actions through the handoff service ---


def test_inbox_claim_reply_hand_back_through_the_service_with_audit(
    inbox: TestClient, as_role, make_handoff, session: Session
) -> None:
    handoff = make_handoff(GHENT)
    account = as_role("consultant", "Werkwinkel Gent")
    token = csrf(inbox)

    page = f"/inbox/handoffs/{handoff.id}"
    assert inbox.post(f"{page}/claim", data={"csrf_token": token}, follow_redirects=False).headers["location"] == page
    session.refresh(handoff)
    assert handoff.state == "accepted" and handoff.consultant_id == account.consultant_id
    answer = inbox.post(f"{page}/reply", data={"csrf_token": token, "text": "  Dag! Ik help je verder.  "})
    assert answer.status_code == 200 and "Dag! Ik help je verder." in answer.text
    message = session.scalars(select(HandoffMessage).where(HandoffMessage.sender == "consultant")).all()[-1]
    assert message.text == "Dag! Ik help je verder." and message.handoff_id == handoff.id
    pushed = [body for path, _, body in inbox.rasa.calls() if path.endswith("/tracker/events")]
    assert any(event.get("text") == "Dag! Ik help je verder." for body in pushed for event in body)

    assert inbox.post(f"{page}/hand-back", data={"csrf_token": token, "note": ""}).status_code == 200
    session.refresh(handoff)
    assert handoff.state == "closed" and handoff.outcome == "handed_back"
    actions = session.scalars(
        select(AuditEvent.action).where(AuditEvent.handoff_id == handoff.id).order_by(AuditEvent.id)
    ).all()
    assert {"claim", "view_handoff", "reply", "hand_back"} <= set(actions)
    assert session.scalars(select(HandoffPush).where(HandoffPush.handoff_id == handoff.id)).first() is not None


def test_inbox_close_with_an_outcome_and_redirect(inbox: TestClient, as_role, make_handoff, session: Session) -> None:
    first, second = make_handoff(GHENT), make_handoff(GHENT)
    as_role("consultant", "Werkwinkel Gent")
    token = csrf(inbox)
    inbox.post(f"/inbox/handoffs/{first.id}/claim", data={"csrf_token": token})
    inbox.post(f"/inbox/handoffs/{first.id}/close", data={"csrf_token": token, "outcome": "Afspraak gemaakt"})
    session.refresh(first)
    assert (first.state, first.outcome) == ("closed", "Afspraak gemaakt")

    target = office(session, "Werkwinkel Antwerpen")
    moved = inbox.post(
        f"/inbox/handoffs/{second.id}/redirect",
        data={"csrf_token": token, "office_id": str(target.id)},
        follow_redirects=False,
    )
    assert moved.headers["location"] == "/inbox/queue"
    session.refresh(second)
    assert (second.state, second.office_id, second.province) == ("waiting", target.id, ANTWERP)
    assert inbox.get(f"/inbox/handoffs/{second.id}").status_code == 403  # now Antwerp's


def test_inbox_a_taken_conversation_answers_409_in_dutch(
    inbox: TestClient, as_role, make_handoff, make_account, session: Session, test_clock: FixedClock
) -> None:
    handoff = make_handoff(GHENT)
    colleague = make_account("consultant", "Werkwinkel Gent")
    handoffs.claim(session=session, handoff=handoff, consultant_id=colleague.consultant_id, clock=test_clock.clock)
    session.commit()
    as_role("consultant", "Werkwinkel Gent")
    token = csrf(inbox)
    answer = inbox.post(f"/inbox/handoffs/{handoff.id}/claim", data={"csrf_token": token})
    assert answer.status_code == 409 and "iemand anders was je voor" in answer.text
    assert inbox.post(f"/inbox/handoffs/{handoff.id}/reply", data={"csrf_token": token, "text": "x"}).status_code == 409


def test_inbox_posts_need_the_session_csrf_token(inbox: TestClient, as_role, make_handoff, session: Session) -> None:
    handoff = make_handoff(GHENT)
    as_role("consultant", "Werkwinkel Gent")
    assert inbox.post(f"/inbox/handoffs/{handoff.id}/claim", data={"csrf_token": "forged"}).status_code == 403
    assert inbox.post(f"/inbox/handoffs/{handoff.id}/claim", data={}).status_code == 422
    assert inbox.post("/inbox/logout", data={"csrf_token": "forged"}).status_code == 403
    session.refresh(handoff)
    assert handoff.state == "waiting"


def test_inbox_opening_a_conversation_or_dossier_is_audited(
    inbox: TestClient, as_role, make_handoff, session: Session
) -> None:
    handoff = make_handoff(GHENT)
    account = as_role("servicelijn")
    inbox.get(f"/inbox/handoffs/{handoff.id}")
    inbox.get(f"/inbox/dossiers/{handoff.jobseeker_id}")
    inbox.get(f"/inbox/api/jobseekers/{handoff.jobseeker_id}")
    rows = session.execute(
        select(AuditEvent.action, AuditEvent.jobseeker_id, AuditEvent.handoff_id)
        .where(AuditEvent.account_id == account.id)
        .order_by(AuditEvent.id)
    ).all()
    assert [tuple(row) for row in rows] == [
        ("view_handoff", handoff.jobseeker_id, handoff.id),
        ("view_dossier", handoff.jobseeker_id, None),
        ("view_dossier", handoff.jobseeker_id, None),
    ]
    log = inbox.get("/inbox/audit").text
    assert "view_dossier" in log and account.display_name in log


# --- safety ---


def test_inbox_escapes_what_the_jobseeker_wrote(
    inbox: TestClient, as_role, make_handoff, session: Session, test_clock: FixedClock
) -> None:
    handoff = make_handoff(GHENT, text=SCRIPT)
    session.add(HandoffMessage(handoff_id=handoff.id, sender="jobseeker", text=SCRIPT, created_at=test_clock.clock.now))
    session.commit()
    as_role("servicelijn")
    for path in ("/inbox/queue", f"/inbox/handoffs/{handoff.id}"):
        page = inbox.get(path).text
        assert "<script>window" not in page and "<b>geen</b>" not in page, path
    page = inbox.get(f"/inbox/handoffs/{handoff.id}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "&lt;b&gt;geen&lt;/b&gt;" in page  # the digital evidence, too
    stream = inbox.get(f"/inbox/events/handoffs/{handoff.id}").text
    assert '"text": "<script>window.__pwned=1</script>"' in stream  # JSON; the page sets it as text


def test_inbox_pages_carry_a_content_security_policy_and_security_headers(inbox: TestClient, as_role) -> None:
    for path in ("/inbox/login",):
        headers = inbox.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "'unsafe-inline'" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
        assert headers["cache-control"] == "no-store" and headers["referrer-policy"] == "same-origin"
    as_role("servicelijn")
    assert "default-src 'none'" in inbox.get("/inbox/queue").headers["content-security-policy"]
    assert "default-src 'none'" in inbox.get("/inbox/api/handoffs").headers["content-security-policy"]


def test_inbox_logs_no_personal_data(inbox: TestClient, make_account, caplog: pytest.LogCaptureFixture) -> None:
    account = make_account("servicelijn")
    caplog.set_level("DEBUG")
    sign_in(inbox, account, password="wrong-but-secret")
    sign_in(inbox, account)
    inbox.get("/inbox/queue")
    for secret in (account.email, "wrong-but-secret", PASSWORD):
        assert secret not in caplog.text


# --- live streams ---


def test_inbox_queue_stream_sends_the_rows(inbox: TestClient, as_role, make_handoff) -> None:
    as_role("consultant", "Werkwinkel Gent")
    handoff = make_handoff(GHENT, text=SCRIPT)
    other = make_handoff(ANTWERP)
    body = inbox.get("/inbox/events/queue").text
    assert body.startswith("retry: 2000") and "event: queue" in body
    assert f"/inbox/handoffs/{handoff.id}" in body and f"/inbox/handoffs/{other.id}" not in body
    assert "<script>window" not in body
    assert body.count("event: queue") == 1  # unchanged rows are not sent again


def test_inbox_conversation_stream_sends_new_messages_and_the_state(
    inbox: TestClient, as_role, make_handoff, session: Session, test_clock: FixedClock
) -> None:
    handoff = make_handoff(GHENT)
    as_role("consultant", "Werkwinkel Gent")
    first = HandoffMessage(handoff_id=handoff.id, sender="jobseeker", text="eerste", created_at=test_clock.clock.now)
    session.add(first)
    session.commit()
    body = inbox.get(f"/inbox/events/handoffs/{handoff.id}?after=0").text
    assert '"text": "eerste"' in body and "event: state" in body and '"key": "waiting:0:' in body
    later = inbox.get(f"/inbox/events/handoffs/{handoff.id}?after={first.id}").text
    assert "eerste" not in later


def test_inbox_stream_ends_when_signed_out(inbox: TestClient, as_role, session: Session) -> None:
    account = as_role("servicelijn")
    session.query(AccountSession).filter(AccountSession.account_id == account.id).delete()
    session.commit()
    assert inbox.get("/inbox/events/queue").status_code == 401


# --- seed, migration ---


def test_inbox_demo_accounts_are_seeded_idempotently(session: Session, test_clock: FixedClock) -> None:
    assert seed_demo_accounts(session=session, password="demo password one", clock=test_clock.clock) == 5
    assert seed_demo_accounts(session=session, password="demo password one", clock=test_clock.clock) == 0
    assert seed_demo_accounts(session=session, password="demo password two", clock=test_clock.clock) == 5
    demo = session.scalars(select(Account).where(Account.is_demo.is_(True))).all()
    assert {account.role for account in demo} == {"consultant", "servicelijn", "complaint_handler", "admin"}
    assert {account.province for account in demo if account.role == "consultant"} == {GHENT, ANTWERP}
    assert all(passwords.verify_password(account.password_hash, "demo password two") for account in demo)
    servicelijn = next(account for account in demo if account.role == "servicelijn")
    assert servicelijn.consultant is not None and servicelijn.consultant.office_id is None


def test_inbox_migration_matches_the_models(engine) -> None:
    tables = {"accounts", "account_sessions", "login_attempts", "audit_events"}

    def ours(item, name, kind, _reflected, _compare_to) -> bool:
        table = name if kind == "table" else getattr(getattr(item, "table", None), "name", None)
        return table in tables

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": ours})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
