from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy.orm import Session

from backoffice.assignments import proposals, service
from backoffice.assignments.schemas import (
    AcceptProposalRequest,
    AssignmentRead,
    CompleteRequest,
    CompleteResponse,
    EventRead,
    FirstContactSummary,
    NoteRequest,
    ProgressRequest,
    ProposalRead,
    ProposalStatusFilter,
    RejectProposalRequest,
    ReminderClaim,
    StatusFilter,
)
from backoffice.assignments.summary import first_contact_summary
from backoffice.auth import require_service_token
from backoffice.clock import Clock, get_clock
from backoffice.db import get_session
from backoffice.types import DbIdPath

router = APIRouter(tags=["assignments"], dependencies=[Depends(require_service_token)])

SessionDep = Annotated[Session, Depends(get_session)]
ClockDep = Annotated[Clock, Depends(get_clock)]


@router.get("/jobseekers/{jobseeker_id}/assignments", response_model=list[AssignmentRead])
def list_assignments(
    jobseeker_id: DbIdPath, session: SessionDep, clock: ClockDep, status: Annotated[StatusFilter, Query()] = "open"
) -> list[AssignmentRead]:
    """Most urgent first; "open" means open, in progress and overdue. Statuses are refreshed first."""
    assignments = service.list_assignments(session=session, jobseeker_id=jobseeker_id, status=status, clock=clock)
    session.commit()
    return [service.to_read(assignment) for assignment in assignments]


@router.get("/assignments/{assignment_id}", response_model=AssignmentRead)
def get_assignment(assignment_id: DbIdPath, session: SessionDep, clock: ClockDep) -> AssignmentRead:
    assignment = service.require_assignment(session=session, assignment_id=assignment_id)
    service.refresh_statuses(session=session, jobseeker_id=assignment.jobseeker_id, clock=clock)
    session.commit()
    return service.to_read(assignment)


@router.post("/assignments/{assignment_id}/progress", response_model=AssignmentRead)
def record_progress(
    assignment_id: DbIdPath, body: ProgressRequest, session: SessionDep, clock: ClockDep
) -> AssignmentRead:
    assignment = service.require_assignment(session=session, assignment_id=assignment_id)
    service.record_progress(session=session, assignment=assignment, current_step=body.current_step, clock=clock)
    session.commit()
    return service.to_read(assignment)


@router.post("/assignments/{assignment_id}/complete", response_model=CompleteResponse)
def complete_assignment(
    assignment_id: DbIdPath, body: CompleteRequest, session: SessionDep, clock: ClockDep
) -> CompleteResponse:
    assignment = service.require_assignment(session=session, assignment_id=assignment_id)
    done, following = service.complete(
        session=session, assignment=assignment, how=body.how, consultant_id=body.consultant_id, clock=clock
    )
    session.commit()
    return CompleteResponse(
        assignment=service.to_read(done), next=service.to_read(following) if following is not None else None
    )


@router.post("/assignments/{assignment_id}/notes", response_model=EventRead, status_code=201)
def add_note(assignment_id: DbIdPath, body: NoteRequest, session: SessionDep, clock: ClockDep) -> EventRead:
    assignment = service.require_assignment(session=session, assignment_id=assignment_id)
    event = service.add_note(
        session=session, assignment=assignment, kind=body.kind, step=body.step, channel=body.channel, clock=clock
    )
    session.commit()
    return EventRead.model_validate(event)


@router.get("/assignments/{assignment_id}/history", response_model=list[EventRead])
def assignment_history(assignment_id: DbIdPath, session: SessionDep) -> list[EventRead]:
    assignment = service.require_assignment(session=session, assignment_id=assignment_id)
    return [EventRead.model_validate(event) for event in service.history(assignment=assignment)]


@router.get("/jobseekers/{jobseeker_id}/proposals", response_model=list[ProposalRead])
def list_proposals(
    jobseeker_id: DbIdPath, session: SessionDep, status: Annotated[ProposalStatusFilter, Query()] = "proposed"
) -> list[ProposalRead]:
    found = proposals.list_proposals(session=session, jobseeker_id=jobseeker_id, status=status)
    return [ProposalRead.model_validate(proposal) for proposal in found]


@router.post("/jobseekers/{jobseeker_id}/proposals/refresh", response_model=list[ProposalRead])
def refresh_proposals(jobseeker_id: DbIdPath, session: SessionDep, clock: ClockDep) -> list[ProposalRead]:
    """Runs the rule set now; returns only the proposals it newly made."""
    jobseeker = service.require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    created = proposals.refresh_proposals(session=session, jobseeker=jobseeker, clock=clock)
    session.commit()
    return [ProposalRead.model_validate(proposal) for proposal in created]


@router.post("/proposals/{proposal_id}/accept", response_model=AssignmentRead, status_code=201)
def accept_proposal(
    proposal_id: DbIdPath, body: AcceptProposalRequest, session: SessionDep, clock: ClockDep
) -> AssignmentRead:
    proposal = proposals.require_proposal(session=session, proposal_id=proposal_id)
    assignment = proposals.accept_proposal(
        session=session,
        proposal=proposal,
        consultant_id=body.consultant_id,
        title=body.title,
        instructions=body.instructions,
        due_date=body.due_date,
        clock=clock,
    )
    session.commit()
    return service.to_read(assignment)


@router.post("/proposals/{proposal_id}/reject", response_model=ProposalRead)
def reject_proposal(
    proposal_id: DbIdPath, body: RejectProposalRequest, session: SessionDep, clock: ClockDep
) -> ProposalRead:
    proposal = proposals.require_proposal(session=session, proposal_id=proposal_id)
    proposals.reject_proposal(
        session=session, proposal=proposal, consultant_id=body.consultant_id, note=body.note, clock=clock
    )
    session.commit()
    return ProposalRead.model_validate(proposal)


@router.get("/jobseekers/{jobseeker_id}/first-contact-summary", response_model=FirstContactSummary)
def get_first_contact_summary(jobseeker_id: DbIdPath, session: SessionDep, clock: ClockDep) -> FirstContactSummary:
    summary = first_contact_summary(session=session, jobseeker_id=jobseeker_id, clock=clock)
    session.commit()  # the overdue refresh before it
    return summary


@router.post(
    "/jobseekers/{jobseeker_id}/reminders/claim",
    response_model=ReminderClaim,
    responses={204: {"description": "No reminder today: one was sent already, or nothing is due soon"}},
)
def claim_reminder(jobseeker_id: DbIdPath, session: SessionDep, clock: ClockDep) -> ReminderClaim | Response:
    assignment = service.claim_reminder(session=session, jobseeker_id=jobseeker_id, clock=clock)
    session.commit()
    if assignment is None:
        return Response(status_code=204)
    return ReminderClaim(assignment=service.to_read(assignment))
