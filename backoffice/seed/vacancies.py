"""Invented Flemish vacancies over real municipalities, and what demo jobseekers did with them.

Vacancies: occupations by how often they are asked for, municipalities weighted by how many
people live there, a realistic mix of contracts and schedules, posted over the last 60 days,
some closed already. The first jobseekers of the demo picker get vacancies for each of their
occupations close to home (also ones asking for a licence they lack: the demo then shows why
they are not suggested, and the smart assignment about the licence). Then the other demo
jobseekers view, save and apply, so the collaborative suggestions have a signal; the demo
picker's jobseekers only view (saving or applying would complete the assignments the demo
walks through), and some get a consultant's push. Saved vacancies and applications are
stored in bulk and detection runs once per jobseeker, at the moment of their last step:
2,000 vacancies seed in about a second.
"""

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session
from tqdm import tqdm

from backoffice.assignments import service as assignments
from backoffice.clock import Clock, brussels
from backoffice.consultants.models import Consultant
from backoffice.jobseekers.models import Jobseeker
from backoffice.seed import vacancy_texts as texts
from backoffice.vacancies import places
from backoffice.vacancies.models import Application, PushedSuggestion, SavedVacancy, Vacancy, VacancyEvent
from backoffice.vacancies.search import engine_for
from backoffice.vacancies.service import keywords_for

SEED_OFFSET = 5  # a random stream of its own: the other demo data stays what it was
DEFAULT_COUNT = 2000
POSTED_OVER_DAYS = 60
CLOSED_SHARE = 0.08
NEAR_HOME_KM = 15.0
PER_PICKER_OCCUPATION = 3
CONTRACT_MIX = {"vast": 40, "tijdelijk": 15, "interim": 25, "studentenjob": 5, "flexijob": 8, "freelance": 7}
SERVED_REGIONS = {"Vlaanderen", "Brussel"}
# Capped and floored: Brussels' GeoNames count is the whole region, small villages have none.
POPULATION_FLOOR, POPULATION_CAP = 4_000, 300_000
CHANNELS = ("online", "online", "e-mail", "ter plaatse", "telefoon", "via de bot")
STATUSES = ("verstuurd", "verstuurd", "gesprek", "afgewezen", "geen antwoord", "aangenomen")
OUTSIDE_EMPLOYERS = ("Bakkerij Van Hove (verzonnen)", "Garage Claeys (verzonnen)", "Interim Plus (verzonnen)")
PUSH_NOTES = ("Deze job past bij je ervaring.", "Dicht bij huis, kijk er eens naar.", None)
BATCH = 5000


@dataclass(frozen=True)
class Want:
    """Vacancies that must exist: an occupation close to a municipality, open."""

    occupation: str
    municipality: places.Municipality


def served_municipalities() -> list[places.Municipality]:
    return [item for item in places.municipalities() if item.region in SERVED_REGIONS]


def _weighted(rng: random.Random, options: dict[str, int]) -> str:
    return rng.choices(list(options), weights=list(options.values()))[0]


def _employer(rng: random.Random, sector: texts.Sector) -> str:
    word = rng.choice(sector.employer_words)
    if rng.random() < 0.5:
        name = f"{rng.choice(texts.FAMILY_NAMES)} {word}"
    else:
        name = f"{word} {rng.choice(texts.PLACE_NAMES)}"
    return f"{name} {texts.INVENTED_EMPLOYER}"


def _languages(rng: random.Random, municipality: places.Municipality) -> list[str]:
    languages = ["Nederlands"]
    if rng.random() < (0.7 if municipality.region == "Brussel" else 0.15):
        languages.append("Frans")
    if rng.random() < 0.1:
        languages.append("Engels")
    return languages


def vacancy_row(
    rng: random.Random,
    *,
    occupation: texts.Occupation,
    municipality: places.Municipality,
    today: date,
    keep_open: bool = False,
) -> dict[str, object]:
    sector = texts.SECTORS[occupation.sector]
    employer = _employer(rng, sector)
    contract = _weighted(rng, occupation.contracts or CONTRACT_MIX)
    part_time = contract in ("studentenjob", "flexijob") or rng.random() < occupation.part_time_share
    schedule = "deeltijds" if part_time else "voltijds"
    hours = rng.choice((16, 19, 20, 24, 25, 30)) if part_time else rng.choice((36, 38, 38, 38, 40))
    posted_on = today - timedelta(days=rng.randrange(POSTED_OVER_DAYS))
    age = (today - posted_on).days
    if not keep_open and age > 10 and rng.random() < CLOSED_SHARE:
        closing_on = today - timedelta(days=rng.randint(1, min(age - 1, 20)))  # closed already
    elif rng.random() < 0.25:
        closing_on = None  # open until filled
    else:
        # Most demo vacancies are still open: a closing date a few days to a few months ahead.
        closing_on = max(
            posted_on + timedelta(days=rng.choice((30, 45, 60, 90))), today + timedelta(days=rng.randint(3, 40))
        )
    intro = rng.choice(sector.intros).format(
        employer=employer.removesuffix(f" {texts.INVENTED_EMPLOYER}"), municipality=municipality.name
    )
    tasks = rng.sample(occupation.tasks, k=min(len(occupation.tasks), rng.randint(2, 3)))
    profile = list(occupation.profile) + rng.sample(texts._DEFAULT_PROFILE, k=1)
    offer = rng.choice(sector.offers)
    schedule_text = f"Je werkt {schedule} ({hours} uur per week)."
    description = " ".join(
        [
            intro,
            "Wat ga je doen?",
            *tasks,
            "Wie ben jij?",
            *profile,
            "Wat bieden we?",
            offer,
            schedule_text,
            texts.INVENTED_NOTICE,
        ]
    )
    title = rng.choice(occupation.titles)
    licences = list(occupation.licences)
    return {
        "title": title,
        "occupation": occupation.name,
        "employer": employer,
        "municipality_nis": municipality.nis,
        "municipality": municipality.name,
        "postcode": rng.choice(municipality.postcodes) if municipality.postcodes else "0000",
        "province": municipality.province,
        "latitude": municipality.latitude,
        "longitude": municipality.longitude,
        "contract_type": contract,
        "work_schedule": schedule,
        "hours_per_week": hours,
        "driving_licences": licences,
        "languages": _languages(rng, municipality),
        "education_level": occupation.education,
        "description": description,
        "keywords": keywords_for(title=title, occupation=occupation.name),
        "posted_on": posted_on,
        "closing_on": closing_on,
        "source": "demo",
        "is_demo": True,
        "created_at": Clock.on(posted_on, hour=8).now,
    }


def generate(*, rng: random.Random, count: int, today: date, wants: Iterable[Want] = ()) -> Iterator[dict[str, object]]:
    """`count` vacancy rows; the wanted ones first, within NEAR_HOME_KM of their municipality."""
    municipalities = served_municipalities()
    weights = [min(max(item.population, POPULATION_FLOOR), POPULATION_CAP) for item in municipalities]
    occupations = list(texts.OCCUPATIONS)
    by_name = {occupation.name: occupation for occupation in occupations}
    number = 0
    for want in wants:
        occupation = by_name.get(want.occupation)
        if occupation is None:
            continue
        near = [
            item
            for item in municipalities
            if places.distance_km(
                item.latitude, item.longitude, want.municipality.latitude, want.municipality.longitude
            )
            <= NEAR_HOME_KM
        ]
        for index in range(PER_PICKER_OCCUPATION):
            if number >= count:
                return
            where = want.municipality if index == 0 else rng.choice(near)
            number += 1
            yield vacancy_row(rng, occupation=occupation, municipality=where, today=today, keep_open=True)
    occupation_weights = [occupation.weight for occupation in occupations]
    while number < count:
        number += 1
        occupation = rng.choices(occupations, weights=occupation_weights)[0]
        municipality = rng.choices(municipalities, weights=weights)[0]
        yield vacancy_row(rng, occupation=occupation, municipality=municipality, today=today)


def store(*, session: Session, rows: Iterable[dict[str, object]], total: int, progress: bool) -> None:
    """Inserts in batches (a plain executemany: no ORM objects, no RETURNING), then indexes for search."""
    batch: list[dict[str, object]] = []
    with tqdm(total=total, desc="vacatures", unit="", disable=not progress) as bar:
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                session.execute(insert(Vacancy), batch)
                bar.update(len(batch))
                batch = []
        if batch:
            session.execute(insert(Vacancy), batch)
            bar.update(len(batch))
    engine_for(session).rebuild(session)


def seed_vacancies(
    *,
    session: Session,
    today: date,
    count: int = DEFAULT_COUNT,
    picker: Iterable[Jobseeker] = (),
    progress: bool = False,
) -> None:
    """Stores `count` demo vacancies, the ones the demo picker needs first."""
    rng = random.Random(SEED_OFFSET)
    wants = [
        Want(occupation, municipality)
        for jobseeker in picker
        if (municipality := places.by_nis(jobseeker.municipality_nis)) is not None
        for occupation in jobseeker.desired_occupations or []
    ]
    return store(
        session=session, rows=generate(rng=rng, count=count, today=today, wants=wants), total=count, progress=progress
    )


@dataclass(frozen=True)
class Stored:
    id: int
    occupation: str
    employer: str
    title: str
    latitude: float
    longitude: float
    posted_on: date
    closing_on: date | None


def _moment(day: date, rng: random.Random) -> datetime:
    return Clock.at(datetime.combine(day, time(rng.randint(8, 20), rng.randint(0, 59)), tzinfo=brussels())).now


def _day_between(rng: random.Random, first: date, last: date) -> date | None:
    if last < first:
        return None
    return first + timedelta(days=rng.randint(0, (last - first).days))


class _Activity:
    """Collects one jobseeker's events, saves and applications as rows for a bulk insert."""

    def __init__(self) -> None:
        self.events: list[dict[str, object]] = []
        self.saved: list[dict[str, object]] = []
        self.applications: list[dict[str, object]] = []
        self.last: datetime | None = None

    def add(self, table: list, row: dict[str, object], at: datetime) -> None:
        table.append(row)
        self.last = at if self.last is None or at > self.last else self.last


def _nearby(vacancies: list[Stored], jobseeker: Jobseeker, radius_km: float) -> list[Stored]:
    home = places.by_nis(jobseeker.municipality_nis)
    if home is None:
        return []
    wanted = set(jobseeker.desired_occupations or [])
    return [
        vacancy
        for vacancy in vacancies
        if vacancy.occupation in wanted
        and places.distance_km(home.latitude, home.longitude, vacancy.latitude, vacancy.longitude) <= radius_km
    ]


def _plan_activity(
    rng: random.Random, jobseeker: Jobseeker, vacancies: list[Stored], today: date, *, views_only: bool
) -> _Activity:
    activity = _Activity()
    candidates = _nearby(vacancies, jobseeker, 30.0)
    rng.shuffle(candidates)
    viewed = candidates[: rng.randint(2, 5) if views_only else rng.randint(3, 10)]
    for vacancy in viewed:
        last_open = min(today, vacancy.closing_on or today)
        day = _day_between(rng, max(vacancy.posted_on, jobseeker.registration_date), last_open)
        if day is None:
            continue
        seen = _moment(day, rng)
        activity.add(activity.events, {"vacancy_id": vacancy.id, "kind": "view", "at": seen}, seen)
        if views_only or rng.random() > 0.45:
            continue
        saved = seen + timedelta(minutes=rng.randint(1, 30))
        activity.add(activity.events, {"vacancy_id": vacancy.id, "kind": "save", "at": saved}, saved)
        activity.add(activity.saved, {"vacancy_id": vacancy.id, "saved_at": saved}, saved)
        if rng.random() > 0.4:
            continue
        applied_on = _day_between(rng, Clock(now=saved).today, last_open) or Clock(now=saved).today
        applied = max(_moment(applied_on, rng), saved + timedelta(minutes=5))
        activity.add(activity.events, {"vacancy_id": vacancy.id, "kind": "apply", "at": applied}, applied)
        activity.add(
            activity.applications,
            _application(rng, vacancy_id=vacancy.id, employer=vacancy.employer, title=vacancy.title, at=applied),
            applied,
        )
    if not views_only and rng.random() < 0.2:
        day = _day_between(rng, jobseeker.registration_date, today)
        if day is not None:
            at = _moment(day, rng)
            employer = rng.choice(OUTSIDE_EMPLOYERS)
            activity.add(
                activity.applications, _application(rng, vacancy_id=None, employer=employer, title=None, at=at), at
            )
    return activity


def _application(rng: random.Random, *, vacancy_id: int | None, employer: str, title: str | None, at: datetime) -> dict:
    status = rng.choice(STATUSES)
    return {
        "vacancy_id": vacancy_id,
        "employer": employer,
        "title": title,
        "applied_on": Clock(now=at).today,
        "channel": rng.choice(CHANNELS),
        "status": status,
        "note": "Gesprek gepland bij de werkgever." if status == "gesprek" else None,
        "created_at": at,
        "updated_at": at,
    }


def seed_activity(
    *,
    session: Session,
    jobseekers_in_order: list[Jobseeker],
    consultants_by_office: dict[int, list[Consultant]],
    today: date,
    demo_picker_size: int,
) -> None:
    """Views, saves, applications and a few consultant pushes by the demo jobseekers."""
    rng = random.Random(SEED_OFFSET + 1)
    columns = (
        Vacancy.id,
        Vacancy.occupation,
        Vacancy.employer,
        Vacancy.title,
        Vacancy.latitude,
        Vacancy.longitude,
        Vacancy.posted_on,
        Vacancy.closing_on,
    )
    vacancies = [Stored(*row) for row in session.execute(select(*columns).order_by(Vacancy.id))]
    events, saved, applications, pushes = [], [], [], []
    to_detect: list[tuple[Jobseeker, datetime]] = []
    for index, jobseeker in enumerate(jobseekers_in_order):
        in_picker = index < demo_picker_size
        if not in_picker and rng.random() < 0.15:
            continue  # some people do not look at vacancies at all
        activity = _plan_activity(rng, jobseeker, vacancies, today, views_only=in_picker)
        for table, rows in ((events, activity.events), (saved, activity.saved), (applications, activity.applications)):
            table += [{"jobseeker_id": jobseeker.id, **row} for row in rows]
        if activity.saved or activity.applications:
            to_detect.append((jobseeker, activity.last))
        if (in_picker and index % 3 == 0) or (not in_picker and rng.random() < 0.05):
            open_nearby = [
                vacancy
                for vacancy in _nearby(vacancies, jobseeker, NEAR_HOME_KM * 2)
                if vacancy.posted_on <= today and (vacancy.closing_on is None or vacancy.closing_on >= today)
            ]
            if open_nearby and jobseeker.office_id in consultants_by_office:
                consultant = rng.choice(consultants_by_office[jobseeker.office_id])
                pushes.append(
                    {
                        "jobseeker_id": jobseeker.id,
                        "vacancy_id": rng.choice(open_nearby).id,
                        "source": "consultant",
                        "consultant_id": consultant.id,
                        "note": rng.choice(PUSH_NOTES),
                        "created_at": Clock.on(today - timedelta(days=rng.randint(0, 6))).now,
                    }
                )
    for model, rows in (
        (VacancyEvent, events),
        (SavedVacancy, saved),
        (Application, applications),
        (PushedSuggestion, pushes),
    ):
        if rows:
            session.execute(insert(model), rows)
    session.flush()
    for jobseeker, moment in to_detect:
        # Once per jobseeker, at their last step: the assignments read what is stored by then.
        assignments.detect_completed(session=session, jobseeker=jobseeker, clock=Clock(now=moment))
        if jobseeker.last_activity_at is None or jobseeker.last_activity_at < moment:
            jobseeker.last_activity_at = moment
    session.flush()
