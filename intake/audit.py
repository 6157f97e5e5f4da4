"""The audit log: who did what to which record, when and from where. Never any content.

Apart from the services, so the middleware can name the request a service runs for, and
record a refused request, without importing the write side. The services audit their own
writes through ``services.audit``.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from typing import TYPE_CHECKING

from django.db.models import Model
from django.http import HttpRequest

from .models import AuditEvent

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

# A two-step set-up link's token never reaches the log: only its hash is kept anywhere.
_ENROLMENT_TOKEN = re.compile(r"(/2fa/enrol/)[^/]+")

# The request a service runs for (path, client address), set by AuditContextMiddleware, so
# services write their own audit rows inside their transaction without taking the request.
audit_context: ContextVar[tuple[str, str | None] | None] = ContextVar(
    "intake_audit_context", default=None
)


def audit_record(
    *,
    actor: User | AnonymousUser | None,
    action: str,
    obj: Model | None = None,
    object_type: str = "",
    object_id: object = "",
    request: HttpRequest | None = None,
) -> AuditEvent:
    """Append one audit record: who, what (type and id), when, from where. No content."""
    if obj is not None:
        object_type, object_id = obj._meta.model_name or "", obj.pk
    path = ""
    address = None
    if request is not None:
        path = request.path[:200]  # the query string is dropped: a search could be an e-mail
        address = request.META.get("REMOTE_ADDR") or None
    elif (current := audit_context.get()) is not None:
        path, address = current
    path = _ENROLMENT_TOKEN.sub(r"\1-", path)
    return AuditEvent.objects.create(
        # Only a signed-in user is recorded by name (an anonymous request is no one).
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=object_type[:40],
        object_id=str(object_id or "")[:40],
        path=path,
        client_address=address,
    )
