"""What a message says about digital skill, as evidence codes the backoffice scorer weighs.

The bot only names what it noticed; the weights and levels live in the backoffice
(backoffice/digital/rules.py), so one rule set judges every channel.
"""

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType

from actions.backoffice_client import BackofficeUnavailableError
from actions.channel import channel_of
from actions.dispatch_client import DispatchClient
from actions.identity import identify
from actions.questions import question_just_asked
from nlu.resolution.text import strip_diacritics

SIGNALS_SLOT = "digital_signals"
LEVEL_SLOT = "digital_level"
QUESTION_DIGITAL_OFFER = "digital_offer"
MAX_SIGNALS = 12
MISUNDERSTANDING: dict[str, str | None] = {"code": "misunderstanding", "detail": None}

# Basic operations a jobseeker asks help with; the first match names the operation.
OPERATIONS: tuple[tuple[str, str], ...] = (
    ("password", r"wachtwoord|paswoord|passwoord|code vergeten"),
    ("login", r"inlog|aanmeld|log in|login|itsme|kaartlezer|raak niet (in|binnen)|aangemeld"),
    ("upload", r"upload|opladen|oplaad|bijlage|bijvoegen|pdf|doorsturen|document"),
    ("email", r"e-?mail|mail versturen|mail sturen|mailbox"),
)
# "I cannot", "I have no": a statement about oneself rather than a question on one task.
STATEMENT = re.compile(
    r"\b(geen|nooit|niet met|kan niet|ken niet|snap niet|versta niet|te moeilijk|oude gsm|"
    r"geen computer|geen internet|geen e-?mail|niet mee weg)\b"
)


def signal_for(text: str) -> dict[str, str | None]:
    """The evidence one "ik kan dat niet" message gives."""
    folded = strip_diacritics(text.lower())
    if STATEMENT.search(folded) and not any(re.search(pattern, folded) for _, pattern in OPERATIONS[:3]):
        return {"code": "explicit_statement", "detail": "email" if "mail" in folded else None}
    for operation, pattern in OPERATIONS:
        if re.search(pattern, folded):
            return {"code": "basic_operation_help", "detail": operation}
    return {"code": "explicit_statement", "detail": None}


def collected(tracker: Tracker) -> list[dict[str, str | None]]:
    value = tracker.get_slot(SIGNALS_SLOT) or []
    return [item for item in value if isinstance(item, dict) and item.get("code")]


def with_signal(tracker: Tracker, signal: dict[str, str | None]) -> list[dict[str, str | None]]:
    return [*collected(tracker), signal][-MAX_SIGNALS:]


async def note_choice(tracker: Tracker, choice: str) -> list[EventType]:
    """Stores in the dossier what the jobseeker chose after the bot's offer (appointment,
    callback or course); nothing when they were not answering that offer."""
    if question_just_asked(tracker) != QUESTION_DIGITAL_OFFER:
        return []
    client = DispatchClient.from_environment()
    try:
        identity = await identify(tracker, client)
        if identity is not None:
            await client.store_digital_choice(
                jobseeker_id=identity.jobseeker_id, choice=choice, channel=channel_of(tracker)
            )
    except BackofficeUnavailableError:
        # The choice itself still goes ahead; only its note in the dossier is missing.
        pass
    return []
