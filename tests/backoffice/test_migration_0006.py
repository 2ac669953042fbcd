"""Migration 0006 keys the embedded search index by place, adds prefix indexes, keeps what it finds, and downgrades."""

from datetime import date, timedelta
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from backoffice.clock import Clock
from backoffice.db import make_engine
from backoffice.vacancies import places, service
from backoffice.vacancies import text as dutch
from backoffice.vacancies.search.sqlite import fts_key
from tests.backoffice.conftest import REPO_ROOT

TODAY = date(2026, 11, 23)


def _vacancy(title: str, place: str):
    return service.new_vacancy(
        municipality=places.resolve_location(place).municipality,
        title=title,
        occupation="kok",
        employer="Testbedrijf (verzonnen)",
        contract_type="vast",
        work_schedule="voltijds",
        hours_per_week=38,
        driving_licences=[],
        languages=["Nederlands"],
        education_level=None,
        description=f"{title}. Verzonnen testvacature.",
        posted_on=TODAY - timedelta(days=1),
        closing_on=None,
        source="consultant",
        is_demo=True,
        created_at=Clock.on(TODAY).now,
    )


def test_upgrade_from_0005_keys_the_index_by_place_and_back(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'before-keys.db'}"
    config = Config(str(REPO_ROOT / "backoffice" / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "0005")
    engine = make_engine(url)
    with Session(engine) as session:
        vacancies = [_vacancy("Kok", "Gent"), _vacancy("Kok", "Hasselt"), _vacancy("Hulpkok", "Lochristi")]
        session.add_all(vacancies)
        session.flush()
        for vacancy in vacancies:  # the index as 0003 kept it: rowid = vacancy id
            session.execute(
                text("INSERT INTO vacancy_fts (rowid, title, terms, body) VALUES (:id, :title, :terms, :body)"),
                {
                    "id": vacancy.id,
                    "title": dutch.index_text(vacancy.title),
                    "terms": dutch.index_text(vacancy.keywords),
                    "body": dutch.index_text(vacancy.description),
                },
            )
        session.commit()
        expected = {fts_key(vacancy.id, vacancy.latitude, vacancy.longitude) for vacancy in vacancies}
        ids = {vacancy.id for vacancy in vacancies}

    command.upgrade(config, "head")
    with Session(engine) as session:
        assert set(session.scalars(text("SELECT rowid FROM vacancy_fts"))) == expected
        assert set(session.scalars(text("SELECT fts_rowid FROM vacancy_fts_keys"))) == expected
        assert session.scalars(text("SELECT DISTINCT term FROM vacancy_fts_terms WHERE term >= 'kok'")).first() == "kok"
        near_gent = service.search(session=session, today=TODAY, q="kok", location="Gent", radius_km=15)
        assert sorted(card.municipality for card in near_gent.results) == ["Gent", "Lochristi"]
        assert service.search(session=session, today=TODAY, q="kok").total == 3

    command.downgrade(config, "0005")
    assert not {"vacancy_fts_keys", "vacancy_fts_terms"} & set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        assert set(connection.execute(text("SELECT rowid FROM vacancy_fts")).scalars()) == ids
        found = connection.execute(text("SELECT rowid FROM vacancy_fts WHERE vacancy_fts MATCH 'kok'")).scalars()
        assert set(found) == ids
    engine.dispose()
