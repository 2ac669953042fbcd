"""Migration 0005 upgrades a database with dossiers, enforces one booking per slot, and downgrades."""

from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from backoffice.db import make_engine
from tests.backoffice.conftest import REPO_ROOT

JOBSEEKER = (
    "INSERT INTO jobseekers (first_name, last_name, birth_date, municipality_nis, municipality, postcode,"
    " province, education_level, languages, driving_licences, desired_occupations, registration_date,"
    " is_demo, digital_indicators) VALUES ('Ad', 'Verzonnen', '1990-01-01', '44021', 'Gent', '9000',"
    " 'Oost-Vlaanderen', 'geen diploma', '[]', '[]', '[]', '2026-01-01', 1, '[]')"
)
OFFICE = (
    "INSERT INTO offices (name, kind, municipality_nis, municipality, postcode, province, address, is_demo)"
    " VALUES ('Werkwinkel Gent', 'werkwinkel', '44021', 'Gent', '9000', 'Oost-Vlaanderen', 'x', 1)"
)
CONSULTANT = (
    "INSERT INTO consultants (first_name, last_name, email, employment, office_id, is_demo)"
    " VALUES ('Ria', 'Verzonnen', 'ria@example.invalid', 'voltijds', 1, 1)"
)
APPOINTMENT = (
    "INSERT INTO appointments (reference, jobseeker_id, consultant_id, office_id, starts_at, ends_at, status,"
    " channel, reason, created_at, email_status, letter_status) VALUES (:reference, 1, 1, 1,"
    " '2026-12-01 08:30:00', '2026-12-01 09:00:00', :status, 'web', 'test', '2026-11-23 10:00:00',"
    " 'pending', 'available')"
)


def test_upgrade_from_0004_and_back(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'before-appointments.db'}"
    config = Config(str(REPO_ROOT / "backoffice" / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "0004")
    engine = make_engine(url)
    with engine.begin() as connection:
        for statement in (JOBSEEKER, OFFICE, CONSULTANT):
            connection.execute(text(statement))

    command.upgrade(config, "head")
    with engine.connect() as connection:
        row = connection.execute(text("SELECT first_name, digital_choice, digital_choice_at FROM jobseekers")).one()
    assert tuple(row) == ("Ad", None, None)
    tables = set(inspect(engine).get_table_names())
    assert {"appointments", "consultant_schedules", "notifications", "digital_assessments", "digital_courses"} <= tables

    with engine.begin() as connection:
        connection.execute(text(APPOINTMENT), {"reference": "AFS-AAAA", "status": "cancelled"})
        connection.execute(text(APPOINTMENT), {"reference": "AFS-BBBB", "status": "booked"})
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text(APPOINTMENT), {"reference": "AFS-CCCC", "status": "booked"})

    command.downgrade(config, "0004")
    tables = set(inspect(engine).get_table_names())
    assert not {"appointments", "consultant_schedules", "notifications", "digital_assessments"} & tables
    columns = {column["name"] for column in inspect(engine).get_columns("jobseekers")}
    assert "digital_choice" not in columns
    with engine.connect() as connection:
        assert connection.execute(text("SELECT first_name FROM jobseekers")).scalar_one() == "Ad"
    engine.dispose()
