"""Loads the lexicons under nlu/ once per process: occupations, contract terms, places, career centres."""

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from nlu.resolution.gazetteer import Gazetteer, Match, Token
from nlu.resolution.places import PlaceIndex
from nlu.resolution.words import dutch_words

NLU_DIR = Path(__file__).resolve().parents[1]


def read_synonyms(path: Path) -> dict[str, str]:
    """Rasa `synonym:` entries as variant → canonical, the canonical name included."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    mapping: dict[str, str] = {}
    for item in document.get("nlu", []):
        if "synonym" not in item:
            continue
        canonical = str(item["synonym"])
        mapping[canonical] = canonical
        for line in str(item.get("examples", "")).splitlines():
            variant = line.strip().removeprefix("- ").strip()
            if variant:
                mapping[variant] = canonical
    return mapping


def read_career_centers(path: Path) -> dict[str, str]:
    """Each demo centre's name and its short forms → its name."""
    mapping: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["name"].strip()
            mapping[name] = name
            distinctive = " ".join(word for word in name.split() if not _generic_centre_word(word))
            if distinctive:
                mapping.setdefault(distinctive, name)
            for alias in filter(None, (alias.strip() for alias in row.get("aliases", "").split("|"))):
                mapping[alias] = name
    return mapping


def _generic_centre_word(word: str) -> bool:
    """Words every centre's name has ("Loopbaancentrum", "vzw"), which name no centre in particular."""
    lowered = word.lower()
    return lowered.startswith("loopbaan") or lowered in {"vzw", "de", "het", "bv", "nv", "&", "en"}


def _not_a_lone_common_word(tokens: list[Token], first: int, last: int) -> bool:
    """A short name that is an ordinary word ("richting", "vast") counts only with other words of its name."""
    return first != last or tokens[first].folded not in dutch_words()


@dataclass(frozen=True)
class Lexicons:
    occupations: Gazetteer
    contract_types: Gazetteer
    work_schedules: Gazetteer
    career_centers: Gazetteer
    places: PlaceIndex

    def find(self, text: str) -> list[tuple[str, Match]]:
        """Every lexicon phrase in `text` as (entity, match), places first, none overlapping."""
        found: list[tuple[str, Match]] = [("location", match) for match, _place in self.places.find(text)]
        for entity, gazetteer, accept in (
            ("job_title", self.occupations, None),
            ("career_center", self.career_centers, _not_a_lone_common_word),
            ("contract_type", self.contract_types, _not_a_lone_common_word),
            ("work_schedule", self.work_schedules, _not_a_lone_common_word),
        ):
            for match in gazetteer.find(text, accept=accept):
                if not any(match.start < other.end and other.start < match.end for _, other in found):
                    found.append((entity, match))
        return found

    @classmethod
    def load(cls, directory: Path = NLU_DIR) -> "Lexicons":
        contracts = read_synonyms(directory / "contracts.yml")
        schedules = {"voltijds", "deeltijds"}
        words = dutch_words()
        places = PlaceIndex.from_files(directory / "places.csv", directory / "place_aliases.csv", words)
        return cls(
            occupations=Gazetteer(read_synonyms(directory / "occupations.yml"), exact_only=words),
            contract_types=Gazetteer(
                {k: v for k, v in contracts.items() if v not in schedules}, fuzzy_min_chars=7, exact_only=words
            ),
            work_schedules=Gazetteer(
                {k: v for k, v in contracts.items() if v in schedules}, fuzzy_min_chars=7, exact_only=words
            ),
            career_centers=Gazetteer(read_career_centers(directory / "career_centers.csv"), fuzzy_cutoff=80.0),
            places=places,
        )


@lru_cache
def get_lexicons() -> Lexicons:
    return Lexicons.load()
