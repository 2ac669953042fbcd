"""Vacancy search through the real stack over REST: the form, results, refine, save."""

import re
import uuid

import httpx

from tests.e2e.stack import Stack
from tests.e2e.test_assignments import backoffice
from tests.e2e.test_conversation import demo_login, say

FOUND = re.compile(r"^Ik vond (\d+) vacatures? voor (.+) binnen 20 km van (.+)\.$")


def test_search_form_results_refine_and_save(stack: Stack, rest: httpx.Client) -> None:
    login = demo_login(stack, index=3)
    sender = f"web-{uuid.uuid4().hex}"

    assert say(rest, sender, "Ik zoek werk", metadata={"identity_token": login["identity_token"]})[-1].startswith(
        "Welk werk zoek je?"
    )
    assert say(rest, sender, "magazijnier")[-1].startswith("Waar wil je werken?")
    results = say(rest, sender, "Gent")
    found = FOUND.match(results[0])
    assert found, results
    assert (found.group(2), found.group(3)) == ("magazijnier", "Gent")
    assert int(found.group(1)) > 0
    assert results[1].startswith("1. ")

    saved = say(rest, sender, "bewaar nummer 1")
    assert saved[0].startswith("Bewaard!")
    with backoffice(stack) as api:
        kept = api.get(f"/jobseekers/{login['jobseeker_id']}/saved-vacancies").json()
    first_title = results[1].splitlines()[0].removeprefix("1. ").split(" bij ")[0]
    assert first_title in [item["title"] for item in kept]

    refined = say(rest, sender, "en in Antwerpen?")
    found = FOUND.match(refined[0])
    assert found, refined
    assert (found.group(2), found.group(3)) == ("magazijnier", "Antwerpen"), "the job is kept, the place changed"


def test_search_in_one_sms_style_message(rest: httpx.Client) -> None:
    answers = say(rest, f"anon-{uuid.uuid4().hex}", "zoek wrk als kok in leuven")
    assert answers[0].startswith("Ik vond") and "kok" in answers[0] and "Leuven" in answers[0], answers


def test_suggestions_then_log_an_application_and_see_the_dashboard(stack: Stack, rest: httpx.Client) -> None:
    login = demo_login(stack, index=4)
    sender = f"web-{uuid.uuid4().hex}"

    suggested = say(rest, sender, "Heb je jobs voor mij?", metadata={"identity_token": login["identity_token"]})
    assert suggested[0].startswith("Deze vacatures passen misschien bij jou."), suggested
    assert suggested[1].startswith("1. ") and "\nWaarom: " in suggested[1]
    first_title = suggested[1].splitlines()[0].removeprefix("1. ").split(" bij ")[0]

    assert say(rest, sender, "ik heb gesolliciteerd voor nummer 1")[-1] == "Hoe heb je gesolliciteerd?"
    assert say(rest, sender, "via hun website")[0].startswith("Goed zo!")
    with backoffice(stack) as api:
        history = api.get(f"/jobseekers/{login['jobseeker_id']}/applications").json()
    assert [(item["title"], item["channel"]) for item in history][-1] == (first_title, "online")

    dashboard = say(rest, sender, "toon mijn bewaarde vacatures")
    assert "Je solliciteerde" in dashboard[0]
