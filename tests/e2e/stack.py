"""Starts the real backoffice, action server and Rasa server on free ports for end-to-end tests."""

import os
import secrets
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[2]
BOT_BIN = REPO_ROOT / ".venv-bot" / "bin"
BACKOFFICE_BIN = REPO_ROOT / ".venv-backoffice" / "bin"
MODEL = REPO_ROOT / "models" / "wegwijs.tar.gz"
STARTUP_TIMEOUT_SECONDS = 240


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Stack:
    workdir: Path
    backoffice_port: int = field(default_factory=free_port)
    rasa_port: int = field(default_factory=free_port)
    action_port: int = field(default_factory=free_port)
    api_token: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    rasa_token: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    # Where the backoffice sends appointment e-mails (a local SMTP server the tests read).
    smtp_port: int = 0
    # Settings a test changes for a while, e.g. the Servicelijn's hours.
    overrides: dict[str, str] = field(default_factory=dict)

    @property
    def backoffice_url(self) -> str:
        return f"http://127.0.0.1:{self.backoffice_port}"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"

    def environment(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if not key.startswith(("RASA_", "BACKOFFICE_"))}
        env.update(
            PYTHONPATH=str(REPO_ROOT),
            DATABASE_URL=f"sqlite:///{self.workdir / 'backoffice.db'}",
            BACKOFFICE_API_TOKEN=self.api_token,
            WIDGET_SIGNING_KEY=secrets.token_urlsafe(16),
            DEMO_LOGIN_ENABLED="true",
            RASA_PUBLIC_URL=self.rasa_url,
            BACKOFFICE_URL=self.backoffice_url,
            ACTION_SERVER_URL=f"{self.action_url}/webhook",
            TRACKER_DB_DIALECT="sqlite",
            TRACKER_DB=str(self.workdir / "tracker.db"),
            WIDGET_ORIGINS=self.backoffice_url,
            RASA_TELEMETRY_ENABLED="false",
            # Handoffs: the backoffice pushes to Rasa's HTTP API and reads Rasa's SQL event broker.
            RASA_URL=self.rasa_url,
            RASA_AUTH_TOKEN=self.rasa_token,
            EVENTS_DB_DIALECT="sqlite",
            EVENTS_DB=str(self.workdir / "rasa_events.db"),
            RASA_EVENTS_DB_URL=f"sqlite:///{self.workdir / 'rasa_events.db'}",
            # Open all week, so live handoffs work whenever the tests run; a test closes it.
            SERVICELIJN_HOURS="mon-sun 00:00-24:00",
            SMTP_HOST="127.0.0.1" if self.smtp_port else "",
            SMTP_PORT=str(self.smtp_port or 25),
        )
        env.update(self.overrides)
        return env

    def _run(self, *command: str) -> None:
        subprocess.run(command, cwd=REPO_ROOT, env=self.environment(), check=True, capture_output=True)

    def _start(self, name: str, *command: str) -> None:
        log = open(self.workdir / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        self.processes[name] = subprocess.Popen(
            command, cwd=REPO_ROOT, env=self.environment(), stdout=log, stderr=subprocess.STDOUT
        )

    def start(self) -> None:
        self._run(str(BACKOFFICE_BIN / "alembic"), "-c", "backoffice/alembic.ini", "upgrade", "head")
        self._run(str(BACKOFFICE_BIN / "python"), "-m", "backoffice.seed")
        self.start_backoffice()
        self.start_actions()
        self._start(
            "rasa",
            str(BOT_BIN / "rasa"), "run", "--enable-api", "--auth-token", self.rasa_token,
            "--interface", "127.0.0.1", "--port", str(self.rasa_port), "--model", str(MODEL),
            "--credentials", "credentials.yml", "--endpoints", "endpoints.yml",
        )  # fmt: skip
        self.wait_until_up()

    def start_backoffice(self) -> None:
        self._start(
            "backoffice",
            str(BACKOFFICE_BIN / "uvicorn"), "backoffice.main:create_app", "--factory",
            "--host", "127.0.0.1", "--port", str(self.backoffice_port),
        )  # fmt: skip

    def restart_backoffice(self, **overrides: str) -> None:
        """Restarts the backoffice with these settings changed (none: back to the defaults)."""
        if "backoffice" in self.processes:
            self.stop("backoffice")
        self.overrides = dict(overrides)
        self.start_backoffice()
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.backoffice_url}/api/v1/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.3)
        raise RuntimeError(f"backoffice not back in time\n{self.log_tail('backoffice')}")

    def start_actions(self) -> None:
        self._start(
            "actions", str(BOT_BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(self.action_port)
        )

    def wait_until_up(self) -> None:
        checks = {
            "backoffice": f"{self.backoffice_url}/api/v1/health",
            "actions": f"{self.action_url}/health",
            "rasa": f"{self.rasa_url}/status?token={self.rasa_token}",
        }
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while checks and time.monotonic() < deadline:
            for name, url in list(checks.items()):
                process = self.processes[name]
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited with {process.returncode}:\n{self.log_tail(name)}")
                try:
                    if httpx.get(url, timeout=2).status_code == 200:
                        del checks[name]
                except httpx.HTTPError:
                    pass
            time.sleep(1)
        if checks:
            raise RuntimeError(f"Not up in time: {list(checks)}\n" + "\n".join(self.log_tail(n) for n in checks))

    def log_tail(self, name: str, lines: int = 40) -> str:
        path = self.workdir / f"{name}.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return f"--- {name} log ---\n" + "\n".join(text.splitlines()[-lines:])

    def stop(self, name: str | None = None) -> None:
        names = [name] if name else list(self.processes)
        for each in names:
            process = self.processes.pop(each)
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
