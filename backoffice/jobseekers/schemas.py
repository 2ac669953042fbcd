from datetime import date, datetime
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from backoffice.jobseekers.vocabulary import (
    DrivingLicence,
    EducationLevel,
    IndicatorSource,
    LanguageLevel,
    WorkSchedule,
)

# No control characters: these strings end up in pages and letters.
_PRINTABLE = r"^[^\x00-\x1f\x7f]+$"
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80, pattern=_PRINTABLE)]
Email = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 ./-]{7,18}$")]
Occupation = Annotated[
    str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1, max_length=80, pattern=_PRINTABLE)
]
LanguageName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40, pattern=_PRINTABLE)]


class LanguageSkill(BaseModel):
    language: str
    level: str


class LanguageSkillIn(BaseModel):
    language: LanguageName
    level: LanguageLevel


class DigitalIndicator(BaseModel):
    code: str
    source: IndicatorSource
    noted_on: date


class DigitalChoiceRead(BaseModel):
    choice: Literal["appointment", "callback", "course"]
    channel: str
    chosen_at: datetime


class JobseekerRead(BaseModel):
    """The dossier as the action server sees it: no contact details, only whether they exist."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    first_name: str
    last_name: str
    has_email: bool
    municipality: str
    postcode: str
    province: str
    education_level: str
    languages: list[LanguageSkill]
    driving_licences: list[str]
    desired_occupations: list[str]
    work_schedule: WorkSchedule | None = Field(description="Preferred schedule; null: either is fine")
    registration_date: date
    office_id: int | None
    is_demo: bool
    has_cv: bool
    cv_updated_at: datetime | None
    last_activity_at: datetime | None
    digital_indicators: list[DigitalIndicator]
    digital_choice: DigitalChoiceRead | None = Field(
        default=None, description="The latest help the jobseeker chose for digital things; null: none yet"
    )


def _unique(items: list) -> list:
    return list(dict.fromkeys(items))


class _DossierLists(BaseModel):
    @model_validator(mode="after")
    def _without_duplicates(self) -> Self:
        for field in ("driving_licences", "desired_occupations"):
            value = getattr(self, field, None)
            if value is not None:
                setattr(self, field, _unique(value))
        languages = getattr(self, "languages", None)
        if languages is not None:
            by_language = {skill.language.lower(): skill for skill in languages}
            if len(by_language) != len(languages):
                raise ValueError("each language may occur only once")
        return self


class RegistrationRequest(_DossierLists):
    first_name: Name
    last_name: Name
    birth_date: date
    email: Email | None = None
    phone: Phone | None = None
    postcode: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[1-9][0-9]{3}$")]
    education_level: EducationLevel
    languages: list[LanguageSkillIn] = Field(default_factory=list, max_length=10)
    driving_licences: list[DrivingLicence] = Field(default_factory=list, max_length=15)
    desired_occupations: list[Occupation] = Field(default_factory=list, max_length=10)
    work_schedule: WorkSchedule | None = None


class DossierUpdate(_DossierLists):
    """A field left out or null stays as it is; nothing here removes contact details."""

    desired_occupations: list[Occupation] | None = Field(default=None, max_length=10)
    work_schedule: WorkSchedule | None = None
    email: Email | None = None
    driving_licences: list[DrivingLicence] | None = Field(default=None, max_length=15)
    languages: list[LanguageSkillIn] | None = Field(default=None, max_length=10)
    education_level: EducationLevel | None = None
    confirm_contact_details: bool = False
    confirm_job_goals: bool = False


class CvUploadResult(BaseModel):
    cv_updated_at: datetime
    completed: list[int] = Field(description="Ids of the assignments the upload completed")


class DemoJobseeker(BaseModel):
    """What the demo login on the widget page may show: invented people only."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    first_name: str
    last_name: str
    municipality: str
