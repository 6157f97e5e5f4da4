"""The coordinators' worklist and an inquiry's own page.

The page is this app's own view at the stock URL (``<id>/change/``), so links and bookmarks
keep working, and it holds no form inside another: each triage action is its own form,
posting to its own URL (``triage.py``).
"""

from __future__ import annotations

import csv
import uuid

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from .. import crypto, selectors, services, workflow
from ..exceptions import ActionRefused
from ..forms import AWAY_REASONS
from ..models import AuditEvent, ContactAttempt, Inquiry, Priority, Safety
from .base import ReadOnlyAdminMixin
from .filters import (
    AssignedFilter,
    HeldFilter,
    LanguageFilter,
    OverdueFilter,
    QuarantineFilter,
    StatusFilter,
    WorklistPaginator,
)
from .forms import (
    AssignForm,
    ContactAttemptForm,
    InternalNoteForm,
    PriorityForm,
    ReassessmentScheduleForm,
    ReplyForm,
    SnoozeForm,
    StatusForm,
    UnassignForm,
)
from .triage import TriageViews
from .wording import contact_flags, risk_concept_words

AWAY_REASON_LABELS = dict(AWAY_REASONS)


@admin.register(Inquiry)
class InquiryAdmin(ReadOnlyAdminMixin, TriageViews, admin.ModelAdmin):
    """The worklist, and the inquiry's page. No raw model form: every change is a triage
    action, through a service."""

    list_display = (
        "short_id",
        "received",
        "priority_badge",
        "status",
        "queue",
        "assigned_to",
        "due_badge",
        "contact_flags",
        "language",
        "earlier",
    )
    list_filter = (
        StatusFilter,
        QuarantineFilter,
        "queue",
        "priority",
        HeldFilter,
        OverdueFilter,
        AssignedFilter,
        "site",
        LanguageFilter,
        "kind",
    )
    list_per_page = 50
    paginator = WorklistPaginator
    search_fields = ("public_id",)
    search_help_text = _("Search by inquiry id, or by an exact e-mail address or phone number.")
    show_full_result_count = False
    change_list_template = "admin/intake/inquiry/change_list.html"
    actions = [
        "assign_to_me",
        "set_status",
        "acknowledge_urgent_alert",
        "mark_spam",
        "release_from_quarantine",
    ]

    # --- who sees what ---------------------------------------------------------------

    def get_queryset(self, request: HttpRequest) -> QuerySet[Inquiry]:
        return selectors.inquiries_visible_to(request.user)

    def get_ordering(self, request: HttpRequest) -> list[str]:
        return ["risk_rank", "-is_overdue", "created_at"]

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Another queue's inquiry is simply not there for this user: a plain 404, no hint.
        raise Http404

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        term = search_term.strip()
        if not term:
            return queryset, False
        hashes = {crypto.contact_hash(crypto.normalise_email(term))} if "@" in term else set()
        phone = crypto.normalise_phone(term)
        if phone:
            hashes.add(crypto.contact_hash(phone))
        if hashes:
            found = queryset.filter(Q(contact_hash__in=hashes) | Q(other_contact_hash__in=hashes))
            return found, False
        cleaned = term.lower().replace("-", "")
        if all(c in "0123456789abcdef" for c in cleaned) and 4 <= len(cleaned) <= 32:
            # Match the start of the public id on its canonical hyphenated text.
            text = str(uuid.UUID(cleaned.ljust(32, "0")))[: len(term)]
            return queryset.filter(public_id__startswith=text), False
        return queryset.none(), False

    # --- list columns ------------------------------------------------------------------

    @admin.display(description=_("inquiry"), ordering="public_id")
    def short_id(self, obj: Inquiry) -> str:
        return obj.short_id

    @admin.display(description=_("received"), ordering="created_at")
    def received(self, obj: Inquiry) -> str:
        return _("%(age)s ago") % {"age": timesince(obj.created_at, timezone.now(), depth=1)}

    @admin.display(description=_("priority"), ordering="risk_rank")
    def priority_badge(self, obj: Inquiry) -> str:
        held = (
            format_html(' <span class="badge badge-held">{}</span>', _("held"))
            if obj.is_held
            else ""
        )
        if obj.priority == Priority.URGENT:
            label = obj.get_priority_display()
            if obj.alert_acknowledged_at is None:
                label = _("%(label)s — alert not acknowledged") % {"label": label}
            return format_html('<strong class="badge badge-urgent">{}</strong>{}', label, held)
        if obj.priority == Priority.REVIEW:
            return format_html(
                '<strong class="badge badge-review">{}</strong>{}', obj.get_priority_display(), held
            )
        return format_html("{}{}", obj.get_priority_display(), held)

    @admin.display(description=_("first contact due"), ordering="first_contact_due_at")
    def due_badge(self, obj: Inquiry) -> str:
        if not obj.first_contact_due_at:
            return "—"
        local = timezone.localtime(obj.first_contact_due_at)
        text = f"{local:%a %d %b %H:%M}"
        if getattr(obj, "is_overdue", False):
            return format_html('{} <span class="badge badge-overdue">{}</span>', text, _("overdue"))
        if obj.snoozed_until and obj.snoozed_until > timezone.now():
            return format_html('{} <span class="badge">{}</span>', text, _("snoozed"))
        return text

    @admin.display(description=_("how to reach"))
    def contact_flags(self, obj: Inquiry) -> str:
        return format_html_join(
            " ", '<span class="badge">{}</span>', ((flag,) for flag in contact_flags(obj))
        )

    @admin.display(description=_("earlier"), ordering="earlier_count")
    def earlier(self, obj: Inquiry) -> str:
        return str(obj.earlier_count) if getattr(obj, "earlier_count", 0) else ""

    # --- the inquiry's page ---------------------------------------------------------------

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ) -> HttpResponse:
        """The inquiry's page: read here, changed only through the triage actions."""
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if not object_id.isdigit():
            raise Http404
        inquiry = self.get_queryset(request).filter(pk=int(object_id)).first()
        if inquiry is None or not self.has_view_permission(request, inquiry):
            raise Http404
        services.audit_record(
            actor=request.user,
            action=AuditEvent.Action.VIEW,
            object_type="inquiry",
            object_id=inquiry.pk,
            request=request,
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Inquiry %(id)s") % {"id": inquiry.short_id},
            "opts": self.model._meta,
            "original": inquiry,
            "preserved_filters": self.get_preserved_filters(request),
            **self.case_context(request, inquiry),
        }
        return TemplateResponse(request, "admin/intake/inquiry/case.html", context)

    def case_context(self, request: HttpRequest, inquiry: Inquiry) -> dict:
        user = request.user
        risk = selectors.risk_summary(inquiry)
        case = selectors.case_sections(inquiry, viewer=user)
        context = {
            "risk": risk,
            "risk_concept": risk_concept_words(risk.concept),
            "case": case,
            "flags": contact_flags(inquiry),
            "attention": self.attention_notes(inquiry),
            "can_triage": self.can_triage(request),
            "can_write_note": user.has_perm("intake.add_reassessmentnote"),
            "can_open_notes": user.has_perm("intake.view_reassessmentnote"),
            "can_reply": services.acknowledgement_channel(inquiry) is not None,
            "safety_answer": (
                Safety(inquiry.safety).label
                if inquiry.safety in Safety.values
                else _("not answered")
            ),
            "away_reasons": [
                str(AWAY_REASON_LABELS.get(code, code)) for code in inquiry.away_reasons or []
            ],
        }
        if context["can_triage"]:
            template_id = request.GET.get("template")
            templates = selectors.reply_templates_for(inquiry)
            chosen = (
                templates.filter(pk=template_id).first()
                if template_id and template_id.isdigit()
                else None
            )
            body = (
                chosen.body.replace("{name}", inquiry.preferred_name or "").strip()
                if chosen
                else ""
            )
            context.update(
                {
                    "assign_form": AssignForm(inquiry=inquiry),
                    "unassign_form": UnassignForm(),
                    "status_form": StatusForm(inquiry=inquiry),
                    "snooze_form": SnoozeForm(),
                    "attempt_form": ContactAttemptForm(
                        initial={
                            "channel": ContactAttempt.Channel.EMAIL
                            if inquiry.contact_method == Inquiry.ContactMethod.EMAIL
                            else ContactAttempt.Channel.CALL
                        }
                    ),
                    "reply_form": ReplyForm(initial={"body": body}),
                    "note_form": InternalNoteForm(),
                    "schedule_form": ReassessmentScheduleForm(
                        initial={
                            "care_format": inquiry.care_format
                            if inquiry.care_format in Inquiry.SCHEDULABLE_FORMATS
                            else ""
                        }
                    ),
                    "priority_form": PriorityForm(initial={"priority": inquiry.priority}),
                    "reply_templates": templates,
                    "can_move": bool(workflow.ALLOWED.get(inquiry.status)),
                }
            )
        return context

    def attention_notes(self, obj: Inquiry) -> list[str]:
        """From the worklist's own annotations (the page is read through that queryset)."""
        notes = []
        unanswered = obj.unanswered_attempts
        if obj.queue and workflow.needs_decision(unanswered, obj.queue.max_unanswered_attempts):
            notes.append(
                _("Needs decision: %(n)d unanswered attempts (the queue's maximum is %(max)d).")
                % {"n": unanswered, "max": obj.queue.max_unanswered_attempts}
            )
        if obj.is_overdue:
            notes.append(_("Past the first-contact promise."))
        return notes

    def get_urls(self) -> list:
        custom = [
            path(
                "<int:pk>/triage/<slug:action>/",
                self.admin_site.admin_view(self.triage_view),
                name="intake_inquiry_triage",
            ),
            path(
                "export.csv",
                self.admin_site.admin_view(self.export_view),
                name="intake_inquiry_export",
            ),
        ]
        return custom + super().get_urls()

    # --- bulk actions ----------------------------------------------------------------------

    @admin.action(description=_("Assign to me"), permissions=["triage"])
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet[Inquiry]) -> None:
        done = 0
        for inquiry in queryset:
            try:
                services.inquiry_assign(
                    actor=request.user, inquiry_id=inquiry.pk, assignee=request.user
                )
                done += 1
            except ActionRefused as refusal:
                self.message_user(
                    request, f"{inquiry.short_id}: {refusal.message}", level=messages.WARNING
                )
        self.message_user(request, _("%(n)d inquiries assigned to you.") % {"n": done})

    @admin.action(description=_("Change status…"), permissions=["triage"])
    def set_status(self, request: HttpRequest, queryset: QuerySet[Inquiry]) -> HttpResponse | None:
        form = StatusForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            done, refused = 0, []
            for inquiry in queryset:
                try:
                    services.inquiry_set_status(
                        actor=request.user, inquiry_id=inquiry.pk, **form.cleaned_data
                    )
                    done += 1
                except ActionRefused as refusal:
                    refused.append(f"{inquiry.short_id}: {refusal.message}")
            self.message_user(request, _("%(n)d inquiries changed.") % {"n": done})
            for line in refused:
                self.message_user(request, line, level=messages.WARNING)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Change status of the selected inquiries"),
            "opts": self.model._meta,
            "form": form,
            "queryset": queryset,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/intake/inquiry/bulk_status.html", context)

    @admin.action(
        description=_("Acknowledge the urgent alert (stops escalation)"), permissions=["triage"]
    )
    def acknowledge_urgent_alert(self, request: HttpRequest, queryset: QuerySet[Inquiry]) -> None:
        done = 0
        for inquiry in queryset.filter(
            priority=Priority.URGENT, alert_acknowledged_at__isnull=True
        ):
            services.urgent_alert_acknowledge(actor=request.user, inquiry_id=inquiry.pk)
            done += 1
        self.message_user(request, _("%(count)d urgent alert(s) acknowledged.") % {"count": done})

    @admin.action(description=_("Move to quarantine (spam)"), permissions=["triage"])
    def mark_spam(self, request: HttpRequest, queryset: QuerySet[Inquiry]) -> None:
        for inquiry in queryset:
            try:
                services.inquiry_mark_spam(actor=request.user, inquiry_id=inquiry.pk, spam=True)
            except ActionRefused as refusal:
                self.message_user(
                    request, f"{inquiry.short_id}: {refusal.message}", level=messages.WARNING
                )

    @admin.action(
        description=_("Release from quarantine (sends the missed acknowledgement)"),
        permissions=["triage"],
    )
    def release_from_quarantine(self, request: HttpRequest, queryset: QuerySet[Inquiry]) -> None:
        for inquiry in queryset:
            services.inquiry_mark_spam(actor=request.user, inquiry_id=inquiry.pk, spam=False)

    def export_view(self, request: HttpRequest) -> HttpResponse:
        """The filtered worklist as CSV: states and times only, no free text, no contacts."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        services.audit_record(
            actor=request.user,
            action=AuditEvent.Action.EXPORT,
            object_type="inquiry",
            request=request,
        )
        changelist = self.get_changelist_instance(request)
        rows = changelist.get_queryset(request)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="inquiries.csv"'
        response["Cache-Control"] = "no-store"
        writer = csv.writer(response)
        writer.writerow([name for name, _get in EXPORT_COLUMNS])
        for inquiry in rows.iterator(chunk_size=500):
            writer.writerow([get(inquiry) for _name, get in EXPORT_COLUMNS])
        return response


EXPORT_COLUMNS = [
    ("inquiry", lambda i: str(i.public_id)),
    ("received", lambda i: i.created_at.isoformat()),
    ("status", lambda i: i.status),
    ("priority", lambda i: i.priority),
    ("queue", lambda i: i.queue.name if i.queue else ""),
    ("assigned_to", lambda i: i.assigned_to.get_username() if i.assigned_to else ""),
    (
        "first_contact_due",
        lambda i: i.first_contact_due_at.isoformat() if i.first_contact_due_at else "",
    ),
    ("first_contact", lambda i: i.first_contact_at.isoformat() if i.first_contact_at else ""),
    ("overdue", lambda i: "yes" if i.is_overdue else "no"),
    ("language", lambda i: i.language),
    ("kind", lambda i: i.kind),
    ("site", lambda i: i.site.name if i.site else ""),
    ("preferred_channel", lambda i: i.contact_method),
    ("quarantined", lambda i: "yes" if i.is_spam else "no"),
]
