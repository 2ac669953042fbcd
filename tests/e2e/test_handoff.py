"""Handoff to a person through the real stack over REST: queue, cancel, live relay both ways
through the backoffice API, hand back, time-out and office hours."""

import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.e2e.stack import Stack
from tests.e2e.test_assignments import backoffice
from tests.e2e.test_conversation import demo_login, say

RELAY_DEADLINE_SECONDS = 2.0
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def open_handoff(stack: Stack, sender: str) -> dict | None:
    with backoffice(stack) as api:
        answer = api.get(f"/handoffs/by-conversation/{sender}")
    return answer.json() if answer.status_code == 200 else None


def within(seconds: float, probe: Callable[[], object]) -> object:
    """The first truthy value of probe() within the deadline; fails with the last value otherwise."""
    deadline = time.monotonic() + seconds
    value = probe()
    while not value and time.monotonic() < deadline:
        time.sleep(0.1)
        value = probe()
    assert value, f"not within {seconds} s"
    return value


def bot_texts(rest: httpx.Client, stack: Stack, sender: str) -> list[str]:
    tracker = rest.get(f"/conversations/{sender}/tracker", params={"token": stack.rasa_token}).json()
    return [event.get("text") or "" for event in tracker["events"] if event["event"] == "bot"]


def consultant_id(stack: Stack) -> int:
    # The demo seed's consultants; any of them may take a Servicelijn conversation.
    return 1


@pytest.fixture
def waiting(stack: Stack, rest: httpx.Client) -> Iterator[tuple[str, dict]]:
    login = demo_login(stack, index=2)
    sender = f"web-{uuid.uuid4().hex}"
    say(rest, sender, "Ik zoek werk als magazijnier in Gent", metadata={"identity_token": login["identity_token"]})
    answer = say(rest, sender, "Ik wil iemand spreken")
    assert answer[0] == "Ik zoek een medewerker voor je.", answer
    assert "in de rij" in answer[1]
    handoff = open_handoff(stack, sender)
    assert handoff is not None and handoff["state"] == "waiting"
    yield sender, handoff


def test_an_explicit_request_queues_the_conversation_with_its_transcript(stack: Stack, waiting) -> None:
    sender, handoff = waiting
    with backoffice(stack) as api:
        detail = api.get(f"/handoffs/{handoff['id']}").json()
    assert detail["reason"] == "requested" and detail["kind"] == "live" and detail["channel"] == "rest"
    assert detail["jobseeker_id"] is not None and detail["summary"]
    assert [line["text"] for line in detail["transcript"] if line["sender"] == "jobseeker"][:2] == [
        "Ik zoek werk als magazijnier in Gent",
        "Ik wil iemand spreken",
    ]


def test_no_while_waiting_cancels(stack: Stack, rest: httpx.Client, waiting) -> None:
    sender, handoff = waiting
    answer = say(rest, sender, "nee")
    assert answer[0].startswith("Goed. Je wacht niet meer.")
    with backoffice(stack) as api:
        assert api.get(f"/handoffs/{handoff['id']}").json()["state"] == "cancelled"


def test_live_relay_both_ways_then_the_bot_resumes_with_a_recap(stack: Stack, rest: httpx.Client, waiting) -> None:
    sender, handoff = waiting
    with backoffice(stack) as api:
        claimed = api.post(f"/handoffs/{handoff['id']}/claim", json={"consultant_id": consultant_id(stack)})
        assert claimed.status_code == 200, claimed.text
        within(RELAY_DEADLINE_SECONDS, lambda: any("Je praat nu met" in t for t in bot_texts(rest, stack, sender)))

        # The bot is silent while the consultant has the conversation; the message reaches them.
        assert say(rest, sender, "Hallo, ik heb een vraag over mijn cv") == []
        sent = time.monotonic()
        within(
            RELAY_DEADLINE_SECONDS,
            lambda: any(
                m["sender"] == "jobseeker" and m["text"] == "Hallo, ik heb een vraag over mijn cv"
                for m in api.get(f"/handoffs/{handoff['id']}/messages").json()
            ),
        )
        assert time.monotonic() - sent <= RELAY_DEADLINE_SECONDS

        reply = api.post(
            f"/handoffs/{handoff['id']}/messages",
            json={"consultant_id": consultant_id(stack), "text": "Dag! Stuur me je cv gerust door."},
        )
        assert reply.status_code == 201, reply.text
        within(
            RELAY_DEADLINE_SECONDS,
            lambda: "Dag! Stuur me je cv gerust door." in bot_texts(rest, stack, sender),
        )

        back = api.post(f"/handoffs/{handoff['id']}/hand-back", json={"consultant_id": consultant_id(stack)})
        assert back.status_code == 200, back.text
        within(5, lambda: any("Ik ben er weer voor je" in t for t in bot_texts(rest, stack, sender)))
    assert open_handoff(stack, sender) is None
    # The bot answers again.
    assert any("Graag gedaan" in text for text in say(rest, sender, "merci"))


def test_nobody_in_time_offers_an_appointment(stack: Stack, rest: httpx.Client) -> None:
    stack.restart_backoffice(HANDOFF_WAIT_TIMEOUT_MINUTES="0.05")
    try:
        sender = f"web-{uuid.uuid4().hex}"
        login = demo_login(stack, index=3)
        say(rest, sender, "hallo", metadata={"identity_token": login["identity_token"]})
        say(rest, sender, "ik wil met een medewerker praten")
        within(
            20,
            lambda: any("Zal ik een afspraak voor je maken" in t for t in bot_texts(rest, stack, sender)),
        )
        with backoffice(stack) as api:
            states = [item["state"] for item in api.get("/handoffs", params={"state": "timed_out"}).json()]
        assert "timed_out" in states
        offer = say(rest, sender, "ja")
        assert offer and offer[0].startswith("Je kan langskomen in werkwinkel")
    finally:
        stack.restart_backoffice()


def test_outside_office_hours_a_call_back_instead_of_a_live_chat(stack: Stack, rest: httpx.Client) -> None:
    tomorrow = DAYS[(datetime.now(ZoneInfo("Europe/Brussels")) + timedelta(days=1)).weekday()]
    stack.restart_backoffice(SERVICELIJN_HOURS=f"{tomorrow} 08:00-19:00")
    try:
        sender = f"web-{uuid.uuid4().hex}"
        login = demo_login(stack, index=4)
        say(rest, sender, "hallo", metadata={"identity_token": login["identity_token"]})
        answer = say(rest, sender, "ik wil iemand spreken")
        assert answer[0].startswith("Onze medewerkers zijn er nu niet.")
        assert answer[-1] == "Zal een medewerker je terugbellen?"
        assert say(rest, sender, "ja") == [
            "Goed. Een medewerker belt je terug. Dat is de eerstvolgende werkdag, tussen 8 en 19 uur."
        ]
        handoff = open_handoff(stack, sender)
        assert handoff is not None and handoff["kind"] == "callback"
    finally:
        stack.restart_backoffice()


def test_a_jobseeker_message_sent_while_the_backoffice_restarts_still_reaches_the_consultant(
    stack: Stack, rest: httpx.Client, waiting
) -> None:
    sender, handoff = waiting
    with backoffice(stack) as api:
        assert api.post(f"/handoffs/{handoff['id']}/claim", json={"consultant_id": consultant_id(stack)}).is_success
    stack.stop("backoffice")
    try:
        # Rasa keeps the message in its event broker's table while the backoffice is away.
        assert say(rest, sender, "Zijn jullie er nog?") == []
    finally:
        stack.restart_backoffice()
    with backoffice(stack) as api:
        within(
            10,
            lambda: (
                [
                    m["text"]
                    for m in api.get(f"/handoffs/{handoff['id']}/messages").json()
                    if m["sender"] == "jobseeker"
                ].count("Zijn jullie er nog?")
                == 1
            ),
        )
        assert api.post(
            f"/handoffs/{handoff['id']}/close", json={"consultant_id": consultant_id(stack), "outcome": "test"}
        ).is_success
