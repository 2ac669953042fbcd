"""The inbox pages: sign-in, queue, conversation, dossier, audit log, accounts.

Every action calls the existing services (backoffice/handoffs/service.py and friends) and then
redirects (303) to a page, so a reload never repeats a POST. Every POST checks the session's CSRF
token. Templates escape every value (Jinja's autoescape): a jobseeker's text is never markup.
"""

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from backoffice.accounts import permissions
from backoffice.accounts import service as accounts
from backoffice.accounts.models import ROLES
from backoffice.accounts.service import SignedIn, ThrottledError
from backoffice.clock import Clock
from backoffice.errors import DomainError
from backoffice.handoffs import delivery
from backoffice.handoffs import service as handoffs
from backoffice.handoffs.models import Handoff
from backoffice.handoffs.rasa_client import RasaClient
from backoffice.handoffs.routes import get_rasa_client
from backoffice.handoffs.schemas import MAX_CONSULTANT_CHARS
from backoffice.inbox import reports, views, work
from backoffice.inbox.deps import (
    COOKIE_PATH,
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    ClockDep,
    PageUser,
    SessionDep,
    SettingsDep,
    check_csrf,
    client_address,
    current,
    safe_next,
    set_cookie,
)
from backoffice.inbox.pages import (  # noqa: F401 - INBOX_DIR and templates are imported from here
    INBOX_DIR,
    CsrfField,
    _visible_handoff,
    error_page,
    render,
    see_other,
    templates,
)
from backoffice.jobseekers.models import Jobseeker
from backoffice.offices.service import list_offices
from backoffice.types import DbIdPath

router = APIRouter(prefix=COOKIE_PATH, include_in_schema=False)
RasaDep = Annotated[RasaClient, Depends(get_rasa_client)]


# --- sign-in ---


def _login_form(request: Request, settings, *, status_code: int = 200, error: str | None = None, email: str = ""):
    token = secrets.token_urlsafe(32)
    response = render(
        request,
        "login.html",
        None,
        status_code=status_code,
        login_token=token,
        error=error,
        email=email,
        next=safe_next(request.query_params.get("next")),
    )
    set_cookie(response, request, settings, LOGIN_CSRF_COOKIE, token, max_age=3600)
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, settings: SettingsDep, signed_in: Annotated[SignedIn | None, Depends(current)]):
    if signed_in is not None:
        return see_other(COOKIE_PATH)
    return _login_form(request, settings)


@router.post("/login")
def login(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
    email: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=500)],
    login_token: CsrfField,
    next: Annotated[str, Form(max_length=500)] = COOKIE_PATH,
):
    if not accounts.tokens_match(request.cookies.get(LOGIN_CSRF_COOKIE, ""), login_token):
        return _login_form(request, settings, status_code=403, error="Het formulier is verlopen. Probeer opnieuw.")
    try:
        account = accounts.authenticate(
            session=session,
            email=email,
            password=password,
            address=client_address(request),
            settings=settings,
            clock=clock,
        )
    except ThrottledError as throttled:
        minutes = max(1, int(throttled.retry_after.total_seconds() // 60) + 1)
        response = _login_form(
            request,
            settings,
            status_code=429,
            email=email,
            error=f"Te veel mislukte pogingen. Probeer opnieuw over {minutes} minuten.",
        )
        response.headers["Retry-After"] = str(int(throttled.retry_after.total_seconds()) + 1)
        return response
    if account is None:
        session.commit()  # the failed attempt counts, also after a restart
        return _login_form(
            request, settings, status_code=401, email=email, error="Het e-mailadres of het wachtwoord klopt niet."
        )
    token = accounts.start_session(session=session, account=account, settings=settings, clock=clock)
    session.commit()
    response = see_other(safe_next(next))
    set_cookie(response, request, settings, SESSION_COOKIE, token, max_age=int(settings.inbox_session_hours * 3600))
    response.delete_cookie(LOGIN_CSRF_COOKIE, path=COOKIE_PATH)
    return response


@router.post("/logout")
def logout(request: Request, user: PageUser, session: SessionDep, settings: SettingsDep, csrf_token: CsrfField):
    check_csrf(user, csrf_token)
    accounts.end_session(session=session, token_hash=user.token_hash)
    session.commit()
    response = see_other(f"{COOKIE_PATH}/login")
    response.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH, secure=True, httponly=True, samesite="lax")
    return response


# --- home and queue ---


@router.get("", response_class=HTMLResponse)
def home(user: PageUser):
    if permissions.handles_handoffs(user.account):
        return see_other(f"{COOKIE_PATH}/queue")
    if permissions.can_manage_accounts(user.account):
        return see_other(f"{COOKIE_PATH}/accounts")
    return see_other(f"{COOKIE_PATH}/complaints")  # the complaint pages: backoffice/inbox/complaints.py


@router.get("/queue", response_class=HTMLResponse)
def queue_page(request: Request, user: PageUser, session: SessionDep, settings: SettingsDep, clock: ClockDep):
    permissions.require(permissions.handles_handoffs(user.account))
    rows = views.queue(session=session, account=user.account, settings=settings, clock=clock)
    return render(request, "queue.html", user, rows=rows)


# --- one conversation ---


@router.get("/handoffs/{handoff_id}", response_class=HTMLResponse)
def handoff_page(
    request: Request, handoff_id: DbIdPath, user: PageUser, session: SessionDep, settings: SettingsDep, clock: ClockDep
):
    handoff = _visible_handoff(session, user, handoff_id)
    jobseeker = session.get(Jobseeker, handoff.jobseeker_id) if handoff.jobseeker_id else None
    dossier = work_data = None
    if jobseeker is not None and permissions.can_see_dossier(user.account, jobseeker):
        dossier = views.dossier(session=session, jobseeker=jobseeker, clock=clock)
        work_data = work.dossier_work(
            session=session, jobseeker=jobseeker, clock=clock, query=request.query_params, back=handoff.id
        )
    accounts.audit(
        session=session, account=user.account, action="view_handoff", clock=clock,
        jobseeker_id=handoff.jobseeker_id, handoff_id=handoff.id,
    )  # fmt: skip
    session.commit()
    read = handoffs.to_read(session=session, handoff=handoff, settings=settings, clock=clock)
    transcript, messages = views.conversation_lines(session=session, handoff=handoff)
    consultant = views._consultant_names(session, {handoff.consultant_id} if handoff.consultant_id else set())
    return render(
        request,
        "handoff.html",
        user,
        handoff=read,
        jobseeker=jobseeker,
        dossier=dossier,
        work=work_data,
        transcript=transcript,
        messages=messages,
        last_message_id=max((line.message_id or 0 for line in messages), default=0),
        state_key=_state_key(handoff),
        mine=handoff.state == "accepted" and handoff.consultant_id == user.account.consultant_id,
        consultant_name=consultant.get(handoff.consultant_id or 0),
        past=views.past_handoffs(session=session, handoff=handoff),
        offices=[office for office in list_offices(session=session) if office.kind == "werkwinkel"],
    )


def _state_key(handoff: Handoff) -> str:
    return f"{handoff.state}:{handoff.consultant_id or 0}:{handoff.office_id or 0}"


def _act(
    request: Request,
    user: SignedIn,
    session,
    clock: Clock,
    rasa: RasaClient,
    handoff_id: int,
    csrf_token: str,
    action: str,
    change,
) -> Response:
    """The frame of every handoff action: CSRF, permission, the service call, commit, delivery, audit."""
    check_csrf(user, csrf_token)
    handoff = _visible_handoff(session, user, handoff_id)
    if user.account.consultant_id is None:
        return error_page(request, user, 403, "Je account is niet gekoppeld aan een medewerker.")
    try:
        change(handoff)
    except DomainError as error:
        session.rollback()
        message = {
            409: "Dat kan nu niet meer: iemand anders was je voor, of het gesprek is al afgelopen.",
            404: "Niet gevonden.",
        }.get(error.status_code, "Dat lukte niet. Controleer wat je invulde.")
        return error_page(request, user, error.status_code, message)
    accounts.audit(
        session=session, account=user.account, action=action, clock=clock,
        jobseeker_id=handoff.jobseeker_id, handoff_id=handoff.id,
    )  # fmt: skip
    session.commit()
    delivery.deliver_handoff(session=session, client=rasa, handoff_id=handoff.id, clock=clock)
    return see_other(f"{COOKIE_PATH}/handoffs/{handoff.id}")


@router.post("/handoffs/{handoff_id}/claim")
def claim(
    request: Request, handoff_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep, rasa: RasaDep,
    csrf_token: CsrfField,
):  # fmt: skip
    def change(handoff: Handoff) -> None:
        handoffs.claim(session=session, handoff=handoff, consultant_id=user.account.consultant_id, clock=clock)

    return _act(request, user, session, clock, rasa, handoff_id, csrf_token, "claim", change)


@router.post("/handoffs/{handoff_id}/reply")
def reply(
    request: Request, handoff_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep, rasa: RasaDep,
    csrf_token: CsrfField, text: Annotated[str, Form(max_length=MAX_CONSULTANT_CHARS * 2)],
):  # fmt: skip
    text = text.strip()
    if not text or len(text) > MAX_CONSULTANT_CHARS:
        return error_page(request, user, 422, f"Een bericht heeft 1 tot {MAX_CONSULTANT_CHARS} tekens.")

    def change(handoff: Handoff) -> None:
        handoffs.post_message(
            session=session, handoff=handoff, consultant_id=user.account.consultant_id, text=text, clock=clock
        )

    return _act(request, user, session, clock, rasa, handoff_id, csrf_token, "reply", change)


@router.post("/handoffs/{handoff_id}/hand-back")
def hand_back(
    request: Request, handoff_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep, rasa: RasaDep,
    csrf_token: CsrfField, note: Annotated[str, Form(max_length=500)] = "",
):  # fmt: skip
    def change(handoff: Handoff) -> None:
        handoffs.hand_back(
            session=session, handoff=handoff, consultant_id=user.account.consultant_id,
            note=note.strip() or None, clock=clock,
        )  # fmt: skip

    return _act(request, user, session, clock, rasa, handoff_id, csrf_token, "hand_back", change)


@router.post("/handoffs/{handoff_id}/close")
def close(
    request: Request, handoff_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep, rasa: RasaDep,
    csrf_token: CsrfField, outcome: Annotated[str, Form(max_length=500)],
):  # fmt: skip
    outcome = outcome.strip()
    if not outcome:
        return error_page(request, user, 422, "Kies of beschrijf een uitkomst.")

    def change(handoff: Handoff) -> None:
        handoffs.close(
            session=session, handoff=handoff, consultant_id=user.account.consultant_id, outcome=outcome, clock=clock
        )

    return _act(request, user, session, clock, rasa, handoff_id, csrf_token, "close", change)


@router.post("/handoffs/{handoff_id}/redirect")
def redirect(
    request: Request, handoff_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep, rasa: RasaDep,
    csrf_token: CsrfField, office_id: Annotated[int, Form(gt=0, le=2**31 - 1)],
):  # fmt: skip
    def change(handoff: Handoff) -> None:
        if handoff.state == "accepted" and handoff.consultant_id != user.account.consultant_id:
            raise handoffs.ConflictError("Handoff is handled by another consultant")
        handoffs.redirect(session=session, handoff=handoff, office_id=office_id, clock=clock)

    response = _act(request, user, session, clock, rasa, handoff_id, csrf_token, "redirect", change)
    # The conversation may now belong to another region: back to the queue.
    return see_other(f"{COOKIE_PATH}/queue") if response.status_code == 303 else response


# --- dossier ---


@router.get("/dossiers/{jobseeker_id}", response_class=HTMLResponse)
def dossier_page(request: Request, jobseeker_id: DbIdPath, user: PageUser, session: SessionDep, clock: ClockDep):
    permissions.require(permissions.handles_handoffs(user.account))
    jobseeker = session.get(Jobseeker, jobseeker_id)
    if jobseeker is None:
        return error_page(request, user, 404, "Dit dossier bestaat niet.")
    permissions.require(permissions.can_see_dossier(user.account, jobseeker))
    accounts.audit(session=session, account=user.account, action="view_dossier", clock=clock, jobseeker_id=jobseeker.id)
    session.commit()
    return render(
        request,
        "dossier_page.html",
        user,
        dossier=views.dossier(session=session, jobseeker=jobseeker, clock=clock),
        work=work.dossier_work(session=session, jobseeker=jobseeker, clock=clock, query=request.query_params),
    )


# --- audit log ---


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    user: PageUser,
    session: SessionDep,
    jobseeker_id: Annotated[int | None, Query(gt=0, le=2**31 - 1)] = None,
):
    permissions.require(permissions.can_see_reports(user.account))
    events = accounts.audit_log(session=session, jobseeker_id=jobseeker_id)
    return render(request, "audit.html", user, events=events, jobseeker_id=jobseeker_id)


# --- accounts (admin) ---


@router.get("/accounts", response_class=HTMLResponse)
def accounts_page(request: Request, user: PageUser, session: SessionDep):
    permissions.require(permissions.can_manage_accounts(user.account))
    return render(
        request,
        "accounts.html",
        user,
        accounts=accounts.list_accounts(session=session),
        roles=ROLES,
        offices=[office for office in list_offices(session=session) if office.kind == "werkwinkel"],
        error=request.query_params.get("fout") == "1",
    )


@router.post("/accounts")
def save_account(
    request: Request, user: PageUser, session: SessionDep, clock: ClockDep, csrf_token: CsrfField,
    email: Annotated[str, Form(max_length=200)], display_name: Annotated[str, Form(max_length=160)],
    role: Annotated[str, Form(max_length=20)], password: Annotated[str, Form(max_length=500)] = "",
    office_id: Annotated[str, Form(max_length=12)] = "",
):  # fmt: skip
    check_csrf(user, csrf_token)
    permissions.require(permissions.can_manage_accounts(user.account))
    try:
        accounts.save_account(
            session=session, email=email, display_name=display_name, role=role, password=password or None,
            office_id=int(office_id) if office_id.isdigit() else None, clock=clock,
        )  # fmt: skip
    except DomainError:
        session.rollback()
        return see_other(f"{COOKIE_PATH}/accounts?fout=1")
    session.commit()
    return see_other(f"{COOKIE_PATH}/accounts")


@router.post("/accounts/{account_id}/active")
def set_active(
    account_id: DbIdPath, user: PageUser, session: SessionDep, csrf_token: CsrfField,
    active: Annotated[bool, Form()],
):  # fmt: skip
    check_csrf(user, csrf_token)
    permissions.require(permissions.can_manage_accounts(user.account))
    target = accounts.require_account(session=session, account_id=account_id)
    permissions.require(target.id != user.account.id)  # nobody locks themselves out
    accounts.set_active(session=session, account=target, active=active)
    session.commit()
    return see_other(f"{COOKIE_PATH}/accounts")


# Booking, vacancy suggestions and smart-assignment proposals on a dossier; calendar and overview.
router.include_router(work.router)
router.include_router(reports.router)
