"""The clinicians' list of upcoming reassessments: who is coming, when, how, and their note.

One page at ``inquiry/reassessments/`` for the clinical roles (whoever may read reassessment
notes: clinicians, clinical reviewers, program supervisors). It reads
``selectors.upcoming_reassessments`` (one query, however many rows) and tells each visit as
``intake.reassessments.visit`` does, on its queue's clock, in sections: today, the rest of this
week (to Sunday), later, and the past days' visits whose note is not signed yet. Nothing clinical is
shown: a note's state only, linking to the note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..models import Inquiry, ReassessmentNote
from ..reassessments import Visit, visit
from .settings_fields import COMMON_US_ZONES

# The permission that makes someone clinical staff here (clinician, reviewer, supervisor).
CLINICAL_PERMISSION = "intake.view_reassessmentnote"


@dataclass(frozen=True)
class UpcomingRow:
    """One reassessment as the list shows it."""

    inquiry: Inquiry
    visit: Visit
    when: str  # on its queue's clock: "10:00" today, "Tue 3 Feb, 10:00" another day
    zone: str  # the zone's short name ("EST"), shown only when the page has several zones
    case_url: str
    note_label: str
    note_url: str  # the note's page, or "" when there is none
    write_url: str  # "Write the note", for those who may, when there is none yet


@dataclass
class Section:
    slug: str
    title: str
    empty: str  # what the section says when it has no rows ("" hides it when empty)
    rows: list[UpcomingRow] = field(default_factory=list)


def _sections() -> list[Section]:
    return [
        Section("today", gettext("Today"), gettext("No reassessments today.")),
        Section("this-week", gettext("This week"), gettext("Nothing else this week.")),
        Section("later", gettext("Later"), ""),
        Section("earlier", gettext("Earlier, note not signed yet"), ""),
    ]


def _section_for(at: datetime, today: date) -> str:
    day = at.date()
    if day < today:
        return "earlier"
    if day == today:
        return "today"
    week_ends = today + timedelta(days=6 - today.weekday())  # this Sunday
    return "this-week" if day <= week_ends else "later"


def zone_name(key: str) -> str:
    """A zone as staff say it: "Eastern time (America/New_York)", or its IANA name."""
    named = dict(COMMON_US_ZONES).get(key)
    if named:
        return gettext("%(name)s time (%(zone)s)") % {"name": named, "zone": key}
    return key


class UpcomingViews:
    """Mixed into InquiryAdmin: ``reassessments/``, the upcoming reassessments page."""

    def reassessments_view(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        user = request.user
        if not user.has_perm(CLINICAL_PERMISSION):
            raise PermissionDenied
        now = timezone.now()
        can_write = user.has_perm("intake.add_reassessmentnote")
        sections = _sections()
        by_slug = {section.slug: section for section in sections}
        zones: set[str] = set()
        for inquiry in selectors.upcoming_reassessments(user, now=now):
            found = visit(inquiry)
            if found is None:
                continue
            slug = _section_for(found.at, now.astimezone(found.at.tzinfo).date())
            if slug == "earlier" and inquiry.note_signed:
                continue  # done, and its day is over
            zones.add(found.at.tzinfo.key)
            by_slug[slug].rows.append(self._upcoming_row(inquiry, found, slug, can_write))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Upcoming reassessments"),
            "opts": self.model._meta,
            "sections": [s for s in sections if s.rows or s.empty],
            "zone_note": self._zone_note(zones),
            "several_zones": len(zones) > 1,
            "waiting_url": reverse("admin:intake_inquiry_changelist") + "?note=waiting",
        }
        return TemplateResponse(request, "admin/intake/inquiry/upcoming.html", context)

    def _upcoming_row(
        self, inquiry: Inquiry, found: Visit, slug: str, can_write: bool
    ) -> UpcomingRow:
        state = inquiry.note_state
        note_url = (
            reverse("admin:intake_reassessmentnote_change", args=[inquiry.note_pk])
            if inquiry.note_pk
            else ""
        )
        write_url = ""
        if not inquiry.note_pk and can_write:
            write_url = reverse("admin:intake_reassessmentnote_add") + f"?inquiry={inquiry.pk}"
        return UpcomingRow(
            inquiry=inquiry,
            visit=found,
            when=dateformat.format(found.at, "H:i" if slug == "today" else "D j M, H:i"),
            zone=dateformat.format(found.at, "T"),
            case_url=reverse("admin:intake_inquiry_change", args=[inquiry.pk]),
            note_label=(
                str(ReassessmentNote.State(state).label)
                if state in ReassessmentNote.State.values
                else gettext("No note yet")
            ),
            note_url=note_url,
            write_url=write_url,
        )

    @staticmethod
    def _zone_note(zones: set[str]) -> str:
        if len(zones) == 1:
            return gettext("Times are %(zone)s.") % {"zone": zone_name(next(iter(zones)))}
        if zones:
            return gettext("Times are each team's own local time, its time zone after it.")
        return ""
