"""The digital-skill API: assessments with the dossier's evidence, the jobseeker's choice, courses."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.digital.models import DigitalAssessment
from backoffice.jobseekers.models import Jobseeker
from tests.backoffice.conftest import SEED_DAY

API = "/api/v1"


def _assess(client: TestClient, headers: dict, jobseeker_id: int | None, channel: str, signals: list[dict]) -> dict:
    body = {"jobseeker_id": jobseeker_id, "channel": channel, "signals": signals}
    answer = client.post(f"{API}/digital/assessments", json=body, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _stored(session: Session, jobseeker_id: int) -> int:
    query = select(func.count(DigitalAssessment.id)).where(DigitalAssessment.jobseeker_id == jobseeker_id)
    return session.scalar(query) or 0


def test_without_a_dossier_only_the_conversation_counts_and_nothing_is_stored(
    client: TestClient, auth_headers: dict, session: Session
) -> None:
    before = session.scalar(select(func.count(DigitalAssessment.id)))
    result = _assess(client, auth_headers, None, "sms", [{"code": "explicit_statement", "detail": "computer"}])
    assert result == {
        "level": "human-digital",
        "score": 5,
        "evidence": ["Zegt zelf dat het niet lukt met een computer.", "Gebruikt sms."],
        "previous_level": None,
    }
    assert session.scalar(select(func.count(DigitalAssessment.id))) == before


def test_the_dossier_adds_evidence_and_the_previous_level_is_returned(
    client: TestClient, auth_headers: dict, make_jobseeker: Callable[..., Jobseeker], session: Session
) -> None:
    jobseeker = make_jobseeker(email=None)
    first = _assess(client, auth_headers, jobseeker.id, "web", [])
    assert first["level"] == "digital" and first["previous_level"] is None
    assert first["evidence"] == ["Heeft geen e-mailadres in het dossier."]

    second = _assess(
        client, auth_headers, jobseeker.id, "phone", [{"code": "explicit_statement", "detail": "computer"}]
    )
    assert second["level"] == "human" and second["score"] == 8
    assert second["previous_level"] == "digital"
    assert second["evidence"] == [
        "Zegt zelf dat het niet lukt met een computer.",
        "Belt liever (telefoon).",
        "Heeft geen e-mailadres in het dossier.",
    ]
    assert _stored(session, jobseeker.id) == 2
    latest = session.scalars(
        select(DigitalAssessment)
        .where(DigitalAssessment.jobseeker_id == jobseeker.id)
        .order_by(DigitalAssessment.id.desc())
    ).first()
    assert (latest.level, latest.score, latest.channel, latest.evidence) == ("human", 8, "phone", second["evidence"])


def test_what_a_consultant_and_the_bot_noted_before_counts(
    client: TestClient, auth_headers: dict, make_jobseeker: Callable[..., Jobseeker], session: Session
) -> None:
    jobseeker = make_jobseeker()
    jobseeker.digital_indicators = [
        {"code": "consultant_noted_low_digital", "source": "consultant", "noted_on": "2026-05-03"},
        {"code": "asked_help_login", "source": "bot", "noted_on": "2026-11-01"},
    ]
    session.commit()
    result = _assess(client, auth_headers, jobseeker.id, "web", [{"code": "basic_operation_help", "detail": "login"}])
    assert result["evidence"] == [
        "Vroeg hulp bij inloggen.",  # once, though the bot noted it before too
        "Een bemiddelaar noteerde eerder weinig digitale vaardigheden (op 3 mei 2026).",
    ]
    assert (result["score"], result["level"]) == (5, "human-digital")


def test_overdue_online_assignments_count_capped(
    client: TestClient, auth_headers: dict, make_jobseeker: Callable[..., Jobseeker]
) -> None:
    jobseeker = make_jobseeker(registered_on=SEED_DAY - timedelta(days=60))  # the whole package is late
    result = _assess(client, auth_headers, jobseeker.id, "web", [])
    late = [line for line in result["evidence"] if line.startswith("Online opdracht te laat")]
    assert "Online opdracht te laat: Vul je cv aan." in late
    assert "Online opdracht te laat: Solliciteer één keer." not in late  # applying can be done on paper
    assert len(late) == 4  # contact details, job goals, CV, saved vacancies
    assert result["score"] == 2  # capped: four late ones weigh no more than two
    assert result["level"] == "digital"


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"channel": "web", "signals": [{"code": "no_email"}]}, id="a dossier code from the client"),
        pytest.param({"channel": "web", "signals": [{"code": "made_up"}]}, id="unknown code"),
        pytest.param({"channel": "", "signals": []}, id="no channel"),
        pytest.param({"channel": "web", "signals": [{"code": "typo", "detail": "Bad Detail!"}]}, id="free text"),
    ],
)
def test_assessment_input_is_checked(client: TestClient, auth_headers: dict, body: dict) -> None:
    assert client.post(f"{API}/digital/assessments", json=body, headers=auth_headers).status_code == 422


def test_assessment_of_an_unknown_jobseeker_is_404(client: TestClient, auth_headers: dict) -> None:
    body = {"jobseeker_id": 999999, "channel": "web", "signals": []}
    assert client.post(f"{API}/digital/assessments", json=body, headers=auth_headers).status_code == 404


def test_the_choice_is_stored_in_the_dossier(
    client: TestClient, auth_headers: dict, make_jobseeker: Callable[..., Jobseeker]
) -> None:
    jobseeker = make_jobseeker()
    assert client.get(f"{API}/jobseekers/{jobseeker.id}", headers=auth_headers).json()["digital_choice"] is None
    for choice, channel in (("course", "sms"), ("appointment", "web")):
        answer = client.post(
            f"{API}/jobseekers/{jobseeker.id}/digital-choice",
            json={"choice": choice, "channel": channel},
            headers=auth_headers,
        )
        assert answer.status_code == 200
    latest = client.get(f"{API}/jobseekers/{jobseeker.id}", headers=auth_headers).json()["digital_choice"]
    assert (latest["choice"], latest["channel"]) == ("appointment", "web") and latest["chosen_at"]
    bad = client.post(
        f"{API}/jobseekers/{jobseeker.id}/digital-choice",
        json={"choice": "nothing", "channel": "web"},
        headers=auth_headers,
    )
    assert bad.status_code == 422
    unknown = client.post(
        f"{API}/jobseekers/999999/digital-choice", json={"choice": "course", "channel": "web"}, headers=auth_headers
    )
    assert unknown.status_code == 404


def test_courses_nearest_first_free_and_said_to_be_invented(client: TestClient, auth_headers: dict) -> None:
    answer = client.get(f"{API}/digital/courses", params={"municipality": "Gent"}, headers=auth_headers)
    assert answer.status_code == 200
    body = answer.json()
    assert body["municipality"] == "Gent" and "verzonnen" in body["notice"]
    courses = body["courses"]
    assert len(courses) == 3
    assert courses[0]["place"] == "Gent" and courses[0]["distance_km"] == 0
    assert [course["distance_km"] for course in courses] == sorted(course["distance_km"] for course in courses)
    for course in courses:
        assert course["cost"] == "gratis" and course["is_demo"]
        assert date.fromisoformat(course["starts_on"]) > SEED_DAY
        assert course["schedule"].startswith(f"elke {course['weekday']} van ")
        assert "verzonnen" in course["address"] and course["name"] and course["organiser"]


def test_courses_by_postcode_by_dossier_or_earliest_first(
    client: TestClient, auth_headers: dict, make_jobseeker: Callable[..., Jobseeker]
) -> None:
    by_postcode = client.get(f"{API}/digital/courses?municipality=3500&limit=1", headers=auth_headers).json()
    assert [course["place"] for course in by_postcode["courses"]] == ["Hasselt"]
    jobseeker = make_jobseeker(postcode="8000")
    by_dossier = client.get(f"{API}/digital/courses?jobseeker_id={jobseeker.id}", headers=auth_headers).json()
    assert by_dossier["municipality"] == "Brugge" and by_dossier["courses"][0]["place"] == "Brugge"
    anywhere = client.get(f"{API}/digital/courses?limit=5", headers=auth_headers).json()
    starts = [course["starts_on"] for course in anywhere["courses"]]
    assert anywhere["municipality"] is None and len(starts) == 5 and starts == sorted(starts)
    assert all(course["distance_km"] is None for course in anywhere["courses"])


@pytest.mark.parametrize(
    ("query", "status"),
    [("municipality=Atlantis", 404), ("municipality=provincie%20Limburg", 422), ("limit=0", 422)],
)
def test_courses_errors(client: TestClient, auth_headers: dict, query: str, status: int) -> None:
    assert client.get(f"{API}/digital/courses?{query}", headers=auth_headers).status_code == status
