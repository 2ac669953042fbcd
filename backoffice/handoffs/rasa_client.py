"""Rasa's own HTTP API, as the backoffice uses it during a handoff.

Two calls: append events with their side effects (a bot message reaches the jobseeker on the
channel they last wrote on; pause and resume switch the bot off and on), and trigger an intent.
Errors carry the status or the exception class, never the body: it may hold message texts.
"""

from typing import Any
from urllib.parse import quote

import httpx

from backoffice.config import Settings

TIMEOUT_SECONDS = 2.0  # a consultant waits for this; a failed push is retried in the background


class RasaUnavailableError(Exception):
    """Rasa did not take the push; the text says why without any message content."""


class RasaClient:
    def __init__(self, *, base_url: str, token: str, transport: httpx.BaseTransport | None = None) -> None:
        self._base_url = base_url.rstrip("/")
        self._token = token
        self._client = httpx.Client(timeout=TIMEOUT_SECONDS, transport=transport)

    @classmethod
    def from_settings(cls, settings: Settings, *, transport: httpx.BaseTransport | None = None) -> "RasaClient":
        return cls(base_url=settings.rasa_url, token=settings.rasa_auth_token, transport=transport)

    def close(self) -> None:
        self._client.close()

    def _conversation_url(self, conversation_id: str, tail: str) -> str:
        # Sender ids of some channels hold characters such as "+" or ":".
        return f"{self._base_url}/conversations/{quote(conversation_id, safe='')}/{tail}"

    def _post(self, url: str, *, params: dict[str, str], body: Any) -> None:
        if self._token:
            params = {**params, "token": self._token}
        try:
            response = self._client.post(url, params=params, json=body)
        except httpx.HTTPError as error:
            raise RasaUnavailableError(type(error).__name__) from None
        if response.status_code >= 300:
            raise RasaUnavailableError(f"HTTP {response.status_code}")

    def append_events(self, conversation_id: str, events: list[dict[str, Any]]) -> None:
        """Appends events and executes their side effects on the jobseeker's latest channel."""
        self._post(
            self._conversation_url(conversation_id, "tracker/events"),
            params={"execute_side_effects": "true", "output_channel": "latest"},
            body=events,
        )

    def trigger_intent(self, conversation_id: str, name: str, entities: dict[str, Any] | None = None) -> None:
        self._post(
            self._conversation_url(conversation_id, "trigger_intent"),
            params={"output_channel": "latest"},
            body={"name": name, "entities": entities or {}},
        )
