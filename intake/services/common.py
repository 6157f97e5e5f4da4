"""Small helpers the services share: their logger, row locking, refusals, per-row UPDATEs."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, TypeAlias

from django.db import connection
from django.db.models import Case, Value, When
from django.db.models.functions import Cast

from ..exceptions import ActionRefused, Refusal
from ..models import Inquiry

if TYPE_CHECKING:
    # settings.AUTH_USER_MODEL is Django's own User: the type every user foreign key holds.
    from django.contrib.auth.models import User

# The staff member a service acts for; None when nobody does (a task, a command, a test).
Actor: TypeAlias = "User | None"

# Every service logs under the one name it had before the services became a package, so log
# lines (and whatever reads or filters them) are unchanged.
logger = logging.getLogger("intake.services")


def _transition_refused(code: Refusal, current: str, new: str) -> ActionRefused:
    """The refusal of a status change, naming both statuses in the staff person's words."""
    return ActionRefused(
        Refusal(code), current=Inquiry.Status(current).label, new=Inquiry.Status(new).label
    )


def _locked(inquiry_id: int) -> Inquiry:
    inquiry = Inquiry.objects.select_for_update().filter(pk=inquiry_id).first()
    if inquiry is None:
        raise ActionRefused(Refusal.MISSING)
    return inquiry


def _update_each(queryset, objs, fields) -> int:
    """One UPDATE giving each object its own values of ``fields`` (like ``bulk_update``).

    A field holding the same value on every object is set plainly; only the others become a
    CASE over the ids. ``bulk_update`` builds a CASE for every field, which for a batch of
    twenty cost more than the statement's round trip (measured by `make bench`).
    """
    objs = list(objs)
    meta = queryset.model._meta
    requires_cast = connection.features.requires_casted_case_in_updates
    changes = {}
    for name in fields:
        field = meta.get_field(name)
        values = [getattr(obj, field.attname) for obj in objs]
        if all(value == values[0] for value in values):
            changes[field.attname] = values[0]
            continue
        case = Case(
            *(
                When(pk=obj.pk, then=Value(value, output_field=field))
                for obj, value in zip(objs, values, strict=True)
            ),
            output_field=field,
        )
        changes[field.attname] = Cast(case, output_field=field) if requires_cast else case
    return queryset.filter(pk__in=[obj.pk for obj in objs]).update(**changes)
