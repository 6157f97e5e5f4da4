"""The settings screens' controls and choices: what replaces a code typed by hand.

The languages (``settings.LANGUAGES``), the weekdays (ISO digits, Monday = 1, named in the
staff member's language) and the IANA time zones (the common US ones first) as choices; the
browser's time, date, phone and link inputs and a short box for an address; and
``PlainWordsMixin``, which says Django's own error messages as what to do instead.
``settings_forms`` puts them together per screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django import forms
from django.conf import settings
from django.utils.dates import WEEKDAYS
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .. import routing

# --- the choices ---------------------------------------------------------------------------

# Listed first, in this order, before every other zone: where our programs are.
COMMON_US_ZONES = (
    ("America/New_York", _("Eastern")),
    ("America/Chicago", _("Central")),
    ("America/Denver", _("Mountain")),
    ("America/Phoenix", _("Arizona, no daylight saving")),
    ("America/Los_Angeles", _("Pacific")),
    ("America/Anchorage", _("Alaska")),
    ("Pacific/Honolulu", _("Hawaii")),
    ("America/Puerto_Rico", _("Atlantic, Puerto Rico")),
)
# Not places: "localtime" is whatever the server is set to, "Factory" a placeholder.
NOT_ZONES = frozenset({"localtime", "Factory"})
# ISO weekday digits, Monday = 1, named in the staff member's language (Django's catalogue).
WEEKDAY_CHOICES = [(str(number), WEEKDAYS[number - 1]) for number in range(1, 8)]


@cache
def known_time_zones() -> frozenset[str]:
    """Every IANA zone this machine can load (read once: the list is long)."""
    return frozenset(available_timezones() - NOT_ZONES)


def time_zone_choices(stored: str = "") -> list:
    """The common US zones first, then every other zone A to Z; a stored unknown name on top."""
    known = known_time_zones()
    common = [
        (zone, format_lazy("{zone} — {name}", zone=zone, name=name))
        for zone, name in COMMON_US_ZONES
        if zone in known
    ]
    rest = sorted(known - {zone for zone, _name in common})
    choices: list = [
        (_("Common in the United States"), common),
        (_("Every time zone, A to Z"), [(zone, zone) for zone in rest]),
    ]
    if stored and stored not in known:
        choices.insert(0, (_("Saved before, but not a time zone we know"), [(stored, stored)]))
    return choices


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def language_choices(stored: Iterable[str] = ()) -> list[tuple[str, Any]]:
    """The form's languages; a stored code no longer offered is kept, marked, to untick."""
    choices: list[tuple[str, Any]] = list(settings.LANGUAGES)
    offered = {code for code, _name in choices}
    choices += [
        (code, format_lazy("{code} ({note})", code=code, note=_("no longer on the form")))
        for code in dict.fromkeys(stored)
        if code not in offered
    ]
    return choices


def stored_codes(value: Any) -> list[str]:
    """A JSON language list as codes (a bare code saved by hand counts as a list of one)."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        return [str(code) for code in value]
    return []


def keep_order(chosen: Iterable[str], stored: Iterable[str], listed: Iterable[str]) -> list[str]:
    """The ticked codes: those already stored in their stored order, then new ones as listed."""
    chosen = set(chosen)
    kept = [code for code in dict.fromkeys(stored) if code in chosen]
    return kept + [code for code in dict.fromkeys(listed) if code in chosen and code not in kept]


def languages_shown(value: Any) -> str:
    return ", ".join(language_name(code) for code in stored_codes(value)) or str(_("None"))


def work_days_shown(value: str) -> str:
    return ", ".join(str(WEEKDAYS[day - 1]) for day in sorted(routing.parse_work_days(value)))


# --- the controls --------------------------------------------------------------------------


class ClockInput(forms.TimeInput):
    """The browser's time control (hours and minutes; seconds only when some are stored)."""

    input_type = "time"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%H:%M")

    def format_value(self, value: Any) -> Any:
        if isinstance(value, time) and value.second:
            return value.strftime("%H:%M:%S")
        return super().format_value(value)

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        if isinstance(value, time) and value.second:
            # Without it the browser would call a stored 09:00:30 "not a valid time".
            context["widget"]["attrs"]["step"] = "1"
        return context


class CalendarInput(forms.DateInput):
    """The browser's date control: it posts and shows ISO dates (2026-12-25)."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def phone_input() -> forms.TextInput:
    return forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"})


def address_input() -> forms.Textarea:
    """A few lines for a street address (street, floor, entrance), not a page of text."""
    return forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"})


def link_input() -> forms.URLInput:
    """The browser's link input: a phone's keyboard offers "/" and ".com"."""
    return forms.URLInput(attrs={"inputmode": "url", "spellcheck": "false"})


class LanguagesField(forms.MultipleChoiceField):
    """Tick boxes of the form's languages; ``clean_<name>`` keeps the stored order."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_choice": _(
                    "“%(value)s” is not one of the form's languages. Please tick only the "
                    "languages listed."
                )
            },
        )
        super().__init__(choices=language_choices, **kwargs)


class WorkDaysField(forms.MultipleChoiceField):
    """Monday to Sunday as tick boxes; at least one, or the promise could never come due."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "error_messages",
            {
                "required": _(
                    "Please tick at least one working day: the first-contact promise is "
                    "counted on working days only."
                ),
                "invalid_choice": _("Please tick days from Monday to Sunday only."),
            },
        )
        super().__init__(choices=WEEKDAY_CHOICES, **kwargs)


class TimeZoneField(forms.ChoiceField):
    """One IANA zone from the list; a name that is not a real zone is refused kindly."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "error_messages",
            {
                "required": _(
                    "Please choose the queue's time zone: its working hours and holidays are "
                    "counted in it."
                ),
                "invalid_choice": _(
                    "“%(value)s” is not a time zone we know. Please choose the queue's time "
                    "zone from the list, for example America/New_York for Eastern time."
                ),
            },
        )
        super().__init__(choices=time_zone_choices, **kwargs)

    def valid_value(self, value: Any) -> bool:
        if value not in known_time_zones():
            return False
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            return False
        return True


# --- plain words for Django's own messages -------------------------------------------------

KIND_MESSAGES: dict[type, dict[str, Any]] = {
    forms.EmailField: {
        "invalid": _("Please enter a whole e-mail address, like on-duty@example.org.")
    },
    forms.DecimalField: {
        "invalid": _("Please enter a number, like 8 or 4.5."),
        "max_decimal_places": _("Please use at most %(max)s digits after the decimal point."),
        "max_digits": _("Please enter a smaller number (at most %(max)s digits)."),
        "max_whole_digits": _("Please enter a smaller number (at most %(max)s digits)."),
    },
    forms.IntegerField: {"invalid": _("Please enter a whole number, like 30.")},
    forms.URLField: {
        "invalid": _(
            "Please paste the whole link, starting with https://, like "
            "https://video.example.org/our-team."
        )
    },
    forms.SlugField: {
        "invalid": _(
            "Please use only letters, numbers, hyphens and underscores, like general-intake."
        )
    },
    forms.TimeField: {"invalid": _("Please enter a time like 09:00 or 17:30.")},
    forms.DateField: {"invalid": _("Please enter a date like 2026-12-25, or pick one.")},
    forms.ModelChoiceField: {
        "invalid_choice": _("That choice is no longer there. Please choose again from the list.")
    },
    forms.ModelMultipleChoiceField: {
        "invalid_choice": _("One of those is no longer there. Please tick again from the list.")
    },
}
LIMIT_MESSAGES = {
    "min_value": _("Please enter %(limit_value)s or more."),
    "max_value": _("Please enter %(limit_value)s or less."),
    "max_length": _("Please shorten this to at most %(limit_value)d characters."),
}


class PlainWordsMixin:
    """Django's terse defaults ("This field is required.") said as what to do instead.

    Only a field's default messages are replaced: one a form gives on purpose stays. The
    codes of the length and size limits cover their validators too (a field's message for a
    code wins over its validator's).
    """

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            ours = {"required": _("Please fill this in."), **LIMIT_MESSAGES}
            for kind in reversed(type(field).__mro__):  # the most specific kind wins
                ours.update(KIND_MESSAGES.get(kind, {}))
            defaults = _default_messages(field)
            for code, message in ours.items():
                if field.error_messages.get(code, defaults.get(code)) is defaults.get(code):
                    field.error_messages[code] = message


def _default_messages(field: forms.Field) -> dict[str, Any]:
    messages: dict[str, Any] = {}
    for klass in reversed(type(field).__mro__):
        messages.update(getattr(klass, "default_error_messages", {}))
    return messages
