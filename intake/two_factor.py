"""Staff two-factor sign-in with TOTP (django-otp): enrol once, then verify each session.

Enrolment is only possible while a user has no confirmed device, so a stolen password alone
can never swap in the thief's authenticator.
"""

from __future__ import annotations

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.admin import site as admin_site
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .security import redirect_with_next


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("admin:index")


def _staff_or_login(request: HttpRequest) -> HttpResponse | None:
    if not (request.user.is_authenticated and request.user.is_staff):
        return redirect_with_next("admin:login", request.get_full_path())
    return None


@never_cache
def setup(request: HttpRequest) -> HttpResponse:
    """Enrol a TOTP authenticator: scan the code, type one token to confirm it."""
    if response := _staff_or_login(request):
        return response
    if any(True for _d in devices_for_user(request.user, confirmed=True)):
        return redirect_with_next("intake-2fa-verify", _next(request))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="authenticator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error(
            "token", _("That code did not match. Check the time on your phone and try again.")
        )
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    context = {
        **admin_site.each_context(request),
        "title": _("Set up two-step sign-in"),
        "form": form,
        # The SVG is generated here from our own otpauth URL (no user input reaches it).
        "qr_svg": mark_safe(image.to_string(encoding="unicode")),  # noqa: S308 # nosec B308 B703
        "secret": device.config_url.split("secret=")[1].split("&")[0],
        "next": _next(request),
    }
    return render(request, "admin/2fa_setup.html", context)


@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    """Ask for the current code once per session before any admin page."""
    if response := _staff_or_login(request):
        return response
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip())
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", _("That code did not match. Codes change every 30 seconds."))
    context = {
        **admin_site.each_context(request),
        "title": _("Two-step sign-in"),
        "form": form,
        "next": _next(request),
    }
    return render(request, "admin/2fa_verify.html", context)
