"""The one way a service says no: ``ActionRefused`` with a ``Refusal`` code.

Each code has one message, translated when it is shown (in the staff person's language), so
a refusal reads the same wherever it surfaces. Staff views catch it in one place
(``intake.admin.actions``) and show it as an admin message.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Refusal(StrEnum):
    """Why a service refused; each value compares equal to its code string."""

    MISSING = "missing"
    NOTE_MISSING = "note_missing"
    SAME_STATUS = "same"
    NOT_ALLOWED = "not_allowed"
    REASON_REQUIRED = "reason_required"
    CLOSE_REASON = "close_reason"
    NOT_NOW_REASON = "not_now_reason"
    UNASSIGN_REASON = "unassign_reason"
    NOT_A_MEMBER = "not_a_member"
    PAST = "past"
    ATTEMPT_INVALID = "attempt_invalid"
    REPLY_EMPTY = "reply_empty"
    NOTE_EMPTY = "note_empty"
    QUARANTINED = "quarantined"
    NO_CHANNEL = "no_channel"
    RISK = "risk"
    PRIORITY_INVALID = "priority_invalid"
    FORMAT = "format"
    AMENDS = "amends"
    SIGNED = "signed"
    AUTHOR = "author"
    SIGN_PERMISSION = "permission"
    NOTE_CHANGED = "note_changed"
    NOT_READY = "not_ready"
    READY_CHANGED = "ready_changed"
    NOT_FAILED = "not_failed"
    PHONE = "phone"
    NO_PHONE = "no_phone"
    NOT_SENT = "not_sent"
    NO_CODE = "no_code"
    EXPIRED = "expired"
    WRONG_CODE = "wrong_code"


MESSAGES = {
    Refusal.MISSING: _("That inquiry no longer exists."),
    Refusal.NOTE_MISSING: _("That note no longer exists."),
    Refusal.SAME_STATUS: _("The inquiry already has that status."),
    Refusal.NOT_ALLOWED: _("An inquiry cannot go from “%(current)s” to “%(new)s”."),
    Refusal.REASON_REQUIRED: _("Please choose a reason for this change."),
    Refusal.CLOSE_REASON: _("Please choose one of the closing reasons."),
    Refusal.NOT_NOW_REASON: _("Please choose one of the “not now” reasons."),
    Refusal.UNASSIGN_REASON: _("Please give a reason for unassigning."),
    Refusal.NOT_A_MEMBER: _("Only a coordinator of this inquiry's queue can take it."),
    Refusal.PAST: _("Please choose a time in the future."),
    Refusal.ATTEMPT_INVALID: _("Please choose how you tried and what happened."),
    Refusal.REPLY_EMPTY: _("Please write the reply before sending it."),
    Refusal.NOTE_EMPTY: _("Please write the note first."),
    Refusal.QUARANTINED: _("Release this inquiry from quarantine first."),
    Refusal.NO_CHANNEL: _(
        "This person asked for a call and did not agree to texts or give an e-mail: "
        "please call them and log the attempt."
    ),
    Refusal.RISK: _("An inquiry marked urgent or possible risk is never quarantined."),
    Refusal.PRIORITY_INVALID: _("Please choose a risk level."),
    Refusal.FORMAT: _("Please choose in person, virtual or a mix."),
    Refusal.AMENDS: _("Only a signed note of this inquiry can be amended."),
    Refusal.SIGNED: _("A signed note is never changed. Write an amendment."),
    Refusal.AUTHOR: _("Only the author can change a draft note."),
    Refusal.SIGN_PERMISSION: _("Only a clinical reviewer can sign notes."),
    Refusal.NOTE_CHANGED: _(
        "The note changed after you opened it. Please read it again before you sign."
    ),
    Refusal.NOT_READY: _(
        "This note is still a draft. Its author marks it ready for review when it is "
        "finished; then it can be signed."
    ),
    Refusal.READY_CHANGED: _(
        "The note changed after you opened it. Please read it again, then mark it ready."
    ),
    Refusal.NOT_FAILED: _("Only a failed message can be retried."),
    Refusal.PHONE: _("That phone number doesn't look complete. Please include the area code."),
    Refusal.NO_PHONE: _("Add the on-call phone number first."),
    Refusal.NOT_SENT: _("We couldn't send the code just now. Please try again in a minute."),
    Refusal.NO_CODE: _("Send a code to the on-call phone first."),
    Refusal.EXPIRED: _("That code has expired. Please send a new one."),
    Refusal.WRONG_CODE: _("That code doesn't match. Please check it and try again."),
}


class ActionRefused(Exception):
    """A write the rules do not allow. ``message`` says why in plain, translated words."""

    def __init__(self, code: Refusal, **params: object) -> None:
        super().__init__(code.value)
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        text = str(MESSAGES[self.code])
        if self.params:
            return text % {key: str(value) for key, value in self.params.items()}
        return text

    def __str__(self) -> str:
        return self.message


class EnrolmentReason(StrEnum):
    """Why a two-step set-up link cannot be sent or used."""

    NO_ACCOUNT = "no_account"
    NOT_STAFF = "not_staff"
    SUPERUSER = "superuser"
    NO_EMAIL = "no_email"
    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"
    REVOKED = "revoked"
    NO_DEVICE = "no_device"


ENROLMENT_MESSAGES = {
    EnrolmentReason.NO_ACCOUNT: _("That account no longer exists."),
    EnrolmentReason.NOT_STAFF: _("Set-up links are only for active staff accounts."),
    EnrolmentReason.SUPERUSER: _("Only a superuser can send a set-up link to a superuser."),
    EnrolmentReason.NO_EMAIL: _(
        "This account has no e-mail address, so the link has nowhere to go. "
        "Ask a superuser to add one first."
    ),
    EnrolmentReason.UNKNOWN: _("This link doesn't work. Please check you opened the whole link."),
    EnrolmentReason.USED: _("This link has been used."),
    EnrolmentReason.EXPIRED: _("This link has expired."),
    EnrolmentReason.REVOKED: _("A newer link was sent, so this one no longer works."),
    EnrolmentReason.NO_DEVICE: _("Please start setting up again from the link."),
}


class EnrolmentRefused(Exception):
    """A set-up link that cannot be sent or used; ``message`` says why, translated."""

    def __init__(self, reason: EnrolmentReason) -> None:
        super().__init__(reason.value)
        self.reason = reason

    @property
    def message(self) -> str:
        return str(ENROLMENT_MESSAGES[self.reason])
