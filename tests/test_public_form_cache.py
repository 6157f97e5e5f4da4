"""The empty public form is drawn once a language and process, and never carries a visit's tokens.

Drawing the form (crispy layout, eighteen fields) cost ~45 ms a visit; it is the same for
everyone in a language, so it is kept in the process's memory for PUBLIC_FORM_CACHE_SECONDS.
What belongs to one visit (CSRF token, signed render time, submission token) is drawn outside
it, every time.
"""

from __future__ import annotations

import re

import pytest
import time_machine
from django.test import Client
from django.test.signals import template_rendered
from django.utils import timezone

from intake.models import Site

pytestmark = pytest.mark.django_db

_HIDDEN = re.compile(
    r'<input[^>]*name="(csrfmiddlewaretoken|rendered_at|submission_token)"[^>]*value="([^"]*)"'
)


def visit(path: str = "/") -> tuple[str, dict[str, str], int]:
    """(page, its per-visit hidden values, how many crispy templates were drawn)."""
    drawn = []

    def count(sender, template, **_kwargs) -> None:
        if (template.name or "").startswith(("bootstrap", "crispy", "uni_form", "tailwind")):
            drawn.append(template.name)

    template_rendered.connect(count)
    try:
        page = Client().get(path)
    finally:
        template_rendered.disconnect(count)
    assert page.status_code == 200
    body = page.content.decode()
    return body, dict(_HIDDEN.findall(body)), len(drawn)


def without_tokens(body: str) -> str:
    return _HIDDEN.sub("", body)


def test_the_second_visit_reuses_the_drawing_with_its_own_tokens() -> None:
    # A few seconds apart, so the signed render time (whole seconds) differs too.
    with time_machine.travel(timezone.now(), tick=True) as traveller:
        first, first_tokens, first_drawn = visit()
        traveller.shift(5)
        second, second_tokens, second_drawn = visit()

    assert first_drawn > 10 and second_drawn == 0
    assert (
        set(first_tokens)
        == set(second_tokens)
        == {
            "csrfmiddlewaretoken",
            "rendered_at",
            "submission_token",
        }
    )
    for name in first_tokens:
        assert first_tokens[name] != second_tokens[name], name
    assert without_tokens(first) == without_tokens(second)
    assert 'name="message"' in second and 'name="consent"' in second


def test_each_language_has_its_own_drawing() -> None:
    english, _t, _n = visit("/")
    spanish, _t, drawn = visit("/es/")
    assert drawn > 10
    assert 'lang="es"' in spanish
    assert without_tokens(english) != without_tokens(spanish)
    assert "Send my message" in english and "Send my message" not in spanish


def test_a_site_added_or_retired_in_admin_shows_on_the_next_visit() -> None:
    visit()
    site = Site.objects.create(name="Harbor Street clinic", slug="harbor", active=True)
    page, _t, _n = visit()
    assert "Harbor Street clinic" in page
    site.active = False
    site.save()
    page, _t, _n = visit()
    assert "Harbor Street clinic" not in page


def test_nothing_is_kept_when_the_cache_time_is_zero(settings) -> None:
    settings.PUBLIC_FORM_CACHE_SECONDS = 0
    _p, _t, first = visit()
    _p, _t, second = visit()
    assert first > 10 and second > 10


def test_a_form_with_errors_is_drawn_fresh_with_what_was_typed(client: Client) -> None:
    visit()  # the empty drawing is kept...
    page = client.post(
        "/", {"message": "Could I come back on Tuesdays?", "contact_method": "email"}
    )
    body = page.content.decode()
    # ...but a bound form is the person's own: their words, their errors, never the cache.
    assert page.status_code == 200
    assert "Could I come back on Tuesdays?" in body
    assert 'class="error-summary"' in body
