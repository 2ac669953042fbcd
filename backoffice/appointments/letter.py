"""The printable confirmation letter of an appointment (A4, fpdf2's built-in font).

It holds personal data (name and place of the jobseeker): the route sends it with the service
token only and tells caches not to keep it.
"""

import unicodedata
from dataclasses import dataclass
from datetime import date

from fpdf import FPDF

from backoffice.appointments import wording
from backoffice.appointments.wording import Details
from backoffice.assignments.wording import dutch_date

TITLE = "Bevestiging van je afspraak"
SENDER = ("Wegwijs - dienst voor werk", "Servicelijn: 0800 30 700 (gratis)")


@dataclass(frozen=True)
class Letter:
    details: Details
    full_name: str
    address_lines: tuple[str, ...]  # as far as the dossier knows it
    cancelled: bool
    is_demo: bool


def _latin1(text: str) -> str:
    """The built-in font knows Latin-1 only: other letters lose their accent, or become '?'."""
    result = []
    for char in text:
        if ord(char) < 256:
            result.append(char)
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        result.append(base or "?")
    return "".join(result)


def to_pdf(letter: Letter, *, printed_on: date, compress: bool = True) -> bytes:
    details = letter.details
    pdf = FPDF(orientation="portrait", format="A4")
    pdf.set_compression(compress)
    pdf.set_title(TITLE)
    pdf.set_creator("Wegwijs")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()

    def line(text: str, height: float = 6) -> None:
        pdf.multi_cell(0, height, _latin1(text), new_x="LMARGIN", new_y="NEXT")

    pdf.set_font("Helvetica", "", 10)
    for text in SENDER:
        line(text, 5)
    pdf.ln(8)
    pdf.set_font("Helvetica", "", 11)
    for text in (letter.full_name, *letter.address_lines):
        line(text)
    pdf.ln(8)
    line(f"Datum: {dutch_date(printed_on)}")
    line(f"Nummer van je afspraak: {details.reference}")
    pdf.ln(6)
    pdf.set_font("Helvetica", "B", 15)
    line("Je afspraak is geannuleerd" if letter.cancelled else TITLE, 8)
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 11)
    line(f"Dag {details.first_name},")
    pdf.ln(2)
    if letter.cancelled:
        line(f"Je afspraak op {details.when} in {details.office_name} is geannuleerd.")
        line("Wil je toch iemand spreken? Maak een nieuwe afspraak in de chat. Of: " + wording.SERVICELIJN)
    else:
        line("Je hebt een afspraak met een bemiddelaar.")
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 12)
        line(f"Wanneer: {details.when}")
        line(f"Waar: {details.office_name}")
        pdf.set_font("Helvetica", "", 11)
        line(f"Adres: {details.office_address}")
        line(f"Je spreekt met: {details.consultant_first_name}")
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 11)
        line("Breng mee:")
        pdf.set_font("Helvetica", "", 11)
        for item in wording.WHAT_TO_BRING:
            line(f"- {item}")
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 11)
        line("Kan je niet komen?")
        pdf.set_font("Helvetica", "", 11)
        for text in wording.HOW_TO_CHANGE:
            line(text)
    pdf.ln(6)
    line("Tot dan!" if not letter.cancelled else "Met vriendelijke groeten,")
    line("Wegwijs")
    if letter.is_demo:
        pdf.ln(6)
        pdf.set_font("Helvetica", "I", 9)
        line(wording.DEMO_NOTICE, 5)
    return bytes(pdf.output())
