"""Rules of an inquiry's life: which status changes are allowed and what they need.

The statuses are ``Inquiry.Status`` itself (a choices enum; nothing here reads the
database), so a status is named in one place only.
"""

from __future__ import annotations

from .exceptions import Refusal
from .models import Inquiry

Status = Inquiry.Status

ALLOWED: dict[str, frozenset[str]] = {
    Status.NEW: frozenset({Status.CONTACTED, Status.NOT_NOW, Status.CLOSED}),
    Status.CONTACTED: frozenset({Status.REASSESSMENT_SCHEDULED, Status.NOT_NOW, Status.CLOSED}),
    Status.REASSESSMENT_SCHEDULED: frozenset(
        {Status.RETURNED, Status.CONTACTED, Status.NOT_NOW, Status.CLOSED}
    ),
    Status.RETURNED: frozenset({Status.CLOSED}),
    Status.NOT_NOW: frozenset({Status.CONTACTED, Status.REASSESSMENT_SCHEDULED, Status.CLOSED}),
    # A closed inquiry can be reopened when the person gets back in touch.
    Status.CLOSED: frozenset({Status.CONTACTED}),
}
NEEDS_REASON = frozenset({Status.NOT_NOW, Status.CLOSED})


def check_transition(current: str, new: str, *, reason: str = "") -> Refusal | None:
    """None when ``current`` → ``new`` is allowed with this reason, else why not."""
    if new == current:
        return Refusal.SAME_STATUS
    if new not in ALLOWED.get(current, frozenset()):
        return Refusal.NOT_ALLOWED
    if new in NEEDS_REASON and not reason:
        return Refusal.REASON_REQUIRED
    return None


def needs_decision(unanswered_attempts: int, maximum: int) -> bool:
    """After the queue's maximum of unanswered attempts, a person decides what comes next."""
    return maximum > 0 and unanswered_attempts >= maximum
