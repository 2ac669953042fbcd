from datetime import datetime, time

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, Time, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.consultants.models import Consultant
from backoffice.db import Base
from backoffice.offices.models import Office

STATUSES = ("booked", "cancelled")
# pending: not tried yet; disabled: no SMTP server configured (the demo without one).
EMAIL_STATUSES = ("pending", "sent", "failed", "no_email", "disabled")
# to_print: no e-mail, so the letter is the confirmation; available: e-mailed, the letter is extra.
LETTER_STATUSES = ("to_print", "available")
BOOKED_ONLY = text("status = 'booked'")


class ConsultantSchedule(Base):
    """When a consultant sees people in a werkwinkel: a weekday and hours, in Brussels wall time."""

    __tablename__ = "consultant_schedules"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultant_id: Mapped[int] = mapped_column(ForeignKey("consultants.id"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday, as date.weekday()
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    slot_minutes: Mapped[int] = mapped_column(Integer)

    consultant: Mapped[Consultant] = relationship()


class Appointment(Base):
    """An appointment with a consultant in a werkwinkel (digital dispatching)."""

    __tablename__ = "appointments"
    # One booked appointment per consultant and start: the database, not a check before the
    # insert, decides which of two simultaneous bookings wins. Cancelled ones do not count.
    __table_args__ = (
        Index(
            "uq_appointments_booked_slot",
            "consultant_id",
            "starts_at",
            unique=True,
            sqlite_where=BOOKED_ONLY,
            postgresql_where=BOOKED_ONLY,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(12), unique=True)
    jobseeker_id: Mapped[int] = mapped_column(ForeignKey("jobseekers.id"), index=True)
    consultant_id: Mapped[int] = mapped_column(ForeignKey("consultants.id"))
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    starts_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default="booked")
    channel: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # The appointment this one replaced, when it was rescheduled.
    rescheduled_from_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id"), nullable=True)
    email_status: Mapped[str] = mapped_column(String(20), default="pending")
    email_sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    letter_status: Mapped[str] = mapped_column(String(20))

    consultant: Mapped[Consultant] = relationship()
    office: Mapped[Office] = relationship()
