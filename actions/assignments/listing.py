"""ActionListAssignments: "Welke opdrachten moet ik nog doen?", most urgent first."""

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import clock
from actions.assignments.context import ASSIGNMENT_SLOT, AssignmentAction, AssignmentContext, forget_assignment
from actions.assignments.reminders import schedule_reminder
from actions.assignments.texts import assignment_list, choice_buttons
from actions.assignments.walkthrough import QUESTION_START
from actions.questions import ask


class ActionListAssignments(AssignmentAction):
    def name(self) -> str:
        return "action_list_assignments"

    async def handle(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, context: AssignmentContext
    ) -> list[EventType]:
        assignments = await context.client.list_assignments(jobseeker_id=context.identity.jobseeker_id)
        if not assignments:
            dispatcher.utter_message(response="utter_assignments_none")
            return [*context.identity_events(), *forget_assignment()]
        now = clock.now_in_brussels()
        dispatcher.utter_message(text=assignment_list(assignments, today=now.date(), short=context.short))
        first = assignments[0]
        # "Ja" starts the most urgent one; a button picks another.
        others = choice_buttons(assignments[1:], intent="ask_assignment_help")
        buttons = [{"title": "Ja", "payload": "/affirm"}, *others]
        dispatcher.utter_message(response="utter_ask_start_first_assignment", title=first.title, buttons=buttons)
        return [
            *context.identity_events(),
            SlotSet(ASSIGNMENT_SLOT, str(first.id)),
            *ask(QUESTION_START),
            *schedule_reminder(now=now, assignments=assignments),
        ]
