"""The staff pages' forms: one per triage action, the on-call code, the reassessment note.

They validate; services decide. Each is named after what it carries.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import services, workflow
from ..models import ContactAttempt, Inquiry, OutboundMessage, Priority, ReassessmentNote, Site

STATUS_REASONS = (
    [("", "—")]
    + [(v, f"{_('Closing')}: {label}") for v, label in Inquiry.CloseReason.choices]
    + [(v, f"{_('Not now')}: {label}") for v, label in Inquiry.NotNowReason.choices]
)


# --- triage actions on an inquiry ------------------------------------------------------------


class AssignForm(forms.Form):
    """Hand the inquiry to a colleague: the active coordinators of its queue only."""

    assignee = forms.ModelChoiceField(
        label=_("Assign to a colleague"),
        queryset=get_user_model().objects.none(),
        error_messages={"required": _("Please choose who should take it.")},
    )

    def __init__(self, *args: Any, inquiry: Inquiry, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = get_user_model().objects.filter(is_active=True)
        members = (
            members.filter(coordinator_queues=inquiry.queue_id)
            if inquiry.queue_id
            else members.none()
        )
        self.fields["assignee"].queryset = members.order_by("username")
        self.fields["assignee"].label_from_instance = lambda u: u.get_full_name() or u.username


class UnassignForm(forms.Form):
    """Leave the inquiry with nobody, saying why."""

    reason = forms.CharField(
        label=_("Why unassign?"),
        max_length=64,
        error_messages={"required": _("Please give a reason for unassigning.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Its own ids: the status form on the same page also has a "reason" field.
        kwargs.setdefault("auto_id", "id_unassign_%s")
        super().__init__(*args, **kwargs)


class StatusForm(forms.Form):
    """The status moves allowed from where the inquiry is now, in words."""

    status = forms.ChoiceField(
        label=_("New status"),
        choices=Inquiry.Status.choices,
        error_messages={"invalid_choice": _("An inquiry cannot go there from its current status.")},
    )
    reason = forms.ChoiceField(label=_("Reason"), choices=STATUS_REASONS, required=False)
    check_in_on = forms.DateField(
        label=_("Gentle check-in on (for “not now”)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, inquiry: Inquiry | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if inquiry is not None:
            allowed = workflow.ALLOWED.get(inquiry.status, frozenset())
            self.fields["status"].choices = [
                (value, label) for value, label in Inquiry.Status.choices if value in allowed
            ]


class SnoozeForm(forms.Form):
    """Pause the first-contact clock until a time in the future."""

    until = forms.DateTimeField(
        label=_("Snooze until"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
    )

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until <= timezone.now():
            raise forms.ValidationError(_("Please choose a time in the future."))
        return until


class ContactAttemptForm(forms.Form):
    """One try at reaching the person: how, what happened, a private note."""

    channel = forms.ChoiceField(label=_("How"), choices=ContactAttempt.Channel.choices)
    outcome = forms.ChoiceField(label=_("What happened"), choices=ContactAttempt.Outcome.choices)
    note = forms.CharField(
        label=_("Note (optional, private to the team)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class ReplyForm(forms.Form):
    """A coordinator's reply to the person, sent after the wording warnings are read."""

    body = forms.CharField(
        label=_("Reply"), widget=forms.Textarea(attrs={"rows": 6}), max_length=4000
    )
    confirm_tone = forms.BooleanField(
        label=_("I have read the wording warnings and want to send it as it is"), required=False
    )


class InternalNoteForm(forms.Form):
    """A note for the team about the inquiry (never sent)."""

    text = forms.CharField(
        label=_("Internal note (never sent)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )


class MessageRetryForm(forms.Form):
    """A failed message of this inquiry to send again."""

    message = forms.ModelChoiceField(queryset=OutboundMessage.objects.none())

    def __init__(self, *args: Any, inquiry: Inquiry, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["message"].queryset = inquiry.messages.filter(
            status=OutboundMessage.Status.FAILED
        )


class PriorityForm(forms.Form):
    """The risk level, set by hand."""

    priority = forms.ChoiceField(label=_("Risk level"), choices=Priority.choices)


class ReassessmentScheduleForm(forms.Form):
    """When the reassessment is (in the queue's time zone), in which format, and where.

    An in-person (or mixed) visit needs a site, the inquiry's own by default. Before anything
    is sent the form says what the person's confirmation could not include (a site with no
    address, a queue with no video-visit link), so the coordinator can tell them or have the
    setting filled in first.
    """

    when = forms.DateTimeField(
        label=_("Reassessment on"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    care_format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            (value, label)
            for value, label in Inquiry.CareFormat.choices
            if value in Inquiry.SCHEDULABLE_FORMATS
        ],
    )
    site = forms.ModelChoiceField(
        label=_("Where, for an in-person visit"),
        queryset=Site.objects.none(),
        required=False,
        empty_label=_("Choose a site"),
    )

    def __init__(self, *args: Any, inquiry: Inquiry | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        queue = inquiry.queue if inquiry is not None else None
        self.zone = ZoneInfo(queue.time_zone if queue else settings.TIME_ZONE)
        self.fields["when"].help_text = _("In the queue's time zone (%(zone)s).") % {
            "zone": self.zone.key
        }
        own_site = inquiry.site_id if inquiry is not None else None
        self.fields["site"].queryset = Site.objects.filter(Q(active=True) | Q(pk=own_site))
        self.fields["site"].label_from_instance = _site_choice
        if own_site and "site" not in self.initial:
            self.initial["site"] = own_site
        if queue is not None and not queue.video_visit_url:
            self.fields["care_format"].help_text = _(
                "“%(queue)s” has no video-visit link yet: a virtual confirmation would tell "
                "them we'll send the link before the visit. A program admin can add it to "
                "the queue's settings."
            ) % {"queue": queue.name}

    def clean_when(self) -> datetime:
        # Typed as the queue's clock reads, whatever zone the staff page runs in.
        typed = timezone.make_naive(self.cleaned_data["when"])
        return timezone.make_aware(typed, self.zone)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        care_format = cleaned.get("care_format")
        if care_format == Inquiry.CareFormat.VIRTUAL:
            cleaned["site"] = None
        elif care_format and not cleaned.get("site"):
            self.add_error(
                "site",
                forms.ValidationError(
                    _("Please choose where the in-person visit happens."), code="site"
                ),
            )
        return cleaned


def _site_choice(site: Site) -> str:
    """A site as the schedule form offers it: said plainly when it has no address yet."""
    if site.address.strip():
        return site.name
    return _("%(site)s (no address for visits yet)") % {"site": site.name}


# --- a queue's on-call phone -----------------------------------------------------------------


class OnCallCodeForm(forms.Form):
    """The one-time code that confirms a queue's on-call phone."""

    code = forms.CharField(
        label=_("The six-digit code texted to the on-call phone"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


# --- clinical notes --------------------------------------------------------------------------


# What the clinician writes, in the order the note asks it (the scheduling facts follow).
NOTE_TEXT_FIELDS = (
    "what_changed",
    "current_needs",
    "goals",
    "preferences",
    "plan_codes",
    "next_step",
    "next_step_on",
    "free_text",
)


class ReassessmentNoteForm(forms.ModelForm):
    """A clinician's reassessment note; ``note_fields()`` is what the services take.

    The inquiry (and the signed note an amendment corrects) is fixed by the page, never a
    field. The scheduling facts (``services.SCHEDULING_FIELDS``) sit apart from the text.
    """

    plan_codes = forms.MultipleChoiceField(
        label=_("Plan"),
        choices=ReassessmentNote.Plan.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ReassessmentNote
        fields = [*NOTE_TEXT_FIELDS, *services.SCHEDULING_FIELDS]
        labels = {
            "start_on": _("Starts on"),
            "group": _("Group or therapist"),
            "start_site": _("Site"),
        }
        # Who sees these is said once, on their fieldset (the note's admin).
        widgets = {
            "next_step_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "group": forms.TextInput(attrs={"class": "vTextField"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["plan_codes"] = self.instance.plan_codes
        site = self.fields.get("start_site")
        if site is not None:
            # The active sites, and the one already chosen should it have closed since.
            chosen = Q(pk=self.instance.start_site_id) if self.instance.start_site_id else Q()
            site.queryset = Site.objects.filter(Q(active=True) | chosen)
            site.label_from_instance = lambda s: s.local_name()
            site.empty_label = _("Not decided yet")

    def note_fields(self) -> dict:
        data = {
            name: self.cleaned_data.get(name) for name in services.NOTE_FIELDS if name != "plan"
        }
        data = {k: ("" if v is None and k != "next_step_on" else v) for k, v in data.items()}
        data["plan"] = ",".join(self.cleaned_data.get("plan_codes") or [])
        data["start_on"] = self.cleaned_data.get("start_on")
        data["group"] = (self.cleaned_data.get("group") or "").strip()
        data["start_site"] = self.cleaned_data.get("start_site")
        return data
