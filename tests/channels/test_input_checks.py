"""What users send is checked before it reaches the NLU."""

import pytest

from channels.input_checks import EMPTY_MESSAGE_REPLY, TOO_LONG_REPLY, check_user_text
from channels.web import _metadata, _session_id


@pytest.mark.parametrize(
    ("raw", "text", "reply"),
    [
        ("hallo", "hallo", None),
        ("  ik zoek werk  ", "ik zoek werk", None),
        ("wer\x00k", "werk", None),
        ("😀", "😀", None),
        ("<b>hallo</b>", "<b>hallo</b>", None),
        ("", None, EMPTY_MESSAGE_REPLY),
        ("   \n\t ", None, EMPTY_MESSAGE_REPLY),
        ("\x00\x00", None, EMPTY_MESSAGE_REPLY),
        (None, None, EMPTY_MESSAGE_REPLY),
        (42, None, EMPTY_MESSAGE_REPLY),
        (["hallo"], None, EMPTY_MESSAGE_REPLY),
        ("a" * 20, "a" * 20, None),
        ("a" * 21, None, TOO_LONG_REPLY),
    ],
)
def test_check_user_text(raw: object, text: str | None, reply: str | None) -> None:
    checked = check_user_text(raw, max_chars=20)
    assert (checked.text, checked.reply) == (text, reply)


def test_replies_are_dutch_and_offer_a_person() -> None:
    assert "0800 30 700" in TOO_LONG_REPLY
    assert EMPTY_MESSAGE_REPLY.startswith("Je bericht is leeg")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"session_id": "abc"}, "abc"),
        ({"session_id": ""}, None),
        ({"session_id": 5}, None),
        ({"session_id": "x" * 129}, None),
        ("not a dict", None),
        (None, None),
    ],
)
def test_session_id_is_validated(data: object, expected: str | None) -> None:
    assert _session_id(data) == expected


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({"identity_token": "t"}, {"identity_token": "t"}),
        ('{"identity_token": "t"}', {"identity_token": "t"}),
        ("{broken", {}),
        ('["list"]', {}),
        (None, {}),
        (7, {}),
    ],
)
def test_metadata_is_always_a_dict(metadata: object, expected: dict) -> None:
    assert _metadata({"metadata": metadata}, "metadata") == expected
