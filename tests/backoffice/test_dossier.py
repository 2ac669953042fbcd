"""Registration, dossier changes and CV uploads, and the assignments they complete by detection."""

import io
import zipfile
from collections.abc import Callable
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.assignments.models import Assignment
from backoffice.jobseekers.cv import DOCX, MAX_CV_BYTES, ODT, PDF, TXT
from backoffice.jobseekers.models import CvDocument, Jobseeker
from tests.backoffice.conftest import REGISTRATION, SEED_DAY, FixedClock

Make = Callable[..., Jobseeker]
API = "/api/v1"
PDF_BYTES = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX_BYTES = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT_BYTES = _zip({"mimetype": ODT.encode(), "content.xml": b"<office:document-content/>"})


def _assignment(session: Session, jobseeker_id: int, kind: str) -> Assignment:
    return session.scalar(select(Assignment).where(Assignment.jobseeker_id == jobseeker_id, Assignment.kind == kind))


def _upload(client: TestClient, headers: dict[str, str], jobseeker_id: int, name: str, content: bytes, kind: str):
    return client.put(f"{API}/jobseekers/{jobseeker_id}/cv", files={"file": (name, content, kind)}, headers=headers)


# --- registration -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"postcode": "7000"}, id="Walloon postcode"),
        pytest.param({"postcode": "1234"}, id="no such postcode"),
        pytest.param({"postcode": "90000"}, id="five digits"),
        pytest.param({"email": "not-an-address"}, id="bad e-mail"),
        pytest.param({"phone": "call me"}, id="bad phone"),
        pytest.param({"education_level": "doctoraat"}, id="unknown education level"),
        pytest.param({"languages": [{"language": "Nederlands", "level": "vloeiend"}]}, id="unknown language level"),
        pytest.param(
            {"languages": [{"language": "Frans", "level": "goed"}, {"language": "frans", "level": "basis"}]},
            id="language twice",
        ),
        pytest.param({"driving_licences": ["Z"]}, id="unknown licence"),
        pytest.param({"first_name": ""}, id="empty name"),
        pytest.param({"first_name": "a\x00b"}, id="control character"),
        pytest.param({"birth_date": SEED_DAY.isoformat()}, id="born today"),
        pytest.param({"desired_occupations": ["x"] * 11}, id="too many occupations"),
    ],
)
def test_bad_registrations_are_422_and_store_nothing(
    client: TestClient, auth_headers: dict[str, str], session: Session, changes: dict
) -> None:
    before = session.scalar(select(func.count(Jobseeker.id)))
    answer = client.post(f"{API}/jobseekers", json={**REGISTRATION, **changes}, headers=auth_headers)
    assert answer.status_code == 422, answer.text
    for value in changes.values():
        if isinstance(value, str) and len(value) > 3:
            assert value not in answer.text, "personal input is never echoed"
    assert session.scalar(select(func.count(Jobseeker.id))) == before


def test_registration_normalises_lists_and_notes_a_missing_email(
    client: TestClient, auth_headers: dict[str, str]
) -> None:
    body = {
        **REGISTRATION,
        "email": None,
        "postcode": "3500",
        "desired_occupations": [" Vrachtwagenchauffeur ", "vrachtwagenchauffeur", "kok"],
        "driving_licences": ["B", "B"],
    }
    jobseeker = client.post(f"{API}/jobseekers", json=body, headers=auth_headers).json()
    assert jobseeker["municipality"] == "Hasselt" and jobseeker["province"] == "Limburg"
    assert jobseeker["desired_occupations"] == ["vrachtwagenchauffeur", "kok"]
    assert jobseeker["driving_licences"] == ["B"]
    assert jobseeker["has_email"] is False
    assert jobseeker["digital_indicators"] == [
        {"code": "no_email", "source": "dossier", "noted_on": SEED_DAY.isoformat()}
    ]
    # The rule set ran on the new dossier: proposals wait for a consultant, the jobseeker sees none.
    proposals = client.get(f"{API}/jobseekers/{jobseeker['id']}/proposals", headers=auth_headers).json()
    assert {proposal["rule_code"] for proposal in proposals} == {"no_email", "driving_licence_c"}
    listed = client.get(f"{API}/jobseekers/{jobseeker['id']}/assignments", headers=auth_headers).json()
    assert {item["origin"] for item in listed} == {"automatic"}


# --- dossier changes --------------------------------------------------------------------------


def test_confirmations_complete_their_assignments(
    client: TestClient, auth_headers: dict[str, str], session: Session, make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker()
    url = f"{API}/jobseekers/{jobseeker.id}/dossier"
    answer = client.patch(url, json={"confirm_contact_details": True}, headers=auth_headers)
    assert answer.status_code == 200
    contact = _assignment(session, jobseeker.id, "check_contact_details")
    assert (contact.status, contact.completion) == ("done", "detected")
    assert _assignment(session, jobseeker.id, "set_job_goals").status == "open"

    client.patch(url, json={"desired_occupations": ["lasser", "schilder"]}, headers=auth_headers)
    goals = _assignment(session, jobseeker.id, "set_job_goals")
    assert (goals.status, goals.completion) == ("done", "detected")
    assert session.get(Jobseeker, jobseeker.id).desired_occupations == ["lasser", "schilder"]
    event = client.get(f"{API}/assignments/{goals.id}/history", headers=auth_headers).json()[-1]
    assert (event["actor"], event["to_value"], event["note"]) == ("system", "done", "job goals confirmed")


def test_adding_an_email_completes_the_smart_assignment(
    client: TestClient, auth_headers: dict[str, str], session: Session, make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker(email=None)
    proposal = client.get(f"{API}/jobseekers/{jobseeker.id}/proposals", headers=auth_headers).json()[0]
    assert proposal["rule_code"] == "no_email"
    accepted = client.post(f"{API}/proposals/{proposal['id']}/accept", json={"consultant_id": 1}, headers=auth_headers)
    assert accepted.status_code == 201
    answer = client.patch(
        f"{API}/jobseekers/{jobseeker.id}/dossier", json={"email": "nieuw@example.invalid"}, headers=auth_headers
    )
    assert answer.json()["has_email"] is True
    assert answer.json()["digital_indicators"] == []
    assert "nieuw@example.invalid" not in answer.text
    email_assignment = session.get(Assignment, accepted.json()["id"])
    assert (email_assignment.status, email_assignment.completion) == ("done", "detected")


def test_null_fields_leave_the_dossier_alone(
    client: TestClient, auth_headers: dict[str, str], session: Session, make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker()
    body = {"email": None, "desired_occupations": None, "languages": None, "education_level": None}
    assert client.patch(f"{API}/jobseekers/{jobseeker.id}/dossier", json=body, headers=auth_headers).status_code == 200
    stored = session.get(Jobseeker, jobseeker.id)
    assert stored.email == REGISTRATION["email"]
    assert stored.desired_occupations == ["magazijnier"]
    assert _assignment(session, jobseeker.id, "set_job_goals").status == "open"


def test_bad_dossier_changes_are_422(client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make) -> None:
    jobseeker = make_jobseeker()
    for body in ({"email": "nope"}, {"driving_licences": ["Q"]}, {"confirm_job_goals": "misschien"}):
        answer = client.patch(f"{API}/jobseekers/{jobseeker.id}/dossier", json=body, headers=auth_headers)
        assert answer.status_code == 422, body


# --- CV upload ----------------------------------------------------------------------------------


def test_cv_upload_completes_complete_your_cv(
    client: TestClient, auth_headers: dict[str, str], session: Session, make_jobseeker: Make, test_clock: FixedClock
) -> None:
    jobseeker = make_jobseeker()
    cv_assignment = _assignment(session, jobseeker.id, "complete_cv")
    test_clock.set_day(SEED_DAY + timedelta(days=3))
    answer = _upload(client, auth_headers, jobseeker.id, "mijn cv.pdf", PDF_BYTES, PDF)
    assert answer.status_code == 200, answer.text
    assert answer.json()["completed"] == [cv_assignment.id]
    assert answer.json()["cv_updated_at"].startswith((SEED_DAY + timedelta(days=3)).isoformat())
    session.refresh(cv_assignment)
    assert (cv_assignment.status, cv_assignment.completion) == ("done", "detected")
    document = session.scalar(select(CvDocument).where(CvDocument.jobseeker_id == jobseeker.id))
    assert (document.content, document.content_type, document.size_bytes) == (PDF_BYTES, PDF, len(PDF_BYTES))
    assert document.filename == "mijn cv.pdf"
    dossier = client.get(f"{API}/jobseekers/{jobseeker.id}", headers=auth_headers).json()
    assert dossier["has_cv"] is True

    # A second upload replaces the document and completes nothing new.
    again = _upload(client, auth_headers, jobseeker.id, "../../etc/cv.txt", b"Mijn nieuwe cv\n", "text/plain")
    assert again.json()["completed"] == []
    documents = session.scalars(select(CvDocument).where(CvDocument.jobseeker_id == jobseeker.id)).all()
    assert [(item.filename, item.content_type) for item in documents] == [("cv.txt", TXT)]


def test_an_old_cv_does_not_complete_the_assignment(
    client: TestClient, auth_headers: dict[str, str], session: Session, make_jobseeker: Make
) -> None:
    jobseeker = make_jobseeker()
    stored = session.get(Jobseeker, jobseeker.id)
    stored.cv_updated_at = stored.created_at - timedelta(days=500)
    client.patch(f"{API}/jobseekers/{jobseeker.id}/dossier", json={"confirm_job_goals": True}, headers=auth_headers)
    assert _assignment(session, jobseeker.id, "complete_cv").status == "open"


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        pytest.param("cv.docx", DOCX_BYTES, DOCX, id="docx"),
        pytest.param("cv.odt", ODT_BYTES, ODT, id="odt"),
        pytest.param("cv.txt", "Ervaring: kassa, magazijn. Talen: Nederlands, Frans.".encode("cp1252"), TXT, id="txt"),
        pytest.param("cv.pdf", PDF_BYTES, "application/octet-stream", id="pdf sent as octet-stream"),
    ],
)
def test_accepted_cv_formats(
    client: TestClient, auth_headers: dict[str, str], make_jobseeker: Make, name: str, content: bytes, kind: str
) -> None:
    jobseeker = make_jobseeker()
    assert _upload(client, auth_headers, jobseeker.id, name, content, kind).status_code == 200


@pytest.mark.parametrize(
    ("name", "content", "kind", "status"),
    [
        pytest.param("cv.png", b"\x89PNG\r\n\x1a\n", "image/png", 415, id="image"),
        pytest.param("cv.exe", b"MZ\x90\x00", "application/octet-stream", 415, id="unknown octet-stream"),
        pytest.param("cv.pdf", b"MZ\x90\x00 not a pdf", PDF, 422, id="pdf type, other bytes"),
        pytest.param("cv.docx", _zip({"hello.txt": b"hi"}), DOCX, 422, id="zip that is no docx"),
        pytest.param("cv.odt", DOCX_BYTES, ODT, 422, id="docx sent as odt"),
        pytest.param("cv.txt", b"\x00\x01\x02binary", TXT, 422, id="binary sent as text"),
        pytest.param("cv.txt", b"", TXT, 422, id="empty"),
        pytest.param("cv.pdf", b"%PDF-" + b"0" * MAX_CV_BYTES, PDF, 413, id="over 5 MB"),
    ],
)
def test_bad_cv_uploads_are_refused_and_stored_nowhere(
    client: TestClient,
    auth_headers: dict[str, str],
    session: Session,
    make_jobseeker: Make,
    name: str,
    content: bytes,
    kind: str,
    status: int,
) -> None:
    jobseeker = make_jobseeker()
    answer = _upload(client, auth_headers, jobseeker.id, name, content, kind)
    assert answer.status_code == status, answer.text
    assert session.get(Jobseeker, jobseeker.id).cv_updated_at is None
    assert _assignment(session, jobseeker.id, "complete_cv").status == "open"


def test_cv_upload_needs_a_file_and_a_known_jobseeker(client: TestClient, auth_headers: dict[str, str]) -> None:
    assert client.put(f"{API}/jobseekers/1/cv", headers=auth_headers).status_code == 422
    assert _upload(client, auth_headers, 999999, "cv.pdf", PDF_BYTES, PDF).status_code == 404
