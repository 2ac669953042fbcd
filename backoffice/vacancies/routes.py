from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy.orm import Session

from backoffice.assignments.service import require_jobseeker
from backoffice.auth import require_service_token
from backoffice.clock import Clock, get_clock
from backoffice.db import get_session
from backoffice.errors import InvalidInputError
from backoffice.types import DbIdPath
from backoffice.vacancies import export, service
from backoffice.vacancies.schemas import (
    MAX_PAGE_SIZE,
    ApplicationCreate,
    ApplicationRead,
    ApplicationUpdate,
    Dashboard,
    PushRead,
    PushRequest,
    SavedVacancyCard,
    SaveRequest,
    SearchPage,
    Suggestion,
    VacancyDetail,
    ViewRequest,
)
from backoffice.vacancies.suggestions import suggestions
from backoffice.vacancies.vocabulary import ContractType, WorkSchedule

router = APIRouter(tags=["vacancies"], dependencies=[Depends(require_service_token)])

SessionDep = Annotated[Session, Depends(get_session)]
ClockDep = Annotated[Clock, Depends(get_clock)]
# Personal data: no cache (browser, proxy) may keep a copy.
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
Text = Annotated[str | None, Query(max_length=200)]


@router.get("/vacancies/search", response_model=SearchPage, responses={422: {"description": "Unknown location"}})
def search_vacancies(
    session: SessionDep,
    clock: ClockDep,
    q: Text = None,
    occupation: Annotated[str | None, Query(max_length=80)] = None,
    location: Annotated[str | None, Query(max_length=80, description="Municipality, postcode or 'provincie X'")] = None,
    radius_km: Annotated[float | None, Query(ge=0, le=service.MAX_RADIUS_KM)] = None,
    province: Annotated[str | None, Query(max_length=80)] = None,
    contract_type: ContractType | None = None,
    work_schedule: WorkSchedule | None = None,
    posted_since: date | None = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 10,
) -> SearchPage:
    """Open vacancies only, best first: text relevance, distance and freshness (docs/vacancies.md)."""
    return service.search(
        session=session,
        today=clock.today,
        q=q or "",
        occupation=occupation,
        location=location,
        radius_km=radius_km,
        province=province,
        contract_type=contract_type,
        work_schedule=work_schedule,
        posted_since=posted_since,
        page=page,
        page_size=page_size,
    )


@router.get("/vacancies/{vacancy_id}", response_model=VacancyDetail)
def get_vacancy(vacancy_id: DbIdPath, session: SessionDep) -> VacancyDetail:
    return service.to_detail(service.require_vacancy(session=session, vacancy_id=vacancy_id))


@router.get("/jobseekers/{jobseeker_id}/suggestions", response_model=list[Suggestion])
def list_suggestions(
    jobseeker_id: DbIdPath, session: SessionDep, clock: ClockDep, limit: Annotated[int, Query(ge=1, le=20)] = 5
) -> list[Suggestion]:
    jobseeker = require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    return suggestions(session=session, jobseeker=jobseeker, clock=clock, limit=limit)


@router.post("/jobseekers/{jobseeker_id}/suggestions", response_model=PushRead, status_code=201)
def push_suggestion(jobseeker_id: DbIdPath, body: PushRequest, session: SessionDep, clock: ClockDep) -> PushRead:
    """A consultant or an employer puts a vacancy forward; it comes first among the suggestions."""
    jobseeker = require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    pushed = service.push_suggestion(session=session, jobseeker=jobseeker, request=body, clock=clock)
    session.commit()
    return service.to_push_read(pushed)


@router.get("/jobseekers/{jobseeker_id}/saved-vacancies", response_model=list[SavedVacancyCard])
def list_saved(jobseeker_id: DbIdPath, session: SessionDep) -> list[SavedVacancyCard]:
    jobseeker = require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    return service.saved_vacancies(session=session, jobseeker=jobseeker)


@router.post(
    "/jobseekers/{jobseeker_id}/saved-vacancies",
    response_model=SavedVacancyCard,
    status_code=201,
    responses={200: {"description": "Already saved", "model": SavedVacancyCard}, 409: {"description": "Closed"}},
)
def save_vacancy(
    jobseeker_id: DbIdPath, body: SaveRequest, session: SessionDep, clock: ClockDep, response: Response
) -> SavedVacancyCard:
    """Saves a vacancy (201), or answers 200 when it was saved already; detection runs."""
    jobseeker = require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    vacancy = service.require_vacancy(session=session, vacancy_id=body.vacancy_id)
    saved, created = service.save_vacancy(session=session, jobseeker=jobseeker, vacancy=vacancy, clock=clock)
    session.commit()
    if not created:
        response.status_code = 200
    card = service.to_card(vacancy, service.point_of(jobseeker))
    return SavedVacancyCard(**card.model_dump(), saved_on=Clock(now=saved.saved_at).today)


@router.delete("/jobseekers/{jobseeker_id}/saved-vacancies/{vacancy_id}", status_code=204)
def unsave_vacancy(jobseeker_id: DbIdPath, vacancy_id: DbIdPath, session: SessionDep) -> Response:
    jobseeker = require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    service.unsave_vacancy(session=session, jobseeker=jobseeker, vacancy_id=vacancy_id)
    session.commit()
    return Response(status_code=204)


@router.get("/jobseekers/{jobseeker_id}/applications", response_model=list[ApplicationRead])
def list_applications(jobseeker_id: DbIdPath, session: SessionDep) -> list[ApplicationRead]:
    """Newest first."""
    require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    applications = service.applications_of(session=session, jobseeker_id=jobseeker_id)
    return [service.to_application_read(item) for item in applications]


@router.post("/jobseekers/{jobseeker_id}/applications", response_model=ApplicationRead, status_code=201)
def log_application(
    jobseeker_id: DbIdPath, body: ApplicationCreate, session: SessionDep, clock: ClockDep
) -> ApplicationRead:
    """Logs an application in the history; detection runs ("Solliciteer één keer")."""
    jobseeker = require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    application = service.log_application(session=session, jobseeker=jobseeker, request=body, clock=clock)
    session.commit()
    return service.to_application_read(application)


@router.patch("/applications/{application_id}", response_model=ApplicationRead)
def update_application(
    application_id: DbIdPath, body: ApplicationUpdate, session: SessionDep, clock: ClockDep
) -> ApplicationRead:
    application = service.require_application(session=session, application_id=application_id)
    service.update_application(session=session, application=application, update=body, clock=clock)
    session.commit()
    return service.to_application_read(application)


@router.post("/jobseekers/{jobseeker_id}/vacancy-views", status_code=204)
def record_view(jobseeker_id: DbIdPath, body: ViewRequest, session: SessionDep, clock: ClockDep) -> Response:
    jobseeker = require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    vacancy = service.require_vacancy(session=session, vacancy_id=body.vacancy_id)
    service.record_view(session=session, jobseeker=jobseeker, vacancy=vacancy, clock=clock)
    session.commit()
    return Response(status_code=204)


@router.get("/jobseekers/{jobseeker_id}/dashboard", response_model=Dashboard)
def get_dashboard(jobseeker_id: DbIdPath, session: SessionDep, response: Response) -> Dashboard:
    jobseeker = require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    response.headers.update(NO_STORE)
    return service.dashboard(session=session, jobseeker=jobseeker)


Start = Annotated[date | None, Query(alias="from", description="First day of the period; default: the first one")]
End = Annotated[date | None, Query(alias="to", description="Last day of the period; default: today")]


def _history(*, session: Session, jobseeker_id: int, start: date | None, end: date | None, today: date):
    jobseeker = require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    end = end or today
    if start is not None and start > end:
        raise InvalidInputError("The period ends before it starts")
    applications = service.applications_of(session=session, jobseeker_id=jobseeker_id, start=start, end=end)
    if start is None:
        earliest = min((item.applied_on for item in applications), default=jobseeker.registration_date)
        start = min(earliest, jobseeker.registration_date, end)
    return export.History(jobseeker=jobseeker, start=start, end=end, applications=applications)


@router.get("/jobseekers/{jobseeker_id}/dashboard.csv", response_class=Response)
def dashboard_csv(
    jobseeker_id: DbIdPath, session: SessionDep, clock: ClockDep, start: Start = None, end: End = None
) -> Response:
    """The application history as CSV (semicolons, UTF-8 with BOM), as proof of active job search."""
    history = _history(session=session, jobseeker_id=jobseeker_id, start=start, end=end, today=clock.today)
    headers = {**NO_STORE, "Content-Disposition": 'attachment; filename="sollicitaties.csv"'}
    return Response(export.to_csv(history), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/jobseekers/{jobseeker_id}/dashboard.pdf", response_class=Response)
def dashboard_pdf(
    jobseeker_id: DbIdPath, session: SessionDep, clock: ClockDep, start: Start = None, end: End = None
) -> Response:
    """The application history as a printable PDF, as proof of active job search."""
    history = _history(session=session, jobseeker_id=jobseeker_id, start=start, end=end, today=clock.today)
    headers = {**NO_STORE, "Content-Disposition": 'attachment; filename="sollicitaties.pdf"'}
    return Response(export.to_pdf(history, printed_on=clock.today), media_type="application/pdf", headers=headers)
