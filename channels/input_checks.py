"""Checks on what a user sends, shared by the channels; answers in plain Dutch."""

from dataclasses import dataclass

EMPTY_MESSAGE_REPLY = "Je bericht is leeg. Typ je vraag, dan help ik je verder."
TOO_LONG_REPLY = (
    "Je bericht is te lang voor mij. Schrijf je vraag in een paar korte zinnen. "
    "Of bel gratis de Servicelijn: 0800 30 700."
)


@dataclass(frozen=True)
class CheckedText:
    text: str | None
    reply: str | None  # set when the text must not reach the bot


def check_user_text(raw: object, *, max_chars: int) -> CheckedText:
    """Empty, non-text or overlong input gets a kind answer instead of reaching the NLU."""
    if not isinstance(raw, str):
        return CheckedText(None, EMPTY_MESSAGE_REPLY)
    text = raw.replace("\x00", "").strip()
    if not text:
        return CheckedText(None, EMPTY_MESSAGE_REPLY)
    if len(text) > max_chars:
        return CheckedText(None, TOO_LONG_REPLY)
    return CheckedText(text, None)
