"""assignments and smart assignments

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 13:08:58.738163
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The dossier fields assignments are about; existing jobseekers start without CV or indicators.
    with op.batch_alter_table("jobseekers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cv_updated_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("contact_details_confirmed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("job_goals_confirmed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_activity_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("digital_indicators", sa.JSON(), server_default=sa.text("'[]'"), nullable=False))
        batch_op.add_column(sa.Column("last_reminder_on", sa.Date(), nullable=True))

    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jobseeker_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("instructions", sa.Text(), nullable=False),
        sa.Column("steps", sa.JSON(), nullable=False),
        sa.Column("keywords", sa.JSON(), nullable=False),
        sa.Column("current_step", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("completion", sa.String(length=30), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        # No foreign key: the proposal points here already (see the model).
        sa.Column("proposal_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["jobseeker_id"],
            ["jobseekers.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignments_jobseeker_id"), ["jobseeker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignments_status"), ["status"], unique=False)

    op.create_table(
        "cv_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jobseeker_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["jobseeker_id"],
            ["jobseekers.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("jobseeker_id"),
    )
    op.create_table(
        "assignment_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=20), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=True),
        sa.Column("change", sa.String(length=20), nullable=False),
        sa.Column("from_value", sa.String(length=40), nullable=True),
        sa.Column("to_value", sa.String(length=40), nullable=True),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=30), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["consultants.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("assignment_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignment_events_assignment_id"), ["assignment_id"], unique=False)

    op.create_table(
        "assignment_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jobseeker_id", sa.Integer(), nullable=False),
        sa.Column("rule_code", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("instructions", sa.Text(), nullable=False),
        sa.Column("steps", sa.JSON(), nullable=False),
        sa.Column("keywords", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("suggested_due_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decision_note", sa.String(length=500), nullable=True),
        sa.Column("assignment_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"],
            ["consultants.id"],
        ),
        sa.ForeignKeyConstraint(
            ["jobseeker_id"],
            ["jobseekers.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("jobseeker_id", "rule_code", name="uq_assignment_proposals_jobseeker_rule"),
    )
    with op.batch_alter_table("assignment_proposals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignment_proposals_jobseeker_id"), ["jobseeker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignment_proposals_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("jobseekers", schema=None) as batch_op:
        batch_op.drop_column("last_reminder_on")
        batch_op.drop_column("digital_indicators")
        batch_op.drop_column("last_activity_at")
        batch_op.drop_column("job_goals_confirmed_at")
        batch_op.drop_column("contact_details_confirmed_at")
        batch_op.drop_column("cv_updated_at")

    with op.batch_alter_table("assignment_proposals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_proposals_status"))
        batch_op.drop_index(batch_op.f("ix_assignment_proposals_jobseeker_id"))

    op.drop_table("assignment_proposals")
    with op.batch_alter_table("assignment_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_events_assignment_id"))

    op.drop_table("assignment_events")
    op.drop_table("cv_documents")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignments_status"))
        batch_op.drop_index(batch_op.f("ix_assignments_jobseeker_id"))

    op.drop_table("assignments")
