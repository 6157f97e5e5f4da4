"""Staff-side protections: headers, session limits, two-factor gate, fail-closed sign-in.

The public form stays open when the cache is down (a person's message matters more); staff
sign-in fails closed (an attacker must not profit from a broken cache).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from urllib.parse import unquote, urlencode, urlsplit

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_ratelimit.core import is_ratelimited

logger = logging.getLogger(__name__)

SESSION_STARTED_KEY = "reengage_auth_started"
# The set-up link this session opened ({"link": id, "device": id}): see intake.two_factor.
ENROLMENT_SESSION_KEY = "reengage_enrolment"


def client_ip(request: HttpRequest) -> str:
    """The client address as TrustedProxyMiddleware established it (for django-axes)."""
    return request.META.get("REMOTE_ADDR", "")


def redirect_with_next(view_name: str, target: str) -> HttpResponse:
    """Send the person to a sign-in step, coming back to ``target`` (its query string too)."""
    return redirect(f"{reverse(view_name)}?{urlencode({'next': target})}")


def admin_prefix() -> str:
    return "/" + settings.ADMIN_URL.lstrip("/")


def is_admin_path(request: HttpRequest) -> bool:
    return request.path_info.startswith(admin_prefix())


# Never a page to go on to after a sign-in step: the sign-in pages and set-up links themselves.
_NOT_NEXT = re.compile(r"^(?:login|logout|2fa/enrol/.*)/?$")


def admin_next(request: HttpRequest, target: str) -> str | None:
    """``target`` if it is a staff page to go on to after signing in, else None.

    None for a missing target, one on another host or scheme, one outside the staff pages, a
    sign-in page, a path no staff page answers (it would be a 404), and the staff home page
    itself (``/admin/``, where the sign-in page sends anyone who opened the site without
    asking for a page): the caller then lands the person on their role's page.
    """
    if not target or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    path = urlsplit(target).path
    prefix = admin_prefix()
    # "/admin/intake/inquiry/../../../x/" would pass as a staff page and the browser would
    # go to "/x/": no dot segments, written or %-encoded.
    if {".", ".."} & set(unquote(path).split("/")):
        return None
    if not path.startswith(prefix) or path == prefix or _NOT_NEXT.match(path[len(prefix) :]):
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    # Django admin's catch-all answers every other path under /admin/ with a 404.
    if getattr(match.func, "__name__", "") == "catch_all_view":
        return None
    return target


class ReengageCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere; Django admin's inline style attributes on admin pages."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if is_admin_path(request):
            parts.update = {**(parts.update or {}), "style-src": [UNSAFE_INLINE]}
        return parts


class SecurityHeadersMiddleware:
    """Permissions-Policy everywhere; ``no-store`` on every staff page (personal data)."""

    PERMISSIONS_POLICY = (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    )

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        if is_admin_path(request):
            response["Cache-Control"] = "no-store, private"
        return response


def mark_sign_in(sender, request, user, **kwargs) -> None:
    """Remember when this session signed in, for the absolute cap."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_STARTED_KEY] = time.time()


class SessionLimitsMiddleware:
    """An absolute cap on a staff session, on top of the idle timeout.

    The idle timeout is the session cookie's age, renewed on every request
    (SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST); this adds the cap since sign-in.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(SESSION_STARTED_KEY)
            now = time.time()
            if started is None:
                request.session[SESSION_STARTED_KEY] = now
            elif now - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                return redirect_with_next("admin:login", request.get_full_path())
        return self.get_response(request)


# Pages a signed-in person may reach before the second factor (the whole path after the
# admin prefix: "intake/inquiry/login/" is not the sign-in page).
_TWO_FACTOR_FREE = re.compile(r"^(?:login|logout|2fa/(?:setup|verify|enrol/[\w-]+)|jsi18n)/?$")


class TwoFactorRequiredMiddleware:
    """No admin page without a verified second factor, when ADMIN_REQUIRE_2FA is on."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.ADMIN_REQUIRE_2FA and is_admin_path(request):
            user = getattr(request, "user", None)
            rest = request.path_info[len(admin_prefix()) :]
            if (
                user is not None
                and user.is_authenticated
                and not user.is_verified()
                and not _TWO_FACTOR_FREE.match(rest)
            ):
                from django_otp import devices_for_user

                has_device = any(True for _d in devices_for_user(user, confirmed=True))
                # A session that opened a set-up link goes on setting up (a replacement for
                # a lost phone, too); the set-up page checks the link is still good.
                enrolling = ENROLMENT_SESSION_KEY in request.session
                target = "intake-2fa-setup" if enrolling or not has_device else "intake-2fa-verify"
                return redirect_with_next(target, request.get_full_path())
        return self.get_response(request)


class StaffSignInGuardMiddleware:
    """Fail closed: when the rate-limit cache is unreachable, staff sign-in pauses.

    Per-address attempts are limited (ADMIN_LOGIN_RATE) before django-axes' per-user and
    per-address lockout even counts them.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request.path_info == reverse("admin:login"):
            try:
                limited = is_ratelimited(
                    request,
                    group="staff-sign-in",
                    key="ip",
                    rate=settings.ADMIN_LOGIN_RATE,
                    method="POST",
                    increment=True,
                )
            except Exception:  # noqa: BLE001 - unknown cache state: refuse, do not guess
                logger.warning("staff sign-in paused: rate-limit cache unavailable")
                return render(request, "admin/sign_in_paused.html", status=503)
            if limited:
                logger.warning("staff sign-in rate limit reached")
                return render(request, "admin/locked_out.html", status=429)
        return self.get_response(request)


class RedactPersonalData(logging.Filter):
    """Last line of defence: mask anything shaped like an e-mail address or phone number."""

    EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
    # A two-step set-up link's token (django.request logs the path of a refused request).
    ENROLMENT_TOKEN = re.compile(r"(/2fa/enrol/)[^/\s?#]+")
    # Standalone runs of 10–15 digits with phone punctuation; never parts of ids or UUIDs.
    PHONE = re.compile(r"(?<![\w-])\+?\(?\d[\d ().-]{7,}\d(?![\w-])")

    @staticmethod
    def _mask_phone(match: re.Match[str]) -> str:
        text = match.group(0)
        if re.match(r"\d{4}-\d{2}-\d{2}", text):  # an ISO date and time, not a phone number
            return text
        digits = sum(ch.isdigit() for ch in text)
        return "[number]" if 10 <= digits <= 15 else text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self.PHONE.sub(self._mask_phone, self.EMAIL.sub("[e-mail]", message))
        cleaned = self.ENROLMENT_TOKEN.sub(r"\1[link]", cleaned)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
