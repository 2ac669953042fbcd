from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.offices.models import Office


def list_offices(*, session: Session, province: str | None = None) -> list[Office]:
    query = select(Office).order_by(Office.province, Office.name)
    if province:
        query = query.where(Office.province == province)
    return list(session.scalars(query))


def get_office(*, session: Session, office_id: int) -> Office | None:
    return session.get(Office, office_id)
