from datetime import date

from pydantic import BaseModel, ConfigDict


class LanguageSkill(BaseModel):
    language: str
    level: str


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
    registration_date: date
    office_id: int | None
    is_demo: bool


class DemoJobseeker(BaseModel):
    """What the demo login on the widget page may show: invented people only."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    first_name: str
    last_name: str
    municipality: str
