"""The digital-skill scorer: evidence in, a service layer (digital / human-digital / human) out.

The one place with the rules and their weights. Every piece of evidence is a code with an
optional detail; the table below gives each code a weight, a cap (repeating the same thing
never piles up) and the words a consultant reads. Pure functions, so every rule and every
boundary has its own test (tests/backoffice/test_digital_rules.py).

Two promises the numbers keep, and the tests check:
- No single code can reach "human" on its own: every cap is below HUMAN_FROM. A person is
  sent to the human layer only when different kinds of evidence agree.
- One explicit statement ("ik kan niet met een computer") reaches "human-digital": someone who
  says so is offered help at once, but not yet judged "not digital".
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

Level = Literal["digital", "human-digital", "human"]
LEVELS: tuple[Level, ...] = ("digital", "human-digital", "human")

# Level boundaries on the score: below HUMAN_DIGITAL_FROM is digital.
HUMAN_DIGITAL_FROM = 3
HUMAN_FROM = 7

# Codes the conversation (the bot) reports; the others come from the dossier or the channel.
CONVERSATION_CODES = ("explicit_statement", "basic_operation_help", "misunderstanding", "typo")
# Misunderstandings count only from this many in a row: one misread message says nothing.
MISUNDERSTANDINGS_IN_A_ROW = 2

STATEMENT_WORDING = {
    "computer": "Zegt zelf dat het niet lukt met een computer.",
    "email": "Zegt zelf geen e-mailadres te hebben.",
    "internet": "Zegt zelf geen internet te hebben.",
    "smartphone": "Zegt zelf geen smartphone te hebben.",
    "online": "Zegt zelf dat online werken niet lukt.",
}
OPERATION_WORDING = {
    "login": "inloggen",
    "password": "een wachtwoord",
    "upload": "iets opladen (bijvoorbeeld een cv)",
    "email": "e-mail",
    "form": "een formulier invullen",
}
CHANNEL_WORDING = {
    "sms": "Gebruikt sms.",
    "phone": "Belt liever (telefoon).",
}


@dataclass(frozen=True)
class Signal:
    """One piece of evidence: a code of the table below and an optional detail."""

    code: str
    detail: str | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    source: str  # where it comes from: conversation, channel or dossier
    weight: Callable[[str | None], int]  # points for one signal, by its detail
    cap: int  # most points this code can add, however often it occurs
    wording: Callable[[str | None], str | None]  # the consultant's words; None: not shown


@dataclass(frozen=True)
class Assessment:
    level: Level
    score: int
    evidence: list[str]


def _fixed(points: int) -> Callable[[str | None], int]:
    return lambda _detail: points


def _channel_points(detail: str | None) -> int:
    # Phone users may have no smartphone or internet at all; SMS users at least text.
    return {"phone": 2, "sms": 1}.get(detail or "", 0)


def _statement(detail: str | None) -> str:
    return STATEMENT_WORDING.get(detail or "", "Zegt zelf dat digitaal werken moeilijk is.")


def _operation(detail: str | None) -> str:
    what = OPERATION_WORDING.get(detail or "")
    return f"Vroeg hulp bij {what}." if what else "Vroeg hulp bij iets eenvoudigs op de computer."


def _misunderstanding(detail: str | None) -> str:
    return f"Het gesprek liep {detail} keer na elkaar vast: de vraag werd niet begrepen."


def _overdue(detail: str | None) -> str:
    return f"Online opdracht te laat: {detail}." if detail else "Een online opdracht is te laat."


def _consultant(detail: str | None) -> str:
    when = f" (op {detail})" if detail else ""
    return f"Een bemiddelaar noteerde eerder weinig digitale vaardigheden{when}."


RULES: tuple[Rule, ...] = (
    Rule("explicit_statement", "conversation", _fixed(4), 5, _statement),
    Rule("basic_operation_help", "conversation", _fixed(2), 4, _operation),
    Rule("misunderstanding", "conversation", _fixed(2), 2, _misunderstanding),
    # A typo says nothing about digital skill: people with a small screen or in a hurry make them.
    Rule("typo", "conversation", _fixed(0), 0, lambda _detail: None),
    Rule("channel", "channel", _channel_points, 2, lambda detail: CHANNEL_WORDING.get(detail or "")),
    Rule("overdue_digital_assignment", "dossier", _fixed(1), 2, _overdue),
    Rule("no_email", "dossier", _fixed(2), 2, lambda _detail: "Heeft geen e-mailadres in het dossier."),
    Rule("consultant_noted", "dossier", _fixed(3), 3, _consultant),
)
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def level_for(score: int) -> Level:
    if score >= HUMAN_FROM:
        return "human"
    if score >= HUMAN_DIGITAL_FROM:
        return "human-digital"
    return "digital"


def _misunderstanding_streak(signals: Iterable[Signal]) -> Signal | None:
    """One signal for the longest run: a detail that is a number is a run of that length,
    signals without one are counted."""
    runs = [int(signal.detail) for signal in signals if signal.detail and signal.detail.isdigit()]
    counted = sum(1 for signal in signals if not (signal.detail and signal.detail.isdigit()))
    longest = max([*runs, counted], default=0)
    return Signal("misunderstanding", str(longest)) if longest >= MISUNDERSTANDINGS_IN_A_ROW else None


def _normalised(signals: Iterable[Signal]) -> list[Signal]:
    """Unknown codes out, the same code and detail once, misunderstandings as one run."""
    known = [signal for signal in signals if signal.code in RULES_BY_CODE]
    misunderstandings = [signal for signal in known if signal.code == "misunderstanding"]
    others = list(dict.fromkeys(signal for signal in known if signal.code != "misunderstanding"))
    streak = _misunderstanding_streak(misunderstandings)
    return [*others, streak] if streak else others


def assess(signals: Iterable[Signal]) -> Assessment:
    """The level, the score and the evidence, in the order of the rule table."""
    points: dict[str, int] = {}
    words: dict[str, list[str]] = {}
    for signal in _normalised(signals):
        rule = RULES_BY_CODE[signal.code]
        gained = rule.weight(signal.detail)
        if gained <= 0:
            continue
        points[rule.code] = min(rule.cap, points.get(rule.code, 0) + gained)
        line = rule.wording(signal.detail)
        if line and line not in words.setdefault(rule.code, []):
            words[rule.code].append(line)
    score = sum(points.values())
    evidence = [line for rule in RULES for line in words.get(rule.code, [])]
    return Assessment(level=level_for(score), score=score, evidence=evidence)
