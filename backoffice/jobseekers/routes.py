from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.orm import Session

from backoffice.auth import require_service_token
from backoffice.db import get_session
from backoffice.jobseekers import service
from backoffice.jobseekers.schemas import JobseekerRead
from backoffice.types import DbIdPath

router = APIRouter(prefix="/jobseekers", tags=["jobseekers"], dependencies=[Depends(require_service_token)])


@router.get("/{jobseeker_id}", response_model=JobseekerRead)
def get_jobseeker(jobseeker_id: DbIdPath, session: Annotated[Session, Depends(get_session)]) -> JobseekerRead:
    jobseeker = service.get_jobseeker(session=session, jobseeker_id=jobseeker_id)
    if jobseeker is None:
        raise HTTPException(status_code=404, detail="Jobseeker not found")
    return service.to_read(jobseeker)
