"""The worklist's filters and its paginator."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ..models import Inquiry, ReassessmentNote


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


class NoteWaitingFilter(admin.SimpleListFilter):
    """Reassessments with no note yet: what a clinician picks up (their landing page)."""

    title = _("reassessment note")
    parameter_name = "note"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [("waiting", _("Waiting for a note"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() != "waiting":
            return queryset
        return queryset.filter(
            status__in=[Inquiry.Status.REASSESSMENT_SCHEDULED, Inquiry.Status.RETURNED]
        ).exclude(Exists(ReassessmentNote.objects.filter(inquiry=OuterRef("pk"))))


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
    counts) are read for the 50 shown only (measured by `make bench`). One query more, at any size.
    """

    def _get_page(self, object_list, number, paginator):
        # ``object_list`` is Paginator.page()'s slice of the worklist: only its ids are read.
        ids = list(object_list.values_list("pk", flat=True))
        rows = {obj.pk: obj for obj in self.object_list.filter(pk__in=ids).order_by()}
        return super()._get_page([rows[pk] for pk in ids if pk in rows], number, paginator)
