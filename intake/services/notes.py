"""Reassessment: scheduling it, and its clinical notes (drafts, amendments, signatures)."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from .. import workflow
from ..exceptions import ActionRefused, Refusal
from ..models import AuditEvent, Inquiry, InquiryEvent, OutboundMessage, ReassessmentNote
from ..roles import REVIEWER
from .audit import _audit
from .common import Actor, _locked, _transition_refused

if TYPE_CHECKING:
    from django.contrib.auth.models import User
from .outbox import _account_mail_create, _enqueue_on_commit, _event, acknowledgement_channel


def reassessment_schedule(
    *,
    actor: Actor,
    inquiry_id: int,
    when: datetime,
    care_format: str,
    site_id: int | None = None,
) -> Inquiry:
    """Set the reassessment time, format and place, and send the person a warm confirmation.

    The status moves to reassessment_scheduled (along the allowed transitions). An in-person
    (or mixed) visit happens at ``site_id``, or the inquiry's own site when none is given; a
    virtual one at no site. The confirmation (when, how, where or how to join, how to change
    it — nothing clinical) goes through the outbox on the person's channel, once per time,
    format and place. Writes events (the site by id only).
    """
    if when <= timezone.now():
        raise ActionRefused(Refusal.PAST)
    if care_format not in Inquiry.SCHEDULABLE_FORMATS:
        raise ActionRefused(Refusal.FORMAT)
    from ..models import Site

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
        site = None
        if care_format in (Inquiry.CareFormat.IN_PERSON, Inquiry.CareFormat.HYBRID):
            chosen = Site.objects.filter(pk=site_id).first() if site_id is not None else None
            site = chosen or inquiry.site
        inquiry.reassessment_at = when
        inquiry.reassessment_format = care_format
        inquiry.reassessment_site = site
        inquiry.save(
            update_fields=[
                "status",
                "reassessment_at",
                "reassessment_format",
                "reassessment_site",
                "updated_at",
            ]
        )
        _event(
            inquiry,
            InquiryEvent.Kind.REASSESSMENT_SCHEDULED,
            actor=actor,
            reason=care_format,
            data={"at": when.isoformat(), "site": site.pk if site else None},
        )
        channel = acknowledgement_channel(inquiry)
        owed = []
        if channel:
            message, made = OutboundMessage.objects.get_or_create(
                inquiry=inquiry,
                kind=OutboundMessage.Kind.REASSESSMENT_CONFIRMATION,
                # A new time, format or place is a new confirmation; the same one is not.
                dedupe_key=f"at-{when:%Y%m%d%H%M}-{care_format}-{site.pk if site else 0}",
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
# The plan's scheduling facts (``start_site`` a Site or None): coordinators see these, never
# the clinical text, to book the person's return. Stored like the rest of the note; no event
# or audit record ever carries their values.
SCHEDULING_FIELDS = ("start_on", "group", "start_site")
_WRITABLE = (*NOTE_FIELDS, *SCHEDULING_FIELDS)


def note_add(
    *, actor: Actor, inquiry_id: int, fields: dict, amends_id: int | None = None
) -> ReassessmentNote:
    """Start a reassessment note (a draft), or an amendment of a signed one of this inquiry.

    Writes the note (only the keys of ``fields`` named in ``NOTE_FIELDS`` or
    ``SCHEDULING_FIELDS``; others are ignored) and a ``note_started`` event naming the note
    and what it amends (never its text). The audit record (action ``create``, naming the
    note) is written only when ``actor`` is a signed-in user; for anyone else (no actor, an
    anonymous user) there is none. Refuses ``AMENDS`` when ``amends_id`` is not a signed
    note of this inquiry.
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
            **{k: v for k, v in fields.items() if k in _WRITABLE},
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
    """Edit a draft or a note ready for review: only its author may, never once it is signed.

    A note ready for review stays ready; a reviewer who read it before the edit is asked to
    read it again (``note_version``). Writes the note and an audit record naming it.
    """
    with transaction.atomic():
        note = _authors_unsigned_note(actor, note_id)
        changed = [k for k, v in fields.items() if k in _WRITABLE and getattr(note, k) != v]
        for name in changed:
            setattr(note, name, fields[name])
        if changed:
            note.save(update_fields=[*changed, "updated_at"])
            _audit(actor, note)
    return note


def _authors_unsigned_note(actor: Actor, note_id: int) -> ReassessmentNote:
    """The note, locked, when ``actor`` wrote it and it is not signed; else the refusal."""
    note = ReassessmentNote.objects.select_for_update().filter(pk=note_id).first()
    if note is None:
        raise ActionRefused(Refusal.NOTE_MISSING)
    if note.state == ReassessmentNote.State.SIGNED:
        raise ActionRefused(Refusal.SIGNED)
    if note.author_id != getattr(actor, "pk", None):
        raise ActionRefused(Refusal.AUTHOR)
    return note


def note_version(note: ReassessmentNote) -> str:
    """A short fingerprint of a note as shown (its text and scheduling facts): any edit
    to a draft changes it."""
    shown = (*NOTE_FIELDS, "start_on", "group", "start_site_id")
    text = "\x1f".join(str(getattr(note, name) or "") for name in shown)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def note_mark_ready(*, actor: Actor, note_id: int, version: str | None = None) -> ReassessmentNote:
    """The author says their draft is finished: it waits for a clinical reviewer's signature.

    ``version`` is the ``note_version`` the author saw; a note changed since is refused
    (``READY_CHANGED``). Writes the state and ``ready_at``, a ``note_ready`` event (no text)
    and an audit record, and owes each active clinical reviewer with an e-mail address one
    e-mail with a link to the note (no clinical text, no name), once per reviewer and note:
    a double click or a retry finds the note ready and owes nothing more.
    """
    with transaction.atomic():
        note = _authors_unsigned_note(actor, note_id)
        if note.state == ReassessmentNote.State.READY:
            return note
        if version is not None and not hmac.compare_digest(version, note_version(note)):
            raise ActionRefused(Refusal.READY_CHANGED)
        note.state = ReassessmentNote.State.READY
        note.ready_at = timezone.now()
        note.save(update_fields=["state", "ready_at", "updated_at"])
        _event(
            note.inquiry,
            InquiryEvent.Kind.NOTE_READY,
            actor=actor,
            from_state=ReassessmentNote.State.DRAFT,
            to_state=ReassessmentNote.State.READY,
            data={"note": note.pk},
        )
        _audit(actor, note)
        _reviewers_tell(note, author=actor)
    return note


def _reviewers_tell(note: ReassessmentNote, *, author: Actor) -> None:
    """One e-mail per active clinical reviewer (the author aside) with a link to the note.

    Staff mail to one account (the outbox's ``recipient``), about no inquiry, so it carries
    no inquiry's details; ``dedupe_key`` names the note, and a reviewer already owed this
    note's e-mail is not owed another.
    """
    dedupe_key = f"note-{note.pk}"
    reviewers = (
        get_user_model()
        .objects.filter(groups__name=REVIEWER, is_active=True)
        .exclude(email="")
        .exclude(pk=getattr(author, "pk", None) or 0)
        .distinct()
        .order_by("pk")
    )
    told = set(
        OutboundMessage.objects.filter(
            kind=OutboundMessage.Kind.NOTE_READY, dedupe_key=dedupe_key
        ).values_list("recipient_id", flat=True)
    )
    link = settings.SITE_URL + reverse("admin:intake_reassessmentnote_change", args=[note.pk])
    for reviewer in reviewers:
        if reviewer.pk not in told:
            _account_mail_create(
                reviewer,
                OutboundMessage.Kind.NOTE_READY,
                "note_ready",
                body=link,
                dedupe_key=dedupe_key,
            )


def note_sign(*, actor: User, note_id: int, version: str | None = None) -> ReassessmentNote:
    """A clinical reviewer signs a note ready for review; from then on it is never edited.

    A draft is its author's unfinished work: signing one is refused (``NOT_READY``).
    ``version`` is the ``note_version`` of the text the reviewer read: if the author changed
    the note since, nothing is signed (``NOTE_CHANGED``) and the reviewer reads it again.
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
        if note.state != ReassessmentNote.State.READY:
            raise ActionRefused(Refusal.NOT_READY)
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
            from_state=ReassessmentNote.State.READY,
            to_state=ReassessmentNote.State.SIGNED,
            data={"note": note.pk},
        )
        _audit(actor, note, AuditEvent.Action.SIGN)
    return note
