"""Read the real client address behind DJANGO_TRUSTED_PROXIES proxies (0: trust nothing)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class TrustedProxyMiddleware:
    """With N trusted proxies, the client is the N-th address from the right of X-Forwarded-For.

    Addresses further left were written by the client itself and are never believed.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.proxies = settings.TRUSTED_PROXIES

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.proxies:
            forwarded = [
                a.strip()
                for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                if a.strip()
            ]
            if len(forwarded) >= self.proxies:
                request.META["REMOTE_ADDR"] = forwarded[-self.proxies]
        return self.get_response(request)
