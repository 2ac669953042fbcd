"""Every kind of assignment as data: titles, instructions and steps in plain Dutch (B1).

Short sentences, no jargon, "je". Every step has help for when it does not work; most of them
point to the Servicelijn, which is free and helps on working days. An assignment copies its
texts when it is created, so editing this module changes new assignments only.
"""

from dataclasses import dataclass

SERVICELIJN = "Bel gratis de Servicelijn op 0800 30 700. Dat kan op werkdagen van 8 tot 19 uur."
LOGIN_HELP = f"Lukt inloggen niet? {SERVICELIJN}"

# The first contact with the Servicelijn is around week 6: the automatic package is due before it.
FIRST_CONTACT_AFTER_DAYS = 42


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    help: str


@dataclass(frozen=True)
class AssignmentKind:
    code: str
    title: str
    instructions: str
    steps: tuple[Step, ...]
    keywords: tuple[str, ...]  # lowercase words without accents, as the bot's normaliser writes them
    due_in_days: int  # automatic: after registration; smart: after the proposal
    # Done online (in the personal account): overdue ones count as evidence for the digital-skill scorer.
    # Applying and courses can be done on paper, by phone or in person, so they are not marked.
    digital: bool = False

    def steps_as_data(self) -> list[dict[str, str]]:
        return [{"title": step.title, "text": step.text, "help": step.help} for step in self.steps]


CHECK_CONTACT_DETAILS = AssignmentKind(
    code="check_contact_details",
    title="Controleer je contactgegevens",
    instructions=(
        "We willen je goed kunnen bereiken. Kijk of je adres, je telefoonnummer en je e-mailadres juist zijn."
    ),
    steps=(
        Step("Open je gegevens", "Log in op je account. Kies 'Mijn gegevens'.", LOGIN_HELP),
        Step(
            "Kijk je adres en je telefoonnummer na",
            "Klopt je adres? Klopt je gsm-nummer? Pas aan wat niet klopt.",
            "Heb je geen gsm? Geef dan een ander nummer waarop we je kunnen bellen. " + SERVICELIJN,
        ),
        Step(
            "Kijk je e-mailadres na",
            "Klopt je e-mailadres? Heb je er geen? Laat het vak dan leeg.",
            "Wil je een e-mailadres maken? Vraag het ons. We helpen je graag.",
        ),
        Step(
            "Bevestig je gegevens",
            "Klik op 'Bevestigen'. Dan weten wij dat alles klopt.",
            "Zie je de knop niet? " + SERVICELIJN,
        ),
    ),
    keywords=("contactgegevens", "gegevens", "adres", "telefoonnummer", "gsm", "nummer", "email", "mailadres"),
    due_in_days=7,
    digital=True,
)

SET_JOB_GOALS = AssignmentKind(
    code="set_job_goals",
    title="Kies je jobdoelen",
    instructions="Welk werk wil je doen? Kies één tot drie beroepen. Zo vinden we vacatures die bij je passen.",
    steps=(
        Step(
            "Denk na over je werk",
            "Welk werk deed je al? Welk werk wil je graag doen? Schrijf het op.",
            "Weet je het niet goed? Dat is normaal. Praat erover met iemand van de Servicelijn. " + SERVICELIJN,
        ),
        Step("Open je jobdoelen", "Log in op je account. Kies 'Mijn jobdoelen'.", LOGIN_HELP),
        Step(
            "Kies tot drie beroepen",
            "Zoek het beroep dat je wil doen. Klik op 'Toevoegen'. Kies er niet meer dan drie.",
            "Vind je het beroep niet? Probeer een ander woord. Bijvoorbeeld 'schoonmaker' in plaats van 'kuisvrouw'.",
        ),
        Step(
            "Bewaar je keuze",
            "Klik op 'Bewaren'. Je kan je jobdoelen later nog aanpassen.",
            "Lukt bewaren niet? " + SERVICELIJN,
        ),
    ),
    keywords=("jobdoel", "jobdoelen", "beroep", "beroepen", "doel", "doelen"),
    due_in_days=10,
    digital=True,
)

COMPLETE_CV = AssignmentKind(
    code="complete_cv",
    title="Vul je cv aan",
    instructions=(
        "Met een goed cv vind je sneller werk. Werkgevers lezen je cv als je solliciteert. "
        "Zet je werk, je opleiding en je talen erin."
    ),
    steps=(
        Step("Open je cv", "Log in op je account. Kies 'Mijn cv'.", LOGIN_HELP),
        Step(
            "Schrijf je werkervaring",
            "Zet het werk dat je deed in je cv. Begin met je laatste job. Schrijf bij elke job wat je deed.",
            "Heb je nog nooit gewerkt? Schrijf dan wat je deed als vrijwilliger, op school of thuis.",
        ),
        Step(
            "Schrijf je opleiding en je talen",
            "Welke school deed je? Welke talen spreek je? Zet het erbij.",
            "Weet je je niveau niet? Kies dan 'basis', 'goed' of 'zeer goed'. Dat is genoeg.",
        ),
        Step(
            "Bewaar je cv",
            "Klik op 'Bewaren'. Heb je al een cv op je computer? Dan kan je het ook opladen.",
            "Lukt het niet? Je mag ook met je cv op papier naar een werkwinkel gaan. " + SERVICELIJN,
        ),
    ),
    keywords=("cv", "curriculum", "levensloop", "werkervaring"),
    due_in_days=14,
    digital=True,
)

SAVE_VACANCIES = AssignmentKind(
    code="save_vacancies",
    title="Bewaar drie vacatures die bij je passen",
    instructions="Zoek vacatures voor het werk dat je wil doen. Bewaar er drie. Zo kan je er later op solliciteren.",
    steps=(
        Step(
            "Zoek vacatures",
            "Log in op je account. Kies 'Vacatures'. Typ het werk dat je zoekt en je gemeente.",
            "Vind je niets? Zoek dan wat verder van huis. Of probeer een ander beroep.",
        ),
        Step(
            "Lees de vacatures",
            "Open een vacature. Lees wat je moet doen en wat ze vragen. Past het bij jou?",
            "Begrijp je een woord niet? Vraag het aan mij. " + SERVICELIJN,
        ),
        Step(
            "Bewaar drie vacatures",
            "Past een vacature bij jou? Klik dan op 'Bewaren'. Doe dat voor drie vacatures.",
            "Zie je de knop 'Bewaren' niet? " + SERVICELIJN,
        ),
    ),
    keywords=("vacature", "vacatures", "bewaard", "bewaren", "opgeslagen"),
    due_in_days=21,
    digital=True,
)

APPLY_ONCE = AssignmentKind(
    code="apply_once",
    title="Solliciteer één keer",
    instructions="Solliciteer op één vacature die bij je past. Zo zet je een eerste stap naar werk.",
    steps=(
        Step(
            "Kies een vacature",
            "Kies een vacature die je bewaard hebt. Of zoek een nieuwe.",
            "Vind je geen vacature die past? Vraag me om jobsuggesties.",
        ),
        Step(
            "Lees hoe je solliciteert",
            "In de vacature staat hoe je solliciteert. Bijvoorbeeld met een mail, een formulier of door te bellen.",
            "Staat het er niet in? Bel of mail de werkgever en vraag het.",
        ),
        Step(
            "Stuur je cv",
            "Stuur je cv naar de werkgever. Schrijf er kort bij wie je bent en waarom je de job wil.",
            "Weet je niet wat je moet schrijven? " + SERVICELIJN,
        ),
        Step(
            "Zeg dat je gesolliciteerd hebt",
            "Zeg me dat je gesolliciteerd hebt. Dan zetten we het in je overzicht.",
            "Lukt het niet om het te melden? " + SERVICELIJN,
        ),
    ),
    keywords=("solliciteren", "sollicitatie", "gesolliciteerd", "solliciteer", "gereageerd"),
    due_in_days=35,
)

# Given to every jobseeker on registration, in this order.
AUTOMATIC_PACKAGE: tuple[AssignmentKind, ...] = (
    CHECK_CONTACT_DETAILS,
    SET_JOB_GOALS,
    COMPLETE_CV,
    SAVE_VACANCIES,
    APPLY_ONCE,
)


def _driving_licence(licence: str, due_in_days: int) -> AssignmentKind:
    return AssignmentKind(
        code=f"driving_licence_{licence.lower()}",
        title=f"Zoek uit hoe je rijbewijs {licence} haalt",
        instructions=(
            f"Voor het werk dat je zoekt, heb je rijbewijs {licence} nodig. "
            "Zoek uit hoe je het kan halen. Soms kan dat met een gratis opleiding."
        ),
        steps=(
            Step(
                "Lees wat je nodig hebt",
                f"Zoek op onze website naar 'rijbewijs {licence}'. Lees wat je moet doen om het te halen.",
                "Vind je het niet? " + SERVICELIJN,
            ),
            Step(
                "Zoek een opleiding",
                f"Zoek een opleiding voor rijbewijs {licence} in je buurt. Kijk of er een gratis opleiding is.",
                "Is er geen opleiding in je buurt? Vraag ons welke opleiding het dichtst bij is.",
            ),
            Step(
                "Vertel het ons",
                "Zeg ons welke opleiding je wil volgen. Wij kijken of je hulp krijgt, bijvoorbeeld voor de kosten.",
                SERVICELIJN,
            ),
        ),
        keywords=("rijbewijs", licence.lower(), "rijschool", "theorie"),
        due_in_days=due_in_days,
    )


DRIVING_LICENCE_B = _driving_licence("B", 28)
DRIVING_LICENCE_C = _driving_licence("C", 28)
DRIVING_LICENCE_D = _driving_licence("D", 28)

DUTCH_COURSE = AssignmentKind(
    code="dutch_course",
    title="Kies een cursus Nederlands",
    instructions="Met beter Nederlands vind je makkelijker werk. Zoek een cursus Nederlands die bij je past.",
    steps=(
        Step(
            "Zoek een cursus",
            "Er zijn cursussen overdag, 's avonds en online. Kies wat voor jou past.",
            "Weet je niet waar je moet zoeken? Ga naar het Huis van het Nederlands in je buurt. " + SERVICELIJN,
        ),
        Step(
            "Schrijf je in",
            "Schrijf je in voor de cursus. Soms doe je eerst een korte test. Zo kom je in de juiste groep.",
            "Lukt inschrijven niet? Vraag hulp aan het Huis van het Nederlands. " + SERVICELIJN,
        ),
        Step(
            "Zeg wanneer je begint",
            "Zeg ons wanneer de cursus begint. Dan houden we er rekening mee.",
            SERVICELIJN,
        ),
    ),
    keywords=("nederlands", "cursus", "taalcursus", "les", "lessen", "taal"),
    due_in_days=28,
)

CREATE_EMAIL = AssignmentKind(
    code="create_email",
    title="Maak een e-mailadres",
    instructions=(
        "Met een e-mailadres krijg je vacatures en berichten van ons. Werkgevers mailen ook vaak. "
        "Een e-mailadres maken is gratis."
    ),
    steps=(
        Step(
            "Kies een gratis e-maildienst",
            "Er zijn gratis e-maildiensten, zoals Gmail of Outlook. Open hun website op je gsm of computer.",
            "Heb je geen computer? In de werkwinkel en in de bibliotheek mag je er gratis een gebruiken.",
        ),
        Step(
            "Maak je adres",
            "Klik op 'Account maken'. Kies een adres met je naam. Kies een wachtwoord dat je goed onthoudt.",
            "Schrijf je wachtwoord op een veilige plek. Geef het aan niemand. " + SERVICELIJN,
        ),
        Step(
            "Geef je adres aan ons",
            "Zet je nieuwe e-mailadres bij je gegevens. Of geef het aan mij.",
            SERVICELIJN,
        ),
    ),
    keywords=("email", "mail", "mailadres", "emailadres", "e-mail", "e-mailadres"),
    due_in_days=14,
    digital=True,
)

UPDATE_CV = AssignmentKind(
    code="update_cv",
    title="Maak je cv weer actueel",
    instructions=(
        "Je cv is meer dan een jaar oud. Zet er je nieuwe werk, opleidingen en talen in. "
        "Werkgevers willen een cv dat klopt."
    ),
    steps=(
        Step("Open je cv", "Log in op je account. Kies 'Mijn cv'.", LOGIN_HELP),
        Step(
            "Vul aan wat nieuw is",
            "Wat deed je het voorbije jaar? Werk, een opleiding, vrijwilligerswerk? Zet het erbij.",
            "Deed je niets nieuws? Dat is niet erg. Kijk dan of de rest nog klopt.",
        ),
        Step(
            "Kijk alles na",
            "Kloppen je telefoonnummer en je e-mailadres? Haal weg wat niet meer klopt.",
            "Twijfel je? " + SERVICELIJN,
        ),
        Step(
            "Bewaar je cv",
            "Klik op 'Bewaren'. Of laad je nieuwe cv op.",
            "Lukt het niet? Je mag ook met je cv op papier naar een werkwinkel gaan. " + SERVICELIJN,
        ),
    ),
    keywords=("cv", "curriculum", "levensloop", "bijgewerkt", "aangepast"),
    due_in_days=14,
    digital=True,
)

TRAINING_WITH_DIPLOMA = AssignmentKind(
    code="training_with_diploma",
    title="Bekijk een opleiding met diploma",
    instructions=(
        "Met een diploma vind je vaak sneller werk. Ook als volwassene kan je nog een diploma halen. "
        "Bekijk welke opleiding bij je past."
    ),
    steps=(
        Step(
            "Denk na over wat je wil leren",
            "Welk werk wil je doen? Welk diploma heb je daarvoor nodig?",
            "Weet je het niet? Praat erover met iemand van de Servicelijn. " + SERVICELIJN,
        ),
        Step(
            "Zoek opleidingen",
            "Zoek opleidingen met een diploma in je buurt. Kijk ook naar het onderwijs voor volwassenen.",
            "Vind je niets? Vraag het in een werkwinkel.",
        ),
        Step(
            "Kies er één of twee",
            "Kies één of twee opleidingen die je wil doen. Schrijf op wanneer ze beginnen.",
            "Is het te duur? Vaak is een opleiding gratis als je werk zoekt. " + SERVICELIJN,
        ),
        Step(
            "Praat erover met ons",
            "Zeg ons welke opleiding je kiest. Dan helpen we je verder.",
            SERVICELIJN,
        ),
    ),
    keywords=("opleiding", "diploma", "school", "studeren", "cursus"),
    due_in_days=42,
)

LOOK_AT_VACANCIES = AssignmentKind(
    code="look_at_vacancies",
    title="Bekijk nieuwe vacatures",
    instructions="Er komen elke dag nieuwe vacatures bij. Kijk deze week welke nieuwe vacatures er voor jou zijn.",
    steps=(
        Step("Open de vacatures", "Log in op je account. Kies 'Vacatures'.", LOGIN_HELP),
        Step(
            "Zoek nieuwe vacatures",
            "Zoek het werk dat je wil doen. Kies 'Nieuwste eerst'.",
            "Vind je niets? Zoek dan wat verder van huis. Of vraag me om jobsuggesties.",
        ),
        Step(
            "Bewaar wat je goed vindt",
            "Past een vacature bij jou? Klik dan op 'Bewaren'.",
            SERVICELIJN,
        ),
    ),
    keywords=("vacature", "vacatures", "bekeken", "gekeken", "gezocht"),
    due_in_days=7,
    digital=True,
)

CALL_SERVICELIJN = AssignmentKind(
    code="call_servicelijn",
    title="Bel de Servicelijn",
    instructions=(
        "Een paar opdrachten zijn te laat. Dat is niet erg. Bel de Servicelijn. "
        "Samen kijken jullie wat lukt en wat niet."
    ),
    steps=(
        Step(
            "Bel de Servicelijn",
            "Bel gratis naar 0800 30 700. Dat kan op werkdagen van 8 tot 19 uur.",
            "Kan je niet bellen? Vraag mij dan dat iemand jou belt.",
        ),
        Step(
            "Zeg wat niet lukt",
            "Zeg welke opdrachten te laat zijn. Zeg ook wat moeilijk is.",
            "Weet je niet wat je moet zeggen? Zeg gewoon: 'Mijn opdrachten lukken niet.'",
        ),
        Step(
            "Maak samen afspraken",
            "Spreek samen af wat je eerst doet. Soms krijg je een afspraak in een werkwinkel.",
            "Vergeet je de afspraken? Vraag dan dat ze ze naar je sturen.",
        ),
    ),
    keywords=("servicelijn", "gebeld", "bellen", "telefoon"),
    due_in_days=7,
)

DIGITAL_SKILLS_COURSE = AssignmentKind(
    code="digital_skills_course",
    title="Volg een cursus computer",
    instructions=(
        "Veel vacatures en formulieren staan op internet. Met een korte cursus gaat dat makkelijker. "
        "Zo'n cursus is vaak gratis."
    ),
    steps=(
        Step(
            "Zoek een cursus",
            "Er zijn gratis cursussen in de bibliotheek, in een werkwinkel of in een buurthuis.",
            "Weet je niet waar? " + SERVICELIJN,
        ),
        Step(
            "Schrijf je in",
            "Schrijf je in of ga langs. Zeg wat je wil leren, bijvoorbeeld mailen of inloggen.",
            "Lukt inschrijven niet? Vraag het aan de bibliotheek of de werkwinkel. Ze helpen je graag.",
        ),
        Step(
            "Oefen",
            "Oefen wat je leerde. Bijvoorbeeld: log in op je account en bekijk je opdrachten.",
            SERVICELIJN,
        ),
    ),
    keywords=("computer", "cursus", "digitaal", "internet", "pc"),
    due_in_days=28,
)

SMART_KINDS: tuple[AssignmentKind, ...] = (
    DRIVING_LICENCE_B,
    DRIVING_LICENCE_C,
    DRIVING_LICENCE_D,
    DUTCH_COURSE,
    CREATE_EMAIL,
    UPDATE_CV,
    TRAINING_WITH_DIPLOMA,
    LOOK_AT_VACANCIES,
    CALL_SERVICELIJN,
    DIGITAL_SKILLS_COURSE,
)

KINDS: dict[str, AssignmentKind] = {kind.code: kind for kind in (*AUTOMATIC_PACKAGE, *SMART_KINDS)}
