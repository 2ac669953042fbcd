"""The chat widget in a real browser (Debian's Chromium driven by Playwright) against the stack.

The ``stack`` fixture (tests/e2e/conftest.py) runs the backoffice, the Rasa server and the
action server. Playwright's own browser downloads are never used: Chromium comes from the
system package (``apt-get install chromium``).
"""

import re

import httpx
import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -r requirements/browser.txt")
expect = sync_api.expect

BOT_TIMEOUT_MS = 30_000  # the first answers of a freshly loaded model can be slow
HUMAN_LABEL = "Praten met een medewerker"
INJECTION = '<img src=x onerror="window.__pwned=1">'


@pytest.fixture
def widget(chromium, stack):
    """A fresh browser context (empty storage) with the widget page open and connected."""
    context = chromium.new_context(
        base_url=stack.backoffice_url, locale="nl-BE", viewport={"width": 1024, "height": 900}
    )
    context.set_default_timeout(BOT_TIMEOUT_MS)
    page = context.new_page()
    script_errors: list[str] = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    open_widget(page)
    yield page
    context.close()
    assert not script_errors, f"script errors on the widget page: {script_errors}"


def open_widget(page) -> None:
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    wait_until_connected(page)


def wait_until_connected(page) -> None:
    expect(page.locator("#wegwijs")).to_have_attribute("data-connection", "ready", timeout=BOT_TIMEOUT_MS)


def transcript(page):
    return page.get_by_role("log")


def bot_texts(page):
    return transcript(page).locator(".msg--bot .msg__text")


def user_texts(page):
    return transcript(page).locator(".msg--user .msg__text")


def session_id(page) -> str | None:
    return page.evaluate("() => window.localStorage.getItem('wegwijs.session_id')")


def send(page, text: str) -> None:
    """Types a message and presses Enter, as a person would."""
    box = page.get_by_label("Typ je bericht")
    box.fill(text)
    box.press("Enter")
    expect(box).to_have_value("")


def wait_for_new_bot_message(page, already: int):
    """Waits until the bot said something after the first ``already`` messages; returns it."""
    message = bot_texts(page).nth(already)
    message.wait_for(state="visible", timeout=BOT_TIMEOUT_MS)
    return message


def demo_login(page) -> str:
    """Signs in as the first demo jobseeker; returns the first name the page shows."""
    select = page.get_by_label("Kies een demo-werkzoekende (verzonnen persoon)")
    expect(select.locator("option[value]:not([value=''])").first).to_be_attached()
    first_id = select.locator("option[value]:not([value=''])").first.get_attribute("value")
    select.select_option(first_id)
    with page.expect_response("**/api/v1/widget/demo-login") as login:
        page.get_by_role("button", name="Aanmelden").click()
    assert login.value.ok, login.value.status
    answer = login.value.json()
    shown = page.locator("#demo-user-name")
    expect(shown).to_have_text(answer["first_name"])
    expect(page.get_by_text(f"Aangemeld als {answer['first_name']}")).to_be_visible()
    token = page.evaluate("() => JSON.parse(sessionStorage.getItem('wegwijs.identity')).identity_token")
    assert token == answer["identity_token"]
    wait_until_connected(page)
    return shown.inner_text()


def test_demo_login_then_hallo_gets_a_personal_greeting(widget):
    page = widget
    anonymous_session = session_id(page)

    first_name = demo_login(page)
    assert first_name

    send(page, "hallo")
    expect(user_texts(page).last).to_have_text("hallo")
    greeting = bot_texts(page).filter(has_text=re.compile(rf"^Dag {re.escape(first_name)}(?=[\s!,.]|$)"))
    expect(greeting.first).to_be_visible(timeout=BOT_TIMEOUT_MS)
    # Signing in started a fresh conversation.
    assert session_id(page) and session_id(page) != anonymous_session
    # The bot's words are marked for screen readers.
    expect(transcript(page).locator(".msg--bot").first).to_contain_text("Wegwijs zegt:")
    expect(transcript(page).locator(".msg--user").first).to_contain_text("Jij zegt:")


def test_request_human_by_keyboard_only(widget):
    page = widget
    human = page.get_by_role("button", name=HUMAN_LABEL)
    expect(human).to_be_visible()

    page.locator("body").focus()
    for _ in range(25):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "human-button":
            break
    else:
        pytest.fail("the 'Praten met een medewerker' button cannot be reached with Tab")
    expect(human).to_be_focused()
    outline = human.evaluate("(el) => getComputedStyle(el).outlineStyle")
    assert outline not in ("", "none"), "the focused button shows no focus outline"

    page.keyboard.press("Enter")
    expect(user_texts(page).last).to_have_text(HUMAN_LABEL)
    expect(bot_texts(page).filter(has_text="Ik zoek een medewerker voor je.").first).to_be_visible()
    # Stopping the wait is one button away too.
    stop = page.get_by_role("button", name="Stop met wachten")
    expect(stop).to_be_visible()
    stop.click()
    expect(bot_texts(page).filter(has_text="Je wacht niet meer").first).to_be_visible()


def test_a_consultants_reply_reaches_the_widget_and_the_bot_comes_back(widget, stack):
    page = widget
    demo_login(page)
    send(page, "Ik wil met een medewerker praten")
    expect(bot_texts(page).filter(has_text="Ik zoek een medewerker voor je.").first).to_be_visible()
    api = httpx.Client(
        base_url=f"{stack.backoffice_url}/api/v1", headers={"Authorization": f"Bearer {stack.api_token}"}, timeout=10
    )
    with api:
        handoff = api.get(f"/handoffs/by-conversation/{session_id(page)}").json()
        assert api.post(f"/handoffs/{handoff['id']}/claim", json={"consultant_id": 1}).status_code == 200
        expect(bot_texts(page).filter(has_text="Je praat nu met").first).to_be_visible(timeout=2_000)
        reply = api.post(
            f"/handoffs/{handoff['id']}/messages", json={"consultant_id": 1, "text": "Dag, ik help je verder."}
        )
        assert reply.status_code == 201, reply.text
        # Pushed over the widget's own socket.io connection within two seconds.
        expect(bot_texts(page).filter(has_text="Dag, ik help je verder.").first).to_be_visible(timeout=2_000)
        assert api.post(f"/handoffs/{handoff['id']}/hand-back", json={"consultant_id": 1}).status_code == 200
        expect(bot_texts(page).filter(has_text="Ik ben er weer voor je.").first).to_be_visible()


def test_html_in_a_message_is_shown_as_text(widget):
    page = widget
    send(page, INJECTION)
    wait_for_new_bot_message(page, 0)  # the round trip is complete: whatever came back is shown

    expect(user_texts(page).first).to_have_text(INJECTION)
    assert transcript(page).locator("img").count() == 0
    assert page.evaluate("() => typeof window.__pwned") == "undefined"

    # Re-rendering the stored transcript after a reload must be just as safe.
    page.reload()
    wait_until_connected(page)
    expect(user_texts(page).first).to_have_text(INJECTION)
    assert transcript(page).locator("img").count() == 0
    assert page.evaluate("() => typeof window.__pwned") == "undefined"


def test_reload_keeps_the_conversation(widget):
    page = widget
    send(page, "hallo")
    wait_for_new_bot_message(page, 0)
    before_id = session_id(page)
    assert before_id
    messages_before = transcript(page).locator(".msg__text").all_inner_texts()

    page.reload()
    wait_until_connected(page)

    assert session_id(page) == before_id
    # The stored transcript is drawn on load. A late extra bot message may follow, never fewer.
    messages_after = transcript(page).locator(".msg__text").all_inner_texts()
    assert messages_after[: len(messages_before)] == messages_before
    bots_before = bot_texts(page).count()

    send(page, "wat kan je allemaal")
    wait_for_new_bot_message(page, bots_before)
    assert session_id(page) == before_id
    expect(user_texts(page).last).to_have_text("wat kan je allemaal")


def test_bot_buttons_are_real_buttons(widget):
    page = widget
    demo_login(page)
    send(page, "wat kan je allemaal")
    choice = transcript(page).get_by_role("button", name=HUMAN_LABEL)
    expect(choice).to_be_visible(timeout=BOT_TIMEOUT_MS)
    assert choice.evaluate("(el) => el.tagName") == "BUTTON"
    choice.click()

    expect(user_texts(page).last).to_have_text(HUMAN_LABEL)  # the title, not "/request_human"
    expect(choice).to_be_disabled()
    expect(bot_texts(page).filter(has_text="Ik zoek een medewerker voor je.").first).to_be_visible()
    assert "/request_human" not in transcript(page).inner_text()


def test_demo_jobseeker_walks_through_an_assignment_to_done(widget):
    page = widget
    demo_login(page)
    send(page, "Welke opdrachten moet ik nog doen?")
    expect(bot_texts(page).filter(has_text="Je hebt nog").first).to_be_visible(timeout=BOT_TIMEOUT_MS)

    start = transcript(page).get_by_role("button", name="Ja", exact=True).last
    start.click()
    done = bot_texts(page).filter(has_text=re.compile(r"is klaar\.$"))
    step_ok = transcript(page).locator("button:not([disabled])", has_text="Ja, dat lukt")
    for _ in range(8):
        expect(step_ok.or_(done)).not_to_have_count(0, timeout=BOT_TIMEOUT_MS)
        if done.count():
            break
        step_ok.last.click()
    expect(done.first).to_be_visible()
    expect(bot_texts(page).filter(has_text="Goed gedaan!").first).to_be_visible()


def test_demo_jobseeker_searches_saves_gets_suggestions_and_logs_an_application(widget):
    page = widget
    demo_login(page)
    send(page, "Ik zoek werk als magazijnier in Gent")
    expect(bot_texts(page).filter(has_text="Ik vond").first).to_be_visible(timeout=BOT_TIMEOUT_MS)

    transcript(page).get_by_role("button", name="Bewaar nummer 1").first.click()
    expect(bot_texts(page).filter(has_text="Bewaard!").first).to_be_visible(timeout=BOT_TIMEOUT_MS)

    send(page, "Heb je jobs voor mij?")
    expect(bot_texts(page).filter(has_text="Waarom:").first).to_be_visible(timeout=BOT_TIMEOUT_MS)

    send(page, "Ik heb gesolliciteerd bij Bakkerij Peeters")
    expect(bot_texts(page).filter(has_text="Hoe heb je gesolliciteerd?").first).to_be_visible(timeout=BOT_TIMEOUT_MS)
    transcript(page).get_by_role("button", name="Online").last.click()
    expect(bot_texts(page).filter(has_text="Ik heb je sollicitatie bewaard").first).to_be_visible(
        timeout=BOT_TIMEOUT_MS
    )
