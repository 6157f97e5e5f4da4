"""The public form's field classes and its one layout piece.

Choice fields that share their lists between copies of the form (building the form is most
of a visit's cost), the best-time and site fields, and ``Details``, a native ``<details>``
section for crispy layouts. ``intake.forms`` re-exports the public ones.
"""

from __future__ import annotations

import copy

from crispy_forms.layout import TEMPLATE_PACK, Div
from django import forms
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from .models import Inquiry, Site


class _SharedChoices:
    """A choice field whose list of choices is shared by every copy of the form.

    Django deep-copies each field for each form it builds. For a choice field that means
    walking its whole list of choices and normalising it again for the widget: most of the
    cost of building this form, which happens on every visit and every post. The lists here
    are never changed in place (a new list is assigned if they ever change), so a copy can
    share them; everything Django copies for other fields (widget attributes, error messages,
    validators) is still copied.
    """

    def __deepcopy__(self, memo):
        result = copy.copy(self)
        memo[id(self)] = result
        result.widget = copy.copy(self.widget)
        result.widget.attrs = self.widget.attrs.copy()
        memo[id(self.widget)] = result.widget
        result.error_messages = self.error_messages.copy()
        result.validators = self.validators[:]
        return result


class ChoiceField(_SharedChoices, forms.ChoiceField):
    pass


class MultipleChoiceField(_SharedChoices, forms.MultipleChoiceField):
    pass


class BestTimeField(ChoiceField):
    """One "Any time" (the empty answer). A page drawn before it was merged posts "any":
    the same answer, so it is read as such rather than refused."""

    def to_python(self, value) -> str:
        value = super().to_python(value)
        return "" if value == Inquiry.BestTime.ANY else value


class SiteChoiceField(forms.ModelChoiceField):
    """Sites by their name in the page's language (a program admin sets it in admin)."""

    def label_from_instance(self, obj: Site) -> str:
        return obj.local_name()


class Details(Div):
    """A native <details> section: closed on a fresh form, open once anything in it was
    answered or needs a look, so nothing typed or flagged is ever hidden."""

    template = "intake/layout/details.html"

    def __init__(self, summary, *fields, **kwargs) -> None:
        super().__init__(*fields, **kwargs)
        self.summary = summary

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs) -> SafeString:
        fields = self.get_rendered_fields(form, context, template_pack, **kwargs)
        names = [pointer.name for pointer in self.get_field_names()]
        is_open = any(form[name].errors or _answered(form[name].value()) for name in names)
        return render_to_string(self.template, {"div": self, "fields": fields, "open": is_open})


def _answered(value) -> bool:
    return value not in (None, "", [], (), False)
