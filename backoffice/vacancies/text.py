"""Dutch words as the search engines compare them: folded, without stop words, Snowball-stemmed.

The embedded engine stems in Python before indexing and before searching. The algorithm is
Snowball's original Dutch stemmer (`dutch_porter` in snowballstemmer 3), the one PostgreSQL's
`dutch` text search configuration uses, and the stop words are that configuration's, so both
engines reduce "magazijniers" and "magazijnier" to the same term.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Snowball's Dutch stop word list (PostgreSQL's tsearch_data/dutch.stop), diacritics folded.
STOP_WORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er
    ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon
    kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over
    reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt
    zal ze zelf zich zij zijn zo zonder zou
    """.split()
)
_WORD = re.compile(r"[a-z0-9]+")
# Long enough to hold a real word, short enough that a pasted blob cannot make a huge query.
MAX_QUERY_TERMS = 12
MAX_TERM_LENGTH = 40


@lru_cache
def _stemmer():
    return snowballstemmer.stemmer("dutch_porter")


def fold(text: str) -> str:
    lowered = text.lower()
    if lowered.isascii():
        return lowered  # most text: no accents to take off, and indexing 100,000 vacancies stays quick
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """Lowercase words without diacritics; hyphens and punctuation split them."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def stems(text: str) -> list[str]:
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def index_text(text: str) -> str:
    """What the embedded engine indexes for a text: its stems, separated by spaces."""
    return " ".join(stems(text))


def query_terms(text: str) -> list[str]:
    """The distinct stems of a search query, in order, at most MAX_QUERY_TERMS of them."""
    terms = [term[:MAX_TERM_LENGTH] for term in stems(text)]
    return list(dict.fromkeys(terms))[:MAX_QUERY_TERMS]
