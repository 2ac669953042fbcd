"""What the jobseeker reads or hears about reaching a person (Flemish, B1, short sentences)."""

SERVICELIJN = "Bel gratis naar 0800 30 700. Dat kan elke werkdag van 8 tot 19 uur."
LOOKING = "Ik zoek een medewerker voor je."
ALREADY_WAITING = "Je staat al in de rij voor een medewerker."
ALREADY_TALKING = "Een medewerker praat al met je. Schrijf gerust verder."
CANCELLED = "Goed. Je wacht niet meer. Wil je later toch iemand spreken? Vraag dan gewoon naar een medewerker."
KEEP_WAITING = "Goed. Blijf hier. Een medewerker komt zo bij je."
CLOSED = "Onze medewerkers zijn er nu niet. Ze werken {hours}."
ASK_CALLBACK = "Zal een medewerker je terugbellen?"
CALLBACK_BOOKED = "Goed. Een medewerker belt je terug. Dat is de eerstvolgende werkdag, tussen 8 en 19 uur."
CALLBACK_NEEDS_NUMBER = "Ik ken je telefoonnummer niet. Meld je aan op je account, dan bellen we jou. Of " + (
    SERVICELIJN[0].lower() + SERVICELIJN[1:]
)
NO_CALLBACK = "Goed. Je kan ook een afspraak maken in je werkwinkel. Vraag gewoon naar een afspraak."
BACK_WITH_NAME = "Je gesprek met {name} is afgelopen. Ik ben er weer voor je."
BACK = "Je gesprek met de medewerker is afgelopen. Ik ben er weer voor je."
ANYTHING_ELSE = "Kan ik nog iets voor je doen?"
TIMED_OUT = "Sorry, er is nu geen medewerker vrij."
ASK_APPOINTMENT = "Zal ik een afspraak voor je maken in je werkwinkel?"
NO_APPOINTMENT = "Goed. " + SERVICELIJN

YES = "Ja"
NO = "Nee"
STOP_WAITING = "Stop met wachten"
RATHER_APPOINTMENT = "Liever een afspraak"


def queue_position(position: int | None, minutes: int | None) -> str:
    if not position:
        return "Een medewerker neemt zo over."
    text = "Je bent de eerste in de rij." if position == 1 else f"Je bent nummer {position} in de rij."
    if minutes:
        text += " Dat duurt ongeveer 1 minuut." if minutes == 1 else f" Dat duurt ongeveer {minutes} minuten."
    return text


def how_to_stop(channel: str) -> str:
    if channel == "phone":
        return "Wil je niet wachten? Zeg dan nee."
    if channel == "sms":
        return "Wil je niet wachten? Stuur dan nee."
    return "Wil je niet wachten? Klik dan op 'Stop met wachten'."
