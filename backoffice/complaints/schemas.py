from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from backoffice.complaints.models import CHANNELS, OUTCOMES, STATUSES
from backoffice.complaints.questions import FIELDS, MAX_EXPLANATION_CHARS
from backoffice.types import DbId

Channel = Literal[CHANNELS]  # type: ignore[valid-type]
Status = Literal[STATUSES]  # type: ignore[valid-type]
Outcome = Literal[OUTCOMES]  # type: ignore[valid-type]
FieldCode = Literal[FIELDS]  # type: ignore[valid-type]
Explanation = Annotated[str, Field(max_length=MAX_EXPLANATION_CHARS)]


class CentreRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    municipality: str
    province: str
    mandate_status: str
    is_demo: bool


class CentreCandidate(BaseModel):
    centre: CentreRead
    score: float


class CentreMatchRead(BaseModel):
    certain: bool = Field(description="True: take `centre` without asking; false: ask with the candidates")
    centre: CentreRead | None
    candidates: list[CentreCandidate]


class DraftStart(BaseModel):
    """Start a complaint, or continue the draft of this conversation (or of this jobseeker)."""

    conversation_id: Annotated[str, Field(min_length=1, max_length=255)] | None = None
    jobseeker_id: DbId | None = None
    channel: Channel

    @model_validator(mode="after")
    def _someone(self) -> "DraftStart":
        if self.conversation_id is None and self.jobseeker_id is None:
            raise ValueError("conversation_id or jobseeker_id is required")
        return self


class AnswerWrite(BaseModel):
    """One answer. centre: a name as typed (or the NLU's entity value) or the centre id; period:
    "maart 2026", "2026-03", "vorig jaar"; cheques: 1 or 2; the five questions: yes/partly/no
    (ja/gedeeltelijk/nee too); delivered: one code or a list; pop: yes/no/unknown."""

    value: Annotated[str, Field(min_length=1, max_length=200)] | int | Annotated[list[str], Field(max_length=6)]
    explanation: Explanation | None = None


class CriterionAnswerRead(BaseModel):
    code: str
    question: str
    answer: Literal["yes", "partly", "no"] | None
    explanation: str | None


class FindingRead(BaseModel):
    code: str
    effect: Literal["not_met", "doubt"]
    text: str
    evidence: list[str]


class MeasureRead(BaseModel):
    code: str
    label: str


class AssessmentRead(BaseModel):
    verdict: Literal["likely_not_met", "doubtful", "likely_met", "incomplete"]
    verdict_label: str
    findings: list[FindingRead]
    criteria_not_met: list[str]
    suggested_measures: list[MeasureRead]
    prior_not_conformant: int = Field(description="Earlier 'not conformant' decisions for this centre in a year")


class DecisionRead(BaseModel):
    outcome: Outcome
    reclaim_amount: Decimal | None
    restore_right: bool
    address_centre: bool
    suspend_mandate: bool
    note: str | None
    decided_at: datetime
    citizen_text: str = Field(description="The Dutch message that tells the citizen the outcome")


class ComplaintRead(BaseModel):
    id: int
    reference: str
    status: Status
    conversation_id: str | None
    jobseeker_id: int | None
    channel: str
    centre: CentreRead | None
    guidance_year: int | None
    guidance_month: int | None
    period_text: str | None
    cheques_used: int | None
    criteria: list[CriterionAnswerRead]
    delivered: list[str] | None
    delivered_explanation: str | None
    pop_received: Literal["yes", "no", "unknown"] | None
    pop_explanation: str | None
    missing: list[str] = Field(description="Answers still missing, in the order the conversation asks them")
    next_question: str | None = Field(description="The first missing answer; null: ready to submit")
    next_question_text: str | None
    recap: list[str] = Field(description="The read-back in Dutch, one line per answer given")
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    assessment: AssessmentRead
    decision: DecisionRead | None


class DraftRead(ComplaintRead):
    created: bool = Field(description="True: a new draft; false: an existing draft continues")


class SubmitRead(BaseModel):
    id: int
    reference: str
    status: Status
    next_steps: list[str] = Field(description="What happens next, in Dutch, one paragraph a message")
    formal_channels: list[str]


class ComplaintListItem(BaseModel):
    id: int
    reference: str
    status: Status
    channel: str
    centre: CentreRead | None
    submitted_at: datetime | None
    verdict: str
    verdict_label: str
    findings: int
    outcome: Outcome | None


class ComplaintPage(BaseModel):
    total: int
    items: list[ComplaintListItem]


class DecisionWrite(BaseModel):
    outcome: Outcome
    reclaim_amount: Annotated[Decimal, Field(gt=0, le=100_000, decimal_places=2)] | None = None
    restore_right: bool = False
    address_centre: bool = False
    suspend_mandate: bool = False
    note: Annotated[str, Field(max_length=2000)] | None = None


class MonthCount(BaseModel):
    month: str  # YYYY-MM
    complaints: int


class CriterionFigure(BaseModel):
    code: str
    label: str
    answered: int
    no: int
    partly: int
    share_not_met: float | None = Field(description="Share answered 'no' among those answered")


class CentreFiguresRead(BaseModel):
    centre: CentreRead
    complaints: int
    decided: int
    not_conformant: int
    reclaimed_total: Decimal
    findings: dict[str, int]
    criteria: list[CriterionFigure]
    months: list[MonthCount]
    attention: list[str] = Field(description="Why this centre's pattern needs a look (Dutch); empty: nothing")


class AnalysisRead(BaseModel):
    since: str
    until: str
    complaints: int
    not_conformant: int
    reclaimed_total: Decimal
    criteria: list[CriterionFigure]
    months: list[MonthCount]
    centres: list[CentreFiguresRead]
