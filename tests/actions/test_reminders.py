"""Due-date reminders: when they are scheduled, and what happens when one fires."""

import asyncio
from datetime import date, datetime

import pytest

from actions import clock
from actions.assignments.reminders import ActionRemindAssignment, is_daytime, next_reminder_at
from actions.clock import BRUSSELS
from actions.settings import get_settings
from tests.actions.conversation import Conversation
from tests.actions.fake_backoffice import TOKEN, running_fake_backoffice


def at(day: str, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), tzinfo=BRUSSELS).replace(
        hour=hour, minute=minute
    )


@pytest.mark.parametrize(
    ("now", "due_dates", "expected"),
    [
        pytest.param(at("2026-11-23", 14), ["2026-12-04"], at("2026-12-03", 10), id="the morning before the due day"),
        pytest.param(at("2026-11-23", 14), ["2026-12-04", "2026-11-27"], at("2026-11-26", 10), id="nearest due date"),
        pytest.param(at("2026-11-23", 14), ["2026-11-24"], at("2026-11-24", 10), id="due tomorrow: tomorrow"),
        pytest.param(at("2026-11-23", 14), ["2026-11-20"], at("2026-11-24", 10), id="overdue: tomorrow, not today"),
        pytest.param(at("2026-11-23", 14), ["2026-11-10"], None, id="overdue over a week: the consultant's"),
        pytest.param(at("2026-11-23", 23, 30), ["2026-11-25"], at("2026-11-24", 10), id="late evening"),
        pytest.param(at("2027-03-27", 12), ["2027-03-29"], at("2027-03-28", 10), id="across the clock change"),
        pytest.param(at("2026-11-23", 14), [], None, id="nothing due"),
    ],
)
def test_next_reminder_is_a_morning_and_never_today(
    now: datetime, due_dates: list[str], expected: datetime | None
) -> None:
    moment = next_reminder_at(now=now, due_dates=[date.fromisoformat(day) for day in due_dates])
    assert moment == expected
    if moment is not None:
        assert is_daytime(moment)


@pytest.mark.parametrize(
    ("moment", "daytime"),
    [(at("2026-11-23", 8, 59), False), (at("2026-11-23", 9), True), (at("2026-11-23", 18, 59), True),
     (at("2026-11-23", 19), False), (at("2026-11-23", 3), False)],
)  # fmt: skip
def test_daytime_window(moment: datetime, daytime: bool) -> None:
    assert is_daytime(moment) is daytime


def fire_reminders(times: list[datetime], monkeypatch: pytest.MonkeyPatch):
    async def run():
        async with running_fake_backoffice() as fake:
            monkeypatch.setenv("BACKOFFICE_URL", fake.url)
            monkeypatch.setenv("BACKOFFICE_API_TOKEN", TOKEN)
            get_settings.cache_clear()
            conversation = Conversation(slots={"jobseeker_id": "7", "first_name": "Lotte"})
            turns = []
            for moment in times:
                monkeypatch.setattr(clock, "now_in_brussels", lambda moment=moment: moment)
                turns.append(
                    await conversation.say("EXTERNAL: EXTERNAL_assignment_reminder", "EXTERNAL_assignment_reminder")
                )
            answer = await conversation.say("ja", "affirm")
            get_settings.cache_clear()
            return turns, answer, fake.requests

    return asyncio.run(run())


def test_a_reminder_in_the_daytime_names_the_most_urgent_and_a_yes_starts_it(monkeypatch: pytest.MonkeyPatch) -> None:
    turns, answer, _ = fire_reminders([at("2026-11-24", 10)], monkeypatch)
    reminder = turns[0].message("utter_assignment_reminder")
    assert reminder["title"] == "Vul je cv aan"
    assert reminder["due"] == "op vrijdag 20 november, dat is al voorbij"
    assert [event["date_time"][:16] for event in turns[0].events if event["event"] == "reminder"] == [
        "2026-11-25T10:00"
    ]
    assert answer.responses[0] == "utter_assignment_start"


def test_at_most_one_reminder_a_day(monkeypatch: pytest.MonkeyPatch) -> None:
    turns, _, requests = fire_reminders([at("2026-11-24", 10), at("2026-11-24", 11)], monkeypatch)
    assert turns[0].responses == ["utter_assignment_reminder"]
    assert turns[1].responses == [], "the backoffice already gave today's reminder"


def test_a_reminder_firing_at_night_waits_for_the_morning(monkeypatch: pytest.MonkeyPatch) -> None:
    turns, _, requests = fire_reminders([at("2026-11-24", 2)], monkeypatch)
    assert turns[0].responses == []
    assert ("POST", "/api/v1/jobseekers/7/reminders/claim") not in requests
    assert [event["date_time"][:16] for event in turns[0].events if event["event"] == "reminder"] == [
        "2026-11-25T10:00"
    ]


def test_no_jobseeker_no_reminder() -> None:
    conversation = Conversation(slots={})
    turn = asyncio.run(conversation.say("EXTERNAL: EXTERNAL_assignment_reminder", "EXTERNAL_assignment_reminder"))
    assert turn.messages == []
    assert ActionRemindAssignment().name() == "action_remind_assignment"
