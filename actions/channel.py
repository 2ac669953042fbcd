"""Which channel a conversation is on, for answers that must be shorter on SMS and phone."""

from rasa_sdk import Tracker

# SMS costs per segment and phone answers are spoken: both get short answers.
SHORT_CHANNELS = frozenset({"sms", "phone"})


def channel_of(tracker: Tracker) -> str:
    return tracker.get_latest_input_channel() or "unknown"


def wants_short_answers(tracker: Tracker) -> bool:
    return channel_of(tracker) in SHORT_CHANNELS
