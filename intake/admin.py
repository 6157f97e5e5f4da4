"""Coordinator and program-admin screens. Declarative first; permissions in has_*/get_queryset.

Inquiries are read here and changed only through services (never by a raw model form).
The message text appears on an inquiry's own page, never in a list.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from . import selectors, services
from .models import (
    CoordinatorProfile,
    CoordinatorQueue,
    Inquiry,
    InquiryEvent,
    InquiryFollowUp,
    OutboundMessage,
    QueueHoliday,
    RoutingRule,
    Site,
)

PROGRAM_ADMIN_GROUP = "Program admin"


def sees_every_queue(user) -> bool:
    return user.is_superuser or user.groups.filter(name=PROGRAM_ADMIN_GROUP).exists()


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class EventInline(ReadOnlyInline):
    model = InquiryEvent
    fields = readonly_fields = ("created_at", "kind", "actor", "from_state", "to_state", "reason")
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


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = (
        "short_id",
        "received",
        "priority_badge",
        "status",
        "queue",
        "assigned_to",
        "first_contact_due_at",
        "contact_method",
    )
    list_filter = ("status", "priority", "queue", "is_spam", "language", "kind")
    list_select_related = ("queue", "assigned_to")
    ordering = ("created_at",)
    search_fields = ("public_id",)
    inlines = [FollowUpInline, OutboundInline, EventInline]
    actions = ["acknowledge_urgent_alert"]
    fieldsets = (
        (
            _("How to reach them"),
            {
                "fields": (
                    "contact_method",
                    "voicemail_ok",
                    "text_ok",
                    "best_time",
                    "preferred_name",
                    "email",
                    "phone",
                )
            },
        ),
        (_("Their message"), {"fields": ("message", "kind", "language")}),
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
                    "priority",
                    "alert_acknowledged_at",
                    "is_spam",
                    "queue",
                    "assigned_to",
                    "created_at",
                    "routed_at",
                    "first_contact_due_at",
                )
            },
        ),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Inquiry]:
        qs = selectors.inquiry_worklist()
        if sees_every_queue(request.user):
            return qs
        return qs.filter(queue__members=request.user)

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return [f for fs in self.fieldsets for f in fs[1]["fields"]]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.action(description=_("Acknowledge the urgent alert (stops escalation)"))
    def acknowledge_urgent_alert(self, request: HttpRequest, queryset: QuerySet[Inquiry]) -> None:
        done = 0
        for inquiry in queryset.filter(priority="urgent", alert_acknowledged_at__isnull=True):
            services.urgent_alert_acknowledge(actor=request.user, inquiry_id=inquiry.pk)
            done += 1
        self.message_user(request, _("%(count)d urgent alert(s) acknowledged.") % {"count": done})

    @admin.display(description=_("inquiry"), ordering="public_id")
    def short_id(self, obj: Inquiry) -> str:
        return obj.short_id

    @admin.display(description=_("received"), ordering="created_at")
    def received(self, obj: Inquiry) -> str:
        return _("%(age)s ago") % {"age": timesince(obj.created_at, timezone.now(), depth=1)}

    @admin.display(description=_("priority"), ordering="priority")
    def priority_badge(self, obj: Inquiry) -> str:
        if obj.priority == "urgent":
            return format_html(
                '<strong class="badge-urgent">{}</strong>', obj.get_priority_display()
            )
        return obj.get_priority_display()


class HolidayInline(admin.TabularInline):
    model = QueueHoliday
    extra = 1


@admin.register(CoordinatorQueue)
class CoordinatorQueueAdmin(admin.ModelAdmin):
    list_display = ("name", "is_default", "time_zone", "first_contact_promise_hours", "alert_email")
    filter_horizontal = ("sites", "members")
    inlines = [HolidayInline]

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
