"""Retention: old spam deleted; finished inquiries' personal and clinical text erased."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
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
    # Messages on no inquiry (never matched, or discarded) whose words were erased.
    erased_unmatched: int = 0


def purge_expired(*, now: datetime | None = None, dry_run: bool = False) -> PurgeResult:
    """Apply the retention periods; with ``dry_run`` only count what would go.

    Quarantined spam older than RETENTION_SPAM_DAYS is deleted. Closed or returned inquiries
    untouched for RETENTION_CLOSED_DAYS (no reassessment notes) or RETENTION_CLINICAL_DAYS
    (with notes) have every personal and free-text field erased, notes' clinical text
    included; status, times, queue and events stay, so the dashboard's figures do not move.
    A message on no inquiry loses its words RETENTION_SPAM_DAYS after it arrived once
    discarded, RETENTION_CLOSED_DAYS after it arrived if nobody ever attached it.
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
    # A message on no inquiry: discarded by a coordinator (a wrong sender, spam) or never
    # matched. Its words go like spam's once discarded, like a finished inquiry's if nobody
    # ever attached it; the row and its Message-ID stay, so it is never read in again as new.
    unmatched = InboundMessage.objects.filter(inquiry__isnull=True).exclude(
        sender="", subject="", body="", quoted="", original=""
    )
    unmatched = unmatched.filter(
        Q(
            state=InboundMessage.State.DISCARDED,
            received_at__lte=now - timedelta(days=settings.RETENTION_SPAM_DAYS),
        )
        | Q(
            state=InboundMessage.State.UNMATCHED,
            received_at__lte=now - timedelta(days=settings.RETENTION_CLOSED_DAYS),
        )
    )
    plain_ids = list(plain.values_list("pk", flat=True))
    clinical_ids = list(clinical.values_list("pk", flat=True))
    unmatched_ids = list(unmatched.values_list("pk", flat=True))
    result = PurgeResult(spam.count(), len(plain_ids), len(clinical_ids), len(unmatched_ids))
    if dry_run:
        return result
    with transaction.atomic():
        spam.delete()
        for pk in plain_ids + clinical_ids:
            _erase(pk, now=now)
        # Never matched in all that time: it leaves the unmatched list as discarded.
        InboundMessage.objects.filter(pk__in=unmatched_ids).update(
            state=InboundMessage.State.DISCARDED,
            handled_at=Coalesce("handled_at", Value(now)),
            **_ERASED_WORDS,
        )
    logger.info(
        "retention: spam deleted=%d erased=%d erased_clinical=%d erased_unmatched=%d",
        result.spam_deleted,
        result.erased,
        result.erased_clinical,
        result.erased_unmatched,
    )
    return result


# What a later message said, and who from: erased, the row kept.
_ERASED_WORDS = {
    "sender": "",
    "sender_hash": "",
    "subject": "",
    "body": "",
    "quoted": "",
    "original": "",
}


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
    InboundMessage.objects.filter(inquiry_id=inquiry_id).update(**_ERASED_WORDS)
    InternalNote.objects.filter(inquiry_id=inquiry_id).delete()
    ContactAttempt.objects.filter(inquiry_id=inquiry_id).update(note="")
    OutboundMessage.objects.filter(inquiry_id=inquiry_id).update(body="")
    ReassessmentNote.objects.filter(inquiry_id=inquiry_id).update(
        **{name: "" for name in ReassessmentNote.CLINICAL_FIELDS}
    )
    InquiryEvent.objects.create(
        inquiry_id=inquiry_id, kind=InquiryEvent.Kind.ERASED, reason="retention"
    )
