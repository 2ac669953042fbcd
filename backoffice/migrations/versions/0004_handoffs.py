"""handoffs to a consultant

Handoffs (one open per conversation: a partial unique index), their messages (a Rasa event
stored once per handoff), the outbox of pushes to Rasa, and the cursor of the relay that reads
Rasa's event broker.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = "state IN ('waiting', 'accepted')"


def upgrade() -> None:
    op.create_table(
        "handoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("jobseeker_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("topic", sa.String(length=80), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("transcript", sa.JSON(), nullable=False),
        sa.Column("digital", sa.JSON(), nullable=True),
        sa.Column("province", sa.String(length=40), nullable=True),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=500), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["consultant_id"], ["consultants.id"]),
        sa.ForeignKeyConstraint(["jobseeker_id"], ["jobseekers.id"]),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handoffs_conversation_id"), ["conversation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_handoffs_jobseeker_id"), ["jobseeker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_handoffs_province"), ["province"], unique=False)
        batch_op.create_index(batch_op.f("ix_handoffs_state"), ["state"], unique=False)
        batch_op.create_index("ix_handoffs_queue", ["state", "office_id", "priority", "queued_at"], unique=False)
        batch_op.create_index(
            "uq_handoffs_open_conversation",
            ["conversation_id"],
            unique=True,
            sqlite_where=sa.text(OPEN),
            postgresql_where=sa.text(OPEN),
        )

    op.create_table(
        "handoff_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handoff_id", sa.Integer(), nullable=False),
        sa.Column("sender", sa.String(length=20), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("source_event_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["consultant_id"], ["consultants.id"]),
        sa.ForeignKeyConstraint(["handoff_id"], ["handoffs.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("handoff_id", "source_event_id", name="uq_handoff_messages_source_event"),
    )
    with op.batch_alter_table("handoff_messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handoff_messages_handoff_id"), ["handoff_id"], unique=False)

    op.create_table(
        "handoff_pushes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handoff_id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["handoff_id"], ["handoffs.id"]),
        sa.ForeignKeyConstraint(["message_id"], ["handoff_messages.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("message_id"),
    )
    with op.batch_alter_table("handoff_pushes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handoff_pushes_handoff_id"), ["handoff_id"], unique=False)
        batch_op.create_index("ix_handoff_pushes_due", ["status", "next_attempt_at"], unique=False)

    op.create_table(
        "relay_cursor",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("last_event_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("relay_cursor")
    with op.batch_alter_table("handoff_pushes", schema=None) as batch_op:
        batch_op.drop_index("ix_handoff_pushes_due")
        batch_op.drop_index(batch_op.f("ix_handoff_pushes_handoff_id"))
    op.drop_table("handoff_pushes")
    with op.batch_alter_table("handoff_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handoff_messages_handoff_id"))
    op.drop_table("handoff_messages")
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.drop_index("uq_handoffs_open_conversation")
        batch_op.drop_index("ix_handoffs_queue")
        batch_op.drop_index(batch_op.f("ix_handoffs_state"))
        batch_op.drop_index(batch_op.f("ix_handoffs_province"))
        batch_op.drop_index(batch_op.f("ix_handoffs_jobseeker_id"))
        batch_op.drop_index(batch_op.f("ix_handoffs_conversation_id"))
    op.drop_table("handoffs")
