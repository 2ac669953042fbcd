"""A small JSON API for signed-in staff (session cookie), under the same permission rules as the
pages: /inbox/api/handoffs, /inbox/api/handoffs/{id}, /inbox/api/jobseekers/{id}."""

from fastapi import APIRouter
from pydantic import BaseModel

from backoffice.accounts import permissions
from backoffice.accounts import service as accounts
from backoffice.handoffs import service as handoffs
from backoffice.handoffs.schemas import HandoffDetail, HandoffRead
from backoffice.inbox import views
from backoffice.inbox.deps import COOKIE_PATH, ApiUser, ClockDep, SessionDep, SettingsDep
from backoffice.jobseekers import service as jobseekers
from backoffice.jobseekers.schemas import JobseekerRead
from backoffice.types import DbIdPath

router = APIRouter(prefix=f"{COOKIE_PATH}/api", tags=["inbox"])


class Me(BaseModel):
    id: int
    email: str
    display_name: str
    role: str
    province: str | None


@router.get("/me", response_model=Me)
def me(user: ApiUser) -> Me:
    account = user.account
    return Me(
        id=account.id,
        email=account.email,
        display_name=account.display_name,
        role=account.role,
        province=account.province,
    )


@router.get("/handoffs", response_model=list[HandoffRead])
def list_handoffs(user: ApiUser, session: SessionDep, settings: SettingsDep, clock: ClockDep) -> list[HandoffRead]:
    """Waiting and active handoffs this account may see (403 for roles without handoffs)."""
    permissions.require(permissions.handles_handoffs(user.account))
    found = views.visible_handoffs(session=session, account=user.account)
    return handoffs.to_reads(session=session, handoffs=found, settings=settings, clock=clock)


@router.get("/handoffs/{handoff_id}", response_model=HandoffDetail)
def get_handoff(
    handoff_id: DbIdPath, user: ApiUser, session: SessionDep, settings: SettingsDep, clock: ClockDep
) -> HandoffDetail:
    permissions.require(permissions.handles_handoffs(user.account))
    handoff = handoffs.require_handoff(session=session, handoff_id=handoff_id)
    permissions.require(permissions.can_see_handoff(user.account, handoff))
    accounts.audit(
        session=session, account=user.account, action="view_handoff", clock=clock,
        jobseeker_id=handoff.jobseeker_id, handoff_id=handoff.id,
    )  # fmt: skip
    session.commit()
    return handoffs.to_detail(session=session, handoff=handoff, settings=settings, clock=clock)


@router.get("/jobseekers/{jobseeker_id}", response_model=JobseekerRead)
def get_jobseeker(jobseeker_id: DbIdPath, user: ApiUser, session: SessionDep, clock: ClockDep) -> JobseekerRead:
    permissions.require(permissions.handles_handoffs(user.account))
    jobseeker = jobseekers.get_jobseeker(session=session, jobseeker_id=jobseeker_id)
    if jobseeker is None:
        raise handoffs.NotFoundError("Jobseeker not found")
    permissions.require(permissions.can_see_dossier(user.account, jobseeker))
    accounts.audit(session=session, account=user.account, action="view_dossier", clock=clock, jobseeker_id=jobseeker.id)
    session.commit()
    return jobseekers.to_read(jobseeker)
