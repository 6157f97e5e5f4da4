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


class AuditDeniedMiddleware:
    """Record every refused staff request to the admin (403, or 404 for an object out of reach).

    The record names the path with ids only, the user and the client address — no content.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code in (403, 404) and request.path.startswith("/admin/"):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                from .models import AuditEvent
                from .services import audit_record

                parts = [p for p in request.path.split("/") if p]
                object_type = parts[2] if len(parts) > 2 and parts[1] == "intake" else ""
                object_id = parts[3] if len(parts) > 3 and parts[3].isdigit() else ""
                audit_record(
                    actor=user,
                    action=AuditEvent.Action.DENIED,
                    object_type=object_type,
                    object_id=object_id,
                    request=request,
                )
        return response
