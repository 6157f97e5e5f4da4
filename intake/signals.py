"""Cache invalidation: a row saved or deleted in this process forgets what was cached from it.

Connected once, in ``IntakeConfig.ready()``. A change saved in another process reaches this
one when its copy runs out (``ROUTING_SETUP_TTL_SECONDS``, ``PUBLIC_FORM_CACHE_SECONDS``).
"""

from __future__ import annotations

from django.core.cache import caches
from django.db.models.signals import post_delete, post_save

from .models import CoordinatorQueue, QueueHoliday, RoutingRule, Site
from .routing_cache import routing_setup_clear


def public_form_cache_clear(**_kwargs) -> None:
    """A site was added, renamed or retired here: draw the public form afresh."""
    caches["forms"].clear()


# (sender, receiver, dispatch_uid): each receiver hears both post_save and post_delete.
RECEIVERS = (
    (RoutingRule, routing_setup_clear, "routing-setup-rule"),
    (CoordinatorQueue, routing_setup_clear, "routing-setup-queue"),
    (QueueHoliday, routing_setup_clear, "routing-setup-holiday"),
    (Site, public_form_cache_clear, "public-form-sites"),
)


def connect() -> None:
    """Connect every cache-invalidation receiver (idempotent: each has its dispatch_uid)."""
    for sender, receiver, dispatch_uid in RECEIVERS:
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=sender, dispatch_uid=dispatch_uid)
