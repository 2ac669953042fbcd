"""loopbaancheque complaints: the register of mandated career centres and the complaints

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "career_centres",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=False),
        sa.Column("province", sa.String(length=40), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("mandate_status", sa.String(length=20), nullable=False),
        sa.Column("mandate_suspended_on", sa.Date(), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_index("ix_career_centres_province", "career_centres", ["province"])
    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=True),
        sa.Column("jobseeker_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=True),
        sa.Column("guidance_year", sa.Integer(), nullable=True),
        sa.Column("guidance_month", sa.Integer(), nullable=True),
        sa.Column("cheques_used", sa.Integer(), nullable=True),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("delivered", sa.JSON(), nullable=True),
        sa.Column("delivered_explanation", sa.Text(), nullable=True),
        sa.Column("pop_received", sa.String(length=10), nullable=True),
        sa.Column("pop_explanation", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("review_started_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("reclaim_amount", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("restore_right", sa.Boolean(), nullable=False),
        sa.Column("address_centre", sa.Boolean(), nullable=False),
        sa.Column("suspend_mandate", sa.Boolean(), nullable=False),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("decided_by_account_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["centre_id"], ["career_centres.id"]),
        sa.ForeignKeyConstraint(["decided_by_account_id"], ["accounts.id"]),
        sa.ForeignKeyConstraint(["jobseeker_id"], ["jobseekers.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("reference"),
    )
    op.create_index("ix_complaints_conversation_id", "complaints", ["conversation_id"])
    op.create_index("ix_complaints_jobseeker_id", "complaints", ["jobseeker_id"])
    op.create_index("ix_complaints_centre_submitted", "complaints", ["centre_id", "submitted_at"])
    op.create_index("ix_complaints_status_submitted", "complaints", ["status", "submitted_at"])
    op.create_index(
        "uq_complaints_draft_conversation",
        "complaints",
        ["conversation_id"],
        unique=True,
        sqlite_where=sa.text("status = 'draft'"),
        postgresql_where=sa.text("status = 'draft'"),
    )


def downgrade() -> None:
    op.drop_index("uq_complaints_draft_conversation", table_name="complaints")
    op.drop_index("ix_complaints_status_submitted", table_name="complaints")
    op.drop_index("ix_complaints_centre_submitted", table_name="complaints")
    op.drop_index("ix_complaints_jobseeker_id", table_name="complaints")
    op.drop_index("ix_complaints_conversation_id", table_name="complaints")
    op.drop_table("complaints")
    op.drop_index("ix_career_centres_province", table_name="career_centres")
    op.drop_table("career_centres")
