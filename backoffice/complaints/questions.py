"""The intake's questions, in the order the conversation asks them, and their allowed answers.

Codes are English (the API); the texts are Dutch: `ask` at B1 for the citizen (the bot may use
them or its own), `label` as the seed words it for the complaint handler.
"""

from dataclasses import dataclass

ANSWERS = ("yes", "partly", "no")
ANSWER_LABELS = {"yes": "ja", "partly": "gedeeltelijk", "no": "nee"}

POP_ANSWERS = ("yes", "no", "unknown")
POP_LABELS = {"yes": "ja", "no": "nee", "unknown": "weet ik niet"}


@dataclass(frozen=True)
class Criterion:
    code: str
    label: str  # the seed's question (Manier 6), for the handler
    ask: str  # the same question at B1, for the citizen
    short: str  # a few words for tables and charts
    recap: str  # the read-back to the citizen: "<recap>: ja"


# The five questions VDAB asks when a citizen complains (seed 003, "Manier 6"), in that order.
CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "request_formulated",
        "Is er een loopbaanvraag geformuleerd?",
        "Hebben jullie samen je loopbaanvraag benoemd: wat wilde je te weten komen of bereiken?",
        "loopbaanvraag",
        "Samen je loopbaanvraag benoemd",
    ),
    Criterion(
        "competences",
        "Heb je zicht gekregen op je loopbaancompetenties? Kan je deze versterken?",
        "Weet je nu beter wat je sterke punten zijn voor je loopbaan? En hoe je ze verder kan ontwikkelen?",
        "zicht op competenties",
        "Beter zicht op je sterke punten",
    ),
    Criterion(
        "tailored",
        "Is de begeleiding afgestemd op jouw vragen en noden?",
        "Paste de begeleiding bij jouw vragen en bij wat jij nodig had?",
        "op maat",
        "De begeleiding paste bij je vragen",
    ),
    Criterion(
        "development_plan",
        "Is er samen met jou een persoonlijk ontwikkelplan opgesteld waarin de evolutie van "
        "loopbaancompetenties opgenomen werd?",
        "Hebben jullie samen een persoonlijk ontwikkelingsplan gemaakt? Daarin staat hoe je sterke punten groeien.",
        "ontwikkelplan samen",
        "Samen een ontwikkelingsplan gemaakt",
    ),
    Criterion(
        "labour_market",
        "Kan je aan de slag om je plek op de arbeidsmarkt vorm te geven?",
        "Weet je nu welke stappen je kan zetten naar werk dat bij je past?",
        "aan de slag",
        "Je weet welke stappen je kan zetten",
    ),
)
CRITERION_CODES = tuple(criterion.code for criterion in CRITERIA)
CRITERION_BY_CODE = {criterion.code: criterion for criterion in CRITERIA}

# What the centre delivered. The three "only ..." answers exclude each other and a real process;
# "part of other guidance" and "offered by the employer" can come with any of them.
DELIVERED = {
    "test_only": "Enkel een test (bijvoorbeeld een persoonlijkheidstest) met de resultaten",
    "advice_only": "Enkel advies, zonder begeleiding",
    "application_coaching_only": "Enkel hulp bij solliciteren",
    "part_of_other": "Het hoorde bij een andere begeleiding, outplacement of coaching",
    "employer_offered": "Mijn werkgever bood het aan",
    "guidance_process": "Een begeleiding in gesprekken over mijn loopbaan",
}
EXCLUSIVE_DELIVERED = frozenset({"test_only", "advice_only", "application_coaching_only", "guidance_process"})

# Every answer the intake needs, in the order the conversation asks for them.
FIELDS = ("centre", "period", "cheques", *CRITERION_CODES, "delivered", "pop")
FIELD_ASK = {
    "centre": "Bij welk loopbaancentrum kreeg je de begeleiding?",
    "period": "Wanneer was dat ongeveer? Een maand en een jaar is genoeg.",
    "cheques": "Hoeveel loopbaancheques heb je gebruikt?",
    **{criterion.code: criterion.ask for criterion in CRITERIA},
    "delivered": "Wat kreeg je van het centrum? Bijvoorbeeld enkel een test, enkel advies "
    "of enkel hulp bij solliciteren.",
    "pop": "Kreeg je een persoonlijk ontwikkelingsplan (POP) mee?",
}
FIELD_LABELS = {
    "centre": "Loopbaancentrum",
    "period": "Wanneer",
    "cheques": "Loopbaancheques gebruikt",
    **{criterion.code: criterion.label for criterion in CRITERIA},
    "delivered": "Wat kreeg je",
    "pop": "Persoonlijk ontwikkelingsplan (POP) gekregen",
}
MAX_CHEQUES = 2  # the regulation gives at most two loopbaancheques per six years
MAX_EXPLANATION_CHARS = 1000
