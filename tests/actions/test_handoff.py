"""Asking for a person: queue, cancel, office hours, call back, and the bot's return."""

from actions.handoff import texts
from tests.actions.conversation import Conversation, converse
from tests.actions.fake_backoffice import FakeBackoffice


def test_a_request_in_office_hours_joins_the_queue_with_the_conversation_so_far() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        await chat.say("Ik zoek werk als magazijnier in Gent", "search_vacancies", action=_NoOp)
        return fake, await chat.say("ik wil iemand spreken", "request_human")

    fake, turn = converse(scenario)
    [handoff] = fake.dispatch.handoffs
    assert handoff["kind"] == "live" and handoff["reason"] == "requested"
    assert handoff["topic"] == "search_vacancies"
    assert handoff["jobseeker_id"] == 7 and handoff["channel"] == "web"
    assert [line["text"] for line in handoff["transcript"] if line["sender"] == "jobseeker"] == [
        "Ik zoek werk als magazijnier in Gent",
        "ik wil iemand spreken",
    ]
    assert turn.texts[0] == texts.LOOKING
    assert turn.texts[1].startswith("Je bent de eerste in de rij. Dat duurt ongeveer 4 minuten.")
    assert turn.messages[1]["buttons"] == [{"title": "Stop met wachten", "payload": "/deny"}]


def test_no_to_waiting_cancels_even_after_a_detour() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        await chat.say("medewerker", "request_human")
        await chat.say("dank je", "thank", action=_NoOp)
        return fake, await chat.say("nee", "deny")

    fake, turn = converse(scenario)
    assert fake.dispatch.handoffs[0]["state"] == "cancelled"
    assert turn.texts == [texts.CANCELLED]


def test_asking_again_while_waiting_tells_the_place_and_makes_no_second_handoff() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        await chat.say("medewerker", "request_human")
        return fake, await chat.say("ik wil echt iemand spreken", "request_human")

    fake, turn = converse(scenario)
    assert len(fake.dispatch.handoffs) == 1
    assert turn.texts[0] == texts.ALREADY_WAITING


def test_outside_office_hours_a_call_back_is_offered_and_booked_on_yes() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        fake.dispatch.office_open = False
        offer = await chat.say("mag ik iemand spreken", "request_human")
        return fake, offer, await chat.say("ja", "affirm")

    fake, offer, yes = converse(scenario, channel="sms")
    assert offer.texts == [texts.CLOSED.format(hours="op werkdagen van 8 tot 19 uur"), texts.ASK_CALLBACK]
    [handoff] = fake.dispatch.handoffs
    assert handoff["kind"] == "callback" and handoff["channel"] == "sms"
    assert yes.texts == [texts.CALLBACK_BOOKED]


def test_an_unknown_web_visitor_cannot_be_called_back_and_gets_the_free_number() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        fake.dispatch.office_open = False
        await chat.say("iemand spreken", "request_human")
        return fake, await chat.say("ja", "affirm")

    fake, yes = converse(scenario, slots={})
    assert fake.dispatch.handoffs == []
    assert yes.texts == [texts.CALLBACK_NEEDS_NUMBER]
    assert "0800 30 700" in yes.texts[0]


def test_yes_after_two_misunderstandings_hands_off_with_that_reason_and_evidence() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        await chat.say("blabla", "nlu_fallback")
        offer = await chat.say("blablabla", "nlu_fallback")
        return fake, offer, await chat.say("ja", "affirm")

    fake, offer, yes = converse(scenario)
    assert offer.responses == ["utter_offer_human"]
    [handoff] = fake.dispatch.handoffs
    assert handoff["reason"] == "misunderstood"
    assert {"code": "misunderstanding", "detail": None} in fake.dispatch.assessments[-1]["signals"]
    assert handoff["digital"]["level"] in ("digital", "human-digital", "human")
    assert yes.texts[0] == texts.LOOKING


def test_backoffice_down_still_gives_the_way_to_a_person_in_the_same_turn() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        return await chat.say("ik wil iemand spreken", "request_human")

    turn = converse(scenario, backoffice_down=True)
    assert turn.responses == ["utter_request_human"]


def test_the_bot_comes_back_with_the_consultants_name_when_handed_back() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        await chat.say("medewerker", "request_human")
        chat.events.append(
            {
                "event": "bot",
                "text": "Dag Lotte, ik ben Sofie.",
                "metadata": {"from": "consultant", "consultant": "Sofie"},
            }
        )
        return await chat.say("", "EXTERNAL_handoff_closed")

    turn = converse(scenario)
    assert turn.texts == [f"{texts.BACK_WITH_NAME.format(name='Sofie')} {texts.ANYTHING_ELSE}"]


def test_a_time_out_offers_an_appointment_and_yes_shows_moments() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        await chat.say("medewerker", "request_human")
        offer = await chat.say("", "EXTERNAL_handoff_timed_out")
        return offer, await chat.say("ja", "affirm")

    offer, yes = converse(scenario)
    assert offer.texts == [texts.TIMED_OUT, texts.ASK_APPOINTMENT]
    assert len(yes.messages[0]["buttons"]) == 3


def test_on_sms_the_queue_answer_has_no_buttons_and_says_what_to_send() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        return await chat.say("iem spreken aub", "request_human")

    turn = converse(scenario, channel="sms")
    assert turn.messages[1]["buttons"] == []
    assert turn.texts[1].endswith("Wil je niet wachten? Stuur dan nee.")


class _NoOp:
    """Stands for an action outside this test's concern: the turn only adds the user message."""

    def name(self) -> str:
        return "action_listen"

    async def run(self, dispatcher, tracker, domain):  # noqa: ANN001, ANN201
        return []
