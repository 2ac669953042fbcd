"""The closed lists a dossier uses, shared by validation, the rules and the demo seed."""

from typing import Literal, get_args

EducationLevel = Literal["geen diploma", "lager onderwijs", "secundair onderwijs", "hoger onderwijs"]
LanguageLevel = Literal["basis", "goed", "zeer goed", "moedertaal"]
# Belgian driving licence categories.
DrivingLicence = Literal["AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE", "G"]
# The schedule a jobseeker prefers; the values the bot's NLU uses (nlu/contracts.yml).
WorkSchedule = Literal["voltijds", "deeltijds"]
# Who noted a digital-skill indicator.
IndicatorSource = Literal["dossier", "bot", "consultant"]

EDUCATION_LEVELS: tuple[str, ...] = get_args(EducationLevel)
LANGUAGE_LEVELS: tuple[str, ...] = get_args(LanguageLevel)
DRIVING_LICENCES: tuple[str, ...] = get_args(DrivingLicence)
DUTCH = "Nederlands"
