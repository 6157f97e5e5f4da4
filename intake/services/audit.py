"""The services audit their own writes, in the caller's transaction (the log: ``intake.audit``)."""

from __future__ import annotations

from django.db.models import Model

from ..audit import audit_record
from ..models import AuditEvent
from .common import Actor


def _audit(actor: Actor, obj: Model, action: str = AuditEvent.Action.CHANGE) -> None:
    """A staff member's write, audited in the caller's transaction (a refusal rolls it back)."""
    if getattr(actor, "is_authenticated", False):
        audit_record(actor=actor, action=action, obj=obj)
