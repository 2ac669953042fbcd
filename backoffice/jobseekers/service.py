from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.jobseekers.models import Jobseeker
from backoffice.jobseekers.schemas import JobseekerRead


def get_jobseeker(*, session: Session, jobseeker_id: int) -> Jobseeker | None:
    return session.get(Jobseeker, jobseeker_id)


def list_demo_jobseekers(*, session: Session, limit: int) -> list[Jobseeker]:
    query = select(Jobseeker).where(Jobseeker.is_demo.is_(True)).order_by(Jobseeker.id).limit(limit)
    return list(session.scalars(query))


def count_jobseekers(*, session: Session) -> int:
    return session.scalar(select(func.count(Jobseeker.id))) or 0


def to_read(jobseeker: Jobseeker) -> JobseekerRead:
    return JobseekerRead.model_validate(
        {
            **{column: getattr(jobseeker, column) for column in JobseekerRead.model_fields if column != "has_email"},
            "has_email": bool(jobseeker.email),
        }
    )
