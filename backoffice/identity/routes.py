from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.orm import Session

from backoffice.auth import require_service_token
from backoffice.config import Settings, get_settings
from backoffice.db import get_session
from backoffice.identity import service
from backoffice.identity.schemas import DemoLoginRequest, DemoLoginResponse, ResolvedIdentity, ResolveIdentityRequest
from backoffice.jobseekers.schemas import DemoJobseeker
from backoffice.jobseekers.service import DEMO_PICKER_SIZE, get_jobseeker, list_demo_jobseekers

router = APIRouter(tags=["identity"])


@router.post("/identity/resolve", response_model=ResolvedIdentity, dependencies=[Depends(require_service_token)])
def resolve_identity(
    body: ResolveIdentityRequest,
    session: Annotated[Session, Depends(get_session)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> ResolvedIdentity:
    jobseeker = service.resolve_identity_token(session=session, settings=settings, token=body.identity_token)
    if jobseeker is None:
        raise HTTPException(status_code=404, detail="No jobseeker for this identity")
    return ResolvedIdentity(jobseeker_id=jobseeker.id, first_name=jobseeker.first_name)


def _require_demo(settings: Annotated[Settings, Depends(get_settings)]) -> None:
    if not settings.demo_login_enabled:
        raise HTTPException(status_code=404, detail="Demo login is disabled")


@router.get("/widget/demo-jobseekers", response_model=list[DemoJobseeker], dependencies=[Depends(_require_demo)])
def demo_jobseekers(session: Annotated[Session, Depends(get_session)]) -> list[DemoJobseeker]:
    return list_demo_jobseekers(session=session, limit=DEMO_PICKER_SIZE)


@router.post("/widget/demo-login", response_model=DemoLoginResponse, dependencies=[Depends(_require_demo)])
def demo_login(
    body: DemoLoginRequest,
    session: Annotated[Session, Depends(get_session)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> DemoLoginResponse:
    jobseeker = get_jobseeker(session=session, jobseeker_id=body.jobseeker_id)
    if jobseeker is None or not jobseeker.is_demo:
        raise HTTPException(status_code=404, detail="No demo jobseeker with this id")
    token = service.issue_identity_token(settings=settings, jobseeker=jobseeker)
    return DemoLoginResponse(identity_token=token, jobseeker_id=jobseeker.id, first_name=jobseeker.first_name)
