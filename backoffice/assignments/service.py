"""The assignment lifecycle: create, refresh, progress, complete, detect, propose, remind.

Functions flush and never commit: a route commits once per request, and the seed loads all its
demo data in one transaction through the very same functions.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from backoffice.assignments import detection
from backoffice.assignments.catalogue import AUTOMATIC_PACKAGE, AssignmentKind
from backoffice.assignments.models import OPEN_STATUSES, Assignment, AssignmentEvent
from backoffice.assignments.schemas import AssignmentRead
from backoffice.clock import Clock
from backoffice.consultants.models import Consultant
from backoffice.errors import ConflictError, InvalidInputError, NotFoundError
from backoffice.jobseekers.models import Jobseeker

REMIND_DAYS_BEFORE_DUE = 2


def to_read(assignment: Assignment) -> AssignmentRead:
    return AssignmentRead.model_validate(assignment)


def require_jobseeker(*, session: Session, jobseeker_id: int) -> Jobseeker:
    jobseeker = session.get(Jobseeker, jobseeker_id)
    if jobseeker is None:
        raise NotFoundError("Jobseeker not found")
    return jobseeker


def require_assignment(*, session: Session, assignment_id: int) -> Assignment:
    assignment = session.get(Assignment, assignment_id)
    if assignment is None:
        raise NotFoundError("Assignment not found")
    return assignment


def require_consultant(*, session: Session, consultant_id: int) -> Consultant:
    consultant = session.get(Consultant, consultant_id)
    if consultant is None:
        raise NotFoundError("Consultant not found")
    return consultant


def _record(
    assignment: Assignment,
    *,
    clock: Clock,
    actor: str,
    change: str,
    from_value: str | None = None,
    to_value: str | None = None,
    consultant_id: int | None = None,
    step: int | None = None,
    channel: str | None = None,
    note: str | None = None,
) -> AssignmentEvent:
    event = AssignmentEvent(
        at=clock.now,
        actor=actor,
        consultant_id=consultant_id,
        change=change,
        from_value=from_value,
        to_value=to_value,
        step=step,
        channel=channel,
        note=note,
    )
    assignment.events.append(event)
    assignment.updated_at = clock.now
    return event


def _touch_activity(*, session: Session, jobseeker_id: int, clock: Clock) -> None:
    jobseeker = session.get(Jobseeker, jobseeker_id)
    if jobseeker is not None and (jobseeker.last_activity_at is None or jobseeker.last_activity_at < clock.now):
        jobseeker.last_activity_at = clock.now


def create_assignment(
    *,
    session: Session,
    jobseeker_id: int,
    kind: AssignmentKind,
    origin: str,
    due_date: date,
    clock: Clock,
    title: str | None = None,
    instructions: str | None = None,
    steps: list[dict[str, str]] | None = None,
    keywords: list[str] | None = None,
    reason: str | None = None,
    proposal_id: int | None = None,
    consultant_id: int | None = None,
) -> Assignment:
    assignment = Assignment(
        jobseeker_id=jobseeker_id,
        kind=kind.code,
        origin=origin,
        title=title or kind.title,
        instructions=instructions or kind.instructions,
        steps=steps if steps is not None else kind.steps_as_data(),
        keywords=keywords if keywords is not None else list(kind.keywords),
        current_step=0,
        status="open",
        due_date=due_date,
        reason=reason,
        proposal_id=proposal_id,
        created_at=clock.now,
        updated_at=clock.now,
    )
    session.add(assignment)
    _record(
        assignment,
        clock=clock,
        actor="consultant" if consultant_id else "system",
        consultant_id=consultant_id,
        change="created",
        to_value="open",
        note=origin,
    )
    session.flush()
    return assignment


def create_automatic_package(*, session: Session, jobseeker: Jobseeker, clock: Clock) -> list[Assignment]:
    """The standard assignments of a new registration, all due before the week-6 first contact."""
    return [
        create_assignment(
            session=session,
            jobseeker_id=jobseeker.id,
            kind=kind,
            origin="automatic",
            due_date=jobseeker.registration_date + timedelta(days=kind.due_in_days),
            clock=clock,
        )
        for kind in AUTOMATIC_PACKAGE
    ]


def assignments_of(*, session: Session, jobseeker_id: int, statuses: Iterable[str] | None = None) -> list[Assignment]:
    query = select(Assignment).where(Assignment.jobseeker_id == jobseeker_id)
    if statuses is not None:
        query = query.where(Assignment.status.in_(list(statuses)))
    return list(session.scalars(query))


def refresh_statuses(*, session: Session, jobseeker_id: int, clock: Clock) -> list[Assignment]:
    """Open and in-progress assignments past their due date become overdue; returns those."""
    late = [
        assignment
        for assignment in assignments_of(session=session, jobseeker_id=jobseeker_id, statuses=("open", "in_progress"))
        if assignment.due_date < clock.today
    ]
    changed = []
    for assignment in late:
        # Conditional, so that of two replicas refreshing at once only one records the change.
        claimed = session.execute(
            update(Assignment)
            .where(Assignment.id == assignment.id, Assignment.status.in_(("open", "in_progress")))
            .values(status="overdue", updated_at=clock.now)
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:
            session.refresh(assignment)
            continue
        previous = assignment.status
        assignment.status = "overdue"  # what the row now holds
        _record(assignment, clock=clock, actor="system", change="status", from_value=previous, to_value="overdue")
        changed.append(assignment)
    session.flush()
    return changed


def urgency(assignment: Assignment) -> tuple[int, date, int]:
    """Overdue first (oldest due first), then open and in progress by due date, then done."""
    group = {"overdue": 0, "in_progress": 1, "open": 1}.get(assignment.status, 2)
    return (group, assignment.due_date, assignment.id)


def list_assignments(*, session: Session, jobseeker_id: int, status: str, clock: Clock) -> list[Assignment]:
    require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    refresh_statuses(session=session, jobseeker_id=jobseeker_id, clock=clock)
    statuses = {"open": OPEN_STATUSES, "done": ("done",), "all": None}[status]
    return sorted(assignments_of(session=session, jobseeker_id=jobseeker_id, statuses=statuses), key=urgency)


def record_progress(*, session: Session, assignment: Assignment, current_step: int, clock: Clock) -> Assignment:
    if assignment.status == "done":
        raise ConflictError("Assignment is already done")
    if not 0 <= current_step <= assignment.step_count:
        raise InvalidInputError("current_step is out of range for this assignment")
    refresh_statuses(session=session, jobseeker_id=assignment.jobseeker_id, clock=clock)
    if current_step != assignment.current_step:
        _record(
            assignment,
            clock=clock,
            actor="jobseeker",
            change="step",
            from_value=str(assignment.current_step),
            to_value=str(current_step),
        )
        assignment.current_step = current_step
    if assignment.status == "open":  # an overdue one stays overdue until it is done
        _record(assignment, clock=clock, actor="jobseeker", change="status", from_value="open", to_value="in_progress")
        assignment.status = "in_progress"
    _touch_activity(session=session, jobseeker_id=assignment.jobseeker_id, clock=clock)
    session.flush()
    return assignment


def _mark_done(
    assignment: Assignment, *, completion: str, clock: Clock, actor: str, consultant_id: int | None, note: str
) -> None:
    _record(
        assignment,
        clock=clock,
        actor=actor,
        consultant_id=consultant_id,
        change="status",
        from_value=assignment.status,
        to_value="done",
        note=note,
    )
    assignment.status = "done"
    assignment.completion = completion
    assignment.completed_at = clock.now
    assignment.current_step = assignment.step_count


def most_urgent_open(*, session: Session, jobseeker_id: int, clock: Clock) -> Assignment | None:
    remaining = list_assignments(session=session, jobseeker_id=jobseeker_id, status="open", clock=clock)
    return remaining[0] if remaining else None


def complete(
    *, session: Session, assignment: Assignment, how: str, consultant_id: int | None, clock: Clock
) -> tuple[Assignment, Assignment | None]:
    """Marks an assignment done; a done one stays as it is. Returns it with the next most urgent one."""
    if consultant_id is not None:
        require_consultant(session=session, consultant_id=consultant_id)
    if assignment.status != "done":
        if how == "consultant_confirmed":
            _mark_done(
                assignment, completion=how, clock=clock, actor="consultant", consultant_id=consultant_id, note=how
            )
        else:
            _mark_done(assignment, completion=how, clock=clock, actor="jobseeker", consultant_id=None, note=how)
            _touch_activity(session=session, jobseeker_id=assignment.jobseeker_id, clock=clock)
        session.flush()
    return assignment, most_urgent_open(session=session, jobseeker_id=assignment.jobseeker_id, clock=clock)


def add_note(
    *, session: Session, assignment: Assignment, kind: str, step: int | None, channel: str, clock: Clock
) -> AssignmentEvent:
    """Something the bot noticed while walking through an assignment, for the week-6 summary."""
    if step is not None and not 0 <= step <= assignment.step_count:
        raise InvalidInputError("step is out of range for this assignment")
    if step == assignment.step_count:
        step = None  # past the last step: the note is about the assignment as a whole
    event = _record(assignment, clock=clock, actor="bot", change="noticed", to_value=kind, step=step, channel=channel)
    session.flush()
    return event


def history(*, assignment: Assignment) -> list[AssignmentEvent]:
    return sorted(assignment.events, key=lambda event: (event.at, event.id))


def detect_completed(*, session: Session, jobseeker: Jobseeker, clock: Clock) -> list[Assignment]:
    """Completes the open assignments the dossier shows to be done; returns them."""
    completed = []
    for assignment in assignments_of(session=session, jobseeker_id=jobseeker.id, statuses=OPEN_STATUSES):
        detector = detection.DETECTORS.get(assignment.kind)
        if detector is None:
            continue
        vacancies = (
            detection.vacancy_activity(session=session, jobseeker_id=jobseeker.id, since=assignment.created_at)
            if assignment.kind in detection.VACANCY_KINDS
            else detection.VacancyActivity()
        )
        evidence = detection.Evidence(jobseeker=jobseeker, since=assignment.created_at, vacancies=vacancies)
        if detector.applies(evidence):
            _mark_done(
                assignment, completion="detected", clock=clock, actor="system", consultant_id=None, note=detector.note
            )
            completed.append(assignment)
    session.flush()
    return sorted(completed, key=lambda assignment: assignment.id)


def claim_reminder(*, session: Session, jobseeker_id: int, clock: Clock) -> Assignment | None:
    """Today's one reminder: the most urgent assignment due within two days or overdue, or None.

    The claim is one conditional UPDATE, so of several replicas asking at once exactly one wins.
    """
    require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    horizon = clock.today + timedelta(days=REMIND_DAYS_BEFORE_DUE)
    candidates = [
        assignment
        for assignment in list_assignments(session=session, jobseeker_id=jobseeker_id, status="open", clock=clock)
        if assignment.due_date <= horizon
    ]
    if not candidates:
        return None
    claimed = session.execute(
        update(Jobseeker)
        .where(Jobseeker.id == jobseeker_id)
        .where(or_(Jobseeker.last_reminder_on.is_(None), Jobseeker.last_reminder_on < clock.today))
        .values(last_reminder_on=clock.today)
        .execution_options(synchronize_session=False)
    )
    jobseeker = session.get(Jobseeker, jobseeker_id)
    if jobseeker is not None:
        session.expire(jobseeker, ["last_reminder_on"])
    if claimed.rowcount != 1:
        return None
    _record(candidates[0], clock=clock, actor="system", change="reminded", to_value=candidates[0].status)
    session.flush()
    return candidates[0]
