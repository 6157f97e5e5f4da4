"""The public ComebackForm: one required sentence, one way to reach the person, consent.

On a phone the page reaches Send in two screens: the message, "Are you safe right now?",
how to reach you and the OK come first; every other question is optional, says so, and
waits in "Tell us more, if you'd like" (closed until opened, with a Send of its own).
Error messages tell the person what to do, in plain, kind words.
"""

from __future__ import annotations

import secrets

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import validate_email
from django.http import QueryDict
from django.utils import timezone
from django.utils.functional import cached_property, lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import crypto
from .fields import BestTimeField, ChoiceField, Details, MultipleChoiceField, SiteChoiceField
from .models import Inquiry, Kind, Safety, Site

__all__ = [
    "AWAY_REASONS",
    "BEST_TIMES",
    "LAST_ATTENDED",
    "MESSAGE_MAX_LENGTH",
    "RENDER_SALT",
    "YES_NO",
    "BestTimeField",
    "ChoiceField",
    "ComebackForm",
    "Details",
    "MultipleChoiceField",
    "SiteChoiceField",
]

RENDER_SALT = "intake.form.rendered"
MESSAGE_MAX_LENGTH = 5000

AWAY_REASONS = [
    ("schedule", _("Schedule")),
    ("transportation", _("Transportation")),
    ("work", _("Work")),
    ("family", _("Family")),
    ("burnout", _("Burnout")),
    ("mental_health", _("My mental health got harder")),
    ("substance_use", _("Substance use")),
    ("loss", _("A loss")),
    ("not_improving", _("I felt I wasn't improving fast enough")),
    ("other", _("Something else")),
    ("prefer_not_to_say", _("I'd rather not say")),
]

YES_NO = [("", _("No preference")), ("yes", _("Yes")), ("no", _("No"))]
# One "any time" (left as it is, nothing is recorded: no preference), then the times of day.
BEST_TIMES = [
    ("", Inquiry.BestTime.ANY.label),
    *[(v, label) for v, label in Inquiry.BestTime.choices if v != Inquiry.BestTime.ANY],
]
# "I'm not sure" is where the question starts (nothing recorded), so it is offered once.
LAST_ATTENDED = [
    ("", _("I'm not sure")),
    *[
        (v, label)
        for v, label in Inquiry.LastAttended.choices
        if v != Inquiry.LastAttended.NOT_SURE
    ],
]


def _yes_no(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def _optional(label: str) -> str:
    # format_lazy keeps both parts lazy, so the label is translated per request, not at import.
    return format_lazy(_("{label} (optional)"), label=label)


def _consent_label() -> SafeString:
    """One OK, worded for the chosen way: both sentences are sent, the stylesheet shows the
    one that fits (``:has()``, no script), so a screen reader names the box by that one too.
    A browser without ``:has()`` shows the first, which covers texting by "the way I chose".
    """
    return format_html(
        '<span class="consent-any">{}</span><span class="consent-text">{}</span>',
        gettext("It's OK to contact me the way I chose above about coming back."),
        gettext(
            "It's OK to text me about coming back. We'll only text about getting you back in "
            "touch. Reply STOP any time to opt out."
        ),
    )


def _strip_controls(value: str) -> str:
    """Drop control characters a keyboard cannot type (keeps newlines and tabs)."""
    return "".join(ch for ch in value if ch in "\n\t" or (ord(ch) >= 32 and ord(ch) != 127))


class ComebackForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("One sentence is plenty. You don't have to explain."),
        widget=forms.Textarea(
            attrs={
                "rows": 2,
                "placeholder": _("For example: “I'm thinking about coming back. Is that okay?”"),
            }
        ),
        error_messages={
            "required": _("Please write a few words — even one sentence is enough."),
            "max_length": _(
                "That's a lot to read — please keep it under %(limit_value)d characters. "
                "You can tell us the rest when we talk."
            ),
        },
    )
    safety = ChoiceField(
        label=_optional(_("Are you safe right now?")),
        help_text=_("Your answer helps us know how quickly to reach out. You can skip it."),
        choices=Safety.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    kind = ChoiceField(
        label=_optional(_("What feels closest?")),
        choices=Kind.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    contact_method = ChoiceField(
        label=_("How would you like us to reach you?"),
        choices=Inquiry.ContactMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose how you'd like us to reach you.")},
    )
    email = forms.CharField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Needed if you'd like an e-mail."),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        help_text=_("Needed if you'd like a call or a text."),
    )
    preferred_name = forms.CharField(
        label=_optional(_("What should we call you?")),
        required=False,
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    voicemail_ok = ChoiceField(
        label=_optional(_("Is it OK to leave a voicemail?")),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
    )
    # For a call or an e-mail: texting may be OK too. Choosing "Text message" asks nothing
    # more: the consent box names texting and its tick records it (see clean).
    text_ok = forms.BooleanField(
        label=_(
            "Texting is OK. We'll only text about getting you back in touch. "
            "Reply STOP any time to opt out."
        ),
        required=False,
    )
    best_time = BestTimeField(
        label=_optional(_("Best time to reach you")),
        choices=BEST_TIMES,
        required=False,
    )
    site = SiteChoiceField(
        label=_optional(_("Which location?")),
        # Each form copies this (a fresh, lazy queryset: sites are read when it is drawn or
        # checked, never at import).
        queryset=Site.objects.filter(active=True),
        required=False,
        empty_label=_("No preference"),
    )
    care_format = ChoiceField(
        label=_optional(_("How would you like to meet?")),
        choices=Inquiry.CareFormat.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    pace = ChoiceField(
        label=_optional(_("What pace feels right to start?")),
        choices=Inquiry.Pace.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    one_on_one_first = ChoiceField(
        label=_optional(_("Would a one-on-one conversation first help you settle back in?")),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
    )
    open_to_new_group = ChoiceField(
        label=_optional(_("Would you be open to a different group or therapist?")),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
    )
    away_reasons = MultipleChoiceField(
        label=_optional(_("What took you away?")),
        help_text=_("You don't have to explain. Pick any that fit, or none."),
        choices=AWAY_REASONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    last_attended = ChoiceField(
        label=_optional(_("Roughly when were you last with us?")),
        choices=LAST_ATTENDED,
        required=False,
    )
    consent = forms.BooleanField(
        label=lazy(_consent_label, SafeString)(),
        error_messages={"required": _("Please tick this box so we have your OK to contact you.")},
    )
    # Hidden helpers: a honeypot people never see, the signed render time, a per-render token.
    website = forms.CharField(required=False, widget=forms.TextInput(), label=_("Leave this empty"))
    rendered_at = forms.CharField(required=False, widget=forms.HiddenInput)
    submission_token = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            # Carried over from a language switch when it has them (see ``carrying``).
            if "rendered_at" not in self.initial:
                self.initial["rendered_at"] = signing.dumps(
                    int(timezone.now().timestamp()), salt=RENDER_SALT
                )
            if "submission_token" not in self.initial:
                self.initial["submission_token"] = secrets.token_urlsafe(24)

    @classmethod
    def carrying(cls, data: QueryDict) -> ComebackForm:
        """An unfinished form as posted, to draw again in another language.

        Everything typed or chosen comes back as it was, and nothing is checked yet (the
        person has not pressed Send), so no error shows. The signed render time and the
        submission token are kept when they are sound, so the time already spent filling the
        form still counts.
        """
        visible = {
            name: field.widget.value_from_datadict(data, None, name)
            for name, field in cls.base_fields.items()
            if name not in ("rendered_at", "submission_token")
        }
        initial = {name: value for name, value in visible.items() if value is not None}
        if _signed_render_time(data.get("rendered_at", "")) is not None:
            initial["rendered_at"] = data["rendered_at"]
        if _sound_token(data.get("submission_token", "")):
            initial["submission_token"] = data["submission_token"]
        return cls(initial=initial)

    @cached_property
    def helper(self) -> FormHelper:
        """The crispy layout, built only when the form is drawn (a valid POST never is)."""
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.form_show_errors = True
        # What Send needs comes first, in two phone screens: the message, the safety question
        # (always above Send), how to reach the person and their OK. The rest is optional.
        helper.layout = Layout(
            Fieldset(
                _("Your message"),
                # The section title already says "Your message": the field's own label is
                # kept for assistive technology and hidden on screen (see reengage.css).
                Field("message", wrapper_class="label-echo"),
                Field("safety"),
            ),
            # How to reach the person and their OK, in one card: its first question ("How
            # would you like us to reach you?") is its title, so no second heading says it again.
            Div(
                Field("contact_method"),
                Field("email"),
                Field("phone"),
                Field("consent"),
                css_class="form-card",
            ),
            # Off screen, hidden from assistive technology and inert (never focusable, so no
            # aria-hidden content can take focus and browsers do not autofill it); bots that
            # read the HTML still see an ordinary text field.
            Div(
                Field("website", tabindex="-1", autocomplete="off"),
                css_class="hp-field",
                aria_hidden="true",
                inert=True,
            ),
            Submit("send", _("Send my message")),
            Details(
                _("Tell us more, if you'd like"),
                HTML(
                    format_lazy(
                        '<p class="fieldset-intro">{}</p>',
                        _("All of these are optional. Skip any you like."),
                    )
                ),
                Field("preferred_name"),
                Field("kind"),
                Field("best_time"),
                Field("voicemail_ok"),
                # Hidden while "Text message" is chosen: the OK above already says texting.
                Field("text_ok", wrapper_class="text-ok-extra"),
                Field("site"),
                Field("care_format"),
                Field("pace"),
                Field("one_on_one_first"),
                Field("open_to_new_group"),
                Field("last_attended"),
                Field("away_reasons"),
                Submit("send", _("Send my message"), css_id="submit-id-send-more"),
                css_class="more",
            ),
        )
        return helper

    # --- field cleaning --------------------------------------------------------------

    def clean_message(self) -> str:
        text = _strip_controls(self.cleaned_data["message"]).strip()
        if not text:
            raise forms.ValidationError(
                _("Please write a few words — even one sentence is enough."), code="required"
            )
        return text

    def clean_preferred_name(self) -> str:
        return " ".join(_strip_controls(self.cleaned_data["preferred_name"]).split())

    def clean_email(self) -> str:
        value = _strip_controls(self.cleaned_data["email"]).strip()
        if not value:
            return ""
        try:
            validate_email(value)
        except forms.ValidationError:
            raise forms.ValidationError(
                _(
                    "That e-mail address doesn't look complete. Could you check it? "
                    "It should look like name@example.com."
                ),
                code="invalid",
            ) from None
        return crypto.normalise_email(value)

    def clean_phone(self) -> str:
        value = _strip_controls(self.cleaned_data["phone"]).strip()
        if not value:
            return ""
        normalised = crypto.normalise_phone(value)
        if not normalised:
            raise forms.ValidationError(
                _(
                    "That phone number doesn't look complete. Please include the area code, "
                    "like 617 555 0123."
                ),
                code="invalid",
            )
        return normalised

    def clean_submission_token(self) -> str:
        token = self.cleaned_data["submission_token"]
        return token if _sound_token(token) else ""

    def clean(self) -> dict:
        data = super().clean()
        method = data.get("contact_method")
        if (
            method == Inquiry.ContactMethod.EMAIL
            and not data.get("email")
            and "email" not in self.errors
        ):
            self.add_error(
                "email",
                forms.ValidationError(
                    _("Please add an e-mail address so we can write back to you."), code="required"
                ),
            )
        if method in (Inquiry.ContactMethod.CALL, Inquiry.ContactMethod.TEXT):
            if not data.get("phone") and "phone" not in self.errors:
                self.add_error(
                    "phone",
                    forms.ValidationError(
                        _("Please add a phone number so we can reach you."), code="required"
                    ),
                )
        if method == Inquiry.ContactMethod.TEXT and data.get("consent"):
            # The one OK named texting: it is the text consent (its version and time are
            # recorded with the inquiry), so the separate box is not asked for.
            data["text_ok"] = True
        return data

    # --- helpers for the view ----------------------------------------------------------

    def honeypot_filled(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def filled_too_fast(self) -> bool:
        """True when the signed render time is missing, forged, or only seconds old."""
        rendered = _signed_render_time(self.data.get("rendered_at", ""))
        if rendered is None:
            return True
        # A person needs a few seconds to read and type; a script posts at once.
        return timezone.now().timestamp() - rendered < settings.INTAKE_MIN_FILL_SECONDS

    def submission_kwargs(self) -> dict:
        d = self.cleaned_data
        return {
            "message": d["message"],
            "contact_method": d["contact_method"],
            "consent": d["consent"],
            "email": d.get("email", ""),
            "phone": d.get("phone", ""),
            "preferred_name": d.get("preferred_name", ""),
            "kind": d.get("kind") or "",
            "safety": d.get("safety") or "",
            "voicemail_ok": _yes_no(d.get("voicemail_ok", "")),
            "text_ok": bool(d.get("text_ok")),
            "best_time": d.get("best_time", ""),
            "site_id": d["site"].pk if d.get("site") else None,
            "care_format": d.get("care_format", ""),
            "pace": d.get("pace", ""),
            "one_on_one_first": _yes_no(d.get("one_on_one_first", "")),
            "open_to_new_group": _yes_no(d.get("open_to_new_group", "")),
            "away_reasons": list(d.get("away_reasons") or []),
            "last_attended": d.get("last_attended", ""),
        }


def _signed_render_time(value) -> int | None:
    """The time the form was first drawn, from its signed field; None when forged or absent."""
    try:
        rendered = signing.loads(value or "", salt=RENDER_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return rendered if isinstance(rendered, int) else None


def _sound_token(token) -> bool:
    return bool(
        token
        and isinstance(token, str)
        and len(token) <= 64
        and token.isascii()
        and token.replace("-", "").replace("_", "").isalnum()
    )
