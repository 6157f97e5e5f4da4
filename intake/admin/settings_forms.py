"""The settings screens' forms: real controls where program admins used to type codes.

Each control shows what is stored and stores what it shows, in the format the model has
always kept (no migration): a queue's or coordinator's languages are tick boxes over
``settings.LANGUAGES`` kept as the JSON list of codes (``["en", "es"]``); working days are
weekday tick boxes kept as ISO digits (``"12345"``); the time zone is a list of IANA zones,
the common US ones first; hours, holidays, phones and a queue's video-visit link use the
browser's time, date, phone and link inputs. Saving a form unchanged stores exactly what was
there: a language list keeps its order and a working-days string its spelling. A value saved
before these controls existed that is no longer offered (a language taken off the form, a
zone name that does not exist) is still shown as it is, so nothing is lost by looking; a zone
is refused on save until a real one is chosen. Every error says what to do, in plain words.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from .. import crypto, routing
from ..models import (
    CoordinatorProfile,
    CoordinatorQueue,
    Kind,
    Priority,
    QueueHoliday,
    ReplyTemplate,
    RoutingRule,
    Site,
)
from .settings_fields import (
    CalendarInput,
    ClockInput,
    LanguagesField,
    PlainWordsMixin,
    TimeZoneField,
    WorkDaysField,
    address_input,
    keep_order,
    language_choices,
    link_input,
    phone_input,
    stored_codes,
    time_zone_choices,
)


class SettingsForm(PlainWordsMixin, forms.ModelForm):
    """A settings screen's form: language lists read from and kept as their JSON lists."""

    language_lists: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stored_languages: dict[str, list[str]] = {}
        for name in self.language_lists:
            stored = stored_codes(self.initial.get(name))
            self._stored_languages[name] = stored
            self.initial[name] = stored
            self.fields[name].choices = language_choices(stored)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for name in self.language_lists:
            if name in cleaned:
                listed = [code for code, _label in self.fields[name].choices]
                cleaned[name] = keep_order(
                    cleaned[name] or [], self._stored_languages[name], listed
                )
        return cleaned

    def single_language(self, name: str, blank: Any = None) -> None:
        """A field holding one language code as a select (``blank``: the "any" option)."""
        stored = self.initial.get(name) or ""
        choices = language_choices([stored] if stored else [])
        self.fields[name] = forms.ChoiceField(
            label=self.fields[name].label,
            help_text=self.fields[name].help_text,
            required=blank is None,
            choices=([("", blank)] if blank is not None else []) + choices,
            error_messages={
                "invalid_choice": _("Please choose one of the languages listed."),
                "required": _("Please choose a language."),
            },
        )


# --- coordinator queues ----------------------------------------------------------------------


class QueueForm(SettingsForm):
    """A coordinator queue: who, in which languages, on what hours, and where alerts go."""

    language_lists = ("languages",)

    languages = LanguagesField(
        label=_("Languages"),
        help_text=_("The languages this team answers in. Tick every one that applies."),
    )
    time_zone = TimeZoneField(
        label=_("Time zone"),
        help_text=_("Working hours, holidays and the promise to people are counted in it."),
    )
    work_days = WorkDaysField(
        label=_("Working days"),
        help_text=_("The days the team works. Holidays below are taken off these."),
    )
    video_visit_url = forms.URLField(
        label=_("Video-visit link"),
        required=False,
        max_length=200,
        assume_scheme="https",
        widget=link_input(),
        help_text=_(
            "The link people open to join a virtual reassessment with this team, sent in "
            "their confirmation (e-mail and text). Leave it empty and coordinators are told, "
            "before they schedule a virtual visit, that they will need to send it themselves."
        ),
    )

    class Meta:
        model = CoordinatorQueue
        fields = [
            "name",
            "slug",
            "is_default",
            "sites",
            "languages",
            "members",
            "time_zone",
            "work_days",
            "work_start",
            "work_end",
            "first_contact_promise_hours",
            "review_promise_hours",
            "urgent_promise_minutes",
            "max_unanswered_attempts",
            "alert_email",
            "on_call_phone",
            "escalation_email",
            "escalation_minutes",
            "reply_to_email",
            "video_visit_url",
        ]
        widgets = {
            "work_start": ClockInput(),
            "work_end": ClockInput(),
            "on_call_phone": phone_input(),
        }
        error_messages = {
            "slug": {
                "unique": _("Another queue already uses this short name. Please choose another.")
            },
            "work_start": {"required": _("Please enter when the working day starts, like 09:00.")},
            "work_end": {"required": _("Please enter when the working day ends, like 17:30.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stored_work_days = str(self.initial.get("work_days") or "")
        self.initial["work_days"] = sorted(
            str(day) for day in routing.parse_work_days(self._stored_work_days)
        )
        stored_zone = str(self.initial.get("time_zone") or "")
        self.fields["time_zone"].choices = time_zone_choices(stored_zone)

    def clean_work_days(self) -> str:
        chosen = frozenset(int(day) for day in self.cleaned_data["work_days"])
        if chosen == routing.parse_work_days(self._stored_work_days):
            return self._stored_work_days  # unchanged: stored as it was spelled
        return "".join(str(day) for day in sorted(chosen))

    def clean_on_call_phone(self) -> str:
        typed = (self.cleaned_data.get("on_call_phone") or "").strip()
        if not typed:
            return ""
        number = crypto.normalise_phone(typed)
        if not number:
            raise forms.ValidationError(
                _(
                    "That phone number doesn't look complete. Please include the area code, "
                    "like 617 555 0123."
                ),
                code="invalid",
            )
        return number

    def clean_video_visit_url(self) -> str:
        link = (self.cleaned_data.get("video_visit_url") or "").strip()
        if link and not link.lower().startswith("https://"):
            raise forms.ValidationError(
                _(
                    "Please use the secure link, the one that starts with https://, so people's "
                    "phones open it without a warning."
                ),
                code="not_https",
            )
        return link

    def clean_is_default(self) -> bool:
        wanted = self.cleaned_data.get("is_default", False)
        other = (
            CoordinatorQueue.objects.filter(is_default=True).exclude(pk=self.instance.pk).first()
            if wanted
            else None
        )
        if other is not None:
            raise forms.ValidationError(
                _(
                    "“%(name)s” is already the default queue, and there can be only one. "
                    "Untick this box, or untick “default queue” on “%(name)s” first."
                ),
                params={"name": other.name},
                code="one_default",
            )
        return wanted

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("work_start"), cleaned.get("work_end")
        if start and end and start >= end:
            self.add_error(
                "work_end",
                forms.ValidationError(
                    _(
                        "The working day has to end after it starts. Please choose an end "
                        "time later than %(start)s."
                    ),
                    params={"start": start.strftime("%H:%M")},
                    code="ends_before_start",
                ),
            )
        return cleaned


class HolidayForm(PlainWordsMixin, forms.ModelForm):
    class Meta:
        model = QueueHoliday
        fields = ["date", "name"]
        widgets = {"date": CalendarInput()}
        error_messages = {
            "date": {"required": _("Please pick the holiday's date, or remove this row.")}
        }


class HolidayFormSet(BaseInlineFormSet):
    """A queue's holidays: one row per day, said plainly when a day is listed twice."""

    def get_unique_error_message(self, unique_check: Iterable[str]) -> str:
        return str(_("The same date is listed twice. Please remove one of the two rows."))

    def get_form_error(self) -> str:
        return str(_("This date is already listed above. Please change it or remove this row."))


# --- the other settings screens ---------------------------------------------------------------


class SiteForm(SettingsForm):
    class Meta:
        model = Site
        fields = ["name", "name_es", "name_pt_br", "slug", "active", "order", "phone", "address"]
        widgets = {"phone": phone_input(), "address": address_input()}
        help_texts = {
            "address": _(
                "Where people come for an in-person reassessment, as it should appear in their "
                "confirmation (street, floor, entrance). It is sent by text too: write the "
                "street address only, with no words about care."
            )
        }
        error_messages = {
            "name": {"required": _("Please give the site a name, as people will see it.")},
            "slug": {
                "unique": _("Another site already uses this short name. Please choose another.")
            },
        }


class RoutingRuleForm(SettingsForm):
    class Meta:
        model = RoutingRule
        fields = ["order", "queue", "site", "language", "kind", "priority", "active"]
        error_messages = {
            "queue": {"required": _("Please choose the queue these inquiries go to.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.single_language("language", blank=_("Any language"))
        blanks = {"kind": (_("Any kind"), Kind), "priority": (_("Any risk level"), Priority)}
        for name, (blank, choices) in blanks.items():
            if name in self.fields:
                self.fields[name].choices = [("", blank), *choices.choices]
        if "site" in self.fields:
            self.fields["site"].empty_label = _("Any site")


class CoordinatorProfileForm(SettingsForm):
    language_lists = ("languages",)

    languages = LanguagesField(
        label=_("Languages"),
        help_text=_("The languages this coordinator speaks with people. Tick every one."),
    )

    class Meta:
        model = CoordinatorProfile
        fields = ["user", "languages", "active"]


class ReplyTemplateForm(SettingsForm):
    class Meta:
        model = ReplyTemplate
        fields = ["queue", "language", "title", "body", "not_for_urgent", "active"]
        error_messages = {
            "title": {"required": _("Please give the template a short title.")},
            "body": {"required": _("Please write the reply's text.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.single_language("language")
        if "queue" in self.fields:
            self.fields["queue"].empty_label = _("Every queue")
