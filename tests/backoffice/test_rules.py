"""The smart-assignment rule set, one case per rule, over plain dossier facts."""

from dataclasses import replace
from datetime import date

import pytest

from backoffice.assignments import rules
from backoffice.assignments.catalogue import KINDS
from backoffice.assignments.rules import DossierFacts, evaluate

TODAY = date(2026, 11, 23)
# A dossier that triggers no rule: recent, active, licensed, fluent, with e-mail and a diploma.
CALM = DossierFacts(
    today=TODAY,
    registration_date=date(2026, 11, 1),
    desired_occupations=("magazijnier",),
    has_email=True,
    driving_licences=frozenset({"B"}),
    dutch_level="moedertaal",
    education_level="secundair onderwijs",
    cv_updated_on=date(2026, 11, 2),
    last_active_on=date(2026, 11, 20),
)

CASES = [
    pytest.param(
        {"desired_occupations": ("vrachtwagenchauffeur",), "driving_licences": frozenset({"B"})},
        "driving_licence_c",
        "Je zoekt werk als vrachtwagenchauffeur en je hebt nog geen rijbewijs C.",
        id="truck driver without licence C",
    ),
    pytest.param(
        {"desired_occupations": ("kok", "buschauffeur"), "driving_licences": frozenset({"B", "C"})},
        "driving_licence_d",
        "Je zoekt werk als buschauffeur en je hebt nog geen rijbewijs D.",
        id="bus driver without licence D",
    ),
    pytest.param(
        {"desired_occupations": ("koerier",), "driving_licences": frozenset()},
        "driving_licence_b",
        "Je zoekt werk als koerier en je hebt nog geen rijbewijs B.",
        id="courier without licence B",
    ),
    pytest.param({"dutch_level": "basis"}, "dutch_basic", "Je spreekt Nederlands op basisniveau.", id="basic Dutch"),
    pytest.param(
        {"dutch_level": None}, "dutch_basic", "Nederlands staat nog niet bij je talen.", id="no Dutch in the dossier"
    ),
    pytest.param({"has_email": False}, "no_email", "Je hebt nog geen e-mailadres.", id="no e-mail address"),
    pytest.param(
        {"cv_updated_on": date(2025, 10, 1)},
        "cv_old",
        "Je cv is het laatst aangepast op 1 oktober 2025. Dat is meer dan een jaar geleden.",
        id="CV older than a year",
    ),
    pytest.param({"education_level": "geen diploma"}, "no_diploma", "Je hebt nog geen diploma.", id="no diploma"),
    pytest.param(
        {"education_level": "lager onderwijs"},
        "no_diploma",
        "Je hebt alleen een diploma van de lagere school.",
        id="primary school only",
    ),
    pytest.param(
        {"last_active_on": date(2026, 10, 20)},
        "inactive",
        "Je was 34 dagen niet actief op je account.",
        id="inactive for 30+ days",
    ),
    pytest.param(
        {"registration_date": date(2026, 10, 1), "last_active_on": None},
        "inactive",
        "Je bent al 53 dagen ingeschreven en je was nog niet actief op je account.",
        id="never active since registration",
    ),
    pytest.param(
        {"overdue_count": 2}, "overdue_assignments", "Twee opdrachten zijn te laat.", id="two overdue assignments"
    ),
    pytest.param(
        {"digital_indicator_codes": frozenset({"no_email_help", "asked_help_login"})},
        "low_digital_skill",
        "Je vroeg al een paar keer hulp met de computer of je account.",
        id="two digital indicators",
    ),
]


@pytest.mark.parametrize(("changes", "rule_code", "reason"), CASES)
def test_each_rule_proposes_with_a_readable_reason(changes: dict, rule_code: str, reason: str) -> None:
    drafts = evaluate(replace(CALM, **changes))
    assert [(draft.rule_code, draft.reason) for draft in drafts] == [(rule_code, reason)]
    draft = drafts[0]
    assert draft.kind is KINDS[draft.kind.code]
    assert draft.suggested_due_date > TODAY


def test_no_rule_applies_to_a_calm_dossier() -> None:
    assert evaluate(CALM) == []


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param(
            {"desired_occupations": ("vrachtwagenchauffeur",), "driving_licences": frozenset({"CE"})}, id="CE"
        ),
        pytest.param({"desired_occupations": ("buschauffeur",), "driving_licences": frozenset({"DE"})}, id="DE"),
        pytest.param({"cv_updated_on": None}, id="no CV is the automatic package's job"),
        pytest.param({"cv_updated_on": date(2025, 11, 23)}, id="CV exactly a year old"),
        pytest.param({"last_active_on": date(2026, 10, 25)}, id="29 days inactive"),
        pytest.param({"overdue_count": 1}, id="one overdue"),
        pytest.param({"digital_indicator_codes": frozenset({"no_email"})}, id="one digital indicator"),
        pytest.param({"dutch_level": "goed"}, id="good Dutch"),
    ],
)
def test_edges_where_no_rule_applies(changes: dict) -> None:
    assert evaluate(replace(CALM, **changes)) == []


def test_a_rule_does_not_propose_twice() -> None:
    facts = replace(CALM, has_email=False, education_level="geen diploma")
    assert {draft.rule_code for draft in evaluate(facts)} == {"no_email", "no_diploma"}
    again = replace(facts, proposed_rule_codes=frozenset({"no_email"}))
    assert [draft.rule_code for draft in evaluate(again)] == ["no_diploma"]


def test_a_kind_already_open_is_not_proposed_again() -> None:
    facts = replace(CALM, has_email=False, open_kinds=frozenset({"create_email"}))
    assert evaluate(facts) == []


def test_several_rules_apply_at_once_in_table_order() -> None:
    facts = replace(CALM, has_email=False, dutch_level="basis", overdue_count=3)
    drafts = evaluate(facts)
    assert [draft.rule_code for draft in drafts] == ["dutch_basic", "no_email", "overdue_assignments"]
    assert drafts[2].reason == "Drie opdrachten zijn te laat."


def test_every_rule_proposes_a_catalogued_kind_with_steps_and_help() -> None:
    assert len({rule.code for rule in rules.RULES}) == len(rules.RULES)
    for rule in rules.RULES:
        kind = KINDS[rule.kind.code]
        assert 3 <= len(kind.steps) <= 5
        assert all(step.title and step.text and step.help for step in kind.steps)
        assert kind.keywords and all(word == word.lower() for word in kind.keywords)
