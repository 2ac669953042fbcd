from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db import Base


class DigitalAssessment(Base):
    """One run of the digital-skill scorer for a known jobseeker: the history the level drops in."""

    __tablename__ = "digital_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    jobseeker_id: Mapped[int] = mapped_column(ForeignKey("jobseekers.id"), index=True)
    level: Mapped[str] = mapped_column(String(20))
    score: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[list[str]] = mapped_column(JSON)  # the consultant's words, as the API returned them
    channel: Mapped[str] = mapped_column(String(30))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class DigitalCourse(Base):
    """A course in digital skills near a werkwinkel; the demo ones are invented."""

    __tablename__ = "digital_courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    organiser: Mapped[str] = mapped_column(String(120))
    municipality_nis: Mapped[str] = mapped_column(String(5), index=True)
    municipality: Mapped[str] = mapped_column(String(80))
    postcode: Mapped[str] = mapped_column(String(4))
    province: Mapped[str] = mapped_column(String(40), index=True)
    address: Mapped[str] = mapped_column(String(200))
    # The municipality's point: "nearest first" needs no file read per request.
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    schedule: Mapped[str] = mapped_column(String(80))  # "elke dinsdag van 9.30 tot 12 uur"
    sessions: Mapped[int] = mapped_column(Integer)
    cost: Mapped[str] = mapped_column(String(40))
    is_demo: Mapped[bool] = mapped_column(default=True)
