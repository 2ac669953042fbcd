"""The preliminary assessment of a complaint against the definition of loopbaanbegeleiding.

The one place with the rules (seed 003): one table, each row a finding with its effect, the
words the complaint handler reads, and a test of the answers. Pure functions, so every row and
their combinations have a test (tests/backoffice/test_complaints_rules.py).

- A criterion answered "no" is not met; "partly" leaves doubt.
- Only a test with its results, only advice, only application coaching: not loopbaanbegeleiding
  ("Manier 1"; "Manier 6": "enkel een persoonlijkheidstest ... NIET een volwaardige loopbaanbegeleiding").
- Part of other guidance, outplacement or coaching: excluded by the definition.
- Offered by the employer: the initiative must come from the person (definition; "Manier 9":
  "ongeoorloofd aanbod vanuit de werkgever").
- No personal development plan (POP): the guidance must result in one ("Manier 1" and "Manier 4").

The verdict is only a suggestion: the handler decides. When the definition looks unmet the
measures of the seed are suggested; suspending the mandate only for a centre that was found not
conformant before ("Evolueren zij niet naar de gestelde normen, kan VDAB hun mandaat schorsen").
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from backoffice.complaints.questions import ANSWER_LABELS, CRITERIA, DELIVERED, POP_LABELS

Effect = Literal["not_met", "doubt"]
Verdict = Literal["likely_not_met", "doubtful", "likely_met", "incomplete"]

# Earlier "not conformant" decisions for the same centre (in the last year) from which
# suspending the mandate is suggested.
SUSPEND_AFTER_PRIOR = 2

MEASURES = {
    "reclaim_payment": "De betaling voor de loopbaancheque terugvorderen bij het centrum",
    "restore_right": "Het recht op de loopbaancheque terugplaatsen, zodat de burger elders kan starten",
    "address_centre": "Het centrum aanspreken op de invulling van de dienstverlening en het coachen",
    "suspend_mandate": "Het mandaat van het centrum schorsen als het niet naar de normen evolueert",
}
VERDICTS = {
    "likely_not_met": "Waarschijnlijk geen loopbaanbegeleiding volgens de definitie",
    "doubtful": "Twijfel: navragen bij burger en centrum",
    "likely_met": "Waarschijnlijk wel volgens de definitie",
    "incomplete": "Nog niet alle antwoorden",
}


@dataclass(frozen=True)
class Answer:
    value: str | None
    explanation: str | None = None


@dataclass(frozen=True)
class Answers:
    """What the citizen answered; None for what is not answered yet."""

    criteria: Mapping[str, Answer] = field(default_factory=dict)
    delivered: tuple[str, ...] | None = None
    delivered_explanation: str | None = None
    pop: str | None = None
    pop_explanation: str | None = None


@dataclass(frozen=True)
class Finding:
    code: str
    effect: Effect
    text: str  # for the handler
    evidence: tuple[str, ...]  # the citizen's answers that led to it, quoted


@dataclass(frozen=True)
class Assessment:
    verdict: Verdict
    findings: tuple[Finding, ...]
    criteria_not_met: tuple[str, ...]  # codes of the five questions answered "no"
    suggested_measures: tuple[str, ...]

    @property
    def verdict_label(self) -> str:
        return VERDICTS[self.verdict]


@dataclass(frozen=True)
class Rule:
    code: str
    effect: Effect
    text: str
    applies: Callable[[Answers], bool]
    evidence: Callable[[Answers], tuple[str, ...]]


def _quote(label: str, answer: str, explanation: str | None) -> tuple[str, ...]:
    line = f"{label}: {answer}"
    return (f'{line} – "{explanation}"',) if explanation else (line,)


def _criterion_rule(code: str, label: str, short: str, value: str, effect: Effect) -> Rule:
    def applies(answers: Answers) -> bool:
        answer = answers.criteria.get(code)
        return answer is not None and answer.value == value

    def evidence(answers: Answers) -> tuple[str, ...]:
        return _quote(label, ANSWER_LABELS[value], answers.criteria[code].explanation)

    wording = "niet voldaan" if effect == "not_met" else "maar gedeeltelijk voldaan"
    return Rule(f"{code}_{value}", effect, f"Criterium '{short}': {wording}.", applies, evidence)


def _delivered_rule(code: str, delivered: str, text: str) -> Rule:
    return Rule(
        code,
        "not_met",
        text,
        lambda answers: delivered in (answers.delivered or ()),
        lambda answers: _quote("Wat kreeg je", DELIVERED[delivered].lower(), answers.delivered_explanation),
    )


def _pop_rule(code: str, value: str, effect: Effect, text: str) -> Rule:
    return Rule(
        code,
        effect,
        text,
        lambda answers: answers.pop == value,
        lambda answers: _quote("POP gekregen", POP_LABELS[value], answers.pop_explanation),
    )


RULES: tuple[Rule, ...] = (
    *(_criterion_rule(c.code, c.label, c.short, "no", "not_met") for c in CRITERIA),
    *(_criterion_rule(c.code, c.label, c.short, "partly", "doubt") for c in CRITERIA),
    _delivered_rule(
        "only_test",
        "test_only",
        "Enkel een test met de resultaten: dat is geen loopbaanbegeleiding en kan niet met de loopbaancheque "
        "betaald worden.",
    ),
    _delivered_rule(
        "only_advice",
        "advice_only",
        "Enkel advies, niet coachend of procesondersteunend: dat is geen loopbaanbegeleiding.",
    ),
    _delivered_rule(
        "only_application_coaching",
        "application_coaching_only",
        "Enkel sollicitatiebegeleiding: dat is geen loopbaanbegeleiding.",
    ),
    _delivered_rule(
        "part_of_other_guidance",
        "part_of_other",
        "Deel van een andere begeleiding, opleiding, outplacement of coaching: dat sluit de definitie uit.",
    ),
    _delivered_rule(
        "employer_offered",
        "employer_offered",
        "Aangeboden door de werkgever: het initiatief moet van de persoon zelf komen (mogelijk ongeoorloofd "
        "aanbod vanuit de werkgever).",
    ),
    _pop_rule(
        "no_pop",
        "no",
        "not_met",
        "Geen persoonlijk ontwikkelingsplan: de begeleiding moet resulteren in een POP.",
    ),
    _pop_rule(
        "pop_unknown",
        "unknown",
        "doubt",
        "Weet niet of er een persoonlijk ontwikkelingsplan is: navragen bij het centrum.",
    ),
)


def is_complete(answers: Answers) -> bool:
    return (
        all(answers.criteria.get(c.code) is not None and answers.criteria[c.code].value for c in CRITERIA)
        and bool(answers.delivered)
        and answers.pop is not None
    )


def assess(answers: Answers, *, prior_not_conformant: int = 0) -> Assessment:
    """Every finding of the table for these answers, the verdict and the seed's measures to consider."""
    findings = tuple(
        Finding(rule.code, rule.effect, rule.text, rule.evidence(answers)) for rule in RULES if rule.applies(answers)
    )
    not_met = tuple(c.code for c in CRITERIA if answers.criteria.get(c.code) and answers.criteria[c.code].value == "no")
    if any(finding.effect == "not_met" for finding in findings):
        verdict: Verdict = "likely_not_met"
        measures = ["reclaim_payment", "restore_right", "address_centre"]
        if prior_not_conformant >= SUSPEND_AFTER_PRIOR:
            measures.append("suspend_mandate")
    elif not is_complete(answers):
        verdict, measures = "incomplete", []
    elif findings:
        verdict, measures = "doubtful", ["address_centre"]
    else:
        verdict, measures = "likely_met", []
    return Assessment(verdict, findings, not_met, tuple(measures))
