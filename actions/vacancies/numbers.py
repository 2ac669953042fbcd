"""Which of the listed vacancies a message points at: "bewaar nummer 2", "de tweede", "twee"."""

import re

from nlu.resolution.text import strip_diacritics

# Lists hold at most ten items, so words up to ten are enough (text2num leaves lone small
# numbers like "twee" as words on purpose).
NUMBER_WORDS = {
    "eerste": 1, "twee": 2, "tweede": 2, "drie": 3, "derde": 3, "vier": 4, "vierde": 4,
    "vijf": 5, "vijfde": 5, "zes": 6, "zesde": 6, "zeven": 7, "zevende": 7, "acht": 8, "achtste": 8,
    "negen": 9, "negende": 9, "tien": 10, "tiende": 10,
}  # fmt: skip


def listed_number(text: str) -> int | None:
    """The 1-based number named in the message, if exactly one is named."""
    folded = strip_diacritics(text.lower())
    words = re.findall(r"\w+", folded)
    named = {NUMBER_WORDS[word] for word in words if word in NUMBER_WORDS}
    # "een" is mostly the article ("bewaar een vacature"): a number only as "één", alone or after "nummer".
    if "één" in text.lower() or words == ["een"] or re.search(r"\b(nummer|nr)\s+een\b", folded):
        named.add(1)
    named |= {int(word) for word in words if word.isdigit() and len(word) <= 2}
    return named.pop() if len(named) == 1 else None
