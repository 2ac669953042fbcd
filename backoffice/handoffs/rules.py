"""Priority and summary of a handoff: the rules in one place, the words consultants read in Dutch."""

from typing import Any

# Priority 1 urgent, 2 normal, 3 low. The first rule that matches wins.
URGENT, NORMAL, LOW = 1, 2, 3

REASON_TEXT = {
    "requested": "Vraagt zelf naar een medewerker.",
    "misunderstood": "De bot begreep de vraag twee keer niet.",
    "digital_skill": "Heeft moeite met digitale kanalen.",
    "topic": "Onderwerp vraagt een medewerker.",
}

# Intent names as a consultant reads them; other intents fall back to their name in words.
TOPIC_TEXT = {
    "ask_assignments": "opdrachten",
    "report_assignment_done": "opdracht afgerond",
    "ask_assignment_help": "hulp bij een opdracht",
    "search_vacancies": "vacatures zoeken",
    "ask_job_suggestions": "jobsuggesties",
    "save_vacancy": "vacature bewaren",
    "report_application": "sollicitatie doorgeven",
    "show_vacancy_dashboard": "bewaarde vacatures en sollicitaties",
    "express_digital_difficulty": "moeite met computer of internet",
    "ask_digital_course": "cursus digitale vaardigheden",
    "book_appointment": "afspraak maken",
    "ask_werkwinkel": "werkwinkel",
    "file_loopbaancheque_complaint": "klacht over loopbaancheque",
    "ask_loopbaancheque_info": "loopbaancheque",
    "request_human": "een medewerker spreken",
    "out_of_scope": "een vraag buiten het aanbod",
}

LEVEL_TEXT = {
    "digital": "digitaal zelfstandig",
    "human-digital": "digitaal met hulp",
    "human": "niet digitaal, heeft persoonlijke hulp nodig",
}

CHANNEL_TEXT = {"sms": "Via sms.", "phone": "Via telefoon.", "telegram": "Via Telegram."}

QUOTE_CHARS = 100


def priority(*, channel: str, reason: str, digital_level: str | None) -> int:
    """Who needs a person most: not digital or on the phone first, then hybrid, sms or stuck."""
    if digital_level == "human" or channel == "phone":
        return URGENT
    if digital_level == "human-digital" or channel == "sms" or reason == "misunderstood":
        return NORMAL
    return LOW


def topic_text(topic: str | None) -> str | None:
    if not topic:
        return None
    return TOPIC_TEXT.get(topic, topic.replace("_", " "))


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] if " " in flat[: limit - 1] else flat[: limit - 1]
    return cut + "…"


def summary(
    *,
    reason: str,
    topic: str | None,
    channel: str,
    digital: dict[str, Any] | None,
    transcript: list[dict[str, Any]],
) -> str:
    """A few short Dutch sentences, so a consultant knows where the conversation stands."""
    parts = [REASON_TEXT[reason]]
    readable_topic = topic_text(topic)
    if readable_topic:
        parts.append(f"Onderwerp: {readable_topic}.")
    if digital and digital.get("level") in LEVEL_TEXT:
        count = len(digital.get("evidence") or [])
        signals = f" ({count} {'signaal' if count == 1 else 'signalen'})" if count else ""
        parts.append(f"Digitaal: {LEVEL_TEXT[digital['level']]}{signals}.")
    if channel in CHANNEL_TEXT:
        parts.append(CHANNEL_TEXT[channel])
    last = next((line["text"] for line in reversed(transcript) if line.get("sender") == "jobseeker"), None)
    if last and last.strip():
        parts.append(f'Laatste bericht: "{shorten(last)}"')
    return " ".join(parts)
