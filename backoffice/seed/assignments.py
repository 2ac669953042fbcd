"""Gives every demo jobseeker a believable assignment history up to the seed day.

Registration is replayed through the same service the API uses (automatic package, rule set);
what the jobseeker did afterwards is replayed through the same services too, each at its own
moment, so statuses, detection and history come out as they would in real use: some CVs
uploaded (detected), job goals and contact details confirmed (detected), some assignments
reported done, some half walked through, many overdue. The demo picker's first jobseekers keep
at least two open assignments, so a demo can list, walk through and complete one.
"""

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from backoffice.assignments import proposals
from backoffice.assignments import service as assignments
from backoffice.assignments.models import Assignment
from backoffice.clock import Clock, brussels
from backoffice.consultants.models import Consultant
from backoffice.jobseekers import service as jobseekers
from backoffice.jobseekers.cv import TXT, CheckedCv
from backoffice.jobseekers.models import CvDocument, Jobseeker
from backoffice.jobseekers.schemas import DossierUpdate

SEED_OFFSET = 4  # a random stream of its own, so the jobseekers' profiles stay what they were
OPEN_IN_DEMO_PICKER = 2
CHANNELS = ("web", "web", "sms", "phone")
REJECTION_NOTES = (
    "Komt later aan bod, eerst de basisopdrachten.",
    "Besproken aan de telefoon: past nu niet.",
)

Action = tuple[datetime, Callable[[Clock], object]]


def _moment(day: date, rng: random.Random) -> Clock:
    """A moment during the day (Brussels time): people act between 8 and 21 h."""
    at = datetime.combine(day, time(rng.randint(8, 20), rng.randint(0, 59)), tzinfo=brussels())
    return Clock.at(at)


def _demo_cv(jobseeker: Jobseeker) -> bytes:
    lines = [
        "Demo-cv van een verzonnen persoon (Wegwijs-demo)",
        f"{jobseeker.first_name} {jobseeker.last_name}, {jobseeker.municipality}",
        "Gewenst werk: " + ", ".join(jobseeker.desired_occupations or ["nog te kiezen"]),
        f"Opleiding: {jobseeker.education_level}",
    ]
    return "\n".join(lines).encode()


def _upload_cv(session: Session, jobseeker: Jobseeker) -> Callable[[Clock], object]:
    content = _demo_cv(jobseeker)
    cv = CheckedCv(content_type=TXT, filename="cv.txt")
    return lambda clock: jobseekers.store_cv(session=session, jobseeker=jobseeker, cv=cv, content=content, clock=clock)


def _confirm(session: Session, jobseeker: Jobseeker, **flags: bool) -> Callable[[Clock], object]:
    update = DossierUpdate(**flags)
    return lambda clock: jobseekers.update_dossier(session=session, jobseeker=jobseeker, update=update, clock=clock)


def _report_done(session: Session, assignment: Assignment, consultant_id: int | None) -> Callable[[Clock], object]:
    how = "consultant_confirmed" if consultant_id else "self_reported"
    return lambda clock: assignments.complete(
        session=session, assignment=assignment, how=how, consultant_id=consultant_id, clock=clock
    )


def _walk(session: Session, assignment: Assignment, step: int, note: str | None, channel: str):
    def act(clock: Clock) -> None:
        if assignment.status == "done":
            return
        assignments.record_progress(session=session, assignment=assignment, current_step=step, clock=clock)
        if note is not None:
            assignments.add_note(
                session=session, assignment=assignment, kind=note, step=step, channel=channel, clock=clock
            )

    return act


def _old_cv(session: Session, jobseeker: Jobseeker, rng: random.Random) -> None:
    """A CV from long before registration: present, but no proof that "Vul je cv aan" was done."""
    uploaded = Clock.on(jobseeker.registration_date - timedelta(days=rng.randint(400, 900))).now
    session.add(
        CvDocument(
            jobseeker_id=jobseeker.id,
            filename="cv.txt",
            content_type=TXT,
            size_bytes=len(_demo_cv(jobseeker)),
            content=_demo_cv(jobseeker),
            uploaded_at=uploaded,
        )
    )
    jobseeker.cv_updated_at = uploaded


def _done_action(
    session: Session, jobseeker: Jobseeker, assignment: Assignment, consultant_id: int | None
) -> Callable[[Clock], object]:
    if assignment.kind == "complete_cv":
        return _upload_cv(session, jobseeker)
    if assignment.kind == "set_job_goals":
        return _confirm(session, jobseeker, confirm_job_goals=True)
    if assignment.kind == "check_contact_details":
        return _confirm(session, jobseeker, confirm_contact_details=True)
    return _report_done(session, assignment, consultant_id)


def _plan(
    *,
    session: Session,
    jobseeker: Jobseeker,
    package: list[Assignment],
    today: date,
    rng: random.Random,
    keep_open: int,
    consultant_id: int | None,
) -> list[Action]:
    elapsed = (today - jobseeker.registration_date).days
    if elapsed < 2:
        return []  # registered just now: nothing done yet
    done: list[Assignment] = []
    walked: list[Assignment] = []
    for assignment in package:
        due_in = (assignment.due_date - jobseeker.registration_date).days
        chance = 0.7 if elapsed > due_in + 7 else 0.4 if elapsed > due_in // 2 else 0.15
        if rng.random() < chance:
            done.append(assignment)
        elif rng.random() < 0.45:
            walked.append(assignment)
    while len(package) - len(done) < keep_open:
        walked.append(done.pop())  # the demo keeps something to do: the latest ones go back to half done

    def when(assignment: Assignment) -> int:
        due_in = (assignment.due_date - jobseeker.registration_date).days
        return rng.randint(1, max(1, min(elapsed - 1, due_in + 10)))

    actions: list[Action] = []
    for assignment in done:
        confirm_by = consultant_id if rng.random() < 0.15 else None
        clock = _moment(jobseeker.registration_date + timedelta(days=when(assignment)), rng)
        actions.append((clock.now, _done_action(session, jobseeker, assignment, confirm_by)))
    for assignment in walked:
        step = rng.randint(1, assignment.step_count - 1)
        note = rng.choice([None, None, "help_requested", "paused", "step_failed"])
        clock = _moment(jobseeker.registration_date + timedelta(days=when(assignment)), rng)
        actions.append((clock.now, _walk(session, assignment, step, note, rng.choice(CHANNELS))))
    return actions


def _digital_indicators(jobseeker: Jobseeker, rng: random.Random, today: date) -> None:
    noted = jobseeker.registration_date + timedelta(days=rng.randint(0, (today - jobseeker.registration_date).days))
    extra = []
    if rng.random() < 0.15:
        extra.append({"code": "asked_help_login", "source": "bot", "noted_on": noted.isoformat()})
    if rng.random() < 0.08:
        extra.append({"code": "consultant_noted_low_digital", "source": "consultant", "noted_on": noted.isoformat()})
    jobseeker.digital_indicators = [*(jobseeker.digital_indicators or []), *extra]


def _decide_proposals(
    *, session: Session, jobseeker: Jobseeker, rng: random.Random, consultant_id: int, clock: Clock, accept_one: bool
) -> None:
    waiting = proposals.list_proposals(session=session, jobseeker_id=jobseeker.id, status="proposed")
    for index, proposal in enumerate(waiting):
        roll = rng.random()
        if (accept_one and index == 0) or roll < 0.3:
            proposals.accept_proposal(session=session, proposal=proposal, consultant_id=consultant_id, clock=clock)
        elif roll < 0.4:
            note = rng.choice(REJECTION_NOTES)
            proposals.reject_proposal(
                session=session, proposal=proposal, consultant_id=consultant_id, note=note, clock=clock
            )


def seed_assignments(
    *,
    session: Session,
    jobseekers_in_order: list[Jobseeker],
    consultants_by_office: dict[int, list[Consultant]],
    today: date,
    demo_picker_size: int,
) -> None:
    rng = random.Random(SEED_OFFSET)
    seed_clock = Clock.on(today, hour=12)
    for index, jobseeker in enumerate(jobseekers_in_order):
        consultant = rng.choice(consultants_by_office[jobseeker.office_id])
        jobseekers.sync_dossier_indicators(jobseeker=jobseeker, clock=Clock.on(jobseeker.registration_date))
        _digital_indicators(jobseeker, rng, today)
        if rng.random() < 0.15:
            _old_cv(session, jobseeker, rng)
        package = proposals.start_assignments(
            session=session, jobseeker=jobseeker, clock=Clock.on(jobseeker.registration_date, hour=9)
        )
        actions = _plan(
            session=session,
            jobseeker=jobseeker,
            package=package,
            today=today,
            rng=rng,
            keep_open=OPEN_IN_DEMO_PICKER if index < demo_picker_size else 0,
            consultant_id=consultant.id,
        )
        for moment, act in sorted(actions, key=lambda action: action[0]):
            act(Clock(now=moment))
        proposals.refresh_proposals(session=session, jobseeker=jobseeker, clock=seed_clock)
        # Some jobseekers in the demo picker see a smart assignment next to the automatic ones.
        _decide_proposals(
            session=session,
            jobseeker=jobseeker,
            rng=rng,
            consultant_id=consultant.id,
            clock=seed_clock,
            accept_one=index < demo_picker_size and index % 3 == 1,
        )
    session.flush()
