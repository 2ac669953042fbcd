"""Vacancy search against a local fake backoffice: the form's answers, results per channel,
paging, widening, refining one criterion, saving by button and by number."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.vacancies.applications import ActionLogApplication, ValidateApplicationForm
from actions.vacancies.form import ValidateVacancySearchForm
from actions.vacancies.numbers import listed_number
from actions.vacancies.search import ActionSearchVacancies
from tests.actions.conversation import LOTTE, Conversation, converse
from tests.actions.fake_backoffice import FakeBackoffice

MAGAZIJNIER_IN_GENT = {"search_job_title": "magazijnier", "search_location": "Gent"}


def searched(criteria: dict, *, channel: str = "web"):
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        conversation.slots.update(criteria)
        turn = await conversation.say("/search", "search_vacancies", action=ActionSearchVacancies)
        return turn, conversation, fake

    return converse(scenario, channel=channel)


def test_web_results_are_cards_with_a_save_button_each() -> None:
    turn, conversation, fake = searched(MAGAZIJNIER_IN_GENT)
    assert turn.messages[0]["text"] == "Ik vond 6 vacatures voor magazijnier binnen 20 km van Gent."
    cards = turn.messages[1:6]
    assert cards[0]["text"].startswith("1. Magazijnier 1 bij Firma 1 (verzonnen)\nGent (1 km) · vast, voltijds")
    assert cards[1]["buttons"] == [{"title": "Bewaar nummer 2", "payload": '/save_vacancy{"vacancy_id": "102"}'}]
    assert turn.responses[-1] == "utter_ask_more_vacancies"
    assert conversation.slots["shown_vacancies"] == ["101", "102", "103", "104", "105"]
    assert fake.searches[0] == {
        "occupation": "magazijnier", "location": "Gent", "radius_km": "20", "page": "1", "page_size": "5",
    }  # fmt: skip


def test_sms_results_fit_two_segments() -> None:
    turn, _, _ = searched(MAGAZIJNIER_IN_GENT, channel="sms")
    [text] = turn.texts
    assert text.splitlines()[1:] == [
        "1) Magazijnier 1, Gent",
        "2) Magazijnier 2, Gent",
        "3) Magazijnier 3, Gent",
        "Stuur 'bewaar' en het nummer.",
        "Stuur 'meer' voor meer.",
    ]
    assert len(text) <= 2 * 153, "two concatenated GSM segments"


def test_phone_reads_the_top_three_briefly() -> None:
    turn, _, _ = searched(MAGAZIJNIER_IN_GENT, channel="phone")
    [text] = turn.texts
    assert text.startswith("Ik vond 6 vacatures. Een: Magazijnier 1 in Gent.")
    assert len(text.split()) <= 25
    assert "http" not in text and "(" not in text


def test_meer_shows_the_next_page_and_bewaar_2_saves_from_it() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        conversation.slots.update(MAGAZIJNIER_IN_GENT)
        await conversation.say("zoek", "search_vacancies", action=ActionSearchVacancies)
        more = await conversation.say("meer", "affirm")
        saved = await conversation.say("bewaar 2", "save_vacancy")
        return more, saved, fake

    more, saved, fake = converse(scenario, channel="sms")
    assert more.texts[0].splitlines()[1] == "1) Magazijnier 4, Gent"
    assert saved.responses == ["utter_vacancy_saved"]
    assert fake.saved == [(7, 105)]


def test_no_results_offers_a_wider_radius_then_searches_it() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        fake.vacancies = [{**card, "distance_km": 35.0} for card in fake.vacancies]
        conversation.slots.update(MAGAZIJNIER_IN_GENT)
        none = await conversation.say("zoek", "search_vacancies", action=ActionSearchVacancies)
        wider = await conversation.say("ja", "affirm")
        return none, wider, fake

    none, wider, fake = converse(scenario)
    assert none.responses == ["utter_search_no_results_widen"]
    assert none.messages[0]["radius"] == 50
    assert fake.searches[-1]["radius_km"] == "50"
    assert wider.texts[0] == "Ik vond 6 vacatures voor magazijnier binnen 50 km van Gent."


def test_no_results_in_a_province_is_not_a_dead_end() -> None:
    turn, _, _ = searched({"search_job_title": "kok", "search_location": "provincie Limburg"})
    assert turn.responses == ["utter_search_no_results"]
    assert turn.messages[0]["where"] == "in de provincie Limburg"


def test_en_in_leuven_keeps_the_job_and_changes_the_place() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        conversation.slots.update({"search_job_title": "kok", "search_location": "Gent"})
        await conversation.say("zoek", "search_vacancies", action=ActionSearchVacancies)
        conversation.slots["search_location"] = "Leuven"  # the from_entity mapping, as Rasa does it
        refined = await conversation.say("en in Leuven?", "inform", {"location": "Leuven"})
        return refined, fake

    refined, fake = converse(scenario)
    assert fake.searches[-1]["occupation"] == "kok"
    assert fake.searches[-1]["location"] == "Leuven"
    assert refined.texts[0] == "Ik vond 2 vacatures voor kok binnen 20 km van Leuven."


def test_a_bare_answer_without_a_search_goes_to_a_person() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        return await conversation.say("Gent", "inform", {"location": "Gent"}), fake

    turn, fake = converse(scenario)
    assert turn.responses == ["utter_topic_with_person"]
    assert fake.searches == []


def test_unknown_location_is_asked_again_kindly() -> None:
    turn, conversation, _ = searched({"search_job_title": "kok", "search_location": "Atlantis"})
    assert turn.responses == ["utter_search_location_unknown"]
    assert conversation.slots["search_location"] is None


def test_saving_needs_a_known_jobseeker() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        return await conversation.say("bewaar nummer 1", "save_vacancy"), fake

    turn, fake = converse(scenario, slots={})
    assert turn.responses == ["utter_save_needs_login"]
    assert fake.saved == []


def test_save_button_of_a_vacancy_that_is_gone() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        return await conversation.say('/save_vacancy{"vacancy_id": "999"}', "save_vacancy", {"vacancy_id": "999"})

    assert converse(scenario, slots=dict(LOTTE)).responses == ["utter_vacancy_gone"]


@pytest.mark.parametrize(
    ("text", "number"),
    [("bewaar nummer twee", 2), ("de tweede aub", 2), ("2", 2), ("bewaar een vacature", None), ("één", 1),
     ("nummer een", 1), ("bewaar 2 en 3", None), ("bewaar die", None)],
)  # fmt: skip
def test_listed_number(text: str, number: int | None) -> None:
    assert listed_number(text) == number


def form_tracker(text: str, requested: str, entities: list | None = None) -> Tracker:
    latest = {"text": text, "intent": {"name": "inform"}, "entities": entities or []}
    slots = {"requested_slot": requested}
    return Tracker("s", slots, latest, [], False, None, {"name": "vacancy_search_form"}, "action_listen")


@pytest.mark.parametrize(
    ("text", "slot", "expected"),
    [
        ("maakt niet uit", "search_job_title", {"search_job_title": "om het even"}),
        ("om het even", "search_location", {"search_location": "om het even"}),
        ("negen nul nul nul", "search_location", {"search_location": "Gent"}),
        ("Sint-Amandsberg", "search_location", {"search_location": "Gent"}),
        ("poetsvrouw", "search_job_title", {"search_job_title": "schoonmaker"}),
    ],
)
def test_bare_answers_to_the_form_are_understood(text: str, slot: str, expected: dict) -> None:
    extract = getattr(ValidateVacancySearchForm(), f"extract_{slot}")
    assert asyncio.run(extract(CollectingDispatcher(), form_tracker(text, slot), {})) == expected


def test_an_unknown_answer_is_said_kindly() -> None:
    dispatcher = CollectingDispatcher()
    form = ValidateVacancySearchForm()
    assert asyncio.run(form.extract_search_location(dispatcher, form_tracker("blablabla", "search_location"), {})) == {}
    assert [message["response"] for message in dispatcher.messages] == ["utter_search_location_unknown"]


def test_suggestions_come_with_their_reason_and_can_be_saved_by_number() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        suggested = await conversation.say("heb je jobs voor mij?", "ask_job_suggestions")
        saved = await conversation.say("bewaar de tweede", "save_vacancy")
        return suggested, saved, fake

    suggested, saved, fake = converse(scenario)
    assert suggested.responses[0] == "utter_suggestions_intro"
    assert suggested.messages[2]["text"].endswith("Waarom: Je bemiddelaar raadt deze vacature aan.")
    assert saved.responses == ["utter_vacancy_saved"]
    assert fake.saved == [(7, 102)]


def test_dashboard_counts_saved_and_applied() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        empty = await conversation.say("toon mijn bewaarde vacatures", "show_vacancy_dashboard")
        fake.saved.append((7, 101))
        fake.applications.append(
            {"employer": "Firma X (verzonnen)", "title": None, "applied_on": "2026-11-20", "channel": "online",
             "status": "verstuurd"}
        )  # fmt: skip
        full = await conversation.say("toon mijn bewaarde vacatures", "show_vacancy_dashboard")
        return empty, full

    empty, full = converse(scenario)
    assert empty.responses == ["utter_dashboard_empty"]
    assert full.texts[0].splitlines() == [
        "Je bewaarde 1 vacature.",
        "Je solliciteerde 1 keer.",
        "1. Magazijnier 1 bij Firma 1 (verzonnen)",
    ]
    assert full.responses[-1] == "utter_dashboard_proof"


def application_tracker(text: str, *, requested: str | None = None, shown: list | None = None, entities=None):
    latest = {"text": text, "intent": {"name": "report_application"}, "entities": entities or []}
    slots = {"requested_slot": requested, "shown_vacancies": shown}
    return Tracker("s", slots, latest, [], False, None, {"name": "application_form"}, "action_listen")


@pytest.mark.parametrize(
    ("text", "shown", "target", "channel"),
    [
        ("Ik heb gesolliciteerd bij Colruyt via hun website", None, "Colruyt", "online"),
        ("gesolliciteerd bij bakkerij De Gouden Aar, per mail", None, "bakkerij De Gouden Aar", "e-mail"),
        ("ik heb voor nummer 2 gesolliciteerd", ["101", "102"], "vacancy:102", None),
        ("ik ben ter plaatse geweest bij de Aldi in Genk", None, "Aldi in Genk", "ter plaatse"),
        ("ik heb gesolliciteerd", None, None, None),
    ],
)
def test_where_and_how_an_application_went(text: str, shown, target, channel) -> None:
    form, tracker = ValidateApplicationForm(), application_tracker(text, shown=shown)
    found_target = asyncio.run(form.extract_application_target(CollectingDispatcher(), tracker, {}))
    found_channel = asyncio.run(form.extract_application_channel(CollectingDispatcher(), tracker, {}))
    assert found_target.get("application_target") == target
    assert found_channel.get("application_channel") == channel


def test_application_is_logged_with_the_vacancy_or_the_employer() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        conversation.slots.update(application_target="vacancy:103", application_channel="online")
        by_vacancy = await conversation.say("online", "inform", action=ActionLogApplication)
        conversation.slots.update(application_target="Colruyt", application_channel="ter plaatse")
        await conversation.say("ter plaatse", "inform", action=ActionLogApplication)
        return by_vacancy, fake.applications, conversation.slots

    by_vacancy, applications, slots = converse(scenario)
    assert by_vacancy.responses == ["utter_application_logged"]
    assert [(item["employer"], item["channel"]) for item in applications] == [
        ("Firma 3 (verzonnen)", "online"),
        ("Colruyt", "ter plaatse"),
    ]
    assert slots["application_target"] is None, "the next application starts from scratch"


def test_a_bare_number_after_a_list_saves_that_vacancy() -> None:
    async def scenario(conversation: Conversation, fake: FakeBackoffice):
        conversation.slots.update(MAGAZIJNIER_IN_GENT)
        await conversation.say("zoek", "search_vacancies", action=ActionSearchVacancies)
        turn = await conversation.say("3", "inform")
        return turn, fake

    turn, fake = converse(scenario, channel="sms")
    assert turn.responses == ["utter_vacancy_saved"]
    assert fake.saved == [(7, 103)]
