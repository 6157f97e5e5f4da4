"""Reassessment notes: clinicians write and read them, clinical reviewers sign them.

A reviewer signs from the note's page after reading it; the sign form carries the version
they read, so a draft changed meanwhile is refused and shown again. Nobody edits a signed
note: a correction is an amendment that points at it.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from .. import keep_work, services, tone
from ..exceptions import ActionRefused
from ..models import AuditEvent, Inquiry, ReassessmentNote
from .actions import perform
from .forms import ReassessmentNoteForm


@admin.register(ReassessmentNote)
class ReassessmentNoteAdmin(admin.ModelAdmin):
    """Clinical notes: clinicians write and read, reviewers sign, nobody edits a signed note."""

    form = ReassessmentNoteForm
    list_display = ("__str__", "inquiry_short", "author", "state", "signed_by", "signed_at")
    list_filter = ("state",)
    list_select_related = ("inquiry", "author", "signed_by")
    raw_id_fields = ("inquiry", "amends")
    change_form_template = "admin/intake/reassessmentnote/change_form.html"

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        # Plain querysets: the worklist's annotated ordering does not apply to a raw-id field.
        if db_field.name == "inquiry":
            kwargs["queryset"] = Inquiry.objects.all()
        elif db_field.name == "amends":
            signed = ReassessmentNote.State.SIGNED
            kwargs["queryset"] = ReassessmentNote.objects.filter(state=signed)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request: HttpRequest) -> QuerySet[ReassessmentNote]:
        if not request.user.has_perm("intake.view_reassessmentnote"):
            return ReassessmentNote.objects.none()
        return super().get_queryset(request).select_related("inquiry", "author", "signed_by")

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        if obj is None:
            return True
        # Drafts are their author's alone; a signed note is never edited, superusers included.
        return obj.state == ReassessmentNote.State.DRAFT and obj.author_id == request.user.pk

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description=_("inquiry"))
    def inquiry_short(self, obj: ReassessmentNote) -> str:
        return obj.inquiry.short_id

    def get_form(self, request: HttpRequest, obj=None, change: bool = False, **kwargs):
        """The admin's form; drawn with what was typed into it before a sign-out, if anything."""
        form = super().get_form(request, obj, change, **kwargs)
        kept = keep_work.kept_work(request)
        # The admin's form posts to its own page.
        return kept.restoring(form, request.path) if kept else form

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        initial = super().get_changeform_initial_data(request)
        amends = request.GET.get("amends")
        if amends and amends.isdigit():
            original = self.get_queryset(request).filter(pk=amends).first()
            if original is not None:
                initial.update({name: getattr(original, name) for name in services.NOTE_FIELDS})
                initial["plan_codes"] = original.plan_codes
                initial["inquiry"] = original.inquiry_id
        return initial

    def save_model(self, request: HttpRequest, obj: ReassessmentNote, form, change: bool) -> None:
        fields = form.note_fields()
        try:
            if change:
                saved = services.note_update(actor=request.user, note_id=obj.pk, fields=fields)
            else:
                saved = services.note_add(
                    actor=request.user,
                    inquiry_id=obj.inquiry_id,
                    fields=fields,
                    amends_id=obj.amends_id,
                )
        except ActionRefused as refused:
            raise PermissionDenied(refused.message) from refused
        obj.pk = saved.pk
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
                "<int:pk>/sign/",
                self.admin_site.admin_view(self.sign_view),
                name="intake_reassessmentnote_sign",
            ),
            *super().get_urls(),
        ]

    def sign_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Sign the note as it was shown: the form carries the version the reviewer read."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        note = self.get_queryset(request).filter(pk=pk).first()
        if note is None:
            raise Http404
        if not request.user.has_perm("intake.sign_reassessmentnote"):
            raise PermissionDenied

        def sign() -> str:
            services.note_sign(
                actor=request.user, note_id=note.pk, version=request.POST.get("version", "")
            )
            return _("Signed. The note can no longer be changed; corrections are amendments.")

        back = reverse("admin:intake_reassessmentnote_change", args=[pk])
        return perform(request, back, sign)

    def render_change_form(self, request: HttpRequest, context: dict, *args, **kwargs):
        note = context.get("original")
        if note is not None:
            context["note_version"] = services.note_version(note)
        return super().render_change_form(request, context, *args, **kwargs)
