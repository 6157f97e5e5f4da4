"""Pure rules of an inquiry's life: which status changes are allowed and what they need."""

from __future__ import annotations

NEW = "new"
CONTACTED = "contacted"
SCHEDULED = "reassessment_scheduled"
RETURNED = "returned"
NOT_NOW = "not_now"
CLOSED = "closed"

ALLOWED: dict[str, frozenset[str]] = {
    NEW: frozenset({CONTACTED, NOT_NOW, CLOSED}),
    CONTACTED: frozenset({SCHEDULED, NOT_NOW, CLOSED}),
    SCHEDULED: frozenset({RETURNED, CONTACTED, NOT_NOW, CLOSED}),
    RETURNED: frozenset({CLOSED}),
    NOT_NOW: frozenset({CONTACTED, SCHEDULED, CLOSED}),
    # A closed inquiry can be reopened when the person gets back in touch.
    CLOSED: frozenset({CONTACTED}),
}
NEEDS_REASON = frozenset({NOT_NOW, CLOSED})


def check_transition(current: str, new: str, *, reason: str = "") -> str | None:
    """None when ``current`` → ``new`` is allowed with this reason, else the refusal code
    (an ``intake.exceptions.Refusal`` value)."""
    if new == current:
        return "same"
    if new not in ALLOWED.get(current, frozenset()):
        return "not_allowed"
    if new in NEEDS_REASON and not reason:
        return "reason_required"
    return None


def needs_decision(unanswered_attempts: int, maximum: int) -> bool:
    """After the queue's maximum of unanswered attempts, a person decides what comes next."""
    return maximum > 0 and unanswered_attempts >= maximum
