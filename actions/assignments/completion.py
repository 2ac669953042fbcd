"""ActionReportAssignmentDone: "ik heb mijn cv aangevuld" marks that assignment done."""

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.assignments import walkthrough
from actions.assignments.choice import chosen_assignment_id, fold, matching_assignments
from actions.assignments.context import AssignmentAction, AssignmentContext, current_assignment_id, forget_assignment
from actions.assignments.texts import choice_buttons
from actions.assignments.walkthrough import QUESTION_PERSON, QUESTION_START, QUESTION_STEP, finish
from actions.backoffice_client import Assignment
from actions.questions import forget_question, question_just_asked


class ActionReportAssignmentDone(AssignmentAction):
    def name(self) -> str:
        return "action_report_assignment_done"

    async def handle(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, context: AssignmentContext
    ) -> list[EventType]:
        wanted = chosen_assignment_id(tracker)
        if wanted is not None:
            assignment = await context.own_assignment(wanted)
            if assignment is None:
                dispatcher.utter_message(response="utter_assignment_gone")
                return forget_assignment()
            return await finish(dispatcher, context, assignment)
        if self._is_a_step_done(tracker):
            # "Het is gelukt" after "Lukt het?" is about the step, not the whole assignment.
            return await walkthrough.answer(dispatcher, tracker, QUESTION_STEP, "affirm")
        assignments = await context.client.list_assignments(jobseeker_id=context.identity.jobseeker_id)
        if not assignments:
            dispatcher.utter_message(response="utter_assignments_none")
            return forget_assignment()
        target = self._meant(tracker, assignments)
        if target is None:
            buttons = choice_buttons(assignments, intent="report_assignment_done")
            dispatcher.utter_message(response="utter_assignment_report_which", buttons=buttons)
            return [*context.identity_events(), *forget_question()]
        return [*context.identity_events(), *await finish(dispatcher, context, target)]

    @staticmethod
    def _is_a_step_done(tracker: Tracker) -> bool:
        """Done, said right after "Lukt het?", without naming an assignment."""
        if question_just_asked(tracker) != QUESTION_STEP or current_assignment_id(tracker) is None:
            return False
        return not re.search(r"\bopdracht|\bcv\b", fold(tracker.latest_message.get("text") or ""))

    @staticmethod
    def _meant(tracker: Tracker, assignments: list[Assignment]) -> Assignment | None:
        """Named in the message, else the one being worked on just now."""
        matches = matching_assignments(tracker.latest_message.get("text") or "", assignments)
        if len(matches) == 1:
            return matches[0]
        if matches:
            return None
        current = current_assignment_id(tracker)
        if current is not None and question_just_asked(tracker) in (QUESTION_STEP, QUESTION_PERSON, QUESTION_START):
            return next((assignment for assignment in assignments if assignment.id == current), None)
        return None
