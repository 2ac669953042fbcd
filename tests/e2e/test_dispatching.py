"""Digital dispatching through the real stack over REST: detection leading to an offer, booking
with e-mail and letter, and one moment booked by two jobseekers at once."""

import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.e2e.conftest import Outbox
from tests.e2e.stack import Stack
from tests.e2e.test_assignments import backoffice
from tests.e2e.test_conversation import demo_login


def say_full(rest: httpx.Client, sender: str, message: str, **extra: object) -> list[dict]:
    answer = rest.post("/webhooks/rest/webhook", json={"sender": sender, "message": message, **extra})
    assert answer.status_code == 200, answer.text
    return answer.json()


def texts(messages: list[dict]) -> list[str]:
    return [item.get("text", "") for item in messages]


def logins_in_one_office(stack: Stack, count: int, *, with_email: bool = False) -> list[dict]:
    """Demo jobseekers who share a werkwinkel, so they are offered the same moments."""
    picker = httpx.get(f"{stack.backoffice_url}/api/v1/widget/demo-jobseekers").json()
    by_office: dict[int, list[int]] = {}
    with backoffice(stack) as api:
        for person in picker:
            dossier = api.get(f"/jobseekers/{person['id']}").json()
            if with_email and not dossier["has_email"]:
                continue
            by_office.setdefault(dossier.get("office_id"), []).append(person["id"])
    ids = next(ids for office, ids in by_office.items() if office and len(ids) >= count)[:count]
    return [
        httpx.post(f"{stack.backoffice_url}/api/v1/widget/demo-login", json={"jobseeker_id": jobseeker}).json()
        for jobseeker in ids
    ]


def test_saying_the_computer_is_hard_leads_to_a_kind_offer(stack: Stack, rest: httpx.Client) -> None:
    login = demo_login(stack, index=5)
    sender = f"web-{uuid.uuid4().hex}"
    say_full(rest, sender, "hallo", metadata={"identity_token": login["identity_token"]})
    answer = say_full(rest, sender, "Ik heb nog nooit met een computer gewerkt, dat is te moeilijk voor mij")
    assert answer[0]["text"].startswith("Dank je dat je het zegt.")
    assert [button["title"] for button in answer[1]["buttons"]] == [
        "Afspraak in mijn werkwinkel",
        "Bel me terug",
        "Een computerles",
    ]
    courses = texts(say_full(rest, sender, "/ask_digital_course"))
    assert courses[0].startswith("Er zijn gratis computerlessen bij jou in de buurt:")
    with backoffice(stack) as api:
        dossier = api.get(f"/jobseekers/{login['jobseeker_id']}").json()
    assert "course" in json.dumps(dossier)


def test_booking_confirms_on_the_channel_by_e_mail_and_as_a_letter(
    stack: Stack, rest: httpx.Client, outbox: Outbox
) -> None:
    [login] = logins_in_one_office(stack, 1, with_email=True)
    sender = f"web-{uuid.uuid4().hex}"
    offer = say_full(rest, sender, "Ik wil een afspraak maken", metadata={"identity_token": login["identity_token"]})
    buttons = offer[0]["buttons"]
    assert len(buttons) == 3
    sent_before = len(outbox.messages)
    booked = texts(say_full(rest, sender, buttons[0]["payload"]))
    assert booked[0].startswith(f"Je afspraak staat vast: {buttons[0]['title']}.")
    with backoffice(stack) as api:
        [appointment] = api.get(f"/jobseekers/{login['jobseeker_id']}/appointments").json()
        letter = api.get(f"/appointments/{appointment['id']}/letter.pdf")
        notifications = api.get(f"/jobseekers/{login['jobseeker_id']}/notifications").json()
    assert letter.status_code == 200 and letter.content.startswith(b"%PDF")
    assert notifications, "the appointment shows in the personal account"
    assert appointment["email_status"] == "sent"
    [mail] = outbox.messages[sent_before:]
    body = mail.get_payload(decode=True) if not mail.is_multipart() else mail.get_payload(0).get_payload(decode=True)
    assert appointment["when_text"].split(" om ")[0] in body.decode("utf-8")
    assert "Je krijgt ook een mail." in booked[0]


def test_two_jobseekers_choosing_one_moment_at_once_one_wins_the_other_gets_others(
    stack: Stack, rest: httpx.Client
) -> None:
    first, second = logins_in_one_office(stack, 2)
    senders = [f"web-{uuid.uuid4().hex}" for _ in range(2)]
    offers = [
        say_full(rest, sender, "afspraak maken", metadata={"identity_token": login["identity_token"]})
        for sender, login in zip(senders, (first, second), strict=True)
    ]
    # The same first moment is offered to both; they press it at the same time.
    assert offers[0][0]["buttons"][0]["payload"] == offers[1][0]["buttons"][0]["payload"]
    payload = offers[0][0]["buttons"][0]["payload"]

    def press(sender: str) -> list[dict]:
        with httpx.Client(base_url=stack.rasa_url, timeout=60) as client:
            return say_full(client, sender, payload)

    with ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(press, senders))
    outcomes = sorted(texts(answer)[0].split(":")[0] for answer in answers)
    assert outcomes == [
        "Dat moment is net door iemand anders gekozen. Kies een ander moment.",
        "Je afspraak staat vast",
    ]
    loser = next(answer for answer in answers if answer[0]["text"].startswith("Dat moment"))
    assert loser[0]["buttons"] and all(button["payload"] != payload for button in loser[0]["buttons"])
