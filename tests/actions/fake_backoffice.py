"""A local stand-in for the backoffice API on a loopback port, recording what it was asked."""

import copy
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.actions.fake_dispatch import FakeDispatch, add_dispatch_routes

TOKEN = "actions-test-token"  # noqa: S105
KNOWN_TOKENS = {"token-for-lotte": {"jobseeker_id": 7, "first_name": "Lotte"}}


OPEN_STATUSES = ("open", "in_progress", "overdue")


def demo_assignments() -> list[dict[str, Any]]:
    """Lotte's assignments as the backoffice would send them (invented)."""

    def step(title: str) -> dict[str, str]:
        return {"title": title, "text": f"Doe dit: {title.lower()}.", "help": f"Hulp bij {title.lower()}."}

    def assignment(id_: int, kind: str, title: str, due: str, keywords: list[str], steps: int) -> dict[str, Any]:
        return {
            "id": id_, "jobseeker_id": 7, "kind": kind, "origin": "automatic", "title": title,
            "instructions": f"{title}.", "steps": [step(f"Stap {n}") for n in range(1, steps + 1)],
            "keywords": keywords, "current_step": 0, "step_count": steps, "status": "open", "due_date": due,
            "completion": None, "completed_at": None, "reason": None,
        }  # fmt: skip

    return [
        assignment(11, "complete_cv", "Vul je cv aan", "2026-11-20", ["cv"], 3),
        assignment(12, "set_job_goals", "Kies je jobdoelen", "2026-11-30", ["jobdoel", "beroep"], 2),
        assignment(13, "check_contact_details", "Controleer je contactgegevens", "2026-12-04", ["contact"], 2),
    ]


def demo_vacancies() -> list[dict[str, Any]]:
    """Eight invented vacancies: six for a magazijnier around Gent, two for a kok in Leuven."""
    cards = [
        {"id": 100 + n, "title": f"Magazijnier {n}", "occupation": "magazijnier", "employer": f"Firma {n} (verzonnen)",
         "municipality": "Gent", "postcode": "9000", "province": "Oost-Vlaanderen", "distance_km": float(n),
         "contract_type": "vast", "work_schedule": "voltijds", "hours_per_week": 38,
         "posted_on": "2026-11-20", "closing_on": "2026-12-31", "summary": "Je werkt in een magazijn."}
        for n in range(1, 7)
    ]  # fmt: skip
    cards += [
        {**cards[0], "id": 200 + n, "title": f"Kok {n}", "occupation": "kok", "municipality": "Leuven"}
        for n in range(1, 3)
    ]
    return cards


@dataclass
class FakeBackoffice:
    url: str = ""
    requests: list[tuple[str, str]] = field(default_factory=list)
    fail_with: int | None = None
    assignments: list[dict[str, Any]] = field(default_factory=demo_assignments)
    notes: list[dict[str, Any]] = field(default_factory=list)
    reminder_claimed: bool = False
    vacancies: list[dict[str, Any]] = field(default_factory=demo_vacancies)
    searches: list[dict[str, str]] = field(default_factory=list)
    saved: list[tuple[int, int]] = field(default_factory=list)
    applications: list[dict[str, Any]] = field(default_factory=list)
    dispatch: FakeDispatch = field(default_factory=FakeDispatch)

    def assignment(self, assignment_id: int) -> dict[str, Any] | None:
        return next((item for item in self.assignments if item["id"] == assignment_id), None)

    def open_assignments(self) -> list[dict[str, Any]]:
        waiting = [item for item in self.assignments if item["status"] in OPEN_STATUSES]
        return sorted(waiting, key=lambda item: (item["due_date"], item["id"]))


@asynccontextmanager
async def running_fake_backoffice() -> AsyncIterator[FakeBackoffice]:
    fake = FakeBackoffice()

    def authorised(request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {TOKEN}"

    async def resolve(request: web.Request) -> web.Response:
        body = await request.json()
        identity = KNOWN_TOKENS.get(body.get("identity_token"))
        if identity is None:
            return web.json_response({"detail": "No jobseeker for this identity"}, status=404)
        return web.json_response(identity)

    async def dossier(request: web.Request) -> web.Response:
        if request.match_info["jobseeker_id"] != "7":
            return web.json_response({"detail": "Jobseeker not found"}, status=404)
        return web.json_response(
            {"id": 7, "first_name": "Lotte", "municipality": "Genk", "province": "Limburg",
             "has_email": False, "office_id": 3}
        )  # fmt: skip

    def guarded(handler):
        """Records the call, then answers like the backoffice does on failures and bad tokens."""

        async def wrapper(request: web.Request) -> web.Response:
            fake.requests.append((request.method, request.path))
            if fake.fail_with:
                return web.json_response({"detail": "boom"}, status=fake.fail_with)
            if not authorised(request):
                return web.json_response({"detail": "Missing or invalid bearer token"}, status=401)
            return await handler(request)

        return wrapper

    def found(request: web.Request) -> dict[str, Any] | None:
        return fake.assignment(int(request.match_info["assignment_id"]))

    async def list_assignments(request: web.Request) -> web.Response:
        if request.match_info["jobseeker_id"] != "7":
            return web.json_response({"detail": "Jobseeker not found"}, status=404)
        return web.json_response(copy.deepcopy(fake.open_assignments()))

    async def get_assignment(request: web.Request) -> web.Response:
        item = found(request)
        return web.json_response(item) if item else web.json_response({"detail": "not found"}, status=404)

    async def progress(request: web.Request) -> web.Response:
        item = found(request)
        if item is None:
            return web.json_response({"detail": "not found"}, status=404)
        if item["status"] == "done":
            return web.json_response({"detail": "Assignment is done"}, status=409)
        item["current_step"] = (await request.json())["current_step"]
        item["status"] = "in_progress"
        return web.json_response(item)

    async def complete(request: web.Request) -> web.Response:
        item = found(request)
        if item is None:
            return web.json_response({"detail": "not found"}, status=404)
        item["status"], item["completion"] = "done", (await request.json())["how"]
        remaining = fake.open_assignments()
        return web.json_response({"assignment": item, "next": remaining[0] if remaining else None})

    async def add_note(request: web.Request) -> web.Response:
        fake.notes.append({"assignment_id": int(request.match_info["assignment_id"]), **await request.json()})
        return web.json_response({}, status=201)

    async def claim_reminder(request: web.Request) -> web.Response:
        remaining = fake.open_assignments()
        if fake.reminder_claimed or not remaining:
            return web.Response(status=204)
        fake.reminder_claimed = True
        return web.json_response({"assignment": remaining[0]})

    async def search(request: web.Request) -> web.Response:
        query = dict(request.query)
        fake.searches.append(query)
        if query.get("location") == "Atlantis":
            return web.json_response({"detail": "Unknown location"}, status=422)
        hits = [
            card
            for card in fake.vacancies
            if query.get("occupation") in (None, card["occupation"])
            and query.get("location") in (None, card["municipality"])
            and float(query.get("radius_km", 999)) >= (card["distance_km"] or 0)
        ]
        page, size = int(query.get("page", 1)), int(query.get("page_size", 10))
        results = hits[(page - 1) * size : page * size]
        return web.json_response({"total": len(hits), "page": page, "page_size": size, "results": results})

    async def save(request: web.Request) -> web.Response:
        vacancy_id = (await request.json())["vacancy_id"]
        if not any(card["id"] == vacancy_id for card in fake.vacancies):
            return web.json_response({"detail": "Vacancy not found"}, status=404)
        fake.saved.append((int(request.match_info["jobseeker_id"]), vacancy_id))
        return web.json_response({"vacancy_id": vacancy_id}, status=201)

    async def suggestions(request: web.Request) -> web.Response:
        if request.match_info["jobseeker_id"] != "7":
            return web.json_response({"detail": "Jobseeker not found"}, status=404)
        reasons = ["Je zoekt werk als magazijnier in de buurt van Gent.", "Je bemiddelaar raadt deze vacature aan."]
        picked = fake.vacancies[: int(request.query.get("limit", 5))]
        return web.json_response(
            [{"vacancy": card, "source": "profile", "reason": reasons[n % 2]} for n, card in enumerate(picked)]
        )

    async def dashboard(request: web.Request) -> web.Response:
        saved_ids = [vacancy_id for _, vacancy_id in fake.saved]
        saved = [{**card, "saved_on": "2026-11-23"} for card in fake.vacancies if card["id"] in saved_ids]
        return web.json_response({"saved": saved, "applications": fake.applications})

    async def apply(request: web.Request) -> web.Response:
        body = await request.json()
        card = next((card for card in fake.vacancies if card["id"] == body.get("vacancy_id")), None)
        if body.get("vacancy_id") is not None and card is None:
            return web.json_response({"detail": "Vacancy not found"}, status=404)
        record = {"employer": card["employer"] if card else body["employer"], "title": card["title"] if card else None,
                  "applied_on": "2026-11-23", "channel": body["channel"], "status": "verstuurd",
                  "vacancy_id": body.get("vacancy_id")}  # fmt: skip
        fake.applications.append(record)
        return web.json_response(record, status=201)

    app = web.Application()
    app.router.add_get("/api/v1/jobseekers/{jobseeker_id}/suggestions", guarded(suggestions))
    app.router.add_get("/api/v1/jobseekers/{jobseeker_id}/dashboard", guarded(dashboard))
    app.router.add_post("/api/v1/jobseekers/{jobseeker_id}/applications", guarded(apply))
    app.router.add_get("/api/v1/vacancies/search", guarded(search))
    app.router.add_post("/api/v1/jobseekers/{jobseeker_id}/saved-vacancies", guarded(save))
    app.router.add_post("/api/v1/identity/resolve", guarded(resolve))
    app.router.add_get("/api/v1/jobseekers/{jobseeker_id}", guarded(dossier))
    app.router.add_get("/api/v1/jobseekers/{jobseeker_id}/assignments", guarded(list_assignments))
    app.router.add_post("/api/v1/jobseekers/{jobseeker_id}/reminders/claim", guarded(claim_reminder))
    app.router.add_get("/api/v1/assignments/{assignment_id}", guarded(get_assignment))
    app.router.add_post("/api/v1/assignments/{assignment_id}/progress", guarded(progress))
    app.router.add_post("/api/v1/assignments/{assignment_id}/complete", guarded(complete))
    app.router.add_post("/api/v1/assignments/{assignment_id}/notes", guarded(add_note))
    add_dispatch_routes(app, fake.dispatch, guarded)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    fake.url = str(server.make_url("")).rstrip("/")
    try:
        yield fake
    finally:
        await server.close()
