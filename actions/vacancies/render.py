"""Search results per channel: cards with a button on the web, a short numbered list by SMS,
the top three read out on the phone."""

from typing import Any

from actions.backoffice_client import JobSuggestion, SearchPage, VacancyCard, VacancyDashboard
from actions.vacancies.criteria import SearchCriteria

SMS_ITEMS = 3
PHONE_ITEMS = 3
SMS_TITLE_CHARS = 28  # three lines plus the instructions fit two SMS segments
PHONE_WORDS = ("Een", "Twee", "Drie")
DASHBOARD_SAVED = 5


def _place(card: VacancyCard) -> str:
    if card.distance_km is None:
        return card.municipality
    return f"{card.municipality} ({round(card.distance_km)} km)"


def _terms(card: VacancyCard) -> str:
    return ", ".join(term for term in (card.contract_type, card.work_schedule) if term)


def intro(page: SearchPage, criteria: SearchCriteria) -> str:
    count = "1 vacature" if page.total == 1 else f"{page.total} vacatures"
    return f"Ik vond {count} voor {criteria.what()} {criteria.where()}."


def web_cards(page: SearchPage) -> list[dict[str, Any]]:
    """One message per vacancy, with its own save button (the id travels in the payload).
    Numbers start at 1 on every page, as on SMS and phone, so "bewaar 2" means what is shown."""
    return [_card(number, card, card.summary) for number, card in enumerate(page.results, start=1)]


def suggestion_cards(suggestions: list[JobSuggestion]) -> list[dict[str, Any]]:
    return [
        _card(number, suggestion.vacancy, f"Waarom: {suggestion.reason}")
        for number, suggestion in enumerate(suggestions, start=1)
    ]


def _card(number: int, card: VacancyCard, last_line: str) -> dict[str, Any]:
    lines = [f"{number}. {card.title} bij {card.employer}", " · ".join(filter(None, [_place(card), _terms(card)]))]
    if last_line:
        lines.append(last_line)
    return {
        "text": "\n".join(lines),
        "buttons": [{"title": f"Bewaar nummer {number}", "payload": f'/save_vacancy{{"vacancy_id": "{card.id}"}}'}],
    }


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sms_list(page: SearchPage, criteria: SearchCriteria) -> str:
    lines = [intro(page, criteria)]
    for number, card in enumerate(page.results[:SMS_ITEMS], start=1):
        lines.append(f"{number}) {_short(card.title, SMS_TITLE_CHARS)}, {card.municipality}")
    lines.append("Stuur 'bewaar' en het nummer.")
    if page.has_more:
        lines.append("Stuur 'meer' voor meer.")
    return "\n".join(lines)


def phone_list(page: SearchPage) -> str:
    """Short enough to be spoken: the count, then the top three as title and place."""
    count = "1 vacature" if page.total == 1 else f"{page.total} vacatures"
    parts = [f"Ik vond {count}."]
    for word, card in zip(PHONE_WORDS, page.results[:PHONE_ITEMS], strict=False):
        parts.append(f"{word}: {card.title} in {card.municipality}.")
    parts.append("Zeg bewaar en het nummer.")
    return " ".join(parts)


def sms_suggestions(suggestions: list[JobSuggestion]) -> str:
    lines = ["Deze vacatures passen misschien bij jou:"]
    for number, suggestion in enumerate(suggestions[:SMS_ITEMS], start=1):
        card = suggestion.vacancy
        lines.append(f"{number}) {_short(card.title, SMS_TITLE_CHARS)}, {card.municipality}")
    lines.append("Stuur 'bewaar' en het nummer.")
    return "\n".join(lines)


def phone_suggestions(suggestions: list[JobSuggestion]) -> str:
    parts = ["Misschien iets voor jou."]
    for word, suggestion in zip(PHONE_WORDS, suggestions[:PHONE_ITEMS], strict=False):
        parts.append(f"{word}: {suggestion.vacancy.title} in {suggestion.vacancy.municipality}.")
    parts.append("Zeg bewaar en het nummer.")
    return " ".join(parts)


def dashboard_summary(dashboard: VacancyDashboard, *, short: bool) -> str:
    """How many saved and applied, then the latest saved ones (numbered, for "bewaar"/"solliciteerde")."""
    saved = len(dashboard.saved)
    applied = len(dashboard.applications)
    lines = [
        "Je bewaarde 1 vacature." if saved == 1 else f"Je bewaarde {saved} vacatures.",
        "Je solliciteerde 1 keer." if applied == 1 else f"Je solliciteerde {applied} keer.",
    ]
    if not short:
        for number, card in enumerate(dashboard.saved[:DASHBOARD_SAVED], start=1):
            lines.append(f"{number}. {card.title} bij {card.employer}")
    return "\n".join(lines)
