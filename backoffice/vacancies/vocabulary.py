"""The closed lists of the vacancy domain.

Occupations are the canonical names of the bot's lexicon (nlu/occupations.yml), read as a data
file, so a vacancy's occupation is what the bot's resolver makes of "poetsvrouw". Contract types
and schedules are the canonical values of nlu/contracts.yml.
"""

from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

import yaml

# One list of schedules for dossiers and vacancies, re-exported here.
from backoffice.jobseekers.vocabulary import WorkSchedule as WorkSchedule

NLU_DIR = Path(__file__).resolve().parents[2] / "nlu"

ContractType = Literal["vast", "tijdelijk", "interim", "studentenjob", "flexijob", "freelance"]
EventKind = Literal["view", "save", "apply"]
ApplicationChannel = Literal["online", "e-mail", "ter plaatse", "telefoon", "via de bot", "per brief"]
ApplicationStatus = Literal["verstuurd", "gesprek", "aangenomen", "afgewezen", "geen antwoord"]
PushSource = Literal["consultant", "employer"]
SuggestionSource = Literal["profile", "consultant", "employer", "similar"]
VacancySource = Literal["demo", "consultant", "employer", "import"]

CONTRACT_TYPES: tuple[str, ...] = get_args(ContractType)
WORK_SCHEDULES: tuple[str, ...] = get_args(WorkSchedule)
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
APPLICATION_CHANNELS: tuple[str, ...] = get_args(ApplicationChannel)
APPLICATION_STATUSES: tuple[str, ...] = get_args(ApplicationStatus)


@lru_cache
def _lexicon() -> dict[str, tuple[str, ...]]:
    """Canonical occupation -> its everyday variants, in the file's order."""
    data = yaml.safe_load((NLU_DIR / "occupations.yml").read_text(encoding="utf-8"))
    lexicon = {}
    for entry in data["nlu"]:
        if "synonym" in entry:
            variants = [line.removeprefix("- ").strip() for line in entry["examples"].splitlines()]
            lexicon[entry["synonym"]] = tuple(variant for variant in variants if variant)
    return lexicon


def occupations() -> tuple[str, ...]:
    return tuple(_lexicon())


def is_occupation(name: str) -> bool:
    return name in _lexicon()


def occupation_variants(name: str) -> tuple[str, ...]:
    return _lexicon().get(name, ())
