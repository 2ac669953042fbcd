"""The one source of "now" and "today": tests and the seed fix it, routes get it as a dependency.

Timestamps are stored as naive UTC (as SQLite's CURRENT_TIMESTAMP and the existing columns do);
the calendar day that due dates and reminders are about is the day in Brussels.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo


@lru_cache
def brussels() -> ZoneInfo:
    # Built on first use: reading the zone file is I/O, and nothing may do I/O at import time.
    return ZoneInfo("Europe/Brussels")


@dataclass(frozen=True)
class Clock:
    now: datetime  # naive UTC

    @property
    def today(self) -> date:
        return self.now.replace(tzinfo=UTC).astimezone(brussels()).date()

    @classmethod
    def at(cls, moment: datetime) -> "Clock":
        """A clock fixed at a moment; an aware moment is converted, a naive one is taken as UTC."""
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        return cls(now=moment)

    @classmethod
    def on(cls, day: date, hour: int = 10) -> "Clock":
        """A clock at a given hour (Brussels time) of a given day."""
        return cls.at(datetime.combine(day, time(hour), tzinfo=brussels()))


def get_clock() -> Clock:
    """FastAPI dependency; tests override it to fix the day."""
    return Clock(now=datetime.now(UTC).replace(tzinfo=None))
