from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db import Base

SEARCH_COLUMNS = ("posted_on", "closing_on", "province", "contract_type", "work_schedule", "occupation")
PLACE = ("longitude", "latitude")


class Vacancy(Base):
    """One vacancy; the search engines index title, keywords and description (see search/)."""

    __tablename__ = "vacancies"
    # Covering indexes: a search filters and ranks on these columns only, so SQLite reads narrow
    # index entries instead of whole rows (descriptions included). By place (Flanders is wide, so
    # longitude first: a band of longitude holds fewer vacancies than one of latitude), by id for
    # the text index's hits, by province and by occupation.
    __table_args__ = (
        Index("ix_vacancies_geo", "longitude", "latitude", *SEARCH_COLUMNS),
        Index("ix_vacancies_lookup", "id", "longitude", "latitude", *SEARCH_COLUMNS),
        Index("ix_vacancies_province", "province", *[c for c in SEARCH_COLUMNS if c != "province"], *PLACE),
        Index("ix_vacancies_occupation", "occupation", *[c for c in SEARCH_COLUMNS if c != "occupation"], *PLACE),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(160))
    occupation: Mapped[str] = mapped_column(String(80))  # a canonical name of nlu/occupations.yml
    employer: Mapped[str] = mapped_column(String(160))
    municipality_nis: Mapped[str] = mapped_column(String(5), index=True)
    municipality: Mapped[str] = mapped_column(String(80))
    postcode: Mapped[str] = mapped_column(String(4))
    province: Mapped[str] = mapped_column(String(40))
    # The municipality's point (backoffice/vacancies/places.py), copied so a search needs no join.
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    contract_type: Mapped[str] = mapped_column(String(20), index=True)
    work_schedule: Mapped[str] = mapped_column(String(20))
    hours_per_week: Mapped[int | None] = mapped_column(Integer, nullable=True)
    driving_licences: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    education_level: Mapped[str | None] = mapped_column(String(40), nullable=True)
    description: Mapped[str] = mapped_column(Text)
    # The occupation with its everyday variants and the title without accents: "poetsvrouw"
    # finds a vacancy for a schoonmaker, in both engines.
    keywords: Mapped[str] = mapped_column(Text, default="")
    posted_on: Mapped[date] = mapped_column(Date, index=True)
    closing_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    source: Mapped[str] = mapped_column(String(20))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class VacancyEvent(Base):
    """A jobseeker viewed, saved or applied for a vacancy: the signal of the collaborative suggestions."""

    __tablename__ = "vacancy_events"
    __table_args__ = (Index("ix_vacancy_events_vacancy_jobseeker", "vacancy_id", "jobseeker_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    jobseeker_id: Mapped[int] = mapped_column(ForeignKey("jobseekers.id"), index=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancies.id"))
    kind: Mapped[str] = mapped_column(String(10))  # view, save, apply
    at: Mapped[datetime] = mapped_column(DateTime)


class SavedVacancy(Base):
    __tablename__ = "saved_vacancies"
    __table_args__ = (UniqueConstraint("jobseeker_id", "vacancy_id", name="uq_saved_vacancies_jobseeker_vacancy"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    jobseeker_id: Mapped[int] = mapped_column(ForeignKey("jobseekers.id"), index=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancies.id"))
    saved_at: Mapped[datetime] = mapped_column(DateTime)


class Application(Base):
    """One application in the jobseeker's history, for a stored vacancy or one found elsewhere."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    jobseeker_id: Mapped[int] = mapped_column(ForeignKey("jobseekers.id"), index=True)
    vacancy_id: Mapped[int | None] = mapped_column(ForeignKey("vacancies.id"), nullable=True, index=True)
    employer: Mapped[str] = mapped_column(String(160))
    title: Mapped[str | None] = mapped_column(String(160), nullable=True)
    applied_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(String(500), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class PushedSuggestion(Base):
    """A vacancy a consultant or an employer put forward for a jobseeker."""

    __tablename__ = "pushed_suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    jobseeker_id: Mapped[int] = mapped_column(ForeignKey("jobseekers.id"), index=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancies.id"))
    source: Mapped[str] = mapped_column(String(20))  # consultant, employer
    consultant_id: Mapped[int | None] = mapped_column(ForeignKey("consultants.id"), nullable=True)
    note: Mapped[str | None] = mapped_column(String(500), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
