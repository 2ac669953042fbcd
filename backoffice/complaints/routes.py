from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy.orm import Session

from backoffice.auth import require_service_token
from backoffice.clock import Clock, get_clock
from backoffice.complaints import analysis, service
from backoffice.complaints.schemas import (
    AnalysisRead,
    AnswerWrite,
    CentreFiguresRead,
    CentreMatchRead,
    CentreRead,
    ComplaintPage,
    ComplaintRead,
    CriterionFigure,
    DecisionWrite,
    DraftRead,
    DraftStart,
    FieldCode,
    MonthCount,
    Status,
    SubmitRead,
)
from backoffice.db import get_session
from backoffice.types import DbIdPath

router = APIRouter(tags=["complaints"], dependencies=[Depends(require_service_token)])

SessionDep = Annotated[Session, Depends(get_session)]
ClockDep = Annotated[Clock, Depends(get_clock)]
NOT_DRAFT = {409: {"description": "The complaint is no longer a draft"}}
NOT_DECIDABLE = {409: {"description": "A draft, or already decided"}}


@router.get("/career-centres", response_model=list[CentreRead])
def list_centres(session: SessionDep) -> list[CentreRead]:
    """The register of mandated loopbaancentra (the demo register is invented)."""
    return [CentreRead.model_validate(centre) for centre in service.list_centres(session=session)]


@router.get("/career-centres/match", response_model=CentreMatchRead)
def match_centre(session: SessionDep, q: Annotated[str, Query(min_length=1, max_length=200)]) -> CentreMatchRead:
    """The centre a typed name means, tolerant of spelling; candidates to ask about when unsure."""
    return service.match_centre(session=session, query=q)


@router.post(
    "/complaints/drafts",
    response_model=DraftRead,
    responses={200: {"description": "An existing draft continues"}, 201: {"description": "A new draft"}},
    status_code=201,
)
def start_or_continue(body: DraftStart, response: Response, session: SessionDep, clock: ClockDep) -> DraftRead:
    """The open draft of this conversation (else of this jobseeker), or a new one (201)."""
    complaint, created = service.start_or_continue(
        session=session,
        conversation_id=body.conversation_id,
        jobseeker_id=body.jobseeker_id,
        channel=body.channel,
        clock=clock,
    )
    session.commit()
    if not created:
        response.status_code = 200
    return DraftRead(**service.to_read(session=session, complaint=complaint).model_dump(), created=created)


@router.get("/complaints/{complaint_id}", response_model=ComplaintRead)
def read_complaint(complaint_id: DbIdPath, session: SessionDep) -> ComplaintRead:
    """The complaint with what is still missing (next_question), the read-back and the assessment."""
    complaint = service.require_complaint(session=session, complaint_id=complaint_id)
    return service.to_read(session=session, complaint=complaint)


@router.put("/complaints/{complaint_id}/answers/{field}", response_model=ComplaintRead, responses=NOT_DRAFT)
def set_answer(
    complaint_id: DbIdPath, field: FieldCode, body: AnswerWrite, session: SessionDep, clock: ClockDep
) -> ComplaintRead:
    """Sets or corrects one answer (idempotent). A centre that is not recognised with certainty
    answers 422 with `candidates`."""
    complaint = service.require_complaint(session=session, complaint_id=complaint_id)
    service.set_answer(
        session=session, complaint=complaint, field=field, value=body.value, explanation=body.explanation, clock=clock
    )
    session.commit()
    return service.to_read(session=session, complaint=complaint)


@router.post(
    "/complaints/{complaint_id}/submit",
    response_model=SubmitRead,
    responses={422: {"description": "Not complete: `missing` lists what is still needed"}},
)
def submit(complaint_id: DbIdPath, session: SessionDep, clock: ClockDep) -> SubmitRead:
    """Submits a complete draft: the reference and what happens next (again: the same answer)."""
    complaint = service.require_complaint(session=session, complaint_id=complaint_id)
    answer = service.submit(session=session, complaint=complaint, clock=clock)
    session.commit()
    return answer


@router.get("/complaints", response_model=ComplaintPage)
def list_complaints(
    session: SessionDep,
    status: Status | None = None,
    centre_id: Annotated[int | None, Query(gt=0, le=2**31 - 1)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ComplaintPage:
    """Submitted complaints for the handlers, newest first (drafts are not listed)."""
    total, rows = service.list_complaints(
        session=session, status=status, centre_id=centre_id, limit=limit, offset=offset
    )
    return ComplaintPage(total=total, items=[service.list_item(session=session, complaint=row) for row in rows])


@router.post("/complaints/{complaint_id}/review", response_model=ComplaintRead, responses=NOT_DECIDABLE)
def start_review(complaint_id: DbIdPath, session: SessionDep, clock: ClockDep) -> ComplaintRead:
    complaint = service.require_complaint(session=session, complaint_id=complaint_id)
    service.start_review(session=session, complaint=complaint, clock=clock)
    session.commit()
    return service.to_read(session=session, complaint=complaint)


@router.post("/complaints/{complaint_id}/decision", response_model=ComplaintRead, responses=NOT_DECIDABLE)
def decide(complaint_id: DbIdPath, body: DecisionWrite, session: SessionDep, clock: ClockDep) -> ComplaintRead:
    """Records the outcome and the measures; `decision.citizen_text` is the message for the citizen."""
    complaint = service.require_complaint(session=session, complaint_id=complaint_id)
    service.decide(session=session, complaint=complaint, decision=body, account_id=None, clock=clock)
    session.commit()
    return service.to_read(session=session, complaint=complaint)


def figures_read(centre, numbers: analysis.Figures) -> CentreFiguresRead:
    return CentreFiguresRead(
        centre=CentreRead.model_validate(centre),
        complaints=numbers.complaints,
        decided=numbers.decided,
        not_conformant=numbers.not_conformant,
        reclaimed_total=numbers.reclaimed_total,
        findings=dict(numbers.findings),
        criteria=_criteria(numbers),
        months=[MonthCount(month=key, complaints=count) for key, count in numbers.months],
        attention=numbers.attention,
    )


def _criteria(numbers: analysis.Figures) -> list[CriterionFigure]:
    return [
        CriterionFigure(
            code=item.code, label=item.label, answered=item.answered, no=item.no, partly=item.partly,
            share_not_met=item.share_not_met,
        )
        for item in numbers.criteria
    ]  # fmt: skip


@router.get("/career-centres/analysis", response_model=AnalysisRead)
def centre_analysis(session: SessionDep, clock: ClockDep) -> AnalysisRead:
    """Manier 9: the last twelve months over all centres and per centre, those that need a look first."""
    total = analysis.overall(session=session, today=clock.today)
    months = analysis.month_keys(clock.today)
    return AnalysisRead(
        since=months[0],
        until=months[-1],
        complaints=total.complaints,
        not_conformant=total.not_conformant,
        reclaimed_total=total.reclaimed_total,
        criteria=_criteria(total),
        months=[MonthCount(month=key, complaints=count) for key, count in total.months],
        centres=[figures_read(c, n) for c, n in analysis.per_centre(session=session, today=clock.today)],
    )


@router.get(
    "/career-centres/analysis.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "One row per centre"}},
)
def centre_analysis_csv(session: SessionDep, clock: ClockDep) -> Response:
    content = analysis.to_csv(analysis.per_centre(session=session, today=clock.today))
    return Response(
        content,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="klachten-per-centrum-{clock.today:%Y-%m-%d}.csv"'},
    )


@router.get("/career-centres/{centre_id}/analysis", response_model=CentreFiguresRead)
def one_centre_analysis(centre_id: DbIdPath, session: SessionDep, clock: ClockDep) -> CentreFiguresRead:
    centre = service.require_centre(session=session, centre_id=centre_id)
    return figures_read(centre, analysis.one_centre(session=session, centre_id=centre.id, today=clock.today))
