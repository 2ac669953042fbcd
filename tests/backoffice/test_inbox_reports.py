"""Consultant inbox: the appointments calendar per werkwinkel (a week of booked appointments) and the
overview with its server-drawn charts, under the permission rules.

Accounts here hash with a cheap argon2 setting (the sign-in rules are tested in test_inbox.py).
"""

from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.accounts.models import AuditEvent
from backoffice.appointments import service as appointments
from backoffice.clock import Clock
from backoffice.handoffs import service as handoffs
from backoffice.inbox import reports
from backoffice.jobseekers.models import Jobseeker
from tests.backoffice import test_inbox_work as work
from tests.backoffice.conftest import FixedClock
from tests.backoffice.test_inbox import ANTWERP, GHENT, office

# The fixtures of the inbox tests, and the cheap argon2 setting.
inbox, inbox_settings, make_account, make_handoff, as_role, cheap_argon2 = (
    work.inbox,
    work.inbox_settings,
    work.make_account,
    work.make_handoff,
    work.as_role,
    work.cheap_argon2,
)


def audited(session: Session, action: str) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


# --- the calendar ---


def test_calendar_and_overview_need_a_sign_in(inbox: TestClient) -> None:
    for path in ("/inbox/agenda", "/inbox/overzicht"):
        answer = inbox.get(path, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/inbox/login"), path


def test_calendar_is_for_consultants_and_the_servicelijn_the_overview_for_servicelijn_and_admin(
    inbox: TestClient, as_role
) -> None:
    for role, calendar, overview in (("complaint_handler", 403, 403), ("admin", 403, 200), ("servicelijn", 200, 200)):
        inbox.cookies.clear()
        as_role(role)
        assert inbox.get("/inbox/agenda").status_code == calendar, role
        assert inbox.get("/inbox/overzicht").status_code == overview, role


def test_a_consultant_sees_the_calendar_of_their_own_werkwinkel(
    inbox: TestClient, as_role, session: Session, test_clock: FixedClock
) -> None:
    gent = office(session, "Werkwinkel Gent")
    jobseeker = session.scalars(select(Jobseeker).where(Jobseeker.office_id == gent.id).limit(1)).one()
    _, free = appointments.slot_offer(
        session=session, jobseeker_id=jobseeker.id, office_id=None, limit=1, clock=test_clock.clock
    )
    booked = appointments.book(
        session=session, jobseeker_id=jobseeker.id, slot_id=free[0].slot_id, channel="web", reason="x",
        clock=test_clock.clock,
    )  # fmt: skip
    assert booked.office_id == gent.id
    as_role("consultant", "Werkwinkel Gent")
    week = reports.local_day(booked.starts_at).isoformat()
    page = inbox.get(f"/inbox/agenda?week={week}")
    assert page.status_code == 200 and "Agenda van Werkwinkel Gent" in page.text
    assert booked.reference in page.text and f"/inbox/dossiers/{jobseeker.id}" in page.text
    assert 'id="agenda-werkwinkel"' not in page.text  # no choice of werkwinkel
    assert inbox.get(f"/inbox/agenda?werkwinkel={gent.id}").status_code == 200
    antwerp = office(session, "Werkwinkel Antwerpen")
    assert inbox.get(f"/inbox/agenda?werkwinkel={antwerp.id}").status_code == 403
    assert audited(session, "view_calendar")
    # Another week: not there.
    later = (reports.local_day(booked.starts_at) + timedelta(days=7)).isoformat()
    assert booked.reference not in inbox.get(f"/inbox/agenda?week={later}").text


def test_the_servicelijn_picks_a_werkwinkel_in_the_calendar(inbox: TestClient, as_role, session: Session) -> None:
    antwerp = office(session, "Werkwinkel Antwerpen")
    as_role("servicelijn")
    page = inbox.get(f"/inbox/agenda?werkwinkel={antwerp.id}&week=2026-11-30")
    assert page.status_code == 200 and "Agenda van Werkwinkel Antwerpen" in page.text
    assert 'id="agenda-werkwinkel"' in page.text
    assert "maandag 30 november 2026 tot vrijdag 4 december 2026" in page.text
    assert inbox.get("/inbox/agenda").status_code == 200
    assert inbox.get("/inbox/agenda?werkwinkel=999999").status_code == 404
    assert inbox.get("/inbox/agenda?week=geen-datum").status_code == 422


def test_the_calendar_week_marks_public_holidays(session: Session) -> None:
    gent = office(session, "Werkwinkel Gent")
    shown = reports.week_of(session=session, office=gent, day=date(2026, 12, 24))  # Christmas on Friday
    assert shown.monday == date(2026, 12, 21) and shown.holidays == {date(2026, 12, 25)}


# --- the overview ---


def test_the_overview_counts_per_day_region_and_reason_with_the_median_wait(
    session: Session, make_handoff, make_account, test_clock: FixedClock
) -> None:
    consultant = make_account("consultant", "Werkwinkel Gent")
    start = test_clock.clock
    taken = []
    for minutes_later, province in ((4, GHENT), (10, GHENT), (30, ANTWERP)):
        handoff = make_handoff(province)
        test_clock.clock = Clock.at(start.now + timedelta(minutes=minutes_later))
        handoffs.claim(session=session, handoff=handoff, consultant_id=consultant.consultant_id, clock=test_clock.clock)
        session.commit()
        test_clock.clock = start
        taken.append(handoff)
    make_handoff(None)  # still waiting, region unknown
    data = reports.overview(session=session, clock=start, days=7, reason_labels={})
    today = start.today
    assert data.per_day[today][GHENT] >= 2 and data.per_day[today][ANTWERP] >= 1
    assert data.per_day[today][reports.UNKNOWN_REGION] >= 1
    assert data.regions[-1] == reports.UNKNOWN_REGION
    assert dict(data.reasons)["requested"] >= 4
    assert data.total == 4  # the demo data has no handoffs: only this test's
    assert data.waits[today] == 10 and data.median_wait == 10 and data.accepted == 3
    assert len(data.days) == 7 and data.days[-1] == today
    assert len(data.per_day_chart.bars) >= 3 and all(bar.height > 0 for bar in data.per_day_chart.bars)


def test_the_overview_page_draws_svg_charts_with_tables_and_no_script(inbox: TestClient, as_role, make_handoff) -> None:
    make_handoff(GHENT)
    as_role("servicelijn")
    page = inbox.get("/inbox/overzicht?dagen=7")
    assert page.status_code == 200
    html = page.text
    assert html.count('<svg class="chart"') == 3 and 'role="img"' in html
    assert html.count("<table") == 3 and "Mediaan wachttijd" in html
    assert "<script>" not in html and "style=" not in html  # the CSP allows neither
    assert inbox.get("/inbox/overzicht?dagen=0").status_code == 422
    inbox.cookies.clear()
    as_role("consultant", "Werkwinkel Gent")
    assert inbox.get("/inbox/overzicht").status_code == 403
