"""The application history as proof of active job search: CSV and PDF, headings in Dutch.

Both hold personal data (the jobseeker's name and their history): the routes send them with the
service token only and tell every cache not to keep them.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass
from datetime import date

from fpdf import FPDF

from backoffice.jobseekers.models import Jobseeker
from backoffice.vacancies.models import Application

HEADINGS = ("Datum", "Werkgever", "Vacature", "Kanaal", "Status", "Notitie")
TITLE = "Overzicht van mijn sollicitaties"
# Spreadsheet programs run a cell that starts like a formula: such cells get a leading quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class History:
    jobseeker: Jobseeker
    start: date
    end: date
    applications: list[Application]

    @property
    def name(self) -> str:
        return f"{self.jobseeker.first_name} {self.jobseeker.last_name}"

    @property
    def period(self) -> str:
        return f"{self.start:%d/%m/%Y} tot en met {self.end:%d/%m/%Y}"


def _row(application: Application) -> list[str]:
    return [
        f"{application.applied_on:%d/%m/%Y}",
        application.employer,
        application.title or "",
        application.channel,
        application.status,
        application.note or "",
    ]


def _cell(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def to_csv(history: History) -> str:
    """Semicolons, as Excel expects them with Belgian settings; a byte order mark so accents survive."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([TITLE])
    writer.writerow(["Naam", _cell(history.name)])
    writer.writerow(["Periode", history.period])
    writer.writerow([])
    writer.writerow(HEADINGS)
    for application in history.applications:
        writer.writerow([_cell(value) for value in _row(application)])
    return "\ufeff" + buffer.getvalue()


def _latin1(text: str) -> str:
    """The PDF's built-in font knows Latin-1 only: other letters lose their accent, or become '?'."""
    result = []
    for char in text:
        if ord(char) < 256:
            result.append(char)
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        result.append(base or "?")
    return "".join(result)


def to_pdf(history: History, *, printed_on: date) -> bytes:
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(TITLE)
    pdf.set_creator("Wegwijs")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 7, _latin1(f"Naam: {history.name}"), new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, f"Periode: {history.period}", new_x="LMARGIN", new_y="NEXT")
    count = len(history.applications)
    pdf.cell(0, 7, f"Aantal sollicitaties: {count}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 9)
    if history.applications:
        widths = (22, 55, 65, 25, 28, 72)
        with pdf.table(col_widths=widths, text_align="LEFT", line_height=5) as table:
            header = table.row()
            for heading in HEADINGS:
                header.cell(heading)
            for application in history.applications:
                row = table.row()
                for value in _row(application):
                    row.cell(_latin1(value))
    else:
        pdf.cell(0, 7, "Er staan nog geen sollicitaties in deze periode.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "I", 8)
    pdf.cell(0, 5, f"Afgedrukt op {printed_on:%d/%m/%Y} uit Wegwijs.", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
