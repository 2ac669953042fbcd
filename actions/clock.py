"""The time where the jobseekers live; one place, so tests can fix it."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")


def now_in_brussels() -> datetime:
    return datetime.now(BRUSSELS)


def today_in_brussels() -> date:
    return now_in_brussels().date()
