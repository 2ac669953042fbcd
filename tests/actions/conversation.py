"""A conversation with the assignment actions, turn by turn, as Rasa's rules would route it.

Each turn adds the user event, runs the action the rules pick for the intent, and keeps the
slots and bot messages it returns, so multi-turn behaviour (a "ja" answering the question just
asked) is tested without a Rasa server.
"""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.appointments.booking import ActionBookAppointment
from actions.appointments.changes import ActionCancelAppointment, ActionRescheduleAppointment
from actions.assignments.completion import ActionReportAssignmentDone
from actions.assignments.listing import ActionListAssignments
from actions.assignments.reminders import ActionRemindAssignment
from actions.assignments.walkthrough import ActionWalkAssignment
from actions.clarify import ActionClarify
from actions.digital.courses import ActionDigitalCourses
from actions.digital.difficulty import ActionDigitalDifficulty
from actions.handoff.lifecycle import ActionHandoffRecap, ActionHandoffTimedOut
from actions.handoff.request import ActionRequestHuman
from actions.replies import ActionReplyToQuestion
from actions.settings import get_settings
from actions.vacancies.dashboard import ActionShowVacancyDashboard
from actions.vacancies.saving import ActionSaveVacancy
from actions.vacancies.search import ActionRefineSearch
from actions.vacancies.suggestions import ActionSuggestJobs
from tests.actions.fake_backoffice import TOKEN, FakeBackoffice, running_fake_backoffice

# The same routing as bot/rules/.
ACTION_FOR_INTENT: dict[str, type[Action]] = {
    "ask_assignments": ActionListAssignments,
    "ask_assignment_help": ActionWalkAssignment,
    "report_assignment_done": ActionReportAssignmentDone,
    "affirm": ActionReplyToQuestion,
    "deny": ActionReplyToQuestion,
    "goodbye": ActionReplyToQuestion,
    "EXTERNAL_assignment_reminder": ActionRemindAssignment,
    "inform": ActionRefineSearch,
    "save_vacancy": ActionSaveVacancy,
    "ask_job_suggestions": ActionSuggestJobs,
    "show_vacancy_dashboard": ActionShowVacancyDashboard,
    "nlu_fallback": ActionClarify,
    "request_human": ActionRequestHuman,
    "EXTERNAL_handoff_closed": ActionHandoffRecap,
    "EXTERNAL_handoff_timed_out": ActionHandoffTimedOut,
    "express_digital_difficulty": ActionDigitalDifficulty,
    "ask_digital_course": ActionDigitalCourses,
    "book_appointment": ActionBookAppointment,
    "reschedule_appointment": ActionRescheduleAppointment,
    "cancel_appointment": ActionCancelAppointment,
}


@dataclass
class Turn:
    messages: list[dict[str, Any]]
    events: list[dict[str, Any]]

    @property
    def responses(self) -> list[str | None]:
        return [message.get("response") for message in self.messages]

    @property
    def texts(self) -> list[str]:
        return [message["text"] for message in self.messages if message.get("text")]

    def message(self, response: str) -> dict[str, Any]:
        return next(message for message in self.messages if message.get("response") == response)


@dataclass
class Conversation:
    channel: str = "web"
    slots: dict[str, Any] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)

    async def say(
        self, text: str, intent: str, entities: dict[str, str] | None = None, action: type[Action] | None = None
    ) -> Turn:
        """One turn; ``action`` stands for what Rasa runs itself first (a form that just completed)."""
        entity_list = [{"entity": name, "value": value} for name, value in (entities or {}).items()]
        parse_data = {"intent": {"name": intent, "confidence": 1.0}, "entities": entity_list, "text": text}
        self.events.append({"event": "user", "text": text, "input_channel": self.channel, "parse_data": parse_data})
        latest = {**parse_data, "metadata": {}}
        tracker = Tracker("test-sender", dict(self.slots), latest, list(self.events), False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        runner = (action or ACTION_FOR_INTENT[intent])()
        events = await runner.run(dispatcher, tracker, {})
        self.events.append({"event": "action", "name": runner.name()})
        for event in events:
            if event.get("event") == "slot":
                self.slots[event["name"]] = event["value"]
            self.events.append(event)
        self.events.extend(
            {"event": "bot", "text": message.get("text"), "metadata": {"utter_action": message.get("response")}}
            for message in dispatcher.messages
        )
        self.events.append({"event": "action", "name": "action_listen"})
        return Turn(messages=dispatcher.messages, events=events)


LOTTE = {"jobseeker_id": "7", "first_name": "Lotte"}
Scenario = Callable[[Conversation, FakeBackoffice], Awaitable[Any]]


def converse(
    scenario: Scenario, *, channel: str = "web", slots: dict | None = None, backoffice_down: bool = False
) -> Any:
    async def run() -> Any:
        async with running_fake_backoffice() as fake:
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("BACKOFFICE_URL", "http://127.0.0.1:9" if backoffice_down else fake.url)
                patch.setenv("BACKOFFICE_API_TOKEN", TOKEN)
                get_settings.cache_clear()
                try:
                    conversation = Conversation(channel=channel, slots=dict(LOTTE if slots is None else slots))
                    return await scenario(conversation, fake)
                finally:
                    get_settings.cache_clear()

    return asyncio.run(run())
