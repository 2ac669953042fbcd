"""Loads the demo data into an empty database, in one transaction."""

import random
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.clock import Clock
from backoffice.consultants.models import Consultant, ProvinceStaffing
from backoffice.jobseekers.models import Jobseeker
from backoffice.jobseekers.service import DEMO_PICKER_SIZE
from backoffice.offices.models import Office
from backoffice.seed.assignments import seed_assignments
from backoffice.seed.complaints import seed_demo_complaints
from backoffice.seed.dispatching import seed_courses, seed_schedules
from backoffice.seed.offices import (
    INVENTED_NOTICE,
    INVENTED_STREETS,
    STAFFING,
    STAFFING_REFERENCE_DATE,
    VAC_DESKS,
    WERKWINKELS,
)
from backoffice.seed.people import consultant_profile, jobseeker_profile
from backoffice.seed.places import municipality_by_name, served_municipalities
from backoffice.seed.vacancies import DEFAULT_COUNT as DEFAULT_VACANCY_COUNT
from backoffice.seed.vacancies import seed_activity, seed_vacancies

SEED = 20181008  # launch day of the new service model, for a repeatable demo set
CONSULTANTS_PER_OFFICE = 2


def _office(*, rng: random.Random, name: str, kind: str, municipality_name: str) -> Office:
    municipality = municipality_by_name(municipality_name)
    street = f"{rng.choice(INVENTED_STREETS)} {rng.randint(1, 120)}"
    return Office(
        name=name,
        kind=kind,
        municipality_nis=municipality.nis,
        municipality=municipality.name,
        postcode=municipality.postcodes[0],
        province=municipality.province,
        address=f"{street}, {municipality.postcodes[0]} {municipality.name} {INVENTED_NOTICE}",
        is_demo=True,
    )


def _offices(rng: random.Random) -> list[Office]:
    offices = [
        _office(rng=rng, name=f"Werkwinkel {place}", kind="werkwinkel", municipality_name=place)
        for places in WERKWINKELS.values()
        for place in places
    ]
    offices += [_office(rng=rng, name=f"Vac-loket {place}", kind="vac", municipality_name=place) for place in VAC_DESKS]
    return offices


def database_is_empty(*, session: Session) -> bool:
    return session.scalar(select(func.count(Office.id))) == 0


def seed_demo_data(
    *,
    session: Session,
    today: date,
    jobseeker_count: int = 200,
    vacancy_count: int = DEFAULT_VACANCY_COUNT,
    progress: bool = False,
) -> bool:
    """Seeds an empty database and returns True; leaves a filled one untouched and returns False."""
    if not database_is_empty(session=session):
        return False
    rng = random.Random(SEED)

    offices = _offices(rng)
    session.add_all(offices)
    session.flush()
    werkwinkels_by_province: dict[str, list[Office]] = {}
    for office in offices:
        if office.kind == "werkwinkel":
            werkwinkels_by_province.setdefault(office.province, []).append(office)

    session.add_all(
        ProvinceStaffing(province=province, full_time=full, part_time=part, reference_date=STAFFING_REFERENCE_DATE)
        for province, (full, part) in STAFFING.items()
    )

    number = 0
    consultants_by_office: dict[int, list[Consultant]] = {}
    for office in offices:
        for _ in range(CONSULTANTS_PER_OFFICE):
            number += 1
            consultant = Consultant(office_id=office.id, **consultant_profile(rng=rng, number=number))
            session.add(consultant)
            consultants_by_office.setdefault(office.id, []).append(consultant)

    municipalities = served_municipalities()
    jobseekers: list[Jobseeker] = []
    for number in range(1, jobseeker_count + 1):
        municipality = rng.choice(municipalities)
        nearby = werkwinkels_by_province[municipality.province]
        same_place = [office for office in nearby if office.municipality_nis == municipality.nis]
        office = same_place[0] if same_place else rng.choice(nearby)
        profile = jobseeker_profile(rng=rng, number=number, municipality=municipality, today=today)
        jobseeker = Jobseeker(office_id=office.id, created_at=Clock.on(profile["registration_date"]).now, **profile)
        session.add(jobseeker)
        jobseekers.append(jobseeker)
    session.flush()

    seed_assignments(
        session=session,
        jobseekers_in_order=jobseekers,
        consultants_by_office=consultants_by_office,
        today=today,
        demo_picker_size=DEMO_PICKER_SIZE,
    )
    seed_vacancies(
        session=session, today=today, count=vacancy_count, picker=jobseekers[:DEMO_PICKER_SIZE], progress=progress
    )
    seed_activity(
        session=session,
        jobseekers_in_order=jobseekers,
        consultants_by_office=consultants_by_office,
        today=today,
        demo_picker_size=DEMO_PICKER_SIZE,
    )
    # A stream of its own, so the demo data above stays what it was.
    dispatching_rng = random.Random(f"{SEED}-dispatching")
    seed_schedules(session=session, rng=dispatching_rng, consultants_by_office=consultants_by_office, offices=offices)
    seed_courses(session=session, rng=dispatching_rng, offices=offices, today=today)
    # The register of loopbaancentra and invented complaints (a random stream of their own).
    seed_demo_complaints(session=session, today=today)
    session.commit()
    return True
