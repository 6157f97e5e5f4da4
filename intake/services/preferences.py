"""What a further message through the form may change on the open inquiry it joins."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings

from .. import crypto
from ..models import Inquiry, InquiryEvent

if TYPE_CHECKING:
    from .submit import Submission

# What a further message through the form may change on the open inquiry, when it answers
# it: how and when to reach them and what would help. An answer left blank changes nothing.
PREFERENCE_FIELDS = (
    "contact_method",
    "voicemail_ok",
    "best_time",
    "care_format",
    "pace",
    "one_on_one_first",
    "open_to_new_group",
    "last_attended",
    "site_id",
)


def take_new_preferences(inquiry: Inquiry, submission: Submission, *, now: datetime) -> None:
    """The person's newest answers are the ones to use: what the further message answers
    differently replaces the inquiry's, with a ``preferences_changed`` event naming the
    fields (never their values). Texting is only ever turned on here, with the consent
    given now and a number the inquiry has; turning it off is the STOP reply's, and a box
    left unticked on a second form says nothing."""
    changed = []
    phone = crypto.normalise_phone(submission.phone) if submission.phone else ""
    if submission.text_ok and not inquiry.text_ok and phone and phone == inquiry.phone:
        inquiry.text_ok = True
        inquiry.text_consent_at = now
        inquiry.text_consent_version = settings.CONSENT_VERSION
        changed.append("text_ok")
    for name in PREFERENCE_FIELDS:
        new = getattr(submission, name)
        if new in ("", None) or new == getattr(inquiry, name):
            continue
        if name == "contact_method" and not _reachable_by(inquiry, new):
            continue  # "call me" from a form that gave only an address, texts without consent
        setattr(inquiry, name, new)
        changed.append(name)
    if not changed:
        return
    consent = ["text_consent_at", "text_consent_version"] if "text_ok" in changed else []
    inquiry.save(update_fields=[*changed, *consent, "updated_at"])
    InquiryEvent.objects.create(
        inquiry=inquiry, kind=InquiryEvent.Kind.PREFERENCES_CHANGED, data={"fields": changed}
    )


def _reachable_by(inquiry: Inquiry, method: str) -> bool:
    """Whether the inquiry has what this way of reaching them needs."""
    if method == Inquiry.ContactMethod.EMAIL:
        return bool(inquiry.email)
    if method == Inquiry.ContactMethod.TEXT:
        return bool(inquiry.phone and inquiry.text_ok)
    return bool(inquiry.phone)
