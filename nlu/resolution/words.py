"""Ordinary Dutch words and their lemmas, from spaCy's Dutch lemma tables (shipped with spacy-lookups-data)."""

import gzip
import json
from functools import lru_cache
from importlib.resources import files


def _table(name: str) -> dict:
    data = files("spacy_lookups_data") / "data"
    with gzip.open(str(data / name), "rt", encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache
def dutch_lemmas() -> dict[str, str]:
    """Inflected form → lemma, lower case ("opdrachten" → "opdracht", "bewaard" → "bewaren")."""
    return {str(word).lower(): str(lemma).lower() for word, lemma in _table("nl_lemma_lookup.json.gz").items()}


@lru_cache
def dutch_words() -> frozenset[str]:
    lookup = dutch_lemmas()
    words: set[str] = set(lookup)
    words.update(lookup.values())
    # The index lists lemmas per part of speech, including ones the lookup never maps to.
    for lemmas in _table("nl_lemma_index.json.gz").values():
        words.update(str(lemma).lower() for lemma in lemmas)
    return frozenset(words)
