"""Sign-in state of an inbox request: the session cookie, the CSRF check, the session factory of
the live streams."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request, status
from sqlalchemy.orm import Session

from backoffice.accounts import service as accounts
from backoffice.accounts.service import SignedIn
from backoffice.clock import Clock, get_clock
from backoffice.config import Settings, get_settings
from backoffice.db import get_session, get_sessionmaker

SESSION_COOKIE = "wegwijs_inbox"
LOGIN_CSRF_COOKIE = "wegwijs_inbox_login"
COOKIE_PATH = "/inbox"

SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ClockDep = Annotated[Clock, Depends(get_clock)]


class LoginRequiredError(Exception):
    """No valid sign-in: pages redirect to the sign-in form, the JSON API answers 401."""

    def __init__(self, path: str) -> None:
        super().__init__("login required")
        self.path = path


def secure_cookies(request: Request, settings: Settings) -> bool:
    return settings.inbox_secure_cookies or request.url.scheme == "https"


def set_cookie(response, request: Request, settings: Settings, name: str, value: str, max_age: int | None) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=COOKIE_PATH,
        secure=secure_cookies(request, settings),
        httponly=True,
        samesite="lax",
    )


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def current(request: Request, session: SessionDep, settings: SettingsDep, clock: ClockDep) -> SignedIn | None:
    signed_in = accounts.resume_session(
        session=session, token=request.cookies.get(SESSION_COOKIE), settings=settings, clock=clock
    )
    session.commit()  # last_seen_at, or the removal of an expired session
    return signed_in


def require_page_user(request: Request, signed_in: Annotated[SignedIn | None, Depends(current)]) -> SignedIn:
    if signed_in is None:
        raise LoginRequiredError(request.url.path)
    return signed_in


def require_api_user(signed_in: Annotated[SignedIn | None, Depends(current)]) -> SignedIn:
    if signed_in is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Niet aangemeld")
    return signed_in


PageUser = Annotated[SignedIn, Depends(require_page_user)]
ApiUser = Annotated[SignedIn, Depends(require_api_user)]


def check_csrf(signed_in: SignedIn, token: str | None) -> None:
    if not accounts.tokens_match(signed_in.csrf_token, token):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Het formulier is verlopen. Laad de pagina opnieuw.")


def login_url(path: str) -> str:
    return f"{COOKIE_PATH}/login?next={quote(path, safe='/')}"


def safe_next(target: str | None) -> str:
    """Only a path inside the inbox: never another site (no open redirect)."""
    if target and target.startswith(f"{COOKIE_PATH}/") and not target.startswith("//") and "\\" not in target:
        if not target.startswith(f"{COOKIE_PATH}/login") and "//" not in target:
            return target
    return COOKIE_PATH


def get_session_factory() -> Callable[[], AbstractContextManager[Session]]:
    """Sessions for the live streams, one per poll (tests override it with their own session)."""
    return get_sessionmaker()
