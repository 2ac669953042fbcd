"""One real stack (backoffice, action server, Rasa server) per test session."""

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from tests.e2e.stack import MODEL, Stack, free_port


class Outbox(Message):
    """Keeps every e-mail the backoffice sends, for the tests to read."""

    def __init__(self, port: int) -> None:
        super().__init__()
        self.port = port
        self.messages: list = []

    def handle_message(self, message) -> None:  # noqa: ANN001
        self.messages.append(message)


@pytest.fixture(scope="session")
def outbox() -> Iterator[Outbox]:
    handler = Outbox(port=free_port())
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory, outbox: Outbox) -> Iterator[Stack]:
    if not MODEL.exists():
        pytest.fail("No trained model: run `make train` (make test does it for you).")
    running = Stack(workdir=tmp_path_factory.mktemp("stack"), smtp_port=outbox.port)
    try:
        running.start()
        yield running
    finally:
        running.stop()


@pytest.fixture
def rest(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.rasa_url, timeout=60) as client:
        yield client


CHROMIUM = Path(os.environ.get("WEGWIJS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    """One Debian Chromium for every browser test: Playwright's sync API allows one per thread."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -r requirements/browser.txt")
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install -y chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
