"""What every inbox page module shares: the templates, rendering, redirects and error pages."""

from pathlib import Path
from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from backoffice.accounts import permissions
from backoffice.accounts.models import ROLE_LABELS
from backoffice.accounts.service import SignedIn
from backoffice.handoffs import service as handoffs
from backoffice.handoffs.models import Handoff
from backoffice.handoffs.schemas import MAX_CONSULTANT_CHARS
from backoffice.inbox import views

INBOX_DIR = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=INBOX_DIR / "templates")
templates.env.globals.update(
    CHANNELS=views.CHANNELS,
    REASONS=views.REASONS,
    STATES=views.STATES,
    LEVELS=views.LEVELS,
    PRIORITIES=views.PRIORITIES,
    OUTCOMES=views.OUTCOMES,
    ROLE_LABELS=ROLE_LABELS,
    MAX_CONSULTANT_CHARS=MAX_CONSULTANT_CHARS,
)
templates.env.filters["local"] = views.local
templates.env.filters["local_time"] = views.local_time

CsrfField = Annotated[str, Form(max_length=100)]


def render(request: Request, name: str, user: SignedIn | None, status_code: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(
        request=request,
        name=name,
        context={"user": user.account if user else None, "csrf_token": user.csrf_token if user else "", **context},
        status_code=status_code,
    )


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def error_page(request: Request, user: SignedIn, status_code: int, message: str, back: str | None = None):
    return render(request, "error.html", user, status_code=status_code, message=message, back=back)


def _visible_handoff(session: Session, user: SignedIn, handoff_id: int) -> Handoff:
    permissions.require(permissions.handles_handoffs(user.account))
    handoff = handoffs.require_handoff(session=session, handoff_id=handoff_id)
    permissions.require(permissions.can_see_handoff(user.account, handoff))
    return handoff
