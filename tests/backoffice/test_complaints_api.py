"""The complaints API under /api/v1: matching a centre, the draft a conversation fills in (start,
continue, correct, submit), the handler's list, review and decision, the per-centre analysis,
and the errors (401/404/409/422)."""

import logging
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.complaints.models import CareerCentre, Complaint
from backoffice.jobseekers.models import Jobseeker
from backoffice.notifications.models import Notification
from backoffice.seed.complaints import DEMO_COMPLAINTS, ONLY_TEST_CENTRE
from tests.backoffice.conftest import SEED_DAY

FULL = {
    "centre": {"value": "windros"},
    "period": {"value": "maart 2026"},
    "cheques": {"value": 2},
    "request_formulated": {"value": "no", "explanation": "Daar is niet over gepraat."},
    "competences": {"value": "partly"},
    "tailored": {"value": "nee"},
    "development_plan": {"value": "no"},
    "labour_market": {"value": "no"},
    "delivered": {"value": "test_only", "explanation": "Enkel een test en de uitslag."},
    "pop": {"value": "no"},
}


@pytest.fixture
def api(client: TestClient, auth_headers: dict[str, str]) -> TestClient:
    client.headers.update(auth_headers)
    return client


def jobseeker_ids(session: Session, count: int = 2) -> list[int]:
    return list(session.scalars(select(Jobseeker.id).order_by(Jobseeker.id).limit(count)))


def start(api: TestClient, **body) -> dict:
    answer = api.post("/api/v1/complaints/drafts", json={"channel": "web", **body})
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


def fill(api: TestClient, complaint_id: int, answers: dict = FULL) -> dict:
    read = None
    for field, body in answers.items():
        answer = api.put(f"/api/v1/complaints/{complaint_id}/answers/{field}", json=body)
        assert answer.status_code == 200, (field, answer.text)
        read = answer.json()
    return read


def submitted(api: TestClient, **body) -> dict:
    draft = start(api, conversation_id=f"test-{uuid.uuid4().hex}", **body)
    fill(api, draft["id"])
    answer = api.post(f"/api/v1/complaints/{draft['id']}/submit")
    assert answer.status_code == 200, answer.text
    return answer.json()


# --- the register ---


def test_the_api_needs_the_service_token(client: TestClient) -> None:
    assert client.get("/api/v1/career-centres").status_code == 401
    assert client.post("/api/v1/complaints/drafts", json={"channel": "web", "conversation_id": "x"}).status_code == 401


def test_the_demo_register_is_seeded_and_says_it_is_invented(api: TestClient) -> None:
    centres = api.get("/api/v1/career-centres").json()
    assert len(centres) == 16
    assert all(centre["is_demo"] and centre["municipality"] and centre["province"] for centre in centres)


def test_matching_a_typed_centre_name(api: TestClient) -> None:
    sure = api.get("/api/v1/career-centres/match", params={"q": "Lindeblat"}).json()
    assert sure["certain"] and sure["centre"]["name"] == "Loopbaanhuis Lindeblad"
    assert sure["centre"]["municipality"] == "Hasselt"
    unsure = api.get("/api/v1/career-centres/match", params={"q": "loopbaancentrum"}).json()
    assert unsure == {"certain": False, "centre": None, "candidates": []}
    assert api.get("/api/v1/career-centres/match", params={"q": ""}).status_code == 422


# --- the draft ---


def test_a_conversation_starts_a_draft_and_continues_the_same_one(api: TestClient) -> None:
    conversation = f"web-{uuid.uuid4().hex}"
    first = api.post("/api/v1/complaints/drafts", json={"channel": "web", "conversation_id": conversation})
    assert first.status_code == 201
    draft = first.json()
    assert draft["created"] and draft["status"] == "draft" and draft["reference"].startswith("KL-")
    assert draft["next_question"] == "centre" and draft["next_question_text"].startswith("Bij welk loopbaancentrum")
    assert len(draft["missing"]) == 10
    again = api.post("/api/v1/complaints/drafts", json={"channel": "web", "conversation_id": conversation})
    assert again.status_code == 200
    assert again.json()["id"] == draft["id"] and not again.json()["created"]


def test_the_next_question_follows_the_order_and_a_correction_overwrites_one_answer(api: TestClient) -> None:
    draft = start(api, conversation_id=f"sms-{uuid.uuid4().hex}")
    expected = list(FULL)
    for index, (field, body) in enumerate(FULL.items()):
        read = api.put(f"/api/v1/complaints/{draft['id']}/answers/{field}", json=body).json()
        assert read["missing"] == expected[index + 1 :]
        assert read["next_question"] == (expected[index + 1] if index + 1 < len(expected) else None)
    assert read["centre"]["name"] == "Loopbaancentrum Windroos"
    assert read["period_text"] == "maart 2026"
    # "nee, het was in februari": one answer changes, the rest stays.
    corrected = api.put(f"/api/v1/complaints/{draft['id']}/answers/period", json={"value": "februari 2026"}).json()
    assert (corrected["guidance_year"], corrected["guidance_month"]) == (2026, 2)
    assert corrected["cheques_used"] == 2 and corrected["missing"] == []
    assert "Wanneer: februari 2026" in corrected["recap"]
    assert "Samen je loopbaanvraag benoemd: nee" in corrected["recap"]
    # The same answer twice changes nothing.
    same = api.put(f"/api/v1/complaints/{draft['id']}/answers/period", json={"value": "februari 2026"}).json()
    assert {k: v for k, v in same.items() if k != "updated_at"} == {
        k: v for k, v in corrected.items() if k != "updated_at"
    }


def test_someone_who_stopped_continues_in_another_conversation_on_another_channel(
    api: TestClient, session: Session
) -> None:
    jobseeker_id = jobseeker_ids(session)[0]
    draft = start(api, conversation_id=f"web-{uuid.uuid4().hex}", jobseeker_id=jobseeker_id)
    fill(api, draft["id"], {"centre": {"value": "De Horizon"}, "period": {"value": "vorig jaar"}})
    later = api.post(
        "/api/v1/complaints/drafts",
        json={"channel": "sms", "conversation_id": f"sms-{uuid.uuid4().hex}", "jobseeker_id": jobseeker_id},
    )
    assert later.status_code == 200
    read = later.json()
    assert read["id"] == draft["id"] and read["channel"] == "sms"
    assert read["next_question"] == "cheques"
    assert read["centre"]["name"] == "Loopbaanpunt De Horizon" and read["period_text"] == "2025"
    assert api.get(f"/api/v1/complaints/{draft['id']}").json()["next_question"] == "cheques"


def test_submit_gives_the_reference_and_what_happens_next_with_the_formal_channels(api: TestClient) -> None:
    answer = submitted(api)
    assert answer["status"] == "submitted" and answer["reference"].startswith("KL-")
    text = " ".join(answer["next_steps"])
    assert answer["reference"] in text
    assert "recht op de loopbaancheque terug" in text
    assert "klachtenformulier" in text and "lb.cheque@vdab.be" in text
    assert "0800 30 700, elke werkdag van 8 tot 19 uur" in text
    assert len(answer["formal_channels"]) == 3
    again = api.post(f"/api/v1/complaints/{answer['id']}/submit")
    assert again.status_code == 200 and again.json()["reference"] == answer["reference"]  # a retry is safe
    read = api.get(f"/api/v1/complaints/{answer['id']}").json()
    assert read["assessment"]["verdict"] == "likely_not_met"
    assert {"only_test", "no_pop", "request_formulated_no"} <= {f["code"] for f in read["assessment"]["findings"]}
    assert [m["code"] for m in read["assessment"]["suggested_measures"]][:3] == [
        "reclaim_payment",
        "restore_right",
        "address_centre",
    ]


# --- errors ---


def test_draft_errors(api: TestClient, session: Session) -> None:
    assert api.post("/api/v1/complaints/drafts", json={"channel": "web"}).status_code == 422
    assert api.post("/api/v1/complaints/drafts", json={"channel": "fax", "conversation_id": "x"}).status_code == 422
    missing = api.post("/api/v1/complaints/drafts", json={"channel": "web", "jobseeker_id": 2_000_000})
    assert missing.status_code == 404
    first, second = jobseeker_ids(session)
    conversation = f"web-{uuid.uuid4().hex}"
    start(api, conversation_id=conversation, jobseeker_id=first)
    taken = api.post(
        "/api/v1/complaints/drafts", json={"channel": "web", "conversation_id": conversation, "jobseeker_id": second}
    )
    assert taken.status_code == 409


@pytest.mark.parametrize(
    ("field", "body"),
    [
        ("cheques", {"value": 3}),
        ("cheques", {"value": 0}),
        ("cheques", {"value": "twee"}),
        ("cheques", {"value": 1, "explanation": "uitleg"}),
        ("tailored", {"value": "misschien"}),
        ("pop", {"value": "partly"}),
        ("period", {"value": "in de zomer"}),
        ("period", {"value": "maart 2030"}),
        ("delivered", {"value": ["test_only", "advice_only"]}),
        ("delivered", {"value": "iets anders"}),
        ("competences", {"value": "yes", "explanation": "x" * 1001}),
        ("favourite_colour", {"value": "blauw"}),
    ],
)
def test_invalid_answers_are_422(api: TestClient, field: str, body: dict) -> None:
    draft = start(api, conversation_id=f"web-{uuid.uuid4().hex}")
    answer = api.put(f"/api/v1/complaints/{draft['id']}/answers/{field}", json=body)
    assert answer.status_code == 422
    assert str(body["value"]) not in answer.text or body["value"] in ("test_only",)  # the input is not echoed


def test_an_unrecognised_centre_is_422_with_candidates_and_an_unknown_id_404(api: TestClient) -> None:
    draft = start(api, conversation_id=f"web-{uuid.uuid4().hex}")
    unsure = api.put(f"/api/v1/complaints/{draft['id']}/answers/centre", json={"value": "loopbaanpunt"})
    assert unsure.status_code == 422 and unsure.json()["candidates"] == []
    by_id = api.put(f"/api/v1/complaints/{draft['id']}/answers/centre", json={"value": 2_000_000})
    assert by_id.status_code == 404
    assert api.put("/api/v1/complaints/2000000/answers/centre", json={"value": "windroos"}).status_code == 404
    assert api.get("/api/v1/complaints/2000000").status_code == 404


def test_submitting_an_incomplete_draft_is_422_with_what_is_missing(api: TestClient) -> None:
    draft = start(api, conversation_id=f"web-{uuid.uuid4().hex}")
    fill(api, draft["id"], {"centre": {"value": "koers"}})
    answer = api.post(f"/api/v1/complaints/{draft['id']}/submit")
    assert answer.status_code == 422
    assert answer.json()["missing"][0] == "period" and len(answer.json()["missing"]) == 9


def test_a_submitted_complaint_takes_no_more_answers(api: TestClient) -> None:
    complaint = submitted(api)
    answer = api.put(f"/api/v1/complaints/{complaint['id']}/answers/cheques", json={"value": 1})
    assert answer.status_code == 409


def test_explanations_never_reach_the_logs(api: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    draft = start(api, conversation_id=f"web-{uuid.uuid4().hex}")
    secret = "Mijn-geheime-uitleg-42"
    api.put(f"/api/v1/complaints/{draft['id']}/answers/tailored", json={"value": "no", "explanation": secret})
    api.put(f"/api/v1/complaints/{draft['id']}/answers/tailored", json={"value": "zo", "explanation": secret})
    assert secret not in caplog.text


# --- the handler ---


def test_drafts_are_not_listed_and_the_list_filters_by_status(api: TestClient) -> None:
    draft = start(api, conversation_id=f"web-{uuid.uuid4().hex}")
    complaint = submitted(api)
    page = api.get("/api/v1/complaints", params={"status": "submitted", "limit": 200}).json()
    ids = [item["id"] for item in page["items"]]
    assert complaint["id"] in ids and draft["id"] not in ids
    assert all(item["status"] == "submitted" for item in page["items"])
    item = next(item for item in page["items"] if item["id"] == complaint["id"])
    assert item["verdict"] == "likely_not_met" and item["findings"] >= 3
    everything = api.get("/api/v1/complaints").json()
    assert everything["total"] >= DEMO_COMPLAINTS * 0.9
    assert api.get("/api/v1/complaints", params={"status": "draft"}).json()["total"] == 0


def test_review_then_decide_not_conformant_with_the_measures_informs_the_citizen(
    api: TestClient, session: Session
) -> None:
    jobseeker_id = jobseeker_ids(session)[1]
    complaint = submitted(api, jobseeker_id=jobseeker_id)
    review = api.post(f"/api/v1/complaints/{complaint['id']}/review")
    assert review.status_code == 200 and review.json()["status"] == "in_review"
    decision = {
        "outcome": "not_conformant",
        "reclaim_amount": "1320.00",
        "restore_right": True,
        "address_centre": True,
        "suspend_mandate": True,
        "note": "Enkel een test.",
    }
    answer = api.post(f"/api/v1/complaints/{complaint['id']}/decision", json=decision)
    assert answer.status_code == 200, answer.text
    read = answer.json()
    assert read["status"] == "decided" and read["decision"]["reclaim_amount"] == "1320.00"
    text = read["decision"]["citizen_text"]
    assert complaint["reference"] in text and "recht op de loopbaancheque terug" in text
    assert "1320" not in text and "schors" not in text  # amounts and sanctions are between VDAB and the centre
    centre = session.scalars(select(CareerCentre).where(CareerCentre.name == "Loopbaancentrum Windroos")).one()
    assert centre.mandate_status == "suspended" and centre.mandate_suspended_on == SEED_DAY
    note = session.scalars(
        select(Notification).where(Notification.jobseeker_id == jobseeker_id, Notification.kind == "complaint_decided")
    ).one()
    assert note.body == text
    assert api.post(f"/api/v1/complaints/{complaint['id']}/decision", json=decision).status_code == 409
    assert api.post(f"/api/v1/complaints/{complaint['id']}/review").status_code == 409


@pytest.mark.parametrize(
    "decision",
    [
        {"outcome": "conformant", "reclaim_amount": "660"},
        {"outcome": "conformant", "restore_right": True},
        {"outcome": "not_conformant"},
        {"outcome": "not_conformant", "reclaim_amount": "-5"},
        {"outcome": "maybe", "address_centre": True},
    ],
)
def test_decisions_that_do_not_add_up_are_422(api: TestClient, decision: dict) -> None:
    complaint = submitted(api)
    assert api.post(f"/api/v1/complaints/{complaint['id']}/decision", json=decision).status_code == 422


def test_a_draft_cannot_be_reviewed_or_decided(api: TestClient) -> None:
    draft = start(api, conversation_id=f"web-{uuid.uuid4().hex}")
    assert api.post(f"/api/v1/complaints/{draft['id']}/review").status_code == 409
    decision = {"outcome": "conformant"}
    assert api.post(f"/api/v1/complaints/{draft['id']}/decision", json=decision).status_code == 409


def test_a_centre_found_not_conformant_twice_gets_suspension_suggested(api: TestClient) -> None:
    decision = {"outcome": "not_conformant", "restore_right": True, "address_centre": True}
    answers = {**FULL, "centre": {"value": "Sleutelbos"}}
    ids = []
    for _ in range(3):
        draft = start(api, conversation_id=f"web-{uuid.uuid4().hex}")
        fill(api, draft["id"], answers)
        api.post(f"/api/v1/complaints/{draft['id']}/submit")
        ids.append(draft["id"])
    for complaint_id in ids[:2]:
        assert api.post(f"/api/v1/complaints/{complaint_id}/decision", json=decision).status_code == 200
    third = api.get(f"/api/v1/complaints/{ids[2]}").json()["assessment"]
    assert third["prior_not_conformant"] >= 2
    assert "suspend_mandate" in [measure["code"] for measure in third["suggested_measures"]]


# --- the analysis ---


def test_the_analysis_over_all_centres_shows_the_demo_patterns(api: TestClient) -> None:
    body = api.get("/api/v1/career-centres/analysis").json()
    assert len(body["centres"]) == 16 and len(body["months"]) == 12 and body["until"] == "2026-11"
    assert body["complaints"] == sum(centre["complaints"] for centre in body["centres"])
    assert body["complaints"] >= 200
    only_test = next(item for item in body["centres"] if item["centre"]["name"] == ONLY_TEST_CENTRE)
    assert any("enkel een test" in reason for reason in only_test["attention"])
    assert body["centres"][0]["attention"], "centres that need a look come first"
    assert all(0 <= (item["share_not_met"] or 0) <= 1 for item in body["criteria"])


def test_a_new_complaint_counts_for_its_centre_this_month(api: TestClient, session: Session) -> None:
    centre_id = session.scalars(select(CareerCentre.id).where(CareerCentre.name == "Loopbaancentrum Windroos")).one()
    before = api.get(f"/api/v1/career-centres/{centre_id}/analysis").json()
    submitted(api)
    after = api.get(f"/api/v1/career-centres/{centre_id}/analysis").json()
    assert after["complaints"] == before["complaints"] + 1
    assert after["months"][-1]["complaints"] == before["months"][-1]["complaints"] + 1
    assert after["findings"]["only_test"] == before["findings"].get("only_test", 0) + 1
    tailored = next(item for item in after["criteria"] if item["code"] == "tailored")
    tailored_before = next(item for item in before["criteria"] if item["code"] == "tailored")
    assert tailored["no"] == tailored_before["no"] + 1
    assert api.get("/api/v1/career-centres/2000000/analysis").status_code == 404


def test_the_analysis_exports_as_csv(api: TestClient) -> None:
    answer = api.get("/api/v1/career-centres/analysis.csv")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    lines = answer.text.strip().splitlines()
    assert lines[0].startswith("centre,municipality,province,mandate,complaints")
    assert len(lines) == 17


def test_the_demo_complaints_hold_no_personal_data(session: Session) -> None:
    demo = session.scalars(select(Complaint).where(Complaint.is_demo.is_(True))).all()
    assert len(demo) >= DEMO_COMPLAINTS * 0.9
    assert all(item.jobseeker_id is None and item.conversation_id is None for item in demo)
    assert session.scalar(select(func.count()).where(Complaint.status == "draft", Complaint.is_demo.is_(True))) == 0
