"""Imports every model so that Alembic and the seed see the whole schema."""

from backoffice.assignments.models import Assignment, AssignmentEvent, AssignmentProposal
from backoffice.consultants.models import Consultant, ProvinceStaffing
from backoffice.db import Base
from backoffice.handoffs.models import Handoff, HandoffMessage, HandoffPush, RelayCursor
from backoffice.jobseekers.models import CvDocument, Jobseeker
from backoffice.offices.models import Office
from backoffice.vacancies.models import Application, PushedSuggestion, SavedVacancy, Vacancy, VacancyEvent

__all__ = [
    "Application",
    "Assignment",
    "AssignmentEvent",
    "AssignmentProposal",
    "Base",
    "Consultant",
    "CvDocument",
    "Handoff",
    "HandoffMessage",
    "HandoffPush",
    "Jobseeker",
    "Office",
    "ProvinceStaffing",
    "PushedSuggestion",
    "RelayCursor",
    "SavedVacancy",
    "Vacancy",
    "VacancyEvent",
]
