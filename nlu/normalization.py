"""Normalising chat, SMS and phone-transcript text before the NLU sees it.

Each step is a plain function so it can be tested on its own; `normalize` chains them and
`normalize_with_spans` keeps entity annotations of training examples pointing at the right
characters. The graph component in nlu/components/normalizer.py applies them.
"""

import re
from collections.abc import Iterable, Sequence

from text_to_num import alpha2digit

from nlu.resolution.text import strip_diacritics

# Hesitation sounds of speech recognition; discourse words like "allee" or "awel" stay, they
# carry meaning for Flemish speakers.
FILLERS = frozenset("euh eh ehm ehh euhm uh uhm uhh um umm hm hmm hmmm mm mmm ehmm euhh".split())

# Everyday SMS shorthand → the written form (see docs/nlu-data.md).
SMS_ABBREVIATIONS: dict[str, str] = {
    "ff": "even",
    "efkes": "even",
    "aub": "alstublieft",
    "a.u.b.": "alstublieft",
    "avb": "alstublieft",
    "ajb": "alstublieft",
    "wa": "wat",
    "da": "dat",
    "das": "dat is",
    "da's": "dat is",
    "nie": "niet",
    "ni": "niet",
    "nt": "niet",
    "k": "ik",
    "'k": "ik",
    "kheb": "ik heb",
    "kben": "ik ben",
    "kzn": "ik ben",
    "kzit": "ik zit",
    "kwil": "ik wil",
    "kmoet": "ik moet",
    "kweet": "ik weet",
    "kga": "ik ga",
    "mss": "misschien",
    "idd": "inderdaad",
    "iem": "iemand",
    "iemd": "iemand",
    "wrk": "werk",
    "vr": "voor",
    "nr": "nummer",
    "tel": "telefoon",
    "gwn": "gewoon",
    "dnk": "denk",
    "tk": "bedankt",
    "thx": "bedankt",
    "tnx": "bedankt",
    "mvg": "met vriendelijke groeten",
    "w8": "wacht",
    "v": "van",
    "mr": "maar",
    "zon": "zo een",
    "zo'n": "zo een",
    "oke": "ok",
    "okee": "ok",
    "okay": "ok",
    "okey": "ok",
    "ge": "je",
    "gij": "jij",
    "opdr": "opdracht",
    "vac": "vacature",
    "sollic": "solliciteren",
    "pc": "computer",
    "mn": "mijn",
    "m'n": "mijn",
    "gn": "geen",
    "hvl": "hoeveel",
    "wnr": "wanneer",
    "ovr": "over",
    "lbc": "loopbaancheque",
    "cheqs": "cheques",
    "pop": "persoonlijk ontwikkelingsplan",
    "mdw": "medewerker",
    "kzou": "ik zou",
    "kzie": "ik zie",
    "effe": "even",
    "afspr": "afspraak",
    "wrkwinkel": "werkwinkel",
    "tis": "het is",
    "goe": "goed",
    "asap": "zo snel mogelijk",
    "pls": "alstublieft",
    "plz": "alstublieft",
    "favo": "favorieten",
}

_TRAILING_PUNCTUATION = re.compile(r"^(.*?)([.,!?;:]*)$")
_REPEATED_LETTERS = re.compile(r"([a-zA-Z])\1{2,}")
_DIGITS = re.compile(r"^\d+$")
# text2num writes "vier vijfde" as "4 5e"; a fraction like that is a work schedule ("4/5").
_FRACTION = re.compile(r"\b([1-9]) ([2-9])(?:e|de|den|ste)\b")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def tokens_of(text: str) -> list[str]:
    return _CONTROL.sub(" ", text).split()


def remove_fillers(tokens: Sequence[str]) -> list[str]:
    return [token for token in tokens if _bare(token).lower() not in FILLERS]


def remove_restarts(tokens: Sequence[str]) -> list[str]:
    """ "ik wil ik wil een afspraak" → "ik wil een afspraak"; spoken digits are never merged."""
    result = list(tokens)
    for width in (3, 2, 1):
        position = 0
        while position + 2 * width <= len(result):
            first = [_bare(token).lower() for token in result[position : position + width]]
            second = [_bare(token).lower() for token in result[position + width : position + 2 * width]]
            if first == second and not any(_DIGITS.match(word) or not word for word in first):
                del result[position : position + width]
            else:
                position += 1
    return result


def expand_abbreviations(tokens: Sequence[str]) -> list[str]:
    result: list[str] = []
    for token in tokens:
        word, punctuation = _split_punctuation(token)
        if token.lower() in SMS_ABBREVIATIONS:
            result.append(SMS_ABBREVIATIONS[token.lower()])
        elif word.lower() in SMS_ABBREVIATIONS:
            result.append(SMS_ABBREVIATIONS[word.lower()] + punctuation)
        else:
            result.append(_REPEATED_LETTERS.sub(r"\1\1", token))
    return result


def numbers_to_digits(text: str) -> str:
    """Dutch number words become digits ("negen nul nul nul" → "9000", "tien uur" → "10 uur").

    text2num keeps small numbers in words ("twee cheques"), and writes dictated digits as
    groups ("9 000", "19 88"); groups that read as one code or year are joined again.
    """
    if not text.strip():
        return text
    converted = _FRACTION.sub(r"\1/\2", alpha2digit(text, "nl"))
    return " ".join(_join_digit_groups(converted.split()))


def _join_digit_groups(tokens: Sequence[str]) -> Iterable[str]:
    group: list[tuple[str, str]] = []
    for token in [*tokens, ""]:
        word, punctuation = _split_punctuation(token)
        if _DIGITS.match(word) and len(word) <= 3 and not (group and group[-1][1]):
            group.append((word, punctuation))
            continue
        if group:
            joined = "".join(word for word, _ in group)
            if len(group) > 1 and 4 <= len(joined) <= 10:
                yield joined + group[-1][1]
            else:
                yield " ".join(word + punctuation for word, punctuation in group)
            group = []
        if token:
            yield token


def fold_diacritics(text: str) -> str:
    return strip_diacritics(text)


def normalize(text: str) -> str:
    """Fillers out, restarts out, SMS shorthand expanded, numbers as digits, no diacritics."""
    if text.lstrip().startswith("/"):
        return text  # a button payload such as "/request_human": Rasa parses it itself
    expanded = " ".join(expand_abbreviations(remove_fillers(tokens_of(text))))
    return fold_diacritics(" ".join(remove_restarts(numbers_to_digits(expanded).split())))


def normalize_with_spans(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Normalises `text` piece by piece around the given spans and returns where each span is now.

    Used for training examples, whose entity annotations must keep covering the same words.
    """
    boundaries = sorted({0, len(text), *(point for span in spans for point in span)})
    pieces = [(start, end) for start, end in zip(boundaries, boundaries[1:], strict=False)]
    new_starts: dict[int, int] = {}
    new_ends: dict[int, int] = {}
    output = ""
    for start, end in pieces:
        original = text[start:end]
        piece = normalize(original).strip()
        if output and piece and (original[:1].isspace() or text[start - 1 : start].isspace()):
            output += " "
        new_starts[start] = len(output)
        output += piece
        new_ends[end] = len(output)
    return output, [(new_starts[start], new_ends[end]) for start, end in spans]


def _bare(token: str) -> str:
    return token.strip(".,!?;:\"'()")


def _split_punctuation(token: str) -> tuple[str, str]:
    match = _TRAILING_PUNCTUATION.match(token)
    assert match is not None  # the pattern matches every string
    return match.group(1), match.group(2)
