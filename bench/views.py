"""The two references served beside the real app in the same gunicorn (bench settings only).

* ``bare``: a view that does nothing — the framework's (and this middleware stack's) limit.
* ``minimal``: a CSRF-protected 3-field form, validated, one ORM INSERT, 303 — the floor any
  form POST pays. The intake POST is reported as a ratio of both.
"""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from .models import MinimalSignup


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


class MinimalForm(forms.Form):
    name = forms.CharField(max_length=80)
    email = forms.EmailField()
    message = forms.CharField(max_length=5000)


@never_cache
@csrf_protect
def minimal(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = MinimalForm(request.POST)
        if form.is_valid():
            MinimalSignup.objects.create(**form.cleaned_data)
            return HttpResponseRedirect("/bench/minimal/", status=303)
    else:
        form = MinimalForm()
    return render(request, "bench/minimal.html", {"form": form})
