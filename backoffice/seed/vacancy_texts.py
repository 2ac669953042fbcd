"""Building blocks of the invented demo vacancies: sectors, occupations, sentences, employers.

Written for this project in plain Dutch. Every employer name is invented and carries
"(verzonnen)"; every description ends by saying the vacancy is invented.
"""

from dataclasses import dataclass, field

INVENTED_EMPLOYER = "(verzonnen)"
INVENTED_NOTICE = "Deze vacature is verzonnen, voor de demo van Wegwijs."


@dataclass(frozen=True)
class Sector:
    code: str
    employer_words: tuple[str, ...]  # "Vandamme {word}" or "{word} De Linde"
    intros: tuple[str, ...]  # {employer} and {municipality} are filled in
    offers: tuple[str, ...]


@dataclass(frozen=True)
class Occupation:
    name: str  # canonical, from nlu/occupations.yml
    sector: str
    weight: int  # how often it is asked for, relative
    titles: tuple[str, ...]
    tasks: tuple[str, ...]
    profile: tuple[str, ...]
    education: str | None = None
    licences: tuple[str, ...] = ()
    part_time_share: float = 0.25
    contracts: dict[str, int] = field(default_factory=dict)  # overrides of the default mix


SECTORS: dict[str, Sector] = {
    sector.code: sector
    for sector in (
        Sector(
            "logistiek",
            ("Logistics", "Distributie", "Transport", "Warehousing"),
            (
                "{employer} is een logistiek bedrijf in {municipality} dat goederen opslaat en verdeelt.",
                "Voor ons distributiecentrum in {municipality} zoeken we versterking.",
                "{employer} brengt elke dag goederen naar winkels in heel Vlaanderen.",
            ),
            (
                "Je krijgt een goed loon met ploegenpremie en maaltijdcheques.",
                "Je werkt in een vast team en krijgt een opleiding op de werkvloer.",
                "Je kan met de fiets of het openbaar vervoer naar het werk komen.",
            ),
        ),
        Sector(
            "schoonmaak",
            ("Schoonmaak", "Cleaning", "Netheidsdiensten", "Dienstencheques"),
            (
                "{employer} zorgt voor propere kantoren, scholen en huizen in de regio {municipality}.",
                "Wij zijn een schoonmaakbedrijf met klanten in en rond {municipality}.",
            ),
            (
                "Je kiest mee je uren, zodat werk en gezin goed samengaan.",
                "Je krijgt werkkledij, een vergoeding voor je verplaatsing en maaltijdcheques.",
            ),
        ),
        Sector(
            "bouw",
            ("Bouw", "Renovatie", "Bouwwerken", "Construct"),
            (
                "{employer} bouwt en renoveert woningen in de streek van {municipality}.",
                "Ons bouwbedrijf in {municipality} heeft werven in de hele provincie.",
            ),
            (
                "Je krijgt een goed loon volgens het paritair comité van de bouw, plus mobiliteitsvergoeding.",
                "Je werkt in een kleine ploeg met ervaren collega's.",
            ),
        ),
        Sector(
            "techniek",
            ("Technics", "Elektro", "Installaties", "Techniek"),
            (
                "{employer} installeert en onderhoudt technische installaties bij bedrijven en gezinnen.",
                "Voor onze klanten in de buurt van {municipality} zoeken we een technisch talent.",
            ),
            (
                "Je krijgt een bedrijfswagen, een gsm en opleidingen om bij te blijven.",
                "Je werkt zelfstandig en plant je dag mee.",
            ),
        ),
        Sector(
            "industrie",
            ("Industries", "Metaal", "Productie", "Food"),
            (
                "{employer} maakt producten voor klanten in binnen- en buitenland, vanuit {municipality}.",
                "In onze fabriek in {municipality} werken meer dan 200 mensen.",
            ),
            (
                "Je werkt in ploegen en krijgt een ploegenpremie.",
                "Je krijgt een opleiding en kan doorgroeien in het bedrijf.",
            ),
        ),
        Sector(
            "zorg",
            ("Zorgcentrum", "Woonzorgcentrum", "Ziekenhuis", "Thuiszorg"),
            (
                "{employer} zorgt met hart en ziel voor ouderen en zieken in {municipality}.",
                "In ons woonzorgcentrum in {municipality} wonen 120 bewoners.",
            ),
            (
                "Je krijgt een loon volgens de barema's van de zorgsector.",
                "Je werkt in een warm team dat goed voor elkaar zorgt.",
            ),
        ),
        Sector(
            "kinderopvang",
            ("Kinderdagverblijf", "Kinderopvang", "Buitenschoolse opvang"),
            (
                "{employer} vangt baby's en peuters op in {municipality}.",
                "Onze kinderopvang in {municipality} zoekt een warme begeleider.",
            ),
            (
                "Je krijgt vorming en werkt in een klein team.",
                "Je uren liggen vast, zodat je je week goed kan plannen.",
            ),
        ),
        Sector(
            "horeca",
            ("Brasserie", "Restaurant", "Hotel", "Catering"),
            (
                "{employer} is een drukke zaak in het centrum van {municipality}.",
                "Voor ons restaurant in {municipality} zoeken we een gemotiveerde collega.",
            ),
            (
                "Je krijgt fooien, maaltijden op het werk en een vast uurrooster.",
                "Je werkt in een jong en gezellig team.",
            ),
        ),
        Sector(
            "winkel",
            ("Supermarkt", "Retail", "Winkel", "Shop"),
            (
                "{employer} is een winkel in {municipality} met trouwe klanten.",
                "Voor onze winkel in {municipality} zoeken we een vriendelijke collega.",
            ),
            (
                "Je krijgt personeelskorting en een vast uurrooster.",
                "Je krijgt een opleiding in de winkel.",
            ),
        ),
        Sector(
            "kantoor",
            ("Consult", "Services", "Kantoor", "Group"),
            (
                "{employer} is een dienstverlenend bedrijf met kantoor in {municipality}.",
                "Ons kantoor in {municipality} helpt klanten met hun administratie.",
            ),
            (
                "Je kan deels van thuis werken en hebt glijdende uren.",
                "Je krijgt maaltijdcheques, een hospitalisatieverzekering en 32 vakantiedagen.",
            ),
        ),
        Sector(
            "transport",
            ("Transport", "Bus", "Koeriers", "Express"),
            (
                "{employer} vervoert mensen en goederen vanuit {municipality}.",
                "Vanuit ons depot in {municipality} rijden we elke dag door heel Vlaanderen.",
            ),
            (
                "Je bent 's avonds thuis en krijgt een premie voor vroege ritten.",
                "Je rijdt met een moderne en veilige wagen.",
            ),
        ),
    )
}

_DEFAULT_PROFILE = (
    "Je bent stipt en werkt graag in team.",
    "Je spreekt voldoende Nederlands om met collega's te praten.",
    "Je bent gemotiveerd en wil bijleren.",
)

OCCUPATIONS: tuple[Occupation, ...] = (
    Occupation(
        "heftruckchauffeur",
        "logistiek",
        6,
        ("Heftruckchauffeur", "Heftruckchauffeur in ploegen", "Heftruckchauffeur magazijn"),
        (
            "Je laadt en lost vrachtwagens met de heftruck.",
            "Je brengt paletten naar de juiste plaats in het magazijn.",
            "Je controleert de goederen die binnenkomen.",
        ),
        ("Je hebt een heftruckattest of ervaring met een heftruck.", "Je werkt graag in ploegen."),
        contracts={"interim": 45, "vast": 35, "tijdelijk": 20},
    ),
    Occupation(
        "magazijnier",
        "logistiek",
        8,
        ("Magazijnier", "Magazijnmedewerker", "Logistiek medewerker magazijn"),
        (
            "Je verzamelt bestellingen en maakt ze klaar voor verzending.",
            "Je houdt de voorraad bij met een scanner.",
            "Je houdt het magazijn netjes en veilig.",
        ),
        ("Je werkt nauwkeurig en kan goed tellen.", "Ervaring met een scanner is een plus."),
        contracts={"interim": 45, "vast": 35, "tijdelijk": 20},
    ),
    Occupation(
        "orderpicker",
        "logistiek",
        4,
        ("Orderpicker", "Orderpicker voedingsmagazijn"),
        ("Je verzamelt bestellingen met een elektrische transpallet.", "Je werkt met spraakgestuurd picken."),
        ("Je bent fysiek sterk en werkt graag snel.",),
        contracts={"interim": 60, "vast": 25, "studentenjob": 15},
    ),
    Occupation(
        "reachtruckchauffeur",
        "logistiek",
        2,
        ("Reachtruckchauffeur",),
        ("Je werkt met de reachtruck in hoge rekken.", "Je laadt en lost vrachtwagens."),
        ("Je hebt ervaring met een reachtruck.",),
        contracts={"interim": 50, "vast": 50},
    ),
    Occupation(
        "vrachtwagenchauffeur",
        "transport",
        5,
        ("Vrachtwagenchauffeur CE", "Vrachtwagenchauffeur nationaal transport", "Chauffeur vrachtwagen C"),
        (
            "Je levert goederen bij klanten in Vlaanderen.",
            "Je laadt en lost zelf met de laadklep.",
            "Je volgt je rit met de boordcomputer.",
        ),
        ("Je hebt je rijbewijs C en je vakbekwaamheid (code 95).",),
        licences=("C",),
        part_time_share=0.05,
    ),
    Occupation(
        "buschauffeur",
        "transport",
        2,
        ("Buschauffeur", "Chauffeur lijnbus", "Buschauffeur schoolvervoer"),
        ("Je rijdt met de bus op vaste lijnen.", "Je helpt reizigers vriendelijk verder."),
        ("Je hebt je rijbewijs D.", "Je blijft rustig in het verkeer."),
        licences=("D",),
        part_time_share=0.3,
    ),
    Occupation(
        "bestelwagenchauffeur",
        "transport",
        3,
        ("Chauffeur bestelwagen", "Bestelwagenchauffeur pakjes"),
        ("Je levert pakjes aan huis in je eigen regio.", "Je rijdt met een bestelwagen van het bedrijf."),
        ("Je hebt je rijbewijs B.",),
        licences=("B",),
    ),
    Occupation(
        "koerier",
        "transport",
        2,
        ("Koerier", "Koerier dringende zendingen"),
        ("Je brengt dringende zendingen naar bedrijven en ziekenhuizen.",),
        ("Je hebt je rijbewijs B en kent de streek.",),
        licences=("B",),
        contracts={"freelance": 40, "vast": 30, "interim": 30},
    ),
    Occupation(
        "schoonmaker",
        "schoonmaak",
        7,
        ("Schoonmaker kantoren", "Schoonmaakster scholen", "Schoonmaker ziekenhuis"),
        (
            "Je maakt kantoren, trappen en sanitair proper.",
            "Je werkt 's morgens vroeg of 's avonds, als de kantoren leeg zijn.",
            "Je werkt met een schrobmachine.",
        ),
        ("Je werkt zelfstandig en grondig.",),
        part_time_share=0.6,
    ),
    Occupation(
        "poetshulp",
        "schoonmaak",
        6,
        ("Poetshulp dienstencheques", "Huishoudhulp", "Poetshulp bij gezinnen"),
        (
            "Je poetst bij vaste klanten thuis.",
            "Je strijkt en doet kleine boodschappen.",
            "Je werkt bij klanten in je eigen buurt.",
        ),
        ("Je bent eerlijk en werkt netjes.", "Ervaring is niet nodig: we leren je alles."),
        part_time_share=0.7,
        contracts={"vast": 60, "tijdelijk": 30, "interim": 10},
    ),
    Occupation(
        "metser",
        "bouw",
        3,
        ("Metser", "Metser renovatie"),
        ("Je metst muren in nieuwbouw en renovatie.", "Je werkt samen met een opperman."),
        ("Je hebt ervaring als metser.",),
        part_time_share=0.02,
    ),
    Occupation(
        "schilder",
        "bouw",
        3,
        ("Schilder", "Schilder-decorateur", "Schilder binnenwerk"),
        ("Je schildert muren, plafonds en ramen bij klanten.", "Je bereidt de ondergrond goed voor."),
        ("Je werkt netjes en nauwkeurig.",),
        part_time_share=0.05,
    ),
    Occupation(
        "dakwerker",
        "bouw",
        1,
        ("Dakwerker", "Dakdekker platte daken"),
        ("Je legt platte en hellende daken.",),
        ("Je hebt geen hoogtevrees.",),
        part_time_share=0.0,
    ),
    Occupation(
        "elektricien",
        "techniek",
        4,
        ("Elektricien", "Elektricien residentieel", "Elektricien industrie"),
        ("Je legt elektrische installaties aan in woningen.", "Je zoekt en herstelt storingen."),
        ("Je hebt een diploma elektriciteit of ervaring.", "Je hebt je rijbewijs B."),
        education="secundair onderwijs",
        licences=("B",),
        part_time_share=0.03,
    ),
    Occupation(
        "loodgieter",
        "techniek",
        2,
        ("Loodgieter", "Sanitair installateur"),
        ("Je plaatst badkamers en herstelt lekken.",),
        ("Je hebt ervaring met sanitair.", "Je hebt je rijbewijs B."),
        licences=("B",),
        part_time_share=0.03,
    ),
    Occupation(
        "onderhoudstechnicus",
        "techniek",
        3,
        ("Onderhoudstechnicus", "Technicus onderhoud productie"),
        ("Je onderhoudt machines en lost storingen op.", "Je werkt mee aan verbeteringen aan de lijn."),
        ("Je hebt een technisch diploma.",),
        education="secundair onderwijs",
        part_time_share=0.02,
    ),
    Occupation(
        "productiemedewerker",
        "industrie",
        8,
        ("Productiemedewerker", "Productiemedewerker voeding", "Productieoperator in ploegen"),
        (
            "Je bedient een machine op de productielijn.",
            "Je controleert of de producten goed zijn.",
            "Je verpakt producten en maakt paletten klaar.",
        ),
        ("Je werkt graag in ploegen.", "Ervaring is niet nodig."),
        contracts={"interim": 55, "vast": 30, "tijdelijk": 15},
    ),
    Occupation(
        "lasser",
        "industrie",
        3,
        ("Lasser", "Lasser MIG/MAG", "TIG-lasser"),
        ("Je last stalen onderdelen volgens een plan.", "Je leest technische tekeningen."),
        ("Je hebt een lasattest of ervaring als lasser.",),
        part_time_share=0.02,
    ),
    Occupation(
        "operator",
        "industrie",
        3,
        ("Operator", "Operator chemie"),
        ("Je volgt het productieproces op vanuit de controlekamer.",),
        ("Je hebt een technisch diploma.",),
        education="secundair onderwijs",
        part_time_share=0.02,
    ),
    Occupation(
        "inpakker",
        "industrie",
        2,
        ("Inpakker", "Medewerker verpakking"),
        ("Je pakt producten in dozen en plakt etiketten.",),
        ("Je werkt nauwkeurig.",),
        contracts={"interim": 60, "studentenjob": 20, "vast": 20},
    ),
    Occupation(
        "verpleegkundige",
        "zorg",
        6,
        ("Verpleegkundige", "Verpleegkundige woonzorgcentrum", "Verpleegkundige nachtdienst"),
        ("Je zorgt voor de bewoners en geeft medicatie.", "Je werkt samen met artsen en zorgkundigen."),
        ("Je hebt een diploma verpleegkunde.",),
        education="hoger onderwijs",
        part_time_share=0.45,
        contracts={"vast": 70, "tijdelijk": 20, "interim": 10},
    ),
    Occupation(
        "zorgkundige",
        "zorg",
        5,
        ("Zorgkundige", "Zorgkundige woonzorgcentrum"),
        ("Je helpt bewoners bij het wassen, aankleden en eten.", "Je let op hoe het met de bewoners gaat."),
        ("Je hebt een attest zorgkundige.",),
        education="secundair onderwijs",
        part_time_share=0.5,
        contracts={"vast": 60, "tijdelijk": 30, "interim": 10},
    ),
    Occupation(
        "verzorgende",
        "zorg",
        2,
        ("Verzorgende gezinszorg", "Verzorgende thuiszorg"),
        ("Je helpt mensen thuis bij hun dagelijkse zorg.",),
        ("Je hebt een attest verzorgende.", "Je hebt je rijbewijs B."),
        licences=("B",),
        part_time_share=0.6,
    ),
    Occupation(
        "kinderbegeleider",
        "kinderopvang",
        4,
        ("Kinderbegeleider", "Kinderbegeleider baby's en peuters", "Begeleider buitenschoolse opvang"),
        ("Je zorgt voor baby's en peuters.", "Je speelt, zingt en leest voor."),
        ("Je hebt een diploma kinderzorg of ervaring.",),
        education="secundair onderwijs",
        part_time_share=0.55,
        contracts={"vast": 60, "tijdelijk": 35, "interim": 5},
    ),
    Occupation(
        "kok",
        "horeca",
        4,
        ("Kok", "Kok brasserie", "Zelfstandig kok"),
        ("Je kookt dagschotels en gerechten van de kaart.", "Je bestelt de verse producten."),
        ("Je hebt ervaring in een keuken.",),
        part_time_share=0.2,
        contracts={"vast": 55, "flexijob": 20, "interim": 15, "tijdelijk": 10},
    ),
    Occupation(
        "keukenhulp",
        "horeca",
        4,
        ("Keukenhulp", "Keukenmedewerker", "Afwasser en keukenhulp"),
        ("Je helpt de kok bij het voorbereiden.", "Je doet de afwas en houdt de keuken proper."),
        ("Ervaring is niet nodig.",),
        part_time_share=0.5,
        contracts={"flexijob": 35, "studentenjob": 20, "vast": 25, "interim": 20},
    ),
    Occupation(
        "kelner",
        "horeca",
        3,
        ("Kelner", "Zaalmedewerker", "Kelner weekend"),
        ("Je bedient de klanten aan tafel.", "Je neemt bestellingen op en rekent af."),
        ("Je bent vriendelijk en blijft rustig als het druk is.",),
        part_time_share=0.55,
        contracts={"flexijob": 40, "studentenjob": 25, "vast": 25, "interim": 10},
    ),
    Occupation(
        "kassamedewerker",
        "winkel",
        5,
        ("Kassamedewerker", "Kassamedewerker supermarkt", "Kassier"),
        ("Je rekent af aan de kassa.", "Je helpt klanten vriendelijk verder.", "Je vult rekken aan als het rustig is."),
        ("Je kan goed met geld omgaan.",),
        part_time_share=0.6,
        contracts={"vast": 40, "studentenjob": 25, "flexijob": 15, "interim": 20},
    ),
    Occupation(
        "verkoper",
        "winkel",
        5,
        ("Verkoper", "Verkoper kledingwinkel", "Verkoopmedewerker doe-het-zelf"),
        ("Je geeft klanten advies.", "Je zet producten mooi in de winkel.", "Je rekent af aan de kassa."),
        ("Je bent vriendelijk en sociaal.",),
        part_time_share=0.45,
        contracts={"vast": 50, "studentenjob": 20, "interim": 20, "tijdelijk": 10},
    ),
    Occupation(
        "vakkenvuller",
        "winkel",
        3,
        ("Vakkenvuller", "Rekkenvuller supermarkt"),
        ("Je vult de rekken aan en controleert de vervaldata.",),
        ("Je werkt graag vroeg op de dag.",),
        part_time_share=0.6,
        contracts={"studentenjob": 35, "flexijob": 20, "interim": 30, "vast": 15},
    ),
    Occupation(
        "administratief medewerker",
        "kantoor",
        6,
        ("Administratief medewerker", "Administratief bediende", "Medewerker administratie"),
        ("Je verwerkt facturen en bestellingen.", "Je beantwoordt mails en de telefoon.", "Je houdt dossiers bij."),
        ("Je werkt vlot met de computer.", "Je schrijft foutloos Nederlands."),
        education="secundair onderwijs",
        part_time_share=0.3,
    ),
    Occupation(
        "boekhouder",
        "kantoor",
        3,
        ("Boekhouder", "Boekhoudkundig medewerker"),
        ("Je boekt aankoop- en verkoopfacturen.", "Je maakt de btw-aangifte klaar."),
        ("Je hebt een diploma boekhouden.",),
        education="hoger onderwijs",
        part_time_share=0.2,
    ),
    Occupation(
        "onthaalmedewerker",
        "kantoor",
        2,
        ("Onthaalmedewerker", "Receptionist"),
        ("Je ontvangt bezoekers en neemt de telefoon op.",),
        ("Je spreekt Nederlands en Frans.",),
        part_time_share=0.4,
    ),
    Occupation(
        "klantendienstmedewerker",
        "kantoor",
        3,
        ("Medewerker klantendienst", "Klantendienstmedewerker telefoon"),
        ("Je helpt klanten aan de telefoon en via chat.",),
        ("Je bent geduldig en klantvriendelijk.",),
        part_time_share=0.3,
    ),
    Occupation(
        "bewakingsagent",
        "kantoor",
        2,
        ("Bewakingsagent", "Bewakingsagent nacht"),
        ("Je bewaakt gebouwen en doet rondes.",),
        ("Je hebt een attest bewakingsagent.",),
        part_time_share=0.2,
    ),
)

FAMILY_NAMES = (
    "Vandamme",
    "Verstraete",
    "De Backer",
    "Van Acker",
    "Claeys",
    "Declercq",
    "Vermeersch",
    "Goethals",
    "Pauwels",
    "Van Hove",
    "Lemmens",
    "Smets",
    "Verbruggen",
    "Stevens",
    "Hendrickx",
    "Wuyts",
    "Van Damme",
    "Martens",
    "Geerts",
    "Segers",
)
PLACE_NAMES = ("De Linde", "Ter Beke", "Het Anker", "De Molen", "Zonnebloem", "De Kroon", "Ter Heide", "De Vlinder")
