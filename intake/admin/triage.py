"""The triage actions on an inquiry's page: one URL each, one service each.

Every action is a POST to ``<id>/triage/<action>/``, answered by a redirect back to the part
of the page it came from with a message. Only coordinators (``intake.change_inquiry``) may
run them; anyone else is refused with the staff page and nothing is written.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import services
from ..messaging.render import render_email, render_sms
from ..models import Inquiry, OutboundMessage
from ..reassessments import missing_details, visit
from .actions import perform, valid
from .forms import (
    AssignForm,
    ContactAttemptForm,
    InternalNoteForm,
    MessageRetryForm,
    PriorityForm,
    ReassessmentScheduleForm,
    ReplyForm,
    SnoozeForm,
    StatusForm,
    UnassignForm,
)
from .wording import reply_warnings

# Where each action sends the coordinator back to on the page.
ANCHORS = {
    "acknowledge": "risk",
    "release-hold": "risk",
    "priority": "risk",
    "assign-me": "assignment",
    "assign": "assignment",
    "unassign": "assignment",
    "status": "status",
    "attempt": "attempts",
    "snooze": "snooze",
    "schedule": "schedule",
    "reply": "reply",
    "note": "internal-notes",
    "spam": "quarantine",
    "release": "quarantine",
    "retry": "conversation",
}


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


class TriageViews:
    """Mixed into InquiryAdmin: the action URLs and what each one does."""

    def can_triage(self, request: HttpRequest) -> bool:
        return request.user.has_perm("intake.change_inquiry")

    def has_triage_permission(self, request: HttpRequest) -> bool:
        """For ``@admin.action(permissions=["triage"])``: coordinators only."""
        return self.can_triage(request)

    def triage_view(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        inquiry = self.get_queryset(request).filter(pk=pk).first()
        if inquiry is None:
            raise Http404
        if not self.can_triage(request):
            raise PermissionDenied
        handler = getattr(self, f"_do_{action.replace('-', '_')}", None)
        if action not in ANCHORS or handler is None:
            raise Http404
        back = reverse("admin:intake_inquiry_change", args=[pk])
        filters = request.GET.get("_changelist_filters")
        if filters:
            back += "?" + request.GET.urlencode()
        back += f"#{ANCHORS[action]}"
        return perform(request, back, lambda: handler(request, inquiry))

    # --- risk -----------------------------------------------------------------------------

    def _do_acknowledge(self, request: HttpRequest, inquiry: Inquiry) -> str:
        services.urgent_alert_acknowledge(actor=request.user, inquiry_id=inquiry.pk)
        return _(
            "Urgent alert acknowledged: it will not escalate. It still needs attention "
            "until someone reaches the person."
        )

    def _do_release_hold(self, request: HttpRequest, inquiry: Inquiry) -> str:
        services.inquiry_release_hold(actor=request.user, inquiry_id=inquiry.pk)
        return _("Released; the acknowledgement it was owed is on its way.")

    def _do_priority(self, request: HttpRequest, inquiry: Inquiry) -> str:
        data = valid(PriorityForm(request.POST))
        services.inquiry_set_priority(
            actor=request.user, inquiry_id=inquiry.pk, priority=data["priority"]
        )
        return _("Risk level changed.")

    # --- assignment -------------------------------------------------------------------------

    def _do_assign_me(self, request: HttpRequest, inquiry: Inquiry) -> str:
        services.inquiry_assign(actor=request.user, inquiry_id=inquiry.pk, assignee=request.user)
        return _("Assigned to you.")

    def _do_assign(self, request: HttpRequest, inquiry: Inquiry) -> str:
        data = valid(AssignForm(request.POST, inquiry=inquiry))
        services.inquiry_assign(
            actor=request.user, inquiry_id=inquiry.pk, assignee=data["assignee"]
        )
        return _("Assigned to %(name)s.") % {"name": display_name(data["assignee"])}

    def _do_unassign(self, request: HttpRequest, inquiry: Inquiry) -> str:
        data = valid(UnassignForm(request.POST))
        services.inquiry_assign(
            actor=request.user, inquiry_id=inquiry.pk, assignee=None, reason=data["reason"]
        )
        return _("Unassigned: the inquiry waits for someone to take it.")

    # --- the inquiry's course ---------------------------------------------------------------

    def _do_status(self, request: HttpRequest, inquiry: Inquiry) -> str:
        data = valid(StatusForm(request.POST, inquiry=inquiry))
        services.inquiry_set_status(actor=request.user, inquiry_id=inquiry.pk, **data)
        return _("Status changed to “%(status)s”.") % {
            "status": Inquiry.Status(data["status"]).label
        }

    def _do_attempt(self, request: HttpRequest, inquiry: Inquiry) -> str:
        data = valid(ContactAttemptForm(request.POST))
        services.contact_attempt_record(actor=request.user, inquiry_id=inquiry.pk, **data)
        return _("Contact attempt logged.")

    def _do_snooze(self, request: HttpRequest, inquiry: Inquiry) -> str:
        data = valid(SnoozeForm(request.POST))
        services.inquiry_snooze(actor=request.user, inquiry_id=inquiry.pk, **data)
        return _("Snoozed: the first-contact clock is paused until then.")

    def _do_schedule(self, request: HttpRequest, inquiry: Inquiry) -> str:
        data = valid(ReassessmentScheduleForm(request.POST, inquiry=inquiry))
        scheduled = services.reassessment_schedule(
            actor=request.user,
            inquiry_id=inquiry.pk,
            when=data["when"],
            care_format=data["care_format"],
            site_id=data["site"].pk if data["site"] else None,
        )
        channel = services.acknowledgement_channel(scheduled)
        if channel is None:
            return _(
                "Reassessment scheduled. They can only be reached by phone: please call them "
                "with the time and place."
            )
        # What the confirmation could not say, so the coordinator can tell them.
        found = visit(scheduled)
        by_text = channel == OutboundMessage.Channel.SMS
        for line in missing_details(found, by_text=by_text) if found else []:
            messages.warning(request, line)
        return _("Reassessment scheduled; the person gets a confirmation.")

    def _do_note(self, request: HttpRequest, inquiry: Inquiry) -> str:
        data = valid(InternalNoteForm(request.POST))
        services.internal_note_add(actor=request.user, inquiry_id=inquiry.pk, **data)
        return _("Note added. It stays with the team and is never sent.")

    def _do_spam(self, request: HttpRequest, inquiry: Inquiry) -> str:
        services.inquiry_mark_spam(actor=request.user, inquiry_id=inquiry.pk, spam=True)
        return _("Moved to quarantine.")

    def _do_release(self, request: HttpRequest, inquiry: Inquiry) -> str:
        acknowledged = inquiry.messages.filter(kind=OutboundMessage.Kind.ACKNOWLEDGEMENT).exists()
        services.inquiry_mark_spam(actor=request.user, inquiry_id=inquiry.pk, spam=False)
        if acknowledged or services.acknowledgement_channel(inquiry) is None:
            return _("Released from quarantine.")
        return _("Released from quarantine; the acknowledgement it missed is on its way.")

    def _do_retry(self, request: HttpRequest, inquiry: Inquiry) -> str:
        data = valid(MessageRetryForm(request.POST, inquiry=inquiry))
        retried = services.message_retry_now(actor=request.user, message_id=data["message"].pk)
        if retried is None:
            return _("That message is no longer waiting to be retried.")
        return _("Sent back to the outbox: it goes out again in a moment.")

    # --- a reply: preview, then send ----------------------------------------------------------

    def _do_reply(self, request: HttpRequest, inquiry: Inquiry) -> str | HttpResponse:
        form = ReplyForm(request.POST)
        body = valid(form)["body"]
        warnings = reply_warnings(body, inquiry)
        if "send" in request.POST and (not warnings or form.cleaned_data["confirm_tone"]):
            services.reply_send(actor=request.user, inquiry_id=inquiry.pk, body=body)
            return _("Reply queued. You can follow its delivery under Conversation.")
        channel = services.acknowledgement_channel(inquiry)
        context = {
            "org_name": settings.ORG_NAME,
            "body": body,
            "crisis_phone": settings.CRISIS_PHONE,
            "emergency_phone": settings.EMERGENCY_PHONE,
        }
        preview = None
        if channel == OutboundMessage.Channel.EMAIL:
            preview = render_email("reply", context, inquiry.language)
        elif channel == OutboundMessage.Channel.SMS:
            preview = render_sms("reply", context, inquiry.language)
        page = {
            **self.admin_site.each_context(request),
            "title": _("Preview the reply"),
            "opts": self.model._meta,
            "original": inquiry,
            "form": form,
            "body": body,
            "channel": channel,
            "preview": preview,
            "warnings": warnings,
            "needs_confirm": bool(warnings),
        }
        return TemplateResponse(request, "admin/intake/inquiry/reply_preview.html", page)
