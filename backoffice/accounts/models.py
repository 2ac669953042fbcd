from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.consultants.models import Consultant
from backoffice.db import Base
from backoffice.offices.models import Office

# consultant: the handoffs and dossiers of the own region (the province of the werkwinkel);
# servicelijn: every region; complaint_handler: no handoffs, no dossiers; admin: the accounts.
ROLES = ("consultant", "servicelijn", "complaint_handler", "admin")
ROLE_LABELS = {
    "consultant": "Bemiddelaar werkwinkel",
    "servicelijn": "Servicelijn",
    "complaint_handler": "Klachtenbehandelaar",
    "admin": "Beheerder",
}


class Account(Base):
    """A member of staff who signs in to the inbox; consultants link to their Consultant row."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(200), unique=True)  # stored lowercased: the sign-in name
    display_name: Mapped[str] = mapped_column(String(160))
    role: Mapped[str] = mapped_column(String(20))
    # The consultant whose name the jobseeker hears and whose id the handoff records.
    consultant_id: Mapped[int | None] = mapped_column(ForeignKey("consultants.id"), nullable=True, unique=True)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), nullable=True)
    # The region a consultant serves (the office's province); null for every other role.
    province: Mapped[str | None] = mapped_column(String(40), nullable=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    password_changed_at: Mapped[datetime] = mapped_column(DateTime)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    consultant: Mapped[Consultant | None] = relationship()
    office: Mapped[Office | None] = relationship()

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


class AccountSession(Base):
    """A signed-in browser: the cookie holds a random token, the database only its SHA-256."""

    __tablename__ = "account_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)

    account: Mapped[Account] = relationship()


class LoginAttempt(Base):
    """One sign-in attempt, kept a day for the throttle (per account name and per address)."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_name_at", "account_name", "at"),
        Index("ix_login_attempts_address_at", "address", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_name: Mapped[str] = mapped_column(String(200))  # as typed, lowercased; also unknown names
    address: Mapped[str] = mapped_column(String(64))
    succeeded: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(DateTime)


class AuditEvent(Base):
    """Who opened or changed which dossier or conversation, and when. Ids only, never content."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_jobseeker_at", "jobseeker_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))  # view_handoff, view_dossier, claim, reply, …
    jobseeker_id: Mapped[int | None] = mapped_column(ForeignKey("jobseekers.id"), nullable=True)
    handoff_id: Mapped[int | None] = mapped_column(ForeignKey("handoffs.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    account: Mapped[Account] = relationship()


__all__ = ["ROLES", "ROLE_LABELS", "Account", "AccountSession", "AuditEvent", "LoginAttempt"]
