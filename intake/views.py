"""Thin views: form → service → redirect; the thanks page; health; kind error pages."""

from __future__ import annotations

import hmac
import json
import logging
import secrets

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.request import RawPostDataException
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from . import health, screening, selectors, services, webhooks
from .forms import ComebackForm

logger = logging.getLogger(__name__)

THANKS_SALT = "intake.thanks"
# The thanks cookie names one submission for one showing of its thanks page: the redirect
# follows at once, so two minutes is plenty, and the page deletes it when shown. On a shared
# device (a kiosk, a family phone) the next visit gets the neutral thanks page, never the
# previous person's (which might be the crisis version).
THANKS_MAX_AGE = 120
# The language buttons at the top of the form post everything typed under this name, to the
# address of the language chosen (see templates/intake/_language_switch.html).
SWITCH_LANGUAGE = "switch_language"


def _limit_rate(setting: str):
    def rate(_group: str, _request: HttpRequest) -> str | None:
        value = getattr(settings, setting).strip().lower()
        return None if value in ("", "off", "0", "none") else value

    return rate


def _over_limit(request: HttpRequest, *, group: str, setting: str) -> bool:
    """Count this post against a per-address limit; True when past it.

    A cache outage answers False: it must never cost a person their message.
    """
    try:
        return is_ratelimited(
            request, group=group, key="ip", rate=_limit_rate(setting), method="POST", increment=True
        )
    except Exception:  # noqa: BLE001 - a cache outage must never cost a person their message
        logger.warning("rate limit unavailable; accepting the post")
        return False


@never_cache
@sensitive_post_parameters()
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def comeback(request: HttpRequest) -> HttpResponse:
    """The public form. POST: save through inquiry_submit, then 303 to the thanks page.

    No message is lost to a limit. Only posts that pass validation are counted. Past the
    per-address limit (INTAKE_RATE_LIMIT) a post is still saved and routed, but held until
    a coordinator releases it; the person sees the ordinary thanks page. Only past the much
    higher ceiling (INTAKE_HARD_LIMIT) may an ordinary post be refused, with the 429 page
    that leads with the crisis line, and never one with a risk signal or a danger answer.

    A language button posts the unfinished form to this view at the chosen language's
    address: it is drawn again in that language with everything as typed, unchecked (no
    errors for a form not sent yet), and nothing is saved or counted.
    """
    if request.method != "POST":
        return _form_page(request, ComebackForm())
    if SWITCH_LANGUAGE in request.POST:
        return _form_page(request, ComebackForm.carrying(request.POST), carried=True)
    form = ComebackForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form)
    data = form.cleaned_data
    over_ceiling = _over_limit(request, group="intake.ceiling", setting="INTAKE_HARD_LIMIT")
    if over_ceiling and not screening.has_risk_signal(data["message"], safety=data["safety"]):
        return render(request, "429.html", status=429)
    held = _over_limit(request, group="intake.comeback", setting="INTAKE_RATE_LIMIT")
    # The per-render token makes a double submit one inquiry, and names this submission for
    # its thanks page (never the person or their earlier inquiries).
    token = data.get("submission_token") or secrets.token_urlsafe(24)
    services.inquiry_submit(
        submission=services.Submission(
            **form.submission_kwargs(), language=translation.get_language() or "en"
        ),
        submission_token=token,
        honeypot_filled=form.honeypot_filled(),
        too_fast=form.filled_too_fast(),
        over_rate_limit=held,
    )
    response = redirect(reverse("intake:thanks"))
    response.status_code = 303
    response.set_signed_cookie(
        settings.THANKS_COOKIE_NAME,
        token,
        salt=THANKS_SALT,
        max_age=THANKS_MAX_AGE,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )
    return response


def _form_page(request: HttpRequest, form: ComebackForm, *, carried: bool = False):
    context = {
        "form": form,
        # Drawn afresh when it holds what a person typed (bound, or carried to a new language).
        "carried": carried,
        "form_cache_seconds": settings.PUBLIC_FORM_CACHE_SECONDS,
        # Called only when its cached line is drawn (once a minute a language and process).
        "call_us": selectors.call_us,
        "switch_language": SWITCH_LANGUAGE,
    }
    return render(request, "intake/comeback.html", context)


@never_cache
@require_http_methods(["GET", "HEAD"])
def thanks(request: HttpRequest) -> HttpResponse:
    """Warm thanks: what happens next and by when. Repeats nothing the person wrote."""
    token = request.get_signed_cookie(
        settings.THANKS_COOKIE_NAME, default=None, salt=THANKS_SALT, max_age=THANKS_MAX_AGE
    )
    context = selectors.thanks_context(token) if token else {"known": False}
    response = render(request, "intake/thanks.html", context)
    if settings.THANKS_COOKIE_NAME in request.COOKIES:
        # Single use: a reload (phones often reload after the person taps 988) or the next
        # person on the device sees the neutral page, which still leads with the crisis line.
        response.delete_cookie(settings.THANKS_COOKIE_NAME, samesite="Lax")
    return response


@never_cache
@require_http_methods(["GET", "HEAD"])
def healthz(request: HttpRequest) -> JsonResponse:
    """``{"status": "ok"}`` (503 ``unavailable`` when the database is down) for anyone.

    Staff signed in (with their second step), or a caller sending ``Authorization: Bearer
    <HEALTHZ_TOKEN>``, get every part: database, broker, worker, beat (from heartbeats, never
    by asking them now) and the oldest pending message's age. Nothing here waits on the broker.
    """
    if _may_see_health_detail(request):
        report = health.health_report()
        return JsonResponse(report, status=200 if report["database"] == "ok" else 503)
    status = health.public_status()
    return JsonResponse({"status": status}, status=200 if status == "ok" else 503)


def _may_see_health_detail(request: HttpRequest) -> bool:
    token = settings.HEALTHZ_TOKEN
    sent = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
        return True
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not (user.is_active and user.is_staff):
        return False
    return not settings.ADMIN_REQUIRE_2FA or user.is_verified()


@csrf_exempt
@require_http_methods(["POST"])
def sms_inbound(request: HttpRequest) -> HttpResponse:
    """The SMS provider's webhook for texts people send us.

    Signed through ``intake.webhooks`` under SMS_WEBHOOK_SECRET (timestamp, signature, no
    replay); anything else changes nothing. JSON ``{"from", "body", "id"}`` or a form
    (``From``, ``Body``, ``MessageSid``). STOP, START and HELP are answered by
    ``services.sms_inbound``; any other text is kept with the person's open inquiry, or
    starts one.
    """
    secret = settings.SMS_WEBHOOK_SECRET
    if not secret:
        return HttpResponse(status=404)
    if refused := webhooks.refusal(request, secret=secret, name="sms"):
        return refused
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return JsonResponse({"status": "not_json"}, status=400)
        if not isinstance(data, dict):
            return JsonResponse({"status": "not_an_object"}, status=400)
        phone, body = str(data.get("from", "")), str(data.get("body", ""))
        external_id = str(data.get("id", ""))
    else:
        phone, body = request.POST.get("From", ""), request.POST.get("Body", "")
        external_id = request.POST.get("MessageSid", "")
    outcome = services.sms_inbound(phone=phone, body=body, external_id=external_id)
    return JsonResponse({"result": outcome})


@csrf_exempt
@require_http_methods(["POST"])
def email_inbound(request: HttpRequest) -> HttpResponse:
    """A mail provider's webhook: one raw MIME message (``message/rfc822``) as the body.

    Off (404) unless INBOUND_EMAIL_WEBHOOK_SECRET is set; signed like the SMS webhook. Over
    INBOUND_EMAIL_MAX_BYTES it is refused (413) before it is read in full. Stored through
    ``services.message_receive``; the answer names the stored message by its public id only.
    """
    from .messaging.inbound import InboundTooLarge, parse_email

    secret = settings.INBOUND_EMAIL_WEBHOOK_SECRET
    if not secret:
        return HttpResponse(status=404)
    cap = _inbound_email_cap()
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > cap:
        return _too_large(cap)
    try:
        raw = request.read(cap + 1)
    except RawPostDataException:  # a middleware read the body already (a form type)
        raw = request.body
    if len(raw) > cap:
        return _too_large(cap)
    if refused := webhooks.refusal(request, secret=secret, name="email", body=raw):
        return refused
    try:
        incoming = parse_email(raw)
    except InboundTooLarge:
        return _too_large(cap)
    stored = services.message_receive(incoming=incoming, source="webhook")
    return JsonResponse({"status": "stored", "message": str(stored.public_id)})


def _inbound_email_cap() -> int:
    return int(settings.INBOUND_EMAIL_MAX_BYTES)


def _too_large(cap: int) -> JsonResponse:
    return JsonResponse({"status": "too_large", "max_bytes": cap}, status=413)


# --- Kind error pages ----------------------------------------------------------------


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The public page in the person's voice; on staff pages, an admin page in staff words."""
    from .security import is_admin_path

    if is_admin_path(request) and getattr(request, "user", None) is not None:
        from django.contrib import admin

        reason = str(exception) if exception is not None and str(exception) else ""
        context = {
            **admin.site.each_context(request),
            "title": gettext("You can't do that here"),
            "reason": reason,
        }
        return render(request, "admin/refused.html", context, status=403)
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors that could fail again: a plain render of a static page.
    from django.template import loader

    context = {
        "org_name": settings.ORG_NAME,
        "crisis_phone": settings.CRISIS_PHONE,
        "emergency_phone": settings.EMERGENCY_PHONE,
    }
    return HttpResponse(loader.get_template("500.html").render(context), status=500)
