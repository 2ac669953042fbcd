from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, LargeBinary, String, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.db import Base
from backoffice.offices.models import Office


class Jobseeker(Base):
    """The dossier of one jobseeker; personal fields are never logged."""

    __tablename__ = "jobseekers"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    birth_date: Mapped[date] = mapped_column(Date)
    email: Mapped[str | None] = mapped_column(String(200), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)
    municipality_nis: Mapped[str] = mapped_column(String(5), index=True)
    municipality: Mapped[str] = mapped_column(String(80))
    postcode: Mapped[str] = mapped_column(String(4))
    province: Mapped[str] = mapped_column(String(40), index=True)
    education_level: Mapped[str] = mapped_column(String(40))
    languages: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    driving_licences: Mapped[list[str]] = mapped_column(JSON, default=list)
    desired_occupations: Mapped[list[str]] = mapped_column(JSON, default=list)
    # voltijds or deeltijds; null: either is fine. Profile-based job suggestions respect it.
    work_schedule: Mapped[str | None] = mapped_column(String(20), nullable=True)
    registration_date: Mapped[date] = mapped_column(Date)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), nullable=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    # What the assignments are about; null means "not (yet)". Naive UTC like created_at.
    cv_updated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    contact_details_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    job_goals_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_activity_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # [{"code": "no_email", "source": "dossier"|"bot"|"consultant", "noted_on": "YYYY-MM-DD"}]
    digital_indicators: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list, server_default=text("'[]'"))
    # The Brussels day of the last reminder: at most one a day, whatever the number of replicas.
    last_reminder_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # What the jobseeker chose when the bot offered help with digital things (issue 6): an
    # appointment, a call back or a course; the latest choice, with its channel and time.
    digital_choice: Mapped[str | None] = mapped_column(String(20), nullable=True)
    digital_choice_channel: Mapped[str | None] = mapped_column(String(30), nullable=True)
    digital_choice_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    office: Mapped[Office | None] = relationship()


class CvDocument(Base):
    """The jobseeker's current CV; a new upload replaces it, so no old version lingers."""

    __tablename__ = "cv_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    jobseeker_id: Mapped[int] = mapped_column(ForeignKey("jobseekers.id"), unique=True)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_at: Mapped[datetime] = mapped_column(DateTime)
