"""Every client-facing word: no shaming or pressuring words, and the crisis line at the end."""

from __future__ import annotations

import html
import re
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import signing
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from intake import tone
from intake.forms import RENDER_SALT
from intake.messaging.render import render_email, render_sms
from tests.factories import default_queue

LANGUAGES = ["en", "es", "pt-br"]
PREFIX = {"en": "", "es": "/es", "pt-br": "/pt-br"}
NY = ZoneInfo("America/New_York")


def visible_text(markup: str) -> str:
    markup = re.sub(r"<(script|style|title)[^>]*>.*?</\1>", " ", markup, flags=re.S)
    markup = re.sub(r'<input[^>]*type="hidden"[^>]*>', " ", markup)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", markup))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def assert_kind_and_ends_with_crisis_line(text: str, language: str, where: str) -> None:
    found = tone.find_forbidden(text, language)
    assert found == [], f"{where} ({language}) uses {found}"
    tail = text.strip()[-260:]
    assert "988" in tail and "911" in tail, (
        f"{where} ({language}) does not end with the crisis line"
    )


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("You failed the program", "en", ["failed"]),
        ("An unfailing welcome", "en", []),
        ("Were you a no-show? You must explain.", "en", ["no-show", "you must"]),
        ("left against medical advice", "en", ["against medical advice"]),
        ("Why did you leave?", "en", ["why did you leave"]),
        ("¿Por qué te fuiste?", "es", ["por que te fuiste"]),
        ("Tienes que explicar", "es", ["tienes que explicar"]),
        (
            "Você precisa explicar por que você saiu",
            "pt-br",
            ["voce precisa explicar", "por que voce saiu"],
        ),
        ("Yes, you can come back after a relapse.", "en", []),
        ("Fracasso", "es", []),  # Portuguese word, Spanish check
    ],
)
def test_tone_finds_forbidden_words_as_whole_words_per_language(text, language, expected) -> None:
    assert tone.find_forbidden(text, language) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_is_kind_and_ends_with_the_crisis_line(
    language, django_capture_on_commit_callbacks
) -> None:
    default_queue()
    client = Client()
    base = PREFIX[language]
    pages = {"form": client.get(f"{base}/"), "not found": client.get(f"{base}/no-such-page/")}
    pages["errors"] = client.post(f"{base}/", {"message": ""})
    token = pages["form"].context["form"].initial["submission_token"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"{base}/",
            {
                "message": "Can I come back?",
                "contact_method": "email",
                "email": "a@example.com",
                "consent": "on",
                "submission_token": token,
                "rendered_at": signing.dumps(int(time.time()) - 30, salt=RENDER_SALT),
            },
        )
    pages["thanks"] = client.get(f"{base}/thanks/")
    pages["csrf"] = Client(enforce_csrf_checks=True).post(f"{base}/", {})
    for name, response in pages.items():
        assert response.status_code in (200, 403, 404), name
        assert_kind_and_ends_with_crisis_line(
            visible_text(response.content.decode()), language, name
        )
    with translation.override(language):
        for template in ("400.html", "403.html", "429.html", "500.html"):
            rendered = render_to_string(
                template, {"org_name": "Reengage", "crisis_phone": "988", "emergency_phone": "911"}
            )
            assert_kind_and_ends_with_crisis_line(visible_text(rendered), language, template)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "name", ["acknowledgement", "check_in", "urgent_alert", "overdue_notice", "reply"]
)
def test_every_email_is_kind_neutral_in_its_subject_and_ends_with_the_crisis_line(
    name, language
) -> None:
    context = {
        "org_name": "Reengage",
        "preferred_name": "Sam",
        "due": datetime(2026, 11, 19, 17, 30, tzinfo=NY),
        "crisis_phone": "988",
        "emergency_phone": "911",
        "short_id": "ab12cd34",
        "admin_url": "https://example.org/admin/",
        "site_url": "https://example.org/",
        "body": "Hello, we'd love to talk whenever you're ready.",
    }
    rendered = render_email(name, context, language)
    assert "\n" not in rendered.subject
    for word in (
        "treatment",
        "therapy",
        "program",
        "recovery",
        "relapse",
        "iop",
        "rehab",
        "tratamiento",
        "tratamento",
        "terapia",
    ):
        assert word not in rendered.subject.lower()
    assert tone.find_forbidden(rendered.subject, language) == []
    assert_kind_and_ends_with_crisis_line(rendered.text, language, f"{name}.txt")
    assert_kind_and_ends_with_crisis_line(visible_text(rendered.html), language, f"{name}.html")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["acknowledgement", "check_in", "reply"])
def test_every_text_message_is_kind_and_ends_with_the_crisis_line(name, language) -> None:
    context = {
        "org_name": "Reengage",
        "due": None,
        "crisis_phone": "988",
        "emergency_phone": "911",
        "site_url": "https://example.org/",
        "body": "We'd love to talk whenever you're ready.",
    }
    assert_kind_and_ends_with_crisis_line(render_sms(name, context, language), language, name)
