"""Places a jobseeker names: provinces, municipalities, deelgemeenten and postcodes of Belgium."""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from nlu.resolution.gazetteer import Gazetteer, Match, Token, tokenize
from nlu.resolution.text import fold

# Words before a place name that make clear a place is meant ("in mol", "rond boom").
LOCATION_CUES = frozenset(
    "in rond bij te uit naar nabij omgeving buurt regio streek van postcode gemeente stad provincie".split()
)
# Words that are the bot's own commands: on their own they never mean the place ("meer" asks for
# more results, not for Meer near Hoogstraten); after a cue word they still do ("in meer").
COMMANDS_NOT_PLACES = frozenset({"meer"})
# Single-word place names that are also common Dutch words but, in this service, nearly always
# mean the place; other such names ("boom", "mol", "peer") need a cue word before them.
PLACES_EVEN_WITHOUT_CUE = frozenset(
    {
        "gent",
        "asse",
        "halle",
        "lier",
        "balen",
        "anderlecht",
        "beringen",
        "deerlijk",
        "heuvelland",
        "hoegaarden",
        "molenbeek",
        "brussels",
        "linkeroever",
        "pelt",
        "molenbeersel",
        "ellikom",
        "lobbes",
        "tubeke",
        "bouillon",
        "wichelen",
        "zulte",
        "waterloo",
        "duffel",
        "elst",
        "geel",
        "bergen",
        "spa",
    }
)
_POSTCODE = re.compile(r"^[1-9]\d{3}$")
# Ranking when one spelling names several places: what a Flemish jobseeker most likely means.
_PRIORITY = {
    ("province", "Vlaanderen"): 0,
    ("municipality", "Vlaanderen"): 1,
    ("municipality", "Brussel"): 1,
    ("deelgemeente", "Vlaanderen"): 2,
    ("deelgemeente", "Brussel"): 2,
    ("municipality", "Wallonië"): 3,
    ("deelgemeente", "Wallonië"): 4,
    ("province", "Wallonië"): 5,
}
# A province name wins over a city of the same name only where the city is less likely meant.
_CITY_OVER_PROVINCE = frozenset({"antwerpen"})


@dataclass(frozen=True)
class Place:
    kind: str  # province, municipality, deelgemeente or postcode
    name: str
    municipality: str
    province: str
    region: str
    postcodes: tuple[str, ...]

    @property
    def canonical(self) -> str:
        """A name that resolves back to this place: what slots and the backoffice receive."""
        if self.kind == "province":
            return f"provincie {self.name}"
        return self.municipality

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "name": self.name,
            "municipality": self.municipality or None,
            "province": self.province,
            "region": self.region,
            "postcodes": list(self.postcodes),
        }


def _names_postcode_better(place: Place, current: Place) -> bool:
    """A postcode names its deelgemeente when we know it; the one named like its municipality wins."""
    if place.kind != "deelgemeente":
        return False
    if current.kind == "municipality":
        return True
    return place.name == place.municipality and current.name != current.municipality


class PlaceIndex:
    def __init__(
        self, places: list[Place], aliases: dict[str, str], common_words: frozenset[str] = frozenset()
    ) -> None:
        self._places = places
        self._by_postcode: dict[str, Place] = {}
        phrases: dict[str, tuple[int, int]] = {}

        def offer(phrase: str, index: int, rank: int) -> None:
            key = fold(phrase)
            if key and (key not in phrases or rank < phrases[key][1]):
                phrases[key] = (index, rank)

        for index, place in enumerate(places):
            rank = _PRIORITY.get((place.kind, place.region), 9)
            if place.kind == "province":
                offer(f"provincie {place.name}", index, 0)
                offer(f"prov {place.name}", index, 0)
                rank = 1.5 if fold(place.name) in _CITY_OVER_PROVINCE else rank
            offer(place.name, index, rank)
            if place.name.lower().startswith("sint-"):
                offer("st " + place.name[5:], index, rank)
            for postcode in place.postcodes:
                current = self._by_postcode.get(postcode)
                if current is None or _names_postcode_better(place, current):
                    self._by_postcode[postcode] = place
        for alias, target in aliases.items():
            if fold(target) in phrases:
                phrases[fold(alias)] = (phrases[fold(target)][0], -1)
        # Single-word names that are also ordinary words need a cue before them when scanning;
        # and an ordinary word is never a misspelt place: "dingen" is not "Edingen".
        self._common_words = frozenset(
            phrase
            for phrase in phrases
            if " " not in phrase and phrase in common_words and phrase not in PLACES_EVEN_WITHOUT_CUE
        )
        self._gazetteer = Gazetteer(
            {phrase: str(index) for phrase, (index, _) in phrases.items()}, exact_only=common_words
        )

    @classmethod
    def from_files(
        cls, places_csv: Path, aliases_csv: Path, common_words: frozenset[str] = frozenset()
    ) -> "PlaceIndex":
        with places_csv.open(encoding="utf-8") as handle:
            places = [
                Place(
                    kind=row["kind"],
                    name=row["name"],
                    municipality=row["municipality"],
                    province=row["province"],
                    region=row["region"],
                    postcodes=tuple(filter(None, row["postcodes"].split("|"))),
                )
                for row in csv.DictReader(handle)
            ]
        with aliases_csv.open(encoding="utf-8") as handle:
            aliases = {row["alias"]: row["place"] for row in csv.DictReader(handle)}
        return cls(places, aliases, common_words)

    def by_postcode(self, postcode: str) -> Place | None:
        place = self._by_postcode.get(postcode)
        if place is None:
            return None
        return Place("postcode", place.name, place.municipality, place.province, place.region, (postcode,))

    def resolve(self, text: str) -> Place | None:
        folded = fold(text)
        digits = folded.replace(" ", "")
        if _POSTCODE.match(digits):
            return self.by_postcode(digits)
        hit = self._gazetteer.lookup(folded)
        return self._places[int(hit[0])] if hit else None

    def is_common_word(self, text: str) -> bool:
        """A one-word name that is also an ordinary word: it needs a cue to count as a place."""
        return fold(text).strip() in self._common_words

    def find(self, text: str) -> list[tuple[Match, Place]]:
        """Places named in a sentence. Postcodes and names that are also common words count
        only after a cue word ("in mol", "postcode 9000") or as the whole message."""
        tokens = tokenize(text)
        last_place = [-2]  # index of the last token of the place found before, for "in mol of geel"

        def has_cue(position: int) -> bool:
            alone = len(tokens) == 1 and tokens[0].folded not in COMMANDS_NOT_PLACES
            if alone or (position > 0 and tokens[position - 1].folded in LOCATION_CUES):
                return True
            return position > 1 and tokens[position - 1].folded in ("of", "en") and last_place[0] == position - 2

        def accept(scanned: list[Token], first: int, last: int) -> bool:
            accepted = first != last or scanned[first].folded not in self._common_words or has_cue(first)
            if accepted:
                last_place[0] = last
            return accepted

        results = [(match, self._places[int(match.key)]) for match in self._gazetteer.find(text, accept=accept)]
        taken = [(match.start, match.end) for match, _ in results]
        for position, token in enumerate(tokens):
            if not _POSTCODE.match(token.folded) or not has_cue(position):
                continue
            if any(start <= token.start < end for start, end in taken):
                continue
            place = self.by_postcode(token.folded)
            if place is not None:
                results.append((Match(token.start, token.end, token.text, token.folded, 100.0), place))
        return sorted(results, key=lambda item: item[0].start)
