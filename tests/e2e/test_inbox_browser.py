"""The consultant inbox in a real browser (Debian's Chromium driven by Playwright) against the stack:
sign in, see a handoff arrive live while a jobseeker chats over the REST channel, claim it, reply
(the reply reaches the jobseeker's Rasa conversation), hand back, and the bot answers again.
axe-core (vendored in tests/e2e/vendor/, injected as an init script, never downloaded) checks every
inbox page: no serious or critical violation.
"""

import subprocess
import uuid
from pathlib import Path

import httpx
import pytest

from tests.e2e.stack import BACKOFFICE_BIN, REPO_ROOT, Stack
from tests.e2e.test_assignments import backoffice
from tests.e2e.test_conversation import demo_login, say
from tests.e2e.test_handoff import bot_texts, within

sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -r requirements/browser.txt")
expect = sync_api.expect

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
PASSWORD = "inbox browser test password"  # noqa: S105 - a throwaway account in the test stack
TIMEOUT_MS = 30_000
LIVE_MS = 5_000  # the SSE stream polls every 0.5 s
INJECTION = '<img src=x onerror="window.__pwned=1">'


def save_account(stack: Stack, *, email: str, role: str, office_id: int | None = None) -> None:
    """Through the account CLI, as an administrator would, in the stack's database."""
    command = [str(BACKOFFICE_BIN / "python"), "-m", "backoffice.accounts", "save", "--email", email]
    command += ["--name", f"Test {role.title()}", "--role", role]
    if office_id is not None:
        command += ["--office-id", str(office_id)]
    env = {**stack.environment(), "INBOX_ACCOUNT_PASSWORD": PASSWORD}
    subprocess.run(command, cwd=REPO_ROOT, env=env, check=True, capture_output=True, timeout=120)


@pytest.fixture
def inbox_page(chromium, stack: Stack):
    context = chromium.new_context(
        base_url=stack.backoffice_url, locale="nl-BE", viewport={"width": 1280, "height": 1000}
    )
    context.set_default_timeout(TIMEOUT_MS)
    # An init script is not subject to the page's content security policy (script-src 'self').
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    script_errors: list[str] = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    yield page
    context.close()
    assert not script_errors, f"script errors on inbox pages: {script_errors}"


def check_accessibility(page, name: str) -> None:
    violations = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                targets: v.nodes.map(n => n.target.join(" ")).slice(0, 3)}));
        }"""
    )
    serious = [item for item in violations if item["impact"] in ("serious", "critical")]
    assert serious == [], f"axe on {name}: {serious}"


def sign_in(page, email: str) -> None:
    page.goto("/inbox")
    assert "/inbox/login" in page.url
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    check_accessibility(page, "sign-in")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Wachtwoord").press("Enter")
    expect(page.get_by_role("button", name="Afmelden")).to_be_visible()


def sign_out(page) -> None:
    page.get_by_role("button", name="Afmelden").click()
    expect(page.get_by_role("heading", name="Aanmelden bij de inbox")).to_be_visible()


def test_a_consultant_handles_a_live_handoff_in_the_inbox(inbox_page, stack: Stack, rest: httpx.Client) -> None:
    page = inbox_page
    login = demo_login(stack, index=5)
    with backoffice(stack) as api:
        office_id = api.get(f"/jobseekers/{login['jobseeker_id']}").json()["office_id"]
    email = f"bemiddelaar-{uuid.uuid4().hex[:8]}@test.invalid"
    save_account(stack, email=email, role="consultant", office_id=office_id)

    sign_in(page, email)
    expect(page.get_by_role("heading", name="Wachtrij", exact=False)).to_be_visible()
    check_accessibility(page, "queue")
    page.evaluate("() => { window.__sameDocument = true; }")

    # The jobseeker asks for a person over REST; the row arrives without a reload.
    sender = f"rest-{uuid.uuid4().hex}"
    say(rest, sender, "hallo", metadata={"identity_token": login["identity_token"]})
    answer = say(rest, sender, "Ik wil iemand spreken")
    assert answer[0] == "Ik zoek een medewerker voor je.", answer
    with backoffice(stack) as api:
        handoff = api.get(f"/handoffs/by-conversation/{sender}").json()
    row = page.locator(f'tr[data-handoff-id="{handoff["id"]}"]')
    expect(row).to_be_visible(timeout=LIVE_MS)
    assert page.evaluate("() => window.__sameDocument === true"), "the queue reloaded instead of updating live"
    expect(page.get_by_role("status")).to_contain_text("Nieuw in de wachtrij")

    # Keyboard: focus the link and press Enter.
    link = row.get_by_role("link")
    link.focus()
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    link.press("Enter")
    expect(page.get_by_role("heading", name="Samenvatting")).to_be_visible()
    check_accessibility(page, "conversation (waiting)")

    page.get_by_role("button", name="Gesprek overnemen").click()
    expect(page.get_by_label("Je antwoord aan de werkzoekende")).to_be_visible()
    within(5, lambda: any("Je praat nu met" in text for text in bot_texts(rest, stack, sender)))
    check_accessibility(page, "conversation (accepted)")

    # The jobseeker writes: it appears live; markup stays text.
    assert say(rest, sender, "Hallo, ik heb een vraag over mijn cv") == []
    messages = page.get_by_role("log")
    expect(messages).to_contain_text("Hallo, ik heb een vraag over mijn cv", timeout=LIVE_MS)
    say(rest, sender, INJECTION)
    expect(messages).to_contain_text(INJECTION, timeout=LIVE_MS)
    assert page.evaluate("() => window.__pwned") is None
    assert messages.locator("img").count() == 0

    # The reply reaches the jobseeker's conversation.
    page.get_by_label("Je antwoord aan de werkzoekende").fill("Dag! Stuur me je cv gerust door.")
    page.get_by_role("button", name="Verstuur").click()
    expect(messages).to_contain_text("Dag! Stuur me je cv gerust door.")
    within(5, lambda: "Dag! Stuur me je cv gerust door." in bot_texts(rest, stack, sender))

    # The dossier, in its own page.
    page.get_by_role("link", name="Volledig dossier openen").click()
    expect(page.get_by_role("heading", name="Opdrachten", exact=True)).to_be_visible()
    check_accessibility(page, "dossier")
    page.go_back()

    # Hand back: the bot takes over again and answers.
    page.get_by_role("button", name="Teruggeven aan de bot").click()
    expect(page.get_by_text("Dit gesprek is afgelopen")).to_be_visible()
    within(10, lambda: any("Ik ben er weer voor je" in text for text in bot_texts(rest, stack, sender)))
    assert any("Graag gedaan" in text for text in say(rest, sender, "merci"))
    check_accessibility(page, "conversation (closed)")
    sign_out(page)


def test_every_other_inbox_page_passes_axe(inbox_page, stack: Stack) -> None:
    page = inbox_page
    servicelijn = f"servicelijn-{uuid.uuid4().hex[:8]}@test.invalid"
    admin = f"beheer-{uuid.uuid4().hex[:8]}@test.invalid"
    save_account(stack, email=servicelijn, role="servicelijn")
    save_account(stack, email=admin, role="admin")

    sign_in(page, servicelijn)
    check_accessibility(page, "queue (Servicelijn)")
    page.goto("/inbox/audit")
    expect(page.get_by_role("heading", name="Auditlog")).to_be_visible()
    check_accessibility(page, "audit log")
    page.goto("/inbox/accounts")
    expect(page.get_by_role("heading", name="Dat lukte niet")).to_be_visible()  # 403 for the Servicelijn
    check_accessibility(page, "error page")
    page.get_by_role("link", name="Terug naar de inbox").click()
    sign_out(page)

    sign_in(page, admin)
    expect(page.get_by_role("heading", name="Accounts")).to_be_visible()
    check_accessibility(page, "accounts")
    page.goto("/inbox/complaints")
    check_accessibility(page, "complaints")
    sign_out(page)


def test_a_consultant_works_on_a_dossier_by_keyboard_and_the_new_pages_pass_axe(inbox_page, stack: Stack) -> None:
    """Book an appointment, recommend a vacancy and decide on a proposal with the keyboard only;
    axe on the dossier with its forms, the confirmation, the calendar and the overview."""
    page = inbox_page
    login = demo_login(stack, index=7)
    jobseeker_id = login["jobseeker_id"]
    with backoffice(stack) as api:
        office_id = api.get(f"/jobseekers/{jobseeker_id}").json()["office_id"]
        api.post(f"/jobseekers/{jobseeker_id}/proposals/refresh")
        vacancy_id = api.get("/vacancies/search", params={"page_size": 1}).json()["results"][0]["id"]
    email = f"bemiddelaar-{uuid.uuid4().hex[:8]}@test.invalid"
    save_account(stack, email=email, role="consultant", office_id=office_id)
    sign_in(page, email)

    page.goto(f"/inbox/dossiers/{jobseeker_id}")
    expect(page.get_by_role("heading", name="Acties voor de werkzoekende")).to_be_visible()
    check_accessibility(page, "dossier with its forms")

    # Book: focus the first moment, choose it with Space, fill the reason, submit with Enter.
    first = page.get_by_role("radio").first
    first.focus()
    first.press("Space")
    expect(first).to_be_checked()
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.id")
    assert focused == "werk-reden", f"Tab after the moments lands on {focused}"
    page.keyboard.press("Control+A")
    page.keyboard.type("Samen je cv bekijken")
    page.keyboard.press("Enter")
    notice = page.get_by_role("status").filter(has_text="Afspraak gemaakt")
    expect(notice).to_be_visible()
    check_accessibility(page, "dossier after booking")

    # Recommend a vacancy by its number.
    field = page.get_by_label("Vacaturenummer")
    field.focus()
    page.keyboard.type(str(vacancy_id))
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Vacature aangeraden")).to_be_visible()

    # Reject the first open proposal, if the rule set made one for this dossier.
    reasons = page.get_by_label("Waarom weiger je?")
    if reasons.count():
        reasons.first.focus()
        page.keyboard.type("Volgt dit al bij een partner")
        page.keyboard.press("Enter")
        expect(page.get_by_role("status").filter(has_text="Voorstel geweigerd")).to_be_visible()

    # The calendar of the own werkwinkel shows the booking; reached from the menu by keyboard.
    menu_link = page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Agenda")
    menu_link.focus()
    menu_link.press("Enter")
    expect(page.get_by_role("heading", name="Agenda van", exact=False)).to_be_visible()
    check_accessibility(page, "calendar (consultant)")
    for _ in range(5):  # the booking lies within four weeks from tomorrow
        if page.get_by_text("Samen je cv bekijken").count() or page.locator("td .booking").count():
            break
        page.get_by_role("link", name="Volgende week").press("Enter")
        page.wait_for_load_state()
    expect(page.locator("td .booking").first).to_be_visible()
    sign_out(page)

    servicelijn = f"servicelijn-{uuid.uuid4().hex[:8]}@test.invalid"
    save_account(stack, email=servicelijn, role="servicelijn")
    sign_in(page, servicelijn)
    page.goto("/inbox/agenda")
    page.get_by_label("Werkwinkel", exact=True).select_option(str(office_id))
    page.get_by_role("button", name="Toon").press("Enter")
    expect(page.get_by_role("heading", name="Agenda van", exact=False)).to_be_visible()
    check_accessibility(page, "calendar (Servicelijn)")
    page.goto("/inbox/overzicht")
    expect(page.get_by_role("heading", name="Gesprekken per dag en per regio")).to_be_visible()
    expect(page.get_by_role("img", name="Gesprekken per dag en per regio", exact=False)).to_be_visible()
    check_accessibility(page, "overview")
    sign_out(page)
