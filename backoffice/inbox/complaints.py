"""The complaint handler's pages: the list with the preliminary assessment, one complaint with
its answers and a decision form, and the per-centre analysis (seed 003, "Manier 9").

Complaint handlers and admins only; everyone else gets 403. Same patterns as the other inbox
pages: CSRF on every POST, 303 after it, the audit log for every opened complaint, escaped
values. Charts are inline SVG drawn on the server (no script, no inline style: the CSP holds).
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request, Response
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from backoffice.accounts import permissions
from backoffice.accounts import service as accounts
from backoffice.accounts.service import SignedIn
from backoffice.complaints import analysis, rules
from backoffice.complaints import service as complaints
from backoffice.complaints.models import Complaint
from backoffice.complaints.questions import ANSWER_LABELS, CRITERIA, DELIVERED, POP_LABELS
from backoffice.complaints.schemas import DecisionWrite
from backoffice.complaints.wording import period_text
from backoffice.errors import DomainError
from backoffice.inbox.deps import COOKIE_PATH, ClockDep, PageUser, SessionDep, check_csrf
from backoffice.inbox.routes import render, see_other
from backoffice.types import DbIdPath

router = APIRouter(prefix=f"{COOKIE_PATH}/complaints", include_in_schema=False)
CsrfField = Annotated[str, Form(max_length=100)]
PAGE_SIZE = 50
HANDLERS = ("complaint_handler", "admin")
STATUS_LABELS = {"submitted": "Nieuw", "in_review": "In behandeling", "decided": "Beslist", "draft": "Concept"}
OUTCOME_LABELS = {"conformant": "Conform", "not_conformant": "Niet conform"}
CHANNEL_LABELS = {
    "web": "Webchat", "rest": "Chat", "sms": "Sms", "phone": "Telefoon", "telegram": "Telegram",
    "form": "Klachtenformulier", "email": "E-mail",
}  # fmt: skip


def _require_handler(user: SignedIn) -> None:
    permissions.require(user.account.role in HANDLERS)


def _page(request: Request, name: str, user: SignedIn, status_code: int = 200, **context) -> HTMLResponse:
    return render(
        request, name, user, status_code=status_code,
        STATUS_LABELS=STATUS_LABELS, OUTCOME_LABELS=OUTCOME_LABELS, CHANNEL_LABELS=CHANNEL_LABELS,
        VERDICTS=rules.VERDICTS, MEASURES=rules.MEASURES, **context,
    )  # fmt: skip


# --- charts ---


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    label: str
    value: int | float
    text: str


def month_bars(months: list[tuple[str, int]], *, height: int = 120, width: int = 36) -> list[Bar]:
    """Vertical bars, one a month, scaled to the highest month."""
    top = max((count for _, count in months), default=0) or 1
    bars = []
    for index, (key, count) in enumerate(months):
        bar_height = round(count / top * (height - 20))
        bars.append(Bar(index * width + 4, height - bar_height, width - 8, bar_height, key[2:], count, str(count)))
    return bars


def share_bars(criteria: list[analysis.CriterionFigure], *, width: int = 300) -> list[Bar]:
    """Horizontal bars: the share answered "no" per definition question."""
    bars = []
    for index, item in enumerate(criteria):
        share = item.share_not_met or 0.0
        text = "–" if item.share_not_met is None else f"{round(share * 100)}%"
        bars.append(Bar(170, index * 28 + 4, round(share * width), 18, item.label, share, text))
    return bars


# --- the analysis (before /{complaint_id}: "centres" is no id) ---


@router.get("/centres", response_class=HTMLResponse)
def centres_page(request: Request, user: PageUser, session: SessionDep, clock: ClockDep):
    _require_handler(user)
    total = analysis.overall(session=session, today=clock.today)
    centres = analysis.per_centre(session=session, today=clock.today)
    return _page(
        request, "complaints_centres.html", user, total=total, centres=centres,
        months=analysis.month_keys(clock.today), month_bars=month_bars(total.months),
        share_bars=share_bars(total.criteria),
    )  # fmt: skip


@router.get("/centres.csv")
def centres_csv(user: PageUser, session: SessionDep, clock: ClockDep):
    _require_handler(user)
    content = analysis.to_csv(analysis.per_centre(session=session, today=clock.today))
    return Response(
        content,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="klachten-per-centrum-{clock.today:%Y-%m-%d}.csv"'},
    )


@router.get("/centres/{centre_id}", response_class=HTMLResponse)
def centre_page(request: Request, centre_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep):
    _require_handler(user)
    try:
        centre = complaints.require_centre(session=session, centre_id=centre_id)
    except DomainError:
        return _page(request, "error.html", user, status_code=404, message="Dit loopbaancentrum bestaat niet.")
    months = analysis.month_keys(clock.today)
    rows = analysis.load_rows(
        session=session, since=analysis.date.fromisoformat(months[0] + "-01"), centre_id=centre.id
    )
    numbers = analysis.figures(rows, today=clock.today)
    _, items = complaints.list_complaints(session=session, centre_id=centre.id, limit=PAGE_SIZE)
    return _page(
        request, "complaints_centre.html", user, centre=centre, numbers=numbers,
        month_bars=month_bars(numbers.months), share_bars=share_bars(numbers.criteria),
        items=[complaints.list_item(session=session, complaint=item) for item in items],
        finding_labels=_finding_labels(),
    )  # fmt: skip


def _finding_labels() -> dict[str, str]:
    return {rule.code: rule.text for rule in rules.RULES}


# --- the list and one complaint ---


@router.get("", response_class=HTMLResponse)
def list_page(
    request: Request,
    user: PageUser,
    session: SessionDep,
    status: Annotated[str | None, Query(max_length=20)] = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
):
    _require_handler(user)
    status = status if status in complaints.HANDLER_STATUSES else None
    total, rows = complaints.list_complaints(
        session=session, status=status, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
    )
    return _page(
        request, "complaints_list.html", user, status=status, page=page, total=total,
        pages=max(1, -(-total // PAGE_SIZE)),
        items=[complaints.list_item(session=session, complaint=row) for row in rows],
    )  # fmt: skip


def _detail(request: Request, user: SignedIn, session, complaint: Complaint, *, status_code=200, error=None, form=None):
    read = complaints.to_read(session=session, complaint=complaint)
    return _page(
        request, "complaint.html", user, status_code=status_code, complaint=read, error=error, form=form or {},
        ANSWER_LABELS=ANSWER_LABELS, POP_LABELS=POP_LABELS, DELIVERED=DELIVERED, CRITERIA=CRITERIA,
        period=period_text(complaint.guidance_year, complaint.guidance_month),
    )  # fmt: skip


def _visible(session, user: SignedIn, complaint_id: int) -> Complaint | None:
    _require_handler(user)
    try:
        complaint = complaints.require_complaint(session=session, complaint_id=complaint_id)
    except DomainError:
        return None
    return None if complaint.status == "draft" else complaint  # drafts are the conversation's


def _not_found(request: Request, user: SignedIn) -> HTMLResponse:
    return _page(request, "error.html", user, status_code=404, message="Deze klacht bestaat niet.")


@router.get("/{complaint_id}", response_class=HTMLResponse)
def complaint_page(request: Request, complaint_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep):
    complaint = _visible(session, user, complaint_id)
    if complaint is None:
        return _not_found(request, user)
    accounts.audit(
        session=session, account=user.account, action="view_complaint", clock=clock, jobseeker_id=complaint.jobseeker_id
    )
    session.commit()
    return _detail(request, user, session, complaint)


@router.post("/{complaint_id}/review")
def review(
    request: Request, complaint_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep,
    csrf_token: CsrfField,
):  # fmt: skip
    check_csrf(user, csrf_token)
    complaint = _visible(session, user, complaint_id)
    if complaint is None:
        return _not_found(request, user)
    try:
        complaints.start_review(session=session, complaint=complaint, clock=clock)
    except DomainError:
        session.rollback()
        return _detail(request, user, session, complaint, status_code=409, error="Deze klacht is al beslist.")
    accounts.audit(
        session=session, account=user.account, action="review_complaint", clock=clock,
        jobseeker_id=complaint.jobseeker_id,
    )  # fmt: skip
    session.commit()
    return see_other(f"{COOKIE_PATH}/complaints/{complaint.id}")


def _amount(text: str) -> Decimal | None:
    """ "550", "550,00", "1.100,50" or "1100.50" euro; None when empty."""
    text = text.strip().replace("€", "").replace(" ", "")
    if not text:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError("amount") from None


@router.post("/{complaint_id}/decision")
def decision(
    request: Request, complaint_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep,
    csrf_token: CsrfField, outcome: Annotated[str, Form(max_length=20)] = "",
    reclaim_amount: Annotated[str, Form(max_length=20)] = "", restore_right: Annotated[bool, Form()] = False,
    address_centre: Annotated[bool, Form()] = False, suspend_mandate: Annotated[bool, Form()] = False,
    note: Annotated[str, Form(max_length=2000)] = "",
):  # fmt: skip
    check_csrf(user, csrf_token)
    complaint = _visible(session, user, complaint_id)
    if complaint is None:
        return _not_found(request, user)
    form = {
        "outcome": outcome, "reclaim_amount": reclaim_amount, "restore_right": restore_right,
        "address_centre": address_centre, "suspend_mandate": suspend_mandate, "note": note,
    }  # fmt: skip
    try:
        body = DecisionWrite(
            outcome=outcome, reclaim_amount=_amount(reclaim_amount), restore_right=restore_right,
            address_centre=address_centre, suspend_mandate=suspend_mandate, note=note or None,
        )  # fmt: skip
    except (ValueError, ValidationError):
        message = "Kies een uitkomst en vul een geldig bedrag in euro in (bijvoorbeeld 550,00), of laat het leeg."
        return _detail(request, user, session, complaint, status_code=422, error=message, form=form)
    try:
        complaints.decide(session=session, complaint=complaint, decision=body, account_id=user.account.id, clock=clock)
    except DomainError as error:
        session.rollback()
        message = {
            409: "Deze klacht is al beslist.",
        }.get(
            error.status_code,
            "Dat past niet samen: bij 'conform' geen terugvordering, terugplaatsing of schorsing; "
            "bij 'niet conform' minstens één maatregel.",
        )
        return _detail(request, user, session, complaint, status_code=error.status_code, error=message, form=form)
    accounts.audit(
        session=session, account=user.account, action="decide_complaint", clock=clock,
        jobseeker_id=complaint.jobseeker_id,
    )  # fmt: skip
    session.commit()
    return see_other(f"{COOKIE_PATH}/complaints/{complaint.id}")
