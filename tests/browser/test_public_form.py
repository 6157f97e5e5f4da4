"""A person fills the form with the keyboard only; a coordinator then finds it in admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from intake.models import Inquiry
from tests.factories import coordinator, default_queue

pytestmark = pytest.mark.browser


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching ``selector`` has focus (proves it is reachable)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "(s) => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"{selector} never received keyboard focus")


def test_keyboard_only_inquiry_reaches_the_coordinators_list(
    page, live_server, settings, roles
) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    queue = default_queue()
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name="Intake coordinator"))

    page.goto("/")
    tab_to(page, "#id_message")
    page.keyboard.type("I'm thinking about coming back. Is that okay?")
    tab_to(page, "input[name=contact_method][value=email]")
    page.keyboard.press("Space")
    tab_to(page, "#id_email")
    page.keyboard.type("sky@example.com")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, "input[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/thanks/")
    assert "We got your message" in page.inner_text("h1")
    assert "sky@example.com" not in page.content()

    inquiry = Inquiry.objects.get()
    assert not inquiry.is_spam
    assert inquiry.assigned_to == lee
    assert len(mail.outbox) == 1

    origin = live_server.url
    assert page.requests_seen and all(url.startswith(origin) for url in page.requests_seen)

    # The coordinator signs in and sees it in the worklist, then opens it.
    page.goto("/admin/login/?next=/admin/intake/inquiry/")
    page.fill("#id_username", "lee")
    page.fill("#id_password", "a-long-test-password")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/intake/inquiry/")
    row = page.locator("#result_list tbody tr").first
    assert inquiry.short_id in row.inner_text()
    assert "thinking about coming back" not in page.content()  # never in a list
    row.locator("a").first.click()
    page.wait_for_url("**/change/")
    page.wait_for_load_state()
    assert "I'm thinking about coming back. Is that okay?" in page.content().replace("&#x27;", "'")

    # A triage action from the real page: log that the coordinator reached the person.
    attempt = page.locator("form[action$='/triage/attempt/']")
    attempt.locator("select[name=channel]").select_option("call")
    attempt.locator("select[name=outcome]").select_option("reached")
    attempt.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "Contact attempt logged." in page.content()
    inquiry.refresh_from_db()
    assert inquiry.status == "contacted" and inquiry.first_contact_at is not None
    assert inquiry.events.filter(kind="contact_attempt", actor=lee).count() == 1


# --- the form on a phone: Send in two screens, nothing typed lost, a call offered ------------

FIRST_SEND_LIMIT = 1800  # CSS px from the top of the page, at 390 × 844: about two screens
PATHS = {"en": "/", "es": "/es/", "pt-br": "/pt-br/"}
FIRST_SEND_TOP = """() => {
  const send = document.querySelector('input[type=submit]');
  const safety = document.getElementById('div_id_safety');
  const top = (el) => el.getBoundingClientRect().top + window.scrollY;
  return {send: top(send), safety: top(safety), visible: send.checkVisibility(),
          more: document.querySelector('details.more').open,
          page: document.documentElement.scrollHeight};
}"""


@pytest.mark.parametrize("language", list(PATHS))
def test_the_first_send_is_two_phone_screens_down_under_the_safety_question(
    page, settings, language
) -> None:
    settings.PROGRAM_PHONE = "+16175550100"
    page.goto(PATHS[language])
    where = page.evaluate(FIRST_SEND_TOP)
    print(f"first Send at {where['send']:.0f} px ({language}, page {where['page']} px)")
    assert where["visible"]
    assert where["send"] <= FIRST_SEND_LIMIT, where
    assert where["safety"] < where["send"], where
    assert where["more"] is False, "the optional questions start closed"
    # The call line sits near the top, above the form.
    call = page.locator(".call-us a[href='tel:+16175550100']")
    assert call.is_visible() and call.inner_text() == "(617) 555-0100"
    assert call.bounding_box()["y"] < page.locator("#id_message").bounding_box()["y"]


def test_the_optional_questions_open_and_send_from_their_own_button(page, settings) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    default_queue()
    page.goto("/")
    page.fill("#id_message", "Could I come back in the evenings?")
    page.get_by_role("radio", name="E-mail").check()
    page.fill("#id_email", "sky@example.com")
    page.check("#id_consent")
    assert not page.locator("#id_preferred_name").is_visible()
    page.get_by_text("Tell us more, if you'd like").click()
    page.fill("#id_preferred_name", "Sky")
    page.select_option("#id_best_time", "evening")
    page.get_by_label("Family").check()
    with page.expect_navigation():
        page.click("#submit-id-send-more")
    page.wait_for_url("**/thanks/")
    inquiry = Inquiry.objects.get()
    assert inquiry.preferred_name == "Sky" and inquiry.best_time == "evening"
    assert inquiry.away_reasons == ["family"]


def test_choosing_text_asks_one_ok_that_names_texting_and_records_it(page, settings) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    default_queue()
    page.goto("/")
    consent = page.locator("label[for=id_consent]")
    assert "contact me the way I chose" in consent.inner_text()
    page.fill("#id_message", "Can I come back?")
    page.get_by_role("radio", name="Text message").check()
    assert consent.inner_text().startswith("It's OK to text me about coming back.")
    assert "STOP" in consent.inner_text()
    # Its name for a screen reader is the sentence on screen, not both.
    assert page.get_by_role("checkbox", name="It's OK to text me about coming back.").count() == 1
    page.fill("#id_phone", "617 555 0134")
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.wait_for_url("**/thanks/")
    inquiry = Inquiry.objects.get()
    assert inquiry.contact_method == "text" and inquiry.text_ok
    assert inquiry.text_consent_version == settings.CONSENT_VERSION
    assert inquiry.text_consent_at is not None and inquiry.consent


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_switching_language_keeps_what_was_typed(
    browser, live_server, settings, javascript
) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    default_queue()
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        base_url=live_server.url,
        java_script_enabled=javascript,
    )
    page = context.new_page()
    seen = []
    page.on("request", lambda request: seen.append((request.method, request.url)))
    try:
        page.goto("/")
        message = "I'm thinking about coming back. Está bien?"
        page.fill("#id_message", message)
        page.check("#id_contact_method_0")
        page.fill("#id_email", "sky@example.com")
        with page.expect_navigation():
            page.click(".lang-switch button[value=es]")
        assert page.url == f"{live_server.url}/es/"
        assert page.evaluate("document.documentElement.lang") == "es"
        assert page.inner_text("h1") == "¿Estás pensando en volver?"
        assert page.input_value("#id_message") == message
        assert page.input_value("#id_email") == "sky@example.com"
        assert page.is_checked("#id_contact_method_0")
        assert page.locator(".error-summary").count() == 0  # not sent yet: nothing to fix
        # Posted, never in an address, and nothing kept in the browser.
        assert ("POST", f"{live_server.url}/es/") in seen
        assert all("sky" not in url and "coming" not in url for _method, url in seen)
        if javascript:
            stored = page.evaluate("localStorage.length + sessionStorage.length")
            assert stored == 0
        page.check("#id_consent")
        with page.expect_navigation():
            page.click("input[type=submit]")
        page.wait_for_url("**/es/thanks/")
    finally:
        context.close()
    inquiry = Inquiry.objects.get()
    assert inquiry.language == "es" and inquiry.message == message
    assert not inquiry.is_spam


def test_enter_in_a_text_field_sends_rather_than_switching_language(page, settings) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    default_queue()
    page.goto("/pt-br/")
    page.fill("#id_message", "Posso voltar?")
    page.check("#id_contact_method_0")
    page.fill("#id_email", "sky@example.com")
    page.check("#id_consent")
    page.focus("#id_email")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url("**/pt-br/thanks/")
    assert Inquiry.objects.get().language == "pt-br"
