"""The intake domain: inquiries, where they go, what we owe them, and the trail they leave.

Inquiries and what hangs off them (follow-ups, messages owed, events, contact attempts,
internal and reassessment notes, SMS opt-outs) are written only through
``intake.services``. Other code does save these models: admin's configuration screens save
queues (a queue's on-call phone only through its service), their holidays, routing rules,
sites, coordinator profiles and reply templates; ``manage.py seed_demo`` writes demo
configuration; ``routing_cache`` makes the default queue when there is none; audit records
are appended by ``intake.audit`` (for the services, admin's views and the middleware);
``manage.py rotate_encryption_keys`` rewrites encrypted columns in SQL; and migration 0106
fills the name index of inquiries made before it existed.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from datetime import datetime, time
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin

from . import crypto
from .crypto import EncryptedJSONField, EncryptedTextField


def validate_phone_number(value: str) -> None:
    """A phone number people can dial: checked the way the public form checks theirs."""
    if value and not crypto.normalise_phone(value):
        raise ValidationError(
            _(
                "That phone number doesn't look complete. Please include the area code, "
                "like 617 555 0123."
            ),
            code="invalid",
        )


class Site(models.Model):
    """A place (or virtual program) a person can come back to."""

    # The public form's languages other than English, and the field holding each one's name.
    LOCAL_NAME_FIELDS = {"es": "name_es", "pt-br": "name_pt_br"}

    name = models.CharField(_("name"), max_length=120)
    name_es = models.CharField(
        _("name in Spanish"),
        max_length=120,
        blank=True,
        help_text=_("Shown on the Spanish form. Leave empty to show the name above."),
    )
    name_pt_br = models.CharField(
        _("name in Portuguese"),
        max_length=120,
        blank=True,
        help_text=_("Shown on the Portuguese form. Leave empty to show the name above."),
    )
    slug = models.SlugField(_("slug"), unique=True)
    active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    phone = models.CharField(
        _("phone"),
        max_length=32,
        blank=True,
        validators=[validate_phone_number],
        help_text=_(
            "Only if this site answers on its own number. The public form offers it as "
            "“Prefer to talk? Call us”; leave empty to offer the program's number "
            "(PROGRAM_PHONE)."
        ),
    )
    address = models.TextField(
        _("address for visits"),
        blank=True,
        help_text=_(
            "Where people come for an in-person reassessment, as it should appear in their "
            "confirmation (street, floor, entrance)."
        ),
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        # Stored as E.164 ("+16175550123"), however it was typed.
        if self.phone:
            self.phone = crypto.normalise_phone(self.phone) or self.phone

    def local_name(self, language: str | None = None) -> str:
        """The name in ``language`` (the active one by default), or the name when none."""
        field = self.LOCAL_NAME_FIELDS.get((language or get_language() or "").lower())
        return (getattr(self, field) if field else "") or self.name


class CoordinatorQueue(models.Model):
    """A team of intake coordinators with its own hours, promise and alert addresses."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    is_default = models.BooleanField(
        _("default queue"), default=False, help_text=_("Gets every inquiry no rule matches.")
    )
    sites = models.ManyToManyField(Site, blank=True, related_name="queues", verbose_name=_("sites"))
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_('Language codes, e.g. ["en", "es"].')
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="coordinator_queues"
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="America/New_York")
    work_days = models.CharField(
        _("working days"),
        max_length=7,
        default="12345",
        help_text=_("ISO weekday numbers, Monday = 1: '12345' is Monday to Friday."),
    )
    work_start = models.TimeField(_("working day starts"), default=time(9, 0))
    work_end = models.TimeField(_("working day ends"), default=time(17, 0))
    first_contact_promise_hours = models.DecimalField(
        _("first-contact promise (working hours)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("8"),
        help_text=_("Counted on this queue's working hours, holidays excluded."),
    )
    review_promise_hours = models.DecimalField(
        _("first-contact promise for possible risk (working hours)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("4"),
        help_text=_("For inquiries marked “possible risk — review today”."),
    )
    urgent_promise_minutes = models.PositiveSmallIntegerField(
        _("urgent promise (minutes, while open)"),
        default=60,
        help_text=_(
            "What the person is told when they may be in danger: someone tries to reach them "
            "within this many minutes while the team is working. Outside working hours they "
            "are told to call or text 988 now, never promised a reply."
        ),
    )
    max_unanswered_attempts = models.PositiveSmallIntegerField(
        _("maximum unanswered attempts"), default=3
    )
    alert_email = models.EmailField(_("on-duty alert address"), blank=True)
    on_call_phone = models.CharField(
        _("on-call phone"),
        max_length=32,
        blank=True,
        help_text=_(
            "Gets a text for every urgent inquiry, day or night (no name or health detail). "
            "Its owner confirms it with a one-time code before any alert is sent to it."
        ),
    )
    on_call_phone_confirmed_at = models.DateTimeField(
        _("on-call phone confirmed"), null=True, blank=True, editable=False
    )
    # A keyed hash of the one-time code (never the code itself), its expiry and tries.
    on_call_code_hash = models.CharField(max_length=64, blank=True, editable=False)
    on_call_code_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    on_call_code_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    escalation_email = models.EmailField(_("escalation address"), blank=True)
    escalation_minutes = models.PositiveSmallIntegerField(_("escalate after (minutes)"), default=30)
    reply_to_email = models.EmailField(_("reply-to address"), blank=True)
    video_visit_url = models.URLField(
        _("video-visit link"),
        blank=True,
        help_text=_(
            "The link people use to join a virtual reassessment with this team; sent in their "
            "confirmation."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("coordinator queue")
        verbose_name_plural = _("coordinator queues")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="one_default_queue"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def on_call_number(self) -> str:
        """The on-call phone, only once its owner has confirmed it; otherwise ""."""
        return self.on_call_phone if self.on_call_phone_confirmed_at else ""


class QueueHoliday(models.Model):
    """A day the queue's clock does not run."""

    queue = models.ForeignKey(CoordinatorQueue, on_delete=models.CASCADE, related_name="holidays")
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=80, blank=True)

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["queue", "date"], name="one_holiday_a_day")]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}"


class CoordinatorProfile(models.Model):
    """What routing needs to know about a coordinator."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coordinator_profile"
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    active = models.BooleanField(_("taking new inquiries"), default=True)
    last_assigned_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("coordinator profile")

    def __str__(self) -> str:
        return str(self.user)


class Kind(models.TextChoices):
    COME_BACK = "come_back", _("I'd like to come back")
    QUESTION = "question", _("I have a question first")
    NOT_SURE = "not_sure", _("I'm not sure yet")


class Priority(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    REVIEW = "review", _("Possible risk — review today")
    URGENT = "urgent", _("Urgent")


# Where each level sorts in the worklist: urgent first, then review, then the rest.
PRIORITY_RANK = {Priority.URGENT: 0, Priority.REVIEW: 1, Priority.ROUTINE: 2}


class Safety(models.TextChoices):
    """The person's own answer to "Are you safe right now?" (optional)."""

    OK = "ok", _("I'm okay")
    STRUGGLING = "struggling", _("I'm struggling, but safe")
    NOT_SAFE = "not_safe", _("I'm not safe right now")
    SOMEONE_ELSE = "someone_else", _("I'm writing for someone who may not be safe")


class RoutingRule(models.Model):
    """Ordered conditions that send an inquiry to a queue; blank means 'any'."""

    order = models.PositiveIntegerField(_("order"), default=100)
    queue = models.ForeignKey(CoordinatorQueue, on_delete=models.CASCADE, related_name="rules")
    site = models.ForeignKey(Site, null=True, blank=True, on_delete=models.CASCADE)
    language = models.CharField(_("language"), max_length=8, blank=True)
    kind = models.CharField(_("kind"), max_length=16, blank=True, choices=Kind.choices)
    priority = models.CharField(_("priority"), max_length=8, blank=True, choices=Priority.choices)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")

    def __str__(self) -> str:
        return f"#{self.order} → {self.queue_id}"


class HeldReason(models.TextChoices):
    RATE_LIMIT = "rate_limit", _("Over the rate limit")


class Inquiry(models.Model):
    """One message from a person thinking about coming back."""

    class ContactMethod(models.TextChoices):
        EMAIL = "email", _("E-mail")
        CALL = "call", _("Phone call")
        TEXT = "text", _("Text message")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        REASSESSMENT_SCHEDULED = "reassessment_scheduled", _("Reassessment scheduled")
        RETURNED = "returned", _("Returned to care")
        NOT_NOW = "not_now", _("Not now")
        CLOSED = "closed", _("Closed")

    class CareFormat(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        VIRTUAL = "virtual", _("Virtual")
        HYBRID = "hybrid", _("A mix of both")
        NOT_SURE = "not_sure", _("Not sure yet")

    class Pace(models.TextChoices):
        ONE_SESSION = "one_session", _("One session to start")
        TWO_THREE_DAYS = "two_three_days", _("2–3 days a week")
        MORE = "more", _("More than that")
        NOT_SURE = "not_sure", _("Not sure yet")

    class BestTime(models.TextChoices):
        MORNING = "morning", _("Mornings")
        AFTERNOON = "afternoon", _("Afternoons")
        EVENING = "evening", _("After 5 pm")
        ANY = "any", _("Any time")

    class LastAttended(models.TextChoices):
        UNDER_MONTH = "under_month", _("Less than a month ago")
        ONE_THREE_MONTHS = "one_three_months", _("1–3 months ago")
        THREE_TWELVE_MONTHS = "three_twelve_months", _("3–12 months ago")
        OVER_YEAR = "over_year", _("More than a year ago")
        NOT_SURE = "not_sure", _("Not sure")

    class CloseReason(models.TextChoices):
        UNREACHABLE = "unreachable", _("Unreachable")
        DECLINED = "declined", _("Declined")
        REFERRED = "referred", _("Referred elsewhere")
        DUPLICATE = "duplicate", _("Duplicate")

    class NotNowReason(models.TextChoices):
        TIMING = "timing", _("Not the right time for them")
        WANTS_TO_THINK = "wants_to_think", _("Wants time to think")
        OTHER_COMMITMENTS = "other_commitments", _("Work, family or other commitments")
        OTHER = "other", _("Other")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Blank when the person did not say (the question is optional).
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, blank=True, default="")
    message = EncryptedTextField(_("message"))
    # The person's own answer to "Are you safe right now?" (a Safety value or ""), encrypted
    # like the message: it is health information.
    safety = EncryptedTextField(_("are you safe right now?"), blank=True, default="")
    preferred_name = EncryptedTextField(_("preferred name"), blank=True, default="")
    email = EncryptedTextField(_("e-mail"), blank=True, default="")
    phone = EncryptedTextField(_("phone"), blank=True, default="")
    contact_method = models.CharField(
        _("how to reach you"), max_length=8, choices=ContactMethod.choices
    )
    voicemail_ok = models.BooleanField(_("voicemail OK"), null=True, blank=True)
    text_ok = models.BooleanField(_("texting OK"), default=False)
    text_consent_at = models.DateTimeField(null=True, blank=True)
    text_consent_version = models.CharField(max_length=32, blank=True)
    best_time = models.CharField(
        _("best time"), max_length=16, choices=BestTime.choices, blank=True
    )
    language = models.CharField(_("language"), max_length=8, default="en")
    site = models.ForeignKey(
        Site, null=True, blank=True, on_delete=models.SET_NULL, related_name="inquiries"
    )
    care_format = models.CharField(
        _("care format"), max_length=16, choices=CareFormat.choices, blank=True
    )
    pace = models.CharField(_("pace to start"), max_length=16, choices=Pace.choices, blank=True)
    one_on_one_first = models.BooleanField(_("one-on-one first"), null=True, blank=True)
    open_to_new_group = models.BooleanField(
        _("open to a different group or therapist"), null=True, blank=True
    )
    away_reasons = EncryptedJSONField(_("what took them away"), default=list, blank=True)
    last_attended = models.CharField(
        _("last attended"), max_length=24, choices=LastAttended.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.NEW
    )
    close_reason = models.CharField(
        _("close reason"), max_length=16, choices=CloseReason.choices, blank=True
    )
    not_now_reason = models.CharField(
        _("not-now reason"), max_length=24, choices=NotNowReason.choices, blank=True
    )
    first_contact_at = models.DateTimeField(_("first contact"), null=True, blank=True)
    reassessment_at = models.DateTimeField(_("reassessment"), null=True, blank=True)
    # Set when retention erased the personal fields; the de-identified row stays for counts.
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    reassessment_format = models.CharField(
        _("reassessment format"), max_length=16, choices=CareFormat.choices, blank=True
    )
    # Where an in-person reassessment happens (its address goes in the confirmation).
    reassessment_site = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reassessment site"),
    )
    priority = models.CharField(
        _("priority"), max_length=8, choices=Priority.choices, default=Priority.ROUTINE
    )
    is_spam = models.BooleanField(_("quarantined as spam"), default=False)
    # Over the per-address rate limit: saved and routed, but not acknowledged until a
    # coordinator releases it. Never purged as spam.
    is_held = models.BooleanField(_("held"), default=False)
    held_reason = models.CharField(
        _("held because"), max_length=16, choices=HeldReason.choices, blank=True
    )
    spam_score = models.PositiveSmallIntegerField(default=0, editable=False)
    queue = models.ForeignKey(
        CoordinatorQueue, null=True, blank=True, on_delete=models.PROTECT, related_name="inquiries"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_inquiries",
    )
    routed_at = models.DateTimeField(_("routed"), null=True, blank=True)
    first_contact_due_at = models.DateTimeField(_("first contact due"), null=True, blank=True)
    snoozed_until = models.DateTimeField(_("snoozed until"), null=True, blank=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When a coordinator first logged reaching the person (they spoke, or the person replied):
    # only this ends "needs attention" on an urgent or review inquiry.
    reached_at = models.DateTimeField(_("reached"), null=True, blank=True, editable=False)
    alert_acknowledged_at = models.DateTimeField(
        _("urgent alert acknowledged"), null=True, blank=True, editable=False
    )
    alert_acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    check_in_on = models.DateField(_("gentle check-in on"), null=True, blank=True)
    # The person wrote and nobody has answered yet (a reply by e-mail or text, or a further
    # message): set by ``services.message_receive``, cleared when staff reply or reach them.
    waiting_on_us_since = models.DateTimeField(
        _("waiting on us since"), null=True, blank=True, db_index=True, editable=False
    )
    # The per-inquiry part of the Reply-To address (``reply+<token>@…``): random and keyed,
    # never derived from the inquiry's id. NULL until the first e-mail to the person.
    reply_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    # Keyed HMACs of the normalised contacts: link earlier inquiries without decrypting.
    contact_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    other_contact_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # Keyed hashes of the preferred name's normalised words (``crypto.name_index``): the
    # worklist finds "jordan" without decrypting a name.
    name_index = models.CharField(
        max_length=crypto.NAME_INDEX_MAX_LENGTH, blank=True, default="", editable=False
    )
    consent = models.BooleanField(_("consent to be contacted"), default=False)
    consent_version = models.CharField(max_length=32, blank=True)
    consent_at = models.DateTimeField(null=True, blank=True)
    # NULL (not "") when absent, so the unique constraint only binds real tokens.
    submission_token = models.CharField(  # noqa: DJ001
        max_length=64, unique=True, null=True, editable=False
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["created_at"]
        # Figures only (no content): coordinators and program admins.
        permissions = [("view_dashboard", "Can see the dashboard figures")]
        indexes = [
            models.Index(fields=["status", "is_spam", "created_at"], name="inquiry_worklist"),
            models.Index(fields=["queue", "status"], name="inquiry_queue_status"),
            models.Index(fields=["routed_at", "created_at"], name="inquiry_unrouted"),
            # The newest change, read at every worklist view to know if its counts still hold.
            models.Index(fields=["updated_at"], name="inquiry_updated"),
            # The worklist's default view (not closed, not quarantined): counted by queue and
            # sorted (urgent, overdue, oldest) from this index alone, no table rows read.
            models.Index(
                fields=["queue"],
                include=[
                    "priority",
                    "status",
                    "first_contact_due_at",
                    "snoozed_until",
                    "created_at",
                    "assigned_to",
                    "id",
                ],
                # Status.CLOSED: the enum is out of reach from inside Meta.
                condition=Q(is_spam=False) & ~Q(status="closed"),
                name="inquiry_open_worklist",
            ),
            # The "language" filter lists the languages of the inquiries a user may see.
            models.Index(fields=["language", "queue"], name="inquiry_language_queue"),
            # Routing counts each coordinator's open load (``id`` included: index only).
            models.Index(
                fields=["assigned_to", "status", "is_spam", "id"], name="inquiry_assignee_load"
            ),
        ]

    def __str__(self) -> str:
        # Only the public id: str() reaches admin logs and messages, so nothing personal.
        return str(self.public_id)

    @property
    def short_id(self) -> str:
        return str(self.public_id)[:8]

    OPEN_STATUSES = (Status.NEW, Status.CONTACTED, Status.REASSESSMENT_SCHEDULED)
    # The formats a reassessment can be scheduled in: "not sure yet" is no way to meet.
    SCHEDULABLE_FORMATS = (CareFormat.IN_PERSON, CareFormat.VIRTUAL, CareFormat.HYBRID)


class InboundMessage(models.Model):
    """Something the person sent us after their first message: a reply by e-mail or text, or
    a further message through the form while their inquiry is open.

    Stored encrypted before anything else happens to it. ``inquiry`` is empty while it is
    unmatched (an unknown or forged reply token, an address nobody wrote from): a coordinator
    attaches it to an inquiry or discards it. Automatic replies and bounces are kept but never
    reopen, flag or notify.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("Text message")
        FORM = "form", _("The form")

    class Source(models.TextChoices):
        FOLDER = "folder", _("Mail folder")
        WEBHOOK = "webhook", _("Mail webhook")
        IMAP = "imap", _("Mailbox")
        SMS = "sms", _("Text message")
        FORM = "form", _("The form")

    class State(models.TextChoices):
        ATTACHED = "attached", _("On an inquiry")
        UNMATCHED = "unmatched", _("Unmatched")
        DISCARDED = "discarded", _("Discarded")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inquiry = models.ForeignKey(
        Inquiry,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="inbound_messages",
    )
    # Where an unmatched message is triaged: the queue its To address belongs to, if any.
    queue = models.ForeignKey(
        CoordinatorQueue, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.UNMATCHED
    )
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    # The RFC 5322 Message-ID (or the SMS provider's id): each message is stored once.
    external_id = models.CharField(
        max_length=255, unique=True, null=True, blank=True, editable=False
    )
    # Keyed hash of the sender's normalised address or number (``crypto.contact_hash``).
    sender_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    sender = EncryptedTextField(_("from"), blank=True, default="")
    subject = EncryptedTextField(_("subject"), blank=True, default="")
    # The new text, as plain text (HTML converted, never rendered).
    body = EncryptedTextField(_("message"), blank=True, default="")
    # Quoted history and signature, kept apart from the new text.
    quoted = EncryptedTextField(_("quoted text"), blank=True, default="")
    # The whole original (capped), for its own audited page.
    original = EncryptedTextField(blank=True, default="", editable=False)
    attachments_dropped = models.PositiveSmallIntegerField(_("attachments dropped"), default=0)
    # A message through the form: what it was sent with, so its thanks page is the one anybody
    # would get (worked out from this message alone, never from the inquiry it joined).
    language = models.CharField(max_length=8, blank=True, default="")
    kind = models.CharField(max_length=16, choices=Kind.choices, blank=True, default="")
    site = models.ForeignKey(
        Site, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_automatic = models.BooleanField(_("automatic reply or bounce"), default=False)
    received_at = models.DateTimeField(_("received"), db_index=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    handled_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_at", "pk"]
        verbose_name = _("message from the person")
        verbose_name_plural = _("messages from people")
        indexes = [models.Index(fields=["state", "queue"], name="inbound_unmatched")]

    def __str__(self) -> str:
        # Nothing personal: str() reaches logs and admin history.
        return str(self.public_id)

    @staticmethod
    def form_external_id(submission_token: str) -> str:
        """The ``external_id`` of a further message sent through the form with this token:
        the form sent twice is still one message."""
        return f"form:{submission_token}"[:255]


class InquiryEvent(models.Model):
    """One step on an inquiry's timeline: ids, states and reasons — never free text."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Received")
        ROUTED = "routed", _("Routed")
        ASSIGNED = "assigned", _("Assigned")
        STATUS_CHANGED = "status_changed", _("Status changed")
        MESSAGE_QUEUED = "message_queued", _("Message queued")
        MESSAGE_SENT = "message_sent", _("Message sent")
        MESSAGE_RETRY = "message_retry", _("Message will be retried")
        MESSAGE_DEFERRED = "message_deferred", _("Message waits for daytime")
        MESSAGE_RETRY_NOW = "message_retry_now", _("Message retried by staff")
        ALERT_ACKNOWLEDGED = "alert_acknowledged", _("Urgent alert acknowledged")
        ALERT_ESCALATED = "alert_escalated", _("Urgent alert escalated")
        OVERDUE = "overdue", _("Past the first-contact promise")
        SMS_OPTED_OUT = "sms_opted_out", _("Texting turned off by the person")
        FOLLOW_UP_ADDED = "follow_up_added", _("Further message added")
        # The person wrote again with risk words: that message is an inquiry of its own.
        WROTE_AGAIN = "wrote_again", _("Wrote again: a separate inquiry")
        # A further message through the form changed how or when to reach them (field names).
        PREFERENCES_CHANGED = "preferences_changed", _("They changed their preferences")
        MESSAGE_RECEIVED = "message_received", _("Message received from the person")
        AUTO_REPLY_RECEIVED = "auto_reply_received", _("Automatic reply received")
        UNASSIGNED = "unassigned", _("Unassigned")
        SNOOZED = "snoozed", _("Snoozed")
        CONTACT_ATTEMPT = "contact_attempt", _("Contact attempt logged")
        REPLY_QUEUED = "reply_queued", _("Reply queued")
        NOTE_ADDED = "note_added", _("Internal note added")
        MARKED_SPAM = "marked_spam", _("Moved to quarantine")
        RELEASED = "released", _("Released from quarantine")
        REASSESSMENT_SCHEDULED = "reassessment_scheduled", _("Reassessment scheduled")
        NOTE_STARTED = "note_started", _("Reassessment note started")
        NOTE_READY = "note_ready", _("Reassessment note ready for review")
        NOTE_SIGNED = "note_signed", _("Reassessment note signed")
        ERASED = "erased", _("Personal details erased (retention)")
        MESSAGE_FAILED = "message_failed", _("Message failed")
        MESSAGE_SKIPPED = "message_skipped", _("Message skipped")
        PRIORITY_CHANGED = "priority_changed", _("Risk level set")
        HELD = "held", _("Held")
        HOLD_RELEASED = "hold_released", _("Released from hold")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_state = models.CharField(max_length=32, blank=True)
    to_state = models.CharField(max_length=32, blank=True)
    reason = models.CharField(max_length=64, blank=True)
    # Ids and codes only (queue id, message id, attempt number...).
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"


class OutboundMessage(models.Model):
    """A side effect we owe: one row per message, claimed and delivered at least once."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement")
        REPLY = "reply", _("Reply")
        URGENT_ALERT = "urgent_alert", _("Urgent alert")
        ON_CALL_ALERT = "on_call_alert", _("On-call alert (text)")
        ESCALATION = "escalation", _("Escalation")
        REVIEW_ALERT = "review_alert", _("Possible-risk alert")
        OVERDUE_NOTICE = "overdue_notice", _("Overdue notice")
        # To the assignee (or the queue's on-duty address): the person wrote back.
        REPLY_NOTICE = "reply_notice", _("The person wrote back")
        CHECK_IN = "check_in", _("Check-in")
        REASSESSMENT_CONFIRMATION = "reassessment_confirmation", _("Reassessment confirmation")
        # To the clinical reviewers: a note waits for their signature (no clinical text).
        NOTE_READY = "note_ready", _("Note ready for review")
        # A staff member's own account mail: no inquiry, never any health detail.
        ENROLMENT_LINK = "enrolment_link", _("Two-step sign-in set-up link")
        ACCOUNT_NOTICE = "account_notice", _("Sign-in security notice")

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("Text message")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Empty only for a staff member's own account mail (ACCOUNT_KINDS), which has a recipient.
    inquiry = models.ForeignKey(
        Inquiry, null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    # The staff account an account mail goes to (its address is read when it is sent).
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    template_key = models.CharField(max_length=64)
    language = models.CharField(max_length=8, default="en")
    dedupe_key = models.CharField(max_length=64, blank=True, default="")
    status = models.CharField(
        max_length=8, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    lease_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # An error class and code, never the message or an address.
    last_error = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    provider_id = models.CharField(max_length=200, blank=True)
    # A coordinator's reply: the words they chose (encrypted); other kinds render templates.
    # A set-up link's address is kept here (encrypted) only until the mail is done with.
    body = EncryptedTextField(blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("outbound message")
        verbose_name_plural = _("outbound messages")
        constraints = [
            models.UniqueConstraint(
                fields=["inquiry", "kind", "dedupe_key"], name="one_message_per_purpose"
            ),
            # About an inquiry, or to a staff member's own account: exactly one of the two.
            models.CheckConstraint(
                condition=Q(inquiry__isnull=False, recipient__isnull=True)
                | Q(inquiry__isnull=True, recipient__isnull=False),
                name="message_for_inquiry_or_account",
            ),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self) -> str:
        return f"{self.kind} {self.public_id}"

    # Messages to staff (never to the person): no consent, quiet hours or STOP applies.
    STAFF_KINDS = frozenset(
        {
            Kind.URGENT_ALERT,
            Kind.ON_CALL_ALERT,
            Kind.ESCALATION,
            Kind.REVIEW_ALERT,
            Kind.OVERDUE_NOTICE,
            Kind.REPLY_NOTICE,
            Kind.NOTE_READY,
            Kind.ENROLMENT_LINK,
            Kind.ACCOUNT_NOTICE,
        }
    )
    # A staff member's own account mail: sent to ``recipient``, about no inquiry.
    ACCOUNT_KINDS = frozenset({Kind.ENROLMENT_LINK, Kind.ACCOUNT_NOTICE})
    # Pages about someone who may be in danger: sent day and night.
    ANY_HOUR_KINDS = frozenset({Kind.ON_CALL_ALERT, Kind.ESCALATION})

    @property
    def to_person(self) -> bool:
        return self.kind not in self.STAFF_KINDS

    @property
    def message_id(self) -> str:
        """RFC 5322 Message-ID derived from the row: the same on every retry."""
        return f"<{self.public_id}@{settings.MESSAGE_ID_DOMAIN}>"


class SMSOptOut(models.Model):
    """A phone number that replied STOP: never texted again until it replies START."""

    phone_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("text opt-out")
        verbose_name_plural = _("text opt-outs")

    def __str__(self) -> str:
        return self.phone_hash[:12]


class ContactAttempt(models.Model):
    """One try at reaching the person. Never edited or deleted."""

    class Channel(models.TextChoices):
        CALL = "call", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("E-mail")

    class Outcome(models.TextChoices):
        REACHED = "reached", _("Reached them")
        LEFT_VOICEMAIL = "left_voicemail", _("Left a voicemail")
        NO_ANSWER = "no_answer", _("No answer")
        WRONG_NUMBER = "wrong_number", _("Wrong number")
        REPLIED = "replied", _("They replied")

    # Outcomes that count as first contact (and so end the time to first contact).
    CONTACT_MADE = (Outcome.REACHED, Outcome.LEFT_VOICEMAIL, Outcome.REPLIED)
    # Outcomes where the person was actually reached (a voicemail is not).
    REACHED_PERSON = (Outcome.REACHED, Outcome.REPLIED)

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="contact_attempts")
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    note = EncryptedTextField(_("note"), blank=True, default="")
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("contact attempt")
        verbose_name_plural = _("contact attempts")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.created_at:%Y-%m-%d %H:%M})"


class ReplyTemplate(models.Model):
    """A warm reply a coordinator can start from (program admins keep these)."""

    queue = models.ForeignKey(
        CoordinatorQueue,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="templates",
        help_text=_("Empty: offered in every queue."),
    )
    language = models.CharField(_("language"), max_length=8, default="en")
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(
        _("text"),
        help_text=_("{name} is replaced by the person's preferred name, if they gave one."),
    )
    not_for_urgent = models.BooleanField(
        _("not for urgent inquiries"),
        default=False,
        help_text=_(
            "Hide this template when the person may be in danger (for example, wording like "
            "“no pressure, no deadline”)."
        ),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["language", "title"]
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")

    def __str__(self) -> str:
        return self.title


class InternalNote(models.Model):
    """A note for the team about an inquiry. Encrypted, and never sent to anyone."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="internal_notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = EncryptedTextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M}"


class ReassessmentNote(models.Model):
    """Where the person is now and the plan: written by clinicians, signed by a reviewer.

    Every clinical field is encrypted at rest. A signed note is never edited again; a
    correction is a new note that points at the one it amends.
    """

    class Plan(models.TextChoices):
        RESUME = "resume", _("Resume where they left off")
        MODIFIED = "modified", _("Modified plan")
        REVISIT_CORE = "revisit_core", _("Revisit a few core sessions")
        DIFFERENT_GROUP = "different_group", _("Different group")
        DIFFERENT_THERAPIST = "different_therapist", _("Different therapist")
        ONE_ON_ONE_FIRST = "one_on_one_first", _("One-on-one first")
        REFER = "refer", _("Refer to another level of care")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        READY = "ready", _("Ready for review")
        SIGNED = "signed", _("Signed")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    amends = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="amendments"
    )
    state = models.CharField(max_length=8, choices=State.choices, default=State.DRAFT)
    what_changed = EncryptedTextField(_("what changed since they left"), blank=True, default="")
    current_needs = EncryptedTextField(_("what they need now"), blank=True, default="")
    goals = EncryptedTextField(_("their goals"), blank=True, default="")
    preferences = EncryptedTextField(
        _("preferences (format, days a week, times, one-on-one first, group or therapist)"),
        blank=True,
        default="",
    )
    # Plan codes, comma separated, encrypted like every clinical field.
    plan = EncryptedTextField(_("plan"), blank=True, default="")
    next_step = EncryptedTextField(_("next step"), blank=True, default="")
    next_step_on = models.DateField(_("next step on"), null=True, blank=True)
    free_text = EncryptedTextField(_("notes"), blank=True, default="")
    # The plan's scheduling facts, apart from the clinical text: coordinators see these (and
    # nothing else of the note) to book the person's return.
    start_on = models.DateField(_("starts on"), null=True, blank=True)
    group = EncryptedTextField(
        _("group or therapist"),
        blank=True,
        default="",
        help_text=_("The group or therapist they start with, as coordinators book it."),
    )
    start_site = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("site"),
    )
    ready_at = models.DateTimeField(null=True, blank=True, editable=False)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    signed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reassessment note")
        verbose_name_plural = _("reassessment notes")
        permissions = [("sign_reassessmentnote", "Can sign reassessment notes")]

    def __str__(self) -> str:
        # Nothing clinical: the state and date only (str() reaches logs and admin history).
        when = f" {self.created_at:%Y-%m-%d}" if self.created_at else ""
        return f"{self.get_state_display()} note{when}"

    @property
    def plan_codes(self) -> list[str]:
        return [code for code in self.plan.split(",") if code]

    CLINICAL_FIELDS = (
        "what_changed",
        "current_needs",
        "goals",
        "preferences",
        "plan",
        "next_step",
        "free_text",
    )


class AuditEvent(models.Model):
    """Who looked at or changed what, when, and from where. Append-only; no sensitive text."""

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        CHANGE = "change", _("Changed")
        CREATE = "create", _("Created")
        SIGN = "sign", _("Signed")
        EXPORT = "export", _("Exported")
        DENIED = "denied", _("Access denied")
        # The worklist was searched: that it happened, never what was looked for.
        SEARCH = "search", _("Searched")

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=8, choices=Action.choices)
    # The kind of thing and its id, e.g. ("inquiry", 12) or ("reassessmentnote", 3).
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40, blank=True)
    # A path with ids only (query strings dropped: a search term could be an e-mail).
    path = models.CharField(max_length=200, blank=True)
    client_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit record")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.action} {self.object_type} {self.object_id}"


# --- Staff two-step sign-in ---------------------------------------------------------------


class EnrolmentLink(models.Model):
    """A one-time link a program admin sends so a staff member can set up two-step sign-in.

    Without one, nobody can add an authenticator to an account: a leaked first password is
    not enough. Only the SHA-256 of the token is kept (the token is 256 random bits, so a
    plain hash is enough and lets the link be found by it). It works once, until
    ``expires_at``; sending a new link to the same person revokes the one before.
    """

    class State(models.TextChoices):
        USABLE = "usable", _("Waiting to be used")
        USED = "used", _("Used")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Replaced by a newer link")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolment_links"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("two-step set-up link")
        verbose_name_plural = _("two-step set-up links")

    def __str__(self) -> str:
        return f"enrolment link {self.pk}"

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @staticmethod
    def usable_q(now: datetime) -> Q:
        return Q(used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)

    def state(self, now: datetime | None = None) -> str:
        if self.used_at is not None:
            return self.State.USED
        if self.revoked_at is not None:
            return self.State.REVOKED
        if self.expires_at <= (now or timezone.now()):
            return self.State.EXPIRED
        return self.State.USABLE


# Recovery codes: 16 characters from an alphabet without look-alikes (0/o, 1/l/i), about 79
# random bits each, shown as four groups of four.
RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_CODE_LENGTH = 16


def recovery_code_normalise(typed: str) -> str:
    """A recovery code as stored: lower case, without the spaces and hyphens people type."""
    return "".join(typed.split()).replace("-", "").lower()


def looks_like_recovery_code(typed: str) -> bool:
    code = recovery_code_normalise(typed)
    return len(code) == RECOVERY_CODE_LENGTH and all(c in RECOVERY_CODE_ALPHABET for c in code)


class RecoveryCodeDevice(ThrottlingMixin, Device):
    """A staff member's one-time recovery codes, for a sign-in without their phone.

    A django-otp device, so a code verifies the session as the app's code does. django-otp's
    own static-token plugin keeps its tokens in plain text and consumes them with a read then
    a delete; here each code is kept only as a salted SHA-256 (``RecoveryCode``) and is used
    up by a conditional UPDATE, so two requests racing with one code cannot both sign in.
    """

    class Meta:
        verbose_name = _("recovery codes")
        verbose_name_plural = _("recovery codes")

    def get_throttle_factor(self) -> int:
        return getattr(settings, "OTP_STATIC_THROTTLE_FACTOR", 1)

    def verify_token(self, token) -> bool:
        allowed, _details = self.verify_is_allowed()
        if not allowed:
            return False
        code = recovery_code_normalise(str(token))
        now = timezone.now()
        for stored in self.codes.filter(used_at__isnull=True):
            if stored.matches(code):
                used = RecoveryCode.objects.filter(pk=stored.pk, used_at__isnull=True).update(
                    used_at=now
                )
                if used:
                    self.throttle_reset()
                    return True
        self.throttle_increment()
        return False

    def codes_left(self) -> int:
        return self.codes.filter(used_at__isnull=True).count()


class RecoveryCode(models.Model):
    """One recovery code, as ``sha256$<salt>$<digest>``; a used code is kept, never reused."""

    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=128, editable=False)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return f"recovery code {self.pk}"

    @staticmethod
    def new_code() -> str:
        """A fresh code as it is shown: ``abcd-efgh-jkmn-pqrs``."""
        raw = "".join(secrets.choice(RECOVERY_CODE_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
        return "-".join(raw[i : i + 4] for i in range(0, RECOVERY_CODE_LENGTH, 4))

    @staticmethod
    def _digest(salt: str, code: str) -> str:
        return hashlib.sha256(f"{salt}${recovery_code_normalise(code)}".encode()).hexdigest()

    @classmethod
    def hash_code(cls, code: str) -> str:
        salt = secrets.token_hex(16)
        return f"sha256${salt}${cls._digest(salt, code)}"

    def matches(self, code: str) -> bool:
        algorithm, _sep, rest = self.code_hash.partition("$")
        salt, _sep, digest = rest.partition("$")
        if algorithm != "sha256" or not salt or not digest:
            return False
        return hmac.compare_digest(digest, self._digest(salt, code))


class InboundMailboxState(models.Model):
    """How far reading the program's mailbox (IMAP) has got, and how the last tries went.

    One row per mailbox: ``key`` is a digest of the server, the user name and the folder
    (never the password). ``uidvalidity`` and ``last_uid`` say which messages are stored and
    marked on the server: a pass reads the UIDs after ``last_uid``, and reads the folder again
    from the start when the server's UIDVALIDITY changes (messages are stored once by their
    Message-ID, so nothing doubles). A failed connection counts in ``failures`` and puts the
    next attempt off to ``next_attempt_at``, as the outbox does with a mail server that fails.
    """

    key = models.CharField(max_length=64, unique=True, editable=False)
    uidvalidity = models.BigIntegerField(null=True, blank=True, editable=False)
    last_uid = models.BigIntegerField(default=0, editable=False)
    last_success_at = models.DateTimeField(_("last read"), null=True, blank=True)
    last_error_at = models.DateTimeField(_("last failed"), null=True, blank=True)
    failures = models.PositiveIntegerField(_("failed tries in a row"), default=0)
    next_attempt_at = models.DateTimeField(_("next try"), null=True, blank=True)

    class Meta:
        verbose_name = _("mailbox reading")
        verbose_name_plural = _("mailbox readings")

    def __str__(self) -> str:
        return f"mailbox {self.key[:12]}"
