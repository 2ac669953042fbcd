"""What the consultant reads first: the conversation so far, and why the jobseeker came."""

from datetime import datetime, timezone

from rasa_sdk import Tracker

MAX_TRANSCRIPT_LINES = 40
# Intents that say nothing about what the jobseeker came for.
NOT_A_TOPIC = frozenset(
    {
        "greet", "goodbye", "affirm", "deny", "thank", "bot_challenge", "out_of_scope", "inform",
        "request_human", "nlu_fallback", "help",
    }
)  # fmt: skip


def _at(event: dict) -> str:
    timestamp = event.get("timestamp")
    moment = datetime.fromtimestamp(float(timestamp), tz=timezone.utc) if timestamp else datetime.now(timezone.utc)
    return moment.isoformat(timespec="seconds")


def _intent(event: dict) -> str | None:
    return ((event.get("parse_data") or {}).get("intent") or {}).get("name")


def session_events(tracker: Tracker) -> list[dict]:
    """The events since the current session started."""
    events = list(tracker.events)
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") == "session_started":
            return events[index + 1 :]
    return events


def transcript(tracker: Tracker) -> list[dict[str, str]]:
    """The messages of this session, oldest first; a button press reads as the intent it chose."""
    lines: list[dict[str, str]] = []
    for event in session_events(tracker):
        kind = event.get("event")
        text = (event.get("text") or "").strip()
        if kind == "user" and text:
            if text.startswith("/"):
                text = f"[knop: {_intent(event) or 'onbekend'}]"
            lines.append({"sender": "jobseeker", "text": text, "at": _at(event)})
        elif kind == "bot" and text:
            lines.append({"sender": "bot", "text": text, "at": _at(event)})
    return lines[-MAX_TRANSCRIPT_LINES:]


def topic(tracker: Tracker) -> str | None:
    """The latest thing the jobseeker asked about, as an intent name."""
    for event in reversed(session_events(tracker)):
        if event.get("event") == "user":
            intent = _intent(event)
            if intent and intent not in NOT_A_TOPIC and not intent.startswith("EXTERNAL_"):
                return intent
    return None


def last_bot_response(tracker: Tracker) -> str | None:
    """The response template of the bot's latest message before the newest user message."""
    seen_user = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            if seen_user:
                return None
            seen_user = True
        elif kind == "bot" and seen_user:
            return (event.get("metadata") or {}).get("utter_action")
    return None
