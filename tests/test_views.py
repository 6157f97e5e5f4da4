"""The public pages through Django's test client, on the embedded default."""

from __future__ import annotations

import time

import pytest
from django.core import mail, signing
from django.test import Client

from intake.forms import RENDER_SALT
from intake.models import Inquiry
from tests.factories import coordinator, default_queue

pytestmark = pytest.mark.django_db


def hidden(client: Client, path: str = "/") -> dict:
    page = client.get(path)
    form = page.context["form"]
    return {
        "rendered_at": signing.dumps(int(time.time()) - 30, salt=RENDER_SALT),
        "submission_token": form.initial["submission_token"],
    }


def valid(**extra) -> dict:
    data = {
        "message": "I'm thinking about coming back. Is that okay?",
        "contact_method": "email",
        "email": "sam@example.com",
        "consent": "on",
    }
    data.update(extra)
    return data


def test_form_page_has_every_contract_field_and_crisis_help(client: Client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    html = page.content.decode()
    for name in (
        "message",
        "contact_method",
        "email",
        "phone",
        "preferred_name",
        "voicemail_ok",
        "text_ok",
        "best_time",
        "site",
        "care_format",
        "pace",
        "one_on_one_first",
        "open_to_new_group",
        "away_reasons",
        "last_attended",
        "kind",
        "consent",
        "website",
        "rendered_at",
        "submission_token",
    ):
        assert f'name="{name}"' in html, name
    assert "988" in html and "911" in html
    assert "not monitored around the clock" in html
    assert "I&#x27;m thinking about coming back. Is that okay?" in html  # the hint, not a value
    assert page.headers["Cache-Control"].startswith("max-age=0")


def test_post_saves_then_redirects_303_to_thanks_and_acknowledges(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    queue = default_queue()
    coordinator(queue, "lee")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/", {**hidden(client), **valid(preferred_name="Sam")})
    assert response.status_code == 303
    assert response["Location"] == "/thanks/"
    inquiry = Inquiry.objects.get()
    assert inquiry.assigned_to.username == "lee"
    assert len(mail.outbox) == 1

    thanks = client.get("/thanks/")
    body = thanks.content.decode()
    assert thanks.status_code == 200
    assert "We got your message" in body
    assert "reach out by" in body
    for private in ("Sam", "sam@example.com", "thinking about coming back. Is that okay"):
        assert private not in body
    assert str(inquiry.public_id) not in thanks.request["PATH_INFO"]


def test_errors_rerender_with_kind_messages_and_keep_what_was_typed(client: Client) -> None:
    response = client.post(
        "/",
        {
            **hidden(client),
            "message": "Hi, can I come back?",
            "contact_method": "email",
            "email": "sam@",
            "phone": "",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "That e-mail address doesn&#x27;t look complete" in html
    assert "Please tick this box so we have your OK to contact you." in html
    assert "Hi, can I come back?" in html  # kept
    assert 'value="sam@"' in html
    assert 'class="error-summary"' in html and 'href="#id_email"' in html
    assert Inquiry.objects.count() == 0


def test_no_contact_route_asks_for_one_plainly(client: Client) -> None:
    response = client.post("/", {**hidden(client), "message": "Hello", "consent": "on"})
    html = response.content.decode()
    assert "Please choose how you&#x27;d like us to reach you." in html
    response = client.post(
        "/", {**hidden(client), "message": "Hello", "consent": "on", "contact_method": "call"}
    )
    assert "Please add a phone number so we can reach you." in response.content.decode()
    # Texting asks for one OK only: the consent box, which then names texting.
    response = client.post(
        "/",
        {**hidden(client), "message": "Hello", "contact_method": "text", "phone": "617 555 0134"},
    )
    html = response.content.decode()
    assert "Please tick this box so we have your OK to contact you." in html
    assert "Texting is OK”" not in html and 'href="#id_text_ok"' not in html
    response = client.post(
        "/",
        {
            **hidden(client),
            "message": "   ",
            "consent": "on",
            "contact_method": "email",
            "email": "a@b.co",
        },
    )
    assert "even one sentence is enough" in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_double_submit_shows_the_same_thanks_and_creates_one_inquiry(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    default_queue()
    data = {**hidden(client), **valid()}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/", data)
        second = client.post("/", data)
    assert first.status_code == second.status_code == 303
    assert Inquiry.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_form_posted_in_seconds_is_quarantined_not_rejected(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    default_queue()
    page = client.get("/")
    token = page.context["form"].initial
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/",
            {
                **valid(),
                "rendered_at": token["rendered_at"],
                "submission_token": token["submission_token"],
                "website": "http://x.example",
            },
        )
    assert response.status_code == 303
    inquiry = Inquiry.objects.get()
    assert inquiry.is_spam
    assert len(mail.outbox) == 0


def test_spanish_page_records_the_language(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    default_queue()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/es/", {**hidden(client, "/es/"), **valid()})
    assert response.status_code == 303
    assert response["Location"] == "/es/thanks/"
    assert Inquiry.objects.get().language == "es"


def test_healthz_reports_each_part(settings) -> None:
    settings.HEALTHZ_TOKEN = "a-monitors-token"
    response = Client().get("/healthz", HTTP_AUTHORIZATION="Bearer a-monitors-token")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok"
    assert set(body) >= {"database", "broker", "worker", "beat", "oldest_pending_message_seconds"}


def test_healthz_is_503_when_the_database_is_down(monkeypatch) -> None:
    from django.db.backends.utils import CursorWrapper

    def down(*args, **kwargs):
        from django.db import OperationalError

        raise OperationalError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", down)
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


def test_kind_error_pages(client: Client) -> None:
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert "We couldn" in missing.content.decode() and "988" in missing.content.decode()
    csrf_client = Client(enforce_csrf_checks=True)
    refused = csrf_client.post("/", valid())
    assert refused.status_code == 403
    html = refused.content.decode()
    assert "try that again" in html and "988" in html
    assert "Forbidden" not in html and "failed" not in html.lower()


# --- Building the form: each one its own, choices shared ------------------------------


def test_each_form_gets_its_own_fields_while_sharing_fixed_choices(db) -> None:
    from intake.forms import ComebackForm
    from intake.models import Site

    first, second = ComebackForm(), ComebackForm()
    # Drawing one form (crispy sets classes on widgets) or changing its choices leaves the next
    # form as it was.
    first.fields["best_time"].widget.attrs["class"] = "drawn"
    first.fields["kind"].choices = [("come_back", "Only this")]
    first.fields["pace"].error_messages["required"] = "changed"
    third = ComebackForm()

    for form in (second, third):
        assert "class" not in form.fields["best_time"].widget.attrs
        assert len(form.fields["kind"].choices) == len(ComebackForm.base_fields["kind"].choices)
        assert len(form.fields["kind"].widget.choices) > 1
        assert form.fields["pace"].error_messages["required"] != "changed"
    assert first.fields["kind"].widget.choices == [("come_back", "Only this")]
    # The site list is read when the form is used, not when it was declared.
    Site.objects.create(name="Eastside clinic", active=True)
    assert [s.name for s in ComebackForm().fields["site"].queryset] == ["Eastside clinic"]
