"""Vacancies, search, saved vacancies, applications, events and pushed suggestions.

Functions flush and never commit: a route commits once per request, and the seed loads its demo
data in one transaction through the same functions. Saving a vacancy and logging an application
run the assignments' detection, so "Bewaar drie vacatures" and "Solliciteer één keer" complete
themselves.
"""

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backoffice.assignments import service as assignments
from backoffice.clock import Clock
from backoffice.consultants.models import Consultant
from backoffice.errors import ConflictError, InvalidInputError, NotFoundError
from backoffice.jobseekers.models import Jobseeker
from backoffice.vacancies import places
from backoffice.vacancies.models import Application, PushedSuggestion, SavedVacancy, Vacancy, VacancyEvent
from backoffice.vacancies.schemas import (
    ApplicationCreate,
    ApplicationRead,
    ApplicationUpdate,
    Dashboard,
    PushRead,
    PushRequest,
    Requirements,
    SavedVacancyCard,
    SearchLocation,
    SearchPage,
    VacancyCard,
    VacancyDetail,
)
from backoffice.vacancies.search import Centre, SearchQuery, engine_for
from backoffice.vacancies.text import fold
from backoffice.vacancies.vocabulary import is_occupation, occupation_variants

SUMMARY_CHARS = 140
DEFAULT_RADIUS_KM = 20.0
MAX_RADIUS_KM = 200.0

Point = tuple[float, float]  # latitude, longitude


def is_open(vacancy: Vacancy, today: date) -> bool:
    return vacancy.posted_on <= today and (vacancy.closing_on is None or vacancy.closing_on >= today)


def summary(description: str, limit: int = SUMMARY_CHARS) -> str:
    """The start of a description, cut at a word, with an ellipsis when something was left out."""
    flat = " ".join(description.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit + 1].rsplit(" ", 1)[0].rstrip(",;:-–.")
    return f"{cut}…"


def point_of(jobseeker: Jobseeker) -> Point | None:
    municipality = places.by_nis(jobseeker.municipality_nis)
    return (municipality.latitude, municipality.longitude) if municipality else None


def distance_from(origin: Point | None, vacancy: Vacancy) -> float | None:
    if origin is None:
        return None
    return round(places.distance_km(origin[0], origin[1], vacancy.latitude, vacancy.longitude), 1)


def to_card(vacancy: Vacancy, origin: Point | None = None) -> VacancyCard:
    return VacancyCard(
        id=vacancy.id,
        title=vacancy.title,
        occupation=vacancy.occupation,
        employer=vacancy.employer,
        municipality=vacancy.municipality,
        postcode=vacancy.postcode,
        province=vacancy.province,
        distance_km=distance_from(origin, vacancy),
        contract_type=vacancy.contract_type,
        work_schedule=vacancy.work_schedule,
        hours_per_week=vacancy.hours_per_week,
        posted_on=vacancy.posted_on,
        closing_on=vacancy.closing_on,
        summary=summary(vacancy.description),
    )


def to_detail(vacancy: Vacancy, origin: Point | None = None) -> VacancyDetail:
    return VacancyDetail(
        **to_card(vacancy, origin).model_dump(),
        description=vacancy.description,
        requirements=Requirements(
            driving_licences=list(vacancy.driving_licences or []),
            languages=list(vacancy.languages or []),
            education_level=vacancy.education_level,
        ),
    )


def require_vacancy(*, session: Session, vacancy_id: int) -> Vacancy:
    vacancy = session.get(Vacancy, vacancy_id)
    if vacancy is None:
        raise NotFoundError("Vacancy not found")
    return vacancy


def vacancies_by_id(*, session: Session, ids: Iterable[int]) -> dict[int, Vacancy]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    return {vacancy.id: vacancy for vacancy in session.scalars(select(Vacancy).where(Vacancy.id.in_(wanted)))}


def keywords_for(*, title: str, occupation: str) -> str:
    """What the engines index beside title and description: the occupation's words, accents folded."""
    return " ".join(dict.fromkeys([fold(title), occupation, *occupation_variants(occupation)]))


def new_vacancy(*, municipality: places.Municipality, postcode: str | None = None, **fields: object) -> Vacancy:
    """A Vacancy in a municipality, with its point and keywords; not yet added or indexed."""
    if not is_occupation(str(fields["occupation"])):
        raise InvalidInputError("Unknown occupation")
    return Vacancy(
        municipality_nis=municipality.nis,
        municipality=municipality.name,
        postcode=postcode or municipality.postcodes[0],
        province=municipality.province,
        latitude=municipality.latitude,
        longitude=municipality.longitude,
        keywords=keywords_for(title=str(fields["title"]), occupation=str(fields["occupation"])),
        **fields,
    )


def add_vacancies(*, session: Session, vacancies: Sequence[Vacancy]) -> list[Vacancy]:
    """Stores vacancies and indexes them for search."""
    session.add_all(vacancies)
    session.flush()
    engine_for(session).index(session, [vacancy.id for vacancy in vacancies])
    return list(vacancies)


# ---- search ----


def resolve_location(location: str | None) -> places.Location | None:
    if location is None or not location.strip():
        return None
    resolved = places.resolve_location(location)
    if resolved is None:
        raise InvalidInputError("Unknown location")
    return resolved


def search(
    *,
    session: Session,
    today: date,
    q: str = "",
    occupation: str | None = None,
    location: str | None = None,
    radius_km: float | None = None,
    province: str | None = None,
    contract_type: str | None = None,
    work_schedule: str | None = None,
    posted_since: date | None = None,
    page: int = 1,
    page_size: int = 10,
) -> SearchPage:
    if occupation and not is_occupation(occupation):
        raise InvalidInputError("Unknown occupation")
    province_name = None
    if province:
        province_name = places.resolve_province(province)
        if province_name is None:
            raise InvalidInputError("Unknown province")
    resolved = resolve_location(location)
    centre = municipality_nis = None
    if resolved is not None and resolved.municipality is not None:
        centre = Centre(resolved.municipality.latitude, resolved.municipality.longitude)
        radius_km = DEFAULT_RADIUS_KM if radius_km is None else radius_km
        if radius_km == 0:
            municipality_nis = resolved.municipality.nis
    elif resolved is not None:
        if province_name and province_name != resolved.province:
            return SearchPage(total=0, page=page, page_size=page_size, results=[], location=_location(resolved))
        province_name = resolved.province
        radius_km = None
    query = SearchQuery(
        today=today,
        text=q or "",
        occupation=occupation or None,
        centre=centre,
        radius_km=radius_km if centre is not None else None,
        municipality_nis=municipality_nis,
        province=province_name,
        contract_type=contract_type,
        work_schedule=work_schedule,
        posted_since=posted_since,
        offset=(page - 1) * page_size,
        limit=page_size,
    )
    hits = engine_for(session).search(session, query)
    found = vacancies_by_id(session=session, ids=hits.ids)
    origin = (centre.latitude, centre.longitude) if centre is not None else None
    results = [to_card(found[vacancy_id], origin) for vacancy_id in hits.ids if vacancy_id in found]
    location_read = _location(resolved) if resolved is not None else None
    if location_read is None and province_name:
        location_read = SearchLocation(municipality=None, province=province_name)
    return SearchPage(total=hits.total, page=page, page_size=page_size, results=results, location=location_read)


def _location(resolved: places.Location) -> SearchLocation:
    municipality = resolved.municipality.name if resolved.municipality else None
    return SearchLocation(municipality=municipality, province=resolved.province)


# ---- what jobseekers do with vacancies ----


def _activity(*, session: Session, jobseeker: Jobseeker, clock: Clock) -> None:
    """Activity counts for the "inactive" rule; detection completes the vacancy assignments."""
    if jobseeker.last_activity_at is None or jobseeker.last_activity_at < clock.now:
        jobseeker.last_activity_at = clock.now
    session.flush()
    assignments.detect_completed(session=session, jobseeker=jobseeker, clock=clock)


def record_event(*, session: Session, jobseeker_id: int, vacancy_id: int, kind: str, clock: Clock) -> VacancyEvent:
    event = VacancyEvent(jobseeker_id=jobseeker_id, vacancy_id=vacancy_id, kind=kind, at=clock.now)
    session.add(event)
    session.flush()
    return event


def record_view(*, session: Session, jobseeker: Jobseeker, vacancy: Vacancy, clock: Clock) -> None:
    record_event(session=session, jobseeker_id=jobseeker.id, vacancy_id=vacancy.id, kind="view", clock=clock)


def save_vacancy(
    *, session: Session, jobseeker: Jobseeker, vacancy: Vacancy, clock: Clock
) -> tuple[SavedVacancy, bool]:
    """Saves a vacancy; returns it and whether it was new. Saving twice keeps the first."""
    existing = _saved(session=session, jobseeker_id=jobseeker.id, vacancy_id=vacancy.id)
    if existing is not None:
        return existing, False
    if not is_open(vacancy, clock.today):
        raise ConflictError("Vacancy is no longer open")
    saved = SavedVacancy(jobseeker_id=jobseeker.id, vacancy_id=vacancy.id, saved_at=clock.now)
    try:
        # Two saves at once (a double tap) may race: the one stored first stands.
        with session.begin_nested():
            session.add(saved)
    except IntegrityError:
        return _saved(session=session, jobseeker_id=jobseeker.id, vacancy_id=vacancy.id), False
    record_event(session=session, jobseeker_id=jobseeker.id, vacancy_id=vacancy.id, kind="save", clock=clock)
    _activity(session=session, jobseeker=jobseeker, clock=clock)
    return saved, True


def _saved(*, session: Session, jobseeker_id: int, vacancy_id: int) -> SavedVacancy | None:
    query = select(SavedVacancy).where(SavedVacancy.jobseeker_id == jobseeker_id, SavedVacancy.vacancy_id == vacancy_id)
    return session.scalar(query)


def unsave_vacancy(*, session: Session, jobseeker: Jobseeker, vacancy_id: int) -> None:
    saved = _saved(session=session, jobseeker_id=jobseeker.id, vacancy_id=vacancy_id)
    if saved is None:
        raise NotFoundError("Saved vacancy not found")
    session.delete(saved)
    session.flush()


def saved_vacancies(*, session: Session, jobseeker: Jobseeker) -> list[SavedVacancyCard]:
    """Most recently saved first."""
    rows = session.execute(
        select(SavedVacancy, Vacancy)
        .join(Vacancy, Vacancy.id == SavedVacancy.vacancy_id)
        .where(SavedVacancy.jobseeker_id == jobseeker.id)
        .order_by(SavedVacancy.saved_at.desc(), SavedVacancy.id.desc())
    ).all()
    origin = point_of(jobseeker)
    return [
        SavedVacancyCard(**to_card(vacancy, origin).model_dump(), saved_on=Clock(now=saved.saved_at).today)
        for saved, vacancy in rows
    ]


def to_application_read(application: Application) -> ApplicationRead:
    return ApplicationRead.model_validate(application, from_attributes=True)


def log_application(*, session: Session, jobseeker: Jobseeker, request: ApplicationCreate, clock: Clock) -> Application:
    applied_on = request.applied_on or clock.today
    if applied_on > clock.today:
        raise InvalidInputError("applied_on lies in the future")
    employer, title = request.employer, request.title
    if request.vacancy_id is not None:
        vacancy = require_vacancy(session=session, vacancy_id=request.vacancy_id)
        employer, title = vacancy.employer, vacancy.title
    application = Application(
        jobseeker_id=jobseeker.id,
        vacancy_id=request.vacancy_id,
        employer=employer,
        title=title,
        applied_on=applied_on,
        channel=request.channel,
        status=request.status,
        note=request.note,
        created_at=clock.now,
        updated_at=clock.now,
    )
    session.add(application)
    session.flush()
    if request.vacancy_id is not None:
        record_event(
            session=session, jobseeker_id=jobseeker.id, vacancy_id=request.vacancy_id, kind="apply", clock=clock
        )
    _activity(session=session, jobseeker=jobseeker, clock=clock)
    return application


def require_application(*, session: Session, application_id: int) -> Application:
    application = session.get(Application, application_id)
    if application is None:
        raise NotFoundError("Application not found")
    return application


def update_application(
    *, session: Session, application: Application, update: ApplicationUpdate, clock: Clock
) -> Application:
    if update.status is not None:
        application.status = update.status
    if update.note is not None:
        application.note = update.note
    application.updated_at = clock.now
    session.flush()
    return application


def applications_of(
    *, session: Session, jobseeker_id: int, start: date | None = None, end: date | None = None
) -> list[Application]:
    """Newest first, as a history reads."""
    query = select(Application).where(Application.jobseeker_id == jobseeker_id)
    if start is not None:
        query = query.where(Application.applied_on >= start)
    if end is not None:
        query = query.where(Application.applied_on <= end)
    return list(session.scalars(query.order_by(Application.applied_on.desc(), Application.id.desc())))


def dashboard(*, session: Session, jobseeker: Jobseeker) -> Dashboard:
    return Dashboard(
        saved=saved_vacancies(session=session, jobseeker=jobseeker),
        applications=[
            to_application_read(item) for item in applications_of(session=session, jobseeker_id=jobseeker.id)
        ],
    )


def push_suggestion(*, session: Session, jobseeker: Jobseeker, request: PushRequest, clock: Clock) -> PushedSuggestion:
    vacancy = require_vacancy(session=session, vacancy_id=request.vacancy_id)
    if not is_open(vacancy, clock.today):
        raise ConflictError("Vacancy is no longer open")
    if request.consultant_id is not None and session.get(Consultant, request.consultant_id) is None:
        raise NotFoundError("Consultant not found")
    pushed = PushedSuggestion(
        jobseeker_id=jobseeker.id,
        vacancy_id=vacancy.id,
        source=request.source,
        consultant_id=request.consultant_id,
        note=request.note,
        created_at=clock.now,
    )
    session.add(pushed)
    session.flush()
    return pushed


def to_push_read(pushed: PushedSuggestion) -> PushRead:
    return PushRead.model_validate(pushed, from_attributes=True)


def applied_vacancy_ids(*, session: Session, jobseeker_id: int) -> set[int]:
    query = select(Application.vacancy_id).where(
        Application.jobseeker_id == jobseeker_id, Application.vacancy_id.is_not(None)
    )
    return set(session.scalars(query))
