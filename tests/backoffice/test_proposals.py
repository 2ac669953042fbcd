"""Smart assignments: proposals from the rule set, decided by a consultant, seen only when accepted."""

from collections.abc import Callable
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.assignments.models import AssignmentProposal
from backoffice.jobseekers.models import Jobseeker
from tests.backoffice.conftest import SEED_DAY, FixedClock

Make = Callable[..., Jobseeker]
API = "/api/v1"


def _proposals(client: TestClient, headers: dict[str, str], jobseeker_id: int, status: str = "proposed") -> list:
    answer = client.get(f"{API}/jobseekers/{jobseeker_id}/proposals", params={"status": status}, headers=headers)
    assert answer.status_code == 200
    return answer.json()


def _assignments(client: TestClient, headers: dict[str, str], jobseeker_id: int) -> list:
    return client.get(f"{API}/jobseekers/{jobseeker_id}/assignments", headers=headers).json()


def test_refresh_proposes_once_per_rule(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make, test_clock: FixedClock
) -> None:
    jobseeker = make_jobseeker(education_level="geen diploma", desired_occupations=["buschauffeur"])
    first = _proposals(client, auth_headers, jobseeker.id)
    assert [(item["rule_code"], item["kind"]) for item in first] == [
        ("driving_licence_d", "driving_licence_d"),
        ("no_diploma", "training_with_diploma"),
    ]
    assert first[0]["reason"] == "Je zoekt werk als buschauffeur en je hebt nog geen rijbewijs D."
    assert first[0]["title"] == "Zoek uit hoe je rijbewijs D haalt"
    assert first[0]["status"] == "proposed" and first[0]["assignment_id"] is None

    refresh = client.post(f"{API}/jobseekers/{jobseeker.id}/proposals/refresh", headers=auth_headers)
    assert refresh.status_code == 200 and refresh.json() == [], "nothing new: a rule proposes once"

    # Forty days later without any activity, the inactivity rule and the overdue rule speak up.
    test_clock.set_day(SEED_DAY + timedelta(days=40))
    later = client.post(f"{API}/jobseekers/{jobseeker.id}/proposals/refresh", headers=auth_headers).json()
    assert [item["rule_code"] for item in later] == ["inactive", "overdue_assignments"]
    assert later[1]["reason"] == "Vijf opdrachten zijn te laat."
    assert client.post(f"{API}/jobseekers/{jobseeker.id}/proposals/refresh", headers=auth_headers).json() == []


def test_no_rule_applies_no_proposal(client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make) -> None:
    jobseeker = make_jobseeker()
    assert client.post(f"{API}/jobseekers/{jobseeker.id}/proposals/refresh", headers=auth_headers).json() == []
    assert _proposals(client, auth_headers, jobseeker.id, "all") == []


def test_accept_with_edits_gives_the_jobseeker_a_smart_assignment(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker(languages=[{"language": "Nederlands", "level": "basis"}])
    proposal = _proposals(client, auth_headers, jobseeker.id)[0]
    assert proposal["rule_code"] == "dutch_basic"
    assert all(item["kind"] != "dutch_course" for item in _assignments(client, auth_headers, jobseeker.id))

    due = (SEED_DAY + timedelta(days=20)).isoformat()
    body = {"consultant_id": 1, "title": "Schrijf je in voor Nederlands in Gent", "due_date": due}
    answer = client.post(f"{API}/proposals/{proposal['id']}/accept", json=body, headers=auth_headers)
    assert answer.status_code == 201, answer.text
    assignment = answer.json()
    assert assignment["origin"] == "smart"
    assert assignment["title"] == "Schrijf je in voor Nederlands in Gent"
    assert assignment["instructions"] == proposal["instructions"]
    assert assignment["reason"] == "Je spreekt Nederlands op basisniveau."
    assert assignment["due_date"] == due and assignment["status"] == "open"
    assert assignment["steps"] == proposal["steps"] and assignment["keywords"] == proposal["keywords"]

    listed = _assignments(client, auth_headers, jobseeker.id)
    assert assignment["id"] in {item["id"] for item in listed}
    decided = _proposals(client, auth_headers, jobseeker.id, "accepted")[0]
    assert decided["decided_by"] == 1 and decided["assignment_id"] == assignment["id"]
    created = client.get(f"{API}/assignments/{assignment['id']}/history", headers=auth_headers).json()[0]
    assert (created["actor"], created["consultant_id"], created["change"]) == ("consultant", 1, "created")


def test_accept_without_a_date_uses_the_suggestion(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker(email=None)
    proposal = _proposals(client, auth_headers, jobseeker.id)[0]
    assignment = client.post(
        f"{API}/proposals/{proposal['id']}/accept", json={"consultant_id": 1}, headers=auth_headers
    ).json()
    assert assignment["due_date"] == proposal["suggested_due_date"]
    assert assignment["title"] == "Maak een e-mailadres"


def test_rejected_proposals_are_never_listed(
    client: TestClient, auth_headers: dict[str, str], session: Session, make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker(email=None)
    proposal = _proposals(client, auth_headers, jobseeker.id)[0]
    body = {"consultant_id": 2, "note": "Heeft een e-mailadres op het werk van een vriend."}
    answer = client.post(f"{API}/proposals/{proposal['id']}/reject", json=body, headers=auth_headers)
    assert answer.status_code == 200
    assert answer.json()["status"] == "rejected" and answer.json()["decided_by"] == 2
    assert all(item["kind"] != "create_email" for item in _assignments(client, auth_headers, jobseeker.id))
    assert _proposals(client, auth_headers, jobseeker.id) == []
    assert [item["id"] for item in _proposals(client, auth_headers, jobseeker.id, "rejected")] == [proposal["id"]]
    # A rejected rule stays quiet.
    assert client.post(f"{API}/jobseekers/{jobseeker.id}/proposals/refresh", headers=auth_headers).json() == []
    stored = session.scalars(select(AssignmentProposal).where(AssignmentProposal.jobseeker_id == jobseeker.id)).all()
    assert len(stored) == 1


def test_a_decision_is_made_once(client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make) -> None:
    jobseeker = make_jobseeker(email=None)
    proposal = _proposals(client, auth_headers, jobseeker.id)[0]
    accept = f"{API}/proposals/{proposal['id']}/accept"
    reject = f"{API}/proposals/{proposal['id']}/reject"
    assert client.post(accept, json={"consultant_id": 1}, headers=auth_headers).status_code == 201
    twice = client.post(accept, json={"consultant_id": 1}, headers=auth_headers)
    assert twice.status_code == 409 and twice.json() == {"detail": "Proposal was already decided"}
    assert client.post(reject, json={"consultant_id": 1, "note": "toch niet"}, headers=auth_headers).status_code == 409
    assert len([item for item in _assignments(client, auth_headers, jobseeker.id) if item["origin"] == "smart"]) == 1


def test_bad_decisions_are_refused(client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make) -> None:
    jobseeker = make_jobseeker(email=None)
    proposal = _proposals(client, auth_headers, jobseeker.id)[0]
    accept = f"{API}/proposals/{proposal['id']}/accept"
    reject = f"{API}/proposals/{proposal['id']}/reject"
    unknown = client.post(accept, json={"consultant_id": 999999}, headers=auth_headers)
    assert unknown.status_code == 404 and unknown.json() == {"detail": "Consultant not found"}
    past = (SEED_DAY - timedelta(days=1)).isoformat()
    assert client.post(accept, json={"consultant_id": 1, "due_date": past}, headers=auth_headers).status_code == 422
    assert client.post(accept, json={"consultant_id": 1, "title": ""}, headers=auth_headers).status_code == 422
    assert client.post(reject, json={"consultant_id": 1}, headers=auth_headers).status_code == 422
    assert client.post(reject, json={"consultant_id": 1, "note": ""}, headers=auth_headers).status_code == 422
    assert _proposals(client, auth_headers, jobseeker.id)[0]["status"] == "proposed"
    bad_filter = client.get(f"{API}/jobseekers/{jobseeker.id}/proposals", params={"status": "x"}, headers=auth_headers)
    assert bad_filter.status_code == 422


def test_accepting_what_the_dossier_already_shows_done(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker(email=None)
    proposal = _proposals(client, auth_headers, jobseeker.id)[0]
    client.patch(
        f"{API}/jobseekers/{jobseeker.id}/dossier", json={"email": "later@example.invalid"}, headers=auth_headers
    )
    answer = client.post(f"{API}/proposals/{proposal['id']}/accept", json={"consultant_id": 1}, headers=auth_headers)
    assert answer.status_code == 201
    assert (answer.json()["status"], answer.json()["completion"]) == ("done", "detected")
