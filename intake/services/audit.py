"""The services audit their own writes, in the caller's transaction (the log: ``intake.audit``)."""

from __future__ import annotations

from ..audit import audit_record
from ..models import AuditEvent


def _audit(actor, obj, action: str = AuditEvent.Action.CHANGE) -> None:
    """A staff member's write, audited in the caller's transaction (a refusal rolls it back)."""
    if getattr(actor, "is_authenticated", False):
        audit_record(actor=actor, action=action, obj=obj)
