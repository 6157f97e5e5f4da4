"""Retention: old spam deleted; finished inquiries' personal and clinical text erased."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import (
    ContactAttempt,
    InboundMessage,
    Inquiry,
    InquiryEvent,
    InternalNote,
    OutboundMessage,
    Priority,
    ReassessmentNote,
)
from .common import logger


@dataclass(frozen=True)
class PurgeResult:
    spam_deleted: int
    erased: int
    erased_clinical: int


def purge_expired(*, now: datetime | None = None, dry_run: bool = False) -> PurgeResult:
    """Apply the retention periods; with ``dry_run`` only count what would go.

    Quarantined spam older than RETENTION_SPAM_DAYS is deleted. Closed or returned inquiries
    untouched for RETENTION_CLOSED_DAYS (no reassessment notes) or RETENTION_CLINICAL_DAYS
    (with notes) have every personal and free-text field erased, notes' clinical text
    included; status, times, queue and events stay, so the dashboard's figures do not move.
    The audit log is never purged.
    """
    now = now or timezone.now()
    # A held inquiry is a person's message waiting for release, never spam: never purged.
    spam = Inquiry.objects.filter(
        is_spam=True,
        is_held=False,
        priority=Priority.ROUTINE,
        created_at__lte=now - timedelta(days=settings.RETENTION_SPAM_DAYS),
    )
    finished = Inquiry.objects.filter(
        status__in=[Inquiry.Status.CLOSED, Inquiry.Status.RETURNED], erased_at__isnull=True
    )
    plain = finished.filter(
        notes__isnull=True,
        updated_at__lte=now - timedelta(days=settings.RETENTION_CLOSED_DAYS),
    )
    clinical = finished.filter(
        notes__isnull=False,
        updated_at__lte=now - timedelta(days=settings.RETENTION_CLINICAL_DAYS),
    ).distinct()
    plain_ids = list(plain.values_list("pk", flat=True))
    clinical_ids = list(clinical.values_list("pk", flat=True))
    result = PurgeResult(spam.count(), len(plain_ids), len(clinical_ids))
    if dry_run:
        return result
    with transaction.atomic():
        spam.delete()
        for pk in plain_ids + clinical_ids:
            _erase(pk, now=now)
    logger.info(
        "retention: spam deleted=%d erased=%d erased_clinical=%d",
        result.spam_deleted,
        result.erased,
        result.erased_clinical,
    )
    return result


def _erase(inquiry_id: int, *, now: datetime) -> None:
    Inquiry.objects.filter(pk=inquiry_id).update(
        message="",
        preferred_name="",
        name_index="",
        email="",
        phone="",
        contact_hash="",
        other_contact_hash="",
        away_reasons=[],
        submission_token=None,
        erased_at=now,
    )
    # What the person wrote later (e-mail, text, the form): the words go; the row and its
    # Message-ID stay, so a mailbox read again never brings the message back as new.
    InboundMessage.objects.filter(inquiry_id=inquiry_id).update(
        sender="", sender_hash="", subject="", body="", quoted="", original=""
    )
    InternalNote.objects.filter(inquiry_id=inquiry_id).delete()
    ContactAttempt.objects.filter(inquiry_id=inquiry_id).update(note="")
    OutboundMessage.objects.filter(inquiry_id=inquiry_id).update(body="")
    ReassessmentNote.objects.filter(inquiry_id=inquiry_id).update(
        **{name: "" for name in ReassessmentNote.CLINICAL_FIELDS}
    )
    InquiryEvent.objects.create(
        inquiry_id=inquiry_id, kind=InquiryEvent.Kind.ERASED, reason="retention"
    )
