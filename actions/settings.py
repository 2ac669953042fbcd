"""The one settings module of the bot runtime (actions and channels); read from the environment."""

import os
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class BotSettings:
    backoffice_url: str
    backoffice_api_token: str
    backoffice_timeout_seconds: float
    max_message_chars: int


@lru_cache
def get_settings() -> BotSettings:
    return BotSettings(
        backoffice_url=os.environ.get("BACKOFFICE_URL", "http://127.0.0.1:8000").rstrip("/"),
        backoffice_api_token=os.environ.get("BACKOFFICE_API_TOKEN", ""),
        backoffice_timeout_seconds=float(os.environ.get("BACKOFFICE_TIMEOUT_SECONDS", "5")),
        max_message_chars=int(os.environ.get("MAX_MESSAGE_CHARS", "1000")),
    )


def widget_origins() -> list[str]:
    """Browser origins allowed to open the widget's socket.io connection."""
    raw = os.environ.get("WIDGET_ORIGINS", "http://localhost:8000,http://127.0.0.1:8000")
    return [origin.strip().rstrip("/") for origin in raw.split(",") if origin.strip()]
