"""The assignment lifecycle over the API: registration, listing, progress, overdue, completion, history."""

from collections.abc import Callable
from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from backoffice.assignments.catalogue import AUTOMATIC_PACKAGE, FIRST_CONTACT_AFTER_DAYS
from backoffice.assignments.models import Assignment
from backoffice.jobseekers.models import Jobseeker
from tests.backoffice.conftest import REGISTRATION, SEED_DAY, FixedClock

Make = Callable[..., Jobseeker]
API = "/api/v1"


def _list(client: TestClient, headers: dict[str, str], jobseeker_id: int, status: str | None = None) -> list[dict]:
    params = {"status": status} if status else {}
    answer = client.get(f"{API}/jobseekers/{jobseeker_id}/assignments", params=params, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _by_kind(items: list[dict]) -> dict[str, dict]:
    return {item["kind"]: item for item in items}


def test_registration_creates_the_automatic_package(client: TestClient, auth_headers: dict[str, str]) -> None:
    answer = client.post(f"{API}/jobseekers", json=REGISTRATION, headers=auth_headers)
    assert answer.status_code == 201, answer.text
    jobseeker = answer.json()
    assert jobseeker["municipality"] == "Gent" and jobseeker["province"] == "Oost-Vlaanderen"
    assert jobseeker["registration_date"] == SEED_DAY.isoformat()
    assert jobseeker["has_cv"] is False and jobseeker["is_demo"] is False
    assert jobseeker["office_id"] is not None
    assert not {"email", "phone", "birth_date"} & jobseeker.keys()

    listed = _list(client, auth_headers, jobseeker["id"])
    assert {item["kind"] for item in listed} == {kind.code for kind in AUTOMATIC_PACKAGE}
    first_contact = SEED_DAY + timedelta(days=FIRST_CONTACT_AFTER_DAYS)
    for item in listed:
        assert item["origin"] == "automatic" and item["reason"] is None
        assert item["status"] == "open" and item["current_step"] == 0
        assert 3 <= item["step_count"] == len(item["steps"]) <= 5
        assert SEED_DAY < date.fromisoformat(item["due_date"]) < first_contact
        assert all(step["title"] and step["text"] and step["help"] for step in item["steps"])
    cv = _by_kind(listed)["complete_cv"]
    assert cv["title"] == "Vul je cv aan" and "cv" in cv["keywords"]
    assert any("0800 30 700" in step["help"] for step in cv["steps"])


def test_list_is_most_urgent_first(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make, test_clock: FixedClock
) -> None:
    jobseeker = make_jobseeker(registered_on=SEED_DAY - timedelta(days=12))
    listed = _list(client, auth_headers, jobseeker.id)
    # 12 days in: contact details (7) and job goals (10) are overdue, contact details the oldest.
    assert [item["kind"] for item in listed] == [
        "check_contact_details",
        "set_job_goals",
        "complete_cv",
        "save_vacancies",
        "apply_once",
    ]
    assert [item["status"] for item in listed] == ["overdue", "overdue", "open", "open", "open"]

    # In progress and open mix by due date; overdue stays in front.
    apply_once = _by_kind(listed)["apply_once"]
    client.post(f"{API}/assignments/{apply_once['id']}/progress", json={"current_step": 1}, headers=auth_headers)
    again = _list(client, auth_headers, jobseeker.id)
    assert [item["kind"] for item in again][-1] == "apply_once"
    assert again[-1]["status"] == "in_progress"


def test_overdue_refresh_is_recorded_once(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make, test_clock: FixedClock
) -> None:
    jobseeker = make_jobseeker()
    contact = _by_kind(_list(client, auth_headers, jobseeker.id))["check_contact_details"]
    test_clock.set_day(date.fromisoformat(contact["due_date"]))
    assert _by_kind(_list(client, auth_headers, jobseeker.id))["check_contact_details"]["status"] == "open"
    test_clock.set_day(date.fromisoformat(contact["due_date"]) + timedelta(days=1))
    _list(client, auth_headers, jobseeker.id)
    _list(client, auth_headers, jobseeker.id)
    history = client.get(f"{API}/assignments/{contact['id']}/history", headers=auth_headers).json()
    overdue = [event for event in history if event["to_value"] == "overdue"]
    assert len(overdue) == 1
    assert overdue[0]["actor"] == "system" and overdue[0]["from_value"] == "open"


def test_progress_walks_steps_and_keeps_overdue(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make, test_clock: FixedClock
) -> None:
    jobseeker = make_jobseeker()
    cv = _by_kind(_list(client, auth_headers, jobseeker.id))["complete_cv"]
    answer = client.post(f"{API}/assignments/{cv['id']}/progress", json={"current_step": 1}, headers=auth_headers)
    assert answer.status_code == 200
    assert answer.json()["status"] == "in_progress" and answer.json()["current_step"] == 1

    test_clock.set_day(SEED_DAY + timedelta(days=30))
    answer = client.post(f"{API}/assignments/{cv['id']}/progress", json={"current_step": 2}, headers=auth_headers)
    assert answer.json()["status"] == "overdue" and answer.json()["current_step"] == 2

    # Every step walked is allowed (current_step == step_count), one further is not.
    end = cv["step_count"]
    assert client.post(
        f"{API}/assignments/{cv['id']}/progress", json={"current_step": end}, headers=auth_headers
    ).is_success
    too_far = client.post(
        f"{API}/assignments/{cv['id']}/progress", json={"current_step": end + 1}, headers=auth_headers
    )
    assert too_far.status_code == 422
    assert (
        client.post(
            f"{API}/assignments/{cv['id']}/progress", json={"current_step": -1}, headers=auth_headers
        ).status_code
        == 422
    )
    jobseeker_read = client.get(f"{API}/jobseekers/{jobseeker.id}", headers=auth_headers).json()
    assert jobseeker_read["last_activity_at"].startswith((SEED_DAY + timedelta(days=30)).isoformat())


def test_complete_returns_the_next_and_is_idempotent(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker()
    listed = _list(client, auth_headers, jobseeker.id)
    first, second = listed[0], listed[1]
    url = f"{API}/assignments/{first['id']}/complete"
    answer = client.post(url, json={"how": "self_reported"}, headers=auth_headers)
    assert answer.status_code == 200
    body = answer.json()
    assert body["assignment"]["status"] == "done"
    assert body["assignment"]["completion"] == "self_reported"
    assert body["assignment"]["completed_at"] is not None
    assert body["next"]["id"] == second["id"]
    events_before = client.get(f"{API}/assignments/{first['id']}/history", headers=auth_headers).json()

    again = client.post(url, json={"how": "self_reported"}, headers=auth_headers)
    assert again.status_code == 200
    assert again.json()["assignment"] == body["assignment"]
    assert client.get(f"{API}/assignments/{first['id']}/history", headers=auth_headers).json() == events_before

    assert first["id"] not in {item["id"] for item in _list(client, auth_headers, jobseeker.id)}
    assert [item["id"] for item in _list(client, auth_headers, jobseeker.id, "done")] == [first["id"]]
    assert len(_list(client, auth_headers, jobseeker.id, "all")) == 5

    progress = client.post(f"{API}/assignments/{first['id']}/progress", json={"current_step": 1}, headers=auth_headers)
    assert progress.status_code == 409


def test_completing_the_last_one_has_no_next(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker()
    answers = [
        client.post(f"{API}/assignments/{item['id']}/complete", json={"how": "self_reported"}, headers=auth_headers)
        for item in _list(client, auth_headers, jobseeker.id)
    ]
    assert answers[-1].json()["next"] is None
    assert _list(client, auth_headers, jobseeker.id) == []


def test_consultant_confirmation_needs_a_known_consultant(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker()
    item = _list(client, auth_headers, jobseeker.id)[0]
    url = f"{API}/assignments/{item['id']}/complete"
    assert client.post(url, json={"how": "consultant_confirmed"}, headers=auth_headers).status_code == 422
    unknown = client.post(url, json={"how": "consultant_confirmed", "consultant_id": 999999}, headers=auth_headers)
    assert unknown.status_code == 404 and unknown.json() == {"detail": "Consultant not found"}
    assert client.post(url, json={"how": "guessed"}, headers=auth_headers).status_code == 422
    answer = client.post(url, json={"how": "consultant_confirmed", "consultant_id": 1}, headers=auth_headers)
    assert answer.json()["assignment"]["completion"] == "consultant_confirmed"
    done_event = client.get(f"{API}/assignments/{item['id']}/history", headers=auth_headers).json()[-1]
    assert done_event["actor"] == "consultant" and done_event["consultant_id"] == 1
    assert done_event["to_value"] == "done"


def test_history_tells_the_whole_story(client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make) -> None:
    jobseeker = make_jobseeker()
    item = _by_kind(_list(client, auth_headers, jobseeker.id))["save_vacancies"]
    url = f"{API}/assignments/{item['id']}"
    client.post(f"{url}/progress", json={"current_step": 1}, headers=auth_headers)
    note = client.post(
        f"{url}/notes", json={"kind": "help_requested", "step": 1, "channel": "sms"}, headers=auth_headers
    )
    assert note.status_code == 201
    assert note.json()["change"] == "noticed" and note.json()["to_value"] == "help_requested"
    client.post(f"{url}/complete", json={"how": "self_reported"}, headers=auth_headers)
    history = client.get(f"{url}/history", headers=auth_headers).json()
    assert [(event["actor"], event["change"], event["from_value"], event["to_value"]) for event in history] == [
        ("system", "created", None, "open"),
        ("jobseeker", "step", "0", "1"),
        ("jobseeker", "status", "open", "in_progress"),
        ("bot", "noticed", None, "help_requested"),
        ("jobseeker", "status", "in_progress", "done"),
    ]
    assert history[3]["step"] == 1 and history[3]["channel"] == "sms"


def test_notes_are_checked(client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make) -> None:
    jobseeker = make_jobseeker()
    item = _list(client, auth_headers, jobseeker.id)[0]
    url = f"{API}/assignments/{item['id']}/notes"
    bad = [
        {"kind": "help_requested", "step": item["step_count"] + 1, "channel": "web"},
        {"kind": "gossip", "step": 0, "channel": "web"},
        {"kind": "paused", "step": 0, "channel": "x" * 31},
        {"kind": "paused", "step": 0, "channel": "<b>web</b>"},
        {"kind": "paused", "step": 0},
    ]
    for body in bad:
        assert client.post(url, json=body, headers=auth_headers).status_code == 422, body
    assert client.post(
        url, json={"kind": "person_offered", "step": None, "channel": "phone"}, headers=auth_headers
    ).is_success
    # The bot may note at current_step after the last step: that is about the assignment as a whole.
    last = client.post(
        url, json={"kind": "paused", "step": item["step_count"], "channel": "socketio"}, headers=auth_headers
    )
    assert last.status_code == 201 and last.json()["step"] is None


def test_unknown_ids_are_404(client: TestClient, auth_headers: dict[str, str]) -> None:
    for method, path, body in [
        ("GET", "/jobseekers/999999/assignments", None),
        ("GET", "/assignments/999999", None),
        ("GET", "/assignments/999999/history", None),
        ("POST", "/assignments/999999/progress", {"current_step": 1}),
        ("POST", "/assignments/999999/complete", {"how": "self_reported"}),
        ("POST", "/assignments/999999/notes", {"kind": "paused", "channel": "web"}),
        ("GET", "/jobseekers/999999/proposals", None),
        ("POST", "/jobseekers/999999/proposals/refresh", None),
        ("POST", "/proposals/999999/accept", {"consultant_id": 1}),
        ("POST", "/proposals/999999/reject", {"consultant_id": 1, "note": "nee"}),
        ("GET", "/jobseekers/999999/first-contact-summary", None),
        ("POST", "/jobseekers/999999/reminders/claim", None),
        ("PATCH", "/jobseekers/999999/dossier", {"confirm_job_goals": True}),
    ]:
        answer = client.request(method, f"{API}{path}", json=body, headers=auth_headers)
        assert answer.status_code == 404, path


def test_assignment_routes_need_the_service_token(client: TestClient) -> None:
    assert client.get(f"{API}/jobseekers/1/assignments").status_code == 401
    assert client.post(f"{API}/assignments/1/complete", json={"how": "self_reported"}).status_code == 401
    assert client.post(f"{API}/jobseekers", json=REGISTRATION).status_code == 401


def test_bad_status_filter_is_422(client: TestClient, auth_headers: dict[str, str]) -> None:
    answer = client.get(f"{API}/jobseekers/1/assignments", params={"status": "<x>"}, headers=auth_headers)
    assert answer.status_code == 422 and "<x>" not in answer.text


def test_assignment_read_matches_the_contract(
    client: TestClient, auth_headers: dict[str, str], session: Session, make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker()
    item = _list(client, auth_headers, jobseeker.id)[0]
    assert set(item) == {
        "id",
        "jobseeker_id",
        "kind",
        "origin",
        "title",
        "instructions",
        "steps",
        "keywords",
        "current_step",
        "step_count",
        "status",
        "due_date",
        "completion",
        "completed_at",
        "reason",
    }
    assert client.get(f"{API}/assignments/{item['id']}", headers=auth_headers).json() == item
    assert session.get(Assignment, item["id"]).jobseeker_id == jobseeker.id


def test_one_assignment_is_refreshed_too(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make, test_clock: FixedClock
) -> None:
    jobseeker = make_jobseeker()
    item = _by_kind(_list(client, auth_headers, jobseeker.id))["check_contact_details"]
    test_clock.set_day(date.fromisoformat(item["due_date"]) + timedelta(days=1))
    assert client.get(f"{API}/assignments/{item['id']}", headers=auth_headers).json()["status"] == "overdue"
