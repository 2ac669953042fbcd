"""Waits until the three services answer, then prints where to find them. Stdlib only."""

import os
import signal
import sys
import time
import urllib.request

TIMEOUT_SECONDS = 300


def _up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 - our own http URLs
            return answer.status < 500
    except OSError:
        return False


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
        f"  Backoffice API:     {backoffice}/api/v1/docs\n"
        f"  Rasa REST webhook:  {rasa}/webhooks/rest/webhook\n"
        f"  Rasa HTTP API:      {rasa}/  (token: RASA_AUTH_TOKEN in .env)\n"
        f"  Action server:      {actions}/health\n"
        "  Stop everything with Ctrl-C.\n",
        flush=True,
    )
    # honcho stops all processes when one exits, so stay until it stops us.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    while True:
        signal.pause()


if __name__ == "__main__":
    sys.exit(main())
