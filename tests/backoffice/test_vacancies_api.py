"""The vacancy API over the seeded demo data: search, detail, saved vacancies, applications, views."""

from collections.abc import Callable
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.assignments.models import Assignment
from backoffice.jobseekers.models import Jobseeker
from backoffice.vacancies.models import Vacancy, VacancyEvent
from tests.backoffice.conftest import SEED_DAY

Make = Callable[..., Jobseeker]
API = "/api/v1"
Headers = dict[str, str]


def open_vacancies(session: Session, **where: object) -> list[Vacancy]:
    query = select(Vacancy).where(
        Vacancy.posted_on <= SEED_DAY, (Vacancy.closing_on.is_(None)) | (Vacancy.closing_on >= SEED_DAY)
    )
    for column, value in where.items():
        query = query.where(getattr(Vacancy, column) == value)
    return list(session.scalars(query.order_by(Vacancy.id)))


def closed_vacancy(session: Session) -> Vacancy:
    return session.scalars(select(Vacancy).where(Vacancy.closing_on < SEED_DAY).order_by(Vacancy.id)).first()


def test_search_answers_a_page_of_cards(client: TestClient, auth_headers: Headers) -> None:
    params = {"q": "magazijn", "location": "Antwerpen", "radius_km": 30, "page_size": 5}
    answer = client.get(f"{API}/vacancies/search", params=params, headers=auth_headers)
    assert answer.status_code == 200, answer.text
    page = answer.json()
    assert page["page"] == 1 and page["page_size"] == 5 and page["total"] >= len(page["results"]) > 0
    assert page["location"] == {"municipality": "Antwerpen", "province": "Antwerpen"}
    card = page["results"][0]
    assert set(card) == {
        "id",
        "title",
        "occupation",
        "employer",
        "municipality",
        "postcode",
        "province",
        "distance_km",
        "contract_type",
        "work_schedule",
        "hours_per_week",
        "posted_on",
        "closing_on",
        "summary",
    }
    assert card["distance_km"] <= 30 and card["employer"].endswith("(verzonnen)")


def test_search_refuses_what_it_cannot_answer(client: TestClient, auth_headers: Headers) -> None:
    unknown = client.get(f"{API}/vacancies/search", params={"location": "Xyzzyville"}, headers=auth_headers)
    assert unknown.status_code == 422
    assert unknown.json() == {"detail": "Unknown location"}
    for params in ({"page_size": 51}, {"page": 0}, {"radius_km": -1}, {"contract_type": "vaste job"}):
        answer = client.get(f"{API}/vacancies/search", params=params, headers=auth_headers)
        assert answer.status_code == 422, params
        assert "vaste job" not in answer.text
    occupation = client.get(f"{API}/vacancies/search", params={"occupation": "astronaut"}, headers=auth_headers)
    assert occupation.json() == {"detail": "Unknown occupation"}
    assert client.get(f"{API}/vacancies/search").status_code == 401


def test_detail_has_description_and_requirements(client: TestClient, auth_headers: Headers, session: Session) -> None:
    vacancy = open_vacancies(session, occupation="vrachtwagenchauffeur")[0]
    answer = client.get(f"{API}/vacancies/{vacancy.id}", headers=auth_headers)
    assert answer.status_code == 200
    detail = answer.json()
    assert detail["description"] == vacancy.description and "verzonnen" in detail["description"]
    assert detail["requirements"]["driving_licences"] == ["C"]
    assert "Nederlands" in detail["requirements"]["languages"]
    assert client.get(f"{API}/vacancies/999999", headers=auth_headers).status_code == 404


def _assignment(session: Session, jobseeker_id: int, kind: str) -> Assignment:
    query = select(Assignment).where(Assignment.jobseeker_id == jobseeker_id, Assignment.kind == kind)
    assignment = session.scalar(query)
    session.refresh(assignment)
    return assignment


def test_saving_three_vacancies_completes_the_assignment(
    client: TestClient, auth_headers: Headers, make_jobseeker: Make, session: Session
) -> None:
    jobseeker = make_jobseeker()
    vacancies = open_vacancies(session, occupation="magazijnier")[:3]
    url = f"{API}/jobseekers/{jobseeker.id}/saved-vacancies"
    for index, vacancy in enumerate(vacancies):
        answer = client.post(url, json={"vacancy_id": vacancy.id}, headers=auth_headers)
        assert answer.status_code == 201, answer.text
        assert answer.json()["saved_on"] == SEED_DAY.isoformat()
        if index < 2:
            assert _assignment(session, jobseeker.id, "save_vacancies").status == "open"
    again = client.post(url, json={"vacancy_id": vacancies[0].id}, headers=auth_headers)
    assert again.status_code == 200

    done = _assignment(session, jobseeker.id, "save_vacancies")
    assert done.status == "done" and done.completion == "detected"
    history = client.get(f"{API}/assignments/{done.id}/history", headers=auth_headers).json()
    assert history[-1]["to_value"] == "done" and history[-1]["note"] == "three vacancies saved"
    saved = client.get(url, headers=auth_headers).json()
    assert {card["id"] for card in saved} == {vacancy.id for vacancy in vacancies}
    assert all(card["distance_km"] is not None for card in saved)
    kinds = session.scalars(select(VacancyEvent.kind).where(VacancyEvent.jobseeker_id == jobseeker.id)).all()
    assert kinds == ["save", "save", "save"]


def test_unsaving_and_saving_what_cannot_be_saved(
    client: TestClient, auth_headers: Headers, make_jobseeker: Make, session: Session
) -> None:
    jobseeker = make_jobseeker()
    vacancy = open_vacancies(session)[0]
    url = f"{API}/jobseekers/{jobseeker.id}/saved-vacancies"
    assert client.post(url, json={"vacancy_id": vacancy.id}, headers=auth_headers).status_code == 201
    assert client.delete(f"{url}/{vacancy.id}", headers=auth_headers).status_code == 204
    assert client.delete(f"{url}/{vacancy.id}", headers=auth_headers).status_code == 404
    assert client.get(url, headers=auth_headers).json() == []
    closed = client.post(url, json={"vacancy_id": closed_vacancy(session).id}, headers=auth_headers)
    assert closed.status_code == 409
    assert client.post(url, json={"vacancy_id": 999999}, headers=auth_headers).status_code == 404
    assert (
        client.post(
            f"{API}/jobseekers/999999/saved-vacancies", json={"vacancy_id": vacancy.id}, headers=auth_headers
        ).status_code
        == 404
    )


def test_an_application_completes_apply_once(
    client: TestClient, auth_headers: Headers, make_jobseeker: Make, session: Session
) -> None:
    jobseeker = make_jobseeker()
    vacancy = open_vacancies(session)[5]
    url = f"{API}/jobseekers/{jobseeker.id}/applications"
    answer = client.post(url, json={"vacancy_id": vacancy.id, "channel": "via de bot"}, headers=auth_headers)
    assert answer.status_code == 201, answer.text
    application = answer.json()
    assert application["employer"] == vacancy.employer and application["title"] == vacancy.title
    assert application["status"] == "verstuurd" and application["applied_on"] == SEED_DAY.isoformat()

    done = _assignment(session, jobseeker.id, "apply_once")
    assert done.status == "done" and done.completion == "detected"
    event = session.scalar(select(VacancyEvent).where(VacancyEvent.jobseeker_id == jobseeker.id))
    assert (event.kind, event.vacancy_id) == ("apply", vacancy.id)

    outside = {
        "employer": "Bakkerij Verzonnen",
        "title": "Verkoper",
        "channel": "ter plaatse",
        "applied_on": (SEED_DAY - timedelta(days=1)).isoformat(),
        "note": "CV afgegeven aan de toog.",
    }
    assert client.post(url, json=outside, headers=auth_headers).status_code == 201
    listed = client.get(url, headers=auth_headers).json()
    assert [item["employer"] for item in listed] == [vacancy.employer, "Bakkerij Verzonnen"]

    patched = client.patch(
        f"{API}/applications/{application['id']}",
        json={"status": "gesprek", "note": "Dinsdag om 10 uur."},
        headers=auth_headers,
    )
    assert patched.status_code == 200 and patched.json()["status"] == "gesprek"
    assert patched.json()["note"] == "Dinsdag om 10 uur."


def test_applications_that_cannot_be_logged(client: TestClient, auth_headers: Headers, make_jobseeker: Make) -> None:
    jobseeker = make_jobseeker()
    url = f"{API}/jobseekers/{jobseeker.id}/applications"
    no_employer = client.post(url, json={"channel": "online", "title": "Kok"}, headers=auth_headers)
    assert no_employer.status_code == 422
    future = {"employer": "X", "channel": "online", "applied_on": (SEED_DAY + timedelta(days=2)).isoformat()}
    assert client.post(url, json=future, headers=auth_headers).status_code == 422
    bad_channel = client.post(url, json={"employer": "Geheim BV", "channel": "duif"}, headers=auth_headers)
    assert bad_channel.status_code == 422 and "Geheim" not in bad_channel.text and "duif" not in bad_channel.text
    assert client.post(url, json={"vacancy_id": 999999, "channel": "online"}, headers=auth_headers).status_code == 404
    assert (
        client.patch(f"{API}/applications/999999", json={"status": "gesprek"}, headers=auth_headers).status_code == 404
    )
    control = client.post(url, json={"employer": "A\u0007B", "channel": "online"}, headers=auth_headers)
    assert control.status_code == 422


def test_a_view_is_recorded(client: TestClient, auth_headers: Headers, make_jobseeker: Make, session: Session) -> None:
    jobseeker = make_jobseeker()
    vacancy = open_vacancies(session)[0]
    url = f"{API}/jobseekers/{jobseeker.id}/vacancy-views"
    answer = client.post(url, json={"vacancy_id": vacancy.id}, headers=auth_headers)
    assert answer.status_code == 204 and answer.content == b""
    event = session.scalar(select(VacancyEvent).where(VacancyEvent.jobseeker_id == jobseeker.id))
    assert (event.kind, event.vacancy_id) == ("view", vacancy.id)
    assert client.post(url, json={"vacancy_id": 999999}, headers=auth_headers).status_code == 404
