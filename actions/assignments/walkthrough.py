"""Walking through one assignment: one step per message, "Lukt het?" after each, help on a step,
a person after a step fails twice, and stop now / resume later where it stopped (on any channel:
the step is stored in the backoffice)."""

import logging

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.assignments.choice import chosen_assignment_id, pick_assignment
from actions.assignments.context import (
    ASSIGNMENT_SLOT,
    STEP_FAILURES_SLOT,
    AssignmentAction,
    AssignmentContext,
    assignment_context,
    current_assignment_id,
    forget_assignment,
    guarded,
)
from actions.assignments.texts import choice_buttons
from actions.backoffice_client import Assignment, BackofficeConflictError, BackofficeUnavailableError
from actions.handoff.request import request_person
from actions.questions import ask, forget_question, question_just_asked

logger = logging.getLogger(__name__)

QUESTION_STEP = "assignment_step"  # "Lukt het?" after a step
QUESTION_START = "start_assignment"  # "Wil je nu samen aan ... werken?"
QUESTION_PERSON = "assignment_person"  # "Wil je met een medewerker praten?" after a step failed twice
FAILURES_BEFORE_PERSON = 2


async def note(context: AssignmentContext, assignment: Assignment, kind: str) -> None:
    """Best effort: what the bot noticed helps the consultant, but must not break the conversation."""
    try:
        await context.client.add_assignment_note(
            assignment_id=assignment.id, kind=kind, step=assignment.current_step, channel=context.channel
        )
    except (BackofficeUnavailableError, BackofficeConflictError):
        logger.warning("Assignment note not stored")


def present_step(dispatcher: CollectingDispatcher, assignment: Assignment) -> list[EventType]:
    step = assignment.steps[assignment.current_step]
    dispatcher.utter_message(
        response="utter_assignment_step",
        step_number=assignment.current_step + 1,
        step_count=assignment.step_count,
        step_title=step.title.rstrip(" .!?:"),
        step_text=step.text,
    )
    dispatcher.utter_message(response="utter_ask_step_ok")
    return [SlotSet(ASSIGNMENT_SLOT, str(assignment.id)), SlotSet(STEP_FAILURES_SLOT, 0.0), *ask(QUESTION_STEP)]


async def finish(
    dispatcher: CollectingDispatcher, context: AssignmentContext, assignment: Assignment
) -> list[EventType]:
    """Marks the assignment done as the jobseeker reported, and says what comes next."""
    if assignment.is_done:
        dispatcher.utter_message(response="utter_assignment_already_done", title=assignment.title)
        return forget_assignment()
    completion = await context.client.complete_assignment(assignment_id=assignment.id)
    if completion is None:
        dispatcher.utter_message(response="utter_assignment_gone")
        return forget_assignment()
    dispatcher.utter_message(response="utter_assignment_done", title=assignment.title)
    if completion.next is None:
        dispatcher.utter_message(response="utter_assignments_all_done")
        return forget_assignment()
    dispatcher.utter_message(response="utter_assignment_next", title=completion.next.title)
    return [SlotSet(ASSIGNMENT_SLOT, str(completion.next.id)), SlotSet(STEP_FAILURES_SLOT, None), *ask(QUESTION_START)]


async def start(
    dispatcher: CollectingDispatcher, context: AssignmentContext, assignment: Assignment
) -> list[EventType]:
    """Starts at the first step, or resumes where the jobseeker stopped earlier."""
    if assignment.is_done:
        return await finish(dispatcher, context, assignment)
    if assignment.current_step >= assignment.step_count:
        # Every step was confirmed earlier; only marking it done was left.
        return await finish(dispatcher, context, assignment)
    updated = await context.client.set_progress(assignment_id=assignment.id, current_step=assignment.current_step)
    if updated is None:
        dispatcher.utter_message(response="utter_assignment_gone")
        return forget_assignment()
    response = "utter_assignment_resume" if updated.current_step > 0 else "utter_assignment_start"
    dispatcher.utter_message(
        response=response,
        title=updated.title,
        step_number=updated.current_step + 1,
        step_count=updated.step_count,
    )
    return [*context.identity_events(), *present_step(dispatcher, updated)]


async def help_on_step(
    dispatcher: CollectingDispatcher, tracker: Tracker, context: AssignmentContext, assignment: Assignment
) -> list[EventType]:
    """First time: the step's help. Second time on the same step: a person."""
    failures = int(tracker.get_slot(STEP_FAILURES_SLOT) or 0) + 1
    if failures < FAILURES_BEFORE_PERSON:
        await note(context, assignment, "step_failed")
        dispatcher.utter_message(
            response="utter_assignment_step_help", help=assignment.steps[assignment.current_step].help
        )
        dispatcher.utter_message(response="utter_ask_step_ok_again")
        return [SlotSet(STEP_FAILURES_SLOT, float(failures)), *ask(QUESTION_STEP)]
    await note(context, assignment, "person_offered")
    dispatcher.utter_message(response="utter_assignment_offer_person")
    return [SlotSet(STEP_FAILURES_SLOT, float(failures)), *ask(QUESTION_PERSON)]


async def pause(
    dispatcher: CollectingDispatcher, context: AssignmentContext, assignment: Assignment
) -> list[EventType]:
    await note(context, assignment, "paused")
    dispatcher.utter_message(
        response="utter_assignment_paused",
        title=assignment.title,
        step_number=assignment.current_step + 1,
        step_count=assignment.step_count,
    )
    return forget_assignment()


async def next_step(
    dispatcher: CollectingDispatcher, context: AssignmentContext, assignment: Assignment
) -> list[EventType]:
    following = assignment.current_step + 1
    updated = await context.client.set_progress(assignment_id=assignment.id, current_step=following)
    if updated is None:
        dispatcher.utter_message(response="utter_assignment_gone")
        return forget_assignment()
    if following >= updated.step_count:
        return await finish(dispatcher, context, updated)
    return present_step(dispatcher, updated)


async def answer(dispatcher: CollectingDispatcher, tracker: Tracker, question: str, intent: str) -> list[EventType]:
    """A yes, no or goodbye that answers one of this module's questions."""
    context = await assignment_context(dispatcher, tracker)
    assignment_id = current_assignment_id(tracker)
    if context is None or assignment_id is None:
        return forget_assignment()
    return await guarded(dispatcher, _answer(dispatcher, tracker, context, assignment_id, question, intent))


async def _answer(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    context: AssignmentContext,
    assignment_id: int,
    question: str,
    intent: str,
) -> list[EventType]:
    assignment = await context.own_assignment(assignment_id)
    if assignment is None:
        dispatcher.utter_message(response="utter_assignment_gone")
        return forget_assignment()
    if assignment.is_done:
        # Done meanwhile, e.g. detected from a CV uploaded in the account.
        dispatcher.utter_message(response="utter_assignment_already_done", title=assignment.title)
        return forget_assignment()
    if question == QUESTION_START:
        if intent == "affirm":
            return await start(dispatcher, context, assignment)
        dispatcher.utter_message(response="utter_goodbye" if intent == "goodbye" else "utter_noted")
        return forget_assignment()
    if question == QUESTION_PERSON:
        if intent == "affirm":
            # A step that keeps failing is a reason the consultant should see.
            return [*forget_assignment(), *await request_person(dispatcher, tracker, reason="topic")]
        return await pause(dispatcher, context, assignment)
    if intent == "affirm":
        return await next_step(dispatcher, context, assignment)
    if intent == "goodbye":
        return await pause(dispatcher, context, assignment)
    return await help_on_step(dispatcher, tracker, context, assignment)


class ActionWalkAssignment(AssignmentAction):
    """ "Help me with an assignment": start or resume one, or help on the step the jobseeker is at."""

    def name(self) -> str:
        return "action_walk_assignment"

    async def handle(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, context: AssignmentContext
    ) -> list[EventType]:
        current = current_assignment_id(tracker)
        in_walkthrough = question_just_asked(tracker) in (QUESTION_STEP, QUESTION_PERSON)
        if in_walkthrough and current is not None and chosen_assignment_id(tracker) is None:
            assignment = await context.own_assignment(current)
            if assignment is not None and not assignment.is_done:
                return await help_on_step(dispatcher, tracker, context, assignment)
        assignments = await context.client.list_assignments(jobseeker_id=context.identity.jobseeker_id)
        if not assignments:
            dispatcher.utter_message(response="utter_assignments_none")
            return forget_assignment()
        assignment = pick_assignment(tracker, assignments)
        if assignment is None:
            buttons = choice_buttons(assignments, intent="ask_assignment_help")
            dispatcher.utter_message(response="utter_assignment_which", buttons=buttons)
            return [*context.identity_events(), *forget_question()]
        return await start(dispatcher, context, assignment)
