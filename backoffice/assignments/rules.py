"""The rule set of smart assignments (opdrachten op maat): dossier facts in, proposals out.

Pure functions over a small dataclass, so every rule can be tested on its own. A condition
returns the reason (plain Dutch, naming the fact) when it applies and None when it does not.
A rule never proposes twice for the same jobseeker (whatever became of its proposal), and never
proposes a kind the jobseeker already has open.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from backoffice.assignments import catalogue
from backoffice.assignments.catalogue import AssignmentKind
from backoffice.assignments.wording import count_in_words, dutch_date

# The licence an occupation needs (canonical occupation names, as in nlu/occupations.yml).
LICENCE_FOR_OCCUPATION: dict[str, str] = {
    "vrachtwagenchauffeur": "C",
    "buschauffeur": "D",
    "trambestuurder": "D",
    "bestelwagenchauffeur": "B",
    "koerier": "B",
    "taxichauffeur": "B",
    "chauffeur": "B",
    "verhuizer": "B",
}
# A higher licence can only be had with the lower ones: CE holders have C and B.
LICENCES_INCLUDED: dict[str, frozenset[str]] = {
    "BE": frozenset({"B"}),
    "C1": frozenset({"B"}),
    "C1E": frozenset({"C1", "B"}),
    "C": frozenset({"B"}),
    "CE": frozenset({"C", "B"}),
    "D1": frozenset({"B"}),
    "D1E": frozenset({"D1", "B"}),
    "D": frozenset({"B"}),
    "DE": frozenset({"D", "B"}),
}
LICENCE_KINDS: dict[str, AssignmentKind] = {
    "B": catalogue.DRIVING_LICENCE_B,
    "C": catalogue.DRIVING_LICENCE_C,
    "D": catalogue.DRIVING_LICENCE_D,
}
LOW_EDUCATION = {
    "geen diploma": "Je hebt nog geen diploma.",
    "lager onderwijs": "Je hebt alleen een diploma van de lagere school.",
}
CV_MAX_AGE_DAYS = 365
INACTIVE_AFTER_DAYS = 30
OVERDUE_FOR_A_CALL = 2
DIGITAL_INDICATORS_FOR_A_COURSE = 2


@dataclass(frozen=True)
class DossierFacts:
    today: date
    registration_date: date
    desired_occupations: tuple[str, ...] = ()
    has_email: bool = True
    driving_licences: frozenset[str] = frozenset()
    dutch_level: str | None = "moedertaal"  # None: Dutch is not in the dossier
    education_level: str = "secundair onderwijs"
    cv_updated_on: date | None = None
    last_active_on: date | None = None
    digital_indicator_codes: frozenset[str] = frozenset()
    open_kinds: frozenset[str] = frozenset()  # kinds of assignments still open, in progress or overdue
    overdue_count: int = 0
    proposed_rule_codes: frozenset[str] = frozenset()  # rules that proposed before, any outcome


@dataclass(frozen=True)
class Rule:
    code: str
    kind: AssignmentKind
    condition: Callable[[DossierFacts], str | None]


@dataclass(frozen=True)
class ProposalDraft:
    rule_code: str
    kind: AssignmentKind
    reason: str
    suggested_due_date: date


def held_licences(licences: Iterable[str]) -> frozenset[str]:
    """The licences someone has, the ones included in a higher licence too."""
    held = set(licences)
    for licence in list(held):
        held |= LICENCES_INCLUDED.get(licence, frozenset())
    return frozenset(held)


def lacks_licence_for_occupation(licence: str, facts: DossierFacts) -> str | None:
    if licence in held_licences(facts.driving_licences):
        return None
    for occupation in facts.desired_occupations:
        if LICENCE_FOR_OCCUPATION.get(occupation) == licence:
            return f"Je zoekt werk als {occupation} en je hebt nog geen rijbewijs {licence}."
    return None


def dutch_is_basic(facts: DossierFacts) -> str | None:
    if facts.dutch_level is None:
        return "Nederlands staat nog niet bij je talen."
    if facts.dutch_level == "basis":
        return "Je spreekt Nederlands op basisniveau."
    return None


def has_no_email(facts: DossierFacts) -> str | None:
    return None if facts.has_email else "Je hebt nog geen e-mailadres."


def cv_is_old(facts: DossierFacts) -> str | None:
    if facts.cv_updated_on is None:
        return None  # no CV at all: "Vul je cv aan" of the automatic package covers that
    age = (facts.today - facts.cv_updated_on).days
    if age <= CV_MAX_AGE_DAYS:
        return None
    return f"Je cv is het laatst aangepast op {dutch_date(facts.cv_updated_on)}. Dat is meer dan een jaar geleden."


def has_no_diploma(facts: DossierFacts) -> str | None:
    return LOW_EDUCATION.get(facts.education_level)


def is_inactive(facts: DossierFacts) -> str | None:
    since = facts.last_active_on or facts.registration_date
    days = (facts.today - since).days
    if days < INACTIVE_AFTER_DAYS:
        return None
    if facts.last_active_on is None:
        return f"Je bent al {days} dagen ingeschreven en je was nog niet actief op je account."
    return f"Je was {days} dagen niet actief op je account."


def has_overdue_assignments(facts: DossierFacts) -> str | None:
    if facts.overdue_count < OVERDUE_FOR_A_CALL:
        return None
    return f"{count_in_words(facts.overdue_count).capitalize()} opdrachten zijn te laat."


def shows_low_digital_skill(facts: DossierFacts) -> str | None:
    # A placeholder for the digital-skill scorer of issue 6: two different signs are enough for now.
    if len(facts.digital_indicator_codes) < DIGITAL_INDICATORS_FOR_A_COURSE:
        return None
    return "Je vroeg al een paar keer hulp met de computer of je account."


RULES: tuple[Rule, ...] = (
    *(
        Rule(f"driving_licence_{licence.lower()}", kind, partial(lacks_licence_for_occupation, licence))
        for licence, kind in LICENCE_KINDS.items()
    ),
    Rule("dutch_basic", catalogue.DUTCH_COURSE, dutch_is_basic),
    Rule("no_email", catalogue.CREATE_EMAIL, has_no_email),
    Rule("cv_old", catalogue.UPDATE_CV, cv_is_old),
    Rule("no_diploma", catalogue.TRAINING_WITH_DIPLOMA, has_no_diploma),
    Rule("inactive", catalogue.LOOK_AT_VACANCIES, is_inactive),
    Rule("overdue_assignments", catalogue.CALL_SERVICELIJN, has_overdue_assignments),
    Rule("low_digital_skill", catalogue.DIGITAL_SKILLS_COURSE, shows_low_digital_skill),
)


def evaluate(facts: DossierFacts, rules: tuple[Rule, ...] = RULES) -> list[ProposalDraft]:
    """The proposals the rules make for these facts; an empty list when no rule applies."""
    drafts = []
    for rule in rules:
        if rule.code in facts.proposed_rule_codes or rule.kind.code in facts.open_kinds:
            continue
        reason = rule.condition(facts)
        if reason is not None:
            due = facts.today + timedelta(days=rule.kind.due_in_days)
            drafts.append(ProposalDraft(rule.code, rule.kind, reason, due))
    return drafts
