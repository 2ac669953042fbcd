"""Invented jobseekers and consultants with varied profiles; no real person is meant."""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from backoffice.jobseekers.vocabulary import EDUCATION_LEVELS, LANGUAGE_LEVELS
from backoffice.seed.places import Municipality

FIRST_NAMES = [
    "Jan",
    "Sofie",
    "Mohamed",
    "Fatima",
    "Lotte",
    "Wout",
    "Aisha",
    "Kevin",
    "Els",
    "Dirk",
    "Nathalie",
    "Youssef",
    "Emma",
    "Lucas",
    "Ines",
    "Anouk",
    "Bram",
    "Yasmina",
    "Tom",
    "Griet",
    "Pieter",
    "Liesbeth",
    "Ahmed",
    "Eva",
    "Jonas",
    "Marie",
    "Kenan",
    "Zeynep",
    "Tomasz",
    "Agnieszka",
    "Jens",
    "Hanne",
    "Robbe",
    "Elif",
    "Mamadou",
    "Aminata",
    "Stijn",
    "Kaat",
    "Rachid",
    "Nadia",
    "Ward",
    "Lien",
    "Olena",
    "Dmytro",
]
LAST_NAMES = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Lambert",
    "Vermeulen",
    "Aerts",
    "El Amrani",
    "Yilmaz",
    "Kowalski",
    "Van den Broeck",
    "De Clercq",
    "Hermans",
    "Michiels",
    "Bosmans",
    "Benali",
    "Diallo",
    "Verhoeven",
    "Desmet",
    "Coppens",
    "Martens",
    "Bakker",
]
OCCUPATIONS = [
    "heftruckchauffeur",
    "vrachtwagenchauffeur",
    "poetshulp",
    "kassamedewerker",
    "magazijnier",
    "kok",
    "keukenhulp",
    "lasser",
    "boekhouder",
    "verpleegkundige",
    "zorgkundige",
    "kinderbegeleider",
    "administratief medewerker",
    "schilder",
    "elektricien",
    "productiemedewerker",
    "verkoper",
    "buschauffeur",
]
OTHER_LANGUAGES = ["Frans", "Engels", "Duits", "Arabisch", "Turks", "Pools", "Oekraïens", "Spaans"]
DRIVING_LICENCE_SETS = [[], [], ["B"], ["B"], ["B"], ["AM"], ["B", "C"], ["B", "C", "CE"], ["B", "D"]]


@dataclass(frozen=True)
class PersonName:
    first: str
    last: str


def invented_name(rng: random.Random) -> PersonName:
    return PersonName(rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES))


def _mail_local_part(name: PersonName, number: int) -> str:
    return f"{name.first}.{name.last}.{number}".lower().replace(" ", "")


def jobseeker_profile(*, rng: random.Random, number: int, municipality: Municipality, today: date) -> dict[str, object]:
    """One invented jobseeker; the `.invalid` mail domain and is_demo mark them as demo data."""
    name = invented_name(rng)
    languages = [{"language": "Nederlands", "level": rng.choice(LANGUAGE_LEVELS)}]
    for language in rng.sample(OTHER_LANGUAGES, k=rng.choice([0, 1, 1, 2])):
        languages.append({"language": language, "level": rng.choice(LANGUAGE_LEVELS)})
    has_email = rng.random() < 0.75
    has_phone = rng.random() < 0.9
    return {
        "first_name": name.first,
        "last_name": name.last,
        "birth_date": date(1960, 1, 1) + timedelta(days=rng.randrange(0, 365 * 45)),
        "email": f"{_mail_local_part(name, number)}@demo.wegwijs.invalid" if has_email else None,
        "phone": f"+32479{number:06d}" if has_phone else None,
        "municipality_nis": municipality.nis,
        "municipality": municipality.name,
        "postcode": rng.choice(municipality.postcodes),
        "province": municipality.province,
        "education_level": rng.choice(EDUCATION_LEVELS),
        "languages": languages,
        "driving_licences": rng.choice(DRIVING_LICENCE_SETS),
        "desired_occupations": rng.sample(OCCUPATIONS, k=rng.choice([1, 1, 2, 3])),
        "registration_date": today - timedelta(days=rng.randrange(0, 180)),
        "is_demo": True,
    }


def consultant_profile(*, rng: random.Random, number: int) -> dict[str, object]:
    name = invented_name(rng)
    return {
        "first_name": name.first,
        "last_name": name.last,
        "email": f"{_mail_local_part(name, number)}@consulent.wegwijs.invalid",
        "employment": rng.choice(["voltijds", "deeltijds"]),
        "is_demo": True,
    }
