"""Backoffice test fixtures: a migrated SQLite database, one rolled-back transaction per test."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from backoffice.config import Settings, get_settings
from backoffice.db import get_session, make_engine
from backoffice.main import create_app
from backoffice.seed.service import seed_demo_data

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
    config = Config(str(REPO_ROOT / "backoffice" / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", database_url)
    command.upgrade(config, "head")
    engine = make_engine(database_url)
    with Session(engine) as session:
        seed_demo_data(session=session, today=SEED_DAY)
    yield engine
    engine.dispose()


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
    )


@pytest.fixture
def client(session: Session, settings: Settings) -> Iterator[TestClient]:
    app = create_app()
    app.dependency_overrides[get_session] = lambda: session
    app.dependency_overrides[get_settings] = lambda: settings
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def auth_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {API_TOKEN}"}
