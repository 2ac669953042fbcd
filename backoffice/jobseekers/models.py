from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, String, func
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
    registration_date: Mapped[date] = mapped_column(Date)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), nullable=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    office: Mapped[Office | None] = relationship()
