"""Reassessment notes: clinicians write and read them, clinical reviewers sign them.

A note is written for one inquiry, chosen by searching (a POST: what was searched never
reaches a URL) and then fixed by the page (``?inquiry=<id>``, or ``?amends=<id>`` for a
correction of a signed note). Beside the form the clinician reads what the person told us,
and a new note starts from their stated preferences. The author marks a finished draft ready
for review (its own form and URL); the reviewers are e-mailed a link and find it on their
list. A reviewer signs from the note's page; the sign form carries the version they read,
so a note changed meanwhile is refused and shown again. Nobody edits a signed note: a
correction is an amendment that points at it.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .. import keep_work, selectors, services, tone, worklist
from ..exceptions import ActionRefused
from ..models import AuditEvent, Inquiry, ReassessmentNote
from .actions import perform
from .forms import NOTE_TEXT_FIELDS, ReassessmentNoteForm
from .note_person import person_facts, told_us
from .search import SEARCH_PARAM, SearchForm, search_posted, search_recall

State = ReassessmentNote.State
# The most matches the note's search lists: a name rarely finds more than a handful.
MATCHES_SHOWN = 25


@admin.register(ReassessmentNote)
class ReassessmentNoteAdmin(admin.ModelAdmin):
    """Clinical notes: clinicians write and read, reviewers sign, nobody edits a signed note."""

    form = ReassessmentNoteForm
    list_display = (
        "__str__",
        "person",
        "inquiry_short",
        "written_by",
        "state",
        "marked_ready",
        "signed_by",
        "signed_at",
    )
    # The reviewers' list (their landing page): what waits, since when, and the way in.
    ready_list_display = (
        "__str__",
        "person",
        "inquiry_short",
        "written_by",
        "marked_ready",
        "read_link",
    )
    list_filter = ("state",)
    list_select_related = ("inquiry", "author", "signed_by")
    change_form_template = "admin/intake/reassessmentnote/change_form.html"

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404

    def get_queryset(self, request: HttpRequest) -> QuerySet[ReassessmentNote]:
        if not request.user.has_perm("intake.view_reassessmentnote"):
            return ReassessmentNote.objects.none()
        return super().get_queryset(request).select_related("inquiry", "author", "signed_by")

    def get_ordering(self, request: HttpRequest):
        # The reviewers' list: what has waited longest comes first.
        if request.GET.get("state__exact") == State.READY:
            return ("ready_at", "pk")
        return super().get_ordering(request)

    def get_list_display(self, request: HttpRequest):
        if request.GET.get("state__exact") != State.READY:
            return super().get_list_display(request)
        if request.user.has_perm("intake.sign_reassessmentnote"):
            return self.ready_list_display
        return tuple(name for name in self.ready_list_display if name != "read_link")

    def get_fieldsets(self, request: HttpRequest, obj=None):
        return [
            (_("The reassessment"), {"fields": NOTE_TEXT_FIELDS}),
            (
                _("For scheduling (coordinators see this)"),
                {
                    "fields": services.SCHEDULING_FIELDS,
                    "description": _(
                        "Coordinators see the start date, the group or therapist and the "
                        "site to book the person's return. They never see the clinical text "
                        "above."
                    ),
                },
            ),
        ]

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        if obj is None:
            return True
        # Unsigned notes are their author's alone; a signed note is never edited, superusers
        # included.
        return obj.state in (State.DRAFT, State.READY) and obj.author_id == request.user.pk

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description=_("inquiry"))
    def inquiry_short(self, obj: ReassessmentNote) -> str:
        return obj.inquiry.short_id

    @admin.display(description=_("person"))
    def person(self, obj: ReassessmentNote) -> str:
        return obj.inquiry.preferred_name or _("name not given")

    @admin.display(description=_("written by"), ordering="author__username")
    def written_by(self, obj: ReassessmentNote) -> str:
        author = obj.author
        return (author.get_full_name() or author.get_username()) if author else "—"

    @admin.display(description=_("marked ready"), ordering="ready_at")
    def marked_ready(self, obj: ReassessmentNote):
        return obj.ready_at

    @admin.display(description=_("to do"))
    def read_link(self, obj: ReassessmentNote) -> str:
        url = reverse("admin:intake_reassessmentnote_change", args=[obj.pk])
        return format_html('<a href="{}#sign">{}</a>', url, _("Read and sign"))

    @admin.display(description=_("Plan"))
    def plan_codes(self, obj: ReassessmentNote) -> str:
        """The plan as read on a note that cannot be changed: its labels, never its codes."""
        labels = dict(ReassessmentNote.Plan.choices)
        return ", ".join(str(labels[c]) for c in obj.plan_codes if c in labels) or "—"

    def get_form(self, request: HttpRequest, obj=None, change: bool = False, **kwargs):
        """The admin's form; drawn with what was typed into it before a sign-out, if anything."""
        form = super().get_form(request, obj, change, **kwargs)
        kept = keep_work.kept_work(request)
        # The admin's form posts to its own page.
        return kept.restoring(form, request.path) if kept else form

    # --- which inquiry a new note is for ---------------------------------------------------

    def _target(self, request: HttpRequest) -> tuple[Inquiry, ReassessmentNote | None] | None:
        """The inquiry a new note is for (and the signed note it amends), from the page's
        address; None when none is named yet. A 404 for one the viewer may not open."""
        if hasattr(request, "_note_target"):
            return request._note_target
        amends_id = request.GET.get("amends", "")
        inquiry_id = request.GET.get("inquiry", "")
        target = None
        if amends_id:
            original = (
                self.get_queryset(request).filter(pk=amends_id, state=State.SIGNED).first()
                if amends_id.isdigit()
                else None
            )
            if original is None:
                raise Http404
            target = (self._visible_inquiry(request, str(original.inquiry_id)), original)
        elif inquiry_id:
            target = (self._visible_inquiry(request, inquiry_id), None)
        request._note_target = target
        return target

    def _visible_inquiry(self, request: HttpRequest, inquiry_id: str) -> Inquiry:
        found = (
            selectors.inquiries_visible_to(request.user).filter(pk=inquiry_id).first()
            if inquiry_id.isdigit()
            else None
        )
        if found is None:
            raise Http404
        return found

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        target = self._target(request)
        if target is None:
            return self.choose_view(request)
        if request.method == "GET":
            # The page shows the person's words: a read of the inquiry, audited as one.
            services.audit_record(
                actor=request.user,
                action=AuditEvent.Action.VIEW,
                object_type="inquiry",
                object_id=target[0].pk,
                request=request,
            )
        return super().add_view(request, form_url, extra_context)

    def choose_view(self, request: HttpRequest) -> HttpResponse:
        """Find the person a note is for: the search box, and what the last search found."""
        term = search_recall(request.user, request.GET.get(SEARCH_PARAM))
        matches = None
        if term:
            matches = worklist.people_found(
                selectors.inquiries_visible_to(request.user), term, limit=MATCHES_SHOWN
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Write a reassessment note"),
            "opts": self.model._meta,
            "search_form": SearchForm(initial={"find": term or ""}),
            "search_term": term,
            "matches": matches,
            "matches_shown": MATCHES_SHOWN,
        }
        return TemplateResponse(
            request, "admin/intake/reassessmentnote/choose_inquiry.html", context
        )

    def find_view(self, request: HttpRequest) -> HttpResponse:
        """The note's search box posts here; the add page opens at an opaque search id."""
        add = reverse("admin:intake_reassessmentnote_add")
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return search_posted(request, add)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        target = self._target(request)
        if target is None:
            return {}
        inquiry, original = target
        if original is not None:
            # An amendment starts from the note it corrects, and from nothing else.
            initial = {name: getattr(original, name) for name in services.NOTE_FIELDS}
            initial.update({name: getattr(original, name) for name in services.SCHEDULING_FIELDS})
            initial["plan_codes"] = original.plan_codes
            return initial
        # A new note starts from what the person told us on the form.
        return {
            "preferences": told_us(inquiry),
            "plan_codes": [ReassessmentNote.Plan.ONE_ON_ONE_FIRST]
            if inquiry.one_on_one_first
            else [],
            "start_site": inquiry.site_id if inquiry.site and inquiry.site.active else None,
        }

    # --- saving ------------------------------------------------------------------------------

    def save_model(self, request: HttpRequest, obj: ReassessmentNote, form, change: bool) -> None:
        fields = form.note_fields()
        try:
            if change:
                saved = services.note_update(actor=request.user, note_id=obj.pk, fields=fields)
            else:
                target = self._target(request)
                if target is None:
                    raise Http404
                inquiry, original = target
                saved = services.note_add(
                    actor=request.user,
                    inquiry_id=inquiry.pk,
                    fields=fields,
                    amends_id=original.pk if original else None,
                )
        except ActionRefused as refused:
            raise PermissionDenied(refused.message) from refused
        obj.pk = saved.pk
        obj.inquiry_id = saved.inquiry_id
        obj.state = saved.state
        obj.created_at = saved.created_at
        text = " ".join(str(fields.get(name) or "") for name in ReassessmentNote.CLINICAL_FIELDS)
        for term, suggestion in tone.stigmatizing_terms(text):
            self.message_user(
                request,
                _(
                    "“%(term)s” can label a person. Person-first wording, such as "
                    "“%(suggestion)s”, may fit better."
                )
                % {"term": term, "suggestion": suggestion},
                level=messages.WARNING,
            )

    def response_add(self, request: HttpRequest, obj: ReassessmentNote, post_url_continue=None):
        self.message_user(
            request,
            _("Saved as a draft. When it says what you mean, mark it ready for review."),
            messages.SUCCESS,
        )
        return redirect("admin:intake_reassessmentnote_change", obj.pk)

    def response_change(self, request: HttpRequest, obj: ReassessmentNote):
        if obj.state == State.READY:
            done = _("Saved. It is still ready for review; a reviewer reads it as it is now.")
        else:
            done = _("Saved as a draft.")
        self.message_user(request, done, messages.SUCCESS)
        return redirect("admin:intake_reassessmentnote_change", obj.pk)

    # --- reading, marking ready, signing ---------------------------------------------------

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            services.audit_record(
                actor=request.user,
                action=AuditEvent.Action.VIEW,
                object_type="reassessmentnote",
                object_id=object_id,
                request=request,
            )
        return response

    def get_urls(self) -> list:
        return [
            path(
                "find/",
                self.admin_site.admin_view(self.find_view),
                name="intake_reassessmentnote_find",
            ),
            path(
                "<int:pk>/ready/",
                self.admin_site.admin_view(self.ready_view),
                name="intake_reassessmentnote_ready",
            ),
            path(
                "<int:pk>/sign/",
                self.admin_site.admin_view(self.sign_view),
                name="intake_reassessmentnote_sign",
            ),
            *super().get_urls(),
        ]

    def _posted_note(self, request: HttpRequest, pk: int, permission: str) -> ReassessmentNote:
        note = self.get_queryset(request).filter(pk=pk).first()
        if note is None:
            raise Http404
        if not request.user.has_perm(permission):
            raise PermissionDenied
        return note

    def ready_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The author marks the note ready for review, as it was shown (its version)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        note = self._posted_note(request, pk, "intake.change_reassessmentnote")

        def ready() -> str:
            services.note_mark_ready(
                actor=request.user, note_id=note.pk, version=request.POST.get("version", "")
            )
            return _(
                "Ready for review. It is on the clinical reviewers' list, and each of them "
                "gets an e-mail with a link to it."
            )

        back = reverse("admin:intake_reassessmentnote_change", args=[pk])
        return perform(request, back, ready)

    def sign_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Sign the note as it was shown: the form carries the version the reviewer read."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        note = self._posted_note(request, pk, "intake.sign_reassessmentnote")

        def sign() -> str:
            services.note_sign(
                actor=request.user, note_id=note.pk, version=request.POST.get("version", "")
            )
            return _("Signed. The note can no longer be changed; corrections are amendments.")

        back = reverse("admin:intake_reassessmentnote_change", args=[pk])
        return perform(request, back, sign)

    def render_change_form(self, request: HttpRequest, context: dict, *args, **kwargs):
        note = context.get("original")
        user = request.user
        if note is not None:
            context["note_version"] = services.note_version(note)
            context["is_author"] = note.author_id == user.pk and user.has_perm(
                "intake.change_reassessmentnote"
            )
            inquiry = note.inquiry
        else:
            target = self._target(request)
            inquiry = target[0] if target else None
        if inquiry is not None:
            context.update(
                {
                    "person": inquiry,
                    "person_facts": person_facts(inquiry),
                    "person_case": selectors.case_sections(inquiry, viewer=user),
                }
            )
        # Saving always comes back to the note's page, where it is marked ready or signed.
        context["show_save_and_add_another"] = False
        context["show_save_and_continue"] = False
        return super().render_change_form(request, context, *args, **kwargs)
