"""The audit log: read-only for everyone."""

from __future__ import annotations

from django.apps import apps
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ..models import AuditEvent
from .base import ReadOnlyAdminMixin


def object_type_words(object_type: str) -> str:
    """What the record is about, in words: the model's name ("Reassessment note"), never
    its stored code ("reassessmentnote")."""
    if not object_type:
        return ""
    for model in apps.get_models():
        if model._meta.model_name == object_type:
            return str(capfirst(model._meta.verbose_name))
    return object_type.replace("_", " ")


class ObjectTypeFilter(admin.SimpleListFilter):
    """What the records are about, named in words (the stored codes, found in the log)."""

    title = _("about")
    parameter_name = "object_type"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        stored = AuditEvent.objects.order_by().values_list("object_type", flat=True).distinct()
        return sorted(((c, object_type_words(c)) for c in stored if c), key=lambda c: c[1])

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(object_type=self.value()) if self.value() else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The audit log: program admins read it; nobody, superusers included, can change it."""

    list_display = ("at", "actor", "action", "about", "object_id", "client_address", "path")
    list_filter = ("action", ObjectTypeFilter)
    list_select_related = ("actor",)
    fields = readonly_fields = [
        "about" if f.name == "object_type" else f.name for f in AuditEvent._meta.fields
    ]

    @admin.display(description=_("about"), ordering="object_type")
    def about(self, obj: AuditEvent) -> str:
        return object_type_words(obj.object_type)
