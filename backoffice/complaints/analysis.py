"""The per-centre data analysis of seed 003, "Manier 9": complaints per centre, the share of
"no" per definition question, findings, reclaimed amounts, the trend per month, and flags for
centres whose pattern needs a look.

`figures` is pure (rows in, figures out) so the numbers and the flags have tests of their own;
`load_rows` reads the submitted complaints from the database.
"""

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.complaints import rules
from backoffice.complaints.models import CareerCentre, Complaint
from backoffice.complaints.questions import CRITERIA
from backoffice.complaints.service import answers_of

MONTHS_SHOWN = 12
# Flags: this many findings of one kind for one centre within the window.
ONLY_TEST_FLAG = (3, timedelta(days=183))  # "only a test" three times in six months
EMPLOYER_FLAG = (3, timedelta(days=183))  # employer-offered guidance three times in six months
NOT_CONFORMANT_FLAG = (4, timedelta(days=365))  # not conformant four times in a year ...
NOT_CONFORMANT_SHARE = 0.5  # ... and in at least half of its decided complaints
RISE_FLAG_MIN = 6  # complaints in the last three months, at least double the three before


@dataclass(frozen=True)
class Row:
    """One submitted complaint as the analysis sees it (no personal data)."""

    centre_id: int | None
    submitted_on: date
    criteria: dict[str, str]  # code -> yes/partly/no
    findings: tuple[str, ...]  # codes of the assessment's findings
    outcome: str | None
    reclaim_amount: Decimal | None


@dataclass
class CriterionFigure:
    code: str
    label: str
    answered: int = 0
    no: int = 0
    partly: int = 0

    @property
    def share_not_met(self) -> float | None:
        return round(self.no / self.answered, 3) if self.answered else None


@dataclass
class Figures:
    complaints: int = 0
    decided: int = 0
    not_conformant: int = 0
    reclaimed_total: Decimal = Decimal("0.00")
    findings: Counter = field(default_factory=Counter)
    criteria: list[CriterionFigure] = field(default_factory=list)
    months: list[tuple[str, int]] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)


def month_keys(until: date, count: int = MONTHS_SHOWN) -> list[str]:
    """The `count` months up to and including `until`'s month, oldest first, as YYYY-MM."""
    year, month = until.year, until.month
    keys = []
    for _ in range(count):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return keys[::-1]


def _within(rows: Iterable[Row], today: date, window: timedelta) -> list[Row]:
    return [row for row in rows if today - window < row.submitted_on <= today]


def attention(rows: Sequence[Row], *, today: date) -> list[str]:
    """Why a centre's complaints need a look, in Dutch for the handler; empty when nothing stands out."""
    reasons = []
    count, window = ONLY_TEST_FLAG
    only_test = sum("only_test" in row.findings for row in _within(rows, today, window))
    if only_test >= count:
        reasons.append(f"Herhaaldelijk 'enkel een test met resultaten': {only_test} keer in zes maanden.")
    count, window = EMPLOYER_FLAG
    employer = sum("employer_offered" in row.findings for row in _within(rows, today, window))
    if employer >= count:
        reasons.append(f"Mogelijk ongeoorloofd aanbod vanuit de werkgever: {employer} keer in zes maanden.")
    count, window = NOT_CONFORMANT_FLAG
    year = _within(rows, today, window)
    not_conformant = sum(row.outcome == "not_conformant" for row in year)
    decided = sum(row.outcome is not None for row in year)
    if not_conformant >= count and not_conformant >= NOT_CONFORMANT_SHARE * decided:
        reasons.append(
            f"{not_conformant} van {decided} beslissingen in een jaar niet conform: aanspreken, coachen en "
            "zo nodig het mandaat schorsen."
        )
    recent = len(_within(rows, today, timedelta(days=91)))
    before = len(_within(rows, today - timedelta(days=91), timedelta(days=91)))
    if recent >= RISE_FLAG_MIN and recent >= 2 * before:
        reasons.append(f"Meer klachten: {recent} in de laatste drie maanden, {before} in de drie maanden ervoor.")
    return reasons


def figures(rows: Sequence[Row], *, today: date, months: int = MONTHS_SHOWN) -> Figures:
    result = Figures(criteria=[CriterionFigure(c.code, c.short) for c in CRITERIA])
    by_code = {item.code: item for item in result.criteria}
    per_month: Counter = Counter()
    for row in rows:
        result.complaints += 1
        per_month[f"{row.submitted_on.year:04d}-{row.submitted_on.month:02d}"] += 1
        result.findings.update(row.findings)
        if row.outcome is not None:
            result.decided += 1
        if row.outcome == "not_conformant":
            result.not_conformant += 1
        if row.reclaim_amount:
            result.reclaimed_total += row.reclaim_amount
        for code, answer in row.criteria.items():
            item = by_code[code]
            item.answered += 1
            item.no += answer == "no"
            item.partly += answer == "partly"
    result.months = [(key, per_month.get(key, 0)) for key in month_keys(today, months)]
    result.attention = attention(rows, today=today)
    return result


def row_of(complaint: Complaint, assessment: rules.Assessment) -> Row:
    submitted = complaint.submitted_at or complaint.created_at
    return Row(
        centre_id=complaint.centre_id,
        submitted_on=submitted.date() if isinstance(submitted, datetime) else submitted,
        criteria={code: item["answer"] for code, item in (complaint.criteria or {}).items() if item},
        findings=tuple(finding.code for finding in assessment.findings),
        outcome=complaint.outcome,
        reclaim_amount=complaint.reclaim_amount,
    )


def load_rows(*, session: Session, since: date | None = None, centre_id: int | None = None) -> list[Row]:
    """Submitted complaints (any later status) as rows; the findings without the history rule."""
    query = select(Complaint).where(Complaint.status != "draft")
    if since is not None:
        query = query.where(Complaint.submitted_at >= datetime.combine(since, datetime.min.time()))
    if centre_id is not None:
        query = query.where(Complaint.centre_id == centre_id)
    return [row_of(complaint, rules.assess(answers_of(complaint))) for complaint in session.scalars(query)]


def per_centre(*, session: Session, today: date, months: int = MONTHS_SHOWN) -> list[tuple[CareerCentre, Figures]]:
    """Every centre of the register with its figures, the ones that need a look first."""
    since = date.fromisoformat(month_keys(today, months)[0] + "-01")
    rows = load_rows(session=session, since=since)
    grouped: dict[int, list[Row]] = {}
    for row in rows:
        if row.centre_id is not None:
            grouped.setdefault(row.centre_id, []).append(row)
    centres = session.scalars(select(CareerCentre).order_by(CareerCentre.name))
    result = [(centre, figures(grouped.get(centre.id, []), today=today, months=months)) for centre in centres]
    return sorted(result, key=lambda item: (-len(item[1].attention), -item[1].complaints, item[0].name))


def one_centre(*, session: Session, centre_id: int, today: date, months: int = MONTHS_SHOWN) -> Figures:
    since = date.fromisoformat(month_keys(today, months)[0] + "-01")
    return figures(load_rows(session=session, since=since, centre_id=centre_id), today=today, months=months)


def overall(*, session: Session, today: date, months: int = MONTHS_SHOWN) -> Figures:
    since = date.fromisoformat(month_keys(today, months)[0] + "-01")
    return figures(load_rows(session=session, since=since), today=today, months=months)


CSV_COLUMNS = (
    "centre", "municipality", "province", "mandate", "complaints", "decided", "not_conformant", "reclaimed_eur",
    *(f"share_no_{c.code}" for c in CRITERIA), "only_test", "only_advice", "only_application_coaching",
    "part_of_other_guidance", "employer_offered", "no_pop", "attention",
)  # fmt: skip


def to_csv(items: Sequence[tuple[CareerCentre, Figures]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for centre, numbers in items:
        shares = ["" if c.share_not_met is None else f"{c.share_not_met:.3f}" for c in numbers.criteria]
        flags = [numbers.findings.get(code, 0) for code in CSV_COLUMNS[-7:-1]]
        writer.writerow(
            [
                centre.name, centre.municipality, centre.province, centre.mandate_status, numbers.complaints,
                numbers.decided, numbers.not_conformant, f"{numbers.reclaimed_total:.2f}", *shares, *flags,
                " | ".join(numbers.attention),
            ]
        )  # fmt: skip
    return out.getvalue()
