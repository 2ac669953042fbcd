"""The NLU through the real stack: normalised and resolved for the bot, original text kept in the tracker."""

import uuid

import httpx

from tests.e2e.stack import Stack
from tests.e2e.test_conversation import say


def tracker_of(stack: Stack, sender: str) -> dict:
    answer = httpx.get(f"{stack.rasa_url}/conversations/{sender}/tracker", params={"token": stack.rasa_token})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_phone_transcript_is_normalised_and_resolved_but_kept_as_said(stack: Stack, rest: httpx.Client) -> None:
    sender = f"phone-{uuid.uuid4().hex}"
    said = "euh ik zoek werk als poetsvrouw in negen nul nul nul"
    say(rest, sender, said)
    tracker = tracker_of(stack, sender)
    [user_event] = [event for event in tracker["events"] if event["event"] == "user"]
    assert user_event["text"] == said
    parsed = tracker["latest_message"]
    assert parsed["text_original"] == said
    assert parsed["text"] == "ik zoek werk als poetsvrouw in 9000"
    entities = {entity["entity"]: entity for entity in parsed["entities"]}
    assert entities["location"]["value"] == "Gent"
    assert entities["location"]["resolved"]["postcodes"] == ["9000"]
    assert entities["job_title"]["value"] == "schoonmaker"  # the canonical occupation of "poetsvrouw"


def test_rasa_http_api_needs_the_token(stack: Stack) -> None:
    answer = httpx.post(f"{stack.rasa_url}/model/parse", json={"text": "hallo"})
    assert answer.status_code == 401


def test_parse_api_resolves_a_deelgemeente(stack: Stack) -> None:
    answer = httpx.post(
        f"{stack.rasa_url}/model/parse", params={"token": stack.rasa_token}, json={"text": "werk in Sint-Amandsberg"}
    )
    assert answer.status_code == 200
    [location] = [entity for entity in answer.json()["entities"] if entity["entity"] == "location"]
    assert location["value"] == "Gent"
    assert location["resolved"]["kind"] == "deelgemeente"


def test_two_misunderstandings_in_a_row_lead_to_a_person(rest: httpx.Client) -> None:
    sender = f"lost-{uuid.uuid4().hex}"
    first = rest.post("/webhooks/rest/webhook", json={"sender": sender, "message": "/nlu_fallback"}).json()
    assert "begreep ik niet" in first[0]["text"]
    second = rest.post("/webhooks/rest/webhook", json={"sender": sender, "message": "/nlu_fallback"}).json()
    assert "medewerker" in second[0]["text"]
    assert "/request_human" in [button["payload"] for button in second[0]["buttons"]]
