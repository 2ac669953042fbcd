from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db import Base


class Notification(Base):
    """A message in the jobseeker's personal account (an appointment booked, moved or cancelled)."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    jobseeker_id: Mapped[int] = mapped_column(ForeignKey("jobseekers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    read_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
