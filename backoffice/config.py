"""The one settings class of the backoffice runtime; every value comes from the environment."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=REPO_ROOT / ".env", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{REPO_ROOT / 'var' / 'backoffice.db'}",
        description="SQLAlchemy URL; SQLite under var/ by default, PostgreSQL in production.",
    )
    backoffice_api_token: str = Field(
        default="",
        description="Shared bearer token the action server uses to call /api/v1.",
    )
    widget_signing_key: str = Field(
        default="",
        description="Secret that signs the identity tokens handed to the chat widget.",
    )
    widget_token_max_age_seconds: int = 12 * 3600
    rasa_public_url: str = Field(
        default="http://localhost:5005",
        description="Rasa server URL as the browser reaches it (socket.io).",
    )
    demo_login_enabled: bool = Field(
        default=True,
        description="Lets the widget page pick a demo jobseeker; never enable in production.",
    )


@lru_cache
def get_settings() -> Settings:
    return Settings()
