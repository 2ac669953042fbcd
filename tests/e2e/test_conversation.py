"""A short Dutch conversation over the REST channel, through all three real processes."""

import uuid

import httpx

from tests.e2e.stack import Stack


def say(rest: httpx.Client, sender: str, message: str, **extra: object) -> list[str]:
    answer = rest.post("/webhooks/rest/webhook", json={"sender": sender, "message": message, **extra})
    assert answer.status_code == 200, answer.text
    return [item.get("text", "") for item in answer.json()]


def demo_login(stack: Stack, index: int = 0) -> dict:
    picker = httpx.get(f"{stack.backoffice_url}/api/v1/widget/demo-jobseekers").json()
    return httpx.post(
        f"{stack.backoffice_url}/api/v1/widget/demo-login", json={"jobseeker_id": picker[index]["id"]}
    ).json()


def test_anonymous_conversation_in_dutch(rest: httpx.Client) -> None:
    sender = f"anon-{uuid.uuid4().hex}"
    greeting = say(rest, sender, "hallo")
    assert greeting and greeting[0].startswith("Dag!")
    assert say(rest, sender, "ik wil met iemand spreken")[0] == "Ik zoek een medewerker voor je."
    assert say(rest, sender, "nee")[0].startswith("Goed. Je wacht niet meer.")
    assert any("computer" in text for text in say(rest, sender, "ben jij een robot?"))
    assert any("Graag gedaan" in text for text in say(rest, sender, "merci"))
    assert any("Tot ziens" in text for text in say(rest, sender, "salut, tot de volgende keer"))


def test_known_jobseeker_is_greeted_by_first_name(stack: Stack, rest: httpx.Client) -> None:
    login = demo_login(stack, index=2)
    sender = f"web-{uuid.uuid4().hex}"
    greeting = say(rest, sender, "goeiemiddag", metadata={"identity_token": login["identity_token"]})
    assert greeting[0].startswith(f"Dag {login['first_name']}!")
    # The identity is remembered for the rest of the conversation, without a new token.
    assert say(rest, sender, "hallo")[0].startswith(f"Dag {login['first_name']}!")


def test_forged_identity_is_greeted_anonymously(rest: httpx.Client) -> None:
    greeting = say(rest, f"forged-{uuid.uuid4().hex}", "hallo", metadata={"identity_token": "eyJqaWQiOjF9.forged"})
    assert greeting[0].startswith("Dag!")


def test_bad_input_gets_a_kind_answer_or_a_clear_4xx(stack: Stack, rest: httpx.Client) -> None:
    sender = f"bad-{uuid.uuid4().hex}"
    say(rest, sender, "hallo")

    assert "leeg" in say(rest, sender, "")[0]
    assert "leeg" in say(rest, sender, "   \x00  ")[0]
    assert "te lang" in say(rest, sender, "werk " * 2000)[0]
    for odd in ("😀👍🏽", "<script>alert(1)</script>", "'; DROP TABLE events; --", "مرحبا", "{{7*7}}"):
        assert say(rest, sender, odd), odd  # some Dutch answer, no crash

    for body, content_type in [
        (b"{not json", "application/json"),
        (b'["a list"]', "application/json"),
        (b'{"message": "hallo"}', "application/json"),
        (b'{"sender": 12, "message": "hallo"}', "application/json"),
        (b'{"sender": "x", "message": "hallo", "metadata": "nope"}', "application/json"),
    ]:
        answer = rest.post("/webhooks/rest/webhook", content=body, headers={"content-type": content_type})
        assert answer.status_code == 400, body
        assert "detail" in answer.json()

    # Nothing stored was lost: the conversation still holds the first greeting.
    tracker = rest.get(f"/conversations/{sender}/tracker", params={"token": stack.rasa_token}).json()
    texts = [event.get("text") for event in tracker["events"] if event.get("event") == "user"]
    assert texts[0] == "hallo"
    assert "<script>alert(1)</script>" in texts


def test_rasa_http_api_needs_the_token(stack: Stack, rest: httpx.Client) -> None:
    assert rest.post("/model/parse", json={"text": "hallo"}).status_code == 401
    parsed = rest.post("/model/parse", params={"token": stack.rasa_token}, json={"text": "ik wil iemand spreken"})
    assert parsed.status_code == 200
    assert parsed.json()["intent"]["name"] == "request_human"
