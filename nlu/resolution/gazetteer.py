"""A phrase list with exact and typo-tolerant lookup, and a scanner that finds its phrases in a sentence."""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from nlu.resolution.text import fold

# Words joined by hyphens or apostrophes stay one token ("sint-amandsberg", "a'pen", "4/5").
_TOKEN = re.compile(r"[\w'’]+(?:[-/][\w'’]+)*")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    key: str
    score: float


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    folded: str


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), fold(m.group())) for m in _TOKEN.finditer(text)]


class Gazetteer:
    """Folded phrases mapped to a key (a canonical occupation, a place id, ...).

    Exact matches always count; a fuzzy match needs a long enough phrase and a high
    similarity, so a typo in "heftruckchaufeur" is forgiven but "mol" never becomes "mal".
    """

    def __init__(
        self,
        phrases: Mapping[str, str],
        *,
        fuzzy_min_chars: int = 6,
        fuzzy_cutoff: float = 88.0,
        max_words: int = 5,
        exact_only: frozenset[str] = frozenset(),
    ) -> None:
        self._exact: dict[str, str] = {fold(phrase): key for phrase, key in phrases.items() if fold(phrase)}
        # Typos are compared with phrases of as many words: "medewerker" is no typo of "qc medewerker".
        self._fuzzy_choices: dict[int, list[str]] = {}
        for phrase in self._exact:
            if len(phrase) >= fuzzy_min_chars:
                self._fuzzy_choices.setdefault(phrase.count(" ") + 1, []).append(phrase)
        self._fuzzy_min_chars = fuzzy_min_chars
        self._fuzzy_cutoff = fuzzy_cutoff
        self._max_words = max_words
        # Ordinary words are never someone's typo: "postcode" is not a misspelt "postbode".
        self._exact_only = exact_only

    def phrases(self) -> Iterable[str]:
        return self._exact.keys()

    def exact(self, text: str) -> str | None:
        return self._exact.get(fold(text))

    def lookup(self, text: str, *, fuzzy: bool = True) -> tuple[str, float] | None:
        """The key for a whole phrase and how sure we are (100 = exact)."""
        folded = fold(text)
        if folded in self._exact:
            return self._exact[folded], 100.0
        if not fuzzy or len(folded) < self._fuzzy_min_chars or folded in self._exact_only:
            return None
        choices = self._fuzzy_choices.get(folded.count(" ") + 1)
        if not choices:
            return None
        best = process.extractOne(folded, choices, scorer=fuzz.ratio, score_cutoff=self._fuzzy_cutoff)
        if best is None:
            return None
        return self._exact[best[0]], float(best[1])

    def find(self, text: str, *, accept: Callable[[list[Token], int, int], bool] | None = None) -> list[Match]:
        """Non-overlapping phrases in `text`, longest first, left to right.

        `accept(tokens, first, last)` may veto a candidate (e.g. a place name that is also
        a common word and has no "in"/"bij" before it).
        """
        tokens = tokenize(text)
        matches: list[Match] = []
        position = 0
        while position < len(tokens):
            found = None
            for width in range(min(self._max_words, len(tokens) - position), 0, -1):
                last = position + width - 1
                candidate = " ".join(token.folded for token in tokens[position : last + 1])
                # Typos are forgiven within one word; across words "van gent" must not become "gent".
                hit = self.lookup(candidate, fuzzy=width == 1)
                if hit is None or (accept is not None and not accept(tokens, position, last)):
                    continue
                start, end = tokens[position].start, tokens[last].end
                found = Match(start, end, text[start:end], hit[0], hit[1])
                position = last + 1
                break
            if found is None:
                position += 1
            else:
                matches.append(found)
        return matches
