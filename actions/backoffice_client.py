"""The one typed client through which actions reach the backoffice API."""

import logging
from dataclasses import dataclass
from typing import Any

import aiohttp

from actions.settings import BotSettings, get_settings

logger = logging.getLogger(__name__)


class BackofficeUnavailableError(Exception):
    """The backoffice could not be reached or answered with a server error."""


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


class BackofficeClient:
    def __init__(self, settings: BotSettings) -> None:
        self._base_url = f"{settings.backoffice_url}/api/v1"
        self._headers = {"Authorization": f"Bearer {settings.backoffice_api_token}"}
        self._timeout = aiohttp.ClientTimeout(total=settings.backoffice_timeout_seconds)

    @classmethod
    def from_environment(cls) -> "BackofficeClient":
        return cls(get_settings())

    async def _request(self, method: str, path: str, json: dict[str, Any] | None = None) -> dict[str, Any] | None:
        """Returns the JSON body, None for 404; raises BackofficeUnavailableError otherwise."""
        try:
            async with aiohttp.ClientSession(timeout=self._timeout, headers=self._headers) as session:
                async with session.request(method, f"{self._base_url}{path}", json=json) as response:
                    if response.status == 404:
                        return None
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
