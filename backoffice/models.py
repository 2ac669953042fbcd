"""Imports every model so that Alembic and the seed see the whole schema."""

from backoffice.accounts.models import Account, AccountSession, AuditEvent, LoginAttempt
from backoffice.appointments.models import Appointment, ConsultantSchedule
from backoffice.assignments.models import Assignment, AssignmentEvent, AssignmentProposal
from backoffice.complaints.models import CareerCentre, Complaint
from backoffice.consultants.models import Consultant, ProvinceStaffing
from backoffice.db import Base
from backoffice.digital.models import DigitalAssessment, DigitalCourse
from backoffice.handoffs.models import Handoff, HandoffMessage, HandoffPush, RelayCursor
from backoffice.jobseekers.models import CvDocument, Jobseeker
from backoffice.notifications.models import Notification
from backoffice.offices.models import Office
from backoffice.vacancies.models import Application, PushedSuggestion, SavedVacancy, Vacancy, VacancyEvent

__all__ = [
    "Account",
    "AccountSession",
    "Application",
    "Appointment",
    "Assignment",
    "AssignmentEvent",
    "AssignmentProposal",
    "AuditEvent",
    "Base",
    "CareerCentre",
    "Complaint",
    "Consultant",
    "ConsultantSchedule",
    "CvDocument",
    "DigitalAssessment",
    "DigitalCourse",
    "Handoff",
    "HandoffMessage",
    "HandoffPush",
    "Jobseeker",
    "LoginAttempt",
    "Notification",
    "Office",
    "ProvinceStaffing",
    "PushedSuggestion",
    "RelayCursor",
    "SavedVacancy",
    "Vacancy",
    "VacancyEvent",
]
