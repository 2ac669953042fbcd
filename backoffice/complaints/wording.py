"""The Dutch the citizen reads (B1): roughly when, the read-back, what happens next, the outcome.

Also reads "roughly when" as people say it: "maart 2026", "in maart", "2025-03", "vorig jaar".
"""

import re
from dataclasses import dataclass
from datetime import date

from backoffice.complaints.questions import ANSWER_LABELS, CRITERIA, DELIVERED, POP_LABELS, Criterion

FIRST_YEAR = 2013  # the loopbaancheque exists since July 2013
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")  # fmt: skip
_MONTH_WORDS = {name: number for number, name in enumerate(MONTHS, 1)} | {
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "maa": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_ISO = re.compile(r"^(\d{4})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/-](\d{4})$")

COMPLAINT_FORM = "het klachtenformulier op de website van VDAB"
DESK_EMAIL = "lb.cheque@vdab.be"
PHONE = "0800 30 700"
PHONE_HOURS = "elke werkdag van 8 tot 19 uur"


@dataclass(frozen=True)
class Period:
    year: int
    month: int | None


def period_text(year: int | None, month: int | None) -> str | None:
    if year is None:
        return None
    return f"{MONTHS[month - 1]} {year}" if month else str(year)


def parse_period(text: str, *, today: date) -> Period | None:
    """A year and maybe a month, never in the future and not before the loopbaancheque; None if unclear."""
    words = re.sub(r"[^\w/-]+", " ", text.lower()).split()
    words = [word for word in words if word not in {"in", "ongeveer", "rond", "begin", "eind", "half", "midden"}]
    phrase = " ".join(words)
    period: Period | None = None
    if phrase in ("vorig jaar", "verleden jaar", "vorige jaar"):
        period = Period(today.year - 1, None)
    elif phrase in ("dit jaar", "dees jaar"):
        period = Period(today.year, None)
    elif phrase in ("vorige maand", "verleden maand"):
        period = Period(today.year - 1, 12) if today.month == 1 else Period(today.year, today.month - 1)
    elif phrase in ("deze maand",):
        period = Period(today.year, today.month)
    elif match := _ISO.match(phrase):
        period = Period(int(match.group(1)), int(match.group(2)))
    elif match := _NUMERIC.match(phrase):
        period = Period(int(match.group(2)), int(match.group(1)))
    elif len(words) == 1 and words[0].isdigit() and len(words[0]) == 4:
        period = Period(int(words[0]), None)
    elif 1 <= len(words) <= 2 and words[0] in _MONTH_WORDS:
        month = _MONTH_WORDS[words[0]]
        if len(words) == 2:
            if not (words[1].isdigit() and len(words[1]) == 4):
                return None
            period = Period(int(words[1]), month)
        else:  # the last such month that is not in the future
            period = Period(today.year if month <= today.month else today.year - 1, month)
    if period is None or (period.month is not None and not 1 <= period.month <= 12):
        return None
    if period.year < FIRST_YEAR or (period.year, period.month or 1) > (today.year, today.month):
        return None
    return period


def delivered_text(codes: list[str] | None) -> str | None:
    if not codes:
        return None
    return "; ".join(DELIVERED[code].lower() if index else DELIVERED[code] for index, code in enumerate(codes))


def _criterion_line(criterion: Criterion, answer: dict | None) -> str | None:
    if not answer:
        return None
    return f"{criterion.recap}: {ANSWER_LABELS[answer['answer']]}"


def recap_lines(
    *,
    centre: str | None,
    year: int | None,
    month: int | None,
    cheques: int | None,
    criteria: dict,
    delivered: list[str] | None,
    pop: str | None,
) -> list[str]:
    """The read-back before the citizen confirms: one short line per answer given so far."""
    lines = []
    if centre:
        lines.append(f"Loopbaancentrum: {centre}")
    if year:
        lines.append(f"Wanneer: {period_text(year, month)}")
    if cheques:
        lines.append(f"Loopbaancheques: {cheques}")
    for criterion in CRITERIA:
        line = _criterion_line(criterion, criteria.get(criterion.code))
        if line:
            lines.append(line)
    if delivered:
        lines.append(f"Wat je kreeg: {delivered_text(delivered)}")
    if pop:
        lines.append(f"Persoonlijk ontwikkelingsplan gekregen: {POP_LABELS[pop]}")
    return lines


def formal_channels() -> list[str]:
    return [
        f"via {COMPLAINT_FORM}",
        f"via het loket loopbaancheques: {DESK_EMAIL}",
        f"via het gratis nummer {PHONE}, {PHONE_HOURS}",
    ]


def next_steps(reference: str) -> list[str]:
    """What happens after submitting, one paragraph a message (the bot sends them in order)."""
    return [
        f"Bedankt. We hebben je klacht goed ontvangen. Je referentienummer is {reference}.",
        "Wat gebeurt er nu? VDAB kijkt na of het loopbaancentrum echte loopbaanbegeleiding gaf. "
        "We vragen ook uitleg aan het centrum.",
        "Was de begeleiding niet in orde? Dan krijg je je recht op de loopbaancheque terug. "
        "Je kan de cheque dan bij een ander loopbaancentrum gebruiken. Je hoort van ons hoe het afloopt.",
        "Wil je je klacht ook officieel indienen, of heb je nog een vraag? Dat kan "
        + ", ".join(formal_channels()[:2])
        + f" of {formal_channels()[2]}.",
    ]


def outcome_text(*, reference: str, centre: str | None, outcome: str, restore_right: bool) -> str:
    """The message that tells the citizen how the complaint ended (never amounts or sanctions)."""
    about = f" over {centre}" if centre else ""
    opening = f"We hebben je klacht{about} onderzocht (referentie {reference})."
    if outcome == "conformant":
        return (
            f"{opening} De begeleiding voldeed wel aan de regels voor loopbaanbegeleiding. "
            f"Ben je het daar niet mee eens? Mail naar {DESK_EMAIL} of bel gratis {PHONE} ({PHONE_HOURS})."
        )
    text = f"{opening} De begeleiding voldeed niet aan de regels voor loopbaanbegeleiding."
    if restore_right:
        text += (
            " Je krijgt je recht op de loopbaancheque terug. Je kan de cheque bij een ander loopbaancentrum gebruiken."
        )
    return text + " We spreken het centrum hierover aan."
