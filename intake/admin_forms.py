"""Forms behind the coordinators' triage actions in admin. They validate; services decide."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import workflow
from .models import ContactAttempt, Inquiry, OutboundMessage, Priority, ReplyTemplate

STATUS_REASONS = (
    [("", "—")]
    + [(v, f"{_('Closing')}: {label}") for v, label in Inquiry.CloseReason.choices]
    + [(v, f"{_('Not now')}: {label}") for v, label in Inquiry.NotNowReason.choices]
)


class AssignForm(forms.Form):
    """Hand the inquiry to a colleague: the active coordinators of its queue only."""

    assignee = forms.ModelChoiceField(
        label=_("Assign to a colleague"),
        queryset=get_user_model().objects.none(),
        error_messages={"required": _("Please choose who should take it.")},
    )

    def __init__(self, *args, inquiry: Inquiry, **kwargs) -> None:
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
    reason = forms.CharField(
        label=_("Why unassign?"),
        max_length=64,
        error_messages={"required": _("Please give a reason for unassigning.")},
    )

    def __init__(self, *args, **kwargs) -> None:
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

    def __init__(self, *args, inquiry: Inquiry | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if inquiry is not None:
            allowed = workflow.ALLOWED.get(inquiry.status, frozenset())
            self.fields["status"].choices = [
                (value, label) for value, label in Inquiry.Status.choices if value in allowed
            ]

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


class InternalNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note (never sent)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )


class RetryForm(forms.Form):
    """A failed message of this inquiry to send again."""

    message = forms.ModelChoiceField(queryset=OutboundMessage.objects.none())

    def __init__(self, *args, inquiry: Inquiry, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["message"].queryset = inquiry.messages.filter(
            status=OutboundMessage.Status.FAILED
        )


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
