"""Handoffs: office hours, queue, claim, the push to Rasa (a fake on httpx.MockTransport), the
relay from a temporary `events` table, time-out, errors."""

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy import Engine, create_engine, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from backoffice.clock import Clock
from backoffice.config import Settings, get_settings
from backoffice.consultants.models import Consultant
from backoffice.db import make_engine
from backoffice.handoffs import delivery, hours, rules, service
from backoffice.handoffs.models import HandoffMessage, HandoffPush, RelayCursor
from backoffice.handoffs.rasa_client import RasaClient
from backoffice.handoffs.relay import EventRelay
from backoffice.handoffs.routes import get_rasa_client
from backoffice.handoffs.worker import HandoffJobs
from backoffice.jobseekers.models import Jobseeker
from backoffice.main import create_app
from backoffice.offices.models import Office
from tests.backoffice.conftest import API_TOKEN, REPO_ROOT, SEED_DAY, FixedClock, migrate

API = "/api/v1/handoffs"
RASA_TOKEN = "rasa-test-token"  # noqa: S105
MONDAY = SEED_DAY  # 2026-11-23 is a Monday
assert MONDAY.weekday() == 0


@dataclass
class FakeRasa:
    """Rasa's HTTP API as far as the backoffice uses it; `failing` makes it answer 500."""

    failing: bool = False
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        if self.failing:
            return httpx.Response(500, json={"status": "failure"})
        self.requests.append(request)
        return httpx.Response(200, json={})

    def client(self) -> RasaClient:
        return RasaClient(
            base_url="http://rasa.test:5005", token=RASA_TOKEN, transport=httpx.MockTransport(self.handle)
        )

    def calls(self) -> list[tuple[str, dict[str, str], Any]]:
        return [(request.url.path, dict(request.url.params), json.loads(request.content)) for request in self.requests]


@pytest.fixture
def rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def api(client: TestClient, rasa: FakeRasa, auth_headers: dict[str, str]) -> Iterator[TestClient]:
    fake = rasa.client()
    client.app.dependency_overrides[get_rasa_client] = lambda: fake
    client.headers.update(auth_headers)
    yield client
    fake.close()


@pytest.fixture
def consultants(session: Session) -> list[Consultant]:
    return list(session.scalars(select(Consultant).order_by(Consultant.id).limit(2)))


def _body(conversation_id: str = "conv-1", **fields: Any) -> dict[str, Any]:
    return {
        "conversation_id": conversation_id,
        "channel": "web",
        "kind": "live",
        "jobseeker_id": None,
        "reason": "requested",
        "topic": None,
        "transcript": [
            {"sender": "jobseeker", "text": "Ik vind het formulier niet", "at": "2026-11-23T11:00:00Z"},
            {"sender": "bot", "text": "Wil je met iemand praten?", "at": "2026-11-23T11:00:01Z"},
            {"sender": "jobseeker", "text": "ja graag iemand spreken", "at": "2026-11-23T11:00:05Z"},
        ],
        "digital": None,
        **fields,
    }


def _create(api: TestClient, conversation_id: str = "conv-1", **fields: Any) -> dict[str, Any]:
    answer = api.post(API, json=_body(conversation_id, **fields))
    assert answer.status_code == 201, answer.text
    return answer.json()


def _claimed(api: TestClient, consultant: Consultant, conversation_id: str = "conv-1") -> dict[str, Any]:
    handoff = _create(api, conversation_id)
    answer = api.post(f"{API}/{handoff['id']}/claim", json={"consultant_id": consultant.id})
    assert answer.status_code == 200, answer.text
    return answer.json()


# --- office hours ---


def test_hours_parse_and_read_in_dutch() -> None:
    assert hours.hours_text(hours.parse_hours("mon-fri 08:00-19:00")) == "op werkdagen van 8 tot 19 uur"
    assert (
        hours.hours_text(hours.parse_hours("mon,wed 08:30-12:00; sat 09:00-12:00"))
        == "op maandag en woensdag van 8.30 tot 12 uur en op zaterdag van 9 tot 12 uur"
    )
    # What honcho makes of an unquoted value in .env: the spaces are gone.
    assert hours.parse_hours("mon-fri08:00-19:00;sat09:00-12:00") == hours.parse_hours(
        "mon-fri 08:00-19:00; sat 09:00-12:00"
    )
    for wrong in ("", "mon-fri 8-19", "fri-mon 08:00-19:00", "mon-fri 19:00-08:00", "maandag 08:00-19:00"):
        with pytest.raises(hours.InvalidHoursError):
            hours.parse_hours(wrong)


def test_invalid_hours_setting_stops_startup() -> None:
    with pytest.raises(ValidationError, match="servicelijn_hours"):
        Settings(servicelijn_hours="weekdays 8-19")


@pytest.mark.parametrize(
    ("day", "hour", "minute", "is_open", "opens"),
    [
        (MONDAY, 12, 0, True, None),
        (MONDAY, 8, 0, True, None),
        (MONDAY, 7, 59, False, "2026-11-23T08:00:00+01:00"),
        (MONDAY, 19, 0, False, "2026-11-24T08:00:00+01:00"),
        (date(2026, 11, 27), 19, 30, False, "2026-11-30T08:00:00+01:00"),  # Friday evening
        (date(2026, 11, 28), 11, 0, False, "2026-11-30T08:00:00+01:00"),  # Saturday
        (date(2026, 7, 6), 18, 59, True, None),  # summer time
    ],
)
def test_availability(
    api: TestClient, test_clock: FixedClock, day: date, hour: int, minute: int, is_open: bool, opens: str | None
) -> None:
    test_clock.clock = Clock.at(datetime(day.year, day.month, day.day, hour, minute, tzinfo=hours.brussels()))
    answer = api.get(f"{API}/availability")
    assert answer.status_code == 200
    body = answer.json()
    assert body["open"] is is_open
    assert body["hours_text"] == "op werkdagen van 8 tot 19 uur"
    assert (datetime.fromisoformat(body["next_opening"]) if body["next_opening"] else None) == (
        datetime.fromisoformat(opens) if opens else None
    )


# --- priority and summary ---


@pytest.mark.parametrize(
    ("channel", "reason", "level", "expected"),
    [
        ("web", "requested", "human", 1),
        ("phone", "requested", None, 1),
        ("phone", "topic", "digital", 1),
        ("web", "requested", "human-digital", 2),
        ("sms", "requested", None, 2),
        ("web", "misunderstood", "digital", 2),
        ("sms", "misunderstood", "human", 1),
        ("web", "requested", "digital", 3),
        ("web", "topic", None, 3),
        ("telegram", "digital_skill", None, 3),
        ("rest", "requested", None, 3),
    ],
)
def test_priority_rule(channel: str, reason: str, level: str | None, expected: int) -> None:
    assert rules.priority(channel=channel, reason=reason, digital_level=level) == expected


def test_summary_is_short_dutch() -> None:
    text_ = rules.summary(
        reason="digital_skill",
        topic="search_vacancies",
        channel="sms",
        digital={"level": "human", "score": 0.8, "evidence": ["geen e-mail", "vroeg hulp bij inloggen"]},
        transcript=[{"sender": "jobseeker", "text": "ik snap die site niet " * 20}, {"sender": "bot", "text": "ok"}],
    )
    assert text_.startswith("Heeft moeite met digitale kanalen. Onderwerp: vacatures zoeken.")
    assert "niet digitaal, heeft persoonlijke hulp nodig (2 signalen)" in text_
    assert "Via sms." in text_
    assert text_.endswith('…"') and len(text_) < 300
    assert rules.topic_text("some_new_intent") == "some new intent"


# --- create ---


def test_create_is_idempotent_per_conversation(api: TestClient, make_jobseeker: Callable[..., Jobseeker]) -> None:
    jobseeker = make_jobseeker()
    body = _body("conv-idem", jobseeker_id=jobseeker.id, topic="search_vacancies", channel="sms")
    first = api.post(API, json=body)
    assert first.status_code == 201
    created = first.json()
    assert created["state"] == "waiting" and created["kind"] == "live"
    assert created["priority"] == 2
    assert created["province"] == jobseeker.province
    assert created["office"] == (
        {"id": jobseeker.office.id, "name": jobseeker.office.name} if jobseeker.office else None
    )
    assert created["summary"].startswith("Vraagt zelf naar een medewerker. Onderwerp: vacatures zoeken.")
    assert 'Laatste bericht: "ja graag iemand spreken"' in created["summary"]
    assert created["queue_position"] == 1 and created["expected_wait_minutes"] == 4

    again = api.post(API, json=body)
    assert again.status_code == 200
    assert again.json()["id"] == created["id"]

    detail = api.get(f"{API}/{created['id']}").json()
    assert [line["sender"] for line in detail["transcript"]] == ["jobseeker", "bot", "jobseeker"]
    assert detail["messages"] == []


def test_live_outside_hours_is_409_and_callback_is_fine(api: TestClient, test_clock: FixedClock) -> None:
    test_clock.set_day(date(2026, 11, 28), hour=11)  # Saturday
    closed = api.post(API, json=_body("conv-weekend"))
    assert closed.status_code == 409
    assert closed.json() == {
        "detail": "closed",
        "next_opening": "2026-11-30T08:00:00+01:00",
        "hours_text": "op werkdagen van 8 tot 19 uur",
    }
    callback = api.post(API, json=_body("conv-weekend", kind="callback"))
    assert callback.status_code == 201
    assert callback.json()["kind"] == "callback"
    assert callback.json()["queue_position"] is None and callback.json()["expected_wait_minutes"] is None


def test_create_validates(api: TestClient) -> None:
    assert api.post(API, json=_body(channel="fax")).status_code == 422
    assert api.post(API, json=_body(reason="bored")).status_code == 422
    assert api.post(API, json=_body(conversation_id="")).status_code == 422
    long_line = {"sender": "bot", "text": "vacature " * 1000, "at": None}
    cut = api.post(API, json=_body("conv-long", transcript=[long_line]))
    assert cut.status_code == 201
    assert len(api.get(f"{API}/{cut.json()['id']}").json()["transcript"][0]["text"]) == 4000
    assert api.get(f"{API}/by-conversation/conv-long").status_code == 200
    unknown = api.post(API, json=_body(jobseeker_id=2_000_000))
    assert unknown.status_code == 404 and unknown.json() == {"detail": "Jobseeker not found"}
    assert api.post(API, json=_body(), headers={"Authorization": "Bearer wrong"}).status_code == 401


# --- queue ---


def test_queue_position_by_priority_then_age(api: TestClient, test_clock: FixedClock, session: Session) -> None:
    office = session.scalars(select(Office).order_by(Office.id)).first()
    low = _create(api, "q-low")  # web, requested: priority 3
    test_clock.clock = Clock.at(test_clock.clock.now + timedelta(minutes=1))
    normal = _create(api, "q-normal", channel="sms")  # 2
    test_clock.clock = Clock.at(test_clock.clock.now + timedelta(minutes=1))
    urgent = _create(api, "q-urgent", channel="phone")  # 1
    later_low = _create(api, "q-low-2")
    callback = _create(api, "q-callback", kind="callback", channel="phone")
    other_queue = _create(api, "q-office")
    api.post(f"{API}/{other_queue['id']}/redirect", json={"office_id": office.id})

    def position(handoff: dict[str, Any]) -> tuple[int | None, int | None]:
        fresh = api.get(f"{API}/by-conversation/{handoff['conversation_id']}").json()
        return fresh["queue_position"], fresh["expected_wait_minutes"]

    assert position(urgent) == (1, 4)
    assert position(normal) == (2, 8)
    assert position(low) == (3, 12)
    assert position(later_low) == (4, 16)
    assert position(callback) == (None, None)
    assert position(other_queue) == (1, 4)  # the werkwinkel's own queue

    listed = api.get(API, params={"state": "waiting"}).json()
    ids = [item["id"] for item in listed]
    assert ids.index(urgent["id"]) < ids.index(normal["id"]) < ids.index(low["id"]) < ids.index(later_low["id"])
    assert [item["id"] for item in api.get(API, params={"office_id": office.id}).json()] == [other_queue["id"]]
    assert api.get(API, params={"state": "waiting,lost"}).status_code == 422

    first = api.get(f"{API}/by-conversation/q-low").json()
    assert first["waited_minutes"] == 2
    api.post(f"{API}/{urgent['id']}/cancel")
    assert position(normal) == (1, 4)


def test_by_conversation_404_and_latest(api: TestClient) -> None:
    missing = api.get(f"{API}/by-conversation/nobody")
    assert missing.status_code == 404 and missing.json() == {"detail": "No open handoff for this conversation"}
    handoff = _create(api, "conv-latest")
    api.post(f"{API}/{handoff['id']}/cancel")
    assert api.get(f"{API}/by-conversation/conv-latest").status_code == 404
    latest = api.get(f"{API}/by-conversation/conv-latest", params={"latest": "true"})
    assert latest.status_code == 200 and latest.json()["state"] == "cancelled"


# --- claim and the push to Rasa ---


def test_claim_once_and_push_greeting_and_pause(api: TestClient, rasa: FakeRasa, consultants: list[Consultant]) -> None:
    first, second = consultants
    handoff = _create(api, "conv-claim")
    won = api.post(f"{API}/{handoff['id']}/claim", json={"consultant_id": first.id})
    assert won.status_code == 200
    assert won.json()["state"] == "accepted" and won.json()["consultant_id"] == first.id
    assert won.json()["queue_position"] is None
    lost = api.post(f"{API}/{handoff['id']}/claim", json={"consultant_id": second.id})
    assert lost.status_code == 409 and lost.json() == {"detail": "Handoff is not waiting"}

    office = f"werkwinkel {first.office.name.removeprefix('Werkwinkel ')}" if first.office else "de Servicelijn"
    assert rasa.calls() == [
        (
            "/conversations/conv-claim/tracker/events",
            {"execute_side_effects": "true", "output_channel": "latest", "token": RASA_TOKEN},
            [
                {
                    "event": "bot",
                    "text": f"Je praat nu met {first.first_name} van {office}.",
                    "metadata": {"from": "backoffice"},
                },
                {"event": "pause"},
            ],
        )
    ]
    messages = api.get(f"{API}/{handoff['id']}/messages").json()
    assert [(m["sender"], m["delivery"]) for m in messages] == [("bot", "delivered")]


def test_claim_race_in_the_service(session: Session, consultants: list[Consultant], settings: Settings) -> None:
    """The second consultant's request loaded the handoff as waiting just before the first claim
    landed: the conditional update still lets only one win."""
    clock = Clock.on(MONDAY, hour=10)
    request = service.HandoffCreate.model_validate(_body("conv-race"))
    handoff, _ = service.create_handoff(session=session, request=request, settings=settings, clock=clock)
    session.commit()
    # The first claim, as another replica commits it: this session's object still says waiting.
    session.execute(
        text("UPDATE handoffs SET state = 'accepted', consultant_id = :consultant WHERE id = :id"),
        {"consultant": consultants[0].id, "id": handoff.id},
    )
    assert handoff.state == "waiting"
    with pytest.raises(service.ConflictError):
        service.claim(session=session, handoff=handoff, consultant_id=consultants[1].id, clock=clock)
    assert (handoff.state, handoff.consultant_id) == ("accepted", consultants[0].id)
    assert session.scalars(select(HandoffPush).where(HandoffPush.handoff_id == handoff.id)).all() == []


def test_consultant_message_is_pushed_to_the_latest_channel(
    api: TestClient, rasa: FakeRasa, consultants: list[Consultant]
) -> None:
    consultant = consultants[0]
    handoff = _claimed(api, consultant, "sms:+32470000001")
    rasa.requests.clear()
    answer = api.post(
        f"{API}/{handoff['id']}/messages", json={"consultant_id": consultant.id, "text": "  Dag! Ik help je.  "}
    )
    assert answer.status_code == 201
    message = answer.json()
    assert message["sender"] == "consultant" and message["text"] == "Dag! Ik help je."
    assert message["delivery"] == "delivered" and message["delivery_attempts"] == 1
    [request] = rasa.requests
    assert request.url.raw_path.startswith(b"/conversations/sms%3A%2B32470000001/tracker/events?")
    assert dict(request.url.params) == {"execute_side_effects": "true", "output_channel": "latest", "token": RASA_TOKEN}
    assert json.loads(request.content) == [
        {
            "event": "bot",
            "text": "Dag! Ik help je.",
            "metadata": {"from": "consultant", "consultant": consultant.first_name},
        }
    ]


def test_failed_push_is_kept_and_retried_in_order(
    api: TestClient, rasa: FakeRasa, consultants: list[Consultant], session: Session, test_clock: FixedClock
) -> None:
    consultant = consultants[0]
    handoff = _claimed(api, consultant, "conv-down")
    rasa.requests.clear()
    rasa.failing = True
    first = api.post(f"{API}/{handoff['id']}/messages", json={"consultant_id": consultant.id, "text": "Eerste"})
    assert first.status_code == 201
    assert first.json()["delivery"] == "failed"
    assert first.json()["delivery_error"] == "HTTP 500" and first.json()["delivery_retrying"] is True
    second = api.post(f"{API}/{handoff['id']}/messages", json={"consultant_id": consultant.id, "text": "Tweede"})
    # The second waits behind the first: a jobseeker must not read them out of order.
    assert second.json()["delivery"] == "pending" and second.json()["delivery_attempts"] == 0
    assert api.get(f"{API}/{handoff['id']}").json()["undelivered_pushes"] == 2

    rasa.failing = False
    fake = rasa.client()
    # Not due yet: the backoff holds.
    assert delivery.deliver_due(session=session, client=fake, clock=test_clock.clock) == 0
    later = Clock.at(test_clock.clock.now + timedelta(seconds=5))
    assert delivery.deliver_due(session=session, client=fake, clock=later) == 2
    assert [json.loads(r.content)[0]["text"] for r in rasa.requests] == ["Eerste", "Tweede"]
    messages = api.get(f"{API}/{handoff['id']}/messages", params={"after": first.json()["id"] - 1}).json()
    assert [(m["text"], m["delivery"], m["delivery_attempts"]) for m in messages] == [
        ("Eerste", "delivered", 2),
        ("Tweede", "delivered", 1),
    ]
    assert api.get(f"{API}/{handoff['id']}").json()["undelivered_pushes"] == 0
    fake.close()


def test_rasa_unreachable_is_a_failed_push(session: Session, consultants: list[Consultant], settings: Settings) -> None:
    clock = Clock.on(MONDAY, hour=10)
    request = service.HandoffCreate.model_validate(_body("conv-refused"))
    handoff, _ = service.create_handoff(session=session, request=request, settings=settings, clock=clock)
    service.claim(session=session, handoff=handoff, consultant_id=consultants[0].id, clock=clock)
    session.commit()

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    client = RasaClient(base_url="http://rasa.test", token="", transport=httpx.MockTransport(refuse))
    assert delivery.deliver_handoff(session=session, client=client, handoff_id=handoff.id, clock=clock) == 0
    push = session.scalars(select(HandoffPush).where(HandoffPush.handoff_id == handoff.id)).one()
    assert (push.status, push.attempts, push.last_error) == ("failed", 1, "ConnectError")
    assert push.next_attempt_at == clock.now + timedelta(seconds=2)
    client.close()


def test_push_gives_up_after_max_attempts(session: Session, settings: Settings) -> None:
    clock = Clock.on(MONDAY, hour=10)
    request = service.HandoffCreate.model_validate(_body("conv-give-up"))
    handoff, _ = service.create_handoff(session=session, request=request, settings=settings, clock=clock)
    delivery.enqueue_intent(session=session, handoff=handoff, name="EXTERNAL_x", clock=clock)
    session.commit()
    failing = FakeRasa(failing=True).client()
    for _ in range(delivery.MAX_ATTEMPTS):
        clock = Clock.at(clock.now + delivery.retry_delay(delivery.MAX_ATTEMPTS))
        delivery.deliver_due(session=session, client=failing, clock=clock)
    push = session.scalars(select(HandoffPush).where(HandoffPush.handoff_id == handoff.id)).one()
    assert (push.status, push.attempts, push.next_attempt_at) == ("failed", delivery.MAX_ATTEMPTS, None)
    failing.close()


# --- the end of a handoff ---


@pytest.mark.parametrize(
    ("action", "body", "outcome"),
    [
        ("hand-back", {"note": "Uitgelegd hoe je een cv uploadt"}, "handed_back"),
        ("close", {"outcome": "Afspraak gemaakt in de werkwinkel"}, "Afspraak gemaakt in de werkwinkel"),
    ],
)
def test_hand_back_and_close_resume_and_trigger_the_recap(
    api: TestClient, rasa: FakeRasa, consultants: list[Consultant], action: str, body: dict[str, str], outcome: str
) -> None:
    consultant, other = consultants
    handoff = _claimed(api, consultant, "conv-end")
    rasa.requests.clear()
    refused = api.post(f"{API}/{handoff['id']}/{action}", json={"consultant_id": other.id, **body})
    assert refused.status_code == 409 and refused.json() == {"detail": "Handoff is handled by another consultant"}
    answer = api.post(f"{API}/{handoff['id']}/{action}", json={"consultant_id": consultant.id, **body})
    assert answer.status_code == 200
    assert answer.json()["state"] == "closed" and answer.json()["outcome"] == outcome
    assert answer.json()["closed_at"] is not None
    assert answer.json()["note"] == body.get("note")
    assert rasa.calls() == [
        (
            "/conversations/conv-end/tracker/events",
            {"execute_side_effects": "true", "output_channel": "latest", "token": RASA_TOKEN},
            [{"event": "resume"}],
        ),
        (
            "/conversations/conv-end/trigger_intent",
            {"output_channel": "latest", "token": RASA_TOKEN},
            {"name": "EXTERNAL_handoff_closed", "entities": {}},
        ),
    ]
    again = api.post(f"{API}/{handoff['id']}/{action}", json={"consultant_id": consultant.id, **body})
    assert again.status_code == 409 and again.json() == {"detail": "Handoff is not accepted"}
    late = api.post(f"{API}/{handoff['id']}/messages", json={"consultant_id": consultant.id, "text": "Nog iets"})
    assert late.status_code == 409
    assert api.get(f"{API}/by-conversation/conv-end").status_code == 404
    assert api.post(API, json=_body("conv-end")).status_code == 201  # a new handoff may start


def test_redirect_queues_again_for_the_new_werkwinkel(
    api: TestClient, rasa: FakeRasa, consultants: list[Consultant], session: Session
) -> None:
    office = session.scalars(select(Office).where(Office.name == "Werkwinkel Hasselt")).one()
    handoff = _claimed(api, consultants[0], "conv-redirect")
    rasa.requests.clear()
    answer = api.post(f"{API}/{handoff['id']}/redirect", json={"office_id": office.id})
    assert answer.status_code == 200
    moved = answer.json()
    assert moved["state"] == "waiting" and moved["consultant_id"] is None and moved["accepted_at"] is None
    assert moved["office"] == {"id": office.id, "name": "Werkwinkel Hasselt"} and moved["province"] == "Limburg"
    assert moved["queue_position"] == 1
    [(path, _, events)] = rasa.calls()
    assert path == "/conversations/conv-redirect/tracker/events"
    # A message only: no resume, the bot stays silent for the next consultant.
    assert events == [
        {
            "event": "bot",
            "text": "Ik geef je door aan werkwinkel Hasselt. Een medewerker daar helpt je zo snel mogelijk verder.",
            "metadata": {"from": "backoffice"},
        }
    ]
    assert api.post(f"{API}/{handoff['id']}/claim", json={"consultant_id": consultants[1].id}).status_code == 200
    assert api.post(f"{API}/{handoff['id']}/redirect", json={"office_id": 2_000_000}).status_code == 404


def test_time_out_offers_an_appointment(
    api: TestClient, rasa: FakeRasa, session: Session, settings: Settings, test_clock: FixedClock
) -> None:
    waiting = _create(api, "conv-slow")
    callback = _create(api, "conv-callback", kind="callback")
    start = test_clock.clock.now
    assert (
        service.expire_waiting(session=session, settings=settings, clock=Clock.at(start + timedelta(minutes=9))) == []
    )
    later = Clock.at(start + timedelta(minutes=10))
    expired = service.expire_waiting(session=session, settings=settings, clock=later)
    assert [handoff.id for handoff in expired] == [waiting["id"]]
    session.commit()
    fake = rasa.client()
    delivery.deliver_handoff(session=session, client=fake, handoff_id=waiting["id"], clock=later)
    assert [(path, body) for path, _, body in rasa.calls()] == [
        ("/conversations/conv-slow/tracker/events", [{"event": "resume"}]),
        ("/conversations/conv-slow/trigger_intent", {"name": "EXTERNAL_handoff_timed_out", "entities": {}}),
    ]
    assert api.get(f"{API}/{waiting['id']}").json()["state"] == "timed_out"
    assert api.get(f"{API}/{callback['id']}").json()["state"] == "waiting"
    assert api.post(f"{API}/{waiting['id']}/claim", json={"consultant_id": 1}).status_code == 409
    fake.close()


# --- cancel and errors ---


def test_cancel_while_waiting_only(api: TestClient, consultants: list[Consultant]) -> None:
    handoff = _create(api, "conv-cancel")
    answer = api.post(f"{API}/{handoff['id']}/cancel")
    assert answer.status_code == 200 and answer.json()["state"] == "cancelled"
    assert api.post(f"{API}/{handoff['id']}/cancel").json() == {"detail": "Handoff is not waiting"}
    claimed = _claimed(api, consultants[0], "conv-cancel-late")
    late = api.post(f"{API}/{claimed['id']}/cancel")
    assert late.status_code == 409


def test_errors_are_clear(api: TestClient, consultants: list[Consultant]) -> None:
    assert api.get(f"{API}/999999").json() == {"detail": "Handoff not found"}
    assert api.post(f"{API}/999999/claim", json={"consultant_id": consultants[0].id}).status_code == 404
    assert api.get(f"{API}/0").status_code == 422
    waiting = _create(api, "conv-errors")
    unknown = api.post(f"{API}/{waiting['id']}/claim", json={"consultant_id": 2_000_000})
    assert unknown.status_code == 404 and unknown.json() == {"detail": "Consultant not found"}
    early = api.post(f"{API}/{waiting['id']}/messages", json={"consultant_id": consultants[0].id, "text": "Hallo"})
    assert early.status_code == 409 and early.json() == {"detail": "Handoff is not accepted"}
    claimed = _claimed(api, consultants[0], "conv-errors-2")
    for text_ in ("", "   ", "x" * 2001):
        wrong = api.post(f"{API}/{claimed['id']}/messages", json={"consultant_id": consultants[0].id, "text": text_})
        assert wrong.status_code == 422
        assert wrong.json()["detail"] == "Invalid request" and "xxxx" not in wrong.text
    other = api.post(f"{API}/{claimed['id']}/messages", json={"consultant_id": consultants[1].id, "text": "Hallo"})
    assert other.status_code == 409
    assert (
        api.post(f"{API}/{claimed['id']}/close", json={"consultant_id": consultants[0].id, "outcome": " "}).status_code
        == 422
    )


# --- relay from Rasa's event broker ---


@pytest.fixture
def events_engine(tmp_path) -> Iterator[Engine]:
    engine = create_engine(f"sqlite:///{tmp_path / 'rasa_events.db'}")
    with engine.begin() as connection:
        # The table Rasa's SQLEventBroker creates.
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), data TEXT)"))
    yield engine
    engine.dispose()


def _publish(engine: Engine, sender_id: str, event: dict[str, Any], at: datetime) -> None:
    stamped = {**event, "timestamp": at.replace(tzinfo=UTC).timestamp()}
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO events (sender_id, data) VALUES (:sender, :data)"),
            {"sender": sender_id, "data": json.dumps(stamped)},
        )


def test_relay_stores_jobseeker_messages_once(
    api: TestClient, session: Session, events_engine: Engine, test_clock: FixedClock, consultants: list[Consultant]
) -> None:
    now = test_clock.clock.now
    _publish(
        events_engine, "conv-relay", {"event": "user", "text": "ik wil iemand spreken"}, now - timedelta(seconds=5)
    )
    handoff = _claimed(api, consultants[0], "conv-relay")
    _publish(events_engine, "conv-relay", {"event": "user", "text": "Hallo, ben je daar?"}, now + timedelta(seconds=1))
    _publish(events_engine, "other", {"event": "user", "text": "geen handoff hier"}, now + timedelta(seconds=1))
    _publish(events_engine, "conv-relay", {"event": "action", "name": "action_listen"}, now + timedelta(seconds=1))
    _publish(
        events_engine,
        "conv-relay",
        {"event": "bot", "text": "Dag!", "metadata": {"from": "consultant", "consultant": "X"}},
        now + timedelta(seconds=2),
    )
    _publish(
        events_engine,
        "conv-relay",
        {"event": "bot", "text": "Kies:", "data": {"buttons": [{"title": "Ja, graag", "payload": "/affirm"}]}},
        now + timedelta(seconds=3),
    )
    _publish(events_engine, "conv-relay", {"event": "user", "text": "/affirm"}, now + timedelta(seconds=4))
    _publish(events_engine, "conv-relay", {"event": "user", "text": "/EXTERNAL_reminder"}, now + timedelta(seconds=4))

    relay = EventRelay(events_engine=events_engine, batch_size=3)  # several batches
    stored = sum(relay.run_once(session=session, clock=test_clock.clock) for _ in range(4))
    session.commit()
    assert stored == 3
    messages = api.get(f"{API}/{handoff['id']}/messages").json()
    assert [(m["sender"], m["text"]) for m in messages] == [
        ("bot", messages[0]["text"]),  # the greeting the backoffice sent on claim
        ("jobseeker", "Hallo, ben je daar?"),
        ("bot", "Kies:"),
        ("jobseeker", "Ja, graag"),
    ]
    assert messages[1]["source_event_id"] == 2

    # A new relay (a restart) goes on from the stored cursor; a rewound one stores nothing twice.
    assert session.get(RelayCursor, "rasa_events").last_event_id == 8
    assert EventRelay(events_engine=events_engine).run_once(session=session, clock=test_clock.clock) == 0
    session.execute(text("UPDATE relay_cursor SET last_event_id = 0"))
    session.expire_all()
    assert EventRelay(events_engine=events_engine).run_once(session=session, clock=test_clock.clock) == 0
    count = session.scalars(select(HandoffMessage).where(HandoffMessage.handoff_id == handoff["id"])).all()
    assert len(count) == 4


def test_relay_reads_a_late_row_for_the_handoff_it_belonged_to(
    api: TestClient, session: Session, events_engine: Engine, test_clock: FixedClock, consultants: list[Consultant]
) -> None:
    now = test_clock.clock.now
    handoff = _claimed(api, consultants[0], "conv-late")
    _publish(events_engine, "conv-late", {"event": "user", "text": "Bedankt!"}, now + timedelta(seconds=1))
    test_clock.clock = Clock.at(now + timedelta(seconds=2))
    api.post(f"{API}/{handoff['id']}/close", json={"consultant_id": consultants[0].id, "outcome": "Geholpen"})
    _publish(events_engine, "conv-late", {"event": "user", "text": "na het einde"}, now + timedelta(seconds=3))
    assert EventRelay(events_engine=events_engine).run_once(session=session, clock=test_clock.clock) == 1
    texts = [m.text for m in session.scalars(select(HandoffMessage).where(HandoffMessage.handoff_id == handoff["id"]))]
    assert "Bedankt!" in texts and "na het einde" not in texts


def test_relay_waits_quietly_for_rasa(session: Session, tmp_path, test_clock: FixedClock) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert EventRelay(events_engine=engine).run_once(session=session, clock=test_clock.clock) == 0
    missing_dir = create_engine(f"sqlite:///{tmp_path / 'nowhere' / 'events.db'}")
    assert EventRelay(events_engine=missing_dir).run_once(session=session, clock=test_clock.clock) == 0
    engine.dispose()
    missing_dir.dispose()


# --- the background loop on a database of its own (it commits) ---


def test_background_jobs_relay_deliver_and_start_with_the_app(
    tmp_path, events_engine: Engine, rasa: FakeRasa, settings: Settings
) -> None:
    url = f"sqlite:///{tmp_path / 'jobs.db'}"
    migrate(url)
    engine = make_engine(url)
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    clock = Clock.on(MONDAY, hour=10)
    with factory() as session:
        session.add(
            Office(
                name="Werkwinkel Test",
                municipality_nis="44021",
                municipality="Gent",
                postcode="9000",
                province="Oost-Vlaanderen",
                address="Teststraat 1 (verzonnen adres)",
            )
        )
        session.flush()
        office = session.scalars(select(Office)).one()
        session.add(
            Consultant(
                first_name="Sofie",
                last_name="Verzonnen",
                email="sofie@example.invalid",
                employment="voltijds",
                office_id=office.id,
            )
        )
        session.flush()
        consultant = session.scalars(select(Consultant)).one()
        request = service.HandoffCreate.model_validate(_body("conv-jobs"))
        handoff, _ = service.create_handoff(session=session, request=request, settings=settings, clock=clock)
        service.claim(session=session, handoff=handoff, consultant_id=consultant.id, clock=clock)
        session.commit()
    _publish(events_engine, "conv-jobs", {"event": "user", "text": "Dag Sofie"}, clock.now + timedelta(seconds=1))
    fake = rasa.client()
    jobs = HandoffJobs(
        settings=settings, session_factory=factory, clock=lambda: clock, events_engine=events_engine, rasa=fake
    )
    jobs.relay_and_deliver()
    jobs.expire()
    with factory() as session:
        texts = [m.text for m in session.scalars(select(HandoffMessage).order_by(HandoffMessage.id))]
        assert texts == ["Je praat nu met Sofie van werkwinkel Test.", "Dag Sofie"]
        assert session.scalars(select(HandoffPush.status)).all() == ["delivered"]
    assert [path for path, _, _ in rasa.calls()] == ["/conversations/conv-jobs/tracker/events"]

    # The app starts its loop (nothing listens on the Rasa port) and stops it cleanly.
    running = settings.model_copy(
        update={
            "database_url": url,
            "background_jobs_enabled": True,
            "rasa_url": "http://127.0.0.1:9",
            "rasa_events_db_url": str(events_engine.url),
        }
    )
    app = create_app()
    app.dependency_overrides[get_settings] = lambda: running
    with TestClient(app) as started:
        assert started.get(f"{API}/availability", headers={"Authorization": f"Bearer {API_TOKEN}"}).status_code == 200
        time.sleep(0.6)
    engine.dispose()

    # Migration 0004 goes down again cleanly.
    config = Config(str(REPO_ROOT / "backoffice" / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url)
    command.downgrade(config, "0003")
    tables = set(inspect(make_engine(url)).get_table_names())
    assert not {"handoffs", "handoff_messages", "handoff_pushes", "relay_cursor"} & tables
