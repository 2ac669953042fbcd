"""The one settings class of the backoffice runtime; every value comes from the environment."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from backoffice.handoffs.hours import parse_hours

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

    # --- appointment confirmations by e-mail (backoffice/appointments); no host: no e-mail ---
    smtp_host: str = Field(default="", description="SMTP server for appointment e-mails; empty: e-mail is off.")
    smtp_port: int = Field(default=25, ge=1, le=65535)
    smtp_from: str = Field(default="Wegwijs <noreply@wegwijs.invalid>", description="Sender of the e-mails.")
    smtp_starttls: bool = Field(default=False, description="Upgrade the connection with STARTTLS before sending.")
    smtp_username: str = Field(default="", description="Login at the SMTP server; empty: no login.")
    smtp_password: str = Field(default="", description="Password of that login.")
    smtp_timeout_seconds: float = Field(default=10, gt=0, description="A slow mail server never holds a booking.")

    # --- handoffs to a consultant (backoffice/handoffs) ---
    servicelijn_hours: str = Field(
        default="mon-fri 08:00-19:00",
        description="When live chat with the Servicelijn is open (Brussels time), e.g. 'mon-fri 08:00-19:00'.",
    )
    handoff_wait_timeout_minutes: float = Field(
        default=10, gt=0, description="A live handoff nobody claimed in this time times out (0.05 = 3 s, for tests)."
    )
    handoff_minutes_per_conversation: int = Field(
        default=4, ge=1, description="Expected wait per conversation ahead in the queue."
    )
    rasa_url: str = Field(
        default="http://127.0.0.1:5005",
        description="Rasa server URL as the backoffice reaches it (HTTP API, to push consultant messages).",
    )
    rasa_auth_token: str = Field(default="", description="Token of Rasa's HTTP API (sent as ?token=).")
    rasa_events_db_url: str = Field(
        default=f"sqlite:///{REPO_ROOT / 'var' / 'rasa_events.db'}",
        description="Database of Rasa's SQL event broker (table `events`): jobseeker messages for consultants.",
    )
    background_jobs_enabled: bool = Field(
        default=True,
        description="Run the background loop (relay, push retries, handoff time-outs) in this process.",
    )

    # --- consultant inbox (backoffice/accounts, backoffice/inbox) ---
    inbox_demo_password: str = Field(
        default="",
        description="Password of the seeded demo accounts (demo data only); `make run` generates one into .env. "
        "Empty: no demo accounts are seeded.",
    )
    inbox_session_hours: float = Field(default=10, gt=0, description="A sign-in lasts at most this long.")
    inbox_idle_minutes: float = Field(default=60, gt=0, description="A sign-in unused this long ends.")
    inbox_secure_cookies: bool = Field(
        default=False,
        description="Always mark the inbox cookies Secure (behind a TLS proxy); over https they always are.",
    )
    inbox_login_window_minutes: float = Field(default=15, gt=0, description="Window of the sign-in throttle.")
    inbox_login_max_failures: int = Field(
        default=5, ge=1, description="Failed sign-ins per account name in the window before it is refused."
    )
    inbox_login_max_failures_per_address: int = Field(
        default=20, ge=1, description="Failed sign-ins per client address in the window before it is refused."
    )
    inbox_stream_seconds: float = Field(
        default=300, gt=0, description="One live-update stream lasts this long; the browser then reconnects."
    )

    @field_validator("servicelijn_hours")
    @classmethod
    def _valid_hours(cls, value: str) -> str:
        parse_hours(value)  # a clear error at startup, not at the first handoff
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
