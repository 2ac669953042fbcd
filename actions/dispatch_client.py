"""The backoffice calls for handoffs, digital-skill assessments and appointments.

The same service and transport as BackofficeClient; kept apart so neither file grows into a
catalogue of everything the backoffice can do.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from actions.backoffice_client import BackofficeClient

DIGITAL = "digital"
LEVELS = ("digital", "human-digital", "human")


@dataclass(frozen=True)
class Availability:
    open: bool
    hours_text: str


@dataclass(frozen=True)
class Handoff:
    id: int
    state: str
    kind: str
    queue_position: int | None
    expected_wait_minutes: int | None

    @classmethod
    def from_api(cls, body: dict[str, Any]) -> "Handoff":
        position = body.get("queue_position")
        wait = body.get("expected_wait_minutes")
        return cls(
            id=int(body["id"]),
            state=str(body["state"]),
            kind=str(body.get("kind") or "live"),
            queue_position=int(position) if position is not None else None,
            expected_wait_minutes=int(wait) if wait is not None else None,
        )


@dataclass(frozen=True)
class Assessment:
    level: str
    score: float
    evidence: tuple[str, ...]
    previous_level: str | None

    def as_payload(self) -> dict[str, Any]:
        return {"level": self.level, "score": self.score, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class Course:
    name: str
    place: str
    when: str


@dataclass(frozen=True)
class Slot:
    slot_id: str
    starts_at: datetime


@dataclass(frozen=True)
class Office:
    name: str
    address: str


@dataclass(frozen=True)
class SlotOffer:
    office: Office | None
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class Appointment:
    id: int
    reference: str
    starts_at: datetime
    office: Office
    email_status: str

    @classmethod
    def from_api(cls, body: dict[str, Any]) -> "Appointment":
        return cls(
            id=int(body["id"]),
            reference=str(body.get("reference") or ""),
            starts_at=datetime.fromisoformat(str(body["starts_at"])),
            office=_office(body.get("office") or {}, body),
            email_status=str(body.get("email_status") or ""),
        )


def _office(body: dict[str, Any], fallback: dict[str, Any] | None = None) -> Office:
    fallback = fallback or {}
    return Office(
        name=str(body.get("name") or fallback.get("office_name") or ""),
        address=str(body.get("address") or fallback.get("office_address") or ""),
    )


def slots_from(items: list[dict[str, Any]]) -> tuple[Slot, ...]:
    return tuple(
        Slot(slot_id=str(item["slot_id"]), starts_at=datetime.fromisoformat(str(item["starts_at"]))) for item in items
    )


class DispatchClient(BackofficeClient):
    # --- handoffs ---
    async def handoff_availability(self) -> Availability:
        body = await self._request("GET", "/handoffs/availability")
        return Availability(open=bool(body["open"]), hours_text=str(body.get("hours_text") or ""))

    async def open_handoff(self, *, conversation_id: str) -> Handoff | None:
        body = await self._request("GET", f"/handoffs/by-conversation/{conversation_id}")
        return None if body is None else Handoff.from_api(body)

    async def create_handoff(
        self,
        *,
        conversation_id: str,
        channel: str,
        kind: str,
        jobseeker_id: int | None,
        reason: str,
        topic: str | None,
        transcript: list[dict[str, str]],
        digital: Assessment | None,
    ) -> Handoff:
        """Raises BackofficeConflictError when a live handoff is asked for outside office hours."""
        body = await self._request(
            "POST",
            "/handoffs",
            json={
                "conversation_id": conversation_id,
                "channel": channel,
                "kind": kind,
                "jobseeker_id": jobseeker_id,
                "reason": reason,
                "topic": topic,
                "transcript": transcript,
                "digital": digital.as_payload() if digital else None,
            },
        )
        return Handoff.from_api(body)

    async def cancel_handoff(self, *, handoff_id: int) -> None:
        await self._request("POST", f"/handoffs/{handoff_id}/cancel")

    # --- digital skills ---
    async def assess_digital_skill(
        self, *, jobseeker_id: int | None, channel: str, signals: list[dict[str, str | None]]
    ) -> Assessment:
        body = await self._request(
            "POST",
            "/digital/assessments",
            json={"jobseeker_id": jobseeker_id, "channel": channel, "signals": signals},
        )
        return Assessment(
            level=str(body["level"]),
            score=float(body["score"]),
            evidence=tuple(str(item) for item in body.get("evidence") or []),
            previous_level=body.get("previous_level"),
        )

    async def store_digital_choice(self, *, jobseeker_id: int, choice: str, channel: str) -> None:
        await self._request(
            "POST", f"/jobseekers/{jobseeker_id}/digital-choice", json={"choice": choice, "channel": channel}
        )

    async def digital_courses(self, *, municipality: str | None, limit: int = 3) -> list[Course]:
        params = {"limit": str(limit)}
        if municipality:
            params["municipality"] = municipality
        body = await self._request("GET", "/digital/courses", params=params) or {}
        return [
            Course(name=str(item["name"]), place=str(item.get("place") or ""), when=str(item.get("schedule") or ""))
            for item in body.get("courses") or []
        ]

    # --- appointments ---
    async def appointment_slots(self, *, jobseeker_id: int, limit: int = 3) -> SlotOffer | None:
        body = await self._request("GET", f"/jobseekers/{jobseeker_id}/appointment-slots", params={"limit": str(limit)})
        if body is None:
            return None
        office = body.get("office")
        return SlotOffer(office=_office(office) if office else None, slots=slots_from(body.get("slots") or []))

    async def book_appointment(self, *, jobseeker_id: int, slot_id: str, channel: str, reason: str) -> Appointment:
        """Raises BackofficeConflictError (body: alternatives) when the slot was just taken."""
        body = await self._request(
            "POST",
            f"/jobseekers/{jobseeker_id}/appointments",
            json={"slot_id": slot_id, "channel": channel, "reason": reason},
        )
        return Appointment.from_api(body)

    async def upcoming_appointments(self, *, jobseeker_id: int) -> list[Appointment]:
        body = await self._request("GET", f"/jobseekers/{jobseeker_id}/appointments") or []
        return [Appointment.from_api(item) for item in body]

    async def cancel_appointment(self, *, appointment_id: int) -> None:
        await self._request("POST", f"/appointments/{appointment_id}/cancel")

    async def reschedule_appointment(self, *, appointment_id: int, slot_id: str) -> Appointment:
        body = await self._request("POST", f"/appointments/{appointment_id}/reschedule", json={"slot_id": slot_id})
        return Appointment.from_api(body)
