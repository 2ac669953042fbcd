"""Database ids that buttons send along (`/save_vacancy{"vacancy_id": "12"}`): a payload can be
typed or forged, so only a positive id that fits the column counts."""

from rasa_sdk import Tracker

MAX_DB_ID = 2**31 - 1


def payload_id(tracker: Tracker, entity: str) -> int | None:
    value = next(tracker.get_latest_entity_values(entity), None)
    if value is None:
        return None
    text = str(value).strip()
    return int(text) if text.isdigit() and 0 < int(text) <= MAX_DB_ID else None
