"""Two people book the same slot at the same moment: exactly one gets it, the other gets other slots.

Real concurrency: two threads, each with its own session and connection, on a file SQLite
database and on PostgreSQL. Both pass the "is it free?" check before either inserts (a barrier
holds them there), so the database's partial unique index, not the check, has to decide.
"""

import threading
import uuid
from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from backoffice.appointments import service
from backoffice.appointments.models import Appointment, ConsultantSchedule
from backoffice.clock import Clock
from backoffice.consultants.models import Consultant
from backoffice.db import make_engine
from backoffice.errors import ConflictError
from backoffice.jobseekers.models import Jobseeker
from backoffice.notifications.models import Notification
from backoffice.offices.models import Office
from tests.backoffice.conftest import migrate

TODAY = date(2026, 11, 23)  # a Monday; the contested slot is on Tuesday
CLOCK = Clock.on(TODAY, hour=12)


def _jobseeker(office: Office, name: str) -> Jobseeker:
    return Jobseeker(
        first_name=name,
        last_name="Verzonnen",
        birth_date=date(1990, 1, 1),
        email=None,
        municipality_nis=office.municipality_nis,
        municipality=office.municipality,
        postcode=office.postcode,
        province=office.province,
        education_level="secundair onderwijs",
        languages=[],
        driving_licences=[],
        desired_occupations=[],
        registration_date=TODAY,
        office_id=office.id,
        is_demo=True,
        created_at=CLOCK.now,
        digital_indicators=[],
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def race_engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('race') / 'race.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    migrate(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def world(race_engine: Engine) -> Iterator[dict[str, int]]:
    """One werkwinkel, one consultant with a Tuesday morning, two jobseekers; removed afterwards."""
    tag = uuid.uuid4().hex[:8]
    with Session(race_engine) as session:
        office = Office(
            name=f"Werkwinkel Racetest {tag}",
            kind="werkwinkel",
            municipality_nis="44021",
            municipality="Gent",
            postcode="9000",
            province="Oost-Vlaanderen",
            address="Teststraat 1, 9000 Gent (verzonnen adres)",
            is_demo=True,
        )
        session.add(office)
        session.flush()
        consultant = Consultant(
            first_name="Ria",
            last_name="Verzonnen",
            email=f"ria-{tag}@example.invalid",
            employment="voltijds",
            office_id=office.id,
        )
        session.add(consultant)
        session.flush()
        session.add(
            ConsultantSchedule(
                consultant_id=consultant.id,
                office_id=office.id,
                weekday=1,
                start_time=time(9),
                end_time=time(12),
                slot_minutes=30,
            )
        )
        first, second = _jobseeker(office, "Ann"), _jobseeker(office, "Bart")
        session.add_all([first, second])
        session.commit()
        ids = {"office": office.id, "consultant": consultant.id, "first": first.id, "second": second.id}
    yield ids
    with Session(race_engine) as session:
        people = [ids["first"], ids["second"]]
        session.execute(delete(Notification).where(Notification.jobseeker_id.in_(people)))
        session.execute(delete(Appointment).where(Appointment.jobseeker_id.in_(people)))
        session.execute(delete(ConsultantSchedule).where(ConsultantSchedule.consultant_id == ids["consultant"]))
        session.execute(delete(Jobseeker).where(Jobseeker.id.in_(people)))
        session.execute(delete(Consultant).where(Consultant.id == ids["consultant"]))
        session.execute(delete(Office).where(Office.id == ids["office"]))
        session.commit()


def test_two_simultaneous_bookings_of_one_slot_one_wins(
    race_engine: Engine, world: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    slot_id = service.slots.encode_slot_id(world["consultant"], datetime(2026, 11, 24, 8, 0))  # 9.00 in Brussels
    barrier = threading.Barrier(2, timeout=10)
    checked = threading.local()
    real_is_taken = service._is_taken
    # SQLite transactions take the write lock when they begin (backoffice/db.py): the second
    # booking waits for the first to commit, so both can never pass the check; they start together.
    serialised = race_engine.dialect.name == "sqlite"

    def is_taken_then_wait(**kwargs: object) -> bool:
        taken = real_is_taken(**kwargs)
        if not getattr(checked, "once", False):
            checked.once = True
            barrier.wait()  # both threads have seen the slot free: now both insert
        return taken

    if not serialised:
        monkeypatch.setattr(service, "_is_taken", is_taken_then_wait)
    results: dict[str, object] = {}

    def book(who: str) -> None:
        if serialised:
            barrier.wait()
        with Session(race_engine, expire_on_commit=False) as session:
            try:
                appointment = service.book(
                    session=session,
                    jobseeker_id=world[who],
                    slot_id=slot_id,
                    channel="web",
                    reason="Hulp bij digitale zaken",
                    clock=CLOCK,
                )
                results[who] = appointment.id
            except ConflictError as error:
                results[who] = error
            except Exception as error:  # noqa: BLE001 - reported by the assertion below
                results[who] = error

    threads = [threading.Thread(target=book, args=(who,)) for who in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    winners = [who for who, result in results.items() if isinstance(result, int)]
    losers = [result for result in results.values() if isinstance(result, ConflictError)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert losers[0].detail == "slot_taken"
    alternatives = losers[0].extra["alternatives"]
    assert len(alternatives) == 3 and slot_id not in {item["slot_id"] for item in alternatives}

    monkeypatch.setattr(service, "_is_taken", real_is_taken)
    with Session(race_engine) as session:
        booked = session.query(Appointment).filter(Appointment.consultant_id == world["consultant"]).all()
        assert [(item.jobseeker_id, item.status) for item in booked] == [(world[winners[0]], "booked")]
        loser = "second" if winners[0] == "first" else "first"
        # The loser books one of the alternatives without trouble.
        again = service.book(
            session=session,
            jobseeker_id=world[loser],
            slot_id=alternatives[0]["slot_id"],
            channel="web",
            reason="Hulp bij digitale zaken",
            clock=CLOCK,
        )
        assert again.status == "booked"
