"""Due-date reminders through Rasa's reminder mechanism: daytime only, at most one a day.

One named reminder per conversation (a new one replaces the old), and the backoffice's
daily claim keeps it to one a day even with several bot replicas.
"""

import logging
from datetime import date, datetime, time, timedelta
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, ReminderScheduled, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import clock
from actions.assignments.context import ASSIGNMENT_SLOT
from actions.assignments.walkthrough import QUESTION_START
from actions.backoffice_client import Assignment, BackofficeClient, BackofficeUnavailableError
from actions.clock import BRUSSELS
from actions.dutch_dates import due_phrase
from actions.questions import ask

logger = logging.getLogger(__name__)

REMINDER_NAME = "assignment_reminder"
REMINDER_INTENT = "EXTERNAL_assignment_reminder"
REMIND_AT = time(10, 0)
DAYTIME = (time(9, 0), time(19, 0))  # never at night
DAYS_BEFORE_DUE = 1
STOP_AFTER_OVERDUE_DAYS = 7  # an old overdue assignment is for the consultant, not for daily messages


def is_daytime(moment: datetime) -> bool:
    local = moment.astimezone(BRUSSELS).time()
    return DAYTIME[0] <= local < DAYTIME[1]


def next_reminder_at(*, now: datetime, due_dates: list[date]) -> datetime | None:
    """The morning before the nearest due date; tomorrow morning at the earliest.

    Never today: whoever triggers this is busy with their assignments right now.
    """
    today = now.astimezone(BRUSSELS).date()
    reachable = [due for due in due_dates if due >= today - timedelta(days=STOP_AFTER_OVERDUE_DAYS)]
    if not reachable:
        return None
    day = max(min(reachable) - timedelta(days=DAYS_BEFORE_DUE), today + timedelta(days=1))
    return datetime.combine(day, REMIND_AT, tzinfo=BRUSSELS)


def schedule_reminder(*, now: datetime, assignments: list[Assignment]) -> list[EventType]:
    due_dates = [assignment.due_date for assignment in assignments if assignment.due_date and not assignment.is_done]
    moment = next_reminder_at(now=now, due_dates=due_dates)
    if moment is None:
        return []
    # kill_on_user_message=False: talking to the bot about something else must not cancel it.
    return [ReminderScheduled(REMINDER_INTENT, moment, name=REMINDER_NAME, kill_on_user_message=False)]


class ActionRemindAssignment(Action):
    """Runs when a reminder fires: reminds of the most urgent assignment, if today allows one."""

    def name(self) -> str:
        return "action_remind_assignment"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        jobseeker_id = tracker.get_slot("jobseeker_id")
        if not (isinstance(jobseeker_id, str) and jobseeker_id.isdigit()):
            return []
        now = clock.now_in_brussels()
        client = BackofficeClient.from_environment()
        try:
            assignments = await client.list_assignments(jobseeker_id=int(jobseeker_id)) or []
            if not is_daytime(now):
                # A reminder that fires late (a restart, a busy server) waits for the morning.
                return schedule_reminder(now=now, assignments=assignments)
            claimed = await client.claim_reminder(jobseeker_id=int(jobseeker_id))
        except BackofficeUnavailableError:
            logger.warning("Reminder skipped: backoffice unavailable")
            return []
        events = schedule_reminder(now=now, assignments=assignments)
        if claimed is None or claimed.due_date is None:
            return events
        dispatcher.utter_message(
            response="utter_assignment_reminder",
            title=claimed.title,
            due=due_phrase(claimed.due_date, today=now.date()),
        )
        return [*events, SlotSet(ASSIGNMENT_SLOT, str(claimed.id)), *ask(QUESTION_START)]
