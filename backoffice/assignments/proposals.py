"""Smart assignments: the rule set's proposals, and a consultant's decision on them."""

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backoffice.assignments import rules, service
from backoffice.assignments.catalogue import KINDS
from backoffice.assignments.models import OPEN_STATUSES, Assignment, AssignmentProposal
from backoffice.clock import Clock
from backoffice.errors import ConflictError, InvalidInputError, NotFoundError
from backoffice.jobseekers.models import Jobseeker
from backoffice.jobseekers.vocabulary import DUTCH


def require_proposal(*, session: Session, proposal_id: int) -> AssignmentProposal:
    proposal = session.get(AssignmentProposal, proposal_id)
    if proposal is None:
        raise NotFoundError("Proposal not found")
    return proposal


def dossier_facts(*, session: Session, jobseeker: Jobseeker, clock: Clock) -> rules.DossierFacts:
    assignments = service.assignments_of(session=session, jobseeker_id=jobseeker.id)
    proposed = session.scalars(
        select(AssignmentProposal.rule_code).where(AssignmentProposal.jobseeker_id == jobseeker.id)
    )
    dutch = [skill.get("level") for skill in jobseeker.languages or [] if skill.get("language") == DUTCH]
    return rules.DossierFacts(
        today=clock.today,
        registration_date=jobseeker.registration_date,
        desired_occupations=tuple(jobseeker.desired_occupations or ()),
        has_email=bool(jobseeker.email),
        driving_licences=frozenset(jobseeker.driving_licences or ()),
        dutch_level=dutch[0] if dutch else None,
        education_level=jobseeker.education_level,
        cv_updated_on=jobseeker.cv_updated_at.date() if jobseeker.cv_updated_at else None,
        last_active_on=jobseeker.last_activity_at.date() if jobseeker.last_activity_at else None,
        digital_indicator_codes=frozenset(item["code"] for item in jobseeker.digital_indicators or ()),
        open_kinds=frozenset(item.kind for item in assignments if item.status in OPEN_STATUSES),
        overdue_count=sum(1 for item in assignments if item.status == "overdue"),
        proposed_rule_codes=frozenset(proposed),
    )


def refresh_proposals(*, session: Session, jobseeker: Jobseeker, clock: Clock) -> list[AssignmentProposal]:
    """Runs the rule set and stores the new proposals; returns those (often none)."""
    service.refresh_statuses(session=session, jobseeker_id=jobseeker.id, clock=clock)
    created = []
    for draft in rules.evaluate(dossier_facts(session=session, jobseeker=jobseeker, clock=clock)):
        proposal = AssignmentProposal(
            jobseeker_id=jobseeker.id,
            rule_code=draft.rule_code,
            kind=draft.kind.code,
            title=draft.kind.title,
            instructions=draft.kind.instructions,
            steps=draft.kind.steps_as_data(),
            keywords=list(draft.kind.keywords),
            reason=draft.reason,
            suggested_due_date=draft.suggested_due_date,
            status="proposed",
            created_at=clock.now,
        )
        try:
            # A concurrent refresh may have stored the same rule's proposal: that one stands.
            with session.begin_nested():
                session.add(proposal)
        except IntegrityError:
            continue
        created.append(proposal)
    return created


def list_proposals(*, session: Session, jobseeker_id: int, status: str) -> list[AssignmentProposal]:
    service.require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    query = select(AssignmentProposal).where(AssignmentProposal.jobseeker_id == jobseeker_id)
    if status != "all":
        query = query.where(AssignmentProposal.status == status)
    return list(session.scalars(query.order_by(AssignmentProposal.id)))


def _decide(*, session: Session, proposal: AssignmentProposal, consultant_id: int, status: str, clock: Clock) -> None:
    if proposal.status != "proposed":
        raise ConflictError("Proposal was already decided")
    service.require_consultant(session=session, consultant_id=consultant_id)
    proposal.status = status
    proposal.decided_by = consultant_id
    proposal.decided_at = clock.now


def accept_proposal(
    *,
    session: Session,
    proposal: AssignmentProposal,
    consultant_id: int,
    clock: Clock,
    title: str | None = None,
    instructions: str | None = None,
    due_date: date | None = None,
) -> Assignment:
    """A consultant turns a proposal into an assignment, possibly with their own title, text and due date."""
    if due_date is not None and due_date < clock.today:
        raise InvalidInputError("due_date lies in the past")
    _decide(session=session, proposal=proposal, consultant_id=consultant_id, status="accepted", clock=clock)
    kind = KINDS[proposal.kind]
    if due_date is None:
        # A proposal that waited past its suggested date gets the kind's usual time from today.
        fresh = clock.today + timedelta(days=kind.due_in_days)
        due_date = proposal.suggested_due_date if proposal.suggested_due_date > clock.today else fresh
    assignment = service.create_assignment(
        session=session,
        jobseeker_id=proposal.jobseeker_id,
        kind=kind,
        origin="smart",
        due_date=due_date,
        clock=clock,
        title=title or proposal.title,
        instructions=instructions or proposal.instructions,
        steps=list(proposal.steps),
        keywords=list(proposal.keywords),
        reason=proposal.reason,
        proposal_id=proposal.id,
        consultant_id=consultant_id,
    )
    proposal.assignment_id = assignment.id
    session.flush()
    # The dossier may have changed since the proposal: an e-mail address added meanwhile completes it.
    service.detect_completed(session=session, jobseeker=session.get(Jobseeker, proposal.jobseeker_id), clock=clock)
    return assignment


def reject_proposal(
    *, session: Session, proposal: AssignmentProposal, consultant_id: int, note: str, clock: Clock
) -> AssignmentProposal:
    _decide(session=session, proposal=proposal, consultant_id=consultant_id, status="rejected", clock=clock)
    proposal.decision_note = note
    session.flush()
    return proposal


def after_dossier_change(*, session: Session, jobseeker: Jobseeker, clock: Clock) -> list[Assignment]:
    """Detection, then the rule set; returns the assignments detection completed."""
    completed = service.detect_completed(session=session, jobseeker=jobseeker, clock=clock)
    refresh_proposals(session=session, jobseeker=jobseeker, clock=clock)
    return completed


def start_assignments(*, session: Session, jobseeker: Jobseeker, clock: Clock) -> list[Assignment]:
    """What registration starts: the automatic package, then the rule set on the new dossier."""
    package = service.create_automatic_package(session=session, jobseeker=jobseeker, clock=clock)
    refresh_proposals(session=session, jobseeker=jobseeker, clock=clock)
    return package
