"""Ordinary Dutch words, from spaCy's Dutch lemma tables (shipped with spacy-lookups-data)."""

import gzip
import json
from functools import lru_cache
from importlib.resources import files


@lru_cache
def dutch_words() -> frozenset[str]:
    data = files("spacy_lookups_data") / "data"
    words: set[str] = set()
    with gzip.open(str(data / "nl_lemma_lookup.json.gz"), "rt", encoding="utf-8") as handle:
        lookup = json.load(handle)
    words.update(word.lower() for word in lookup)
    words.update(str(lemma).lower() for lemma in lookup.values())
    # The index lists lemmas per part of speech, including ones the lookup never maps to.
    with gzip.open(str(data / "nl_lemma_index.json.gz"), "rt", encoding="utf-8") as handle:
        for lemmas in json.load(handle).values():
            words.update(str(lemma).lower() for lemma in lemmas)
    return frozenset(words)
