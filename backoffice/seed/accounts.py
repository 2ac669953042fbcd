"""Demo accounts for the inbox: one per role, plus a consultant of another region."""

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.accounts import passwords, service
from backoffice.accounts.demo import DEMO_ACCOUNTS
from backoffice.clock import Clock
from backoffice.consultants.models import Consultant
from backoffice.offices.models import Office

logger = logging.getLogger(__name__)


def seed_demo_accounts(*, session: Session, password: str, clock: Clock) -> int:
    """Creates the demo accounts that are missing and gives every one the current demo password.

    Idempotent: run again with another password (a new .env), the printed password still works.
    Returns how many accounts it created or changed.
    """
    changed = 0
    for email, role, office_name, name in DEMO_ACCOUNTS:
        office = session.scalars(select(Office).where(Office.name == office_name)).first() if office_name else None
        if office_name and office is None:
            logger.warning("Demo account skipped: its werkwinkel is not in the database")
            continue
        existing = service.get_by_email(session=session, email=email)
        if existing is not None and passwords.verify_password(existing.password_hash, password):
            continue
        consultant = None
        if role == "consultant" and existing is None:
            consultant = session.scalars(
                select(Consultant).where(Consultant.office_id == office.id).order_by(Consultant.id).limit(1)
            ).first()
        display = name or (f"{consultant.first_name} {consultant.last_name}" if consultant else email)
        service.save_account(
            session=session,
            email=email,
            display_name=existing.display_name if existing is not None else display,
            role=role,
            password=password,
            clock=clock,
            office_id=office.id if office is not None else None,
            consultant_id=consultant.id if consultant is not None else None,
            is_demo=True,
        )
        changed += 1
    session.commit()
    return changed
