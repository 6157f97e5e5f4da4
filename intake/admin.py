"""Coordinator and program-admin screens. Declarative first; permissions in has_*/get_queryset.

Inquiries are read here and changed only through services (never by a raw model form).
The message text appears on an inquiry's own page, never in a list.
"""

from __future__ import annotations

import csv
import re
import uuid
from functools import partial

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from . import admin_forms, crypto, screening, selectors, services, tone, workflow
from .messaging.render import render_email, render_sms
from .models import (
    AuditEvent,
    ContactAttempt,
    CoordinatorProfile,
    CoordinatorQueue,
    Inquiry,
    InquiryEvent,
    InquiryFollowUp,
    InternalNote,
    OutboundMessage,
    Priority,
    QueueHoliday,
    ReassessmentNote,
    ReplyTemplate,
    RoutingRule,
    Safety,
    Site,
)


def sees_every_queue(user) -> bool:
    return selectors.sees_every_queue(user)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False
    # Users shown on each row, joined in so a long timeline costs no extra queries.
    related: tuple[str, ...] = ()

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related(*self.related)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class EventInline(ReadOnlyInline):
    model = InquiryEvent
    fields = readonly_fields = ("created_at", "kind", "actor", "from_state", "to_state", "reason")
    related = ("actor",)
    verbose_name_plural = _("Timeline")


class FollowUpInline(ReadOnlyInline):
    model = InquiryFollowUp
    fields = readonly_fields = ("created_at", "message", "language")
    verbose_name_plural = _("Further messages from the same person")


class OutboundInline(ReadOnlyInline):
    model = OutboundMessage
    fields = readonly_fields = (
        "kind",
        "channel",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
    )
    verbose_name_plural = _("Messages")


class StatusFilter(admin.SimpleListFilter):
    """Open inquiries by default; closed ones only when asked for."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [*Inquiry.Status.choices, ("all", _("Everything, closed included"))]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Not closed"),
        }
        for value, label in self.lookup_choices:
            yield {
                "selected": self.value() == str(value),
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value is None:
            return queryset.exclude(status=Inquiry.Status.CLOSED)
        if value == "all":
            return queryset
        return queryset.filter(status=value)


class QuarantineFilter(admin.SimpleListFilter):
    """Quarantined spam stays out of the default view."""

    title = _("quarantine")
    parameter_name = "quarantine"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [("yes", _("Quarantined only")), ("all", _("Both"))]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Not quarantined"),
        }
        for value, label in self.lookup_choices:
            yield {
                "selected": self.value() == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value is None:
            return queryset.filter(is_spam=False)
        if value == "yes":
            return queryset.filter(is_spam=True)
        return queryset


class HeldFilter(admin.SimpleListFilter):
    """Posts held by the per-address rate limit, waiting for a coordinator to release them."""

    title = _("held")
    parameter_name = "held"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [("yes", _("Held, waiting for release")), ("no", _("Not held"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(is_held=True)
        if self.value() == "no":
            return queryset.filter(is_held=False)
        return queryset


class OverdueFilter(admin.SimpleListFilter):
    title = _("first-contact promise")
    parameter_name = "overdue"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [("yes", _("Overdue now")), ("no", _("On time"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(is_overdue=True)
        if self.value() == "no":
            return queryset.filter(is_overdue=False)
        return queryset


class AssignedFilter(admin.SimpleListFilter):
    title = _("assigned")
    parameter_name = "assigned"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [("me", _("Assigned to me")), ("none", _("Unassigned"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "me":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "none":
            return queryset.filter(assigned_to__isnull=True)
        return queryset


class LanguageFilter(admin.SimpleListFilter):
    """The form's languages, from settings: no scan of the inquiries to list them."""

    title = _("language")
    parameter_name = "language"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return list(settings.LANGUAGES)

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(language=self.value()) if self.value() else queryset


class WorklistPaginator(Paginator):
    """Finds a page's rows on a narrow query (ids only), then fetches just those rows whole.

    The worklist's order (urgent, overdue, oldest) is computed, so the database sorts every
    row of the view to find one page. Sorting ids and the few columns the order reads comes
    from an index alone (``inquiry_open_worklist``); the wide rows (encrypted text, joins,
    counts) are read for the 50 shown only (bench issue #8). One query more, at any size.
    """

    def _get_page(self, object_list, number, paginator):
        # ``object_list`` is Paginator.page()'s slice of the worklist: only its ids are read.
        ids = list(object_list.values_list("pk", flat=True))
        rows = {obj.pk: obj for obj in self.object_list.filter(pk__in=ids).order_by()}
        return super()._get_page([rows[pk] for pk in ids if pk in rows], number, paginator)


class NoteInline(ReadOnlyInline):
    """That a note exists, its state and its chain — never its text (that stays on its page)."""

    model = ReassessmentNote
    fields = readonly_fields = (
        "open_link",
        "created_at",
        "author",
        "state",
        "signed_by",
        "amends_link",
    )
    related = ("author", "signed_by", "amends")
    verbose_name_plural = _("Reassessment notes")

    @admin.display(description=_("note"))
    def open_link(self, obj: ReassessmentNote) -> str:
        request = getattr(self, "_request", None)
        if request is not None and request.user.has_perm("intake.view_reassessmentnote"):
            url = reverse("admin:intake_reassessmentnote_change", args=[obj.pk])
            return format_html('<a href="{}">{}</a>', url, _("Open"))
        return "—"

    @admin.display(description=_("amends"))
    def amends_link(self, obj: ReassessmentNote) -> str:
        return obj.amends.created_at.strftime("%Y-%m-%d %H:%M") if obj.amends_id else ""

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        # Anyone who may see the inquiry may see that notes exist: this inline shows no text.
        return request.user.has_perm("intake.view_inquiry")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        self._request = request
        return super().get_queryset(request).defer(*ReassessmentNote.CLINICAL_FIELDS)


class ContactAttemptInline(ReadOnlyInline):
    model = ContactAttempt
    fields = readonly_fields = ("created_at", "coordinator", "channel", "outcome", "note")
    related = ("coordinator",)
    verbose_name_plural = _("Contact attempts")


class InternalNoteInline(ReadOnlyInline):
    model = InternalNote
    fields = readonly_fields = ("created_at", "author", "text")
    related = ("author",)
    verbose_name_plural = _("Internal notes (never sent)")


# Triage actions that are "a form, then one service with the form's fields".
FORM_ACTIONS = {
    "status": (admin_forms.StatusForm, services.inquiry_set_status, _("Status changed.")),
    "snooze": (
        admin_forms.SnoozeForm,
        services.inquiry_snooze,
        _("Snoozed: the first-contact clock is paused until then."),
    ),
    "attempt": (
        admin_forms.ContactAttemptForm,
        services.contact_attempt_record,
        _("Contact attempt logged."),
    ),
    "note": (
        admin_forms.NoteForm,
        services.internal_note_add,
        _("Note added. It stays with the team and is never sent."),
    ),
    "schedule": (
        admin_forms.ScheduleForm,
        services.reassessment_schedule,
        _("Reassessment scheduled; the person gets a confirmation."),
    ),
}

# What set an inquiry's risk level, in words for staff (the timeline keeps the code only).
RISK_CONCEPTS = {
    "self_report_not_safe": _("They answered “I'm not safe right now”."),
    "self_report_someone_else": _("They are writing for someone who may not be safe."),
    "crisis_language": _("Their message has crisis language."),
    "struggling_with_risk_words": _(
        "They answered “I'm struggling, but safe”, and their message has words near crisis."
    ),
    "staff": _("Set by a staff member."),
}

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


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    """The coordinators' worklist and inquiry page. Every change goes through a service."""

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
    inlines = [
        FollowUpInline,
        NoteInline,
        ContactAttemptInline,
        InternalNoteInline,
        OutboundInline,
        EventInline,
    ]
    change_form_template = "admin/intake/inquiry/change_form.html"
    change_list_template = "admin/intake/inquiry/change_list.html"
    actions = [
        "assign_to_me",
        "set_status",
        "acknowledge_urgent_alert",
        "mark_spam",
        "release_from_quarantine",
    ]
    fieldsets = (
        (_("At a glance"), {"fields": ("contact_summary", "attention", "earlier_links")}),
        (
            _("How to reach them"),
            {
                "fields": (
                    "contact_method",
                    "preferred_name",
                    "email",
                    "phone",
                    "best_time",
                    "voicemail_ok",
                    "text_ok",
                )
            },
        ),
        (_("Their message"), {"fields": ("message", "safety_answer", "kind_chosen", "language")}),
        (
            _("What they'd like"),
            {
                "fields": (
                    "site",
                    "care_format",
                    "pace",
                    "one_on_one_first",
                    "open_to_new_group",
                    "away_reasons",
                    "last_attended",
                )
            },
        ),
        (
            _("Triage"),
            {
                "fields": (
                    "public_id",
                    "status",
                    "close_reason",
                    "not_now_reason",
                    "check_in_on",
                    "priority",
                    "alert_acknowledged_at",
                    "is_spam",
                    "queue",
                    "assigned_to",
                    "created_at",
                    "routed_at",
                    "first_contact_due_at",
                    "snoozed_until",
                    "first_contact_at",
                )
            },
        ),
    )

    # --- who sees what ---------------------------------------------------------------

    def get_queryset(self, request: HttpRequest) -> QuerySet[Inquiry]:
        return selectors.inquiries_visible_to(request.user)

    def get_ordering(self, request: HttpRequest) -> list[str]:
        return ["risk_rank", "-is_overdue", "created_at"]

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Another queue's inquiry is simply not there for this user: a plain 404, no hint.
        raise Http404

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return [f for fs in self.fieldsets for f in fs[1]["fields"]]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        # No raw model form: the page is read-only and every change is a triage action.
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def can_triage(self, request: HttpRequest) -> bool:
        return request.user.has_perm("intake.change_inquiry")

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
            " ", '<span class="badge">{}</span>', ((flag,) for flag in _contact_flags(obj))
        )

    @admin.display(description=_("earlier"), ordering="earlier_count")
    def earlier(self, obj: Inquiry) -> str:
        return str(obj.earlier_count) if getattr(obj, "earlier_count", 0) else ""

    # --- inquiry page --------------------------------------------------------------------

    @admin.display(description=_("Contact"))
    def contact_summary(self, obj: Inquiry) -> str:
        return format_html_join(
            " ",
            '<span class="badge badge-big">{}</span>',
            ((flag,) for flag in _contact_flags(obj)),
        )

    @admin.display(description=_("Needs attention"))
    def attention(self, obj: Inquiry) -> str:
        notes = []
        unanswered = getattr(obj, "unanswered_attempts", 0)
        if obj.queue and workflow.needs_decision(unanswered, obj.queue.max_unanswered_attempts):
            notes.append(
                _("Needs decision: %(n)d unanswered attempts (the queue's maximum is %(max)d).")
                % {"n": unanswered, "max": obj.queue.max_unanswered_attempts}
            )
        if obj.priority == Priority.URGENT and obj.alert_acknowledged_at is None:
            notes.append(_("Urgent alert not acknowledged yet."))
        if obj.priority != Priority.ROUTINE and obj.reached_at is None:
            # Acknowledging the alert is not reaching the person: this stays until a logged
            # attempt reached them (or they replied).
            notes.append(_("Nobody has reached the person yet."))
        if obj.is_held:
            notes.append(_("Held (over the rate limit): not acknowledged until released."))
        if getattr(obj, "is_overdue", False):
            notes.append(_("Past the first-contact promise."))
        return (
            format_html_join(" ", '<strong class="attention">{}</strong>', ((n,) for n in notes))
            or "—"
        )

    @admin.display(description=_("Are you safe right now?"))
    def safety_answer(self, obj: Inquiry) -> str:
        return Safety(obj.safety).label if obj.safety in Safety.values else _("not answered")

    @admin.display(description=_("kind"))
    def kind_chosen(self, obj: Inquiry) -> str:
        return obj.get_kind_display() if obj.kind else _("not given")

    @admin.display(description=_("Earlier inquiries from this person"))
    def earlier_links(self, obj: Inquiry) -> str:
        rows = [
            (
                reverse("admin:intake_inquiry_change", args=[e.pk]),
                e.short_id,
                f"{e.created_at:%Y-%m-%d}",
                e.get_status_display(),
            )
            for e in selectors.earlier_inquiries(obj)
        ]
        if not rows:
            return "—"
        return format_html_join(" · ", '<a href="{}">{}</a> ({}, {})', rows)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            services.audit_record(
                actor=request.user,
                action=AuditEvent.Action.VIEW,
                object_type="inquiry",
                object_id=object_id,
                request=request,
            )
        return response

    def render_change_form(self, request: HttpRequest, context: dict, *args, **kwargs):
        obj = context.get("original")
        if obj is not None:
            context["risk"] = risk = selectors.risk_summary(obj)
            context["risk_concept"] = RISK_CONCEPTS.get(risk.concept, "")
            context["can_triage"] = self.can_triage(request)
        if obj is not None and self.can_triage(request):
            template_id = request.GET.get("template")
            chosen = (
                admin_forms.reply_templates_for(obj).filter(pk=template_id).first()
                if template_id and template_id.isdigit()
                else None
            )
            body = chosen.body.replace("{name}", obj.preferred_name or "").strip() if chosen else ""
            context.update(
                {
                    "can_triage": True,
                    "assign_form": admin_forms.AssignForm(
                        inquiry=obj, initial={"assignee": obj.assigned_to_id}
                    ),
                    "status_form": admin_forms.StatusForm(initial={"status": obj.status}),
                    "snooze_form": admin_forms.SnoozeForm(),
                    "attempt_form": admin_forms.ContactAttemptForm(
                        initial={"channel": "email" if obj.contact_method == "email" else "call"}
                    ),
                    "reply_form": admin_forms.ReplyForm(initial={"body": body}),
                    "note_form": admin_forms.NoteForm(),
                    "schedule_form": admin_forms.ScheduleForm(
                        initial={
                            "care_format": obj.care_format if obj.care_format != "not_sure" else ""
                        }
                    ),
                    "reply_templates": admin_forms.reply_templates_for(obj),
                    "priority_form": admin_forms.PriorityForm(initial={"priority": obj.priority}),
                    "allowed_statuses": sorted(workflow.ALLOWED.get(obj.status, ())),
                }
            )
        return super().render_change_form(request, context, *args, **kwargs)

    # --- triage actions ------------------------------------------------------------------

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

    def triage_view(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        inquiry = self.get_queryset(request).filter(pk=pk).first()
        if inquiry is None:
            raise Http404
        if not self.can_triage(request):
            raise PermissionDenied
        back = redirect(reverse("admin:intake_inquiry_change", args=[pk]))
        handler = {
            "assign": self._assign,
            "reply": self._reply,
            "spam": self._spam,
            "release": self._release,
            "acknowledge": self._acknowledge,
            "release-hold": self._release_hold,
            "priority": self._priority,
        }.get(action)
        if handler is None and action in FORM_ACTIONS:
            handler = partial(self._form_action, *FORM_ACTIONS[action])
        if handler is None:
            raise Http404
        try:
            response = handler(request, inquiry)
        except services.ActionRefused as refused:
            self.message_user(request, refused.message, level=messages.ERROR)
            return back
        if response is None:
            services.audit_record(
                actor=request.user, action=AuditEvent.Action.CHANGE, obj=inquiry, request=request
            )
        return response or back

    def _form_errors(self, request: HttpRequest, form) -> None:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            self.message_user(
                request,
                f"{label}: {' '.join(errors)}" if label else " ".join(errors),
                level=messages.ERROR,
            )

    def _assign(self, request: HttpRequest, inquiry: Inquiry) -> None:
        if request.POST.get("me"):
            services.inquiry_assign(
                actor=request.user, inquiry_id=inquiry.pk, assignee=request.user
            )
            self.message_user(request, _("Assigned to you."))
            return
        form = admin_forms.AssignForm(request.POST, inquiry=inquiry)
        if not form.is_valid():
            return self._form_errors(request, form)
        services.inquiry_assign(
            actor=request.user,
            inquiry_id=inquiry.pk,
            assignee=form.cleaned_data["assignee"],
            reason=form.cleaned_data["reason"],
        )
        self.message_user(request, _("Assignment saved."))

    def _form_action(
        self, form_class, service, done: str, request: HttpRequest, inquiry: Inquiry
    ) -> None:
        """Validate the action's form, call its service with the cleaned fields, say so."""
        form = form_class(request.POST)
        if not form.is_valid():
            return self._form_errors(request, form)
        service(actor=request.user, inquiry_id=inquiry.pk, **form.cleaned_data)
        self.message_user(request, done)
        return None

    def _spam(self, request: HttpRequest, inquiry: Inquiry) -> None:
        services.inquiry_mark_spam(actor=request.user, inquiry_id=inquiry.pk, spam=True)
        self.message_user(request, _("Moved to quarantine."))

    def _release(self, request: HttpRequest, inquiry: Inquiry) -> None:
        services.inquiry_mark_spam(actor=request.user, inquiry_id=inquiry.pk, spam=False)
        self.message_user(
            request, _("Released from quarantine; the acknowledgement it missed is on its way.")
        )

    def _acknowledge(self, request: HttpRequest, inquiry: Inquiry) -> None:
        services.urgent_alert_acknowledge(actor=request.user, inquiry_id=inquiry.pk)
        self.message_user(
            request,
            _(
                "Urgent alert acknowledged: it will not escalate. It still needs attention "
                "until someone reaches the person."
            ),
        )

    def _release_hold(self, request: HttpRequest, inquiry: Inquiry) -> None:
        services.inquiry_release_hold(actor=request.user, inquiry_id=inquiry.pk)
        self.message_user(request, _("Released; the acknowledgement it was owed is on its way."))

    def _priority(self, request: HttpRequest, inquiry: Inquiry) -> None:
        form = admin_forms.PriorityForm(request.POST)
        if not form.is_valid():
            return self._form_errors(request, form)
        services.inquiry_set_priority(
            actor=request.user, inquiry_id=inquiry.pk, priority=form.cleaned_data["priority"]
        )
        self.message_user(request, _("Risk level changed."))
        return None

    def _reply(self, request: HttpRequest, inquiry: Inquiry) -> HttpResponse | None:
        form = admin_forms.ReplyForm(request.POST)
        if not form.is_valid():
            return self._form_errors(request, form)
        body = form.cleaned_data["body"]
        warnings = reply_warnings(body, inquiry)
        if "send" in request.POST and (not warnings or form.cleaned_data["confirm_tone"]):
            services.reply_send(actor=request.user, inquiry_id=inquiry.pk, body=body)
            self.message_user(
                request, _("Reply queued. You can follow its delivery under Messages.")
            )
            return None
        channel = services.acknowledgement_channel(inquiry)
        preview = None
        if channel == OutboundMessage.Channel.EMAIL:
            preview = render_email("reply", _preview_context(inquiry, body), inquiry.language)
        elif channel == OutboundMessage.Channel.SMS:
            preview = render_sms("reply", _preview_context(inquiry, body), inquiry.language)
        context = {
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
        return TemplateResponse(request, "admin/intake/inquiry/reply_preview.html", context)

    # --- bulk actions ----------------------------------------------------------------------

    @admin.action(description=_("Assign to me"))
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet[Inquiry]) -> None:
        if not self.can_triage(request):
            raise PermissionDenied
        for inquiry in queryset:
            services.inquiry_assign(
                actor=request.user, inquiry_id=inquiry.pk, assignee=request.user
            )
        self.message_user(request, _("%(n)d inquiries assigned to you.") % {"n": len(queryset)})

    @admin.action(description=_("Change status…"))
    def set_status(self, request: HttpRequest, queryset: QuerySet[Inquiry]) -> HttpResponse | None:
        if not self.can_triage(request):
            raise PermissionDenied
        form = admin_forms.StatusForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            done, refused = 0, []
            for inquiry in queryset:
                try:
                    services.inquiry_set_status(
                        actor=request.user, inquiry_id=inquiry.pk, **form.cleaned_data
                    )
                    done += 1
                except services.ActionRefused as refusal:
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

    @admin.action(description=_("Acknowledge the urgent alert (stops escalation)"))
    def acknowledge_urgent_alert(self, request: HttpRequest, queryset: QuerySet[Inquiry]) -> None:
        if not self.can_triage(request):
            raise PermissionDenied
        done = 0
        for inquiry in queryset.filter(priority="urgent", alert_acknowledged_at__isnull=True):
            services.urgent_alert_acknowledge(actor=request.user, inquiry_id=inquiry.pk)
            done += 1
        self.message_user(request, _("%(count)d urgent alert(s) acknowledged.") % {"count": done})

    @admin.action(description=_("Move to quarantine (spam)"))
    def mark_spam(self, request: HttpRequest, queryset: QuerySet[Inquiry]) -> None:
        if not self.can_triage(request):
            raise PermissionDenied
        for inquiry in queryset:
            try:
                services.inquiry_mark_spam(actor=request.user, inquiry_id=inquiry.pk, spam=True)
            except services.ActionRefused as refusal:
                self.message_user(
                    request, f"{inquiry.short_id}: {refusal.message}", level=messages.WARNING
                )

    @admin.action(description=_("Release from quarantine (sends the missed acknowledgement)"))
    def release_from_quarantine(self, request: HttpRequest, queryset: QuerySet[Inquiry]) -> None:
        if not self.can_triage(request):
            raise PermissionDenied
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


def _contact_flags(obj: Inquiry) -> list[str]:
    flags = [str(obj.get_contact_method_display())]
    if obj.voicemail_ok is False:
        flags.append(str(_("No voicemail")))
    elif obj.voicemail_ok:
        flags.append(str(_("Voicemail OK")))
    if obj.text_ok:
        flags.append(str(_("Text OK")))
    if obj.best_time and obj.best_time != "any":
        flags.append(str(_("Best: %(when)s") % {"when": obj.get_best_time_display()}))
    return flags


SMS_DISCLOSING = (
    "treatment",
    "therapy",
    "therapist",
    "program",
    "iop",
    "rehab",
    "recovery",
    "clinic",
)


def reply_warnings(body: str, inquiry: Inquiry) -> list[str]:
    """Gentle warnings before a reply goes out: tone-guide words, and treatment words in a text."""
    warnings = [
        str(_("“%(word)s” can sound like blame. Could you say it another way?") % {"word": word})
        for word in tone.find_forbidden(body, inquiry.language)
    ]
    if services.acknowledgement_channel(inquiry) == OutboundMessage.Channel.SMS:
        lowered = screening.normalise(body)
        warnings += [
            str(
                _("A text can be seen by others on the phone: “%(word)s” says what this is about.")
                % {"word": word}
            )
            for word in SMS_DISCLOSING
            if re.search(rf"\b{word}\b", lowered)
        ]
    return warnings


def _preview_context(inquiry: Inquiry, body: str) -> dict:
    return {
        "org_name": settings.ORG_NAME,
        "body": body,
        "crisis_phone": settings.CRISIS_PHONE,
        "emergency_phone": settings.EMERGENCY_PHONE,
    }


class HolidayInline(admin.TabularInline):
    model = QueueHoliday
    extra = 1


@admin.register(CoordinatorQueue)
class CoordinatorQueueAdmin(admin.ModelAdmin):
    list_display = ("name", "is_default", "time_zone", "first_contact_promise_hours", "alert_email")
    filter_horizontal = ("sites", "members")
    inlines = [HolidayInline]
    readonly_fields = ("on_call_state",)

    @admin.display(description=_("on-call phone state"))
    def on_call_state(self, obj: CoordinatorQueue) -> str:
        if obj is None or obj.pk is None or not obj.on_call_phone:
            return _("No on-call phone: urgent alerts go by e-mail only.")
        if obj.on_call_phone_confirmed_at:
            return _("Confirmed on %(when)s: urgent alerts are texted to it, day and night.") % {
                "when": timezone.localtime(obj.on_call_phone_confirmed_at).strftime(
                    "%Y-%m-%d %H:%M"
                )
            }
        return format_html(
            '<strong class="attention">{}</strong> <a href="{}">{}</a>',
            _("Not confirmed yet: no alert is sent to it."),
            reverse("admin:intake_coordinatorqueue_on_call", args=[obj.pk]),
            _("Enter the code sent to it"),
        )

    def save_model(self, request: HttpRequest, obj: CoordinatorQueue, form, change: bool) -> None:
        # The on-call phone goes through its service: a new number is unconfirmed and gets
        # a one-time code, never trusted as typed.
        wanted = form.cleaned_data.get("on_call_phone", "")
        if change:
            obj.on_call_phone = CoordinatorQueue.objects.get(pk=obj.pk).on_call_phone
        else:
            obj.on_call_phone = ""
        super().save_model(request, obj, form, change)
        if (wanted or "") == obj.on_call_phone:
            return
        try:
            queue = services.on_call_phone_set(
                actor=request.user, queue_id=obj.pk, phone=wanted or ""
            )
        except services.ActionRefused as refused:
            self.message_user(request, refused.message, level=messages.ERROR)
            return
        obj.on_call_phone = queue.on_call_phone
        if queue.on_call_phone:
            self.message_user(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    _(
                        "We texted a code to the on-call phone. No alert goes to it until "
                        "its owner enters the code."
                    ),
                    reverse("admin:intake_coordinatorqueue_on_call", args=[obj.pk]),
                    _("Enter the code"),
                ),
            )

    def get_urls(self) -> list:
        return [
            path(
                "<int:pk>/on-call/",
                self.admin_site.admin_view(self.on_call_view),
                name="intake_coordinatorqueue_on_call",
            ),
            *super().get_urls(),
        ]

    def on_call_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Confirm the on-call phone with the code texted to it, or send a new code.

        Open to whoever may change the queue and to its members (the phone's owner may be a
        coordinator on call).
        """
        queue = CoordinatorQueue.objects.filter(pk=pk).first()
        if queue is None:
            raise Http404
        if not (
            request.user.has_perm("intake.change_coordinatorqueue")
            or queue.members.filter(pk=request.user.pk).exists()
        ):
            raise PermissionDenied
        form = admin_forms.OnCallCodeForm(request.POST if "confirm" in request.POST else None)
        if request.method == "POST":
            try:
                if "resend" in request.POST:
                    services.on_call_code_send(actor=request.user, queue_id=queue.pk)
                    self.message_user(request, _("A new code is on its way to the on-call phone."))
                    return redirect(request.path)
                if form.is_valid():
                    services.on_call_phone_confirm(
                        actor=request.user, queue_id=queue.pk, code=form.cleaned_data["code"]
                    )
                    self.message_user(
                        request, _("Confirmed: urgent alerts will be texted to this phone.")
                    )
                    return redirect(request.path)
            except services.ActionRefused as refused:
                self.message_user(request, refused.message, level=messages.ERROR)
                return redirect(request.path)
        queue.refresh_from_db()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Confirm the on-call phone"),
            "opts": self.model._meta,
            "original": queue,
            "phone_display": selectors.phone_display(queue.on_call_phone),
            "form": form,
        }
        return TemplateResponse(request, "admin/intake/coordinatorqueue/on_call.html", context)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        # The default queue catches every inquiry no rule matches: it cannot go.
        if obj is not None and obj.is_default:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = ("order", "queue", "site", "language", "kind", "priority", "active")
    list_editable = ("active",)
    list_select_related = ("queue", "site")


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "active", "order")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(CoordinatorProfile)
class CoordinatorProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "languages", "active", "last_assigned_at")
    list_select_related = ("user",)


@admin.register(OutboundMessage)
class OutboundMessageAdmin(admin.ModelAdmin):
    list_display = (
        "public_id",
        "kind",
        "channel",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
    )
    list_filter = ("status", "kind", "channel")
    readonly_fields = [f.name for f in OutboundMessage._meta.fields]
    actions = ["retry_now"]

    @admin.action(description=_("Retry now"))
    def retry_now(self, request: HttpRequest, queryset: QuerySet[OutboundMessage]) -> None:
        retried = [
            m
            for m in queryset.filter(status=OutboundMessage.Status.FAILED)
            if services.message_retry_now(actor=request.user, message_id=m.pk)
        ]
        count = len(retried)
        self.message_user(
            request, _("%(count)d message(s) sent back to the outbox.") % {"count": count}
        )

    def get_queryset(self, request: HttpRequest) -> QuerySet[OutboundMessage]:
        qs = super().get_queryset(request).select_related("inquiry")
        if sees_every_queue(request.user):
            return qs
        return qs.filter(inquiry__queue__members=request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin):
    list_display = ("title", "language", "queue", "not_for_urgent", "active")
    list_filter = ("language", "queue", "not_for_urgent", "active")

    def save_model(self, request: HttpRequest, obj: ReplyTemplate, form, change: bool) -> None:
        found = tone.find_forbidden(obj.body, obj.language) + tone.find_forbidden(
            obj.title, obj.language
        )
        if found:
            self.message_user(
                request,
                _(
                    "Saved, but please look again at: %(words)s. "
                    "The tone guide asks us not to use them."
                )
                % {"words": ", ".join(found)},
                level=messages.WARNING,
            )
        super().save_model(request, obj, form, change)


class NoteForm(forms.ModelForm):
    plan_codes = forms.MultipleChoiceField(
        label=_("Plan"),
        choices=ReassessmentNote.Plan.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ReassessmentNote
        fields = [
            "inquiry",
            "amends",
            "what_changed",
            "current_needs",
            "goals",
            "preferences",
            "plan_codes",
            "next_step",
            "next_step_on",
            "free_text",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["plan_codes"] = self.instance.plan_codes

    def note_fields(self) -> dict:
        data = {
            name: self.cleaned_data.get(name) for name in services.NOTE_FIELDS if name != "plan"
        }
        data = {k: ("" if v is None and k != "next_step_on" else v) for k, v in data.items()}
        data["plan"] = ",".join(self.cleaned_data.get("plan_codes") or [])
        return data


@admin.register(ReassessmentNote)
class ReassessmentNoteAdmin(admin.ModelAdmin):
    """Clinical notes: clinicians write and read, reviewers sign, nobody edits a signed note."""

    form = NoteForm
    list_display = ("__str__", "inquiry_short", "author", "state", "signed_by", "signed_at")
    list_filter = ("state",)
    list_select_related = ("inquiry", "author", "signed_by")
    raw_id_fields = ("inquiry", "amends")
    actions = ["sign_notes"]
    change_form_template = "admin/intake/reassessmentnote/change_form.html"

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        # Plain querysets: the worklist's annotated ordering does not apply to a raw-id field.
        if db_field.name == "inquiry":
            kwargs["queryset"] = Inquiry.objects.all()
        elif db_field.name == "amends":
            signed = ReassessmentNote.State.SIGNED
            kwargs["queryset"] = ReassessmentNote.objects.filter(state=signed)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request: HttpRequest) -> QuerySet[ReassessmentNote]:
        if not request.user.has_perm("intake.view_reassessmentnote"):
            return ReassessmentNote.objects.none()
        return super().get_queryset(request).select_related("inquiry", "author", "signed_by")

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        if obj is None:
            return True
        # Drafts are their author's alone; a signed note is never edited, superusers included.
        return obj.state == ReassessmentNote.State.DRAFT and obj.author_id == request.user.pk

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description=_("inquiry"))
    def inquiry_short(self, obj: ReassessmentNote) -> str:
        return obj.inquiry.short_id

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        initial = super().get_changeform_initial_data(request)
        amends = request.GET.get("amends")
        if amends and amends.isdigit():
            original = self.get_queryset(request).filter(pk=amends).first()
            if original is not None:
                initial.update({name: getattr(original, name) for name in services.NOTE_FIELDS})
                initial["plan_codes"] = original.plan_codes
                initial["inquiry"] = original.inquiry_id
        return initial

    def save_model(self, request: HttpRequest, obj: ReassessmentNote, form, change: bool) -> None:
        fields = form.note_fields()
        try:
            if change:
                saved = services.note_update(actor=request.user, note_id=obj.pk, fields=fields)
            else:
                saved = services.note_add(
                    actor=request.user,
                    inquiry_id=obj.inquiry_id,
                    fields=fields,
                    amends_id=obj.amends_id,
                )
        except services.ActionRefused as refused:
            raise PermissionDenied(refused.message) from refused
        obj.pk = saved.pk
        obj.state = saved.state
        obj.created_at = saved.created_at
        services.audit_record(
            actor=request.user,
            action=AuditEvent.Action.CHANGE if change else AuditEvent.Action.CREATE,
            obj=saved,
            request=request,
        )
        text = " ".join(str(fields.get(name) or "") for name in ReassessmentNote.CLINICAL_FIELDS)
        for term, suggestion in tone.stigmatizing_terms(text):
            self.message_user(
                request,
                _(
                    "“%(term)s” can label a person. Person-first wording, such as "
                    "“%(suggestion)s”, may fit better."
                )
                % {"term": term, "suggestion": suggestion},
                level=messages.WARNING,
            )

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            services.audit_record(
                actor=request.user,
                action=AuditEvent.Action.VIEW,
                object_type="reassessmentnote",
                object_id=object_id,
                request=request,
            )
        return response

    def get_urls(self) -> list:
        return [
            path(
                "<int:pk>/sign/",
                self.admin_site.admin_view(self.sign_view),
                name="intake_reassessmentnote_sign",
            ),
            *super().get_urls(),
        ]

    def sign_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        note = self.get_queryset(request).filter(pk=pk).first()
        if note is None:
            raise Http404
        if not request.user.has_perm("intake.sign_reassessmentnote"):
            raise PermissionDenied
        services.note_sign(actor=request.user, note_id=note.pk)
        services.audit_record(
            actor=request.user, action=AuditEvent.Action.SIGN, obj=note, request=request
        )
        self.message_user(
            request, _("Note signed. It can no longer be changed; corrections are amendments.")
        )
        return redirect(reverse("admin:intake_reassessmentnote_change", args=[pk]))

    @admin.action(description=_("Sign the selected notes"))
    def sign_notes(self, request: HttpRequest, queryset: QuerySet[ReassessmentNote]) -> None:
        if not request.user.has_perm("intake.sign_reassessmentnote"):
            raise PermissionDenied
        for note in queryset.filter(state=ReassessmentNote.State.DRAFT):
            services.note_sign(actor=request.user, note_id=note.pk)
            services.audit_record(
                actor=request.user, action=AuditEvent.Action.SIGN, obj=note, request=request
            )


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit log: program admins read it; nobody, superusers included, can change it."""

    list_display = ("at", "actor", "action", "object_type", "object_id", "client_address", "path")
    list_filter = ("action", "object_type")
    list_select_related = ("actor",)
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
