"""The week-6 summary for the first contact: what was done, what not, what the bot noticed.

Written for a consultant in plain Dutch. It names assignments and facts, never contact details.
"""

from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.assignments.catalogue import FIRST_CONTACT_AFTER_DAYS
from backoffice.assignments.models import Assignment, AssignmentEvent, AssignmentProposal
from backoffice.assignments.schemas import DoneItem, FirstContactSummary, NotDoneItem
from backoffice.assignments.service import list_assignments, require_jobseeker
from backoffice.assignments.wording import count_in_words, dutch_date
from backoffice.clock import Clock
from backoffice.jobseekers.models import Jobseeker

CHANNEL_LABELS = {
    "web": "chat",
    "chat": "chat",
    "socketio": "chat",
    "rest": "chat",
    "sms": "sms",
    "phone": "telefoon",
    "telefoon": "telefoon",
    "telegram": "Telegram",
    "unknown": "",
}
# (with a step, without a step); steps are shown 1-based, as a person counts them.
NOTICE_WORDING = {
    "help_requested": ("Vroeg hulp bij stap {step} van '{title}'", "Vroeg hulp bij '{title}'"),
    "step_failed": ("Stap {step} van '{title}' lukte niet", "'{title}' lukte niet"),
    "paused": (
        "Stopte bij stap {step} van '{title}' om later verder te doen",
        "Stopte met '{title}' om later verder te doen",
    ),
    "person_offered": (
        "Kreeg bij stap {step} van '{title}' hulp van een persoon aangeboden",
        "Kreeg bij '{title}' hulp van een persoon aangeboden",
    ),
}
INDICATOR_WORDING = {
    "no_email": "Heeft geen e-mailadres.",
    "asked_help_login": "Vroeg hulp bij het inloggen.",
    "consultant_noted_low_digital": "Een bemiddelaar noteerde weinig digitale vaardigheden.",
}
COMPLETION_WORDING = {
    "detected": "gezien in het dossier",
    "self_reported": "zelf gemeld",
    "consultant_confirmed": "bevestigd door een bemiddelaar",
}


def _notice(event: AssignmentEvent, title: str) -> tuple[str, str]:
    with_step, without_step = NOTICE_WORDING.get(event.to_value or "", ("{title}: {kind}", "{title}: {kind}"))
    template = with_step if event.step is not None else without_step
    sentence = template.format(step=(event.step or 0) + 1, title=title, kind=event.to_value)
    return sentence, CHANNEL_LABELS.get((event.channel or "").lower(), event.channel or "")


def _noticed_in_conversations(*, session: Session, assignments: list[Assignment]) -> list[str]:
    titles = {assignment.id: assignment.title for assignment in assignments}
    events = session.scalars(
        select(AssignmentEvent)
        .where(AssignmentEvent.assignment_id.in_(list(titles)), AssignmentEvent.change == "noticed")
        .order_by(AssignmentEvent.at, AssignmentEvent.id)
    )
    # Counter keeps the order of first appearance: the same notice twice is said once, with a count.
    counts = Counter(_notice(event, titles[event.assignment_id]) for event in events)
    lines = []
    for (sentence, channel), count in counts.items():
        extra = ", ".join(part for part in (channel, f"{count} keer" if count > 1 else "") if part)
        lines.append(f"{sentence} ({extra})." if extra else f"{sentence}.")
    return lines


def _noticed_in_dossier(*, jobseeker: Jobseeker, overdue: int) -> list[str]:
    lines = []
    if not jobseeker.email:
        lines.append(INDICATOR_WORDING["no_email"])
    if jobseeker.cv_updated_at is None:
        lines.append("Heeft nog geen cv.")
    for indicator in jobseeker.digital_indicators or []:
        line = INDICATOR_WORDING.get(indicator.get("code", ""), f"Digitale aanwijzing: {indicator.get('code')}.")
        if line not in lines:
            lines.append(line)
    if overdue == 1:
        lines.append("Eén opdracht is te laat.")
    elif overdue > 1:
        lines.append(f"{count_in_words(overdue).capitalize()} opdrachten zijn te laat.")
    return lines


def _progress(item: NotDoneItem) -> str:
    state = {"open": "open", "in_progress": "bezig", "overdue": "te laat"}[item.status]
    if item.current_step >= item.step_count:
        return f"{state}, alle stappen gedaan maar nog niet gemeld"
    if item.current_step == 0:
        return f"{state}, nog niet begonnen"
    return f"{state}, aan stap {item.current_step + 1} van {item.step_count}"


def _weeks(count: int) -> str:
    return "1 week" if count == 1 else f"{count} weken"


def _text(summary: FirstContactSummary, total: int) -> str:
    parts = [
        f"Ingeschreven op {dutch_date(summary.registration_date)} ({_weeks(summary.weeks_registered)}).",
        f"Eerste contact rond {dutch_date(summary.first_contact_on)}.",
    ]
    if summary.done:
        done = ", ".join(f"'{item.title}' ({COMPLETION_WORDING[item.completion]})" for item in summary.done)
        parts.append(f"Klaar: {len(summary.done)} van {total} opdrachten: {done}.")
    else:
        parts.append(f"Nog geen opdracht klaar (0 van {total}).")
    if summary.not_done:
        not_done = "; ".join(f"'{item.title}' ({_progress(item)})" for item in summary.not_done)
        parts.append(f"Nog niet klaar: {not_done}.")
    if summary.noticed:
        parts.append("Opgemerkt: " + " ".join(summary.noticed))
    if summary.proposals_waiting:
        parts.append(f"Voorstellen voor opdrachten op maat die wachten op een beslissing: {summary.proposals_waiting}.")
    return " ".join(parts)


def first_contact_summary(*, session: Session, jobseeker_id: int, clock: Clock) -> FirstContactSummary:
    jobseeker = require_jobseeker(session=session, jobseeker_id=jobseeker_id)
    assignments = list_assignments(session=session, jobseeker_id=jobseeker_id, status="all", clock=clock)
    done = sorted(
        (item for item in assignments if item.status == "done"), key=lambda item: (item.completed_at, item.id)
    )
    not_done = [item for item in assignments if item.status != "done"]
    waiting = session.scalar(
        select(func.count(AssignmentProposal.id)).where(
            AssignmentProposal.jobseeker_id == jobseeker_id, AssignmentProposal.status == "proposed"
        )
    )
    summary = FirstContactSummary(
        jobseeker_id=jobseeker_id,
        registration_date=jobseeker.registration_date,
        weeks_registered=max(0, (clock.today - jobseeker.registration_date).days // 7),
        first_contact_on=jobseeker.registration_date + timedelta(days=FIRST_CONTACT_AFTER_DAYS),
        done=[DoneItem(title=item.title, completion=item.completion, completed_at=item.completed_at) for item in done],
        not_done=[
            NotDoneItem(
                title=item.title,
                status=item.status,
                due_date=item.due_date,
                current_step=item.current_step,
                step_count=item.step_count,
            )
            for item in not_done
        ],
        noticed=[
            *_noticed_in_conversations(session=session, assignments=assignments),
            *_noticed_in_dossier(jobseeker=jobseeker, overdue=sum(1 for item in not_done if item.status == "overdue")),
        ],
        proposals_waiting=waiting or 0,
        text="",
    )
    summary.text = _text(summary, total=len(assignments))
    return summary
