"""One real stack (backoffice, action server, Rasa server) per test session."""

from collections.abc import Iterator

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
