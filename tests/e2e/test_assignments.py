"""Assignments through the real stack over REST: list, walk through to done, report done, unknown."""

import uuid

import httpx

from tests.e2e.stack import Stack
from tests.e2e.test_conversation import demo_login, say

MAX_TURNS = 12


def backoffice(stack: Stack) -> httpx.Client:
    return httpx.Client(
        base_url=f"{stack.backoffice_url}/api/v1", headers={"Authorization": f"Bearer {stack.api_token}"}, timeout=10
    )


def open_assignments(stack: Stack, jobseeker_id: int) -> list[dict]:
    with backoffice(stack) as api:
        answer = api.get(f"/jobseekers/{jobseeker_id}/assignments")
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_list_then_walk_through_the_most_urgent_to_done(stack: Stack, rest: httpx.Client) -> None:
    login = demo_login(stack, index=0)
    before = open_assignments(stack, login["jobseeker_id"])
    assert len(before) >= 2, "demo jobseekers start with open assignments"
    most_urgent = before[0]
    sender = f"web-{uuid.uuid4().hex}"

    listing = say(
        rest, sender, "Welke opdrachten moet ik nog doen?", metadata={"identity_token": login["identity_token"]}
    )
    assert listing[0].startswith(f"Je hebt nog {len(before)} opdrachten:")
    assert f"1. {most_urgent['title']}" in listing[0]
    assert most_urgent["title"] in listing[-1]

    answers = say(rest, sender, "ja")
    assert any(f"'{most_urgent['title']}'" in text for text in answers)
    assert answers[-1] == "Lukt het?"
    for _ in range(MAX_TURNS):
        answers = say(rest, sender, "ja, dat is gelukt")
        if any("is klaar" in text for text in answers):
            break
        assert answers[-1] == "Lukt het?", answers
    else:
        raise AssertionError("the walkthrough never finished")

    with backoffice(stack) as api:
        done = api.get(f"/assignments/{most_urgent['id']}").json()
    assert done["status"] == "done"
    assert done["completion"] == "self_reported"
    assert most_urgent["id"] not in [item["id"] for item in open_assignments(stack, login["jobseeker_id"])]


def test_help_on_a_step_then_stop_and_resume_later(stack: Stack, rest: httpx.Client) -> None:
    login = demo_login(stack, index=1)
    first = open_assignments(stack, login["jobseeker_id"])[0]
    sender = f"web-{uuid.uuid4().hex}"
    token = {"identity_token": login["identity_token"]}

    say(rest, sender, "Welke opdrachten heb ik nog?", metadata=token)
    say(rest, sender, "ja")
    help_answer = say(rest, sender, "nee, dat lukt me niet")
    assert help_answer[0].startswith("Geen probleem. Zo kan het:")
    assert help_answer[-1] == "Lukt het nu?"
    paused = say(rest, sender, "ik stop ermee, tot later")
    assert "We stoppen hier" in paused[0] or "we stoppen hier" in paused[0]

    with backoffice(stack) as api:
        history = api.get(f"/assignments/{first['id']}/history").json()
    assert {"step_failed", "paused"} <= {event["to_value"] for event in history if event["change"] == "noticed"}

    # Later, in a new conversation: it continues where it stopped. The demo jobseeker may have
    # another assignment under way too, so the jobseeker names this one.
    request = f"Kan je me helpen met mijn opdracht over {first['keywords'][0]}?"
    again = say(rest, f"web-{uuid.uuid4().hex}", request, metadata=token)
    assert any(first["title"] in text for text in again), (first["title"], again)


def test_report_done_in_words(stack: Stack, rest: httpx.Client) -> None:
    login = demo_login(stack, index=2)
    contact = next(
        (item for item in open_assignments(stack, login["jobseeker_id"]) if item["kind"] == "check_contact_details"),
        None,
    )
    if contact is None:  # the demo seed varies the state; pick any open one by its first keyword
        contact = open_assignments(stack, login["jobseeker_id"])[0]
    sentence = (
        "ik heb mijn contactgegevens nagekeken"
        if contact["kind"] == "check_contact_details"
        else f"ik heb de opdracht {contact['keywords'][0]} gedaan"
    )
    answers = say(rest, f"web-{uuid.uuid4().hex}", sentence, metadata={"identity_token": login["identity_token"]})
    assert any(f"'{contact['title']}' is klaar" in text for text in answers), answers
    with backoffice(stack) as api:
        assert api.get(f"/assignments/{contact['id']}").json()["status"] == "done"


def test_anonymous_jobseeker_is_told_how_to_sign_in(rest: httpx.Client) -> None:
    answers = say(rest, f"anon-{uuid.uuid4().hex}", "welke opdrachten moet ik nog doen")
    assert answers[0].startswith("Ik weet nog niet wie je bent.")
    assert "0800 30 700" in answers[0]
