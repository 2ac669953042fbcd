"""Who may see what: the one place of the inbox's permission rules.

| role | handoffs | dossiers | audit log, overview | accounts |
|---|---|---|---|---|
| consultant | of their region (the province of their werkwinkel) | of their region | – | – |
| servicelijn | all regions, also conversations without a known jobseeker | all | yes | – |
| complaint_handler | none | none | – | – |
| admin | none | none | yes | manage |
"""

from fastapi import HTTPException, status

from backoffice.accounts.models import Account
from backoffice.handoffs.models import Handoff
from backoffice.jobseekers.models import Jobseeker

HANDLES_HANDOFFS = frozenset({"consultant", "servicelijn"})


def handles_handoffs(account: Account) -> bool:
    return account.role in HANDLES_HANDOFFS


def region_of(account: Account) -> str | None:
    """The province a consultant is limited to; None: every region (Servicelijn)."""
    return account.province if account.role == "consultant" else None


def can_see_handoff(account: Account, handoff: Handoff) -> bool:
    if account.role == "servicelijn":
        return True
    return account.role == "consultant" and account.province is not None and handoff.province == account.province


def can_see_dossier(account: Account, jobseeker: Jobseeker) -> bool:
    if account.role == "servicelijn":
        return True
    return account.role == "consultant" and account.province is not None and jobseeker.province == account.province


def can_see_reports(account: Account) -> bool:
    return account.role in ("servicelijn", "admin")


def can_manage_accounts(account: Account) -> bool:
    return account.role == "admin"


def forbidden() -> HTTPException:
    return HTTPException(status.HTTP_403_FORBIDDEN, "Geen toegang")


def require(allowed: bool) -> None:
    if not allowed:
        raise forbidden()
