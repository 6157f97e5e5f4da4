"""The audit log: read-only for everyone."""

from __future__ import annotations

from django.contrib import admin

from ..models import AuditEvent
from .base import ReadOnlyAdminMixin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The audit log: program admins read it; nobody, superusers included, can change it."""

    list_display = ("at", "actor", "action", "object_type", "object_id", "client_address", "path")
    list_filter = ("action", "object_type")
    list_select_related = ("actor",)
    readonly_fields = [f.name for f in AuditEvent._meta.fields]
