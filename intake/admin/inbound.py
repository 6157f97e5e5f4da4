"""Messages nobody could place: the *Unmatched* list, and each message's own pages.

A reply whose address carries an unknown or altered token, or that answers nothing we sent,
waits here for a coordinator (of the queue its To address names; when it names none, any
coordinator). They attach it to an inquiry found by search (a POST: nothing searched goes
into an address) or discard it; each is one service with its audit record. The whole
original message has its own page, audited as a read, for staff who may open its inquiry.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import selectors, services, worklist
from ..models import AuditEvent, InboundMessage
from .base import ReadOnlyAdminMixin
from .search import SEARCH_PARAM, SearchForm, search_posted, search_recall, see_other

# The most inquiries a search lists to attach a message to.
MATCHES_SHOWN = 10
EXCERPT_CHARS = 80
# Who works the Unmatched list: coordinators (they change inquiries); nobody else.
WORKS_INQUIRIES = "intake.change_inquiry"
# Who may read an attached message's original: whoever may open its inquiry's content.
READS_INQUIRIES = "intake.view_inquiry"


def unmatched_visible_to(user) -> QuerySet[InboundMessage]:
    """The unmatched messages a coordinator triages: their queues', and those of no queue."""
    qs = InboundMessage.objects.filter(state=InboundMessage.State.UNMATCHED)
    if not user.is_superuser:
        qs = qs.filter(Q(queue__isnull=True) | Q(queue__members=user)).distinct()
    return qs


@admin.register(InboundMessage)
class InboundMessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("from_display", "subject_display", "received_at", "excerpt", "open_link")
    list_display_links = None
    list_filter = ()
    search_fields = ()
    actions = None
    ordering = ("-received_at", "-pk")
    list_per_page = 50

    # --- who sees what ----------------------------------------------------------------------

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.has_perm(WORKS_INQUIRIES)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.has_module_permission(request)

    def get_queryset(self, request: HttpRequest) -> QuerySet[InboundMessage]:
        return unmatched_visible_to(request.user).select_related("queue")

    def changelist_view(self, request: HttpRequest, extra_context=None):
        extra_context = {**(extra_context or {}), "title": gettext("Unmatched messages")}
        return super().changelist_view(request, extra_context)

    # --- the list's columns -----------------------------------------------------------------

    @admin.display(description=_("from"))
    def from_display(self, obj: InboundMessage) -> str:
        return obj.sender or gettext("unknown sender")

    @admin.display(description=_("subject"))
    def subject_display(self, obj: InboundMessage) -> str:
        return Truncator(obj.subject).chars(EXCERPT_CHARS) or gettext("(no subject)")

    @admin.display(description=_("beginning of the message"))
    def excerpt(self, obj: InboundMessage) -> str:
        return Truncator(" ".join(obj.body.split())).chars(EXCERPT_CHARS) or gettext("(empty)")

    @admin.display(description=_("what to do"))
    def open_link(self, obj: InboundMessage) -> str:
        return format_html(
            '<a class="button" href="{}">{}</a>',
            reverse("admin:intake_inboundmessage_handle", args=[obj.pk]),
            gettext("Attach or discard"),
        )

    # --- pages --------------------------------------------------------------------------------

    def get_urls(self) -> list:
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/handle/", view(self.handle_view), name="intake_inboundmessage_handle"),
            path("<int:pk>/find/", view(self.find_view), name="intake_inboundmessage_find"),
            path("<int:pk>/attach/", view(self.attach_view), name="intake_inboundmessage_attach"),
            path(
                "<int:pk>/discard/", view(self.discard_view), name="intake_inboundmessage_discard"
            ),
            path(
                "<int:pk>/original/",
                view(self.original_view),
                name="intake_inboundmessage_original",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request: HttpRequest, object_id: str, form_url="", extra_context=None):
        if not object_id.isdigit():
            raise Http404
        return see_other(reverse("admin:intake_inboundmessage_handle", args=[int(object_id)]))

    def _unmatched(self, request: HttpRequest, pk: int) -> InboundMessage:
        if not self.has_module_permission(request):
            raise PermissionDenied
        found = unmatched_visible_to(request.user).filter(pk=pk).first()
        if found is None:
            raise Http404
        return found

    def handle_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """One unmatched message: what it says, a search for its inquiry, and discard."""
        if not self.has_module_permission(request):
            raise PermissionDenied
        inbound = unmatched_visible_to(request.user).filter(pk=pk).first()
        if inbound is None:
            # Handled a moment ago (by this person or a colleague): back to the list.
            messages.info(request, gettext("That message has already been dealt with."))
            return see_other(reverse("admin:intake_inboundmessage_changelist"))
        term = search_recall(request.user, request.GET.get(SEARCH_PARAM))
        matches = None
        if term:
            matches = worklist.people_found(
                selectors.inquiries_visible_to(request.user), term, limit=MATCHES_SHOWN
            )
        services.audit_record(
            actor=request.user, action=AuditEvent.Action.VIEW, obj=inbound, request=request
        )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("A message nobody could place"),
            "opts": self.model._meta,
            "inbound": inbound,
            "search_form": SearchForm(initial={"find": term or ""}),
            "search_term": term,
            "matches": matches,
            "matches_shown": MATCHES_SHOWN,
        }
        return TemplateResponse(request, "admin/intake/inboundmessage/handle.html", context)

    def find_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The search box posts here; the page opens again at an opaque search id."""
        inbound = self._unmatched(request, pk)
        handle = reverse("admin:intake_inboundmessage_handle", args=[inbound.pk])
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return search_posted(request, handle)

    def attach_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        inbound = self._unmatched(request, pk)
        inquiry_id = request.POST.get("inquiry", "")
        inquiry = (
            selectors.inquiries_visible_to(request.user).filter(pk=inquiry_id).first()
            if inquiry_id.isdigit()
            else None
        )
        if inquiry is None:
            messages.warning(request, gettext("Please choose the inquiry from the search."))
            return see_other(reverse("admin:intake_inboundmessage_handle", args=[inbound.pk]))
        try:
            done = services.inbound_attach(
                actor=request.user, inbound_id=inbound.pk, inquiry_id=inquiry.pk
            )
        except services.ActionRefused as refused:
            messages.error(request, refused.message)
            return see_other(reverse("admin:intake_inboundmessage_handle", args=[inbound.pk]))
        if done.inquiry_id != inquiry.pk:
            messages.info(request, gettext("That message has already been dealt with."))
            return see_other(reverse("admin:intake_inboundmessage_changelist"))
        messages.success(
            request,
            gettext("The message is now on inquiry %(short_id)s.") % {"short_id": inquiry.short_id},
        )
        return see_other(reverse("admin:intake_inquiry_change", args=[inquiry.pk]))

    def discard_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        inbound = self._unmatched(request, pk)
        done = services.inbound_discard(actor=request.user, inbound_id=inbound.pk)
        if done.state == InboundMessage.State.DISCARDED and done.handled_by_id == request.user.pk:
            messages.success(request, gettext("The message was set aside. It stays on record."))
        else:
            messages.info(request, gettext("That message has already been dealt with."))
        return see_other(reverse("admin:intake_inboundmessage_changelist"))

    def original_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The whole message as it came (as text, never rendered), read on its own page and
        audited: for coordinators of an unmatched one, for whoever may open its inquiry."""
        inbound = InboundMessage.objects.select_related("inquiry").filter(pk=pk).first()
        if inbound is None:
            raise Http404
        user = request.user
        if inbound.inquiry_id is None:
            allowed = (
                self.has_module_permission(request)
                and unmatched_visible_to(user).filter(pk=pk).exists()
            )
        else:
            allowed = (
                user.has_perm(READS_INQUIRIES)
                and selectors.inquiries_visible_to(user).filter(pk=inbound.inquiry_id).exists()
            )
        if not allowed:
            services.audit_record(
                actor=user, action=AuditEvent.Action.DENIED, obj=inbound, request=request
            )
            raise PermissionDenied
        services.audit_record(
            actor=user, action=AuditEvent.Action.VIEW, obj=inbound, request=request
        )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("The whole message, as it came"),
            "opts": self.model._meta,
            "inbound": inbound,
        }
        return TemplateResponse(request, "admin/intake/inboundmessage/original.html", context)
