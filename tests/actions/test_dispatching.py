"""Digital dispatching: noticing difficulty, the offer and the choice, courses, appointments."""

from actions.appointments import texts as appointment_texts
from actions.digital import texts as digital_texts
from actions.digital.signals import signal_for
from tests.actions.conversation import Conversation, converse
from tests.actions.fake_backoffice import FakeBackoffice
from tests.actions.fake_dispatch import SLOTS


def test_signals_tell_a_statement_about_oneself_from_a_question_on_one_task() -> None:
    assert signal_for("Ik heb nog nooit een computer gebruikt")["code"] == "explicit_statement"
    assert signal_for("ik heb geen e-mail") == {"code": "explicit_statement", "detail": "email"}
    assert signal_for("Mijn wachtwoord werkt niet meer") == {"code": "basic_operation_help", "detail": "password"}
    assert signal_for("het document wil niet opladen") == {"code": "basic_operation_help", "detail": "upload"}
    assert signal_for("ik raak niet aangemeld")["detail"] == "login"


def test_a_drop_in_level_is_said_kindly_with_three_ways_forward_and_the_choice_is_stored() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        offer = await chat.say("Ik heb nog nooit een computer gebruikt.", "express_digital_difficulty")
        choice = await chat.say("/book_appointment", "book_appointment")
        return fake, offer, choice

    fake, offer, choice = converse(scenario)
    assert offer.texts == [digital_texts.NOTICED, digital_texts.NOT_ALONE]
    assert [button["payload"] for button in offer.messages[1]["buttons"]] == [
        "/book_appointment",
        '/request_human{"handoff_kind": "callback"}',
        "/ask_digital_course",
    ]
    assert fake.dispatch.assessments[0]["signals"] == [{"code": "explicit_statement", "detail": None}]
    assert fake.dispatch.choices == [{"jobseeker_id": 7, "choice": "appointment", "channel": "web"}]
    assert len(choice.messages[0]["buttons"]) == 3


def test_one_question_about_a_password_gets_help_not_a_label() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        return await chat.say("Ik ben mijn wachtwoord vergeten", "express_digital_difficulty")

    turn = converse(scenario)
    assert turn.texts == [digital_texts.HELP["password"], digital_texts.STILL_STUCK]
    assert turn.messages[1]["buttons"] == [{"title": "Praten met een medewerker", "payload": "/request_human"}]


def test_choosing_a_call_back_from_the_offer_stores_it_and_books_the_call() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        await chat.say("ik kan niet met een computer werken", "express_digital_difficulty")
        await chat.say("/request_human", "request_human", entities={"handoff_kind": "callback"})
        return fake

    fake = converse(scenario)
    assert fake.dispatch.choices[0]["choice"] == "callback"
    assert fake.dispatch.handoffs[0]["kind"] == "callback"


def test_courses_near_the_jobseeker_with_a_person_to_enrol() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        await chat.say("ik heb geen computer thuis", "express_digital_difficulty")
        return fake, await chat.say("een computerles", "ask_digital_course")

    fake, turn = converse(scenario)
    assert fake.dispatch.choices[0]["choice"] == "course"
    assert turn.texts[0].startswith(digital_texts.COURSES_NEAR)
    assert "1. Computerles 1 (verzonnen), Genk." in turn.texts[0]
    assert turn.texts[1] == digital_texts.COURSE_ENROL


def test_booking_from_a_button_confirms_when_where_and_the_letter() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        offer = await chat.say("ik wil een afspraak", "book_appointment")
        payload = offer.messages[0]["buttons"][1]["payload"]
        booked = await chat.say(payload, "book_appointment", entities={"slot_id": SLOTS[1]["slot_id"]})
        return fake, offer, booked

    fake, offer, booked = converse(scenario)
    assert offer.texts == [appointment_texts.OFFER.format(office="Genk (verzonnen)")]
    assert offer.messages[0]["buttons"][0]["title"] == "woensdag 25 november om 9 uur"
    assert fake.dispatch.appointments[0]["slot_id"] == SLOTS[1]["slot_id"]
    assert booked.texts[0].startswith("Je afspraak staat vast: donderdag 26 november om 13.30 uur.")
    assert appointment_texts.BY_LETTER in booked.texts[0]


def test_on_sms_the_moments_are_numbered_and_a_number_books_one() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        offer = await chat.say("afspraak aub", "book_appointment")
        return fake, offer, await chat.say("2", "inform")

    fake, offer, booked = converse(scenario, channel="sms")
    assert offer.messages[0]["buttons"] == []
    assert "\n2. donderdag 26 november om 13.30 uur." in offer.texts[0]
    assert offer.texts[0].endswith("Stuur 1, 2 of 3.")
    assert fake.dispatch.appointments[0]["slot_id"] == SLOTS[1]["slot_id"]
    assert booked.texts[0].startswith("Je afspraak staat vast")


def test_a_moment_taken_meanwhile_gets_other_moments_and_the_next_choice_books() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        await chat.say("afspraak", "book_appointment")
        fake.dispatch.taken_by_others.add(SLOTS[0]["slot_id"])
        taken = await chat.say("/book_appointment", "book_appointment", entities={"slot_id": SLOTS[0]["slot_id"]})
        again = await chat.say("de eerste", "inform")
        return fake, taken, again

    fake, taken, again = converse(scenario)
    assert taken.texts == [appointment_texts.TAKEN]
    assert [button["title"] for button in taken.messages[0]["buttons"]] == [
        "donderdag 26 november om 13.30 uur",
        "vrijdag 27 november om 10 uur",
    ]
    assert fake.dispatch.appointments[0]["slot_id"] == SLOTS[1]["slot_id"]
    assert again.texts[0].startswith("Je afspraak staat vast")


def test_moving_the_next_appointment_books_the_new_moment_and_frees_the_old() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        await chat.say("afspraak", "book_appointment")
        await chat.say("1", "inform")
        offer = await chat.say("kan mijn afspraak later", "reschedule_appointment")
        moved = await chat.say("2", "inform")
        return fake, offer, moved

    fake, offer, moved = converse(scenario)
    assert offer.texts[0].startswith("Wanneer past het beter?")
    first, second = fake.dispatch.appointments
    assert first["status"] == "cancelled" and second["status"] == "booked"
    assert moved.texts[0].startswith("Je afspraak is verzet naar")


def test_cancelling_asks_first_and_keeps_the_appointment_on_no() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        await chat.say("afspraak", "book_appointment")
        await chat.say("1", "inform")
        ask = await chat.say("afspraak annuleren", "cancel_appointment")
        kept = await chat.say("nee", "deny")
        await chat.say("afspraak annuleren", "cancel_appointment")
        gone = await chat.say("ja", "affirm")
        return fake, ask, kept, gone

    fake, ask, kept, gone = converse(scenario)
    assert ask.texts == ["Wil je je afspraak van woensdag 25 november om 9 uur afzeggen?"]
    assert kept.texts == [appointment_texts.KEPT]
    assert gone.texts == [appointment_texts.CANCELLED]
    assert fake.dispatch.appointments[0]["status"] == "cancelled"


def test_an_unknown_visitor_is_told_how_to_get_an_appointment() -> None:
    async def scenario(chat: Conversation, fake: FakeBackoffice):
        return fake, await chat.say("afspraak maken", "book_appointment")

    fake, turn = converse(scenario, slots={})
    assert turn.texts == [appointment_texts.NEED_LOGIN]
    assert fake.dispatch.appointments == []
