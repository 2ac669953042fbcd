"""Digital-skill assessments with the dossier's evidence, the jobseeker's choice, nearby courses.

Functions flush and never commit: the route commits once per request.
"""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.assignments.catalogue import KINDS
from backoffice.assignments.models import Assignment
from backoffice.assignments.service import refresh_statuses
from backoffice.assignments.wording import dutch_date
from backoffice.clock import Clock
from backoffice.digital import rules
from backoffice.digital.models import DigitalAssessment, DigitalCourse
from backoffice.digital.rules import Signal
from backoffice.errors import InvalidInputError, NotFoundError
from backoffice.jobseekers.models import Jobseeker
from backoffice.vacancies import places

# What the bot noted in the dossier before (digital_indicators with source "bot"), as signals.
BOT_INDICATORS: dict[str, Signal] = {
    "asked_help_login": Signal("basic_operation_help", "login"),
    "asked_help_password": Signal("basic_operation_help", "password"),
    "asked_help_upload": Signal("basic_operation_help", "upload"),
    "asked_help_email": Signal("basic_operation_help", "email"),
}
DEMO_COURSES_NOTICE = "Deze cursussen zijn verzonnen voor de demo. Ze bestaan niet echt."
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def _require_jobseeker(*, session: Session, jobseeker_id: int) -> Jobseeker:
    jobseeker = session.get(Jobseeker, jobseeker_id)
    if jobseeker is None:
        raise NotFoundError("Jobseeker not found")
    return jobseeker


def dossier_signals(*, session: Session, jobseeker: Jobseeker, clock: Clock) -> list[Signal]:
    """The evidence the dossier holds: no e-mail, what a consultant or the bot noted, late online work."""
    signals = []
    if not jobseeker.email:
        signals.append(Signal("no_email"))
    for indicator in jobseeker.digital_indicators or []:
        source, code = indicator.get("source"), indicator.get("code", "")
        if source == "consultant":
            noted = indicator.get("noted_on")
            signals.append(Signal("consultant_noted", _dutch_day(noted) if noted else None))
        elif source == "bot" and code in BOT_INDICATORS:
            signals.append(BOT_INDICATORS[code])
    refresh_statuses(session=session, jobseeker_id=jobseeker.id, clock=clock)
    overdue = session.scalars(
        select(Assignment).where(Assignment.jobseeker_id == jobseeker.id, Assignment.status == "overdue")
    )
    for assignment in overdue:
        kind = KINDS.get(assignment.kind)
        if kind is not None and kind.digital:
            signals.append(Signal("overdue_digital_assignment", assignment.title))
    return signals


def _dutch_day(iso_day: str) -> str | None:
    try:
        return dutch_date(date.fromisoformat(iso_day))
    except ValueError:
        return None


def latest_assessment(*, session: Session, jobseeker_id: int) -> DigitalAssessment | None:
    query = (
        select(DigitalAssessment)
        .where(DigitalAssessment.jobseeker_id == jobseeker_id)
        .order_by(DigitalAssessment.created_at.desc(), DigitalAssessment.id.desc())
        .limit(1)
    )
    return session.scalar(query)


def assess(
    *, session: Session, jobseeker_id: int | None, channel: str, signals: list[Signal], clock: Clock
) -> tuple[rules.Assessment, str | None]:
    """Scores the conversation's signals, with the dossier's for a known jobseeker (then stored).

    Returns the assessment and the level stored before it (None: first one, or no dossier).
    """
    evidence = [*signals, Signal("channel", channel)]
    if jobseeker_id is None:
        return rules.assess(evidence), None
    jobseeker = _require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    evidence += dossier_signals(session=session, jobseeker=jobseeker, clock=clock)
    result = rules.assess(evidence)
    previous = latest_assessment(session=session, jobseeker_id=jobseeker.id)
    session.add(
        DigitalAssessment(
            jobseeker_id=jobseeker.id,
            level=result.level,
            score=result.score,
            evidence=result.evidence,
            channel=channel,
            created_at=clock.now,
        )
    )
    session.flush()
    return result, previous.level if previous is not None else None


def record_choice(*, session: Session, jobseeker_id: int, choice: str, channel: str, clock: Clock) -> Jobseeker:
    """Stores the help the jobseeker chose in the dossier (the latest choice counts)."""
    jobseeker = _require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    jobseeker.digital_choice = choice
    jobseeker.digital_choice_channel = channel
    jobseeker.digital_choice_at = clock.now
    session.flush()
    return jobseeker


def nearest_courses(
    *, session: Session, municipality: str | None, jobseeker_id: int | None, limit: int, clock: Clock
) -> tuple[places.Municipality | None, list[tuple[DigitalCourse, float | None]]]:
    """Courses that start after today: nearest first (then the earliest start) when a place is
    known, from the municipality given or else the jobseeker's dossier; else the earliest first."""
    home = _home(session=session, municipality=municipality, jobseeker_id=jobseeker_id)
    courses = list(session.scalars(select(DigitalCourse).where(DigitalCourse.starts_on > clock.today)))
    if home is None:
        courses.sort(key=lambda course: (course.starts_on, course.id))
        return None, [(course, None) for course in courses[:limit]]
    ranked = sorted(
        (
            (course, places.distance_km(home.latitude, home.longitude, course.latitude, course.longitude))
            for course in courses
        ),
        key=lambda pair: (round(pair[1], 1), pair[0].starts_on, pair[0].id),
    )
    return home, list(ranked[:limit])


def _home(*, session: Session, municipality: str | None, jobseeker_id: int | None) -> places.Municipality | None:
    if municipality:
        location = places.resolve_location(municipality)
        if location is None:
            raise NotFoundError("Municipality not found")
        if location.municipality is None:
            raise InvalidInputError("Give a municipality or a postcode, not a province")
        return location.municipality
    if jobseeker_id is not None:
        jobseeker = _require_jobseeker(session=session, jobseeker_id=jobseeker_id)
        return places.by_nis(jobseeker.municipality_nis)
    return None
