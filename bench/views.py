"""The references served beside the real app in the same gunicorn (bench settings only).

* ``bare``: a view that does nothing — the framework's (and this middleware stack's) limit.
* ``minimal``: a CSRF-protected 3-field form, validated, one ORM INSERT, 303 — the floor any
  form POST pays. The intake POST is reported as a ratio of both.
* ``floor``: the minimal form, then only what the design makes every accepted inquiry cost
  (the flow of an inquiry): in one transaction the inquiry row, its acknowledgement row
  and their two timeline events, then one message on Redis. The statements are written once
  per process from the real models, so each POST pays no ORM, no encryption, no screening
  and no Celery — the lowest an intake POST could cost on this machine without dropping a
  write the design asks for. ``floor / minimal`` is therefore the best ``intake / minimal``
  any implementation of this design can reach here.
"""

from __future__ import annotations

import functools
import secrets
import uuid
from datetime import timedelta

import redis
from django import forms
from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from intake.models import Inquiry, InquiryEvent, OutboundMessage

from .models import MinimalSignup

FLOOR_TOKEN_PREFIX = "bench-floor-"  # the runner deletes these inquiries after each floor run
FLOOR_REDIS_KEY = "bench:floor"


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


class MinimalForm(forms.Form):
    name = forms.CharField(max_length=80)
    email = forms.EmailField()
    message = forms.CharField(max_length=5000)


def _reference_form(request: HttpRequest, path: str, accept) -> HttpResponse:
    """The 3-field form both references share: drawn, validated, ``accept``ed, 303."""
    if request.method == "POST":
        form = MinimalForm(request.POST)
        if form.is_valid():
            accept(form.cleaned_data)
            return HttpResponseRedirect(path, status=303)
    else:
        form = MinimalForm()
    return render(request, "bench/minimal.html", {"form": form})


@never_cache
@csrf_protect
def minimal(request: HttpRequest) -> HttpResponse:
    return _reference_form(
        request, "/bench/minimal/", lambda data: MinimalSignup.objects.create(**data)
    )


# --- The design floor ---------------------------------------------------------------------


class _Insert:
    """One INSERT of ``rows`` model instances, its SQL and parameters built once.

    ``params(**swap)`` gives a fresh parameter list with the named columns replaced (the
    same value in every row; a callable is called for each row), so repeated inserts do not
    collide on unique columns.
    """

    def __init__(self, model, rows: list) -> None:
        fields = [f for f in model._meta.local_concrete_fields if not f.primary_key]
        qn = connection.ops.quote_name
        row = "(" + ", ".join(["%s"] * len(fields)) + ")"
        self.sql = (
            f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) "
            f"VALUES {', '.join([row] * len(rows))} RETURNING {qn(model._meta.pk.column)}"
        )
        self.fields = fields * len(rows)
        self.template = [
            f.get_db_prep_save(f.pre_save(obj, add=True), connection)
            for obj in rows
            for f in fields
        ]

    def params(self, **swap) -> list:
        out = []
        for field, value in zip(self.fields, self.template, strict=True):
            if field.attname in swap:
                new = swap[field.attname]
                value = field.get_db_prep_save(new() if callable(new) else new, connection)
            out.append(value)
        return out


@functools.cache
def _floor_statements() -> tuple[_Insert, _Insert, _Insert]:
    """A realistic inquiry (its four encrypted fields encrypted once), ack and two events."""
    inquiry = Inquiry(
        message="Hi, I stopped coming in the spring when my work schedule changed. I'd like to "
        "try again, maybe an evening group if there is one.",
        preferred_name="Sam",
        email="floor@example.com",
        contact_method=Inquiry.ContactMethod.EMAIL,
        consent=True,
        consent_version=settings.CONSENT_VERSION,
        consent_at=timezone.now(),
        contact_hash="0" * 64,
        other_contact_hash="",
    )
    message = OutboundMessage(
        inquiry_id=0,
        kind=OutboundMessage.Kind.ACKNOWLEDGEMENT,
        channel=OutboundMessage.Channel.EMAIL,
        template_key="acknowledgement",
        language="en",
        # Never due: no worker in the run may take a floor row for a real one.
        next_attempt_at=timezone.now() + timedelta(days=3650),
    )
    events = [
        InquiryEvent(inquiry_id=0, kind=InquiryEvent.Kind.SUBMITTED, to_state="new"),
        InquiryEvent(inquiry_id=0, kind=InquiryEvent.Kind.MESSAGE_QUEUED, to_state="pending"),
    ]
    return (
        _Insert(Inquiry, [inquiry]),
        _Insert(OutboundMessage, [message]),
        _Insert(InquiryEvent, events),
    )


def floor_write() -> int:
    """The design's writes for one inquiry, in one transaction; the inquiry's id."""
    inquiry, message, events = _floor_statements()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            inquiry.sql,
            inquiry.params(
                public_id=uuid.uuid4,
                submission_token=lambda: FLOOR_TOKEN_PREFIX + secrets.token_urlsafe(16),
                contact_hash=lambda: secrets.token_hex(32),
            ),
        )
        inquiry_id = cursor.fetchone()[0]
        cursor.execute(message.sql, message.params(public_id=uuid.uuid4, inquiry_id=inquiry_id))
        cursor.execute(events.sql, events.params(inquiry_id=inquiry_id))
    return inquiry_id


def floor_clear() -> int:
    """Delete the floor's inquiries with their rows (the runner, untimed, after each run)."""
    deleted, _by_model = Inquiry.objects.filter(
        submission_token__startswith=FLOOR_TOKEN_PREFIX
    ).delete()
    return deleted


@functools.cache
def _floor_redis(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)


# A task message of the size Celery publishes for one delivery (~1 KB of JSON envelope).
_FLOOR_TASK_MESSAGE = b"x" * 1024


@never_cache
@csrf_protect
def floor(request: HttpRequest) -> HttpResponse:
    def accept(_data: dict) -> None:
        floor_write()
        _floor_redis(settings.CELERY_BROKER_URL).lpush(FLOOR_REDIS_KEY, _FLOOR_TASK_MESSAGE)

    return _reference_form(request, "/bench/floor/", accept)
