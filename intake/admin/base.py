"""Shared admin behaviour."""

from __future__ import annotations

from django.http import HttpRequest


class ReadOnlyAdminMixin:
    """Rows that admin shows and never adds, edits or deletes: services write them."""

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
