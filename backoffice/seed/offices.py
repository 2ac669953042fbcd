"""Werkwinkels per province as counted in seed 000 (question 6); addresses are invented."""

from datetime import date

# Where each werkwinkel stands: real municipalities, counts from the seed.
WERKWINKELS: dict[str, list[str]] = {
    "Vlaams-Brabant": ["Leuven", "Vilvoorde", "Halle", "Aarschot", "Diest", "Tienen", "Zaventem", "Asse", "Dilbeek"],
    "Oost-Vlaanderen": [
        "Gent",
        "Aalst",
        "Sint-Niklaas",
        "Dendermonde",
        "Oudenaarde",
        "Ronse",
        "Eeklo",
        "Lokeren",
        "Wetteren",
        "Geraardsbergen",
    ],
    "West-Vlaanderen": [
        "Brugge",
        "Kortrijk",
        "Oostende",
        "Roeselare",
        "Ieper",
        "Waregem",
        "Tielt",
        "Poperinge",
        "Torhout",
        "Menen",
    ],
    "Antwerpen": [
        "Antwerpen",
        "Mechelen",
        "Turnhout",
        "Geel",
        "Mol",
        "Lier",
        "Herentals",
        "Boom",
        "Heist-op-den-Berg",
        "Brasschaat",
        "Westerlo",
        "Willebroek",
    ],
    "Limburg": [
        "Hasselt",
        "Genk",
        "Sint-Truiden",
        "Tongeren-Borgloon",
        "Beringen",
        "Lommel",
        "Maasmechelen",
        "Bilzen-Hoeselt",
    ],
    "Brussel": ["Brussel", "Anderlecht", "Schaarbeek"],
}

# Desks in Vlaams Administratief Centrum buildings ("Vac: 3" in the seed).
VAC_DESKS: list[str] = ["Gent", "Leuven", "Hasselt"]

# Consultants per province on 30/6/2019, full-time and part-time (seed 000, question 7).
STAFFING_REFERENCE_DATE = date(2019, 6, 30)
STAFFING: dict[str, tuple[int, int]] = {
    "Antwerpen": (193, 249),
    "Brussel": (18, 16),
    "Limburg": (97, 127),
    "Oost-Vlaanderen": (154, 200),
    "Vlaams-Brabant": (123, 107),
    "West-Vlaanderen": (94, 159),
}

INVENTED_STREETS = ["Stationsstraat", "Kerkstraat", "Marktplein", "Nieuwstraat", "Molenstraat", "Schoolstraat"]
INVENTED_NOTICE = "(verzonnen adres)"
