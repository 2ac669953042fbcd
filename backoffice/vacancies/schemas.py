from datetime import date, datetime
from typing import Annotated, Self

from pydantic import BaseModel, Field, StringConstraints, model_validator

from backoffice.types import DbId
from backoffice.vacancies.vocabulary import (
    ApplicationChannel,
    ApplicationStatus,
    ContractType,
    PushSource,
    SuggestionSource,
    WorkSchedule,
)

MAX_PAGE_SIZE = 50
# No control characters: these strings end up in pages, CSV files and PDF letters.
_PRINTABLE = r"^[^\x00-\x1f\x7f]+$"
Text160 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160, pattern=_PRINTABLE)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500, pattern=_PRINTABLE)]


class VacancyCard(BaseModel):
    """A vacancy as a list shows it: what the bot renders as a card, a numbered line or a sentence."""

    id: int
    title: str
    occupation: str
    employer: str
    municipality: str
    postcode: str
    province: str
    distance_km: float | None = Field(description="From the searched or the jobseeker's municipality; null without")
    contract_type: ContractType
    work_schedule: WorkSchedule
    hours_per_week: int | None
    posted_on: date
    closing_on: date | None
    summary: str = Field(description="The start of the description, about 140 characters, cut at a word")


class Requirements(BaseModel):
    driving_licences: list[str]
    languages: list[str]
    education_level: str | None


class VacancyDetail(VacancyCard):
    description: str
    requirements: Requirements


class SearchLocation(BaseModel):
    municipality: str | None
    province: str


class SearchPage(BaseModel):
    total: int
    page: int
    page_size: int
    results: list[VacancyCard]
    location: SearchLocation | None


class Suggestion(BaseModel):
    vacancy: VacancyCard
    source: SuggestionSource
    reason: str = Field(description="Why, in plain Dutch, for the jobseeker")


class PushRequest(BaseModel):
    vacancy_id: DbId
    source: PushSource
    consultant_id: DbId | None = None
    note: Note | None = None

    @model_validator(mode="after")
    def _consultant_for_consultant(self) -> Self:
        if self.source == "employer" and self.consultant_id is not None:
            raise ValueError("consultant_id belongs with source consultant only")
        return self


class PushRead(BaseModel):
    id: int
    jobseeker_id: int
    vacancy_id: int
    source: PushSource
    consultant_id: int | None
    note: str | None
    created_at: datetime


class SaveRequest(BaseModel):
    vacancy_id: DbId


class SavedVacancyCard(VacancyCard):
    saved_on: date


class ApplicationCreate(BaseModel):
    """With vacancy_id the employer and title come from the vacancy; without, employer is required."""

    vacancy_id: DbId | None = None
    employer: Text160 | None = None
    title: Text160 | None = None
    applied_on: date | None = Field(default=None, description="Today when left out")
    channel: ApplicationChannel
    status: ApplicationStatus = "verstuurd"
    note: Note | None = None

    @model_validator(mode="after")
    def _employer_known(self) -> Self:
        if self.vacancy_id is None and self.employer is None:
            raise ValueError("employer is required for an application outside the vacancy database")
        return self


class ApplicationUpdate(BaseModel):
    status: ApplicationStatus | None = None
    note: Note | None = None


class ApplicationRead(BaseModel):
    id: int
    jobseeker_id: int
    vacancy_id: int | None
    employer: str
    title: str | None
    applied_on: date
    channel: ApplicationChannel
    status: ApplicationStatus
    note: str | None
    created_at: datetime
    updated_at: datetime


class Dashboard(BaseModel):
    saved: list[SavedVacancyCard]
    applications: list[ApplicationRead]


class ViewRequest(BaseModel):
    vacancy_id: DbId
