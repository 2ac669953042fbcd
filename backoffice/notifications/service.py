"""Notifications in the personal account; functions flush and never commit."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.clock import Clock
from backoffice.errors import NotFoundError
from backoffice.notifications.models import Notification


def notify(*, session: Session, jobseeker_id: int, kind: str, title: str, body: str, clock: Clock) -> Notification:
    notification = Notification(jobseeker_id=jobseeker_id, kind=kind, title=title, body=body, created_at=clock.now)
    session.add(notification)
    session.flush()
    return notification


def list_notifications(*, session: Session, jobseeker_id: int, unread_only: bool = False) -> list[Notification]:
    query = select(Notification).where(Notification.jobseeker_id == jobseeker_id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    return list(session.scalars(query.order_by(Notification.created_at.desc(), Notification.id.desc())))


def mark_read(*, session: Session, notification_id: int, clock: Clock) -> Notification:
    notification = session.get(Notification, notification_id)
    if notification is None:
        raise NotFoundError("Notification not found")
    if notification.read_at is None:
        notification.read_at = clock.now
        session.flush()
    return notification
