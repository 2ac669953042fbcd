"""Working days: Monday to Friday, without Belgian public holidays."""

from datetime import date, timedelta
from functools import lru_cache

# Fixed-date legal holidays in Belgium: New Year, Labour Day, National Day, Assumption,
# All Saints, Armistice and Christmas.
FIXED_HOLIDAYS = ((1, 1), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (12, 25))
# Easter Monday, Ascension Day and Whit Monday, in days after Easter Sunday.
EASTER_OFFSETS = (1, 39, 50)


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous algorithm of Meeus, Jones and Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache
def public_holidays(year: int) -> frozenset[date]:
    easter = easter_sunday(year)
    fixed = {date(year, month, day) for month, day in FIXED_HOLIDAYS}
    return frozenset(fixed | {easter + timedelta(days=offset) for offset in EASTER_OFFSETS})


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)
