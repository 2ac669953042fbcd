"""Short Dutch button labels for what a jobseeker may have meant (B1, a few words each)."""

# Intents worth suggesting when the bot is unsure; small talk and bare answers are left out.
SUGGESTION_LABELS: dict[str, str] = {
    "ask_assignments": "Mijn opdrachten",
    "report_assignment_done": "Een opdracht is klaar",
    "ask_assignment_help": "Hulp bij een opdracht",
    "search_vacancies": "Vacatures zoeken",
    "ask_job_suggestions": "Werk dat bij mij past",
    "save_vacancy": "Een vacature bewaren",
    "report_application": "Ik heb gesolliciteerd",
    "show_vacancy_dashboard": "Mijn vacatures en sollicitaties",
    "express_digital_difficulty": "Hulp met de computer",
    "ask_digital_course": "Leren werken met de computer",
    "book_appointment": "Een afspraak maken",
    "ask_werkwinkel": "Waar is mijn werkwinkel?",
    "file_loopbaancheque_complaint": "Klacht over loopbaancheques",
    "ask_loopbaancheque_info": "Uitleg over loopbaancheques",
    "help": "Wat kan Wegwijs?",
}
HUMAN_LABEL = "Praten met een medewerker"
HUMAN_PAYLOAD = "/request_human"
