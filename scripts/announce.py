"""Waits until the three services answer, then prints where to find them. Stdlib only."""

import os
import signal
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from backoffice.accounts.demo import DEMO_ACCOUNTS  # noqa: E402 - a constant list, no imports of its own

TIMEOUT_SECONDS = 300


def _up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 - our own http URLs
            return answer.status < 500
    except OSError:
        return False


def _inbox_accounts() -> str:
    password = os.environ.get("INBOX_DEMO_PASSWORD", "")
    if os.environ.get("DEMO_LOGIN_ENABLED", "true").lower() != "true" or not password:
        return "  Inbox demo accounts: none (DEMO_LOGIN_ENABLED off or INBOX_DEMO_PASSWORD empty).\n"
    lines = [f"  Inbox demo accounts (demo data only; password for all: {password}  - INBOX_DEMO_PASSWORD in .env):\n"]
    for email, role, office, _ in DEMO_ACCOUNTS:
        lines.append(f"    {role:<18} {email}{f'  ({office})' if office else ''}\n")
    return "".join(lines)


def main() -> int:
    backoffice = f"http://localhost:{os.environ['BACKOFFICE_PORT']}"
    rasa = f"http://localhost:{os.environ['RASA_PORT']}"
    actions = f"http://localhost:{os.environ['ACTION_SERVER_PORT']}"
    checks = {
        "backoffice": f"{backoffice}/api/v1/health",
        "action server": f"{actions}/health",
        "Rasa server": f"{rasa}/",
    }
    deadline = time.monotonic() + TIMEOUT_SECONDS
    waiting = dict(checks)
    while waiting and time.monotonic() < deadline:
        waiting = {name: url for name, url in waiting.items() if not _up(url)}
        if waiting:
            time.sleep(1)
    if waiting:
        print(f"Not up after {TIMEOUT_SECONDS} s: {', '.join(waiting)}. See the lines above.", flush=True)
        return 1
    print(
        "\n"
        "  Wegwijs is up.\n"
        f"  Chat widget:        {backoffice}/\n"
        f"  Consultant inbox:   {backoffice}/inbox\n"
        f"{_inbox_accounts()}"
        f"  Backoffice API:     {backoffice}/api/v1/docs\n"
        f"  Rasa REST webhook:  {rasa}/webhooks/rest/webhook\n"
        f"  Rasa HTTP API:      {rasa}/  (token: RASA_AUTH_TOKEN in .env)\n"
        f"  Action server:      {actions}/health\n"
        "  E-mails (caught):   var/mail/new/  (appointment confirmations; nothing leaves this machine)\n"
        "  Stop everything with Ctrl-C.\n",
        flush=True,
    )
    # honcho stops all processes when one exits, so stay until it stops us.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    while True:
        signal.pause()


if __name__ == "__main__":
    sys.exit(main())
