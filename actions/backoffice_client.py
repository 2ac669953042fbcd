"""The one typed client through which actions reach the backoffice API."""

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

import aiohttp

from actions.settings import BotSettings, get_settings

logger = logging.getLogger(__name__)


class BackofficeUnavailableError(Exception):
    """The backoffice could not be reached or answered with a server error."""


class BackofficeConflictError(Exception):
    """The backoffice refused a change that no longer fits the stored state (409)."""

    def __init__(self, where: str, body: dict[str, Any] | None = None) -> None:
        super().__init__(where)
        # What the backoffice said instead, e.g. other free slots when one was just taken.
        self.body = body or {}


@dataclass(frozen=True)
class Identity:
    jobseeker_id: int
    first_name: str


@dataclass(frozen=True)
class Dossier:
    id: int
    first_name: str
    municipality: str
    province: str
    has_email: bool
    office_id: int | None


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    help: str


@dataclass(frozen=True)
class Assignment:
    id: int
    jobseeker_id: int
    kind: str
    origin: str
    title: str
    instructions: str
    steps: tuple[Step, ...]
    keywords: tuple[str, ...]
    current_step: int
    status: str
    due_date: date | None
    reason: str | None

    @property
    def step_count(self) -> int:
        return len(self.steps)

    @property
    def is_done(self) -> bool:
        return self.status == "done"

    @classmethod
    def from_api(cls, body: dict[str, Any]) -> "Assignment":
        due = body.get("due_date")
        return cls(
            id=int(body["id"]),
            jobseeker_id=int(body["jobseeker_id"]),
            kind=str(body["kind"]),
            origin=str(body.get("origin") or "automatic"),
            title=str(body["title"]),
            instructions=str(body.get("instructions") or ""),
            steps=tuple(
                Step(title=str(step["title"]), text=str(step["text"]), help=str(step.get("help") or ""))
                for step in body.get("steps") or []
            ),
            keywords=tuple(str(word) for word in body.get("keywords") or []),
            current_step=int(body.get("current_step") or 0),
            status=str(body["status"]),
            due_date=date.fromisoformat(due) if due else None,
            reason=body.get("reason"),
        )


@dataclass(frozen=True)
class Completion:
    assignment: Assignment
    next: Assignment | None


@dataclass(frozen=True)
class VacancyCard:
    id: int
    title: str
    employer: str
    municipality: str
    distance_km: float | None
    contract_type: str | None
    work_schedule: str | None
    summary: str

    @classmethod
    def from_api(cls, body: dict[str, Any]) -> "VacancyCard":
        distance = body.get("distance_km")
        return cls(
            id=int(body["id"]),
            title=str(body["title"]),
            employer=str(body.get("employer") or ""),
            municipality=str(body.get("municipality") or ""),
            distance_km=float(distance) if distance is not None else None,
            contract_type=body.get("contract_type"),
            work_schedule=body.get("work_schedule"),
            summary=str(body.get("summary") or ""),
        )


@dataclass(frozen=True)
class SearchPage:
    total: int
    page: int
    page_size: int
    results: tuple[VacancyCard, ...]

    @property
    def has_more(self) -> bool:
        return self.page * self.page_size < self.total


@dataclass(frozen=True)
class JobSuggestion:
    vacancy: VacancyCard
    source: str
    reason: str


@dataclass(frozen=True)
class ApplicationRecord:
    employer: str
    title: str | None
    applied_on: date
    channel: str
    status: str


@dataclass(frozen=True)
class VacancyDashboard:
    saved: tuple[VacancyCard, ...]
    applications: tuple[ApplicationRecord, ...]


class UnknownLocationError(Exception):
    """The backoffice does not know the place searched for."""


async def _json_or_none(response: aiohttp.ClientResponse) -> dict[str, Any] | None:
    try:
        body = await response.json()
    except (aiohttp.ContentTypeError, ValueError):
        return None
    return body if isinstance(body, dict) else None


class BackofficeClient:
    def __init__(self, settings: BotSettings) -> None:
        self._base_url = f"{settings.backoffice_url}/api/v1"
        self._headers = {"Authorization": f"Bearer {settings.backoffice_api_token}"}
        self._timeout = aiohttp.ClientTimeout(total=settings.backoffice_timeout_seconds)

    @classmethod
    def from_environment(cls) -> "BackofficeClient":
        return cls(get_settings())

    async def _request(
        self, method: str, path: str, json: dict[str, Any] | None = None, params: dict[str, Any] | None = None
    ) -> Any:
        """Returns the JSON body (None for 404 and 204); raises BackofficeUnavailableError otherwise."""
        try:
            async with aiohttp.ClientSession(timeout=self._timeout, headers=self._headers) as session:
                async with session.request(method, f"{self._base_url}{path}", json=json, params=params) as response:
                    if response.status in (204, 404):
                        return None
                    if response.status == 409:
                        raise BackofficeConflictError(path.split("/")[1], await _json_or_none(response))
                    if response.status == 422 and path.startswith("/vacancies/search"):
                        body = await response.json()
                        if body.get("detail") == "Unknown location":
                            raise UnknownLocationError()
                    if response.status >= 400:
                        # Path only: bodies may carry personal data.
                        logger.warning("Backoffice %s %s answered %s", method, path.split("/")[1], response.status)
                        raise BackofficeUnavailableError(f"status {response.status}")
                    return await response.json()
        except (aiohttp.ClientError, TimeoutError) as error:
            logger.warning("Backoffice unreachable: %s", type(error).__name__)
            raise BackofficeUnavailableError(type(error).__name__) from error

    async def resolve_identity(self, *, channel: str, identity_token: str) -> Identity | None:
        body = await self._request(
            "POST", "/identity/resolve", json={"channel": channel, "identity_token": identity_token}
        )
        if body is None:
            return None
        return Identity(jobseeker_id=int(body["jobseeker_id"]), first_name=str(body["first_name"]))

    async def get_dossier(self, *, jobseeker_id: int) -> Dossier | None:
        body = await self._request("GET", f"/jobseekers/{jobseeker_id}")
        if body is None:
            return None
        return Dossier(
            id=int(body["id"]),
            first_name=str(body["first_name"]),
            municipality=str(body["municipality"]),
            province=str(body["province"]),
            has_email=bool(body["has_email"]),
            office_id=body.get("office_id"),
        )

    async def list_assignments(self, *, jobseeker_id: int) -> list[Assignment] | None:
        """Open assignments, most urgent first; None when the jobseeker is unknown."""
        body = await self._request("GET", f"/jobseekers/{jobseeker_id}/assignments")
        if body is None:
            return None
        return [Assignment.from_api(item) for item in body]

    async def get_assignment(self, *, assignment_id: int) -> Assignment | None:
        body = await self._request("GET", f"/assignments/{assignment_id}")
        return None if body is None else Assignment.from_api(body)

    async def set_progress(self, *, assignment_id: int, current_step: int) -> Assignment | None:
        body = await self._request(
            "POST", f"/assignments/{assignment_id}/progress", json={"current_step": current_step}
        )
        return None if body is None else Assignment.from_api(body)

    async def complete_assignment(self, *, assignment_id: int) -> Completion | None:
        """Marks the assignment done as reported by the jobseeker; returns it and what comes next."""
        body = await self._request(
            "POST", f"/assignments/{assignment_id}/complete", json={"how": "self_reported", "consultant_id": None}
        )
        if body is None:
            return None
        following = body.get("next")
        return Completion(
            assignment=Assignment.from_api(body["assignment"]),
            next=Assignment.from_api(following) if following else None,
        )

    async def add_assignment_note(self, *, assignment_id: int, kind: str, step: int | None, channel: str) -> None:
        """Records what the bot noticed (help asked, a step that failed) for the week-6 contact."""
        await self._request(
            "POST",
            f"/assignments/{assignment_id}/notes",
            json={"kind": kind, "step": step, "channel": channel[:30]},
        )

    async def claim_reminder(self, *, jobseeker_id: int) -> Assignment | None:
        """Today's reminder, at most one a day (the backoffice decides); None when there is none."""
        body = await self._request("POST", f"/jobseekers/{jobseeker_id}/reminders/claim")
        return None if body is None else Assignment.from_api(body["assignment"])

    async def search_vacancies(
        self,
        *,
        occupation: str | None,
        location: str | None,
        radius_km: int | None,
        contract_type: str | None,
        work_schedule: str | None,
        page: int,
        page_size: int,
    ) -> SearchPage:
        filters = {
            "occupation": occupation,
            "location": location,
            "radius_km": radius_km,
            "contract_type": contract_type,
            "work_schedule": work_schedule,
            "page": page,
            "page_size": page_size,
        }
        params = {key: str(value) for key, value in filters.items() if value is not None}
        body = await self._request("GET", "/vacancies/search", params=params)
        return SearchPage(
            total=int(body["total"]),
            page=int(body["page"]),
            page_size=int(body["page_size"]),
            results=tuple(VacancyCard.from_api(item) for item in body["results"]),
        )

    async def save_vacancy(self, *, jobseeker_id: int, vacancy_id: int) -> bool:
        """True when saved; False when the vacancy does not exist (any more)."""
        body = await self._request(
            "POST", f"/jobseekers/{jobseeker_id}/saved-vacancies", json={"vacancy_id": vacancy_id}
        )
        return body is not None

    async def job_suggestions(self, *, jobseeker_id: int, limit: int) -> list[JobSuggestion] | None:
        body = await self._request("GET", f"/jobseekers/{jobseeker_id}/suggestions", params={"limit": str(limit)})
        if body is None:
            return None
        return [
            JobSuggestion(
                vacancy=VacancyCard.from_api(item["vacancy"]), source=str(item["source"]), reason=str(item["reason"])
            )
            for item in body
        ]

    async def vacancy_dashboard(self, *, jobseeker_id: int) -> VacancyDashboard | None:
        body = await self._request("GET", f"/jobseekers/{jobseeker_id}/dashboard")
        if body is None:
            return None
        return VacancyDashboard(
            saved=tuple(VacancyCard.from_api(item) for item in body["saved"]),
            applications=tuple(
                ApplicationRecord(
                    employer=str(item["employer"]),
                    title=item.get("title"),
                    applied_on=date.fromisoformat(item["applied_on"]),
                    channel=str(item["channel"]),
                    status=str(item["status"]),
                )
                for item in body["applications"]
            ),
        )

    async def log_application(
        self, *, jobseeker_id: int, vacancy_id: int | None, employer: str | None, channel: str
    ) -> bool:
        """Adds an application to the history; False when the jobseeker or vacancy is unknown."""
        body = await self._request(
            "POST",
            f"/jobseekers/{jobseeker_id}/applications",
            json={"vacancy_id": vacancy_id, "employer": employer, "channel": channel},
        )
        return body is not None
