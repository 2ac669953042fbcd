"""Which assignments the dossier shows to be done, so nobody has to report them.

One predicate per kind over the evidence: the dossier and when the assignment was given. Only
what happened after the assignment was created counts: an old CV does not complete "Vul je cv
aan". Kinds without a predicate are completed by the jobseeker or a consultant.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.assignments.rules import held_licences
from backoffice.clock import Clock
from backoffice.jobseekers.models import Jobseeker
from backoffice.vacancies.models import Application, SavedVacancy


@dataclass(frozen=True)
class VacancyActivity:
    saved: int = 0
    applications: int = 0


@dataclass(frozen=True)
class Evidence:
    jobseeker: Jobseeker
    since: datetime  # when the assignment was created
    vacancies: VacancyActivity


@dataclass(frozen=True)
class Detector:
    note: str  # why it counts as done, for the history (no personal data)
    applies: Callable[[Evidence], bool]


def vacancy_activity(*, session: Session, jobseeker_id: int, since: datetime) -> VacancyActivity:
    """Vacancies still saved that were saved since a moment, and applications made since its day.

    An application counts by the day it was made, not the day it was logged: one made before the
    assignment was given does not complete "Solliciteer één keer", one logged a day late does.
    """
    saved = session.scalar(
        select(func.count(SavedVacancy.id)).where(
            SavedVacancy.jobseeker_id == jobseeker_id, SavedVacancy.saved_at >= since
        )
    )
    applications = session.scalar(
        select(func.count(Application.id)).where(
            Application.jobseeker_id == jobseeker_id, Application.applied_on >= Clock(now=since).today
        )
    )
    return VacancyActivity(saved=saved or 0, applications=applications or 0)


def _after(moment: datetime | None, since: datetime) -> bool:
    return moment is not None and moment >= since


def _cv_uploaded(evidence: Evidence) -> bool:
    return _after(evidence.jobseeker.cv_updated_at, evidence.since)


def _licence(licence: str) -> Callable[[Evidence], bool]:
    return lambda evidence: licence in held_licences(evidence.jobseeker.driving_licences or [])


DETECTORS: dict[str, Detector] = {
    "complete_cv": Detector("cv uploaded", _cv_uploaded),
    "update_cv": Detector("cv uploaded", _cv_uploaded),
    "set_job_goals": Detector(
        "job goals confirmed", lambda evidence: _after(evidence.jobseeker.job_goals_confirmed_at, evidence.since)
    ),
    "check_contact_details": Detector(
        "contact details confirmed",
        lambda evidence: _after(evidence.jobseeker.contact_details_confirmed_at, evidence.since),
    ),
    "create_email": Detector("e-mail address added", lambda evidence: bool(evidence.jobseeker.email)),
    "driving_licence_b": Detector("licence B added", _licence("B")),
    "driving_licence_c": Detector("licence C added", _licence("C")),
    "driving_licence_d": Detector("licence D added", _licence("D")),
    "save_vacancies": Detector("three vacancies saved", lambda evidence: evidence.vacancies.saved >= 3),
    "apply_once": Detector("application recorded", lambda evidence: evidence.vacancies.applications >= 1),
    "look_at_vacancies": Detector("vacancy saved", lambda evidence: evidence.vacancies.saved >= 1),
}
VACANCY_KINDS = frozenset({"save_vacancies", "apply_once", "look_at_vacancies"})
