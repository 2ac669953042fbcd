"""What the jobseeker reads or hears when the computer is in the way (Flemish, B1)."""

NOTICED = "Dank je dat je het zegt. Niet iedereen werkt graag met de computer. Dat is helemaal oké."
NOT_ALONE = "Je hoeft het niet alleen te doen. Wat helpt jou het best?"
CHOICE_APPOINTMENT = "Afspraak in mijn werkwinkel"
CHOICE_CALLBACK = "Bel me terug"
CHOICE_COURSE = "Een computerles"
CHOICES_IN_WORDS = "Je kan kiezen: een afspraak, terugbellen of een computerles."
HELP: dict[str, str] = {
    "password": "Je wachtwoord kwijt? Klik bij het aanmelden op 'Wachtwoord vergeten'. Je krijgt dan een nieuw.",
    "login": "Aanmelden lukt met je identiteitskaart en een kaartlezer, of met de app itsme.",
    "upload": "Een bestand opladen? Klik op 'Bestand kiezen'. Kies je bestand en klik op 'Opladen'.",
    "email": "Een e-mail sturen? Open je mailbox. Klik op 'Nieuw bericht'. Vul het adres in en klik op 'Verzenden'.",
}
HELP_GENERAL = "Geen probleem. Ik help je stap voor stap."
STILL_STUCK = "Lukt het niet? Dan helpt een medewerker je graag."
PERSON = "Praten met een medewerker"
COURSES_NEAR = "Er zijn gratis computerlessen bij jou in de buurt:"
COURSES_NONE = "Ik vind nu geen computerles bij jou in de buurt. Een medewerker zoekt graag met je mee."
COURSE_ENROL = "Wil je je inschrijven? Een medewerker helpt je daarbij."
