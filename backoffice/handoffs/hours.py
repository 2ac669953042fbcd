"""Office hours of the Servicelijn: parsed from one setting, judged in Brussels time.

Format: entries separated by ";", each "DAYS HH:MM-HH:MM", where DAYS is a day ("sat"), a
range ("mon-fri") or a list ("mon,wed"). Example: "mon-fri 08:00-19:00; sat 09:00-12:00".
The space may be missing: honcho reads an unquoted .env value without its spaces.
Public holidays are not known here.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from backoffice.clock import Clock, brussels

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_ENTRY = re.compile(r"^(?P<days>[a-z,-]+)\s*(?P<start>\d{1,2}:\d{2})-(?P<end>\d{1,2}:\d{2})$")


class InvalidHoursError(ValueError):
    pass


@dataclass(frozen=True)
class Opening:
    weekdays: tuple[int, ...]  # 0 = Monday
    start: time
    end: time


def _time(value: str, spec: str) -> time:
    hours, minutes = (int(part) for part in value.split(":"))
    if hours == 24 and minutes == 0:
        return time.max
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        raise InvalidHoursError(f"{value!r} is not a time of day in {spec!r}")
    return time(hours, minutes)


def _weekdays(value: str, spec: str) -> tuple[int, ...]:
    days: list[int] = []
    for part in value.split(","):
        first, _, last = part.partition("-")
        if first not in DAYS or (last and last not in DAYS):
            raise InvalidHoursError(f"{part!r} is not a day or a range of days (mon..sun) in {spec!r}")
        start, end = DAYS.index(first), DAYS.index(last or first)
        if end < start:
            raise InvalidHoursError(f"{part!r} runs backwards in {spec!r}")
        days.extend(range(start, end + 1))
    return tuple(sorted(set(days)))


def parse_hours(spec: str) -> tuple[Opening, ...]:
    """Parses SERVICELIJN_HOURS; raises InvalidHoursError with what is wrong."""
    openings = []
    for raw in spec.lower().split(";"):
        entry = raw.strip()
        if not entry:
            continue
        match = _ENTRY.match(entry)
        if match is None:
            raise InvalidHoursError(f"{entry!r} is not like 'mon-fri 08:00-19:00' in {spec!r}")
        start, end = _time(match["start"], spec), _time(match["end"], spec)
        if end <= start:
            raise InvalidHoursError(f"{entry!r} closes before it opens in {spec!r}")
        openings.append(Opening(weekdays=_weekdays(match["days"], spec), start=start, end=end))
    if not openings:
        raise InvalidHoursError("SERVICELIJN_HOURS names no opening hours")
    return tuple(openings)


def _local(clock: Clock) -> datetime:
    return clock.now.replace(tzinfo=UTC).astimezone(brussels())


def is_open(openings: tuple[Opening, ...], *, clock: Clock) -> bool:
    local = _local(clock)
    moment = local.time()
    return any(local.weekday() in opening.weekdays and opening.start <= moment < opening.end for opening in openings)


def next_opening(openings: tuple[Opening, ...], *, clock: Clock) -> datetime | None:
    """The next moment the line opens (Brussels time, aware), or None while it is open."""
    if is_open(openings, clock=clock):
        return None
    local = _local(clock)
    candidates = []
    for days_ahead in range(8):
        day = local.date() + timedelta(days=days_ahead)
        for opening in openings:
            if day.weekday() in opening.weekdays:
                start = datetime.combine(day, opening.start, tzinfo=brussels())
                if start > local:
                    candidates.append(start)
        if candidates:
            return min(candidates)
    return None


def _clock_text(moment: time) -> str:
    if moment == time.max:
        return "24"
    return f"{moment.hour}" if moment.minute == 0 else f"{moment.hour}.{moment.minute:02d}"


def _days_text(weekdays: tuple[int, ...]) -> str:
    if weekdays == (0, 1, 2, 3, 4):
        return "op werkdagen"
    if weekdays == tuple(range(7)):
        return "elke dag"
    if len(weekdays) > 2 and weekdays == tuple(range(weekdays[0], weekdays[-1] + 1)):
        return f"van {DAY_NAMES[weekdays[0]]} tot {DAY_NAMES[weekdays[-1]]}"
    names = [DAY_NAMES[day] for day in weekdays]
    return "op " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1])


def hours_text(openings: tuple[Opening, ...]) -> str:
    """Dutch for people: "op werkdagen van 8 tot 19 uur"."""
    parts = [
        f"{_days_text(opening.weekdays)} van {_clock_text(opening.start)} tot {_clock_text(opening.end)} uur"
        for opening in openings
    ]
    return " en ".join(parts)
