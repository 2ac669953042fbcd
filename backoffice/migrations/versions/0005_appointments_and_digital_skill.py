"""appointments (digital dispatching) and the digital-skill scorer

Consultant schedules, appointments (one booked appointment per consultant and start: a partial
unique index), notifications in the personal account, stored digital-skill assessments, demo
courses in digital skills, and the jobseeker's latest choice of help.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BOOKED = sa.text("status = 'booked'")


def upgrade() -> None:
    op.create_table(
        "consultant_schedules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("slot_minutes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["consultant_id"], ["consultants.id"]),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consultant_schedules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultant_schedules_consultant_id"), ["consultant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_consultant_schedules_office_id"), ["office_id"], unique=False)

    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=12), nullable=False),
        sa.Column("jobseeker_id", sa.Integer(), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.Column("rescheduled_from_id", sa.Integer(), nullable=True),
        sa.Column("email_status", sa.String(length=20), nullable=False),
        sa.Column("email_sent_at", sa.DateTime(), nullable=True),
        sa.Column("letter_status", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["consultant_id"], ["consultants.id"]),
        sa.ForeignKeyConstraint(["jobseeker_id"], ["jobseekers.id"]),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"]),
        sa.ForeignKeyConstraint(["rescheduled_from_id"], ["appointments.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("reference"),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appointments_jobseeker_id"), ["jobseeker_id"], unique=False)
        batch_op.create_index(
            "uq_appointments_booked_slot",
            ["consultant_id", "starts_at"],
            unique=True,
            sqlite_where=BOOKED,
            postgresql_where=BOOKED,
        )

    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jobseeker_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["jobseeker_id"], ["jobseekers.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notifications_jobseeker_id"), ["jobseeker_id"], unique=False)

    op.create_table(
        "digital_assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jobseeker_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("channel", sa.String(length=30), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["jobseeker_id"], ["jobseekers.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("digital_assessments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_digital_assessments_jobseeker_id"), ["jobseeker_id"], unique=False)

    op.create_table(
        "digital_courses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("organiser", sa.String(length=120), nullable=False),
        sa.Column("municipality_nis", sa.String(length=5), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=False),
        sa.Column("province", sa.String(length=40), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("schedule", sa.String(length=80), nullable=False),
        sa.Column("sessions", sa.Integer(), nullable=False),
        sa.Column("cost", sa.String(length=40), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("digital_courses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_digital_courses_municipality_nis"), ["municipality_nis"], unique=False)
        batch_op.create_index(batch_op.f("ix_digital_courses_province"), ["province"], unique=False)
        batch_op.create_index(batch_op.f("ix_digital_courses_starts_on"), ["starts_on"], unique=False)

    with op.batch_alter_table("jobseekers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("digital_choice", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("digital_choice_channel", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("digital_choice_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("digital_courses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_digital_courses_starts_on"))
        batch_op.drop_index(batch_op.f("ix_digital_courses_province"))
        batch_op.drop_index(batch_op.f("ix_digital_courses_municipality_nis"))
    op.drop_table("digital_courses")

    with op.batch_alter_table("digital_assessments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_digital_assessments_jobseeker_id"))
    op.drop_table("digital_assessments")

    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notifications_jobseeker_id"))
    op.drop_table("notifications")

    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_index("uq_appointments_booked_slot")
        batch_op.drop_index(batch_op.f("ix_appointments_jobseeker_id"))
    op.drop_table("appointments")

    with op.batch_alter_table("consultant_schedules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultant_schedules_office_id"))
        batch_op.drop_index(batch_op.f("ix_consultant_schedules_consultant_id"))
    op.drop_table("consultant_schedules")

    # Last: on SQLite this rebuilds the jobseekers table, which rows of the tables above point at.
    with op.batch_alter_table("jobseekers", schema=None) as batch_op:
        batch_op.drop_column("digital_choice_at")
        batch_op.drop_column("digital_choice_channel")
        batch_op.drop_column("digital_choice")
