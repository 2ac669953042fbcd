"""Complaints: the register, the intake draft, submitting, the handler's review and decision.

Functions flush and never commit (the route commits). Errors carry fixed English details, never
the input: a complaint's explanations are personal data and are never logged.
"""

import secrets
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backoffice.clock import Clock
from backoffice.complaints import matching, rules, wording
from backoffice.complaints.models import CareerCentre, Complaint
from backoffice.complaints.questions import (
    ANSWERS,
    CRITERIA,
    CRITERION_CODES,
    DELIVERED,
    EXCLUSIVE_DELIVERED,
    FIELD_ASK,
    FIELDS,
    MAX_CHEQUES,
    POP_ANSWERS,
)
from backoffice.complaints.schemas import (
    AssessmentRead,
    CentreCandidate,
    CentreMatchRead,
    CentreRead,
    ComplaintListItem,
    ComplaintRead,
    CriterionAnswerRead,
    DecisionRead,
    DecisionWrite,
    FindingRead,
    MeasureRead,
    SubmitRead,
)
from backoffice.errors import ConflictError, InvalidInputError, NotFoundError
from backoffice.jobseekers.models import Jobseeker
from backoffice.notifications.service import notify

# No 0/O or 1/I: a reference is read out on the phone and typed over from a letter.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
REFERENCE_PREFIX = "KL-"
REFERENCE_LENGTH = 6
PRIOR_WINDOW = timedelta(days=365)
HANDLER_STATUSES = ("submitted", "in_review", "decided")
# The citizen's words for the answers, besides the API's codes.
_ANSWER_WORDS = {"ja": "yes", "gedeeltelijk": "partly", "deels": "partly", "nee": "no", "neen": "no"}
_POP_WORDS = {"ja": "yes", "nee": "no", "neen": "no", "weet ik niet": "unknown", "onbekend": "unknown"}


# --- the register ---


def list_centres(*, session: Session) -> list[CareerCentre]:
    return list(session.scalars(select(CareerCentre).order_by(CareerCentre.name)))


def require_centre(*, session: Session, centre_id: int) -> CareerCentre:
    centre = session.get(CareerCentre, centre_id)
    if centre is None:
        raise NotFoundError("Career centre not found")
    return centre


def match_centre(*, session: Session, query: str) -> CentreMatchRead:
    centres = {centre.id: centre for centre in list_centres(session=session)}
    entries = [matching.Entry(centre.id, centre.name, tuple(centre.aliases or ())) for centre in centres.values()]
    result = matching.match(query, entries)
    return CentreMatchRead(
        certain=result.certain,
        centre=CentreRead.model_validate(centres[result.best.centre_id]) if result.best else None,
        candidates=[
            CentreCandidate(centre=CentreRead.model_validate(centres[candidate.centre_id]), score=candidate.score)
            for candidate in result.candidates
        ],
    )


# --- the draft ---


def require_complaint(*, session: Session, complaint_id: int) -> Complaint:
    complaint = session.get(Complaint, complaint_id)
    if complaint is None:
        raise NotFoundError("Complaint not found")
    return complaint


def _new_reference(session: Session) -> str:
    while True:
        reference = REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
        if session.scalar(select(Complaint.id).where(Complaint.reference == reference)) is None:
            return reference


def _draft_of_conversation(session: Session, conversation_id: str) -> Complaint | None:
    query = select(Complaint).where(Complaint.conversation_id == conversation_id, Complaint.status == "draft")
    return session.scalars(query).first()


def _draft_of_jobseeker(session: Session, jobseeker_id: int) -> Complaint | None:
    query = (
        select(Complaint)
        .where(Complaint.jobseeker_id == jobseeker_id, Complaint.status == "draft")
        .order_by(Complaint.updated_at.desc(), Complaint.id.desc())
    )
    return session.scalars(query).first()


def start_or_continue(
    *, session: Session, conversation_id: str | None, jobseeker_id: int | None, channel: str, clock: Clock
) -> tuple[Complaint, bool]:
    """The open draft of this conversation, else of this jobseeker (another conversation or
    channel continues it), else a new one. Returns the draft and whether it is new."""
    if jobseeker_id is not None and session.get(Jobseeker, jobseeker_id) is None:
        raise NotFoundError("Jobseeker not found")
    draft = _draft_of_conversation(session, conversation_id) if conversation_id else None
    if draft is not None and jobseeker_id is not None:
        if draft.jobseeker_id not in (None, jobseeker_id):
            raise ConflictError("This conversation's draft belongs to another jobseeker")
        draft.jobseeker_id = jobseeker_id
    if draft is None and jobseeker_id is not None:
        draft = _draft_of_jobseeker(session, jobseeker_id)
        if draft is not None and conversation_id:
            draft.conversation_id = conversation_id  # the person continues in a new conversation
            draft.channel = channel
    if draft is not None:
        draft.updated_at = clock.now
        session.flush()
        return draft, False
    draft = Complaint(
        reference=_new_reference(session),
        status="draft",
        conversation_id=conversation_id,
        jobseeker_id=jobseeker_id,
        channel=channel,
        criteria={},
        created_at=clock.now,
        updated_at=clock.now,
    )
    try:
        with session.begin_nested():
            session.add(draft)
    except IntegrityError:
        # Another request opened this conversation's draft at the same moment: continue that one.
        existing = _draft_of_conversation(session, conversation_id) if conversation_id else None
        if existing is None:
            raise
        return existing, False
    return draft, True


def missing(complaint: Complaint) -> list[str]:
    answered = {
        "centre": complaint.centre_id is not None,
        "period": complaint.guidance_year is not None,
        "cheques": complaint.cheques_used is not None,
        **{code: bool((complaint.criteria or {}).get(code)) for code in CRITERION_CODES},
        "delivered": bool(complaint.delivered),
        "pop": complaint.pop_received is not None,
    }
    return [field for field in FIELDS if not answered[field]]


def _explanation(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def _choice(value: object, codes: tuple[str, ...], words: dict[str, str], what: str) -> str:
    if isinstance(value, str):
        folded = " ".join(value.lower().split())
        if folded in codes:
            return folded
        if folded in words:
            return words[folded]
    raise InvalidInputError(f"{what} must be one of: {', '.join(codes)}")


def _cheques(value: object) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_CHEQUES:
        raise InvalidInputError(f"cheques must be a whole number from 1 to {MAX_CHEQUES}")
    return value


def _delivered(value: object) -> list[str]:
    codes = [value] if isinstance(value, str) else value
    if not isinstance(codes, list) or not codes or not all(isinstance(code, str) for code in codes):
        raise InvalidInputError("delivered must be one code or a list of codes")
    codes = [code.strip().lower() for code in codes]
    if any(code not in DELIVERED for code in codes):
        raise InvalidInputError(f"delivered codes are: {', '.join(DELIVERED)}")
    if len(EXCLUSIVE_DELIVERED.intersection(codes)) > 1:
        raise InvalidInputError("Only one of test_only, advice_only, application_coaching_only, guidance_process")
    return [code for code in DELIVERED if code in codes]  # one order, no repeats


def _centre(session: Session, value: object) -> CareerCentre:
    if isinstance(value, int) and not isinstance(value, bool):
        return require_centre(session=session, centre_id=value)
    if not isinstance(value, str):
        raise InvalidInputError("centre must be a name or an id")
    found = match_centre(session=session, query=value)
    if found.centre is None:
        candidates = [candidate.model_dump(mode="json") for candidate in found.candidates]
        raise InvalidInputError("Career centre not recognised with certainty", extra={"candidates": candidates})
    return require_centre(session=session, centre_id=found.centre.id)


def set_answer(
    *, session: Session, complaint: Complaint, field: str, value: object, explanation: str | None, clock: Clock
) -> Complaint:
    """Sets (or corrects: overwrites) one answer of a draft; the same answer twice changes nothing."""
    if complaint.status != "draft":
        raise ConflictError("Complaint is no longer a draft")
    explanation = _explanation(explanation)
    if explanation is not None and field not in (*CRITERION_CODES, "delivered", "pop"):
        raise InvalidInputError("This answer takes no explanation")
    if field == "centre":
        complaint.centre_id = _centre(session, value).id
    elif field == "period":
        period = wording.parse_period(value, today=clock.today) if isinstance(value, str) else None
        if period is None:
            raise InvalidInputError("period not understood: a month and year since 2013, not in the future")
        complaint.guidance_year, complaint.guidance_month = period.year, period.month
    elif field == "cheques":
        complaint.cheques_used = _cheques(value)
    elif field in CRITERION_CODES:
        answer = _choice(value, ANSWERS, _ANSWER_WORDS, "answer")
        # A new dict: the JSON column sees the change.
        complaint.criteria = {**(complaint.criteria or {}), field: {"answer": answer, "explanation": explanation}}
    elif field == "delivered":
        complaint.delivered = _delivered(value)
        complaint.delivered_explanation = explanation
    elif field == "pop":
        complaint.pop_received = _choice(value, POP_ANSWERS, _POP_WORDS, "pop")
        complaint.pop_explanation = explanation
    else:
        raise NotFoundError("Unknown answer")
    complaint.updated_at = clock.now
    session.flush()
    return complaint


def submit(*, session: Session, complaint: Complaint, clock: Clock) -> SubmitRead:
    """Submits a complete draft; submitting again answers the same (a retry is safe)."""
    if complaint.status == "draft":
        still_missing = missing(complaint)
        if still_missing:
            raise InvalidInputError("Complaint is not complete", extra={"missing": still_missing})
        complaint.status = "submitted"
        complaint.submitted_at = clock.now
        complaint.updated_at = clock.now
        session.flush()
    return SubmitRead(
        id=complaint.id,
        reference=complaint.reference,
        status=complaint.status,  # type: ignore[arg-type]
        next_steps=wording.next_steps(complaint.reference),
        formal_channels=wording.formal_channels(),
    )


# --- assessment and reads ---


def answers_of(complaint: Complaint) -> rules.Answers:
    criteria = {
        code: rules.Answer(item["answer"], item.get("explanation"))
        for code, item in (complaint.criteria or {}).items()
        if item
    }
    return rules.Answers(
        criteria=criteria,
        delivered=tuple(complaint.delivered) if complaint.delivered else None,
        delivered_explanation=complaint.delivered_explanation,
        pop=complaint.pop_received,
        pop_explanation=complaint.pop_explanation,
    )


def prior_not_conformant(*, session: Session, complaint: Complaint) -> int:
    """'Not conformant' decisions for the same centre in the year before this complaint."""
    if complaint.centre_id is None:
        return 0
    moment = complaint.submitted_at or complaint.updated_at
    query = select(func.count(Complaint.id)).where(
        Complaint.centre_id == complaint.centre_id,
        Complaint.id != complaint.id,
        Complaint.outcome == "not_conformant",
        Complaint.decided_at >= moment - PRIOR_WINDOW,
        Complaint.decided_at <= moment,
    )
    return session.scalar(query) or 0


def assessment(*, session: Session, complaint: Complaint) -> AssessmentRead:
    prior = prior_not_conformant(session=session, complaint=complaint)
    result = rules.assess(answers_of(complaint), prior_not_conformant=prior)
    return AssessmentRead(
        verdict=result.verdict,
        verdict_label=result.verdict_label,
        findings=[
            FindingRead(code=finding.code, effect=finding.effect, text=finding.text, evidence=list(finding.evidence))
            for finding in result.findings
        ],
        criteria_not_met=list(result.criteria_not_met),
        suggested_measures=[MeasureRead(code=code, label=rules.MEASURES[code]) for code in result.suggested_measures],
        prior_not_conformant=prior,
    )


def citizen_text(complaint: Complaint) -> str | None:
    if complaint.outcome is None:
        return None
    return wording.outcome_text(
        reference=complaint.reference,
        centre=complaint.centre.name if complaint.centre else None,
        outcome=complaint.outcome,
        restore_right=complaint.restore_right,
    )


def _decision(complaint: Complaint) -> DecisionRead | None:
    if complaint.outcome is None or complaint.decided_at is None:
        return None
    return DecisionRead(
        outcome=complaint.outcome,  # type: ignore[arg-type]
        reclaim_amount=complaint.reclaim_amount,
        restore_right=complaint.restore_right,
        address_centre=complaint.address_centre,
        suspend_mandate=complaint.suspend_mandate,
        note=complaint.decision_note,
        decided_at=complaint.decided_at,
        citizen_text=citizen_text(complaint) or "",
    )


def to_read(*, session: Session, complaint: Complaint) -> ComplaintRead:
    criteria = complaint.criteria or {}
    still_missing = missing(complaint)
    return ComplaintRead(
        id=complaint.id,
        reference=complaint.reference,
        status=complaint.status,  # type: ignore[arg-type]
        conversation_id=complaint.conversation_id,
        jobseeker_id=complaint.jobseeker_id,
        channel=complaint.channel,
        centre=CentreRead.model_validate(complaint.centre) if complaint.centre else None,
        guidance_year=complaint.guidance_year,
        guidance_month=complaint.guidance_month,
        period_text=wording.period_text(complaint.guidance_year, complaint.guidance_month),
        cheques_used=complaint.cheques_used,
        criteria=[
            CriterionAnswerRead(
                code=criterion.code,
                question=criterion.label,
                answer=(criteria.get(criterion.code) or {}).get("answer"),
                explanation=(criteria.get(criterion.code) or {}).get("explanation"),
            )
            for criterion in CRITERIA
        ],
        delivered=complaint.delivered,
        delivered_explanation=complaint.delivered_explanation,
        pop_received=complaint.pop_received,  # type: ignore[arg-type]
        pop_explanation=complaint.pop_explanation,
        missing=still_missing,
        next_question=still_missing[0] if still_missing else None,
        next_question_text=FIELD_ASK[still_missing[0]] if still_missing else None,
        recap=wording.recap_lines(
            centre=complaint.centre.name if complaint.centre else None,
            year=complaint.guidance_year,
            month=complaint.guidance_month,
            cheques=complaint.cheques_used,
            criteria=criteria,
            delivered=complaint.delivered,
            pop=complaint.pop_received,
        ),
        created_at=complaint.created_at,
        updated_at=complaint.updated_at,
        submitted_at=complaint.submitted_at,
        assessment=assessment(session=session, complaint=complaint),
        decision=_decision(complaint),
    )


def list_complaints(
    *,
    session: Session,
    status: str | None = None,
    centre_id: int | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[int, list[Complaint]]:
    """Submitted complaints for the handlers (never drafts), newest first."""
    query = select(Complaint).where(Complaint.status.in_(HANDLER_STATUSES))
    if status is not None:
        query = query.where(Complaint.status == status)
    if centre_id is not None:
        query = query.where(Complaint.centre_id == centre_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(Complaint.submitted_at.desc(), Complaint.id.desc()).limit(limit).offset(offset)
    )
    return total, list(rows)


def list_item(*, session: Session, complaint: Complaint) -> ComplaintListItem:
    result = assessment(session=session, complaint=complaint)
    return ComplaintListItem(
        id=complaint.id,
        reference=complaint.reference,
        status=complaint.status,  # type: ignore[arg-type]
        channel=complaint.channel,
        centre=CentreRead.model_validate(complaint.centre) if complaint.centre else None,
        submitted_at=complaint.submitted_at,
        verdict=result.verdict,
        verdict_label=result.verdict_label,
        findings=len(result.findings),
        outcome=complaint.outcome,  # type: ignore[arg-type]
    )


# --- the handler ---


def start_review(*, session: Session, complaint: Complaint, clock: Clock) -> Complaint:
    if complaint.status == "in_review":
        return complaint
    if complaint.status != "submitted":
        raise ConflictError("Only a submitted complaint can be taken into review")
    complaint.status = "in_review"
    complaint.review_started_at = clock.now
    session.flush()
    return complaint


def decide(
    *, session: Session, complaint: Complaint, decision: DecisionWrite, account_id: int | None, clock: Clock
) -> Complaint:
    """Records the outcome and the measures of the seed; the citizen gets a notification."""
    if complaint.status not in ("submitted", "in_review"):
        raise ConflictError("Only a submitted complaint can be decided, once")
    reclaim = decision.reclaim_amount is not None
    if decision.outcome == "conformant" and (reclaim or decision.restore_right or decision.suspend_mandate):
        raise InvalidInputError("A conformant complaint takes no reclaim, restored right or suspension")
    if decision.outcome == "not_conformant" and not (
        reclaim or decision.restore_right or decision.address_centre or decision.suspend_mandate
    ):
        raise InvalidInputError("A not conformant complaint needs at least one measure")
    if decision.suspend_mandate and complaint.centre is None:
        raise InvalidInputError("Suspending a mandate needs a centre")
    complaint.outcome = decision.outcome
    complaint.reclaim_amount = decision.reclaim_amount
    complaint.restore_right = decision.restore_right
    complaint.address_centre = decision.address_centre
    complaint.suspend_mandate = decision.suspend_mandate
    complaint.decision_note = _explanation(decision.note)
    complaint.decided_by_account_id = account_id
    complaint.decided_at = clock.now
    complaint.review_started_at = complaint.review_started_at or clock.now
    complaint.status = "decided"
    if decision.suspend_mandate and complaint.centre is not None and complaint.centre.mandate_status != "suspended":
        complaint.centre.mandate_status = "suspended"
        complaint.centre.mandate_suspended_on = clock.today
    if complaint.jobseeker_id is not None:
        notify(
            session=session,
            jobseeker_id=complaint.jobseeker_id,
            kind="complaint_decided",
            title="Je klacht over de loopbaancheque",
            body=citizen_text(complaint) or "",
            clock=clock,
        )
    session.flush()
    return complaint
