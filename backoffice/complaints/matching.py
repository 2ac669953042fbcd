"""Which mandated centre a typed name means, tolerant of spelling ("windros", "De Horizont").

Pure functions over the register, so every variant has its own test. Each centre is known by its
full name, its distinctive words (its name without "Loopbaancentrum", "vzw", ...) and its
aliases (the same aliases as the NLU's nlu/career_centers.csv). rapidfuzz scores the typed text
against each of those forms:

- `ratio` of the whole text and of its distinctive words: a typo in the name itself;
- `partial_ratio` of a distinctive form of at least PARTIAL_MIN_CHARS inside the text: the name
  typed within a sentence ("bij de windroos in brugge").

A name is taken without asking when its score reaches CERTAIN_FROM and no other centre comes
within CLEAR_MARGIN; else the candidates from CANDIDATE_FROM on are offered ("Bedoel je ...?").
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

CERTAIN_FROM = 88.0
CANDIDATE_FROM = 72.0
CLEAR_MARGIN = 8.0
PARTIAL_MIN_CHARS = 6
MAX_CANDIDATES = 3
# Words that every centre's name may have: they name no centre in particular.
GENERIC_WORDS = frozenset({"vzw", "de", "het", "bv", "nv", "en", "bij", "in", "te", "van", "centrum"})

_SEPARATORS = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Lowercase, no diacritics, "&" as "en", punctuation as spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.replace("&", " en "))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).lower()
    return " ".join(_SEPARATORS.sub(" ", plain).split())


def distinctive(folded: str) -> str:
    """The words that name this centre: without "loopbaan…" words and articles."""
    return " ".join(word for word in folded.split() if not word.startswith("loopbaan") and word not in GENERIC_WORDS)


@dataclass(frozen=True)
class Entry:
    """One centre of the register as the matcher sees it."""

    centre_id: int
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    centre_id: int
    name: str
    score: float


@dataclass(frozen=True)
class MatchResult:
    best: Candidate | None  # set when certain
    candidates: list[Candidate]  # best first, for "Bedoel je ...?"

    @property
    def certain(self) -> bool:
        return self.best is not None


def _forms(entry: Entry) -> tuple[set[str], set[str]]:
    whole = {fold(entry.name), *(fold(alias) for alias in entry.aliases)}
    whole.discard("")
    short = {distinctive(form) for form in whole}
    short.discard("")
    return whole, short


def score(query: str, entry: Entry) -> float:
    """0–100: how well the typed text names this centre."""
    folded = fold(query)
    if not folded:
        return 0.0
    whole, short = _forms(entry)
    if folded in whole or folded in short:
        return 100.0
    query_short = distinctive(folded)
    if not query_short:
        return 0.0  # only generic words ("loopbaancentrum"): no centre in particular
    best = max(fuzz.ratio(folded, form) for form in whole)
    best = max(best, max(fuzz.ratio(query_short, form) for form in short))
    # The whole distinctive name among the typed words: "ik was bij windroos".
    words = set(query_short.split())
    if any(set(form.split()) <= words for form in short):
        best = max(best, 100.0)
    for form in short:
        if len(form) >= PARTIAL_MIN_CHARS and len(query_short) >= len(form) - 1:
            best = max(best, fuzz.partial_ratio(form, query_short) - 2)  # a little below a whole match
    return float(best)


def match(query: str, register: Iterable[Entry]) -> MatchResult:
    scored = sorted(
        (Candidate(entry.centre_id, entry.name, round(score(query, entry), 1)) for entry in register),
        key=lambda candidate: (-candidate.score, candidate.name),
    )
    candidates = [candidate for candidate in scored if candidate.score >= CANDIDATE_FROM][:MAX_CANDIDATES]
    if not candidates:
        return MatchResult(best=None, candidates=[])
    top = candidates[0]
    runner_up = candidates[1].score if len(candidates) > 1 else 0.0
    certain = top.score >= CERTAIN_FROM and top.score - runner_up >= CLEAR_MARGIN
    return MatchResult(best=top if certain else None, candidates=candidates)
