"""The appointments calendar of a werkwinkel (one week; a consultant sees their own werkwinkel, the
Servicelijn picks one) and the overview with its charts (the Servicelijn and admins; counts only).

The charts are drawn here as numbers for an inline SVG (the template writes the elements; no
script, no chart library) and always come with the same figures as a table for screen readers.
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.accounts import permissions
from backoffice.accounts import service as accounts
from backoffice.appointments.calendar import is_working_day
from backoffice.appointments.models import Appointment
from backoffice.clock import Clock, brussels
from backoffice.handoffs.models import Handoff
from backoffice.inbox import views
from backoffice.inbox.deps import ClockDep, PageUser, SessionDep
from backoffice.inbox.pages import error_page, render
from backoffice.jobseekers.models import Jobseeker
from backoffice.offices.models import Office
from backoffice.offices.service import list_offices

router = APIRouter(include_in_schema=False)
OVERVIEW_DAYS = (7, 14, 28)

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
UNKNOWN_REGION = "Onbekend"
# Dark enough for 3:1 against white (WCAG 1.4.11); the table says the same without colour.
PALETTE = ("#0b4f8a", "#b35900", "#2d6a30", "#7a1f7a", "#a4001d", "#005f73", "#4a4a4a", "#6b5300")


def utc(day: date, at: time = time(0)) -> datetime:
    """Midnight (or another wall time) in Brussels as naive UTC, as the columns store it."""
    return datetime.combine(day, at, tzinfo=brussels()).astimezone(UTC).replace(tzinfo=None)


def local_day(moment: datetime) -> date:
    return moment.replace(tzinfo=UTC).astimezone(brussels()).date()


def short_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def long_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


# --- the calendar ---


@dataclass
class Entry:
    appointment: Appointment
    name: str
    jobseeker: Jobseeker


@dataclass
class Week:
    office: Office
    monday: date
    days: list[date]
    holidays: set[date]
    rows: list[tuple[str, list[list[Entry]]]]  # one row per start time: the entries of each day
    count: int

    @property
    def previous(self) -> date:
        return self.monday - timedelta(days=7)

    @property
    def next(self) -> date:
        return self.monday + timedelta(days=7)

    @property
    def title(self) -> str:
        return f"{long_date(self.days[0])} tot {long_date(self.days[-1])}"


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_of(*, session: Session, office: Office, day: date) -> Week:
    """The booked appointments of an office from Monday to Friday of the week of `day`."""
    monday = monday_of(day)
    days = [monday + timedelta(days=offset) for offset in range(5)]
    query = (
        select(Appointment, Jobseeker)
        .join(Jobseeker, Jobseeker.id == Appointment.jobseeker_id)
        .where(
            Appointment.office_id == office.id,
            Appointment.status == "booked",
            Appointment.starts_at >= utc(monday),
            Appointment.starts_at < utc(monday + timedelta(days=7)),
        )
        .order_by(Appointment.starts_at, Appointment.consultant_id)
    )
    cells: dict[str, dict[date, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    count = 0
    for appointment, jobseeker in session.execute(query):
        start = appointment.starts_at.replace(tzinfo=UTC).astimezone(brussels())
        name = f"{jobseeker.first_name} {jobseeker.last_name}"
        cells[f"{start:%H:%M}"][start.date()].append(Entry(appointment=appointment, name=name, jobseeker=jobseeker))
        count += 1
    rows = [(at, [cells[at].get(one, []) for one in days]) for at in sorted(cells)]
    return Week(
        office=office,
        monday=monday,
        days=days,
        holidays={one for one in days if not is_working_day(one)},
        rows=rows,
        count=count,
    )


# --- the overview ---


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    fill: str
    label: str  # read by the <title> of the shape


@dataclass
class Chart:
    """One bar chart as SVG numbers: bars, axis ticks, x labels."""

    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)  # y, label
    labels: list[tuple[float, float, str]] = field(default_factory=list)  # x, y, text
    values: list[tuple[float, float, str]] = field(default_factory=list)  # x, y, text above or beside bars
    plot_left: int = 0
    plot_bottom: int = 0
    plot_right: int = 0


@dataclass
class Overview:
    days: list[date]
    regions: list[str]
    colours: dict[str, str]
    per_day: dict[date, Counter]  # day -> region -> count
    reasons: list[tuple[str, int]]  # reason code, count, most first
    waits: dict[date, float | None]  # day -> median minutes until a consultant took it
    median_wait: float | None
    total: int
    accepted: int
    timed_out: int
    per_day_chart: Chart
    reasons_chart: Chart
    wait_chart: Chart

    def day_total(self, day: date) -> int:
        return sum(self.per_day[day].values())


def _nice_max(value: float) -> float:
    """A round top for an axis: 1, 2, 5 or 10 times a power of ten, at least 1."""
    if value <= 1:
        return 1
    power = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def _column_chart(
    days: list[date], stacks: list[list[tuple[float, str, str]]], *, unit: str, width: int = 760, height: int = 280
) -> Chart:
    """Columns per day; each column a stack of (value, colour, label) from the bottom up."""
    left, right, top, bottom = 48, 12, 16, 44
    chart = Chart(width=width, height=height, plot_left=left, plot_bottom=height - bottom, plot_right=width - right)
    plot_height = height - top - bottom
    top_value = _nice_max(max((sum(value for value, _, _ in stack) for stack in stacks), default=0))
    for step in range(5):
        value = top_value * step / 4
        chart.ticks.append((height - bottom - plot_height * step / 4, _number(value)))
    slot = (width - left - right) / max(1, len(days))
    bar_width = max(4.0, slot * 0.6)
    every = max(1, round(len(days) / 10))  # at most about ten date labels
    for index, (day, stack) in enumerate(zip(days, stacks, strict=True)):
        x = left + slot * index + (slot - bar_width) / 2
        base = height - bottom
        for value, colour, label in stack:
            if value <= 0:
                continue
            bar_height = plot_height * value / top_value
            base -= bar_height
            chart.bars.append(
                Bar(x, base, bar_width, bar_height, colour, f"{short_date(day)}, {label}: {_number(value)} {unit}")
            )
        if index % every == 0:
            chart.labels.append((x + bar_width / 2, height - bottom + 18, short_date(day)))
    return chart


def _row_chart(items: list[tuple[str, int]], *, width: int = 760) -> Chart:
    """Horizontal bars, one per item, the value beside the bar."""
    left, right, row = 260, 60, 34
    height = max(1, len(items)) * row + 8
    chart = Chart(width=width, height=height, plot_left=left, plot_right=width - right)
    top_value = max((value for _, value in items), default=0) or 1
    for index, (label, value) in enumerate(items):
        y = 4 + index * row
        bar_width = (width - left - right) * value / top_value
        chart.bars.append(Bar(left, y + 6, bar_width, row - 14, PALETTE[0], f"{label}: {value}"))
        chart.labels.append((left - 8, y + row / 2 + 5, label))
        chart.values.append((left + bar_width + 6, y + row / 2 + 5, str(value)))
    return chart


def overview(*, session: Session, clock: Clock, days: int, reason_labels: dict[str, str]) -> Overview:
    """Handoffs that started in the last `days` days (today included), by local day."""
    first = clock.today - timedelta(days=days - 1)
    all_days = [first + timedelta(days=offset) for offset in range(days)]
    query = select(Handoff.created_at, Handoff.accepted_at, Handoff.province, Handoff.reason, Handoff.state).where(
        Handoff.created_at >= utc(first)
    )
    per_day: dict[date, Counter] = {day: Counter() for day in all_days}
    reasons: Counter = Counter()
    waits: dict[date, list[float]] = defaultdict(list)
    total = timed_out = 0
    for created_at, accepted_at, province, reason, state in session.execute(query):
        day = local_day(created_at)
        if day not in per_day:
            continue
        total += 1
        per_day[day][province or UNKNOWN_REGION] += 1
        reasons[reason] += 1
        timed_out += state == "timed_out"
        if accepted_at is not None:
            waits[day].append((accepted_at - created_at).total_seconds() / 60)
    regions = sorted(
        {region for counts in per_day.values() for region in counts}, key=lambda r: (r == UNKNOWN_REGION, r)
    )
    colours = {region: PALETTE[index % len(PALETTE)] for index, region in enumerate(regions)}
    day_medians = {day: statistics.median(waits[day]) if waits[day] else None for day in all_days}
    every_wait = [minutes for day in all_days for minutes in waits[day]]
    ranked = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
    return Overview(
        days=all_days,
        regions=regions,
        colours=colours,
        per_day=per_day,
        reasons=ranked,
        waits=day_medians,
        median_wait=statistics.median(every_wait) if every_wait else None,
        total=total,
        accepted=len(every_wait),
        timed_out=timed_out,
        per_day_chart=_column_chart(
            all_days,
            [[(per_day[day][region], colours[region], region) for region in regions] for day in all_days],
            unit="gesprekken",
        ),
        reasons_chart=_row_chart([(reason_labels.get(code, code), count) for code, count in ranked]),
        wait_chart=_column_chart(
            all_days,
            [[(day_medians[day] or 0, PALETTE[5], "mediaan")] for day in all_days],
            unit="minuten",
        ),
    )


def minutes(value: float | None) -> str:
    return "–" if value is None else f"{_number(round(value, 1))} min"


# --- the appointments calendar ---


def _werkwinkels(session: Session) -> list[Office]:
    return [office for office in list_offices(session=session) if office.kind == "werkwinkel"]


@router.get("/agenda", response_class=HTMLResponse)
def calendar_page(
    request: Request,
    user: PageUser,
    session: SessionDep,
    clock: ClockDep,
    werkwinkel: Annotated[int | None, Query(gt=0, le=2**31 - 1)] = None,
    week: Annotated[date | None, Query()] = None,
):
    """A week of booked appointments: a consultant's own werkwinkel; the Servicelijn picks one."""
    permissions.require(permissions.handles_handoffs(user.account))
    choices = _werkwinkels(session)
    if user.account.role == "consultant":
        permissions.require(user.account.office_id is not None)
        permissions.require(werkwinkel is None or werkwinkel == user.account.office_id)
        office = session.get(Office, user.account.office_id)
    else:
        office = next((item for item in choices if item.id == werkwinkel), None) if werkwinkel else None
        if werkwinkel is not None and office is None:
            return error_page(request, user, 404, "Deze werkwinkel bestaat niet.")
        office = office or (choices[0] if choices else None)
    if office is None:
        return error_page(request, user, 404, "Er is geen werkwinkel.")
    shown = week_of(session=session, office=office, day=week or clock.today)
    accounts.audit(session=session, account=user.account, action="view_calendar", clock=clock)
    session.commit()
    return render(
        request,
        "calendar.html",
        user,
        week=shown,
        choices=choices if user.account.role != "consultant" else [],
        this_week=monday_of(clock.today),
        long_date=long_date,
        can_open=lambda jobseeker: permissions.can_see_dossier(user.account, jobseeker),
    )


# --- the overview ---


@router.get("/overzicht", response_class=HTMLResponse)
def overview_page(
    request: Request,
    user: PageUser,
    session: SessionDep,
    clock: ClockDep,
    dagen: Annotated[int, Query(ge=1, le=90)] = 14,
):
    """Handoffs per day and region, reasons and the median wait; counts only, no names."""
    permissions.require(permissions.can_see_reports(user.account))
    data = overview(session=session, clock=clock, days=dagen, reason_labels=views.REASONS)
    return render(
        request,
        "overview.html",
        user,
        data=data,
        dagen=dagen,
        day_choices=OVERVIEW_DAYS,
        short_date=short_date,
        minutes=minutes,
    )
