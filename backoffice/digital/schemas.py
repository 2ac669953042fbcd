from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from backoffice.digital.rules import Level
from backoffice.types import DbId

ConversationCode = Literal["explicit_statement", "basic_operation_help", "misunderstanding", "typo"]
Choice = Literal["appointment", "callback", "course"]
CHANNEL_FIELD = Field(min_length=1, max_length=30, pattern=r"^[A-Za-z0-9_.-]+$")


class SignalIn(BaseModel):
    code: ConversationCode
    detail: str | None = Field(
        default=None,
        max_length=40,
        pattern=r"^[a-z0-9_-]+$",
        description=(
            "explicit_statement: computer, email, internet, smartphone, online; basic_operation_help: login, "
            "password, upload, email, form; misunderstanding: how many in a row (a number); typo: none"
        ),
    )


class AssessmentRequest(BaseModel):
    jobseeker_id: DbId | None = None
    channel: str = CHANNEL_FIELD
    signals: list[SignalIn] = Field(default_factory=list, max_length=50)


class AssessmentRead(BaseModel):
    level: Level
    score: int
    evidence: list[str] = Field(description="In words a consultant understands (Dutch)")
    previous_level: Level | None = Field(description="The level stored last time for this jobseeker; null: none")


class ChoiceRequest(BaseModel):
    choice: Choice
    channel: str = CHANNEL_FIELD


class CourseRead(BaseModel):
    id: int
    name: str
    organiser: str
    place: str
    address: str
    starts_on: date
    weekday: str
    schedule: str = Field(description="'elke dinsdag van 9.30 tot 12 uur'")
    sessions: int
    cost: str
    distance_km: float | None = Field(description="From the place asked for; null when no place was given")
    is_demo: bool


class CoursesRead(BaseModel):
    municipality: str | None = Field(description="The place the distances are from; null: none given")
    courses: list[CourseRead]
    notice: str | None = Field(description="Said with demo courses: they are invented")
