"""The worklist as coordinators read it: saved views, the row's story, next and previous.

Each row tells who wrote (the preferred name, decrypted for the rows of the page only), what
they chose and asked for as short tags (never their message), the risk, the status in words,
how long they have waited, when first contact is due (overdue in words, not colour alone),
the last activity, the attempts, how to reach them (icons with their words) and who has it.
Saved views (``intake/worklist.py``) sit above the list with their counts; an inquiry opened
from one walks that view with next / previous. Searching is ``search.py``.
"""

from __future__ import annotations

import copy
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.exceptions import DisallowedModelAdminLookup
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .. import worklist
from ..models import Inquiry, Kind, Priority
from .search import SEARCH_PARAM, SearchForm, search_recall
from .wording import contact_flags, language_words

VIEW_PARAM = "view"
# Set on a copy of the request when only the view's rows are wanted (next / previous), so
# the list is filtered as the person saw it but no page of it is read.
_QUERYSET_ONLY = "_worklist_queryset_only"

# What the person chose, in a coordinator's words.
KIND_WORDS = {
    Kind.COME_BACK: _("come back"),
    Kind.QUESTION: _("a question first"),
    Kind.NOT_SURE: _("not sure yet"),
}
TIME_TAGS = {
    Inquiry.BestTime.MORNING: _("mornings"),
    Inquiry.BestTime.AFTERNOON: _("afternoons"),
    Inquiry.BestTime.EVENING: _("evening"),
}
FORMAT_TAGS = {
    Inquiry.CareFormat.IN_PERSON: _("in person"),
    Inquiry.CareFormat.VIRTUAL: _("virtual"),
    Inquiry.CareFormat.HYBRID: _("in person or virtual"),
}

# Icons drawn here (no third-party asset): 24-unit strokes in the text's colour.
_ICONS = {
    Inquiry.ContactMethod.EMAIL: '<rect x="3" y="5" width="18" height="14" rx="2"/>'
    '<path d="M3 7l9 6 9-6"/>',
    Inquiry.ContactMethod.CALL: '<path d="M6 3h3l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v3a2 2 '
    '0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1 2-2z"/>',
    Inquiry.ContactMethod.TEXT: '<path d="M4 5h16v11H10l-5 4v-4H4z"/>',
    "no_voicemail": '<circle cx="6.5" cy="12" r="3.5"/><circle cx="17.5" cy="12" r="3.5"/>'
    '<path d="M6.5 15.5h11M3 3l18 18"/>',
    "voicemail": '<circle cx="6.5" cy="12" r="3.5"/><circle cx="17.5" cy="12" r="3.5"/>'
    '<path d="M6.5 15.5h11"/>',
    "text_ok": '<path d="M4 5h16v11H10l-5 4v-4H4z"/><path d="M8.5 10.5l2.5 2.5 4.5-4.5"/>',
}


def icon(name: str, words: str) -> SafeString:
    """An icon with its words: shown as a tooltip, read by screen readers, never colour alone."""
    return format_html(
        '<span class="wl-icon" title="{}"><svg viewBox="0 0 24 24" width="18" height="18" '
        'aria-hidden="true" focusable="false">{}</svg><span class="visually-hidden">{}</span>'
        "</span>",
        words,
        # The icons' own markup, written above in this module (no input reaches it).
        mark_safe(_ICONS[name]),  # noqa: S308 # nosec B308 B703
        words,
    )


def cell(label: str, content) -> SafeString:
    """A cell's content with its column's name before it, shown only on a phone's cards."""
    return format_html('<span class="wl-label">{}: </span>{}', label, content)


def short_duration(delta: timedelta) -> str:
    """How long, to the unit that matters: "12 min", "2 h", "3 days"."""
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 60:
        return gettext("%(n)d min") % {"n": minutes}
    if minutes < 48 * 60:
        return gettext("%(n)d h") % {"n": minutes // 60}
    days = minutes // (24 * 60)
    return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}


def _when(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%a %d %b %H:%M}"


def wrote_back(obj: Inquiry) -> str:
    """ "Wrote back 2 h ago" on a row whose person wrote and is waiting on us; else ""."""
    since = obj.waiting_on_us_since
    if since is None:
        return ""
    return format_html(
        '<br><strong class="badge badge-wrote-back"><time datetime="{}" title="{}">{}</time>'
        "</strong>",
        since.isoformat(),
        _when(since),
        gettext("Wrote back %(time)s ago") % {"time": short_duration(timezone.now() - since)},
    )


class SavedViewFilter(admin.SimpleListFilter):
    """``?view=<slug>``: one of the saved views above the list. Not drawn among the filters."""

    title = _("view")
    parameter_name = VIEW_PARAM
    template = "admin/intake/inquiry/hidden_filter.html"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [(view.slug, view.label) for view in worklist.SAVED_VIEWS]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() is None:
            return queryset
        q = worklist.view_q(self.value(), user=request.user, now=timezone.now())
        return queryset.filter(q) if q is not None else queryset.none()


class WorklistChangeList(ChangeList):
    """Admin's change list, with each row's details read for the page shown only."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return worklist.with_row_details(queryset)

    def get_results(self, request):
        if getattr(request, _QUERYSET_ONLY, False):
            return
        super().get_results(request)
        if not self.multi_page and not self.show_all:
            # One page or many, the rows are read the same way (WorklistPaginator): the
            # worklist makes the same queries with 10 inquiries as with 100,000.
            self.result_list = self.paginator.page(1).object_list


class WorklistColumns:
    """Mixed into InquiryAdmin: the worklist's columns."""

    @admin.display(description=_("person"))
    def person(self, obj: Inquiry) -> str:
        if obj.preferred_name:
            return format_html('<span class="wl-name">{}</span>', obj.preferred_name)
        return format_html('<span class="wl-name wl-quiet">{}</span>', _("no name given"))

    @admin.display(description=_("what they'd like"))
    def wishes(self, obj: Inquiry) -> str:
        tags = [TIME_TAGS.get(obj.best_time), FORMAT_TAGS.get(obj.care_format)]
        if obj.one_on_one_first:
            tags.append(_("one-on-one first"))
        earlier = getattr(obj, "earlier_count", 0)
        about = [obj.short_id, obj.queue.name if obj.queue else gettext("not routed yet")]
        if obj.language != "en":
            about.append(language_words(obj.language))
        if earlier:
            about.append(ngettext("%(n)d earlier", "%(n)d earlier", earlier) % {"n": earlier})
        kind = (
            format_html('<span class="wl-kind">{}</span>', KIND_WORDS[obj.kind])
            if obj.kind in KIND_WORDS
            else format_html('<span class="wl-quiet">{}</span>', _("did not say"))
        )
        return format_html(
            '{} {}<span class="wl-meta">{}</span>',
            kind,
            format_html_join("", '<span class="tag">{}</span> ', ((t,) for t in tags if t)),
            " · ".join(about),
        )

    @admin.display(description=_("risk"))
    def risk(self, obj: Inquiry) -> str:
        held = (
            format_html(' <span class="badge badge-held">{}</span>', _("held"))
            if obj.is_held
            else ""
        )
        if obj.priority == Priority.URGENT:
            label = _("Urgent")
            if obj.alert_acknowledged_at is None:
                label = _("Urgent, alert not acknowledged")
            badge = format_html('<strong class="badge badge-urgent">{}</strong>', label)
        elif obj.priority == Priority.REVIEW:
            badge = format_html(
                '<strong class="badge badge-review">{}</strong>', _("Possible risk")
            )
        else:
            badge = format_html('<span class="wl-quiet">{}</span>', _("Routine"))
        return cell(gettext("Risk"), format_html("{}{}", badge, held))

    @admin.display(description=_("status"))
    def status_words(self, obj: Inquiry) -> str:
        status = format_html("{}{}", obj.get_status_display(), wrote_back(obj))
        if obj.status != Inquiry.Status.REASSESSMENT_SCHEDULED or not obj.reassessment_at:
            return cell(gettext("Status"), status)
        # When and how, on the queue's clock (its zone is in the tooltip).
        zone = ZoneInfo(obj.queue.time_zone if obj.queue else settings.TIME_ZONE)
        at = obj.reassessment_at.astimezone(zone)
        how = Inquiry.CareFormat(obj.reassessment_format).label if obj.reassessment_format else ""
        return cell(
            gettext("Status"),
            format_html(
                # Not "wl-meta": that line is the row's id and queue, read as such.
                '{}<br><span class="wl-quiet wl-visit"><time datetime="{}" title="{}">{}</time>{}'
                "</span>",
                status,
                at.isoformat(),
                zone.key,
                dateformat.format(at, "D j M, H:i"),
                f" · {how}" if how else "",
            ),
        )

    @admin.display(description=_("waiting"))
    def waiting(self, obj: Inquiry) -> str:
        return cell(
            gettext("Waiting"),
            format_html(
                '<time datetime="{}" title="{}">{}</time>',
                obj.created_at.isoformat(),
                _when(obj.created_at),
                short_duration(timezone.now() - obj.created_at),
            ),
        )

    @admin.display(description=_("first contact due"))
    def due(self, obj: Inquiry) -> str:
        label = gettext("First contact due")
        now = timezone.now()
        if obj.status != Inquiry.Status.NEW:
            return cell(label, format_html('<span class="wl-quiet">{}</span>', _("made")))
        if not obj.first_contact_due_at:
            return cell(label, format_html('<span class="wl-quiet">{}</span>', _("not set yet")))
        at = obj.first_contact_due_at
        stamp = format_html('datetime="{}" title="{}"', at.isoformat(), _when(at))
        if obj.snoozed_until and obj.snoozed_until > now:
            text = _("snoozed until %(when)s") % {"when": _when(obj.snoozed_until)}
            return cell(label, format_html("<time {}>{}</time>", stamp, text))
        if getattr(obj, "is_overdue", False):
            return cell(
                label,
                format_html(
                    '<time {} class="badge badge-overdue">{}</time>',
                    stamp,
                    _("overdue by %(time)s") % {"time": short_duration(now - at)},
                ),
            )
        return cell(
            label,
            format_html(
                "<time {}>{}</time>", stamp, _("in %(time)s") % {"time": short_duration(at - now)}
            ),
        )

    @admin.display(description=_("last activity"))
    def last_activity_ago(self, obj: Inquiry) -> str:
        moment = getattr(obj, "last_activity", None) or obj.created_at
        since = timezone.now() - moment
        words = (
            _("just now")
            if since < timedelta(minutes=1)
            else _("%(time)s ago") % {"time": short_duration(since)}
        )
        return cell(
            gettext("Last activity"),
            format_html(
                '<time datetime="{}" title="{}">{}</time>',
                moment.isoformat(),
                _when(moment),
                words,
            ),
        )

    @admin.display(description=_("attempts"))
    def attempts(self, obj: Inquiry) -> str:
        return cell(gettext("Attempts"), str(getattr(obj, "attempts_count", 0)))

    @admin.display(description=_("reach"))
    def reach(self, obj: Inquiry) -> str:
        flags = contact_flags(obj)  # the method first, then voicemail and texting
        icons = [icon(obj.contact_method, flags[0])]
        if obj.voicemail_ok is False:
            icons.append(icon("no_voicemail", gettext("No voicemail")))
        elif obj.voicemail_ok:
            icons.append(icon("voicemail", gettext("Voicemail OK")))
        if obj.text_ok:
            icons.append(icon("text_ok", gettext("Text OK")))
        return cell(gettext("Reach"), format_html_join("", "{}", ((i,) for i in icons)))

    @admin.display(description=_("assigned to"))
    def assignee(self, obj: Inquiry) -> str:
        who = obj.assigned_to
        if who is None:
            text = format_html('<span class="wl-quiet">{}</span>', _("nobody yet"))
        else:
            text = who.get_full_name() or who.get_username()
        return cell(gettext("Assigned to"), text)


class WorklistViews:
    """Mixed into InquiryAdmin: the worklist page and next / previous on an inquiry's page."""

    def get_changelist(self, request: HttpRequest, **kwargs):
        return WorklistChangeList

    def changelist_view(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        if request.method in ("GET", "HEAD"):
            if not self.has_view_or_change_permission(request):
                raise PermissionDenied
            if "q" in request.GET:
                # A search in the address is answered without it: it would be kept in every
                # link on the page. The search box posts instead.
                return self._without(
                    request,
                    "q",
                    _("Please use the search box: a search is never put in the page's address."),
                )
            search_id = request.GET.get(SEARCH_PARAM)
            if search_id is not None and search_recall(request.user, search_id) is None:
                return self._without(
                    request,
                    SEARCH_PARAM,
                    _("That search has ended (a search lasts 15 minutes). Please search again."),
                )
            extra_context = {**(extra_context or {}), **self.worklist_context(request)}
        return super().changelist_view(request, extra_context)

    def get_preserved_filters(self, request: HttpRequest) -> str:
        """Admin's "back to the list" state, without an old address search (``q``) in it."""
        preserved = super().get_preserved_filters(request)
        inner = QueryDict(QueryDict(preserved).get("_changelist_filters", ""), mutable=True)
        if "q" not in inner:
            return preserved
        inner.pop("q")
        return urlencode({"_changelist_filters": inner.urlencode()}) if inner else ""

    def _without(self, request: HttpRequest, param: str, notice) -> HttpResponse:
        params = request.GET.copy()
        params.pop(param, None)
        messages.info(request, notice)
        query = params.urlencode()
        return HttpResponseRedirect(request.path + (f"?{query}" if query else ""))

    def worklist_context(self, request: HttpRequest) -> dict:
        counts = worklist.view_counts(
            self.get_queryset(request), user=request.user, now=timezone.now()
        )
        current = request.GET.get(VIEW_PARAM, "")
        searching = SEARCH_PARAM in request.GET
        term = search_recall(request.user, request.GET.get(SEARCH_PARAM)) if searching else ""
        views = [
            {
                "label": _("All"),
                "count": counts["all"],
                "url": "?",
                "current": not current and not searching,
            }
        ] + [
            {
                "label": view.label,
                "count": counts[view.slug],
                "url": "?"
                + urlencode(
                    {
                        VIEW_PARAM: view.slug,
                        **({"status": "all"} if view.slug in worklist.WITH_CLOSED else {}),
                    }
                ),
                "current": current == view.slug,
            }
            for view in worklist.SAVED_VIEWS
            if view.shown
        ]
        chosen = worklist.VIEWS_BY_SLUG.get(current)
        return {
            "title": _("Worklist"),
            "saved_views": views,
            "current_view": chosen.label if chosen else "",
            "search_term": term,
            "search_form": SearchForm(initial={"find": term}),
            "search_url": reverse("admin:intake_inquiry_search"),
            # The whole width for the list: the admin's side menu is one click away (Home).
            "is_nav_sidebar_enabled": False,
        }

    def case_navigation(self, request: HttpRequest, inquiry: Inquiry) -> dict:
        """Next / previous in the view the inquiry was opened from (its preserved filters)."""
        params = QueryDict(request.GET.get("_changelist_filters", ""), mutable=True)
        # Never carried on: an old address search (``q``), admin's error flag, sorting.
        for ignored in ("q", "e", "o", "all", "_facets"):
            params.pop(ignored, None)
        preserved = params.urlencode()
        listing = copy.copy(request)
        listing.GET = params.copy()
        listing.GET.pop("p", None)
        setattr(listing, _QUERYSET_ONLY, True)
        try:
            view = self.get_changelist_instance(listing)
        except (IncorrectLookupParameters, DisallowedModelAdminLookup):
            return {}
        before, after = worklist.neighbours(view.queryset, inquiry)
        suffix = "?" + urlencode({"_changelist_filters": preserved}) if preserved else ""
        chosen = worklist.VIEWS_BY_SLUG.get(params.get(VIEW_PARAM, ""))
        if SEARCH_PARAM in params:
            back = gettext("Back to the search results")
        elif chosen:
            back = gettext("Back to %(view)s") % {"view": chosen.label}
        else:
            back = gettext("Back to the worklist")

        def link(pk: int | None) -> str:
            return reverse("admin:intake_inquiry_change", args=[pk]) + suffix if pk else ""

        return {
            "case_nav": {
                # On the page's forms too: after an action, next / previous still walk the view.
                "query": suffix,
                "previous": link(before),
                "next": link(after),
                "back_text": back,
                "back": reverse("admin:intake_inquiry_changelist")
                + (f"?{preserved}" if preserved else ""),
            }
        }
