"""Job suggestions with their reasons, pushes, and the dashboard with its CSV and PDF exports."""

import csv
import io
from collections.abc import Callable
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.clock import Clock
from backoffice.consultants.models import Consultant
from backoffice.jobseekers.models import Jobseeker
from backoffice.jobseekers.service import DEMO_PICKER_SIZE
from backoffice.vacancies import places, service
from backoffice.vacancies.models import Vacancy
from backoffice.vacancies.suggestions import collaborative
from tests.backoffice.conftest import SEED_DAY
from tests.backoffice.test_vacancies_api import closed_vacancy, open_vacancies

Make = Callable[..., Jobseeker]
API = "/api/v1"
Headers = dict[str, str]
GENT = "9000"


def _suggestions(client: TestClient, headers: Headers, jobseeker_id: int, limit: int = 5) -> list[dict]:
    answer = client.get(f"{API}/jobseekers/{jobseeker_id}/suggestions", params={"limit": limit}, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _near(session: Session, postcode: str, occupation: str, km: float = 30) -> list[Vacancy]:
    home = places.resolve_location(postcode).municipality
    return [
        vacancy
        for vacancy in open_vacancies(session, occupation=occupation)
        if places.distance_km(home.latitude, home.longitude, vacancy.latitude, vacancy.longitude) <= km
    ]


def test_profile_suggestions_follow_the_dossier(
    client: TestClient, auth_headers: Headers, make_jobseeker: Make, session: Session
) -> None:
    jobseeker = make_jobseeker(postcode=GENT, desired_occupations=["magazijnier"], work_schedule="voltijds")
    suggestions = _suggestions(client, auth_headers, jobseeker.id, limit=10)
    profile = [item for item in suggestions if item["source"] == "profile"]
    assert profile, "a jobseeker in Gent looking for warehouse work gets vacancies near Gent"
    for item in profile:
        assert item["vacancy"]["occupation"] == "magazijnier"
        assert item["vacancy"]["work_schedule"] == "voltijds"
        assert item["vacancy"]["distance_km"] <= 30
        assert item["reason"] in {
            "Je zoekt werk als magazijnier in de buurt van Gent.",
            "Je zoekt werk als magazijnier in Gent.",
        }
    distances = [item["vacancy"]["distance_km"] for item in profile]
    assert distances[0] <= max(distances)
    assert len({item["vacancy"]["id"] for item in suggestions}) == len(suggestions)


def test_licences_the_jobseeker_lacks_are_left_out(
    client: TestClient, auth_headers: Headers, make_jobseeker: Make, session: Session
) -> None:
    assert _near(session, GENT, "vrachtwagenchauffeur", km=40), "the demo data has lorry jobs near Gent"
    without = make_jobseeker(postcode=GENT, desired_occupations=["vrachtwagenchauffeur"], driving_licences=["B"])
    assert not [item for item in _suggestions(client, auth_headers, without.id) if item["source"] == "profile"]
    with_c = make_jobseeker(postcode=GENT, desired_occupations=["vrachtwagenchauffeur"], driving_licences=["CE"])
    profile = [item for item in _suggestions(client, auth_headers, with_c.id) if item["source"] == "profile"]
    assert profile and all(item["vacancy"]["occupation"] == "vrachtwagenchauffeur" for item in profile)


def test_a_push_comes_first_with_its_reason(
    client: TestClient, auth_headers: Headers, make_jobseeker: Make, session: Session
) -> None:
    jobseeker = make_jobseeker(postcode=GENT, desired_occupations=["kok"])
    vacancy = open_vacancies(session, occupation="boekhouder")[0]
    consultant = session.scalars(select(Consultant)).first()
    url = f"{API}/jobseekers/{jobseeker.id}/suggestions"
    body = {"vacancy_id": vacancy.id, "source": "consultant", "consultant_id": consultant.id}
    pushed = client.post(url, json=body, headers=auth_headers)
    assert pushed.status_code == 201, pushed.text
    assert pushed.json()["vacancy_id"] == vacancy.id and pushed.json()["source"] == "consultant"
    employer = open_vacancies(session, occupation="kelner")[0]
    assert (
        client.post(url, json={"vacancy_id": employer.id, "source": "employer"}, headers=auth_headers).status_code
        == 201
    )

    suggestions = _suggestions(client, auth_headers, jobseeker.id)
    assert suggestions[0]["vacancy"]["id"] == employer.id and suggestions[0]["source"] == "employer"
    assert suggestions[1] == {
        "vacancy": suggestions[1]["vacancy"],
        "source": "consultant",
        "reason": "Je bemiddelaar raadt deze vacature aan.",
    }
    assert suggestions[1]["vacancy"]["id"] == vacancy.id


def test_pushes_that_cannot_be_made(
    client: TestClient, auth_headers: Headers, make_jobseeker: Make, session: Session
) -> None:
    jobseeker = make_jobseeker()
    url = f"{API}/jobseekers/{jobseeker.id}/suggestions"
    vacancy = open_vacancies(session)[0]
    unknown_consultant = {"vacancy_id": vacancy.id, "source": "consultant", "consultant_id": 99999}
    assert client.post(url, json=unknown_consultant, headers=auth_headers).status_code == 404
    closed = {"vacancy_id": closed_vacancy(session).id, "source": "consultant"}
    assert client.post(url, json=closed, headers=auth_headers).status_code == 409
    employer_with_consultant = {"vacancy_id": vacancy.id, "source": "employer", "consultant_id": 1}
    assert client.post(url, json=employer_with_consultant, headers=auth_headers).status_code == 422
    assert (
        client.post(url, json={"vacancy_id": vacancy.id, "source": "buurman"}, headers=auth_headers).status_code == 422
    )


def test_never_expired_applied_or_twice(
    client: TestClient, auth_headers: Headers, make_jobseeker: Make, session: Session, test_clock
) -> None:
    jobseeker = make_jobseeker(postcode=GENT, desired_occupations=["magazijnier", "heftruckchauffeur"])
    first = _suggestions(client, auth_headers, jobseeker.id, limit=10)
    applied = first[0]["vacancy"]["id"]
    apply = {"vacancy_id": applied, "channel": "online"}
    assert (
        client.post(f"{API}/jobseekers/{jobseeker.id}/applications", json=apply, headers=auth_headers).status_code
        == 201
    )
    closed = closed_vacancy(session)
    client.post(
        f"{API}/jobseekers/{jobseeker.id}/suggestions",
        json={"vacancy_id": open_vacancies(session)[0].id, "source": "consultant"},
        headers=auth_headers,
    )
    later = _suggestions(client, auth_headers, jobseeker.id, limit=20)
    ids = [item["vacancy"]["id"] for item in later]
    assert applied not in ids and closed.id not in ids and len(ids) == len(set(ids))

    # A month on, the vacancies that closed meanwhile drop out.
    test_clock.set_day(SEED_DAY + timedelta(days=40))
    for item in _suggestions(client, auth_headers, jobseeker.id, limit=20):
        closing = item["vacancy"]["closing_on"]
        assert closing is None or closing >= (SEED_DAY + timedelta(days=40)).isoformat()


def test_collaborative_suggestions_come_from_what_others_did(make_jobseeker: Make, session: Session) -> None:
    """Two people saved A and B; a third who saved A is told about B, with the reason."""
    a, b = _near(session, GENT, "kok")[:2]
    clock = Clock.on(SEED_DAY)
    others = [make_jobseeker(postcode=GENT, desired_occupations=["lasser"]) for _ in range(2)]
    for other in others:
        for vacancy in (a, b):
            service.save_vacancy(session=session, jobseeker=other, vacancy=vacancy, clock=clock)
    me = make_jobseeker(postcode=GENT, desired_occupations=["boekhouder"])
    service.record_view(session=session, jobseeker=me, vacancy=a, clock=clock)
    suggested = collaborative(session=session, jobseeker=me, clock=clock, limit=5)
    assert suggested[0].vacancy_id == b.id
    assert suggested[0].reason == "Mensen met een gelijkaardig profiel bewaarden deze vacature."


def test_without_own_events_people_with_a_similar_profile_count(make_jobseeker: Make, session: Session) -> None:
    vacancy = _near(session, GENT, "kelner")
    clock = Clock.on(SEED_DAY)
    other = make_jobseeker(postcode=GENT, desired_occupations=["sommelier"])
    service.log_application(
        session=session,
        jobseeker=other,
        request=service.ApplicationCreate(vacancy_id=vacancy[0].id, channel="online"),
        clock=clock,
    )
    me = make_jobseeker(postcode="9050", desired_occupations=["sommelier"])
    suggested = collaborative(session=session, jobseeker=me, clock=clock, limit=5)
    assert [item.vacancy_id for item in suggested] == [vacancy[0].id]
    assert suggested[0].reason == "Mensen met een gelijkaardig profiel solliciteerden voor deze vacature."


def test_demo_picker_jobseekers_get_suggestions_near_home(
    client: TestClient, auth_headers: Headers, session: Session
) -> None:
    sources = set()
    for jobseeker_id in range(1, DEMO_PICKER_SIZE + 1):
        jobseeker = session.get(Jobseeker, jobseeker_id)
        for occupation in jobseeker.desired_occupations:
            near = _near(session, jobseeker.postcode, occupation, km=15)
            assert near, (jobseeker_id, occupation)
        suggestions = _suggestions(client, auth_headers, jobseeker_id)
        assert len(suggestions) == 5, jobseeker_id
        sources |= {item["source"] for item in suggestions}
    assert sources == {"profile", "similar", "consultant"}


def test_dashboard_lists_saved_vacancies_and_applications(
    client: TestClient, auth_headers: Headers, make_jobseeker: Make, session: Session
) -> None:
    jobseeker = make_jobseeker()
    vacancy = open_vacancies(session)[3]
    client.post(
        f"{API}/jobseekers/{jobseeker.id}/saved-vacancies", json={"vacancy_id": vacancy.id}, headers=auth_headers
    )
    client.post(
        f"{API}/jobseekers/{jobseeker.id}/applications",
        json={"employer": "Garage Verzonnen", "channel": "telefoon", "note": "Terugbellen vrijdag."},
        headers=auth_headers,
    )
    answer = client.get(f"{API}/jobseekers/{jobseeker.id}/dashboard", headers=auth_headers)
    assert answer.status_code == 200 and answer.headers["cache-control"] == "no-store"
    dashboard = answer.json()
    assert [card["id"] for card in dashboard["saved"]] == [vacancy.id]
    assert dashboard["saved"][0]["saved_on"] == SEED_DAY.isoformat()
    assert [item["employer"] for item in dashboard["applications"]] == ["Garage Verzonnen"]
    assert client.get(f"{API}/jobseekers/999999/dashboard", headers=auth_headers).status_code == 404


def _with_history(client: TestClient, headers: Headers, make_jobseeker: Make) -> Jobseeker:
    jobseeker = make_jobseeker(first_name="Testa", last_name="Verzonnen", registered_on=SEED_DAY - timedelta(days=20))
    url = f"{API}/jobseekers/{jobseeker.id}/applications"
    for days, employer, channel, note in (
        (15, "Bakkerij Ééntje", "ter plaatse", '=HYPERLINK("x")'),
        (3, "Łódź Logistics", "e-mail", None),
    ):
        body = {"employer": employer, "title": "Verkoper", "channel": channel, "note": note}
        body["applied_on"] = (SEED_DAY - timedelta(days=days)).isoformat()
        assert client.post(url, json=body, headers=headers).status_code == 201
    return jobseeker


def test_csv_export_is_proof_of_active_search(client: TestClient, auth_headers: Headers, make_jobseeker: Make) -> None:
    jobseeker = _with_history(client, auth_headers, make_jobseeker)
    answer = client.get(f"{API}/jobseekers/{jobseeker.id}/dashboard.csv", headers=auth_headers)
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Overzicht van mijn sollicitaties"]
    assert rows[1] == ["Naam", "Testa Verzonnen"]
    start = (SEED_DAY - timedelta(days=20)).strftime("%d/%m/%Y")
    assert rows[2] == ["Periode", f"{start} tot en met {SEED_DAY:%d/%m/%Y}"]
    assert rows[4] == ["Datum", "Werkgever", "Vacature", "Kanaal", "Status", "Notitie"]
    assert [row[1] for row in rows[5:]] == ["Łódź Logistics", "Bakkerij Ééntje"]
    assert rows[6][5] == '\'=HYPERLINK("x")', "a formula is not run by a spreadsheet"

    period = {"from": (SEED_DAY - timedelta(days=5)).isoformat()}
    narrow = client.get(f"{API}/jobseekers/{jobseeker.id}/dashboard.csv", params=period, headers=auth_headers)
    assert len(list(csv.reader(io.StringIO(narrow.content.decode("utf-8-sig")), delimiter=";"))) == 6
    backwards = {"from": SEED_DAY.isoformat(), "to": (SEED_DAY - timedelta(days=1)).isoformat()}
    assert (
        client.get(f"{API}/jobseekers/{jobseeker.id}/dashboard.csv", params=backwards, headers=auth_headers).status_code
        == 422
    )
    assert client.get(f"{API}/jobseekers/{jobseeker.id}/dashboard.csv").status_code == 401


def test_pdf_export(client: TestClient, auth_headers: Headers, make_jobseeker: Make) -> None:
    jobseeker = _with_history(client, auth_headers, make_jobseeker)
    answer = client.get(f"{API}/jobseekers/{jobseeker.id}/dashboard.pdf", headers=auth_headers)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.headers["cache-control"] == "no-store"
    assert answer.content.startswith(b"%PDF-") and len(answer.content) > 1000
    empty = make_jobseeker()
    assert client.get(f"{API}/jobseekers/{empty.id}/dashboard.pdf", headers=auth_headers).status_code == 200
    assert client.get(f"{API}/jobseekers/{jobseeker.id}/dashboard.pdf").status_code == 401
