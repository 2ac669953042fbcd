"""Folding text for matching: one definition shared by the normaliser and the resolvers."""

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_SEPARATORS = re.compile(r"[-_/.,;:!?()\"]+")
_SPACES = re.compile(r"\s+")


def strip_diacritics(text: str) -> str:
    """`één` → `een`, `geïnteresseerd` → `geinteresseerd`; letters keep their case."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))


def fold(text: str) -> str:
    """Lowercase, no diacritics, no apostrophes, hyphens and punctuation as spaces, single spaces."""
    folded = strip_diacritics(text.translate(_APOSTROPHES)).lower().replace("'", "")
    return _SPACES.sub(" ", _SEPARATORS.sub(" ", folded)).strip()
