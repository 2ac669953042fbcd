from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, UploadFile
from sqlalchemy.orm import Session

from backoffice.auth import require_service_token
from backoffice.clock import Clock, get_clock
from backoffice.db import get_session
from backoffice.jobseekers import service
from backoffice.jobseekers.cv import MAX_CV_BYTES, check_cv
from backoffice.jobseekers.models import Jobseeker
from backoffice.jobseekers.schemas import CvUploadResult, DossierUpdate, JobseekerRead, RegistrationRequest
from backoffice.types import DbIdPath

router = APIRouter(prefix="/jobseekers", tags=["jobseekers"], dependencies=[Depends(require_service_token)])

SessionDep = Annotated[Session, Depends(get_session)]
ClockDep = Annotated[Clock, Depends(get_clock)]


def _jobseeker_or_404(*, session: Session, jobseeker_id: int) -> Jobseeker:
    jobseeker = service.get_jobseeker(session=session, jobseeker_id=jobseeker_id)
    if jobseeker is None:
        raise HTTPException(status_code=404, detail="Jobseeker not found")
    return jobseeker


@router.post("", response_model=JobseekerRead, status_code=201)
def register_jobseeker(body: RegistrationRequest, session: SessionDep, clock: ClockDep) -> JobseekerRead:
    """Registration: the dossier and its automatic assignments, in one transaction."""
    jobseeker = service.register_jobseeker(session=session, request=body, clock=clock)
    session.commit()
    return service.to_read(jobseeker)


@router.get("/{jobseeker_id}", response_model=JobseekerRead)
def get_jobseeker(jobseeker_id: DbIdPath, session: SessionDep) -> JobseekerRead:
    return service.to_read(_jobseeker_or_404(session=session, jobseeker_id=jobseeker_id))


@router.patch("/{jobseeker_id}/dossier", response_model=JobseekerRead)
def update_dossier(jobseeker_id: DbIdPath, body: DossierUpdate, session: SessionDep, clock: ClockDep) -> JobseekerRead:
    """Changes the given fields; assignments the change completes are marked done ("detected")."""
    jobseeker = _jobseeker_or_404(session=session, jobseeker_id=jobseeker_id)
    service.update_dossier(session=session, jobseeker=jobseeker, update=body, clock=clock)
    session.commit()
    return service.to_read(jobseeker)


@router.put(
    "/{jobseeker_id}/cv",
    response_model=CvUploadResult,
    responses={413: {"description": "Larger than 5 MB"}, 415: {"description": "Not a PDF, DOCX, ODT or TXT file"}},
)
def upload_cv(
    jobseeker_id: DbIdPath, file: Annotated[UploadFile, File()], session: SessionDep, clock: ClockDep
) -> CvUploadResult:
    jobseeker = _jobseeker_or_404(session=session, jobseeker_id=jobseeker_id)
    content = file.file.read(MAX_CV_BYTES + 1)  # one byte more tells "too large" without reading it all
    checked = check_cv(content=content, declared_type=file.content_type, filename=file.filename)
    completed = service.store_cv(session=session, jobseeker=jobseeker, cv=checked, content=content, clock=clock)
    session.commit()
    return CvUploadResult(cv_updated_at=jobseeker.cv_updated_at, completed=[assignment.id for assignment in completed])
