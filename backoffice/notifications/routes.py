from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from backoffice.assignments.service import require_jobseeker
from backoffice.auth import require_service_token
from backoffice.clock import Clock, get_clock
from backoffice.db import get_session
from backoffice.notifications import service
from backoffice.notifications.schemas import NotificationRead
from backoffice.types import DbIdPath

router = APIRouter(tags=["notifications"], dependencies=[Depends(require_service_token)])

SessionDep = Annotated[Session, Depends(get_session)]


@router.get("/jobseekers/{jobseeker_id}/notifications", response_model=list[NotificationRead])
def list_notifications(
    jobseeker_id: DbIdPath, session: SessionDep, unread: Annotated[bool, Query()] = False
) -> list[NotificationRead]:
    """Newest first."""
    require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    found = service.list_notifications(session=session, jobseeker_id=jobseeker_id, unread_only=unread)
    return [NotificationRead.model_validate(notification) for notification in found]


@router.post("/notifications/{notification_id}/read", response_model=NotificationRead)
def mark_read(
    notification_id: DbIdPath, session: SessionDep, clock: Annotated[Clock, Depends(get_clock)]
) -> NotificationRead:
    notification = service.mark_read(session=session, notification_id=notification_id, clock=clock)
    session.commit()
    return NotificationRead.model_validate(notification)
