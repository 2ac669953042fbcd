"""The demo data holds the facts of seed 000 and varied, clearly invented jobseekers."""

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.assignments.catalogue import AUTOMATIC_PACKAGE
from backoffice.assignments.models import Assignment, AssignmentProposal
from backoffice.consultants.models import ProvinceStaffing
from backoffice.jobseekers.models import CvDocument, Jobseeker
from backoffice.jobseekers.service import DEMO_PICKER_SIZE
from backoffice.offices.models import Office
from backoffice.seed.places import municipality_by_name, served_municipalities
from backoffice.seed.service import seed_demo_data
from backoffice.seed.vacancies import DEFAULT_COUNT as DEFAULT_VACANCY_COUNT
from backoffice.vacancies import places
from backoffice.vacancies.models import Application, PushedSuggestion, SavedVacancy, Vacancy, VacancyEvent
from backoffice.vacancies.vocabulary import CONTRACT_TYPES, is_occupation
from tests.backoffice.conftest import SEED_DAY


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


def test_every_demo_jobseeker_has_the_automatic_package(session: Session) -> None:
    automatic = session.scalars(select(Assignment).where(Assignment.origin == "automatic")).all()
    per_jobseeker = Counter(assignment.jobseeker_id for assignment in automatic)
    assert len(per_jobseeker) == 200
    assert set(per_jobseeker.values()) == {len(AUTOMATIC_PACKAGE)}


def test_assignment_states_are_varied(session: Session) -> None:
    assignments = session.scalars(select(Assignment)).all()
    states = Counter((assignment.status, assignment.completion) for assignment in assignments)
    for state in [
        ("done", "detected"),
        ("done", "self_reported"),
        ("done", "consultant_confirmed"),
        ("in_progress", None),
        ("overdue", None),
        ("open", None),
    ]:
        assert states[state] > 0, state
    assert any(0 < assignment.current_step < assignment.step_count for assignment in assignments)
    jobseekers = session.scalars(select(Jobseeker)).all()
    assert 0 < sum(1 for jobseeker in jobseekers if jobseeker.cv_updated_at) < 200
    assert session.scalar(select(func.count(CvDocument.id))) == sum(1 for item in jobseekers if item.cv_updated_at)


def test_detected_cvs_were_uploaded_after_the_assignment(session: Session) -> None:
    detected = session.scalars(
        select(Assignment).where(Assignment.kind == "complete_cv", Assignment.completion == "detected")
    ).all()
    assert detected
    for assignment in detected:
        jobseeker = session.get(Jobseeker, assignment.jobseeker_id)
        assert jobseeker.cv_updated_at >= assignment.created_at


def test_demo_picker_jobseekers_have_work_to_show(session: Session) -> None:
    for jobseeker_id in range(1, DEMO_PICKER_SIZE + 1):
        statuses = session.scalars(select(Assignment.status).where(Assignment.jobseeker_id == jobseeker_id)).all()
        assert sum(1 for status in statuses if status != "done") >= 2, jobseeker_id
    smart = session.scalars(
        select(Assignment.jobseeker_id).where(
            Assignment.origin == "smart", Assignment.jobseeker_id <= DEMO_PICKER_SIZE, Assignment.status != "done"
        )
    ).all()
    assert len(set(smart)) >= 2, "some demo jobseekers see a smart assignment"


def test_rules_ran_and_consultants_decided_some_proposals(session: Session) -> None:
    proposals = session.scalars(select(AssignmentProposal)).all()
    assert {proposal.status for proposal in proposals} == {"proposed", "accepted", "rejected"}
    for proposal in proposals:
        if proposal.status == "accepted":
            assignment = session.get(Assignment, proposal.assignment_id)
            assert assignment.origin == "smart" and assignment.reason == proposal.reason


def test_two_thousand_invented_vacancies_with_a_realistic_mix(session: Session) -> None:
    vacancies = session.scalars(select(Vacancy)).all()
    assert len(vacancies) == DEFAULT_VACANCY_COUNT
    assert all(vacancy.is_demo and vacancy.source == "demo" for vacancy in vacancies)
    assert all(vacancy.employer.endswith("(verzonnen)") and "verzonnen" in vacancy.description for vacancy in vacancies)
    assert set(Counter(vacancy.contract_type for vacancy in vacancies)) == set(CONTRACT_TYPES)
    schedules = Counter(vacancy.work_schedule for vacancy in vacancies)
    assert schedules["voltijds"] > schedules["deeltijds"] > 200
    posted = [vacancy.posted_on for vacancy in vacancies]
    assert min(posted) >= SEED_DAY - timedelta(days=60) and max(posted) <= SEED_DAY
    closed = [vacancy for vacancy in vacancies if vacancy.closing_on and vacancy.closing_on < SEED_DAY]
    assert 40 < len(closed) < 400, "some vacancies closed already"
    assert all(is_occupation(vacancy.occupation) for vacancy in vacancies)
    assert len({vacancy.province for vacancy in vacancies}) == 6
    per_place = Counter(vacancy.municipality for vacancy in vacancies)
    assert per_place["Antwerpen"] > per_place["Herstappe"], "weighted to where people live"
    for vacancy in vacancies[:50]:
        municipality = places.by_nis(vacancy.municipality_nis)
        assert vacancy.postcode in municipality.postcodes
        assert (vacancy.latitude, vacancy.longitude) == (municipality.latitude, municipality.longitude)


def test_demo_jobseekers_viewed_saved_and_applied(session: Session) -> None:
    kinds = Counter(session.scalars(select(VacancyEvent.kind)))
    assert kinds["view"] > kinds["save"] > kinds["apply"] > 50
    assert session.scalar(select(func.count(SavedVacancy.id))) == kinds["save"]
    assert session.scalar(select(func.count(Application.id))) > kinds["apply"], "also applications elsewhere"
    picker_kinds = set(session.scalars(select(VacancyEvent.kind).where(VacancyEvent.jobseeker_id <= DEMO_PICKER_SIZE)))
    assert picker_kinds == {"view"}, "the demo picker keeps its vacancy assignments open"
    detected = session.scalars(
        select(Assignment).where(
            Assignment.kind.in_(("save_vacancies", "apply_once")), Assignment.completion == "detected"
        )
    ).all()
    assert {assignment.kind for assignment in detected} == {"save_vacancies", "apply_once"}
    pushed = session.scalars(select(PushedSuggestion)).all()
    assert {push.jobseeker_id for push in pushed} & set(range(1, DEMO_PICKER_SIZE + 1))


def test_municipality_points_cover_belgium(session: Session) -> None:
    municipalities = places.municipalities()
    assert len(municipalities) == 565
    for municipality in municipalities:
        assert 49.4 < municipality.latitude < 51.6 and 2.5 < municipality.longitude < 6.5, municipality.name
    for served in served_municipalities():
        assert places.by_nis(served.nis).name == served.name
        assert places.by_nis(served.nis).postcodes == served.postcodes
    gent, antwerpen = places.resolve_location("Gent").municipality, places.resolve_location("Antwerpen").municipality
    assert 45 < places.distance_km(gent.latitude, gent.longitude, antwerpen.latitude, antwerpen.longitude) < 55
