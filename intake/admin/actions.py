"""How a staff action answers: the one place refusals and rejected forms become messages.

Every action on an inquiry or a note posts to its own URL and redirects back to the page it
came from, to the part of the page it was on, with a message saying what happened. A service's
``ActionRefused`` and a form that did not validate are both shown as an error message in the
staff person's language; neither writes anything (a refusal rolls its transaction back).
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from ..exceptions import ActionRefused


class FormRejected(Exception):
    """The action's form did not validate; its errors become messages."""

    def __init__(self, form: forms.Form) -> None:
        super().__init__("form rejected")
        self.form = form


def valid(form: forms.Form) -> dict:
    """The form's cleaned data, or ``FormRejected``."""
    if not form.is_valid():
        raise FormRejected(form)
    return form.cleaned_data


def form_messages(form: forms.Form) -> list[str]:
    lines = []
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        text = " ".join(str(e) for e in errors)
        lines.append(f"{label}: {text}" if label else text)
    return lines


def perform(
    request: HttpRequest, back: str, action: Callable[[], str | HttpResponse | None]
) -> HttpResponse:
    """Run ``action``; say what it did (its text) or why not, then go ``back``.

    An action may answer with a page of its own (a preview), which is returned as it is.
    """
    try:
        done = action()
    except ActionRefused as refused:
        messages.error(request, refused.message)
    except FormRejected as rejected:
        for line in form_messages(rejected.form):
            messages.error(request, line)
    else:
        if isinstance(done, HttpResponse):
            return done
        if done:
            messages.success(request, done)
    return redirect(back)
