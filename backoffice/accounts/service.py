"""Sign-in with a throttle, server-side sessions, accounts and the audit log.

Functions flush and never commit; the routes commit. Nothing here logs a name, an address or a
password.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from backoffice.accounts import passwords
from backoffice.accounts.models import ROLES, Account, AccountSession, AuditEvent, LoginAttempt
from backoffice.clock import Clock
from backoffice.config import Settings
from backoffice.consultants.models import Consultant
from backoffice.errors import InvalidInputError, NotFoundError
from backoffice.offices.models import Office

ATTEMPTS_KEPT = timedelta(days=1)
SEEN_EVERY = timedelta(minutes=1)  # last_seen_at is written at most this often


class ThrottledError(Exception):
    """Too many failed sign-ins for this account name or this address: wait, then try again."""

    def __init__(self, retry_after: timedelta) -> None:
        super().__init__("throttled")
        self.retry_after = retry_after


def normalise_name(email: str) -> str:
    return email.strip().lower()[:200]


# --- accounts ---


def get_by_email(*, session: Session, email: str) -> Account | None:
    return session.scalars(select(Account).where(Account.email == normalise_name(email))).first()


def require_account(*, session: Session, account_id: int) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFoundError("Account not found")
    return account


def list_accounts(*, session: Session) -> list[Account]:
    return list(session.scalars(select(Account).order_by(Account.role, Account.email)))


def save_account(
    *,
    session: Session,
    email: str,
    display_name: str,
    role: str,
    password: str | None,
    clock: Clock,
    office_id: int | None = None,
    consultant_id: int | None = None,
    is_demo: bool = False,
) -> Account:
    """Creates the account, or updates the one with this e-mail (a new password only when given).

    A consultant needs a werkwinkel (their region is its province); consultants and the
    Servicelijn get a Consultant row of their own when none is named, so handoffs record who.
    """
    if role not in ROLES:
        raise InvalidInputError(f"role must be one of {', '.join(ROLES)}")
    name = normalise_name(email)
    if "@" not in name or not display_name.strip():
        raise InvalidInputError("An account needs an e-mail address and a name")
    office = session.get(Office, office_id) if office_id is not None else None
    if office_id is not None and office is None:
        raise NotFoundError("Office not found")
    if role == "consultant" and office is None:
        raise InvalidInputError("A consultant account needs a werkwinkel")
    account = get_by_email(session=session, email=name)
    if account is None:
        if not password:
            raise InvalidInputError("A new account needs a password")
        account = Account(email=name, created_at=clock.now, password_changed_at=clock.now, password_hash="")
        session.add(account)
    if password:
        if len(password) < passwords.MIN_LENGTH:
            raise InvalidInputError(f"A password has at least {passwords.MIN_LENGTH} characters")
        account.password_hash = passwords.hash_password(password)
        account.password_changed_at = clock.now
    account.display_name = display_name.strip()[:160]
    account.role = role
    account.office_id = office.id if office is not None else None
    account.province = office.province if role == "consultant" and office is not None else None
    account.is_demo = is_demo
    account.active = True
    if role in ("consultant", "servicelijn"):
        if consultant_id is not None:
            if session.get(Consultant, consultant_id) is None:
                raise NotFoundError("Consultant not found")
            account.consultant_id = consultant_id
        elif account.consultant_id is None:
            first, _, last = account.display_name.partition(" ")
            consultant = Consultant(
                first_name=first[:80],
                last_name=(last or "-")[:80],
                email=name,
                employment="voltijds",
                office_id=account.office_id,
                is_demo=is_demo,
            )
            session.add(consultant)
            session.flush()
            account.consultant_id = consultant.id
    else:
        account.consultant_id = None
    session.flush()
    return account


def set_active(*, session: Session, account: Account, active: bool) -> None:
    account.active = active
    if not active:
        session.execute(delete(AccountSession).where(AccountSession.account_id == account.id))
    session.flush()


# --- sign-in and its throttle ---


def _failures_since(session: Session, condition, since: datetime) -> tuple[int, datetime | None]:
    count, oldest = session.execute(
        select(func.count(LoginAttempt.id), func.min(LoginAttempt.at)).where(
            condition, LoginAttempt.succeeded.is_(False), LoginAttempt.at > since
        )
    ).one()
    return count, oldest


def check_throttle(*, session: Session, email: str, address: str, settings: Settings, clock: Clock) -> None:
    """Raises ThrottledError while this name or this address had too many recent failures.

    For a name, only failures after its last success count; the throttle lives in the database,
    so a restart (or another replica) does not reset it.
    """
    window = timedelta(minutes=settings.inbox_login_window_minutes)
    since = clock.now - window
    name = normalise_name(email)
    last_success = session.scalar(
        select(func.max(LoginAttempt.at)).where(LoginAttempt.account_name == name, LoginAttempt.succeeded.is_(True))
    )
    name_since = max(since, last_success) if last_success is not None else since
    by_name = _failures_since(session, LoginAttempt.account_name == name, name_since)
    by_address = _failures_since(session, LoginAttempt.address == address[:64], since)
    checks = (
        (by_name, settings.inbox_login_max_failures),
        (by_address, settings.inbox_login_max_failures_per_address),
    )
    for (count, oldest), limit in checks:
        if count >= limit and oldest is not None:
            raise ThrottledError(retry_after=max(timedelta(seconds=1), oldest + window - clock.now))


def authenticate(
    *, session: Session, email: str, password: str, address: str, settings: Settings, clock: Clock
) -> Account | None:
    """The active account with this e-mail and password, or None; every attempt is recorded."""
    check_throttle(session=session, email=email, address=address, settings=settings, clock=clock)
    account = get_by_email(session=session, email=email)
    known = account is not None and account.active
    ok = passwords.verify_password(account.password_hash if known else None, password)
    session.execute(delete(LoginAttempt).where(LoginAttempt.at < clock.now - ATTEMPTS_KEPT))
    session.add(LoginAttempt(account_name=normalise_name(email), address=address[:64], succeeded=ok, at=clock.now))
    if not ok:
        session.flush()
        return None
    assert account is not None
    if passwords.needs_rehash(account.password_hash):
        account.password_hash = passwords.hash_password(password)
    account.last_sign_in_at = clock.now
    session.flush()
    return account


# --- sessions ---


@dataclass(frozen=True)
class SignedIn:
    account: Account
    csrf_token: str
    token_hash: str


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(*, session: Session, account: Account, settings: Settings, clock: Clock) -> str:
    """A new session for the account; returns the token for the cookie (stored only as a hash)."""
    session.execute(delete(AccountSession).where(AccountSession.expires_at < clock.now))
    token = secrets.token_urlsafe(32)
    session.add(
        AccountSession(
            token_hash=_hash_token(token),
            account_id=account.id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=clock.now,
            last_seen_at=clock.now,
            expires_at=clock.now + timedelta(hours=settings.inbox_session_hours),
        )
    )
    session.flush()
    return token


def resume_session(*, session: Session, token: str | None, settings: Settings, clock: Clock) -> SignedIn | None:
    """The signed-in account behind a cookie token; None when unknown, expired, idle or inactive."""
    if not token or len(token) > 200:
        return None
    row = session.get(AccountSession, _hash_token(token))
    if row is None:
        return None
    idle_limit = row.last_seen_at + timedelta(minutes=settings.inbox_idle_minutes)
    if row.expires_at <= clock.now or idle_limit <= clock.now or not row.account.active:
        session.delete(row)
        session.flush()
        return None
    if clock.now - row.last_seen_at >= SEEN_EVERY:
        row.last_seen_at = clock.now
        session.flush()
    return SignedIn(account=row.account, csrf_token=row.csrf_token, token_hash=row.token_hash)


def end_session(*, session: Session, token_hash: str) -> None:
    session.execute(delete(AccountSession).where(AccountSession.token_hash == token_hash))
    session.flush()


def tokens_match(expected: str, given: str | None) -> bool:
    return bool(given) and secrets.compare_digest(expected.encode(), (given or "").encode())


# --- audit ---


def audit(
    *,
    session: Session,
    account: Account,
    action: str,
    clock: Clock,
    jobseeker_id: int | None = None,
    handoff_id: int | None = None,
) -> None:
    session.add(
        AuditEvent(account_id=account.id, action=action, jobseeker_id=jobseeker_id, handoff_id=handoff_id, at=clock.now)
    )
    session.flush()


def audit_log(*, session: Session, limit: int = 200, jobseeker_id: int | None = None) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)
    if jobseeker_id is not None:
        query = query.where(AuditEvent.jobseeker_id == jobseeker_id)
    return list(session.scalars(query))
