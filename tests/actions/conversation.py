"""A conversation with the assignment actions, turn by turn, as Rasa's rules would route it.

Each turn adds the user event, runs the action the rules pick for the intent, and keeps the
slots and bot messages it returns, so multi-turn behaviour (a "ja" answering the question just
asked) is tested without a Rasa server.
"""

from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.assignments.completion import ActionReportAssignmentDone
from actions.assignments.listing import ActionListAssignments
from actions.assignments.reminders import ActionRemindAssignment
from actions.assignments.walkthrough import ActionWalkAssignment
from actions.replies import ActionReplyToQuestion

# The same routing as bot/rules/assignments.yml and bot/rules/small_talk.yml.
ACTION_FOR_INTENT: dict[str, type[Action]] = {
    "ask_assignments": ActionListAssignments,
    "ask_assignment_help": ActionWalkAssignment,
    "report_assignment_done": ActionReportAssignmentDone,
    "affirm": ActionReplyToQuestion,
    "deny": ActionReplyToQuestion,
    "goodbye": ActionReplyToQuestion,
    "EXTERNAL_assignment_reminder": ActionRemindAssignment,
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

    async def say(self, text: str, intent: str, entities: dict[str, str] | None = None) -> Turn:
        entity_list = [{"entity": name, "value": value} for name, value in (entities or {}).items()]
        parse_data = {"intent": {"name": intent, "confidence": 1.0}, "entities": entity_list, "text": text}
        self.events.append({"event": "user", "text": text, "input_channel": self.channel, "parse_data": parse_data})
        latest = {**parse_data, "metadata": {}}
        tracker = Tracker("test-sender", dict(self.slots), latest, list(self.events), False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        action = ACTION_FOR_INTENT[intent]()
        events = await action.run(dispatcher, tracker, {})
        self.events.append({"event": "action", "name": action.name()})
        for event in events:
            if event.get("event") == "slot":
                self.slots[event["name"]] = event["value"]
            self.events.append(event)
        self.events.extend({"event": "bot", "text": message.get("text")} for message in dispatcher.messages)
        self.events.append({"event": "action", "name": "action_listen"})
        return Turn(messages=dispatcher.messages, events=events)
