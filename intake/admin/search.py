"""Searching the worklist without ever putting what was searched in a web address.

The search box posts (``<worklist>/search/``). What was typed is kept server-side for
``SEARCH_SECONDS`` under a random id, for the user who typed it only, and the worklist is
opened with that id (``?search=<id>``): a name, an e-mail address or a phone number never
reaches a URL, so never a browser's history, a proxy's log, a Referer header or the audit
log's path. Like kept work (``intake/keep_work.py``), the term is a Fernet token
(``crypto.encrypt``) in the cache. The audit log records that a search happened, never what
was looked for. Admin's own GET search (``?q=``) is gone: such a link is answered by the
worklist without it.
"""

from __future__ import annotations

import re
import secrets
import time

from django import forms
from django.contrib import admin, messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from .. import crypto, services, worklist
from ..models import AuditEvent

SEARCH_SECONDS = 15 * 60
SEARCH_PARAM = "search"
CACHE_PREFIX = "reengage:worklist-search:"
_SEARCH_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# The most that is ever looked up: a name, an address or a number is far shorter.
MAX_TERM_LENGTH = 200


def _key(user_id: int, search_id: str) -> str:
    return f"{CACHE_PREFIX}{user_id}:{search_id}"


def search_remember(user, term: str) -> str:
    """Keep ``term`` for ``user`` for SEARCH_SECONDS; the opaque id that stands for it."""
    search_id = secrets.token_urlsafe(16)
    kept = {"user": user.pk, "term": crypto.encrypt(term), "until": time.time() + SEARCH_SECONDS}
    cache.set(_key(user.pk, search_id), kept, SEARCH_SECONDS)
    return search_id


def search_recall(user, search_id: str | None) -> str | None:
    """The term ``search_id`` stands for, if it is ``user``'s and has not expired."""
    if not search_id or not _SEARCH_ID.match(search_id):
        return None
    if not getattr(user, "is_authenticated", False):
        return None
    kept = cache.get(_key(user.pk, search_id))
    if not isinstance(kept, dict) or kept.get("user") != user.pk:
        return None
    if not isinstance(kept.get("until"), float) or kept["until"] <= time.time():
        return None
    try:
        return crypto.decrypt(kept["term"])
    except (crypto.UndecryptableValue, KeyError, TypeError):
        return None


class SearchForm(forms.Form):
    find = forms.CharField(
        label=_("Find a person"),
        max_length=MAX_TERM_LENGTH,
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "aria-describedby": "wl-search-help"}
        ),
        help_text=_(
            "A name, an exact e-mail address or phone number, or the start of an inquiry id."
        ),
    )


class SearchFilter(admin.SimpleListFilter):
    """``?search=<id>``: the rows the kept term finds. Not drawn among the filters."""

    title = _("search")
    parameter_name = SEARCH_PARAM
    template = "admin/intake/inquiry/hidden_filter.html"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        # One entry, so admin applies the filter (a filter with no choices is skipped).
        return [("", _("Search results"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() is None:
            return queryset
        term = search_recall(request.user, self.value())
        return queryset.filter(worklist.search_q(term)) if term else queryset.none()


class SearchViews:
    """Mixed into InquiryAdmin: the search box's POST handler."""

    def search_view(self, request: HttpRequest) -> HttpResponse:
        changelist = reverse("admin:intake_inquiry_changelist")
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseRedirect(changelist)
        # Closed inquiries too: a person looked for by name may be one we already closed.
        return search_posted(request, changelist, status="all")


def search_posted(request: HttpRequest, page: str, **query: str) -> HttpResponse:
    """A search box's POST: the term kept for this user under an opaque id, the fact of the
    search audited (never its value), and ``page`` opened again at ``?search=<id>``."""
    form = SearchForm(request.POST)
    if not form.is_valid():
        messages.warning(request, _("That search is too long. Please try a shorter one."))
        return see_other(page)
    term = form.cleaned_data["find"].strip()
    if not term:
        return see_other(page)
    search_id = search_remember(request.user, term)
    services.audit_record(
        actor=request.user,
        action=AuditEvent.Action.SEARCH,
        object_type="inquiry",
        request=request,
    )
    return see_other(f"{page}?{urlencode({SEARCH_PARAM: search_id, **query})}")


def see_other(url: str) -> HttpResponse:
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response
