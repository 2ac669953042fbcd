"""One suite, two engines: every test runs against SQLite FTS5 and against PostgreSQL full text.

Each engine gets a fresh database, migrated by Alembic, with a small hand-made set of vacancies
stored through the service (so the embedded engine's indexing path runs too).
"""

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from backoffice.clock import Clock
from backoffice.db import make_engine
from backoffice.errors import InvalidInputError
from backoffice.vacancies import places, service
from backoffice.vacancies.search import base, engine_for, sqlite
from backoffice.vacancies.search.postgres import PostgresFtsEngine
from backoffice.vacancies.search.sqlite import SqliteFtsEngine
from tests.backoffice.conftest import migrate

TODAY = date(2026, 11, 23)
HASSELT_COOKS = 12


def _vacancy(title: str, occupation: str, place: str, *, days_ago: int = 1, **fields: object):
    municipality = places.resolve_location(place).municipality
    text = fields.pop("description", f"{title}. Een job in {municipality.name}. Verzonnen testvacature.")
    return service.new_vacancy(
        municipality=municipality,
        title=title,
        occupation=occupation,
        employer=fields.pop("employer", "Testbedrijf (verzonnen)"),
        contract_type=fields.pop("contract_type", "vast"),
        work_schedule=fields.pop("work_schedule", "voltijds"),
        hours_per_week=38,
        driving_licences=[],
        languages=["Nederlands"],
        education_level=None,
        description=text,
        posted_on=TODAY - timedelta(days=days_ago),
        closing_on=fields.pop("closing_on", None),
        source="consultant",
        is_demo=True,
        created_at=Clock.on(TODAY).now,
        **fields,
    )


def corpus() -> list:
    vacancies = [
        _vacancy(
            "Heftruckchauffeur",
            "heftruckchauffeur",
            "Gent",
            description="Je rijdt met de heftruck en brengt paletten naar de juiste plaats. Je werkt in ploegen.",
        ),
        _vacancy(
            "Magazijnier",
            "magazijnier",
            "Gent",
            days_ago=3,
            contract_type="interim",
            description="Je maakt bestellingen klaar. Soms rijd je met de heftruck.",
        ),
        _vacancy("Heftruckchauffeur", "heftruckchauffeur", "Antwerpen"),
        _vacancy("Heftruckchauffeur", "heftruckchauffeur", "Lochristi", days_ago=30),
        _vacancy("Heftruckchauffeur gesloten", "heftruckchauffeur", "Gent", closing_on=TODAY - timedelta(days=1)),
        _vacancy("Heftruckchauffeur toekomst", "heftruckchauffeur", "Gent", days_ago=-2),
        _vacancy("Heftruckchauffeur laatste dag", "heftruckchauffeur", "Gent", days_ago=20, closing_on=TODAY),
        _vacancy(
            "Schoonmaker kantoren",
            "schoonmaker",
            "Leuven",
            contract_type="tijdelijk",
            work_schedule="deeltijds",
            description="Je maakt kantoren proper, 's avonds.",
        ),
        _vacancy(
            "Verpleegkundige",
            "verpleegkundige",
            "Brugge",
            days_ago=10,
            work_schedule="deeltijds",
            description="Je zorgt voor patiënten. Verpleegkundigen werken bij ons ook in nachtdienst.",
        ),
        _vacancy("Kassamedewerker", "kassamedewerker", "2018", contract_type="studentenjob"),
    ]
    # Cooks in Hasselt: identical text and place, posted on a few days, for ordering and pages.
    vacancies += [_vacancy("Kok", "kok", "Hasselt", days_ago=1 + index % 4) for index in range(HASSELT_COOKS)]
    return vacancies


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def search_engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{Path(tmp_path_factory.mktemp('search')) / 'search.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    migrate(url)
    engine = make_engine(url)
    with Session(engine) as session:
        service.add_vacancies(session=session, vacancies=corpus())
        session.commit()
    yield engine
    engine.dispose()


@pytest.fixture
def db(search_engine: Engine) -> Iterator[Session]:
    connection = search_engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint")
    yield session
    session.close()
    transaction.rollback()
    connection.close()


def search(db: Session, **criteria: object):
    return service.search(session=db, today=TODAY, **criteria)


def titles(page) -> list[str]:
    return [card.title for card in page.results]


def test_the_engine_follows_the_database(db: Session) -> None:
    expected = SqliteFtsEngine if db.get_bind().dialect.name == "sqlite" else PostgresFtsEngine
    assert isinstance(engine_for(db), expected)


def test_words_are_stemmed_alike_in_text_and_query(db: Session) -> None:
    assert set(titles(search(db, q="magazijniers"))) == {"Magazijnier"}
    assert "Verpleegkundige" in titles(search(db, q="verpleegkundigen"))


def test_a_word_finds_the_compounds_it_starts(db: Session) -> None:
    page = search(db, q="heftruck", location="Gent", radius_km=5)
    assert {"Heftruckchauffeur", "Magazijnier", "Heftruckchauffeur laatste dag"} == set(titles(page))


def test_everyday_words_of_the_occupation_find_it(db: Session) -> None:
    assert titles(search(db, q="poetsvrouw")) == ["Schoonmaker kantoren"]


def test_every_word_must_match(db: Session) -> None:
    assert titles(search(db, q="verpleegkundige nachtdienst")) == ["Verpleegkundige"]
    assert search(db, q="heftruck nachtdienst").total == 0


def test_query_syntax_and_stop_words_are_inert(db: Session) -> None:
    for q in ['"heftruck" OR *', "NEAR(kok", "kok:* & !", "a'b"]:
        search(db, q=q)  # no error, whatever it finds
    assert search(db, q="de het een").total == 0
    assert search(db, q="  ").total == search(db).total


def test_a_long_word_is_asked_as_the_one_term_it_starts(db: Session) -> None:
    """Past the prefix indexes (15 characters) a word that starts one indexed term only is asked as
    that term; one that starts more stays a prefix. Both engines find the same either way."""
    cleaners = [
        _vacancy("Schoonmaker", "schoonmaker", "Gent", description="Ons schoonmaakbedrijf zoekt versterking."),
        _vacancy("Schoonmaker", "schoonmaker", "Gent", description="Voor schoonmaakbedrijven in de regio."),
    ]
    service.add_vacancies(session=db, vacancies=cleaners)
    if isinstance(engine_for(db), SqliteFtsEngine):
        assert sqlite._phrases(db, ["schoonmaakbedrijf"]) == '"schoonmaakbedrijf"'
        assert sqlite._phrases(db, ["schoonmaakbedrij", "kok"]) == '"schoonmaakbedrij"* AND "kok"'
        assert sqlite._phrases(db, ["heftruck", "zzzzzzzzzzzzzzzzzz"]) == '"heftruck"* AND "zzzzzzzzzzzzzzzzzz"*'
    assert search(db, q="schoonmaakbedrijf").total == 1
    assert search(db, q="schoonmaakbedrijven").total == 1
    assert search(db, q="heftruckchauffeurs", location="Gent", radius_km=20).total == 3


def test_a_title_match_ranks_above_a_description_match(db: Session) -> None:
    page = search(db, q="heftruck", location="Gent", radius_km=5)
    assert page.results[0].title == "Heftruckchauffeur" and page.results[-1].title != "Heftruckchauffeur"
    assert titles(page).index("Heftruckchauffeur") < titles(page).index("Magazijnier")


def test_closed_and_future_vacancies_never_show(db: Session) -> None:
    for page in (search(db), search(db, q="heftruckchauffeur"), search(db, occupation="heftruckchauffeur")):
        assert not {"Heftruckchauffeur gesloten", "Heftruckchauffeur toekomst"} & set(titles(page))
    assert "Heftruckchauffeur laatste dag" in titles(search(db, occupation="heftruckchauffeur"))


def test_filters(db: Session) -> None:
    assert search(db, occupation="heftruckchauffeur").total == 4
    assert titles(search(db, contract_type="interim")) == ["Magazijnier"]
    assert set(titles(search(db, work_schedule="deeltijds"))) == {"Schoonmaker kantoren", "Verpleegkundige"}
    since = search(db, occupation="heftruckchauffeur", posted_since=TODAY - timedelta(days=5))
    assert since.total == 2
    assert search(db, q="heftruck", contract_type="studentenjob").total == 0


def test_radius_around_a_municipality(db: Session) -> None:
    page = search(db, occupation="heftruckchauffeur", location="Gent", radius_km=20)
    assert {card.municipality for card in page.results} == {"Gent", "Lochristi"}
    assert all(card.distance_km is not None and card.distance_km <= 20 for card in page.results)
    assert page.location.municipality == "Gent" and page.location.province == "Oost-Vlaanderen"
    wide = search(db, occupation="heftruckchauffeur", location="Gent", radius_km=100)
    assert "Antwerpen" in {card.municipality for card in wide.results}


def test_words_in_a_radius_find_what_the_radius_holds(db: Session) -> None:
    """With words the text index reads the radius's band of the key first: the same vacancies as
    the text alone within the radius, the edges included."""
    for q, place, radius in [
        ("heftruck", "Gent", 20),
        ("heftruck", "Gent", 100),
        ("kok", "Hasselt", 1),
        ("job", "Antwerpen", 45),
    ]:
        near = search(db, q=q, location=place, radius_km=radius, page_size=50)
        everywhere = search(db, q=q, location=place, radius_km=200, page_size=50)
        inside = {card.id for card in everywhere.results if card.distance_km <= radius}
        assert {card.id for card in near.results} == inside and near.total == len(inside), (q, place, radius)
    assert {card.municipality for card in search(db, q="heftruck", location="Gent", radius_km=20).results} == {
        "Gent",
        "Lochristi",
    }


def test_a_vacancy_indexed_again_after_it_moved_is_found_in_its_new_place_only(db: Session) -> None:
    (vacancy,) = service.add_vacancies(session=db, vacancies=[_vacancy("Sommelier", "sommelier", "Brugge")])
    hasselt = places.resolve_location("Hasselt").municipality
    vacancy.municipality_nis, vacancy.municipality, vacancy.postcode = hasselt.nis, hasselt.name, hasselt.postcodes[0]
    vacancy.province, vacancy.latitude, vacancy.longitude = hasselt.province, hasselt.latitude, hasselt.longitude
    engine_for(db).index(db, [vacancy.id])
    assert titles(search(db, q="sommelier", location="Hasselt", radius_km=5)) == ["Sommelier"]
    assert search(db, q="sommelier", location="Brugge", radius_km=5).total == 0
    assert search(db, q="sommelier").total == 1


def test_a_postcode_is_its_municipality(db: Session) -> None:
    by_name = search(db, occupation="heftruckchauffeur", location="Gent", radius_km=20)
    by_postcode = search(db, occupation="heftruckchauffeur", location="9000", radius_km=20)
    assert [card.id for card in by_postcode.results] == [card.id for card in by_name.results]
    assert search(db, location="2018", radius_km=0).location.municipality == "Antwerpen"


def test_radius_zero_is_the_municipality_itself(db: Session) -> None:
    page = search(db, occupation="heftruckchauffeur", location="Gent", radius_km=0)
    assert {card.municipality for card in page.results} == {"Gent"}


def test_a_province_as_location_or_filter(db: Session) -> None:
    page = search(db, location="provincie Antwerpen")
    assert {card.province for card in page.results} == {"Antwerpen"} and page.total == 2
    assert all(card.distance_km is None for card in page.results)
    assert page.location.municipality is None and page.location.province == "Antwerpen"
    assert search(db, province="Oost-Vlaanderen").total == search(db, location="provincie Oost-Vlaanderen").total
    assert search(db, province="Limburg", location="provincie Antwerpen").total == 0


def test_unknown_places_are_refused(db: Session) -> None:
    for criteria in ({"location": "Atlantis"}, {"location": "0000"}, {"location": "provincie Nergens"}):
        with pytest.raises(InvalidInputError, match="Unknown location"):
            search(db, **criteria)
    with pytest.raises(InvalidInputError, match="Unknown province"):
        search(db, province="Nergens")


def test_nearer_ranks_first_when_text_and_age_tie(db: Session) -> None:
    page = search(db, q="heftruckchauffeur", location="Gent", radius_km=100)
    ranked = [(card.municipality, card.title) for card in page.results]
    assert ranked.index(("Gent", "Heftruckchauffeur")) < ranked.index(("Antwerpen", "Heftruckchauffeur"))


def test_fresher_ranks_first_when_text_and_place_tie(db: Session) -> None:
    page = search(db, q="kok", location="Hasselt", page_size=50)
    posted = [card.posted_on for card in page.results]
    assert posted == sorted(posted, reverse=True)


def test_ties_are_broken_by_id_newest_first_and_pages_are_stable(db: Session) -> None:
    pages = [search(db, occupation="kok", location="Hasselt", page=number, page_size=5) for number in (1, 2, 3)]
    assert [page.total for page in pages] == [HASSELT_COOKS] * 3
    ids = [card.id for page in pages for card in page.results]
    assert len(ids) == len(set(ids)) == HASSELT_COOKS
    for day in {card.posted_on for page in pages for card in page.results}:
        same_day = [card.id for page in pages for card in page.results if card.posted_on == day]
        assert same_day == sorted(same_day, reverse=True)
    again = search(db, occupation="kok", location="Hasselt", page=2, page_size=5)
    assert [card.id for card in again.results] == [card.id for card in pages[1].results]


def test_a_page_past_the_end_keeps_the_total(db: Session) -> None:
    page = search(db, occupation="kok", page=9, page_size=5)
    assert page.results == [] and page.total == HASSELT_COOKS


def test_cards_carry_what_a_list_shows(db: Session) -> None:
    card = search(db, q="verpleegkundige").results[0]
    assert card.summary.startswith("Je zorgt voor patiënten.")
    assert len(card.summary) <= 141
    assert card.contract_type == "vast" and card.work_schedule == "deeltijds" and card.distance_km is None


def test_new_vacancies_are_found_at_once(db: Session) -> None:
    assert search(db, q="sommelier").total == 0
    service.add_vacancies(session=db, vacancies=[_vacancy("Sommelier", "sommelier", "Brugge")])
    assert titles(search(db, q="sommelier")) == ["Sommelier"]


def test_ranking_a_small_circle_first_changes_no_page(db: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without words the nearest circle is ranked first; the pages must be those of the whole radius."""
    cases = [
        {"location": "Gent", "radius_km": 100},
        {"location": "Hasselt", "radius_km": 60},
        {"location": "Lochristi", "radius_km": 150, "work_schedule": "voltijds"},
    ]
    monkeypatch.setattr(base, "NEAREST_FIRST_FROM", 0)  # the small corpus takes the small-circle path
    monkeypatch.setattr(base, "MIN_CIRCLE_KM", 0.5)
    for criteria in cases:
        pages = [search(db, **criteria, page=number, page_size=3) for number in (1, 2, 3, 4)]
        monkeypatch.setattr(base, "NEAREST_FIRST_FROM", 10**9)
        whole = [search(db, **criteria, page=number, page_size=3) for number in (1, 2, 3, 4)]
        monkeypatch.setattr(base, "NEAREST_FIRST_FROM", 0)
        assert [[card.id for card in page.results] for page in pages] == [
            [card.id for card in page.results] for page in whole
        ], criteria
        assert [page.total for page in pages] == [page.total for page in whole]


def test_the_reach_of_a_score() -> None:
    assert base.reach_km(0.15) == float("inf")
    assert base.reach_km(0.40) == 0.0
    # 0.25 near(15 km) + 0.15 = 0.275: 15 km is as far as that score can come from.
    assert abs(base.reach_km(0.275) - 15.0) < 1e-9
