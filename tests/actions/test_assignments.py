"""The assignment flows turn by turn against a local fake backoffice: list, walk through, help,
a person after two failures, stop and resume on another channel, report done, bad states."""

from datetime import datetime

import pytest
from rasa_sdk.events import ReminderScheduled

from actions import clock
from actions.clock import BRUSSELS
from tests.actions.conversation import LOTTE, Conversation, converse
from tests.actions.fake_backoffice import FakeBackoffice

NOW = datetime(2026, 11, 23, 14, 0, tzinfo=BRUSSELS)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now_in_brussels", lambda: NOW)


def test_unknown_jobseeker_is_asked_to_sign_in_without_calling_the_backoffice() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        turn = await conversation.say("welke opdrachten heb ik", "ask_assignments")
        return turn, fake.requests

    turn, requests = converse(scenario, slots={})
    assert turn.responses == ["utter_assignments_need_login"]
    assert requests == []


def test_list_is_most_urgent_first_and_offers_to_start_the_first() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        return await conversation.say("Welke opdrachten moet ik nog doen?", "ask_assignments"), conversation

    turn, conversation = converse(scenario)
    listing = turn.texts[0]
    assert listing.splitlines() == [
        "Je hebt nog 3 opdrachten:",
        "1. Vul je cv aan (te laat)",
        "2. Kies je jobdoelen (klaar tegen maandag 30 november)",
        "3. Controleer je contactgegevens (klaar tegen vrijdag 4 december)",
    ]
    offer = turn.message("utter_ask_start_first_assignment")
    assert offer["title"] == "Vul je cv aan"
    payloads = [button["payload"] for button in offer["buttons"]]
    assert payloads == [
        "/affirm",
        '/ask_assignment_help{"assignment_id": "12"}',
        '/ask_assignment_help{"assignment_id": "13"}',
        "/request_human",
    ]
    assert conversation.slots["assignment_id"] == "11"
    reminders = [event for event in turn.events if event["event"] == "reminder"]
    assert reminders == [
        ReminderScheduled(
            "EXTERNAL_assignment_reminder",
            datetime(2026, 11, 24, 10, 0, tzinfo=BRUSSELS),
            name="assignment_reminder",
            kill_on_user_message=False,
        )
    ]


def test_sms_list_is_one_short_message() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        fake.assignments.extend(
            {**fake.assignments[1], "id": 20 + n, "title": f"Extra {n}", "due_date": "2026-12-20"} for n in range(3)
        )
        return await conversation.say("wa moet ik nog doen", "ask_assignments")

    turn = converse(scenario, channel="sms")
    listing = turn.texts[0]
    assert "\n" not in listing
    assert listing.startswith("Je hebt nog 6 opdrachten: 1. Vul je cv aan (te laat)")
    assert listing.endswith("En nog 3 andere.")


def test_walk_through_every_step_then_done_and_what_is_next() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        turns = [await conversation.say("Welke opdrachten moet ik nog doen?", "ask_assignments")]
        for _ in range(4):
            turns.append(await conversation.say("ja", "affirm"))
        return turns, fake.assignment(11), conversation.slots

    turns, cv, slots = converse(scenario)
    start = turns[1]
    assert start.responses == ["utter_assignment_start", "utter_assignment_step", "utter_ask_step_ok"]
    assert start.message("utter_assignment_step")["step_number"] == 1
    assert turns[2].message("utter_assignment_step")["step_number"] == 2
    assert turns[3].message("utter_assignment_step")["step_number"] == 3
    assert turns[4].responses == ["utter_assignment_done", "utter_assignment_next"]
    assert turns[4].message("utter_assignment_next")["title"] == "Kies je jobdoelen"
    assert cv["status"] == "done"
    assert cv["completion"] == "self_reported"
    assert slots["assignment_id"] == "12", "a 'ja' now starts the next assignment"


def test_a_step_that_fails_gets_help_then_a_person() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        await conversation.say("help met mijn cv", "ask_assignment_help")
        first_no = await conversation.say("nee", "deny")
        second_no = await conversation.say("nee het lukt echt niet", "deny")
        yes = await conversation.say("ja graag", "affirm")
        return first_no, second_no, yes, fake

    first_no, second_no, yes, fake = converse(scenario)
    notes = fake.notes
    assert first_no.responses == ["utter_assignment_step_help", "utter_ask_step_ok_again"]
    assert first_no.message("utter_assignment_step_help")["help"] == "Hulp bij stap 1."
    assert second_no.responses == ["utter_assignment_offer_person"]
    assert yes.texts[0] == "Ik zoek een medewerker voor je.", "a 'ja' puts Lotte in the queue for a person"
    [handoff] = fake.dispatch.handoffs
    assert handoff["topic"] == "ask_assignment_help"
    assert [(note["kind"], note["step"], note["channel"]) for note in notes] == [
        ("step_failed", 0, "web"),
        ("person_offered", 0, "web"),
    ]


def test_stop_halfway_and_resume_on_another_channel() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        await conversation.say("kan je me helpen met mijn cv", "ask_assignment_help")
        await conversation.say("ja", "affirm")
        paused = await conversation.say("ik stop, tot later", "goodbye")
        by_sms = Conversation(channel="sms", slots=dict(LOTTE))
        resumed = await by_sms.say("hulp bij cv opdracht", "ask_assignment_help")
        return paused, resumed, fake.notes

    paused, resumed, notes = converse(scenario)
    assert paused.responses == ["utter_assignment_paused"]
    assert paused.message("utter_assignment_paused")["step_number"] == 2
    assert resumed.responses == ["utter_assignment_resume", "utter_assignment_step", "utter_ask_step_ok"]
    assert resumed.message("utter_assignment_step")["step_number"] == 2
    assert notes[-1]["kind"] == "paused"


def test_a_yes_after_a_detour_does_not_move_an_assignment_on() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        await conversation.say("help met mijn cv", "ask_assignment_help")
        await conversation.say("hoe laat is het", "goodbye")  # any other turn in between
        late_yes = await conversation.say("ja", "affirm")
        return late_yes, fake.assignment(11)

    late_yes, cv = converse(scenario)
    assert late_yes.responses == ["utter_noted"]
    assert cv["current_step"] == 0


def test_report_done_by_naming_the_assignment() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        turn = await conversation.say("Ik heb mijn CV aangevuld!", "report_assignment_done")
        return turn, fake.assignment(11)

    turn, cv = converse(scenario)
    assert turn.responses == ["utter_assignment_done", "utter_assignment_next"]
    assert turn.message("utter_assignment_done")["title"] == "Vul je cv aan"
    assert cv["status"] == "done"


def test_report_done_without_saying_which_asks_with_buttons() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        which = await conversation.say("ik heb het gedaan", "report_assignment_done")
        chosen = await conversation.say(
            '/report_assignment_done{"assignment_id": "13"}', "report_assignment_done", {"assignment_id": "13"}
        )
        again = await conversation.say(
            '/report_assignment_done{"assignment_id": "13"}', "report_assignment_done", {"assignment_id": "13"}
        )
        return which, chosen, again, fake.assignment(13)

    which, chosen, again, contact = converse(scenario)
    assert which.responses == ["utter_assignment_report_which"]
    assert '/report_assignment_done{"assignment_id": "11"}' in [b["payload"] for b in which.messages[0]["buttons"]]
    assert chosen.message("utter_assignment_done")["title"] == "Controleer je contactgegevens"
    assert contact["status"] == "done"
    assert again.responses == ["utter_assignment_already_done"]


def test_nothing_left_is_a_clear_answer() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        fake.assignments.clear()
        return await conversation.say("mijn opdrachten", "ask_assignments")

    assert converse(scenario).responses == ["utter_assignments_none"]


def test_backoffice_down_gets_an_apology_and_the_free_number() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        return await conversation.say("mijn opdrachten", "ask_assignments")

    assert converse(scenario, backoffice_down=True).responses == ["utter_backoffice_trouble"]


def test_forged_button_id_of_someone_else_is_not_found() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        return await conversation.say(
            '/ask_assignment_help{"assignment_id": "99999"}', "ask_assignment_help", {"assignment_id": "99999"}
        )

    assert converse(scenario).responses == ["utter_assignment_which"]


def test_someone_elses_assignment_cannot_be_marked_done() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        fake.assignments.append({**fake.assignments[0], "id": 50, "jobseeker_id": 8})
        turn = await conversation.say(
            '/report_assignment_done{"assignment_id": "50"}', "report_assignment_done", {"assignment_id": "50"}
        )
        return turn, fake.assignment(50)

    turn, other = converse(scenario)
    assert turn.responses == ["utter_assignment_gone"]
    assert other["status"] == "open"


def test_done_said_after_lukt_het_moves_to_the_next_step_only() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        await conversation.say("help met mijn cv", "ask_assignment_help")
        turn = await conversation.say("ja dat is gelukt", "report_assignment_done")
        return turn, fake.assignment(11)

    turn, cv = converse(scenario)
    assert turn.message("utter_assignment_step")["step_number"] == 2
    assert cv["status"] == "in_progress"
