"""The handoff, digital-skill and appointment part of the fake backoffice (tests/actions)."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.Response]]

SLOTS = [
    {"slot_id": "c4-20261125T0900", "starts_at": "2026-11-25T09:00:00+01:00", "consultant_first_name": "Sofie"},
    {"slot_id": "c4-20261126T1330", "starts_at": "2026-11-26T13:30:00+01:00", "consultant_first_name": "Sofie"},
    {"slot_id": "c5-20261127T1000", "starts_at": "2026-11-27T10:00:00+01:00", "consultant_first_name": "Jan"},
]
OFFICE = {"id": 3, "name": "Genk (verzonnen)", "address": "Stationsstraat 1, 3600 Genk (verzonnen adres)"}


@dataclass
class FakeDispatch:
    office_open: bool = True
    handoffs: list[dict[str, Any]] = field(default_factory=list)
    assessments: list[dict[str, Any]] = field(default_factory=list)
    choices: list[dict[str, Any]] = field(default_factory=list)
    appointments: list[dict[str, Any]] = field(default_factory=list)
    # Slots someone else books between the offer and the choice.
    taken_by_others: set[str] = field(default_factory=set)

    def open_handoff(self, conversation_id: str) -> dict[str, Any] | None:
        return next(
            (item for item in self.handoffs
             if item["conversation_id"] == conversation_id and item["state"] in ("waiting", "accepted")),
            None,
        )  # fmt: skip

    def free_slots(self) -> list[dict[str, Any]]:
        booked = {item["slot_id"] for item in self.appointments if item["status"] == "booked"}
        return [slot for slot in SLOTS if slot["slot_id"] not in booked | self.taken_by_others]


def level_for(signals: list[dict[str, Any]], channel: str) -> str:
    """A rough stand-in for backoffice/digital/rules.py: enough to see the bot react to a drop."""
    explicit = sum(1 for item in signals if item.get("code") == "explicit_statement")
    operations = sum(1 for item in signals if item.get("code") == "basic_operation_help")
    score = 3 * min(explicit, 2) + 2 * min(operations, 2) + (1 if channel in ("sms", "phone") else 0)
    return "human" if score >= 6 else "human-digital" if score >= 3 else "digital"


def add_dispatch_routes(app: web.Application, fake: FakeDispatch, guarded: Callable[[Handler], Handler]) -> None:
    async def availability(request: web.Request) -> web.Response:
        return web.json_response({"open": fake.office_open, "next_opening": None,
                                  "hours_text": "op werkdagen van 8 tot 19 uur"})  # fmt: skip

    async def create_handoff(request: web.Request) -> web.Response:
        body = await request.json()
        existing = fake.open_handoff(body["conversation_id"])
        if existing is not None:
            return web.json_response(existing)
        if body["kind"] == "live" and not fake.office_open:
            return web.json_response({"detail": "closed", "hours_text": "op werkdagen van 8 tot 19 uur"}, status=409)
        waiting = [item for item in fake.handoffs if item["state"] == "waiting" and item["kind"] == "live"]
        handoff = {**body, "id": len(fake.handoffs) + 1, "state": "waiting", "priority": 2,
                   "queue_position": len(waiting) + 1, "expected_wait_minutes": 4 * (len(waiting) + 1)}  # fmt: skip
        fake.handoffs.append(handoff)
        return web.json_response(handoff, status=201)

    async def by_conversation(request: web.Request) -> web.Response:
        handoff = fake.open_handoff(request.match_info["conversation_id"])
        return web.json_response(handoff) if handoff else web.json_response({"detail": "none"}, status=404)

    async def cancel_handoff(request: web.Request) -> web.Response:
        handoff = next(item for item in fake.handoffs if item["id"] == int(request.match_info["handoff_id"]))
        if handoff["state"] != "waiting":
            return web.json_response({"detail": "not waiting"}, status=409)
        handoff["state"] = "cancelled"
        return web.json_response(handoff)

    async def assess(request: web.Request) -> web.Response:
        body = await request.json()
        previous = fake.assessments[-1]["level"] if fake.assessments else None
        level = level_for(body["signals"], body["channel"])
        fake.assessments.append({**body, "level": level})
        return web.json_response({"level": level, "score": 3.0, "evidence": ["Zegt zelf dat het moeilijk is"],
                                  "previous_level": previous})  # fmt: skip

    async def choice(request: web.Request) -> web.Response:
        fake.choices.append({"jobseeker_id": int(request.match_info["jobseeker_id"]), **await request.json()})
        return web.json_response({}, status=201)

    async def courses(request: web.Request) -> web.Response:
        limit = int(request.query.get("limit", 3))
        items = [{"name": f"Computerles {n} (verzonnen)", "place": "Genk", "schedule": "elke dinsdag om 9 uur"}
                 for n in range(1, 4)]  # fmt: skip
        return web.json_response({"municipality": "Genk", "courses": items[:limit], "notice": None})

    async def slots(request: web.Request) -> web.Response:
        return web.json_response({"office": OFFICE, "slots": fake.free_slots()[: int(request.query.get("limit", 3))]})

    def appointment_for(slot: dict[str, Any], jobseeker_id: int) -> dict[str, Any]:
        return {"id": len(fake.appointments) + 1, "reference": f"AFS-{len(fake.appointments) + 1:04d}",
                "jobseeker_id": jobseeker_id, "slot_id": slot["slot_id"], "starts_at": slot["starts_at"],
                "office": OFFICE, "status": "booked", "email_status": "no_email"}  # fmt: skip

    def take(slot_id: str) -> dict[str, Any] | None:
        return next((slot for slot in fake.free_slots() if slot["slot_id"] == slot_id), None)

    def slot_taken() -> web.Response:
        return web.json_response({"detail": "slot_taken", "alternatives": fake.free_slots()[:3]}, status=409)

    async def book(request: web.Request) -> web.Response:
        slot = take((await request.json())["slot_id"])
        if slot is None:
            return slot_taken()
        appointment = appointment_for(slot, int(request.match_info["jobseeker_id"]))
        fake.appointments.append(appointment)
        return web.json_response(appointment, status=201)

    async def upcoming(request: web.Request) -> web.Response:
        return web.json_response([item for item in fake.appointments if item["status"] == "booked"])

    def appointment(request: web.Request) -> dict[str, Any]:
        return next(item for item in fake.appointments if item["id"] == int(request.match_info["appointment_id"]))

    async def cancel(request: web.Request) -> web.Response:
        item = appointment(request)
        item["status"] = "cancelled"
        return web.json_response(item)

    async def reschedule(request: web.Request) -> web.Response:
        old = appointment(request)
        slot = take((await request.json())["slot_id"])
        if slot is None:
            return slot_taken()
        old["status"] = "cancelled"
        moved = appointment_for(slot, old["jobseeker_id"])
        fake.appointments.append(moved)
        return web.json_response(moved)

    app.router.add_get("/api/v1/handoffs/availability", guarded(availability))
    app.router.add_post("/api/v1/handoffs", guarded(create_handoff))
    app.router.add_get("/api/v1/handoffs/by-conversation/{conversation_id}", guarded(by_conversation))
    app.router.add_post("/api/v1/handoffs/{handoff_id}/cancel", guarded(cancel_handoff))
    app.router.add_post("/api/v1/digital/assessments", guarded(assess))
    app.router.add_get("/api/v1/digital/courses", guarded(courses))
    app.router.add_post("/api/v1/jobseekers/{jobseeker_id}/digital-choice", guarded(choice))
    app.router.add_get("/api/v1/jobseekers/{jobseeker_id}/appointment-slots", guarded(slots))
    app.router.add_post("/api/v1/jobseekers/{jobseeker_id}/appointments", guarded(book))
    app.router.add_get("/api/v1/jobseekers/{jobseeker_id}/appointments", guarded(upcoming))
    app.router.add_post("/api/v1/appointments/{appointment_id}/cancel", guarded(cancel))
    app.router.add_post("/api/v1/appointments/{appointment_id}/reschedule", guarded(reschedule))
