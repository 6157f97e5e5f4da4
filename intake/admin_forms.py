"""Forms behind the coordinators' triage actions in admin. They validate; services decide."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ContactAttempt, Inquiry, Priority, ReplyTemplate

STATUS_REASONS = (
    [("", "—")]
    + [(v, f"{_('Closing')}: {label}") for v, label in Inquiry.CloseReason.choices]
    + [(v, f"{_('Not now')}: {label}") for v, label in Inquiry.NotNowReason.choices]
)


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Nobody (unassign)"),
    )
    reason = forms.CharField(label=_("Reason (needed to unassign)"), required=False, max_length=64)

    def __init__(self, *args, inquiry: Inquiry, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        members = get_user_model().objects.filter(is_active=True)
        if inquiry.queue_id:
            members = members.filter(coordinator_queues=inquiry.queue_id)
        self.fields["assignee"].queryset = members.order_by("username")


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Inquiry.Status.choices)
    reason = forms.ChoiceField(label=_("Reason"), choices=STATUS_REASONS, required=False)
    check_in_on = forms.DateField(
        label=_("Gentle check-in on (for “not now”)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class SnoozeForm(forms.Form):
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
    channel = forms.ChoiceField(label=_("How"), choices=ContactAttempt.Channel.choices)
    outcome = forms.ChoiceField(label=_("What happened"), choices=ContactAttempt.Outcome.choices)
    note = forms.CharField(
        label=_("Note (optional, private to the team)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply"), widget=forms.Textarea(attrs={"rows": 6}), max_length=4000
    )
    confirm_tone = forms.BooleanField(
        label=_("I have read the wording warnings and want to send it as it is"), required=False
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note (never sent)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )


class BulkStatusForm(StatusForm):
    pass


def reply_templates_for(inquiry: Inquiry):
    """Active templates for the inquiry's queue (or every queue) in the person's language.

    Templates marked "not for urgent" ("no pressure, no deadline" wording) are not offered
    when the person may be in danger.
    """
    from django.db.models import Q

    templates = ReplyTemplate.objects.filter(active=True, language=inquiry.language).filter(
        Q(queue__isnull=True) | Q(queue=inquiry.queue_id)
    )
    if inquiry.priority == Priority.URGENT:
        templates = templates.filter(not_for_urgent=False)
    return templates


class OnCallCodeForm(forms.Form):
    code = forms.CharField(
        label=_("The six-digit code texted to the on-call phone"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class PriorityForm(forms.Form):
    priority = forms.ChoiceField(label=_("Risk level"), choices=Priority.choices)


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=_("Reassessment on"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    care_format = forms.ChoiceField(
        label=_("Format"),
        choices=[(v, label) for v, label in Inquiry.CareFormat.choices if v != "not_sure"],
    )
