"""The /api/v1 contract: health, token auth, dossiers, offices, identity tokens."""

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.config import Settings, get_settings
from backoffice.identity.tokens import sign_identity
from backoffice.jobseekers.models import Jobseeker


def test_health_reports_the_database(client: TestClient) -> None:
    answer = client.get("/api/v1/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "database": "ok"}


def test_openapi_documents_the_versioned_api(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/jobseekers/{jobseeker_id}" in paths
    assert "/api/v1/identity/resolve" in paths


def test_dossier_needs_the_service_token(client: TestClient) -> None:
    assert client.get("/api/v1/jobseekers/1").status_code == 401
    wrong = client.get("/api/v1/jobseekers/1", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "Bearer"


def test_unconfigured_token_refuses_everyone(client: TestClient, settings: Settings) -> None:
    client.app.dependency_overrides[get_settings] = lambda: settings.model_copy(update={"backoffice_api_token": ""})
    assert client.get("/api/v1/jobseekers/1", headers={"Authorization": "Bearer "}).status_code in (401, 503)


def test_dossier_of_a_jobseeker(client: TestClient, session: Session, auth_headers: dict[str, str]) -> None:
    jobseeker = session.get(Jobseeker, 1)
    body = client.get("/api/v1/jobseekers/1", headers=auth_headers).json()
    assert body["first_name"] == jobseeker.first_name
    assert body["has_email"] is bool(jobseeker.email)
    assert body["municipality"] == jobseeker.municipality
    assert not {"birth_date", "phone", "email"} & body.keys(), "contact details stay in the backoffice"


def test_unknown_dossier_is_404(client: TestClient, auth_headers: dict[str, str]) -> None:
    answer = client.get("/api/v1/jobseekers/999999", headers=auth_headers)
    assert answer.status_code == 404
    assert answer.json() == {"detail": "Jobseeker not found"}


def test_non_numeric_id_is_a_clear_422(client: TestClient, auth_headers: dict[str, str]) -> None:
    answer = client.get("/api/v1/jobseekers/%3Cscript%3E", headers=auth_headers)
    assert answer.status_code == 422
    assert answer.json()["detail"] == "Invalid request"
    assert "<script>" not in answer.text


def test_offices_by_province(client: TestClient, auth_headers: dict[str, str]) -> None:
    offices = client.get("/api/v1/offices", params={"province": "Limburg"}, headers=auth_headers).json()
    assert len([office for office in offices if office["kind"] == "werkwinkel"]) == 8
    assert all(office["province"] == "Limburg" for office in offices)


def test_demo_login_token_resolves_to_the_jobseeker(
    client: TestClient, session: Session, auth_headers: dict[str, str]
) -> None:
    picker = client.get("/api/v1/widget/demo-jobseekers").json()
    assert 0 < len(picker) <= 12
    chosen = picker[3]
    login = client.post("/api/v1/widget/demo-login", json={"jobseeker_id": chosen["id"]}).json()
    assert login["first_name"] == chosen["first_name"]

    resolved = client.post(
        "/api/v1/identity/resolve",
        json={"channel": "web", "identity_token": login["identity_token"]},
        headers=auth_headers,
    )
    assert resolved.status_code == 200
    assert resolved.json() == {"jobseeker_id": chosen["id"], "first_name": chosen["first_name"]}


def test_forged_or_foreign_tokens_resolve_to_nobody(client: TestClient, auth_headers: dict[str, str]) -> None:
    foreign = sign_identity(secret="another-key", jobseeker_id=1)  # noqa: S106
    for token in (foreign, "garbage", foreign[:-2] + "xx"):
        answer = client.post(
            "/api/v1/identity/resolve", json={"channel": "web", "identity_token": token}, headers=auth_headers
        )
        assert answer.status_code == 404


def test_resolve_needs_the_service_token(client: TestClient) -> None:
    answer = client.post("/api/v1/identity/resolve", json={"channel": "web", "identity_token": "x"})
    assert answer.status_code == 401


def test_bad_input_gets_clear_4xx_and_keeps_data(client: TestClient, session: Session) -> None:
    before = session.scalar(select(func.count(Jobseeker.id)))
    cases = [
        {"content": b"{not json", "headers": {"content-type": "application/json"}},
        {"content": b"\xff\xfe\x00", "headers": {"content-type": "application/json"}},
        {"json": {"jobseeker_id": "<b>1</b>"}},
        {"json": {"jobseeker_id": -1}},
        {"json": [1, 2, 3]},
        {"json": {"jobseeker_id": 10**30}},
    ]
    for case in cases:
        answer = client.post("/api/v1/widget/demo-login", **case)
        assert 400 <= answer.status_code < 500, case
    assert session.scalar(select(func.count(Jobseeker.id))) == before


def test_demo_login_can_be_switched_off(client: TestClient, settings: Settings) -> None:
    client.app.dependency_overrides[get_settings] = lambda: settings.model_copy(update={"demo_login_enabled": False})
    assert client.get("/api/v1/widget/demo-jobseekers").status_code == 404
    assert client.post("/api/v1/widget/demo-login", json={"jobseeker_id": 1}).status_code == 404
