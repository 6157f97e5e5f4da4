"""Settings screens for program admins: queues, routing rules, sites, coordinators, reply
templates, and the outbox's delivery state (never a message's words). A site's address for
visits and a queue's video-visit link are what a reassessment confirmation says about where to
come or how to join.

Each screen's form (``settings_forms``) gives every setting a real control: tick boxes for
languages and working days, a list of time zones, the browser's time, date and phone inputs.
A queue's on-call phone is still confirmed with the code texted to it, from the button on the
queue's page. Staff who may only look see the same settings in words.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .. import selectors, services, tone
from ..models import (
    CoordinatorProfile,
    CoordinatorQueue,
    OutboundMessage,
    QueueHoliday,
    ReplyTemplate,
    RoutingRule,
    Site,
)
from .actions import perform, valid
from .base import ReadOnlyAdminMixin
from .filters import LanguageFilter
from .forms import OnCallCodeForm
from .settings_fields import languages_shown, work_days_shown
from .settings_forms import (
    CoordinatorProfileForm,
    HolidayForm,
    HolidayFormSet,
    QueueForm,
    ReplyTemplateForm,
    RoutingRuleForm,
    SiteForm,
)


class SettingsMedia:
    # The settings screens' own layout (tick boxes in rows, the time and date inputs).
    css = {"all": ("css/settings.css",)}


class HolidayInline(admin.StackedInline):
    # Stacked: each date and name gets its own visible label (a tabular row has none).
    model = QueueHoliday
    form = HolidayForm
    formset = HolidayFormSet
    extra = 1


@admin.register(CoordinatorQueue)
class CoordinatorQueueAdmin(admin.ModelAdmin):
    form = QueueForm
    list_display = ("name", "is_default", "time_zone", "first_contact_promise_hours", "alert_email")
    # Plain labelled tick boxes: Django's filter_horizontal widget puts aria-label on a span.
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    inlines = [HolidayInline]
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = [
        (None, {"fields": ["name", "slug", "is_default", "sites", "languages", "members"]}),
        (
            _("Working hours"),
            {"fields": ["time_zone", "work_days", "work_start", "work_end"]},
        ),
        (
            _("Promises to people"),
            {
                "fields": [
                    "first_contact_promise_hours",
                    "review_promise_hours",
                    "urgent_promise_minutes",
                    "max_unanswered_attempts",
                ]
            },
        ),
        (
            _("Alerts and replies"),
            {
                "fields": [
                    "alert_email",
                    "on_call_phone",
                    "on_call_state",
                    "escalation_email",
                    "escalation_minutes",
                    "reply_to_email",
                ]
            },
        ),
        (_("Reassessments"), {"fields": ["video_visit_url"]}),
    ]
    # Shown in words to staff who may only look (coordinators): never ["en"] or "12345".
    SHOWN_IN_WORDS = {"languages": "languages_shown", "work_days": "work_days_shown"}
    readonly_fields = ("on_call_state", *SHOWN_IN_WORDS.values())
    Media = SettingsMedia

    def get_fieldsets(self, request: HttpRequest, obj=None) -> list:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        words = self.SHOWN_IN_WORDS
        return [
            (name, {**options, "fields": [words.get(f, f) for f in options["fields"]]})
            for name, options in fieldsets
        ]

    @admin.display(description=_("languages"))
    def languages_shown(self, obj: CoordinatorQueue) -> str:
        return languages_shown(obj.languages)

    @admin.display(description=_("working days"))
    def work_days_shown(self, obj: CoordinatorQueue) -> str:
        return work_days_shown(obj.work_days)

    @admin.display(description=_("on-call phone state"))
    def on_call_state(self, obj: CoordinatorQueue) -> str:
        if obj is None or obj.pk is None or not obj.on_call_phone:
            return _(
                "No on-call phone: urgent alerts go by e-mail only. Add a number above and "
                "save: we text it a code to confirm."
            )
        on_call_page = reverse("admin:intake_coordinatorqueue_on_call", args=[obj.pk])
        if obj.on_call_phone_confirmed_at:
            return format_html(
                '{} <a href="{}">{}</a>',
                _("Confirmed on %(when)s: urgent alerts are texted to it, day and night.")
                % {
                    "when": timezone.localtime(obj.on_call_phone_confirmed_at).strftime(
                        "%Y-%m-%d %H:%M"
                    )
                },
                on_call_page,
                _("See the on-call phone"),
            )
        return format_html(
            '<strong class="attention">{}</strong>'
            '<a class="button on-call-button" href="{}">{}</a>'
            '<span class="on-call-hint">{}</span>',
            _("Not confirmed yet: no alert is sent to it."),
            on_call_page,
            _("Enter the code texted to it"),
            _("No code arrived? You can send a new one from there."),
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
        if request.method == "POST":

            def act() -> str:
                if "resend" in request.POST:
                    services.on_call_code_send(actor=request.user, queue_id=queue.pk)
                    return _("A new code is on its way to the on-call phone.")
                code = valid(OnCallCodeForm(request.POST))["code"]
                services.on_call_phone_confirm(actor=request.user, queue_id=queue.pk, code=code)
                return _("Confirmed: urgent alerts will be texted to this phone.")

            return perform(request, request.path, act)
        form = OnCallCodeForm()
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
    form = RoutingRuleForm
    # No list_editable: its tick boxes have no label; a rule is switched off on its own page.
    list_display = ("order", "queue", "site", "language_shown", "kind", "priority", "active")
    list_select_related = ("queue", "site")
    Media = SettingsMedia

    @admin.display(description=_("language"), ordering="language")
    def language_shown(self, obj: RoutingRule) -> str:
        return languages_shown([obj.language]) if obj.language else _("Any language")


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    form = SiteForm
    Media = SettingsMedia
    list_display = ("name", "name_es", "name_pt_br", "phone", "address_set", "active", "order")
    prepopulated_fields = {"slug": ("name",)}

    @admin.display(description=_("address for visits"))
    def address_set(self, obj: Site) -> str:
        # In words: a confirmation for an in-person visit here says where to come, or not.
        return _("yes") if obj.address.strip() else _("not yet")


@admin.register(CoordinatorProfile)
class CoordinatorProfileAdmin(admin.ModelAdmin):
    form = CoordinatorProfileForm
    list_display = ("user", "languages_shown", "active", "last_assigned_at")
    list_select_related = ("user",)
    Media = SettingsMedia

    @admin.display(description=_("languages"))
    def languages_shown(self, obj: CoordinatorProfile) -> str:
        return languages_shown(obj.languages)


@admin.register(OutboundMessage)
class OutboundMessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
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
    # Delivery state only: a reply's words stay on the inquiry's page, for its queue.
    fields = readonly_fields = [f.name for f in OutboundMessage._meta.fields if f.name != "body"]
    actions = ["retry_now"]

    def has_retry_permission(self, request: HttpRequest) -> bool:
        """Retrying is triage: the coordinators' permission, not the right to look."""
        return request.user.has_perm("intake.change_inquiry")

    @admin.action(description=_("Retry now"), permissions=["retry"])
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
        if selectors.sees_every_queue(request.user):
            return qs
        return qs.filter(inquiry__queue__members=request.user)


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin):
    form = ReplyTemplateForm
    Media = SettingsMedia
    list_display = ("title", "language_shown", "queue", "not_for_urgent", "active")
    list_filter = (LanguageFilter, "queue", "not_for_urgent", "active")

    @admin.display(description=_("language"), ordering="language")
    def language_shown(self, obj: ReplyTemplate) -> str:
        return languages_shown([obj.language])

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
