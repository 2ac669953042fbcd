"""A labelled relevance set for vacancy search, written for this project (make bench-search).

Each query is what a jobseeker might type or say, with the criteria the bot would send, and the
occupation(s) the words mean, read by a person. Grades are not stored per vacancy: these rules
derive them for every vacancy of the benchmark's corpus, from the vacancy's own data only:

    3  the vacancy's occupation is one the query means, and (with a location) it lies within
       10 km of the searched municipality
    2  the occupation is one the query means, further away (but inside the search radius)
    1  the occupation is in the same sector as one the query means (seed/vacancy_texts.py):
       "heftruck" also finds a magazijnier useful
    0  anything else

Only open vacancies that pass the query's hard filters (radius, province, contract, schedule)
can be relevant: the others may never be shown. nDCG@10 compares the engine's first ten with
the best ten these grades allow (gain 2^g - 1, discount log2(rank + 1)).
"""

from dataclasses import dataclass, field

NEAR_KM = 10.0


@dataclass(frozen=True)
class LabelledQuery:
    q: str
    means: tuple[str, ...]  # canonical occupations the words stand for
    criteria: dict[str, object] = field(default_factory=dict)  # location, radius_km, province, ...


def _q(q: str, *means: str, **criteria: object) -> LabelledQuery:
    return LabelledQuery(q=q, means=means, criteria=criteria)


QUERIES: tuple[LabelledQuery, ...] = (
    # The occupation's own name, with a place.
    _q("heftruckchauffeur", "heftruckchauffeur", location="Gent", radius_km=20),
    _q("magazijnier", "magazijnier", location="Antwerpen", radius_km=20),
    _q("orderpicker", "orderpicker", location="Mechelen", radius_km=25),
    _q("vrachtwagenchauffeur", "vrachtwagenchauffeur", location="Kortrijk", radius_km=30),
    _q("buschauffeur", "buschauffeur", location="Leuven", radius_km=30),
    _q("schoonmaker", "schoonmaker", location="Brugge", radius_km=20),
    _q("poetshulp", "poetshulp", location="Hasselt", radius_km=20),
    _q("elektricien", "elektricien", location="Aalst", radius_km=25),
    _q("productiemedewerker", "productiemedewerker", location="Genk", radius_km=20),
    _q("lasser", "lasser", location="Roeselare", radius_km=30),
    _q("verpleegkundige", "verpleegkundige", location="Brussel", radius_km=15),
    _q("zorgkundige", "zorgkundige", location="Turnhout", radius_km=25),
    _q("kinderbegeleider", "kinderbegeleider", location="Sint-Niklaas", radius_km=20),
    _q("kok", "kok", location="Oostende", radius_km=25),
    _q("keukenhulp", "keukenhulp", location="Leuven", radius_km=20),
    _q("kassamedewerker", "kassamedewerker", location="Lier", radius_km=20),
    _q("verkoper", "verkoper", location="Gent", radius_km=15),
    _q("administratief medewerker", "administratief medewerker", location="Antwerpen", radius_km=15),
    _q("boekhouder", "boekhouder", location="Mechelen", radius_km=30),
    _q("onderhoudstechnicus", "onderhoudstechnicus", location="Geel", radius_km=30),
    # Plurals, female forms and inflections: the stemmer's work.
    _q("heftruckchauffeurs", "heftruckchauffeur", location="Antwerpen", radius_km=25),
    _q("magazijniers", "magazijnier", location="Gent", radius_km=20),
    _q("verpleegkundigen", "verpleegkundige", location="Gent", radius_km=20),
    _q("lassers", "lasser", location="Kortrijk", radius_km=30),
    _q("schoonmaakster", "schoonmaker", location="Leuven", radius_km=20),
    _q("verkoopster", "verkoper", location="Hasselt", radius_km=20),
    _q("kassierster", "kassamedewerker", location="Brugge", radius_km=20),
    _q("koks", "kok", location="Antwerpen", radius_km=15),
    # Everyday Flemish words and English forms: the occupation's variants in the index.
    _q("poetsvrouw", "schoonmaker", location="Gent", radius_km=20),
    _q("kuisvrouw", "schoonmaker", location="Antwerpen", radius_km=20),
    _q("vorkliftchauffeur", "heftruckchauffeur", location="Genk", radius_km=30),
    _q("camionchauffeur", "vrachtwagenchauffeur", location="Aalst", radius_km=30),
    _q("poetshulp dienstencheques", "poetshulp", location="Kortrijk", radius_km=25),
    _q("magazijnmedewerker", "magazijnier", location="Leuven", radius_km=25),
    _q("logistiek medewerker", "magazijnier", location="Mechelen", radius_km=25),
    _q("warehouse worker", "magazijnier", location="Antwerpen", radius_km=20),
    _q("bediende administratie", "administratief medewerker", location="Gent", radius_km=20),
    _q("kinderverzorgster", "kinderbegeleider", location="Leuven", radius_km=25),
    _q("afwasser", "keukenhulp", location="Brugge", radius_km=25),
    _q("bus chauffeur", "buschauffeur", location="Antwerpen", radius_km=25),
    # Words from the tasks, with the meaning a person reads in them.
    _q("heftruck", "heftruckchauffeur", location="Kortrijk", radius_km=25),
    _q("paletten laden", "heftruckchauffeur", "magazijnier", location="Gent", radius_km=25),
    _q("bestellingen verzamelen", "orderpicker", "magazijnier", location="Antwerpen", radius_km=25),
    _q("facturen boeken", "boekhouder", location="Hasselt", radius_km=30),
    _q("bewoners wassen", "zorgkundige", location="Brugge", radius_km=25),
    _q("baby peuters", "kinderbegeleider", location="Antwerpen", radius_km=20),
    _q("storingen herstellen", "elektricien", "onderhoudstechnicus", location="Gent", radius_km=25),
    _q("badkamer", "loodgieter", location="Leuven", radius_km=30),
    _q("afrekenen kassa", "kassamedewerker", location="Gent", radius_km=15),
    _q("kantoren proper", "schoonmaker", location="Brussel", radius_km=20),
    # With filters, as the bot sends them after "en deeltijds?" or "een vast contract".
    _q("verpleegkundige", "verpleegkundige", location="Antwerpen", radius_km=25, work_schedule="deeltijds"),
    _q("magazijnier", "magazijnier", location="Gent", radius_km=30, contract_type="interim"),
    _q("kok", "kok", province="Limburg"),
    _q("schoonmaker", "schoonmaker", location="provincie West-Vlaanderen"),
    _q("productiemedewerker", "productiemedewerker", location="provincie Oost-Vlaanderen", contract_type="vast"),
    _q("elektricien", "elektricien", location="2000", radius_km=20),
    _q("kelner", "kelner", location="9000", radius_km=15, work_schedule="deeltijds"),
)


def grade(query: LabelledQuery, *, occupation: str, sector_of: dict[str, str], distance_km: float | None) -> int:
    if occupation in query.means:
        return 3 if distance_km is None or distance_km <= NEAR_KM else 2
    if sector_of.get(occupation) in {sector_of.get(meant) for meant in query.means}:
        return 1
    return 0
