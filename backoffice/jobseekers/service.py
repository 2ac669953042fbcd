from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.assignments import proposals
from backoffice.assignments.models import Assignment
from backoffice.clock import Clock
from backoffice.errors import InvalidInputError
from backoffice.jobseekers.cv import CheckedCv
from backoffice.jobseekers.models import CvDocument, Jobseeker
from backoffice.jobseekers.schemas import DossierUpdate, JobseekerRead, RegistrationRequest
from backoffice.offices.models import Office
from backoffice.seed.places import municipality_by_postcode

# The widget's demo picker shows the first demo jobseekers; the seed keeps work open for them.
DEMO_PICKER_SIZE = 12
MIN_AGE_YEARS = 15
MAX_AGE_YEARS = 100


def get_jobseeker(*, session: Session, jobseeker_id: int) -> Jobseeker | None:
    return session.get(Jobseeker, jobseeker_id)


def list_demo_jobseekers(*, session: Session, limit: int) -> list[Jobseeker]:
    query = select(Jobseeker).where(Jobseeker.is_demo.is_(True)).order_by(Jobseeker.id).limit(limit)
    return list(session.scalars(query))


def count_jobseekers(*, session: Session) -> int:
    return session.scalar(select(func.count(Jobseeker.id))) or 0


def to_read(jobseeker: Jobseeker) -> JobseekerRead:
    derived = {"has_email", "has_cv", "digital_choice"}
    return JobseekerRead.model_validate(
        {
            **{column: getattr(jobseeker, column) for column in JobseekerRead.model_fields if column not in derived},
            "has_email": bool(jobseeker.email),
            "has_cv": jobseeker.cv_updated_at is not None,
            "digital_indicators": jobseeker.digital_indicators or [],
            "digital_choice": (
                {
                    "choice": jobseeker.digital_choice,
                    "channel": jobseeker.digital_choice_channel,
                    "chosen_at": jobseeker.digital_choice_at,
                }
                if jobseeker.digital_choice
                else None
            ),
        }
    )


def sync_dossier_indicators(*, jobseeker: Jobseeker, clock: Clock) -> None:
    """Keeps the indicators the dossier itself shows (no e-mail address) in step with the dossier."""
    indicators = list(jobseeker.digital_indicators or [])
    own = [item for item in indicators if item.get("source") == "dossier" and item.get("code") == "no_email"]
    kept = [item for item in indicators if item not in own]
    if not jobseeker.email:
        # Keep the day it was first noted.
        kept.append(own[0] if own else {"code": "no_email", "source": "dossier", "noted_on": clock.today.isoformat()})
    jobseeker.digital_indicators = kept  # a new list, so SQLAlchemy sees the JSON change


def _serving_office(*, session: Session, municipality_nis: str, province: str) -> Office | None:
    """The werkwinkel in the jobseeker's own municipality, else the first one of the province."""
    query = select(Office).where(Office.kind == "werkwinkel", Office.province == province)
    offices = list(session.scalars(query.order_by(Office.name)))
    same_place = [office for office in offices if office.municipality_nis == municipality_nis]
    return (same_place or offices or [None])[0]


def register_jobseeker(*, session: Session, request: RegistrationRequest, clock: Clock) -> Jobseeker:
    """A new dossier with its automatic assignments, in the caller's transaction."""
    municipality = municipality_by_postcode(request.postcode)
    if municipality is None:
        raise InvalidInputError("Unknown postcode: not a municipality in Flanders or Brussels")
    age = clock.today.year - request.birth_date.year
    if not MIN_AGE_YEARS <= age <= MAX_AGE_YEARS:
        raise InvalidInputError("birth_date is not plausible for a jobseeker")
    office = _serving_office(session=session, municipality_nis=municipality.nis, province=municipality.province)
    jobseeker = Jobseeker(
        first_name=request.first_name,
        last_name=request.last_name,
        birth_date=request.birth_date,
        email=request.email,
        phone=request.phone,
        municipality_nis=municipality.nis,
        municipality=municipality.name,
        postcode=request.postcode,
        province=municipality.province,
        education_level=request.education_level,
        languages=[skill.model_dump() for skill in request.languages],
        driving_licences=list(request.driving_licences),
        desired_occupations=list(request.desired_occupations),
        work_schedule=request.work_schedule,
        registration_date=clock.today,
        office_id=office.id if office else None,
        is_demo=False,
        created_at=clock.now,
        digital_indicators=[],
    )
    sync_dossier_indicators(jobseeker=jobseeker, clock=clock)
    session.add(jobseeker)
    session.flush()
    proposals.start_assignments(session=session, jobseeker=jobseeker, clock=clock)
    return jobseeker


def update_dossier(*, session: Session, jobseeker: Jobseeker, update: DossierUpdate, clock: Clock) -> list[Assignment]:
    """Applies the given fields, then detection and the rule set; returns what detection completed."""
    if update.desired_occupations is not None:
        jobseeker.desired_occupations = list(update.desired_occupations)
    if update.work_schedule is not None:
        jobseeker.work_schedule = update.work_schedule
    if update.email is not None:
        jobseeker.email = update.email
    if update.driving_licences is not None:
        jobseeker.driving_licences = list(update.driving_licences)
    if update.languages is not None:
        jobseeker.languages = [skill.model_dump() for skill in update.languages]
    if update.education_level is not None:
        jobseeker.education_level = update.education_level
    if update.confirm_contact_details:
        jobseeker.contact_details_confirmed_at = clock.now
    # Choosing occupations is choosing job goals, whichever way the jobseeker says it.
    if update.confirm_job_goals or update.desired_occupations:
        jobseeker.job_goals_confirmed_at = clock.now
    sync_dossier_indicators(jobseeker=jobseeker, clock=clock)
    jobseeker.last_activity_at = clock.now
    session.flush()
    return proposals.after_dossier_change(session=session, jobseeker=jobseeker, clock=clock)


def store_cv(
    *, session: Session, jobseeker: Jobseeker, cv: CheckedCv, content: bytes, clock: Clock
) -> list[Assignment]:
    """Replaces the jobseeker's CV, then detection; returns what detection completed."""
    document = session.scalar(select(CvDocument).where(CvDocument.jobseeker_id == jobseeker.id))
    if document is None:
        document = CvDocument(jobseeker_id=jobseeker.id)
        session.add(document)
    document.filename = cv.filename
    document.content_type = cv.content_type
    document.size_bytes = len(content)
    document.content = content
    document.uploaded_at = clock.now
    jobseeker.cv_updated_at = clock.now
    jobseeker.last_activity_at = clock.now
    session.flush()
    return proposals.after_dossier_change(session=session, jobseeker=jobseeker, clock=clock)
