"""Imports every model so that Alembic and the seed see the whole schema."""

from backoffice.consultants.models import Consultant, ProvinceStaffing
from backoffice.db import Base
from backoffice.jobseekers.models import Jobseeker
from backoffice.offices.models import Office

__all__ = ["Base", "Consultant", "Jobseeker", "Office", "ProvinceStaffing"]
