"""ActionListAssignments: "Welke opdrachten moet ik nog doen?", most urgent first."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import clock
from actions.assignments.context import ASSIGNMENT_SLOT, assignment_context, forget_assignment
from actions.assignments.reminders import schedule_reminder
from actions.assignments.texts import assignment_list, choice_buttons
from actions.assignments.walkthrough import QUESTION_START
from actions.backoffice_client import BackofficeUnavailableError
from actions.questions import ask, forget_question


class ActionListAssignments(Action):
    def name(self) -> str:
        return "action_list_assignments"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        context = await assignment_context(dispatcher, tracker)
        if context is None:
            return []
        try:
            assignments = await context.client.list_assignments(jobseeker_id=context.identity.jobseeker_id)
        except BackofficeUnavailableError:
            dispatcher.utter_message(response="utter_backoffice_trouble")
            return forget_question()
        if not assignments:
            dispatcher.utter_message(response="utter_assignments_none")
            return [*context.identity_events(), *forget_assignment()]
        now = clock.now_in_brussels()
        dispatcher.utter_message(text=assignment_list(assignments, today=now.date(), short=context.short))
        first = assignments[0]
        # "Ja" starts the most urgent one; a button picks another.
        buttons = [
            {"title": "Ja", "payload": "/affirm"},
            *choice_buttons(assignments[1:], intent="ask_assignment_help"),
        ]
        dispatcher.utter_message(response="utter_ask_start_first_assignment", title=first.title, buttons=buttons)
        return [
            *context.identity_events(),
            SlotSet(ASSIGNMENT_SLOT, str(first.id)),
            *ask(QUESTION_START),
            *schedule_reminder(now=now, assignments=assignments),
        ]
