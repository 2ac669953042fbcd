"""vacancies, search and the application history

Vacancies with their search index (SQLite: an FTS5 table the embedded engine fills with
Snowball-stemmed text; PostgreSQL: a generated tsvector column in the `dutch` configuration
with a GIN index), vacancy events, saved vacancies, applications, pushed suggestions, and the
jobseeker's preferred work schedule.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 13:54:59.596697
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# Literal SQL, not the engines' code: a migration must keep meaning what it meant.
SQLITE_FTS = (
    "CREATE VIRTUAL TABLE vacancy_fts USING fts5(title, terms, body, tokenize = 'unicode61 remove_diacritics 2')"
)
POSTGRES_VECTOR = (
    "ALTER TABLE vacancies ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('dutch', title), 'A') || "
    "setweight(to_tsvector('dutch', keywords), 'B') || "
    "setweight(to_tsvector('dutch', description), 'C')) STORED"
)
POSTGRES_INDEX = "CREATE INDEX ix_vacancies_search_vector ON vacancies USING gin (search_vector)"


revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "vacancies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=160), nullable=False),
        sa.Column("occupation", sa.String(length=80), nullable=False),
        sa.Column("employer", sa.String(length=160), nullable=False),
        sa.Column("municipality_nis", sa.String(length=5), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=False),
        sa.Column("province", sa.String(length=40), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("contract_type", sa.String(length=20), nullable=False),
        sa.Column("work_schedule", sa.String(length=20), nullable=False),
        sa.Column("hours_per_week", sa.Integer(), nullable=True),
        sa.Column("driving_licences", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("education_level", sa.String(length=40), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("keywords", sa.Text(), nullable=False),
        sa.Column("posted_on", sa.Date(), nullable=False),
        sa.Column("closing_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    search = ["posted_on", "closing_on", "province", "contract_type", "work_schedule", "occupation"]
    place = ["longitude", "latitude"]
    with op.batch_alter_table("vacancies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vacancies_closing_on"), ["closing_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_vacancies_contract_type"), ["contract_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_vacancies_municipality_nis"), ["municipality_nis"], unique=False)
        batch_op.create_index(batch_op.f("ix_vacancies_posted_on"), ["posted_on"], unique=False)
        # Covering indexes for the search (see the model).
        batch_op.create_index("ix_vacancies_geo", [*place, *search], unique=False)
        batch_op.create_index("ix_vacancies_lookup", ["id", *place, *search], unique=False)
        batch_op.create_index(
            "ix_vacancies_province", ["province", *[c for c in search if c != "province"], *place], unique=False
        )
        batch_op.create_index(
            "ix_vacancies_occupation", ["occupation", *[c for c in search if c != "occupation"], *place], unique=False
        )

    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jobseeker_id", sa.Integer(), nullable=False),
        sa.Column("vacancy_id", sa.Integer(), nullable=True),
        sa.Column("employer", sa.String(length=160), nullable=False),
        sa.Column("title", sa.String(length=160), nullable=True),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["jobseeker_id"],
            ["jobseekers.id"],
        ),
        sa.ForeignKeyConstraint(
            ["vacancy_id"],
            ["vacancies.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_applications_jobseeker_id"), ["jobseeker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_applications_vacancy_id"), ["vacancy_id"], unique=False)

    op.create_table(
        "pushed_suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jobseeker_id", sa.Integer(), nullable=False),
        sa.Column("vacancy_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["consultants.id"],
        ),
        sa.ForeignKeyConstraint(
            ["jobseeker_id"],
            ["jobseekers.id"],
        ),
        sa.ForeignKeyConstraint(
            ["vacancy_id"],
            ["vacancies.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pushed_suggestions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pushed_suggestions_jobseeker_id"), ["jobseeker_id"], unique=False)

    op.create_table(
        "saved_vacancies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jobseeker_id", sa.Integer(), nullable=False),
        sa.Column("vacancy_id", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["jobseeker_id"],
            ["jobseekers.id"],
        ),
        sa.ForeignKeyConstraint(
            ["vacancy_id"],
            ["vacancies.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("jobseeker_id", "vacancy_id", name="uq_saved_vacancies_jobseeker_vacancy"),
    )
    with op.batch_alter_table("saved_vacancies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_saved_vacancies_jobseeker_id"), ["jobseeker_id"], unique=False)

    op.create_table(
        "vacancy_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jobseeker_id", sa.Integer(), nullable=False),
        sa.Column("vacancy_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["jobseeker_id"],
            ["jobseekers.id"],
        ),
        sa.ForeignKeyConstraint(
            ["vacancy_id"],
            ["vacancies.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("vacancy_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vacancy_events_jobseeker_id"), ["jobseeker_id"], unique=False)
        batch_op.create_index("ix_vacancy_events_vacancy_jobseeker", ["vacancy_id", "jobseeker_id"], unique=False)

    with op.batch_alter_table("jobseekers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("work_schedule", sa.String(length=20), nullable=True))

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(SQLITE_FTS)
    elif dialect == "postgresql":
        op.execute(POSTGRES_VECTOR)
        op.execute(POSTGRES_INDEX)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE vacancy_fts")
    with op.batch_alter_table("jobseekers", schema=None) as batch_op:
        batch_op.drop_column("work_schedule")

    with op.batch_alter_table("vacancy_events", schema=None) as batch_op:
        batch_op.drop_index("ix_vacancy_events_vacancy_jobseeker")
        batch_op.drop_index(batch_op.f("ix_vacancy_events_jobseeker_id"))

    op.drop_table("vacancy_events")
    with op.batch_alter_table("saved_vacancies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_saved_vacancies_jobseeker_id"))

    op.drop_table("saved_vacancies")
    with op.batch_alter_table("pushed_suggestions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pushed_suggestions_jobseeker_id"))

    op.drop_table("pushed_suggestions")
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applications_vacancy_id"))
        batch_op.drop_index(batch_op.f("ix_applications_jobseeker_id"))

    op.drop_table("applications")
    with op.batch_alter_table("vacancies", schema=None) as batch_op:
        for name in (
            "ix_vacancies_occupation",
            "ix_vacancies_province",
            "ix_vacancies_lookup",
            "ix_vacancies_geo",
            "ix_vacancies_posted_on",
            "ix_vacancies_municipality_nis",
            "ix_vacancies_contract_type",
            "ix_vacancies_closing_on",
        ):
            batch_op.drop_index(name)

    op.drop_table("vacancies")
