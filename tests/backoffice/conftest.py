"""Backoffice test fixtures: a migrated SQLite database, one rolled-back transaction per test."""

import os
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from backoffice.clock import Clock, get_clock
from backoffice.config import Settings, get_settings
from backoffice.db import get_session, make_engine
from backoffice.jobseekers.models import Jobseeker
from backoffice.jobseekers.schemas import RegistrationRequest
from backoffice.jobseekers.service import register_jobseeker
from backoffice.main import create_app
from backoffice.seed.service import seed_demo_data
from tests.backoffice.postgres import PostgresUnavailableError, throwaway_postgres

REPO_ROOT = Path(__file__).resolve().parents[2]
API_TOKEN = "test-api-token"  # noqa: S105
SIGNING_KEY = "test-signing-key"  # noqa: S105
SEED_DAY = date(2026, 11, 23)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'backoffice.db'}"


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    """Builds the schema through the real Alembic migrations, then loads the demo data once."""
    migrate(database_url)
    engine = make_engine(database_url)
    with Session(engine) as session:
        seed_demo_data(session=session, today=SEED_DAY)
    yield engine
    engine.dispose()


def migrate(database_url: str) -> None:
    config = Config(str(REPO_ROOT / "backoffice" / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", database_url)
    command.upgrade(config, "head")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """An empty database in a throwaway PostgreSQL cluster, for the PostgreSQL half of the shared suites.

    Without PostgreSQL the tests that need it fail in CI (CI set) and are skipped, loudly, elsewhere.
    """
    try:
        with throwaway_postgres() as url:
            yield url
    except PostgresUnavailableError as error:
        message = f"PostgreSQL tests cannot run: {error}"
        if os.environ.get("CI"):
            pytest.fail(message)
        warnings.warn(message, stacklevel=1)
        pytest.skip(f"SKIPPED LOUDLY: {message} (run `make postgres`)")


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session whose work, commits included, is rolled back after the test."""
    connection = engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    yield session
    session.close()
    transaction.rollback()
    connection.close()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        backoffice_api_token=API_TOKEN,
        widget_signing_key=SIGNING_KEY,
        demo_login_enabled=True,
        background_jobs_enabled=False,  # tests call the background steps themselves
    )


@dataclass
class FixedClock:
    """The clock every request of a test sees; a test moves it to another day with set_day."""

    clock: Clock

    def set_day(self, day: date, hour: int = 12) -> Clock:
        self.clock = Clock.on(day, hour=hour)
        return self.clock


@pytest.fixture
def test_clock() -> FixedClock:
    return FixedClock(Clock.on(SEED_DAY, hour=12))


@pytest.fixture
def client(session: Session, settings: Settings, test_clock: FixedClock) -> Iterator[TestClient]:
    app = create_app()
    app.dependency_overrides[get_session] = lambda: session
    app.dependency_overrides[get_settings] = lambda: settings
    app.dependency_overrides[get_clock] = lambda: test_clock.clock
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def auth_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {API_TOKEN}"}


REGISTRATION = {
    "first_name": "Testa",
    "last_name": "Verzonnen",
    "birth_date": "1990-05-01",
    "email": "testa@example.invalid",
    "phone": "+32470000000",
    "postcode": "9000",
    "education_level": "secundair onderwijs",
    "languages": [{"language": "Nederlands", "level": "moedertaal"}],
    "driving_licences": ["B"],
    "desired_occupations": ["magazijnier"],
}


@pytest.fixture
def make_jobseeker(session: Session, test_clock: FixedClock) -> Callable[..., Jobseeker]:
    """Registers an invented jobseeker through the registration service (automatic package included).

    Fields override the defaults; `registered_on` registers on another day than the test clock's.
    """

    def make(*, registered_on: date | None = None, **fields: object) -> Jobseeker:
        clock = Clock.on(registered_on, hour=9) if registered_on else test_clock.clock
        request = RegistrationRequest.model_validate({**REGISTRATION, **fields})
        jobseeker = register_jobseeker(session=session, request=request, clock=clock)
        session.commit()
        return jobseeker

    return make
