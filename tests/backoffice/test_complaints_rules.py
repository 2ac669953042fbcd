"""The pure parts of the complaints module: the assessment rule table (one case per rule and
combinations), centre-name matching with spelling variants, "roughly when", and the per-centre
figures and flags of "Manier 9"."""

import csv
from datetime import date, timedelta
from decimal import Decimal

import pytest

from backoffice.complaints import analysis, matching, rules, wording
from backoffice.complaints.questions import CRITERION_CODES
from backoffice.complaints.rules import Answer, Answers
from backoffice.seed.complaints import REGISTER, read_register
from tests.backoffice.conftest import REPO_ROOT

ALL_YES = {code: Answer("yes") for code in CRITERION_CODES}


def answers(*, criteria=None, delivered=("guidance_process",), pop="yes", **extra) -> Answers:
    return Answers(criteria={**ALL_YES, **(criteria or {})}, delivered=delivered, pop=pop, **extra)


# --- the rule table ---


@pytest.mark.parametrize(
    ("given", "finding", "effect"),
    [
        *[(answers(criteria={code: Answer("no")}), f"{code}_no", "not_met") for code in CRITERION_CODES],
        *[(answers(criteria={code: Answer("partly")}), f"{code}_partly", "doubt") for code in CRITERION_CODES],
        (answers(delivered=("test_only",)), "only_test", "not_met"),
        (answers(delivered=("advice_only",)), "only_advice", "not_met"),
        (answers(delivered=("application_coaching_only",)), "only_application_coaching", "not_met"),
        (answers(delivered=("guidance_process", "part_of_other")), "part_of_other_guidance", "not_met"),
        (answers(delivered=("guidance_process", "employer_offered")), "employer_offered", "not_met"),
        (answers(pop="no"), "no_pop", "not_met"),
        (answers(pop="unknown"), "pop_unknown", "doubt"),
    ],
)
def test_each_rule_of_the_table_gives_its_one_finding(given: Answers, finding: str, effect: str) -> None:
    result = rules.assess(given)
    assert [(item.code, item.effect) for item in result.findings] == [(finding, effect)]
    assert result.verdict == ("likely_not_met" if effect == "not_met" else "doubtful")


def test_every_rule_of_the_table_is_tested_above() -> None:
    assert len(rules.RULES) == 2 * len(CRITERION_CODES) + 7
    assert len({rule.code for rule in rules.RULES}) == len(rules.RULES)


def test_all_yes_with_a_process_and_a_pop_is_likely_met_without_measures() -> None:
    result = rules.assess(answers())
    assert (result.verdict, result.findings, result.suggested_measures) == ("likely_met", (), ())


def test_only_a_test_with_results_is_not_loopbaanbegeleiding_and_suggests_the_measures_of_the_seed() -> None:
    given = answers(
        criteria={"development_plan": Answer("no", "Er was geen plan."), "competences": Answer("partly")},
        delivered=("test_only",),
        delivered_explanation="Enkel een persoonlijkheidstest en de uitslag.",
        pop="no",
    )
    result = rules.assess(given)
    assert result.verdict == "likely_not_met"
    assert {item.code for item in result.findings} == {
        "only_test",
        "no_pop",
        "development_plan_no",
        "competences_partly",
    }
    assert result.criteria_not_met == ("development_plan",)
    assert result.suggested_measures == ("reclaim_payment", "restore_right", "address_centre")
    only_test = next(item for item in result.findings if item.code == "only_test")
    assert only_test.evidence == (
        'Wat kreeg je: enkel een test (bijvoorbeeld een persoonlijkheidstest) met de resultaten – "Enkel een '
        'persoonlijkheidstest en de uitslag."',
    )
    plan = next(item for item in result.findings if item.code == "development_plan_no")
    assert plan.evidence[0].endswith(': nee – "Er was geen plan."')


def test_several_questions_answered_no_are_all_listed_as_not_met() -> None:
    given = answers(criteria={"request_formulated": Answer("no"), "labour_market": Answer("no")})
    result = rules.assess(given)
    assert result.verdict == "likely_not_met"
    assert result.criteria_not_met == ("request_formulated", "labour_market")


def test_employer_offered_and_part_of_outplacement_give_two_findings() -> None:
    result = rules.assess(answers(delivered=("part_of_other", "employer_offered")))
    assert [item.code for item in result.findings] == ["part_of_other_guidance", "employer_offered"]


@pytest.mark.parametrize(("prior", "suspend"), [(0, False), (1, False), (2, True), (5, True)])
def test_suspending_the_mandate_is_suggested_only_for_a_centre_found_not_conformant_before(
    prior: int, suspend: bool
) -> None:
    result = rules.assess(answers(delivered=("test_only",)), prior_not_conformant=prior)
    assert ("suspend_mandate" in result.suggested_measures) is suspend
    assert "suspend_mandate" not in rules.assess(answers(), prior_not_conformant=prior).suggested_measures


def test_doubt_suggests_addressing_the_centre_and_nothing_more() -> None:
    result = rules.assess(answers(criteria={"tailored": Answer("partly")}))
    assert result.suggested_measures == ("address_centre",)


def test_a_half_answered_draft_is_incomplete_unless_something_already_fails() -> None:
    assert rules.assess(Answers(criteria={"tailored": Answer("yes")})).verdict == "incomplete"
    assert rules.assess(Answers(criteria={"tailored": Answer("partly")})).verdict == "incomplete"
    assert rules.assess(Answers(delivered=("test_only",))).verdict == "likely_not_met"


# --- matching a typed centre name ---


def register() -> list[matching.Entry]:
    return [matching.Entry(i, row["name"], tuple(row["aliases"])) for i, row in enumerate(read_register(), 1)]


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Loopbaancentrum Windroos", "Loopbaancentrum Windroos"),
        ("windros", "Loopbaancentrum Windroos"),
        ("WINDROOS", "Loopbaancentrum Windroos"),
        ("ik was bij de windroos in brugge", "Loopbaancentrum Windroos"),
        ("de horizont", "Loopbaanpunt De Horizon"),
        ("Lindeblat", "Loopbaanhuis Lindeblad"),
        ("pad en pijl", "Pad & Pijl Loopbaancoaching"),
        ("Pad&Pijl", "Pad & Pijl Loopbaancoaching"),
        ("sleutelbosch", "Loopbaanatelier De Sleutelbos"),
        ("zevensprongg", "Loopbaanstudio Zevensprong"),
        ("zonnewijser", "Zonnewijzer Loopbaanwerkplaats"),
        ("noordstar", "Noordster Loopbaantraject"),
        ("bakkens", "Bakens Loopbaanadvies"),
        ("koerz loopbaanbegeleiding", "Koers Loopbaanbegeleiding"),
        ("Klaverveld loopbaanbegeleiding", "Klaverveld Loopbaanbegeleiding vzw"),
        ("Orgelpunt Geel", "Loopbaancentrum Orgelpunt"),
    ],
)
def test_spelling_variants_find_the_centre_with_certainty(typed: str, name: str) -> None:
    result = matching.match(typed, register())
    assert result.certain and result.best is not None
    assert result.best.name == name


@pytest.mark.parametrize("typed", ["loopbaancentrum", "Loopbaanatelier", "werkwinkel gent", "xyz", "het atelier", ""])
def test_generic_or_unknown_names_match_no_centre(typed: str) -> None:
    result = matching.match(typed, register())
    assert not result.certain


def test_an_unclear_name_offers_candidates_but_takes_none() -> None:
    entries = [matching.Entry(1, "Loopbaanpunt Zonneveld"), matching.Entry(2, "Loopbaanpunt Zonnedal")]
    result = matching.match("zonnedeld", entries)
    assert not result.certain
    assert {candidate.name for candidate in result.candidates} == {"Loopbaanpunt Zonneveld", "Loopbaanpunt Zonnedal"}


def test_the_register_is_the_nlu_register_so_the_bots_entity_values_match() -> None:
    def rows(path):
        with path.open(encoding="utf-8") as handle:
            return [dict(row) for row in csv.DictReader(handle)]

    assert rows(REGISTER) == rows(REPO_ROOT / "nlu" / "career_centers.csv")


# --- roughly when ---

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("maart 2026", (2026, 3)),
        ("in maart", (2026, 3)),
        ("december", (2025, 12)),  # the last December that is not in the future
        ("ongeveer mrt 2025", (2025, 3)),
        ("2025-03", (2025, 3)),
        ("3/2025", (2025, 3)),
        ("2024", (2024, None)),
        ("vorig jaar", (2025, None)),
        ("vorige maand", (2026, 10)),
        ("November", (2026, 11)),
    ],
)
def test_roughly_when_as_people_say_it(text: str, expected: tuple) -> None:
    period = wording.parse_period(text, today=TODAY)
    assert (period.year, period.month) == expected


@pytest.mark.parametrize("text", ["in de zomer", "maart 2030", "2027", "2012", "13/2025", "ergens", "maart vorig"])
def test_unclear_or_impossible_periods_are_refused(text: str) -> None:
    assert wording.parse_period(text, today=TODAY) is None


# --- the per-centre figures ---


def row(days_ago: int, *, findings=(), outcome=None, amount=None, criteria=None) -> analysis.Row:
    return analysis.Row(
        centre_id=1,
        submitted_on=TODAY - timedelta(days=days_ago),
        criteria=criteria or {},
        findings=tuple(findings),
        outcome=outcome,
        reclaim_amount=Decimal(amount) if amount else None,
    )


def test_figures_count_complaints_shares_per_question_amounts_and_months() -> None:
    rows = [
        row(1, criteria={"tailored": "no", "competences": "yes"}, outcome="not_conformant", amount="660"),
        row(40, criteria={"tailored": "partly", "competences": "no"}, outcome="conformant"),
        row(40, criteria={"tailored": "no"}),
        row(400, criteria={"tailored": "yes"}),  # outside the twelve months shown, still counted by the caller
    ]
    numbers = analysis.figures(rows, today=TODAY)
    assert (numbers.complaints, numbers.decided, numbers.not_conformant) == (4, 2, 1)
    assert numbers.reclaimed_total == Decimal("660")
    tailored = next(item for item in numbers.criteria if item.code == "tailored")
    assert (tailored.answered, tailored.no, tailored.partly, tailored.share_not_met) == (4, 2, 1, 0.5)
    plan = next(item for item in numbers.criteria if item.code == "development_plan")
    assert plan.share_not_met is None
    assert numbers.months[-1] == ("2026-11", 1)
    assert numbers.months[-2] == ("2026-10", 2)
    assert len(numbers.months) == 12 and numbers.months[0][0] == "2025-12"


def test_repeated_only_a_test_in_six_months_is_flagged_and_older_ones_do_not_count() -> None:
    two = [row(10, findings=["only_test"]), row(100, findings=["only_test"])]
    assert analysis.attention(two + [row(200, findings=["only_test"])], today=TODAY) == []
    flagged = analysis.attention(two + [row(170, findings=["only_test"])], today=TODAY)
    assert flagged == ["Herhaaldelijk 'enkel een test met resultaten': 3 keer in zes maanden."]


def test_employer_offered_guidance_is_flagged() -> None:
    rows = [row(days, findings=["employer_offered"]) for days in (5, 50, 150)]
    assert analysis.attention(rows, today=TODAY) == [
        "Mogelijk ongeoorloofd aanbod vanuit de werkgever: 3 keer in zes maanden."
    ]


def test_not_conformant_is_flagged_from_four_in_a_year_when_it_is_at_least_half_of_the_decisions() -> None:
    bad = [row(days, outcome="not_conformant") for days in (30, 60, 90, 120)]
    assert len(analysis.attention(bad, today=TODAY)) == 1
    assert analysis.attention(bad + [row(days, outcome="conformant") for days in range(200, 210)], today=TODAY) == []
    assert analysis.attention(bad[:3], today=TODAY) == []


def test_a_doubling_of_complaints_in_three_months_is_flagged() -> None:
    rows = [row(days) for days in (1, 5, 10, 20, 30, 40)] + [row(100), row(120), row(150)]
    assert analysis.attention(rows, today=TODAY) == [
        "Meer klachten: 6 in de laatste drie maanden, 3 in de drie maanden ervoor."
    ]
    assert analysis.attention(rows + [row(130)], today=TODAY) == []
