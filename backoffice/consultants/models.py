from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.db import Base
from backoffice.offices.models import Office


class Consultant(Base):
    """A bemiddelaar of the Servicelijn or of a werkwinkel."""

    __tablename__ = "consultants"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    email: Mapped[str] = mapped_column(String(200), unique=True)
    employment: Mapped[str] = mapped_column(String(20))  # voltijds / deeltijds
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), nullable=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=True)

    office: Mapped[Office | None] = relationship()


class ProvinceStaffing(Base):
    """Head count of consultants per province on a reference date (seed 000, question 7)."""

    __tablename__ = "province_staffing"

    id: Mapped[int] = mapped_column(primary_key=True)
    province: Mapped[str] = mapped_column(String(40), unique=True)
    full_time: Mapped[int] = mapped_column(Integer)
    part_time: Mapped[int] = mapped_column(Integer)
    reference_date: Mapped[date] = mapped_column(Date)
