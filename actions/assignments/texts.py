"""Assignment texts built from data: the list and the buttons. Fixed texts live in domain.yml."""

from datetime import date
from typing import Any

from actions.backoffice_client import Assignment
from actions.dutch_dates import due_phrase
from actions.intent_labels import HUMAN_LABEL, HUMAN_PAYLOAD

MAX_LISTED = 5
MAX_LISTED_SHORT = 3  # SMS and phone: a list must fit one or two messages
STEP_ANSWER_BUTTONS = [
    {"title": "Ja, dat lukt", "payload": "/affirm"},
    {"title": "Nee, ik heb hulp nodig", "payload": "/deny"},
    {"title": "Later verder", "payload": "/goodbye"},
]
YES_NO_BUTTONS = [
    {"title": "Ja", "payload": "/affirm"},
    {"title": "Nee, nu niet", "payload": "/deny"},
]


def status_note(assignment: Assignment, *, today: date) -> str:
    if assignment.due_date is not None and assignment.due_date < today:
        return "te laat"
    if assignment.status == "in_progress" and assignment.current_step > 0:
        return f"bezig, stap {assignment.current_step + 1} van {assignment.step_count}"
    if assignment.due_date is not None:
        return f"klaar {due_phrase(assignment.due_date, today=today)}"
    return ""


def assignment_list(assignments: list[Assignment], *, today: date, short: bool) -> str:
    """The open assignments, most urgent first; on SMS and phone only the first few."""
    shown = assignments[: MAX_LISTED_SHORT if short else MAX_LISTED]
    count = len(assignments)
    intro = "Je hebt nog 1 opdracht:" if count == 1 else f"Je hebt nog {count} opdrachten:"
    lines = []
    for number, assignment in enumerate(shown, start=1):
        note = status_note(assignment, today=today)
        lines.append(f"{number}. {assignment.title}" + (f" ({note})" if note else ""))
    if count > len(shown):
        lines.append(f"En nog {count - len(shown)} andere.")
    separator = " " if short else "\n"
    return separator.join([intro, *lines])


def choice_buttons(assignments: list[Assignment], *, intent: str) -> list[dict[str, Any]]:
    """One button per assignment (its id travels along), then the way to a person."""
    buttons = [
        {"title": assignment.title, "payload": f'/{intent}{{"assignment_id": "{assignment.id}"}}'}
        for assignment in assignments[:MAX_LISTED]
    ]
    return [*buttons, {"title": HUMAN_LABEL, "payload": HUMAN_PAYLOAD}]
