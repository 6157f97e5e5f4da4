"""The public form on a phone: Send first, one OK for texting, the language switch that keeps
what was typed, "Prefer to talk?", site names in each language, and dates in Portuguese."""

from __future__ import annotations

import re
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from intake.checks import check_program_phone
from intake.forms import RENDER_SALT, ComebackForm
from intake.models import Inquiry, Site
from intake.views import SWITCH_LANGUAGE
from tests.factories import default_queue

pytestmark = pytest.mark.django_db

NY = ZoneInfo("America/New_York")
MESSAGE = "I'm thinking about coming back. Is that okay?"


def hidden(client: Client, path: str = "/") -> dict:
    form = client.get(path).context["form"]
    return {
        "rendered_at": signing.dumps(int(time.time()) - 30, salt=RENDER_SALT),
        "submission_token": form.initial["submission_token"],
    }


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# --- the order: what Send needs first, the rest in "Tell us more" --------------------------


def test_send_comes_after_the_message_safety_contact_and_ok_and_before_the_rest(
    client: Client,
) -> None:
    html = client.get("/").content.decode()
    at = {name: html.index(f'name="{name}"') for name in ComebackForm.base_fields}
    first_send = html.index('id="submit-id-send"')
    details = html.index('<details class="more"')
    for name in ("message", "safety", "contact_method", "email", "phone", "consent"):
        assert at[name] < first_send, name
    assert first_send < details
    for name in (
        "preferred_name",
        "kind",
        "best_time",
        "voicemail_ok",
        "text_ok",
        "site",
        "care_format",
        "pace",
        "one_on_one_first",
        "open_to_new_group",
        "last_attended",
        "away_reasons",
    ):
        assert at[name] > details, name
    assert html.index('id="submit-id-send-more"') > at["away_reasons"]
    # Closed on a fresh form (a native <details>: no script needed to open it).
    assert re.search(r'<details class="more"\s*>', html)
    assert "Tell us more, if you&#x27;d like" in html


def test_the_optional_section_opens_for_what_was_answered_there(client: Client) -> None:
    response = client.post("/", {"message": "", "kind": "question"})
    assert re.search(r'<details class="more"\s+open>', response.content.decode())
    response = client.post("/", {"message": "", "email": "sam@"})
    assert not re.search(r'<details class="more"\s+open>', response.content.decode())


def test_the_small_fixes_one_any_time_and_im_not_sure(client: Client) -> None:
    form = ComebackForm()
    best = [str(label) for _value, label in form.fields["best_time"].choices]
    assert best == ["Any time", "Mornings", "Afternoons", "After 5 pm"]
    last = dict(form.fields["last_attended"].choices)
    assert str(last[""]) == "I'm not sure"
    assert "not_sure" not in last and "No preference" not in [str(v) for v in last.values()]


# --- one OK, worded for texting ------------------------------------------------------------


def test_choosing_text_with_a_phone_and_the_ok_records_text_consent(
    client: Client, settings, django_capture_on_commit_callbacks
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/",
            {
                **hidden(client),
                "message": MESSAGE,
                "contact_method": "text",
                "phone": "617 555 0134",
                "consent": "on",
            },
        )
    assert response.status_code == 303
    inquiry = Inquiry.objects.get()
    assert inquiry.text_ok is True
    assert inquiry.text_consent_version == settings.CONSENT_VERSION
    assert inquiry.text_consent_at is not None
    assert inquiry.consent_at == inquiry.text_consent_at
    # The acknowledgement goes by text, as the person asked.
    assert inquiry.messages.get(kind="acknowledgement").channel == "sms"


def test_a_call_is_texted_only_with_its_own_tick(client: Client) -> None:
    default_queue()
    data = {
        **hidden(client),
        "message": MESSAGE,
        "contact_method": "call",
        "phone": "617 555 0134",
        "consent": "on",
    }
    assert client.post("/", data).status_code == 303
    call = Inquiry.objects.get()
    assert not call.text_ok and call.text_consent_at is None and call.text_consent_version == ""


def test_the_ok_names_texting_in_each_language(client: Client) -> None:
    expected = {
        "/": "It's OK to text me about coming back.",
        "/es/": "Está bien que me envíen mensajes de texto",
        "/pt-br/": "Vocês podem me mandar mensagens de texto",
    }
    for path, words in expected.items():
        html = client.get(path).content.decode().replace("&#x27;", "'")
        label = re.search(r'<label for="id_consent"[^>]*>(.*?)</label>', html, re.S).group(1)
        assert '<span class="consent-any">' in label and '<span class="consent-text">' in label
        assert words in label, path


# --- the language switch -------------------------------------------------------------------


def switch(client: Client, path: str, **data):
    return client.post(path, {SWITCH_LANGUAGE: path.strip("/") or "en", **data})


def test_switching_language_draws_the_form_again_there_with_everything_typed(
    client: Client,
) -> None:
    carried = hidden(client)
    response = switch(
        client,
        "/es/",
        **carried,
        message="Hola, ¿puedo volver? <b>sí</b>",
        contact_method="text",
        phone="617 555 0134",
        best_time="evening",
        away_reasons=["work", "family"],
        site="",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html and "¿Estás pensando en volver?" in html
    assert "Hola, ¿puedo volver? &lt;b&gt;sí&lt;/b&gt;</textarea>" in html
    assert re.search(r'value="text"\s+id="id_contact_method_2"[^>]*checked', html)
    assert 'value="617 555 0134"' in html
    assert re.search(r'<option value="evening" selected>', html)
    for reason in ("work", "family"):
        assert re.search(rf'value="{reason}"\s+id="id_away_reasons_\d+"[^>]*checked', html)
    # Not sent yet: nothing to fix, nothing saved, and the answered optional part is open.
    assert "error-summary" not in html and "is-invalid" not in html
    assert re.search(r'<details class="more"\s+open>', html)
    assert Inquiry.objects.count() == 0
    # The time spent so far still counts, and the submission keeps its token.
    form = response.context["form"]
    assert form.initial["rendered_at"] == carried["rendered_at"]
    assert form.initial["submission_token"] == carried["submission_token"]


def test_a_switched_form_sends_in_its_new_language(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    default_queue()
    data = {
        **hidden(client),
        "message": MESSAGE,
        "contact_method": "email",
        "email": "sam@example.com",
    }
    switched = switch(client, "/pt-br/", **data).context["form"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/pt-br/",
            {
                **data,
                "rendered_at": switched.initial["rendered_at"],
                "submission_token": switched.initial["submission_token"],
                "consent": "on",
            },
        )
    assert response.status_code == 303 and response["Location"] == "/pt-br/thanks/"
    inquiry = Inquiry.objects.get()
    assert inquiry.language == "pt-br" and inquiry.message == MESSAGE and not inquiry.is_spam


def test_switching_language_is_never_counted_against_the_limits(client: Client, settings) -> None:
    settings.INTAKE_RATE_LIMIT = "1/h"
    settings.INTAKE_HARD_LIMIT = "1/h"
    default_queue()
    cache.clear()
    try:
        for path in ("/es/", "/pt-br/", "/"):
            assert switch(client, path, message=MESSAGE).status_code == 200
        data = {**hidden(client), "message": MESSAGE, "contact_method": "email"}
        response = client.post("/", {**data, "email": "sam@example.com", "consent": "on"})
    finally:
        cache.clear()
    assert response.status_code == 303
    assert not Inquiry.objects.get().is_held


def test_a_forged_render_time_or_token_is_not_carried(client: Client) -> None:
    response = switch(
        client, "/es/", message="Hi", rendered_at="forged", submission_token="<script>"
    )
    form = response.context["form"]
    assert form.initial["rendered_at"] != "forged"
    assert signing.loads(form.initial["rendered_at"], salt=RENDER_SALT)
    assert form.initial["submission_token"] != "<script>"
    assert "<script>" not in response.content.decode()


def test_the_switch_keeps_csrf_and_never_puts_words_in_an_address() -> None:
    client = Client(enforce_csrf_checks=True)
    page = client.get("/")
    html = page.content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    # The languages are buttons of the form itself (posted, never links with the words).
    buttons = re.findall(r"<button[^>]*name=\"switch_language\"[^>]*>", html)
    assert len(buttons) == 3
    for button in buttons:
        assert 'type="submit"' in button and 'form="comeback-form"' in button
    assert 'formaction="/es/"' in html and 'formaction="/pt-br/"' in html
    assert (
        '<form method="post" action="" novalidate class="comeback-form" id="comeback-form">' in html
    )
    # Without the token the switch is refused like any post; with it, it works.
    assert client.post("/es/", {SWITCH_LANGUAGE: "es", "message": "Hi"}).status_code == 403
    ok = client.post("/es/", {SWITCH_LANGUAGE: "es", "message": "Hi", "csrfmiddlewaretoken": token})
    assert ok.status_code == 200 and "Hi</textarea>" in ok.content.decode()


def test_people_arriving_fresh_still_have_language_links() -> None:
    for path in ("/thanks/", "/no-such-page/"):
        html = Client().get(path).content.decode()
        assert '<a href="/es/" lang="es" hreflang="es">Español</a>' in html, path
        assert "switch_language" not in html, path
    assert Client().get("/es/").status_code == 200


def test_enter_still_sends_because_a_hidden_send_comes_before_the_languages(
    client: Client,
) -> None:
    html = client.get("/").content.decode()
    default = html.index('<button type="submit" form="comeback-form" name="send" hidden>')
    assert default < html.index('name="switch_language"') < html.index('id="comeback-form"')


# --- Prefer to talk? ---------------------------------------------------------------------


def test_no_number_anywhere_shows_no_call_line(client: Client, settings) -> None:
    settings.PROGRAM_PHONE = ""
    Site.objects.create(name="Downtown", slug="downtown")
    assert "call-us" not in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("path", "sentence"),
    [
        ("/", "Prefer to talk? Call us at (617) 555-0100."),
        ("/es/", "¿Prefieres hablar? Llámanos al (617) 555-0100."),
        ("/pt-br/", "Prefere conversar? Ligue para (617) 555-0100."),
    ],
)
def test_the_program_number_is_a_tap_to_call_line_in_each_language(
    client: Client, settings, path, sentence
) -> None:
    settings.PROGRAM_PHONE = "617 555 0100"
    html = client.get(path).content.decode()
    assert '<a href="tel:+16175550100">(617) 555-0100</a>' in html
    assert sentence in text(html).replace(" .", ".")
    # Near the top: before the form and its first question.
    assert html.index('class="call-us"') < html.index('id="comeback-form"')


def test_sites_with_their_own_numbers_are_listed_by_their_local_names(
    client: Client, settings
) -> None:
    settings.PROGRAM_PHONE = "+16175550100"
    Site.objects.create(
        name="Virtual program", name_es="Programa virtual", slug="virtual", phone="+16175550111"
    )
    Site.objects.create(name="Downtown", slug="downtown", phone="+16175550100")  # the same
    Site.objects.create(name="Closed", slug="closed", phone="+16175550122", active=False)
    html = text(client.get("/es/").content.decode())
    assert "Llámanos al (617) 555-0100 o directamente a una de nuestras sedes:" in html
    assert "Programa virtual: (617) 555-0111" in html
    assert "Downtown:" not in html and "555-0122" not in html


def test_with_no_program_number_one_shared_site_number_is_the_line(
    client: Client, settings
) -> None:
    settings.PROGRAM_PHONE = ""
    Site.objects.create(name="Downtown", slug="downtown", phone="+16175550111")
    Site.objects.create(name="Eastside", slug="eastside", phone="+16175550111")
    html = client.get("/").content.decode()
    assert text(html).count("555-0111") == 1
    assert '<a href="tel:+16175550111">(617) 555-0111</a>' in html
    Site.objects.create(name="Harbor", slug="harbor", phone="+16175550122")
    html = text(client.get("/").content.decode())
    assert "Call us at the location nearest you:" in html
    assert "Downtown: (617) 555-0111" in html and "Harbor: (617) 555-0122" in html


def test_a_site_phone_is_checked_like_a_persons_and_kept_in_one_form() -> None:
    site = Site(name="Downtown", slug="downtown", phone="617 555 0199")
    site.full_clean()
    assert site.phone == "+16175550199"
    with pytest.raises(ValidationError, match="include the area code"):
        Site(name="Eastside", slug="eastside", phone="555 01").full_clean()


def test_a_program_phone_that_cannot_be_dialled_is_a_warning(settings) -> None:
    settings.PROGRAM_PHONE = "call us!"
    assert [m.id for m in check_program_phone()] == ["intake.W001"]
    settings.PROGRAM_PHONE = "+1 617 555 0100"
    assert check_program_phone() == []


# --- site names in each language -----------------------------------------------------------


def test_site_names_follow_the_language_and_fall_back_to_the_name(client: Client) -> None:
    Site.objects.create(
        name="Virtual program",
        name_es="Programa virtual",
        name_pt_br="Programa on-line",
        slug="virtual",
    )
    Site.objects.create(name="Eastside", slug="eastside")
    options = {
        path: re.findall(
            r"<option value=\"\d+\">([^<]+)</option>", client.get(path).content.decode()
        )
        for path in ("/", "/es/", "/pt-br/")
    }
    assert options["/"] == ["Eastside", "Virtual program"]
    assert options["/es/"] == ["Eastside", "Programa virtual"]
    assert options["/pt-br/"] == ["Eastside", "Programa on-line"]


# --- dates in Portuguese -------------------------------------------------------------------


@time_machine.travel(datetime(2026, 12, 1, 10, 0, tzinfo=NY), tick=False)
def test_portuguese_dates_write_weekday_and_month_in_lower_case() -> None:
    due = datetime(2026, 12, 1, 17, 0, tzinfo=NY)  # a Tuesday in December
    context = {"due": due, "open_now": True, "known": True, "crisis_phone": "988"}
    with translation.override("pt-br"):
        page = text(render_to_string("intake/thanks.html", context))
    assert "terça-feira, 1 de dezembro de 2026" in page
    assert "Terça" not in page and "Dezembro" not in page
    with translation.override("en"):
        page = text(render_to_string("intake/thanks.html", context))
    assert "Tuesday, Dec. 1, 2026" in page  # English keeps its capitals


def test_any_time_from_a_page_drawn_before_the_options_merged_is_the_same_answer() -> None:
    from intake.forms import ComebackForm

    field = ComebackForm().fields["best_time"]
    assert field.clean("any") == "" and field.clean("") == ""
    assert field.clean("evening") == "evening"
    assert [value for value, _label in field.choices].count("") == 1
    assert "any" not in [value for value, _label in field.choices]
