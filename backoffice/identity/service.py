from sqlalchemy.orm import Session

from backoffice.config import Settings
from backoffice.identity.tokens import InvalidIdentityTokenError, read_identity, sign_identity
from backoffice.jobseekers.models import Jobseeker
from backoffice.jobseekers.service import get_jobseeker


def resolve_identity_token(*, session: Session, settings: Settings, token: str) -> Jobseeker | None:
    try:
        jobseeker_id = read_identity(
            secret=settings.widget_signing_key, token=token, max_age_seconds=settings.widget_token_max_age_seconds
        )
    except InvalidIdentityTokenError:
        return None
    return get_jobseeker(session=session, jobseeker_id=jobseeker_id)


def issue_identity_token(*, settings: Settings, jobseeker: Jobseeker) -> str:
    return sign_identity(secret=settings.widget_signing_key, jobseeker_id=jobseeker.id)
