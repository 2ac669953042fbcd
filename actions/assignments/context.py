"""What every assignment action needs first: who is talking, and a client to the backoffice."""

from abc import ABC, abstractmethod
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.backoffice_client import (
    Assignment,
    BackofficeClient,
    BackofficeConflictError,
    BackofficeUnavailableError,
    Identity,
)
from actions.channel import channel_of, wants_short_answers
from actions.identity import identify
from actions.questions import forget_question

ASSIGNMENT_SLOT = "assignment_id"
STEP_FAILURES_SLOT = "step_failures"


@dataclass(frozen=True)
class AssignmentContext:
    client: BackofficeClient
    identity: Identity
    channel: str
    short: bool

    async def own_assignment(self, assignment_id: int) -> Assignment | None:
        """The assignment if it is this jobseeker's; a button payload can be forged."""
        assignment = await self.client.get_assignment(assignment_id=assignment_id)
        if assignment is None or assignment.jobseeker_id != self.identity.jobseeker_id:
            return None
        return assignment

    def identity_events(self) -> list[EventType]:
        return [
            SlotSet("jobseeker_id", str(self.identity.jobseeker_id)),
            SlotSet("first_name", self.identity.first_name),
        ]


async def assignment_context(dispatcher: CollectingDispatcher, tracker: Tracker) -> AssignmentContext | None:
    """The context, or None after telling an unknown jobseeker how to sign in."""
    client = BackofficeClient.from_environment()
    identity = await identify(tracker, client)
    if identity is None:
        dispatcher.utter_message(response="utter_assignments_need_login")
        return None
    return AssignmentContext(
        client=client, identity=identity, channel=channel_of(tracker), short=wants_short_answers(tracker)
    )


def current_assignment_id(tracker: Tracker) -> int | None:
    value = tracker.get_slot(ASSIGNMENT_SLOT)
    return int(value) if isinstance(value, str) and value.isdigit() else None


def forget_assignment() -> list[EventType]:
    """Ends the talk about an assignment, including any question about it."""
    return [SlotSet(ASSIGNMENT_SLOT, None), SlotSet(STEP_FAILURES_SLOT, None), *forget_question()]


async def guarded(dispatcher: CollectingDispatcher, work: Awaitable[list[EventType]]) -> list[EventType]:
    """Backoffice trouble becomes a kind Dutch answer with the free number, never a crash."""
    try:
        return await work
    except BackofficeConflictError:
        dispatcher.utter_message(response="utter_assignment_changed")
        return forget_assignment()
    except BackofficeUnavailableError:
        dispatcher.utter_message(response="utter_backoffice_trouble")
        return forget_question()


class AssignmentAction(Action, ABC):
    """An action about the jobseeker's assignments: needs to know who is talking."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        context = await assignment_context(dispatcher, tracker)
        if context is None:
            return []
        return await guarded(dispatcher, self.handle(dispatcher, tracker, context))

    @abstractmethod
    async def handle(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, context: AssignmentContext
    ) -> list[EventType]: ...
