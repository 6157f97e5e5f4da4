"""Staff two-step sign-in with TOTP (django-otp): set up from a link, then verify each session.

Setting up an authenticator needs a one-time link a program admin sent to the account's own
e-mail address (``services.enrolment_link_issue``), so a leaked first password alone never
lets anyone put their own authenticator on an account. The link is opened first (before or
after the password); the session remembers it, and the set-up page works only while it still
does. Confirming the authenticator uses the link up, replaces any earlier authenticator and
shows ten recovery codes once. The verify page takes the app's code or a recovery code.
The session key changes whenever the second step is passed, so a key seen before it is
worth nothing after it.
"""

from __future__ import annotations

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.admin import site as admin_site
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import selectors, services
from .exceptions import EnrolmentReason, EnrolmentRefused
from .models import EnrolmentLink, looks_like_recovery_code
from .security import ENROLMENT_SESSION_KEY, admin_next, redirect_with_next


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class VerifyForm(TokenForm):
    """The app's six-digit code, or one of the recovery codes shown at set-up."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["token"]
        field.help_text = _("No phone with you? Type one of your recovery codes instead.")
        field.widget.attrs["inputmode"] = "text"
        field.widget.attrs["autocapitalize"] = "none"
        field.widget.attrs["spellcheck"] = "false"


def _next(request: HttpRequest) -> str:
    """Where to go after this step: the staff page asked for, or the person's landing page."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    return admin_next(request, target) or reverse("intake-landing")


def _staff_or_login(request: HttpRequest) -> HttpResponse | None:
    if not (request.user.is_authenticated and request.user.is_staff):
        return redirect_with_next("admin:login", request.get_full_path())
    return None


def _has_authenticator(user) -> bool:
    return any(True for _d in devices_for_user(user, confirmed=True))


def _page(request: HttpRequest, template: str, status: int = 200, **context) -> HttpResponse:
    return render(request, template, {**admin_site.each_context(request), **context}, status=status)


LINK_PAGES = {
    # reason: (title, status)
    EnrolmentReason.USED: (_("This link has been used"), 410),
    EnrolmentReason.EXPIRED: (_("This link has expired"), 410),
    EnrolmentReason.REVOKED: (_("This link has been replaced"), 410),
    EnrolmentReason.UNKNOWN: (_("This link doesn't work"), 404),
    EnrolmentReason.NO_DEVICE: (_("Let's start that again"), 409),
}


def _link_page(request: HttpRequest, reason: EnrolmentReason) -> HttpResponse:
    """A kind page saying why a set-up link can't be used, and what to do instead."""
    title, status = LINK_PAGES.get(reason, LINK_PAGES[EnrolmentReason.UNKNOWN])
    return _page(
        request,
        "admin/2fa_link.html",
        status=status,
        title=title,
        reason=str(reason),
        signed_in=request.user.is_authenticated,
    )


_LINK_REASONS = {
    EnrolmentLink.State.USED: EnrolmentReason.USED,
    EnrolmentLink.State.EXPIRED: EnrolmentReason.EXPIRED,
    EnrolmentLink.State.REVOKED: EnrolmentReason.REVOKED,
}


@never_cache
def enrol(request: HttpRequest, token: str) -> HttpResponse:
    """A set-up link, opened: remember it in this session, then sign in and set up.

    Opening it changes nothing (a mail scanner that follows links cannot use it up); the
    link is used up only when an authenticator is confirmed with it.
    """
    link = selectors.enrolment_link_by_token(token)
    if link is None:
        return _link_page(request, EnrolmentReason.UNKNOWN)
    state = link.state()
    if state != EnrolmentLink.State.USABLE:
        return _link_page(request, _LINK_REASONS[state])
    user = request.user
    if user.is_authenticated and user.pk != link.user_id:
        return _page(
            request,
            "admin/2fa_link.html",
            status=403,
            title=_("This link is for someone else"),
            reason="other_account",
            signed_in=True,
        )
    request.session[ENROLMENT_SESSION_KEY] = {"link": link.pk}
    setup_path = reverse("intake-2fa-setup")
    if not user.is_authenticated:
        return redirect_with_next("admin:login", setup_path)
    return redirect(setup_path)


def _enrolment_device(request: HttpRequest, link: EnrolmentLink) -> TOTPDevice:
    """The unconfirmed authenticator made for this session's link (a new one if need be)."""
    pending = request.session.get(ENROLMENT_SESSION_KEY) or {}
    device_id = pending.get("device")
    device = (
        TOTPDevice.objects.filter(pk=device_id, user=request.user, confirmed=False).first()
        if isinstance(device_id, int)
        else None
    )
    if device is None:
        device = services.authenticator_start(user=request.user, link_id=link.pk)
        request.session[ENROLMENT_SESSION_KEY] = {"link": link.pk, "device": device.pk}
    return device


@never_cache
@sensitive_post_parameters("token")
def setup(request: HttpRequest) -> HttpResponse:
    """Set up a TOTP authenticator from a set-up link: scan the code, type one to confirm."""
    if response := _staff_or_login(request):
        return response
    pending = request.session.get(ENROLMENT_SESSION_KEY) or {}
    link = selectors.enrolment_link_usable(user=request.user, link_id=pending.get("link"))
    if link is None:
        request.session.pop(ENROLMENT_SESSION_KEY, None)
        if _has_authenticator(request.user):
            return redirect_with_next("intake-2fa-verify", _next(request))
        return _page(
            request,
            "admin/2fa_link.html",
            status=403,
            title=_("Setting up two-step sign-in needs a link"),
            reason="needed",
            signed_in=True,
        )
    replacing = _has_authenticator(request.user)
    try:
        device = _enrolment_device(request, link)
    except EnrolmentRefused as refused:
        request.session.pop(ENROLMENT_SESSION_KEY, None)
        return _link_page(request, refused.reason)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            return _confirmed(request, link, device)
        form.add_error(
            "token", _("That code did not match. Check the time on your phone and try again.")
        )
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return _page(
        request,
        "admin/2fa_setup.html",
        title=_("Set up two-step sign-in"),
        form=form,
        # The SVG is generated here from our own otpauth URL (no user input reaches it).
        qr_svg=mark_safe(image.to_string(encoding="unicode")),  # noqa: S308 # nosec B308 B703
        secret=device.config_url.split("secret=")[1].split("&")[0],
        next=_next(request),
        replacing=replacing,
    )


def _confirmed(request: HttpRequest, link: EnrolmentLink, device: TOTPDevice) -> HttpResponse:
    """The code matched: enrol, verify this session under a new key, show the codes once."""
    try:
        enrolment = services.authenticator_enrol(
            user=request.user, link_id=link.pk, device_id=device.pk
        )
    except EnrolmentRefused as refused:
        request.session.pop(ENROLMENT_SESSION_KEY, None)
        return _link_page(request, refused.reason)
    request.session.pop(ENROLMENT_SESSION_KEY, None)
    otp_login(request, enrolment.device)
    request.session.cycle_key()
    # Shown in this response only (never stored, never in a URL; staff pages are no-store).
    return _page(
        request,
        "admin/2fa_recovery_codes.html",
        title=_("Your recovery codes"),
        codes=enrolment.codes,
        replaced=enrolment.replaced,
        next=_next(request),
    )


@never_cache
@sensitive_post_parameters("token")
def verify(request: HttpRequest) -> HttpResponse:
    """Ask for the app's current code (or a recovery code) once per session."""
    if response := _staff_or_login(request):
        return response
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip()
        if looks_like_recovery_code(token):
            device = services.recovery_code_sign_in(user=request.user, code=token)
        else:
            device = services.authenticator_sign_in(user=request.user, token=token)
        if device is not None:
            otp_login(request, device)
            request.session.cycle_key()
            return redirect(_next(request))
        form.add_error(
            "token",
            _(
                "That code did not match. App codes change every 30 seconds; "
                "each recovery code works once."
            ),
        )
    return _page(
        request,
        "admin/2fa_verify.html",
        title=_("Two-step sign-in"),
        form=form,
        next=_next(request),
    )
