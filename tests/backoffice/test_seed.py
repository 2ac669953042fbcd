"""The demo data holds the facts of seed 000 and varied, clearly invented jobseekers."""

from collections import Counter
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.consultants.models import ProvinceStaffing
from backoffice.jobseekers.models import Jobseeker
from backoffice.offices.models import Office
from backoffice.seed.places import municipality_by_name
from backoffice.seed.service import seed_demo_data


def test_werkwinkels_per_province_match_the_seed(session: Session) -> None:
    werkwinkels = session.scalars(select(Office).where(Office.kind == "werkwinkel")).all()
    assert Counter(office.province for office in werkwinkels) == {
        "Vlaams-Brabant": 9,
        "Oost-Vlaanderen": 10,
        "West-Vlaanderen": 10,
        "Antwerpen": 12,
        "Limburg": 8,
        "Brussel": 3,
    }
    assert session.scalar(select(func.count()).where(Office.kind == "vac")) == 3


def test_offices_stand_in_real_municipalities_with_invented_addresses(session: Session) -> None:
    for office in session.scalars(select(Office)):
        municipality = municipality_by_name(office.municipality)
        assert office.municipality_nis == municipality.nis
        assert office.postcode in municipality.postcodes
        assert "verzonnen" in office.address


def test_staffing_figures_match_the_seed(session: Session) -> None:
    staffing = {row.province: (row.full_time, row.part_time) for row in session.scalars(select(ProvinceStaffing))}
    assert staffing["Antwerpen"] == (193, 249)
    assert sum(full + part for full, part in staffing.values()) == 1537


def test_two_hundred_varied_demo_jobseekers(session: Session) -> None:
    jobseekers = session.scalars(select(Jobseeker)).all()
    assert len(jobseekers) == 200
    assert all(jobseeker.is_demo for jobseeker in jobseekers)
    with_email = [jobseeker for jobseeker in jobseekers if jobseeker.email]
    assert 0 < len(with_email) < 200, "both jobseekers with and without e-mail"
    assert all(jobseeker.email.endswith(".invalid") for jobseeker in with_email)
    assert len({jobseeker.province for jobseeker in jobseekers}) >= 5
    assert len({jobseeker.education_level for jobseeker in jobseekers}) >= 3
    assert any(jobseeker.driving_licences for jobseeker in jobseekers)
    assert any(not jobseeker.driving_licences for jobseeker in jobseekers)
    assert any(len(jobseeker.languages) > 1 for jobseeker in jobseekers)
    for jobseeker in jobseekers:
        municipality = municipality_by_name(jobseeker.municipality)
        assert jobseeker.postcode in municipality.postcodes
        assert jobseeker.province == municipality.province


def test_jobseekers_are_served_by_a_werkwinkel_of_their_province(session: Session) -> None:
    for jobseeker in session.scalars(select(Jobseeker)):
        assert jobseeker.office is not None
        assert jobseeker.office.province == jobseeker.province


def test_seeding_twice_keeps_the_data_already_stored(session: Session) -> None:
    before = session.scalar(select(func.count(Jobseeker.id)))
    assert seed_demo_data(session=session, today=date(2026, 11, 23)) is False
    assert session.scalar(select(func.count(Jobseeker.id))) == before
