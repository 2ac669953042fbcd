"""Migrations upgrade a database that already holds dossiers, and downgrade again."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text

from backoffice.db import make_engine
from tests.backoffice.conftest import REPO_ROOT


def test_upgrade_from_0001_keeps_existing_dossiers(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    config = Config(str(REPO_ROOT / "backoffice" / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "0001")
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO jobseekers (first_name, last_name, birth_date, municipality_nis, municipality, postcode,"
                " province, education_level, languages, driving_licences, desired_occupations, registration_date,"
                " is_demo) VALUES ('Ad', 'Verzonnen', '1990-01-01', '44021', 'Gent', '9000', 'Oost-Vlaanderen',"
                " 'geen diploma', '[]', '[]', '[]', '2026-01-01', 1)"
            )
        )

    command.upgrade(config, "head")
    with engine.connect() as connection:
        row = connection.execute(text("SELECT first_name, digital_indicators, cv_updated_at FROM jobseekers")).one()
    assert tuple(row) == ("Ad", "[]", None)
    tables = set(inspect(engine).get_table_names())
    assert {"assignments", "assignment_events", "assignment_proposals", "cv_documents"} <= tables

    command.downgrade(config, "0001")
    assert "assignments" not in set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        assert connection.execute(text("SELECT first_name FROM jobseekers")).scalar_one() == "Ad"
    engine.dispose()


def test_upgrade_from_0002_adds_vacancies_and_the_search_index(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'before-vacancies.db'}"
    config = Config(str(REPO_ROOT / "backoffice" / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "0002")
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO jobseekers (first_name, last_name, birth_date, municipality_nis, municipality, postcode,"
                " province, education_level, languages, driving_licences, desired_occupations, registration_date,"
                " is_demo, digital_indicators) VALUES ('Ad', 'Verzonnen', '1990-01-01', '44021', 'Gent', '9000',"
                " 'Oost-Vlaanderen', 'geen diploma', '[]', '[]', '[\"kok\"]', '2026-01-01', 1, '[]')"
            )
        )

    command.upgrade(config, "head")
    with engine.connect() as connection:
        row = connection.execute(text("SELECT first_name, desired_occupations, work_schedule FROM jobseekers")).one()
    assert tuple(row) == ("Ad", '["kok"]', None)
    tables = set(inspect(engine).get_table_names())
    assert {"vacancies", "vacancy_events", "saved_vacancies", "applications", "pushed_suggestions"} <= tables
    assert "vacancy_fts" in tables

    command.downgrade(config, "0002")
    tables = set(inspect(engine).get_table_names())
    assert not {"vacancies", "applications", "vacancy_fts"} & tables
    with engine.connect() as connection:
        assert connection.execute(text("SELECT first_name FROM jobseekers")).scalar_one() == "Ad"
    engine.dispose()
