import pytest

from nlu.resolution import Lexicons, get_lexicons


@pytest.fixture(scope="session")
def lexicons() -> Lexicons:
    return get_lexicons()
