"""Small helpers to write dates and counts in plain Dutch."""

from datetime import date

DUTCH_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
COUNT_WORDS = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien")


def dutch_date(day: date) -> str:
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


def count_in_words(count: int) -> str:
    return COUNT_WORDS[count] if 0 <= count < len(COUNT_WORDS) else str(count)
