"""Staff pages and the session behind them: the warning before an idle sign-out, and the
hidden field that lets a form posted after the sign-out keep what was typed (``keep_work``).

``{% session_timeout "head" %}`` loads the warning's script and ``{% session_timeout %}``
draws its dialog, on a signed-in staff page only. ``{% keep_work_field form %}`` goes inside
a staff POST form, after ``{% csrf_token %}``; with no form (a lone button) nothing is kept
but the person still comes back to the page; ``page=`` names the page when the form is drawn
in answer to a POST.
"""

from __future__ import annotations

from django import forms, template
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .. import keep_work

register = template.Library()

# How long before an idle sign-out the warning shows (WCAG 2.2.1 asks for at least 20 s).
WARN_SECONDS = 120


def _signed_in_staff(request: HttpRequest | None) -> bool:
    user = getattr(request, "user", None)
    if user is None or not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    # Before the second step the page is a sign-in step, not a staff page.
    return not settings.ADMIN_REQUIRE_2FA or bool(getattr(user, "is_verified", lambda: False)())


@register.inclusion_tag("admin/_session_timeout.html", takes_context=True)
def session_timeout(context, part: str = "dialog") -> dict:
    """``"head"``: its stylesheet and script; ``"dialog"``: the dialog, at the end of the body."""
    request = context.get("request")
    if not _signed_in_staff(request) or context.get("is_popup"):
        return {"show": False}
    idle = settings.SESSION_COOKIE_AGE
    return {
        "show": True,
        "part": part,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "idle_seconds": idle,
        "idle_minutes": max(1, round(idle / 60)),
        "warn_seconds": WARN_SECONDS,
        "warn_minutes": max(1, round(min(WARN_SECONDS, idle / 2) / 60)),
        "keep_alive_url": reverse("intake-keep-alive"),
    }


@register.simple_tag(takes_context=True)
def keep_work_field(context, form: forms.BaseForm | None = None, page: str = "") -> str:
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or user is None or not user.is_authenticated:
        return ""
    value = keep_work.field_value(request, keep=form is not None, page=page or None)
    field = format_html('<input type="hidden" name="{}" value="{}">', keep_work.FIELD_NAME, value)
    if form is not None and getattr(form, "kept_work", False):
        notice = format_html(
            '<p class="kept-work-notice" id="{}">{}</p>',
            keep_work.NOTICE_ID,
            _("We kept what you typed. Check it and press the button again."),
        )
        return format_html("{}{}", field, notice)
    return field
