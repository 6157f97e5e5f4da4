"""The coordinators' worklist and an inquiry's own page.

The page is this app's own view at the stock URL (``<id>/change/``), so links and bookmarks
keep working, and it holds no form inside another: each triage action is its own form,
posting to its own URL (``triage.py``).
"""

from __future__ import annotations

import csv
from datetime import tzinfo
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from .. import keep_work, reassessments, selectors, services, workflow, worklist
from ..exceptions import ActionRefused
from ..models import AuditEvent, ContactAttempt, Inquiry, InquiryEvent, Priority, Safety
from .base import ReadOnlyAdminMixin
from .csv_safe import row as text_cells
from .filters import (
    AssignedFilter,
    HeldFilter,
    LanguageFilter,
    NoteWaitingFilter,
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
from .note_person import away_reason_words
from .search import SearchFilter, SearchViews
from .triage import TriageViews
from .upcoming import UpcomingViews
from .wording import (
    contact_flags,
    event_words,
    language_words,
    message_said,
    note_start_words,
    risk_concept_words,
    zone_words,
)
from .worklist import SavedViewFilter, WorklistColumns, WorklistViews

# The page's triage forms and the action each posts to: what was typed into one before a
# sign-out is drawn back into it (intake/keep_work.py).
FORM_ACTIONS = {
    "assign_form": "assign",
    "unassign_form": "unassign",
    "status_form": "status",
    "attempt_form": "attempt",
    "snooze_form": "snooze",
    "schedule_form": "schedule",
    "reply_form": "reply",
    "note_form": "note",
    "priority_form": "priority",
}


@admin.register(Inquiry)
class InquiryAdmin(
    ReadOnlyAdminMixin,
    TriageViews,
    UpcomingViews,
    SearchViews,
    WorklistViews,
    WorklistColumns,
    admin.ModelAdmin,
):
    """The worklist, and the inquiry's page. No raw model form: every change is a triage
    action, through a service."""

    # The row's story (intake/admin/worklist.py); the name links to the inquiry's page.
    list_display = (
        "person",
        "wishes",
        "risk",
        "status_words",
        "waiting",
        "due",
        "last_activity_ago",
        "attempts",
        "reach",
        "assignee",
    )
    # Always the triage order (urgent, possible risk, overdue, oldest): next / previous on
    # an inquiry's page walks the same order.
    sortable_by = ()
    list_filter = (
        SavedViewFilter,
        SearchFilter,
        StatusFilter,
        QuarantineFilter,
        "queue",
        "priority",
        HeldFilter,
        OverdueFilter,
        AssignedFilter,
        NoteWaitingFilter,
        "site",
        LanguageFilter,
        "kind",
    )
    list_per_page = 50
    paginator = WorklistPaginator
    # No GET search (``?q=``): the search box posts, and a search id stands in the address
    # (intake/admin/search.py).
    search_fields = ()
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
        return list(worklist.WORKLIST_ORDER)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Another queue's inquiry is simply not there for this user: a plain 404, no hint.
        raise Http404

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
            **self.case_navigation(request, inquiry),
        }
        return TemplateResponse(request, "admin/intake/inquiry/case.html", context)

    def case_context(self, request: HttpRequest, inquiry: Inquiry) -> dict:
        user = request.user
        risk = selectors.risk_summary(inquiry)
        case = selectors.case_sections(inquiry, viewer=user)
        zone = inquiry.queue.time_zone if inquiry.queue else settings.TIME_ZONE
        context = {
            "risk": risk,
            "risk_concept": risk_concept_words(risk.concept),
            "case": case,
            "case_zone": zone,
            "zone_line": zone_words(zone),
            "language_name": language_words(inquiry.language),
            **self.case_story(inquiry, case, ZoneInfo(zone)),
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
            "away_reasons": away_reason_words(inquiry),
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
                        inquiry=inquiry,
                        initial={
                            "care_format": inquiry.care_format
                            if inquiry.care_format in Inquiry.SCHEDULABLE_FORMATS
                            else ""
                        },
                    ),
                    "priority_form": PriorityForm(initial={"priority": inquiry.priority}),
                    "reply_templates": templates,
                    "can_move": bool(workflow.ALLOWED.get(inquiry.status)),
                }
            )
            if kept := keep_work.kept_work(request):
                for name, action in FORM_ACTIONS.items():
                    url = reverse("admin:intake_inquiry_triage", args=[inquiry.pk, action])
                    kept.restore(context[name], url)
        return context

    def case_story(self, inquiry: Inquiry, case: selectors.CaseSections, zone: tzinfo) -> dict:
        """The page's lists in words: what each message said, who did what, the visit."""
        by_id = {m.pk: m for m in case.messages}
        named: list[str] = []
        for e in case.events:  # staff are named by id: (un)assigned, routed to
            if e.kind in (InquiryEvent.Kind.ASSIGNED, InquiryEvent.Kind.UNASSIGNED):
                named += [e.from_state, e.to_state]
            elif e.kind == InquiryEvent.Kind.ROUTED:
                named.append(str(e.data.get("assigned_to") or ""))
        people = selectors.staff_by_id(named)
        return {
            "timeline": [
                (e, event_words(e, messages=by_id, people=people, zone=zone)) for e in case.events
            ],
            "conversation": conversation(case),
            "notes": [(n, note_start_words(n)) for n in case.notes],
            "visit": reassessments.visit(inquiry),
        }

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
                "search/",
                self.admin_site.admin_view(self.search_view),
                name="intake_inquiry_search",
            ),
            path(
                "export.csv",
                self.admin_site.admin_view(self.export_view),
                name="intake_inquiry_export",
            ),
            path(
                "reassessments/",
                self.admin_site.admin_view(self.reassessments_view),
                name="intake_inquiry_reassessments",
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
            # Admin-set names (sites, queues, usernames) are never run as a formula.
            writer.writerow(text_cells(get(inquiry) for _name, get in EXPORT_COLUMNS))
        return response


def conversation(case: selectors.CaseSections) -> list[tuple[str, object, object]]:
    """Every message in and out, oldest first: ``(way, row, said)``, ``way`` being "out"
    (to the person or the team; ``said`` as it was read) or "in" (what the person sent
    later: an e-mail, a text, a further message through the form)."""
    entries = [(m.created_at, m.pk, "out", m, message_said(m)) for m in case.messages]
    entries += [(m.received_at, m.pk, "in", m, None) for m in case.inbound]
    entries.sort(key=lambda entry: (entry[0], entry[2], entry[1]))
    return [(way, row, said) for _when, _pk, way, row, said in entries]


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
