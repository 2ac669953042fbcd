"""Demo data for digital dispatching: consultant schedules and courses in digital skills.

A random stream of its own, so the rest of the demo data stays what it was. Courses, organisers
and their addresses are invented; the municipalities are real.
"""

import random
from datetime import date, time, timedelta

from sqlalchemy.orm import Session

from backoffice.appointments.models import ConsultantSchedule
from backoffice.consultants.models import Consultant
from backoffice.digital.models import DigitalCourse
from backoffice.offices.models import Office
from backoffice.seed.offices import INVENTED_NOTICE, INVENTED_STREETS
from backoffice.vacancies import places

HALF_DAYS = ((time(9, 0), time(12, 0)), (time(13, 30), time(16, 30)))
HALF_DAYS_PER_WEEK = 3
SLOT_MINUTES = 30

COURSE_NAMES = (
    "Starten met de computer",
    "Mailen voor beginners",
    "Veilig op internet",
    "Je gsm of tablet beter gebruiken",
    "Solliciteren met de computer",
    "Inloggen en formulieren online",
)
ORGANISERS = ("Bibliotheek {place}", "Digitaal Huis {place}", "Buurthuis De Schakel", "Centrum Basiseducatie {place}")
COURSE_HOURS = ("van 9.30 tot 12 uur", "van 13.30 tot 16 uur", "van 18.30 tot 21 uur")
COURSES_PER_WERKWINKEL = 2


def seed_schedules(
    *, session: Session, rng: random.Random, consultants_by_office: dict[int, list[Consultant]], offices: list[Office]
) -> list[ConsultantSchedule]:
    """A few half-days a week for each consultant of a werkwinkel."""
    schedules = []
    for office in offices:
        if office.kind != "werkwinkel":
            continue
        for consultant in consultants_by_office.get(office.id, []):
            for weekday in sorted(rng.sample(range(5), HALF_DAYS_PER_WEEK)):
                start, end = rng.choice(HALF_DAYS)
                schedules.append(
                    ConsultantSchedule(
                        consultant_id=consultant.id,
                        office_id=office.id,
                        weekday=weekday,
                        start_time=start,
                        end_time=end,
                        slot_minutes=SLOT_MINUTES,
                    )
                )
    session.add_all(schedules)
    session.flush()
    return schedules


def seed_courses(*, session: Session, rng: random.Random, offices: list[Office], today: date) -> list[DigitalCourse]:
    """Invented courses in the municipalities of the werkwinkels, starting in the coming weeks."""
    courses = []
    for office in offices:
        point = places.by_nis(office.municipality_nis)
        if office.kind != "werkwinkel" or point is None:
            continue
        for name in rng.sample(COURSE_NAMES, COURSES_PER_WERKWINKEL):
            starts_on = today + timedelta(days=rng.randint(5, 45))
            while starts_on.weekday() > 4:  # courses run on weekdays
                starts_on += timedelta(days=1)
            street = f"{rng.choice(INVENTED_STREETS)} {rng.randint(1, 120)}"
            weekday = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")[starts_on.weekday()]
            courses.append(
                DigitalCourse(
                    name=name,
                    organiser=rng.choice(ORGANISERS).format(place=office.municipality),
                    municipality_nis=office.municipality_nis,
                    municipality=office.municipality,
                    postcode=office.postcode,
                    province=office.province,
                    address=f"{street}, {office.postcode} {office.municipality} {INVENTED_NOTICE}",
                    latitude=point.latitude,
                    longitude=point.longitude,
                    starts_on=starts_on,
                    schedule=f"elke {weekday} {rng.choice(COURSE_HOURS)}",
                    sessions=rng.choice((4, 6, 8)),
                    cost="gratis",
                    is_demo=True,
                )
            )
    session.add_all(courses)
    session.flush()
    return courses
