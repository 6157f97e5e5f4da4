"""Reassessment: scheduling it, and its clinical notes (drafts, amendments, signatures)."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from .. import workflow
from ..exceptions import ActionRefused, Refusal
from ..models import AuditEvent, Inquiry, InquiryEvent, OutboundMessage, ReassessmentNote
from .audit import _audit
from .common import Actor, _locked, _transition_refused

if TYPE_CHECKING:
    from django.contrib.auth.models import User
from .outbox import _enqueue_on_commit, _event, acknowledgement_channel


def reassessment_schedule(
    *, actor: Actor, inquiry_id: int, when: datetime, care_format: str
) -> Inquiry:
    """Set the reassessment time and format, and send the person a warm confirmation.

    The status moves to reassessment_scheduled (along the allowed transitions); the
    confirmation (date, time, format — nothing clinical) goes through the outbox on the
    person's channel, once per scheduled time. Writes events.
    """
    if when <= timezone.now():
        raise ActionRefused(Refusal.PAST)
    if care_format not in Inquiry.SCHEDULABLE_FORMATS:
        raise ActionRefused(Refusal.FORMAT)
    with transaction.atomic():
        inquiry = _locked(inquiry_id)
        if inquiry.status != Inquiry.Status.REASSESSMENT_SCHEDULED:
            target = Inquiry.Status.REASSESSMENT_SCHEDULED
            refusal = workflow.check_transition(inquiry.status, target)
            if refusal:
                raise _transition_refused(refusal, inquiry.status, target)
            _event(
                inquiry,
                InquiryEvent.Kind.STATUS_CHANGED,
                actor=actor,
                from_state=inquiry.status,
                to_state=target,
                reason="scheduled",
            )
            inquiry.status = target
        inquiry.reassessment_at = when
        inquiry.reassessment_format = care_format
        inquiry.save(
            update_fields=["status", "reassessment_at", "reassessment_format", "updated_at"]
        )
        _event(
            inquiry,
            InquiryEvent.Kind.REASSESSMENT_SCHEDULED,
            actor=actor,
            reason=care_format,
            data={"at": when.isoformat()},
        )
        channel = acknowledgement_channel(inquiry)
        owed = []
        if channel:
            message, made = OutboundMessage.objects.get_or_create(
                inquiry=inquiry,
                kind=OutboundMessage.Kind.REASSESSMENT_CONFIRMATION,
                dedupe_key=f"at-{when:%Y%m%d%H%M}",
                defaults={
                    "channel": channel,
                    "template_key": "reassessment_confirmation",
                    "language": inquiry.language,
                    "created_by": actor,
                },
            )
            if made:
                owed.append(message.pk)
        _audit(actor, inquiry)
        _enqueue_on_commit(inquiry.pk, owed)
    return inquiry


NOTE_FIELDS = (*ReassessmentNote.CLINICAL_FIELDS, "next_step_on")


def note_add(
    *, actor: Actor, inquiry_id: int, fields: dict, amends_id: int | None = None
) -> ReassessmentNote:
    """Start a reassessment note (a draft), or an amendment of a signed one of this inquiry.

    Writes the note (only the keys of ``fields`` named in ``NOTE_FIELDS``; others are
    ignored) and a ``note_started`` event naming the note and what it amends (never its
    text). The audit record (action ``create``, naming the note) is written only when
    ``actor`` is a signed-in user; for anyone else (no actor, an anonymous user) there is
    none. Refuses ``AMENDS`` when ``amends_id`` is not a signed note of this inquiry.
    """
    with transaction.atomic():
        inquiry = _locked(inquiry_id)
        amends = None
        if amends_id is not None:
            amends = ReassessmentNote.objects.filter(
                pk=amends_id, inquiry=inquiry, state=ReassessmentNote.State.SIGNED
            ).first()
            if amends is None:
                raise ActionRefused(Refusal.AMENDS)
        note = ReassessmentNote.objects.create(
            inquiry=inquiry,
            author=actor,
            amends=amends,
            **{k: v for k, v in fields.items() if k in NOTE_FIELDS},
        )
        _event(
            inquiry,
            InquiryEvent.Kind.NOTE_STARTED,
            actor=actor,
            reason="amendment" if amends else "note",
            data={"note": note.pk, "amends": amends.pk if amends else None},
        )
        _audit(actor, note, AuditEvent.Action.CREATE)
    return note


def note_update(*, actor: Actor, note_id: int, fields: dict) -> ReassessmentNote:
    """Edit a draft: only its author may, and never once it is signed."""
    with transaction.atomic():
        note = ReassessmentNote.objects.select_for_update().filter(pk=note_id).first()
        if note is None:
            raise ActionRefused(Refusal.NOTE_MISSING)
        if note.state == ReassessmentNote.State.SIGNED:
            raise ActionRefused(Refusal.SIGNED)
        if note.author_id != getattr(actor, "pk", None):
            raise ActionRefused(Refusal.AUTHOR)
        changed = [k for k, v in fields.items() if k in NOTE_FIELDS and getattr(note, k) != v]
        for name in changed:
            setattr(note, name, fields[name])
        if changed:
            note.save(update_fields=[*changed, "updated_at"])
            _audit(actor, note)
    return note


def note_version(note: ReassessmentNote) -> str:
    """A short fingerprint of a note's text as shown: any edit to a draft changes it."""
    text = "\x1f".join(str(getattr(note, name) or "") for name in NOTE_FIELDS)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def note_sign(*, actor: User, note_id: int, version: str | None = None) -> ReassessmentNote:
    """A clinical reviewer signs a draft; from then on it is never edited.

    ``version`` is the ``note_version`` of the text the reviewer read: if the author changed
    the draft since, nothing is signed (``NOTE_CHANGED``) and the reviewer reads it again.
    Writes the note, an event and an audit record.
    """
    if not actor.has_perm("intake.sign_reassessmentnote"):
        raise ActionRefused(Refusal.SIGN_PERMISSION)
    with transaction.atomic():
        note = ReassessmentNote.objects.select_for_update().filter(pk=note_id).first()
        if note is None:
            raise ActionRefused(Refusal.NOTE_MISSING)
        if note.state == ReassessmentNote.State.SIGNED:
            return note
        if version is not None and not hmac.compare_digest(version, note_version(note)):
            raise ActionRefused(Refusal.NOTE_CHANGED)
        note.state = ReassessmentNote.State.SIGNED
        note.signed_by = actor
        note.signed_at = timezone.now()
        note.save(update_fields=["state", "signed_by", "signed_at", "updated_at"])
        _event(
            note.inquiry,
            InquiryEvent.Kind.NOTE_SIGNED,
            actor=actor,
            from_state=ReassessmentNote.State.DRAFT,
            to_state=ReassessmentNote.State.SIGNED,
            data={"note": note.pk},
        )
        _audit(actor, note, AuditEvent.Action.SIGN)
    return note
