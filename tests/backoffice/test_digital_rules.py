"""The digital-skill scorer's table: one case per rule, the level boundaries, and the caps."""

import pytest

from backoffice.digital import rules
from backoffice.digital.rules import HUMAN_DIGITAL_FROM, HUMAN_FROM, RULES, Signal, assess, level_for
from backoffice.digital.schemas import ConversationCode


@pytest.mark.parametrize(
    ("signals", "score", "evidence"),
    [
        pytest.param(
            [Signal("explicit_statement", "computer")],
            4,
            ["Zegt zelf dat het niet lukt met een computer."],
            id="explicit: no computer",
        ),
        pytest.param(
            [Signal("explicit_statement", "email")],
            4,
            ["Zegt zelf geen e-mailadres te hebben."],
            id="explicit: no email",
        ),
        pytest.param(
            [Signal("explicit_statement")], 4, ["Zegt zelf dat digitaal werken moeilijk is."], id="explicit, no detail"
        ),
        pytest.param([Signal("basic_operation_help", "login")], 2, ["Vroeg hulp bij inloggen."], id="help: login"),
        pytest.param(
            [Signal("basic_operation_help", "password")], 2, ["Vroeg hulp bij een wachtwoord."], id="help: password"
        ),
        pytest.param(
            [Signal("basic_operation_help", "upload")],
            2,
            ["Vroeg hulp bij iets opladen (bijvoorbeeld een cv)."],
            id="help: upload",
        ),
        pytest.param([Signal("basic_operation_help", "email")], 2, ["Vroeg hulp bij e-mail."], id="help: e-mail"),
        pytest.param([Signal("channel", "sms")], 1, ["Gebruikt sms."], id="channel: sms"),
        pytest.param([Signal("channel", "phone")], 2, ["Belt liever (telefoon)."], id="channel: phone"),
        pytest.param([Signal("channel", "web")], 0, [], id="channel: web says nothing"),
        pytest.param([Signal("misunderstanding", "1")], 0, [], id="one misunderstanding says nothing"),
        pytest.param(
            [Signal("misunderstanding", "2")],
            2,
            ["Het gesprek liep 2 keer na elkaar vast: de vraag werd niet begrepen."],
            id="two misunderstandings in a row",
        ),
        pytest.param(
            [Signal("misunderstanding"), Signal("misunderstanding"), Signal("misunderstanding")],
            2,
            ["Het gesprek liep 3 keer na elkaar vast: de vraag werd niet begrepen."],
            id="misunderstandings counted, capped",
        ),
        pytest.param(
            [Signal("overdue_digital_assignment", "Vul je cv aan")],
            1,
            ["Online opdracht te laat: Vul je cv aan."],
            id="one overdue online assignment",
        ),
        pytest.param([Signal("no_email")], 2, ["Heeft geen e-mailadres in het dossier."], id="no e-mail in dossier"),
        pytest.param(
            [Signal("consultant_noted", "3 mei 2026")],
            3,
            ["Een bemiddelaar noteerde eerder weinig digitale vaardigheden (op 3 mei 2026)."],
            id="consultant noted before",
        ),
        pytest.param([Signal("typo", "spelling")], 0, [], id="a typo weighs nothing"),
        pytest.param([Signal("unknown_code", "x")], 0, [], id="unknown codes are ignored"),
    ],
)
def test_each_rule(signals: list[Signal], score: int, evidence: list[str]) -> None:
    result = assess(signals)
    assert (result.score, result.evidence) == (score, evidence)


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (0, "digital"),
        (HUMAN_DIGITAL_FROM - 1, "digital"),
        (HUMAN_DIGITAL_FROM, "human-digital"),
        (HUMAN_FROM - 1, "human-digital"),
        (HUMAN_FROM, "human"),
        (20, "human"),
    ],
)
def test_level_boundaries(score: int, level: str) -> None:
    assert level_for(score) == level


@pytest.mark.parametrize(
    ("signals", "level"),
    [
        pytest.param([], "digital", id="nothing"),
        pytest.param([Signal("channel", "sms")], "digital", id="sms alone"),
        pytest.param([Signal("channel", "phone")], "digital", id="phone alone"),
        pytest.param([Signal("basic_operation_help", "login")], "digital", id="one help question"),
        pytest.param([Signal("typo")] * 20, "digital", id="many typos"),
        pytest.param([Signal("explicit_statement", "computer")], "human-digital", id="one explicit statement"),
        pytest.param([Signal("channel", "phone"), Signal("no_email")], "human-digital", id="phone and no e-mail"),
        pytest.param([Signal("consultant_noted")], "human-digital", id="a consultant's note"),
        pytest.param(
            [Signal("explicit_statement", "computer"), Signal("no_email"), Signal("channel", "sms")],
            "human",
            id="statement, no e-mail, sms",
        ),
        pytest.param(
            [
                Signal("basic_operation_help", "login"),
                Signal("basic_operation_help", "upload"),
                Signal("misunderstanding", "2"),
                Signal("channel", "phone"),
            ],
            "human",
            id="help twice, stuck twice, by phone",
        ),
    ],
)
def test_levels_of_combined_evidence(signals: list[Signal], level: str) -> None:
    assert assess(signals).level == level


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_no_single_code_makes_someone_human_however_often_it_is_said(rule: rules.Rule) -> None:
    assert rule.cap < HUMAN_FROM
    details = [None, "computer", "email", "internet", "login", "password", "upload", "form", "phone", "sms", "9"]
    repeated = [Signal(rule.code, detail) for detail in details for _ in range(5)]
    result = assess(repeated)
    assert result.score <= rule.cap
    assert result.level != "human"


def test_one_explicit_statement_is_human_digital_at_most() -> None:
    weight = rules.RULES_BY_CODE["explicit_statement"].weight("computer")
    assert HUMAN_DIGITAL_FROM <= weight < HUMAN_FROM


def test_repeating_one_thing_counts_once() -> None:
    once = assess([Signal("basic_operation_help", "login")])
    many = assess([Signal("basic_operation_help", "login")] * 6)
    assert (many.score, many.evidence) == (once.score, once.evidence)


def test_evidence_follows_the_table_order() -> None:
    result = assess([Signal("no_email"), Signal("channel", "sms"), Signal("explicit_statement", "computer")])
    assert result.evidence == [
        "Zegt zelf dat het niet lukt met een computer.",
        "Gebruikt sms.",
        "Heeft geen e-mailadres in het dossier.",
    ]


def test_the_api_accepts_exactly_the_conversation_codes() -> None:
    assert set(ConversationCode.__args__) == set(rules.CONVERSATION_CODES)
    assert set(rules.CONVERSATION_CODES) <= set(rules.RULES_BY_CODE)
