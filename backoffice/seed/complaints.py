"""The demo register of loopbaancentra and a few hundred invented complaints that show the
patterns the per-centre analysis looks for (seed 003, "Manier 9").

The register is backoffice/seed/career_centres.csv: the same invented centres, names and aliases
as the NLU's nlu/career_centers.csv (a test keeps the two equal), so the bot's entity values are
the names here. The complaints carry no personal data: no jobseeker, invented explanations.
"""

import csv
import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.complaints import rules
from backoffice.complaints.models import CareerCentre, Complaint
from backoffice.complaints.questions import CRITERION_CODES
from backoffice.complaints.service import REFERENCE_ALPHABET, REFERENCE_LENGTH, REFERENCE_PREFIX, answers_of
from backoffice.offices.models import Office

REGISTER = Path(__file__).with_name("career_centres.csv")
DEMO_COMPLAINTS = 300
DAYS_BACK = 395
# The seed: 66,000 euro reclaimed over about a hundred cheques.
RECLAIM_PER_CHEQUE = Decimal("660.00")
# Patterns to find in the analysis: many "only a test" lately, employer-offered guidance, a rise.
ONLY_TEST_CENTRE = "Loopbaanstudio Zevensprong"
EMPLOYER_CENTRE = "Bakens Loopbaanadvies"
RISING_CENTRE = "Loopbaancentrum Orgelpunt"
CHANNELS = ("web", "web", "web", "sms", "phone", "phone", "telegram", "form", "email")

EXPLANATIONS = {
    "test_only": ["We hebben enkel een test ingevuld en de uitslag besproken.", "Ik kreeg een testrapport, meer niet."],
    "advice_only": ["De begeleider zei wat ik moest doen, we werkten niet samen.", "Het was één gesprek met advies."],
    "application_coaching_only": ["We hebben alleen mijn cv en sollicitatiebrief verbeterd."],
    "employer": ["Mijn werkgever had het geregeld en zat mee aan tafel.", "Het hoorde bij een traject van mijn werk."],
    "no": ["Daar is niet over gepraat.", "Dat is niet gebeurd.", "Nee, daar was geen tijd voor."],
    "partly": ["Een beetje, maar niet genoeg.", "Bij het eerste gesprek wel, daarna niet meer."],
}  # fmt: skip


def read_register(path: Path = REGISTER) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [
            {
                "name": row["name"].strip(),
                "municipality": row["municipality"].strip(),
                "province": row["province"].strip(),
                "aliases": [alias.strip() for alias in row.get("aliases", "").split("|") if alias.strip()],
            }
            for row in csv.DictReader(handle)
        ]


def seed_career_centres(*, session: Session) -> int:
    """Adds the register's centres that are missing (by name); returns how many it added."""
    known = set(session.scalars(select(CareerCentre.name)))
    added = [
        CareerCentre(**row, mandate_status="active", is_demo=True)
        for row in read_register()
        if row["name"] not in known
    ]
    session.add_all(added)
    session.flush()
    return len(added)


def _profile(rng: random.Random, centre: str, days_ago: int) -> str:
    recent = days_ago <= 180
    if centre == ONLY_TEST_CENTRE and recent and rng.random() < 0.7:
        return "test_only"
    if centre == EMPLOYER_CENTRE and rng.random() < 0.5:
        return "employer"
    return rng.choices(
        ("fine", "partly", "test_only", "advice_only", "application_coaching_only", "employer"),
        weights=(45, 30, 6, 7, 6, 6),
    )[0]


def _answers(rng: random.Random, profile: str) -> dict[str, object]:
    def criterion(weights: tuple[int, int, int]) -> dict[str, str | None]:
        answer = rng.choices(("yes", "partly", "no"), weights=weights)[0]
        explanation = rng.choice(EXPLANATIONS[answer]) if answer != "yes" and rng.random() < 0.5 else None
        return {"answer": answer, "explanation": explanation}

    if profile == "fine":
        criteria = {code: criterion((8, 2, 0)) for code in CRITERION_CODES}
        return {"criteria": criteria, "delivered": ["guidance_process"], "pop": rng.choice(("yes", "yes", "unknown"))}
    if profile == "partly":
        criteria = {code: criterion((5, 5, 0)) for code in CRITERION_CODES}
        return {"criteria": criteria, "delivered": ["guidance_process"], "pop": rng.choice(("yes", "yes", "unknown"))}
    criteria = {code: criterion((2, 3, 5)) for code in CRITERION_CODES}
    if profile == "employer":
        delivered = (
            ["guidance_process", "employer_offered"] if rng.random() < 0.5 else ["part_of_other", "employer_offered"]
        )
        return {"criteria": criteria, "delivered": delivered, "pop": rng.choice(("yes", "no")), "why": "employer"}
    return {"criteria": criteria, "delivered": [profile], "pop": rng.choice(("no", "no", "unknown")), "why": profile}


def seed_demo_complaints(*, session: Session, today: date, count: int = DEMO_COMPLAINTS) -> int:
    """Seeds invented complaints when there are none yet; returns how many it added."""
    if session.scalar(select(func.count(Complaint.id))):
        return 0
    seed_career_centres(session=session)
    centres = list(session.scalars(select(CareerCentre).order_by(CareerCentre.name)))
    if not centres:
        return 0
    rng = random.Random("wegwijs-complaints")  # the same demo set every time
    references: set[str] = set()
    added = 0
    # The centres with a pattern get more complaints than the others.
    weights = [2 if centre.name in (ONLY_TEST_CENTRE, RISING_CENTRE) else 1 for centre in centres]
    for _ in range(count):
        centre = rng.choices(centres, weights=weights)[0]
        days_ago = rng.randint(0, DAYS_BACK)
        if centre.name == RISING_CENTRE and rng.random() < 0.6:
            days_ago = rng.randint(0, 85)  # more complaints lately
        submitted_on = today - timedelta(days=days_ago)
        submitted = datetime.combine(submitted_on, time(rng.randint(7, 19), rng.randint(0, 59)))
        profile = _profile(rng, centre.name, days_ago)
        answers = _answers(rng, profile)
        guidance = submitted_on - timedelta(days=rng.randint(20, 200))
        reference = REFERENCE_PREFIX + "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
        if reference in references:
            continue
        references.add(reference)
        complaint = Complaint(
            reference=reference,
            status="submitted",
            channel=rng.choice(CHANNELS),
            centre_id=centre.id,
            guidance_year=guidance.year,
            guidance_month=guidance.month if rng.random() < 0.8 else None,
            cheques_used=rng.choice((1, 2, 2)),
            criteria=answers["criteria"],
            delivered=answers["delivered"],
            delivered_explanation=rng.choice(EXPLANATIONS[answers["why"]]) if "why" in answers else None,
            pop_received=answers["pop"],
            created_at=submitted - timedelta(minutes=rng.randint(3, 20)),
            updated_at=submitted,
            submitted_at=submitted,
            is_demo=True,
        )
        _decide(rng, complaint, days_ago)
        session.add(complaint)
        added += 1
    session.flush()
    return added


def _decide(rng: random.Random, complaint: Complaint, days_ago: int) -> None:
    """Older complaints were decided as the assessment suggested (mostly); recent ones wait."""
    if days_ago < 21:
        return
    decided_at = complaint.submitted_at + timedelta(days=rng.randint(7, 20))
    if days_ago < 42 or rng.random() < 0.1:
        complaint.status, complaint.review_started_at = "in_review", decided_at
        return
    verdict = rules.assess(answers_of(complaint)).verdict
    not_conformant = verdict == "likely_not_met" or (verdict == "doubtful" and rng.random() < 0.1)
    complaint.status = "decided"
    complaint.review_started_at = complaint.submitted_at + timedelta(days=2)
    complaint.decided_at = decided_at
    complaint.outcome = "not_conformant" if not_conformant else "conformant"
    if not_conformant:
        complaint.reclaim_amount = RECLAIM_PER_CHEQUE * (complaint.cheques_used or 1)
        complaint.restore_right = True
        complaint.address_centre = True
    else:
        complaint.address_centre = verdict == "doubtful"


def add_to_demo_database(*, session: Session, today: date) -> int:
    """For a demo database seeded before complaints existed: the register and the demo complaints.

    Only where the database holds demo data (invented werkwinkels), never in a real one.
    """
    if session.scalar(select(func.count(Office.id)).where(Office.is_demo.is_(True))) == 0:
        return 0
    added = seed_demo_complaints(session=session, today=today)
    session.commit()
    return added
