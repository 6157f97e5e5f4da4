"""Render a message from templates in the recipient's language, from database state only.

Times are written on the clock of the context's ``time_zone`` (the inquiry's queue), not the
server's: Django's date filters convert every aware time to the active zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


def render_email(name: str, context: dict[str, Any], language: str) -> RenderedEmail:
    """templates/emails/<name>.subject.txt, .txt and .html in ``language``."""
    context = {**context, "LANGUAGE_CODE": language}
    with translation.override(language), timezone.override(context.get("time_zone")):
        subject = render_to_string(f"emails/{name}.subject.txt", context)
        text = render_to_string(f"emails/{name}.txt", context)
        html = render_to_string(f"emails/{name}.html", context)
    # A subject is one line: a template newline (or anything injected) never splits a header.
    one_line = " ".join(subject.split())
    return RenderedEmail(subject=one_line, text=text.strip() + "\n", html=html)


def render_sms(name: str, context: dict[str, Any], language: str) -> str:
    """templates/sms/<name>.txt in ``language``, folded to one paragraph."""
    with translation.override(language), timezone.override(context.get("time_zone")):
        body = render_to_string(f"sms/{name}.txt", context)
    return " ".join(body.split())
