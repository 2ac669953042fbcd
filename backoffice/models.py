"""Imports every model so that Alembic and the seed see the whole schema."""

from backoffice.assignments.models import Assignment, AssignmentEvent, AssignmentProposal
from backoffice.consultants.models import Consultant, ProvinceStaffing
from backoffice.db import Base
from backoffice.jobseekers.models import CvDocument, Jobseeker
from backoffice.offices.models import Office

__all__ = [
    "Assignment",
    "AssignmentEvent",
    "AssignmentProposal",
    "Base",
    "Consultant",
    "CvDocument",
    "Jobseeker",
    "Office",
    "ProvinceStaffing",
]
