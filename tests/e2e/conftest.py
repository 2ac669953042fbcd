"""One real stack (backoffice, action server, Rasa server) per test session."""

from collections.abc import Iterator

import httpx
import pytest

from tests.e2e.stack import MODEL, Stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not MODEL.exists():
        pytest.fail("No trained model: run `make train` (make test does it for you).")
    running = Stack(workdir=tmp_path_factory.mktemp("stack"))
    try:
        running.start()
        yield running
    finally:
        running.stop()


@pytest.fixture
def rest(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.rasa_url, timeout=60) as client:
        yield client
