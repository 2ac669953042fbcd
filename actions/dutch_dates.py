"""Dates as a Flemish jobseeker says them: "vandaag", "morgen", "maandag 7 december"."""

from datetime import date

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def day_name(day: date, *, today: date) -> str:
    """ "maandag 7 december"; with the year only when it is not this year."""
    text = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def due_phrase(due: date, *, today: date) -> str:
    """How a due date reads after "... moet klaar zijn"."""
    days = (due - today).days
    if days < 0:
        return f"op {day_name(due, today=today)}, dat is al voorbij"
    if days == 0:
        return "vandaag"
    if days == 1:
        return "morgen"
    return f"tegen {day_name(due, today=today)}"
