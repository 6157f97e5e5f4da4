"""Staff accounts: who has set up two-step sign-in, and sending the one-time set-up link.

Django's own user screens, with a column for two-step sign-in and a way for program admins
(permission ``intake.add_enrolmentlink``) to send a set-up link: a bulk action on the list
and a button on each account's page. The link goes by e-mail to the account's own address
only; nobody who sends it ever sees it.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .. import selectors, services
from ..exceptions import EnrolmentRefused

User = get_user_model()

if admin.site.is_registered(User):
    admin.site.unregister(User)


def two_step_status(user) -> str:
    """Where an account stands with two-step sign-in, in a few words (from the annotations)."""
    parts = [gettext("Set up") if user.two_step_set_up else gettext("Not set up")]
    if user.two_step_set_up:
        left = user.recovery_codes_left
        parts.append(
            ngettext("%(n)d recovery code left", "%(n)d recovery codes left", left) % {"n": left}
        )
    if user.link_expires is not None:
        when = date_format(timezone.localtime(user.link_expires), "DATETIME_FORMAT")
        parts.append(gettext("set-up link sent, works until %(when)s") % {"when": when})
    return "; ".join(parts)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = (
        "username",
        "email",
        "first_name",
        "last_name",
        "roles",
        "two_step",
        "is_active",
    )
    actions = ["send_enrolment_link"]
    change_form_template = "admin/intake/staff/user_change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return selectors.staff_two_step(super().get_queryset(request)).prefetch_related("groups")

    @admin.display(description=_("roles"))
    def roles(self, obj) -> str:
        names = [group.name for group in obj.groups.all()]
        if obj.is_superuser:
            names.insert(0, gettext("superuser"))
        return ", ".join(names)

    @admin.display(description=_("two-step sign-in"), ordering="two_step_set_up")
    def two_step(self, obj) -> str:
        return two_step_status(obj)

    def has_enrol_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm("intake.add_enrolmentlink")

    def _send(self, request: HttpRequest, user) -> bool:
        try:
            services.enrolment_link_issue(actor=request.user, user_id=user.pk)
        except EnrolmentRefused as refused:
            self.message_user(
                request, f"{user.get_username()}: {refused.message}", level=messages.ERROR
            )
            return False
        return True

    @admin.action(
        description=_("Send a two-step sign-in set-up link by e-mail"), permissions=["enrol"]
    )
    def send_enrolment_link(self, request: HttpRequest, queryset: QuerySet) -> None:
        sent = [user.get_username() for user in queryset if self._send(request, user)]
        if sent:
            self.message_user(
                request,
                _("Set-up link sent by e-mail to: %(names)s. Each works once.")
                % {"names": ", ".join(sent)},
                level=messages.SUCCESS,
            )

    def get_urls(self) -> list:
        return [
            path(
                "<int:pk>/enrolment-link/",
                self.admin_site.admin_view(self.enrolment_link_view),
                name="auth_user_enrolment_link",
            ),
            *super().get_urls(),
        ]

    def enrolment_link_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The button on an account's page: send that account a set-up link (POST)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_enrol_permission(request):
            raise PermissionDenied
        user = self.get_queryset(request).filter(pk=pk).first()
        if user is None:
            raise Http404
        if self._send(request, user):
            self.message_user(
                request,
                _(
                    "A set-up link is on its way to %(name)s's e-mail. It works once; "
                    "any link sent before no longer works."
                )
                % {"name": user.get_username()},
                level=messages.SUCCESS,
            )
        return redirect(reverse("admin:auth_user_change", args=[pk]))

    def render_change_form(self, request: HttpRequest, context: dict, *args, **kwargs):
        original = context.get("original")
        if original is not None:
            annotated = self.get_queryset(request).filter(pk=original.pk).first()
            context["two_step_status"] = two_step_status(annotated) if annotated else ""
            context["can_send_enrolment_link"] = self.has_enrol_permission(request)
        return super().render_change_form(request, context, *args, **kwargs)
