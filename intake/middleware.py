"""Read the real client address behind DJANGO_TRUSTED_PROXIES proxies (0: trust nothing)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .audit import audit_context, audit_record
from .models import AuditEvent
from .security import admin_prefix, is_admin_path


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


class AuditContextMiddleware:
    """Let services write audit rows with this request's path (ids only) and client address."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The query string is dropped: a search could be an e-mail address.
        token = audit_context.set((request.path[:200], request.META.get("REMOTE_ADDR") or None))
        try:
            return self.get_response(request)
        finally:
            audit_context.reset(token)


class AuditDeniedMiddleware:
    """Record every refused staff request to the admin (403, or 404 for an object out of reach).

    The record names the path with ids only, the user and the client address — no content.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code in (403, 404) and is_admin_path(request):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                rest = request.path_info[len(admin_prefix()) :]
                parts = [p for p in rest.split("/") if p]
                object_type = parts[1] if len(parts) > 1 and parts[0] == "intake" else ""
                object_id = parts[2] if len(parts) > 2 and parts[2].isdigit() else ""
                audit_record(
                    actor=user,
                    action=AuditEvent.Action.DENIED,
                    object_type=object_type,
                    object_id=object_id,
                    request=request,
                )
        return response
