"""Which assignment a message is about: a button's id, or the words the jobseeker used."""

import re
import unicodedata

from rasa_sdk import Tracker

from actions.backoffice_client import Assignment
from actions.payloads import payload_id

ASSIGNMENT_ENTITY = "assignment_id"


def fold(text: str) -> str:
    """Lowercase without diacritics, so "cv" matches "CV" and "e-mail" matches "email"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("-", "")


def chosen_assignment_id(tracker: Tracker) -> int | None:
    """The id a button sent along (``/ask_assignment_help{"assignment_id": "12"}``)."""
    return payload_id(tracker, ASSIGNMENT_ENTITY)


def matching_assignments(text: str, assignments: list[Assignment]) -> list[Assignment]:
    """Assignments whose keywords occur as words (or word starts) in the message."""
    words = re.findall(r"\w+", fold(text))
    joined = " ".join(words)

    def mentioned(keyword: str) -> bool:
        if " " in keyword:
            return keyword in joined
        return any(word.startswith(keyword) for word in words)

    return [
        assignment
        for assignment in assignments
        if any(mentioned(fold(keyword).strip()) for keyword in assignment.keywords if keyword.strip())
    ]


def pick_assignment(tracker: Tracker, assignments: list[Assignment]) -> Assignment | None:
    """The assignment meant: by button, by the words used, or the only one there is."""
    wanted = chosen_assignment_id(tracker)
    if wanted is not None:
        return next((assignment for assignment in assignments if assignment.id == wanted), None)
    matches = matching_assignments(tracker.latest_message.get("text") or "", assignments)
    if len(matches) == 1:
        return matches[0]
    if len(assignments) == 1 and not matches:
        return assignments[0]
    return None
