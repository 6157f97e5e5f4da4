"""What a staff member typed survives the end of their session; the keep-alive ping.

A staff form carries a hidden field (``{% keep_work_field %}``, ``templatetags/staff_session``):
the signed id of the user it was drawn for and the page it sits on. When such a form is posted
after the session has ended (the idle limit, or the absolute cap mid-request), the posted
fields are kept, nothing is done, and the person is sent to sign in with ``next`` = that page
(its GET address, never the handler it posts to, which only answers POST).

What was typed is kept server-side only: a Fernet token (``crypto.encrypt``, the field
encryption keys) in the cache for ``KEEP_SECONDS``, under a random id that the new anonymous
session holds. It never goes into a URL, a cookie or the browser's storage. Once the same user
has signed in (both steps) and opens that page, the page draws the form again with what they
typed (``kept_work(request).restore(form, action)``) and a notice; nothing is saved until they
press the button again. Signing in as anyone else deletes it unread.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.messages.storage import default_storage
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import crypto
from .security import admin_next, is_admin_path, redirect_with_next

logger = logging.getLogger(__name__)

FIELD_NAME = "_keep_work"
SALT = "reengage.keep-work"
SESSION_KEY = "reengage_kept_work"
CACHE_PREFIX = "reengage:kept-work:"
KEEP_SECONDS = 15 * 60
NOTICE_ID = "kept-work-notice"
# Never kept: the CSRF token and this module's own field.
_NOT_KEPT = frozenset({"csrfmiddlewaretoken", FIELD_NAME})


def field_value(request: HttpRequest, *, keep: bool = True, page: str | None = None) -> str:
    """The signed hidden value for a form on ``page`` (default: the page being drawn).

    ``keep=False`` for a form with nothing typed (a lone button): after signing in the person
    comes back to the page, and nothing is kept.
    """
    return signing.dumps(
        {"u": request.user.pk, "p": page or request.get_full_path(), "k": int(keep)}, salt=SALT
    )


def _signed(request: HttpRequest) -> dict | None:
    try:
        value = signing.loads(request.POST.get(FIELD_NAME, ""), salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("u"), int):
        return None
    page = value.get("p")
    if not isinstance(page, str) or admin_next(request, page) is None:
        return None
    return value


def _cache_key(stash_id: str) -> str:
    return CACHE_PREFIX + stash_id


def _forget(request: HttpRequest) -> None:
    stash_id = request.session.pop(SESSION_KEY, None)
    if stash_id:
        try:
            cache.delete(_cache_key(stash_id))
        except Exception:  # noqa: BLE001 - it expires on its own
            logger.warning("kept work: cache unavailable, left to expire")


def _stash(request: HttpRequest, user_id: int, page: str) -> bool:
    """Keep the posted fields, encrypted, for this (new, anonymous) session. False if not kept."""
    payload = {
        "user": user_id,
        "page": page,
        "action": request.path,
        "fields": [[k, request.POST.getlist(k)] for k in request.POST if k not in _NOT_KEPT],
        "at": time.time(),
    }
    stash_id = secrets.token_urlsafe(32)
    try:
        cache.set(_cache_key(stash_id), crypto.encrypt(json.dumps(payload)), KEEP_SECONDS)
    except Exception:  # noqa: BLE001 - an unreachable cache must not turn into an error page
        logger.warning("kept work: cache unavailable, a signed-out post was not kept")
        return False
    _forget(request)  # one stash per session: an earlier one is replaced
    request.session[SESSION_KEY] = stash_id
    return True


def _load(request: HttpRequest) -> dict | None:
    stash_id = request.session.get(SESSION_KEY)
    if not stash_id:
        return None
    try:
        token = cache.get(_cache_key(stash_id))
        payload = json.loads(crypto.decrypt(token)) if token else None
    except Exception:  # noqa: BLE001 - unreadable or unreachable: as if it had expired
        payload = None
    if not isinstance(payload, dict) or time.time() - payload.get("at", 0) > KEEP_SECONDS:
        _forget(request)
        return None
    return payload


@dataclass
class KeptWork:
    """What was typed on this page before the session ended, ready to draw into its form."""

    action: str
    data: QueryDict

    def restore(self, form: forms.Form, action: str) -> bool:
        """Fill ``form`` (unbound) with what was posted to ``action``; False if it was not."""
        if form.is_bound or urlsplit(action).path != urlsplit(self.action).path:
            return False
        first = None
        for name, form_field in form.fields.items():
            key, widget = form.add_prefix(name), form_field.widget
            if form_field.disabled or widget.value_omitted_from_data(self.data, {}, key):
                continue
            form.initial[name] = widget.value_from_datadict(self.data, {}, key)
            if first is None and not widget.is_hidden:
                first = name
        if first is not None:
            described = [NOTICE_ID]
            if form.fields[first].help_text and form[first].auto_id:
                described.append(f"{form[first].auto_id}_helptext")
            form.fields[first].widget.attrs.update(
                {"autofocus": True, "aria-describedby": " ".join(described)}
            )
        form.kept_work = True  # read by {% keep_work_field %}: the notice
        return True

    def restoring(self, form_class: type[forms.BaseForm], action: str) -> type[forms.BaseForm]:
        """``form_class``, drawing what was kept when it is made unbound (Django admin's forms)."""
        kept = self

        class Restored(form_class):
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, **kwargs)
                kept.restore(self, action)

        Restored.__name__ = Restored.__qualname__ = form_class.__name__
        return Restored


def kept_work(request: HttpRequest) -> KeptWork | None:
    """What this user typed on this page before their session ended, taken once.

    Only on a GET by the user the form was drawn for, on the page it was on; the stash is
    deleted as it is read, so a reload shows the page as it is.
    """
    if hasattr(request, "_kept_work"):
        return request._kept_work
    found = None
    user = getattr(request, "user", None)
    if request.method == "GET" and user is not None and user.is_authenticated:
        payload = _load(request)
        if payload is not None and payload.get("user") != user.pk:
            _forget(request)
        elif payload is not None and urlsplit(payload["page"]).path == request.path:
            _forget(request)
            data = QueryDict(mutable=True)
            for name, values in payload["fields"]:
                data.setlist(name, values)
            found = KeptWork(action=payload["action"], data=data)
    request._kept_work = found
    return found


def _tell(request: HttpRequest, response: HttpResponse, text: str) -> HttpResponse:
    """A message for the sign-in page (MessageMiddleware has not run, or has run already)."""
    storage = getattr(request, "_messages", None) or default_storage(request)
    storage.add(messages.WARNING, text)
    storage.update(response)
    return response


def _csrf_passes(request: HttpRequest) -> bool:
    # The view's CSRF check has not run yet (it runs after every middleware's __call__).
    return CsrfViewMiddleware(lambda r: HttpResponse()).process_view(request, None, (), {}) is None


class KeepWorkMiddleware:
    """A staff form posted after its session ended: keep what was typed, go back to its page.

    Placed before ``SessionLimitsMiddleware`` so that it also sees a post that the absolute cap
    signs out mid-request. Signing in as a different user deletes what was kept.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_admin_path(request):
            return self.get_response(request)
        user = request.user
        signed_in_as = user.pk if user.is_authenticated else None
        if signed_in_as is not None:
            payload = _load(request)
            if payload is not None and payload.get("user") != signed_in_as:
                _forget(request)  # someone else signed in: never shown to them
        elif response := self._keep(request, signed_in_as=None):
            return response
        response = self.get_response(request)
        if signed_in_as is not None and not request.user.is_authenticated:
            # Signed out during this request (the absolute cap): same as an ended session.
            return self._keep(request, signed_in_as=signed_in_as) or response
        return response

    def _keep(self, request: HttpRequest, *, signed_in_as: int | None) -> HttpResponse | None:
        if request.method != "POST" or FIELD_NAME not in request.POST:
            return None
        signed = _signed(request)
        if signed is None or signed_in_as not in (None, signed["u"]):
            return None
        if not _csrf_passes(request):
            return None  # Django refuses it as it would have
        page = signed["p"]
        response = redirect_with_next("admin:login", page)
        if not signed.get("k"):
            return _tell(
                request,
                response,
                _(
                    "Your session ended before that went through, so nothing changed. Please "
                    "sign in and press the button again."
                ),
            )
        if _stash(request, signed["u"], page):
            return _tell(
                request,
                response,
                _(
                    "Your session ended, so nothing was saved. Sign in again within "
                    "%(minutes)d minutes and what you typed will be waiting on the page."
                )
                % {"minutes": KEEP_SECONDS // 60},
            )
        return _tell(
            request,
            response,
            _("Your session ended, so nothing was saved, and what you typed could not be kept."),
        )


@require_POST
def keep_alive(request: HttpRequest) -> JsonResponse:
    """Answers "Stay signed in": this request renewed the session (SESSION_SAVE_EVERY_REQUEST)."""
    return JsonResponse({"idle_seconds": settings.SESSION_COOKIE_AGE})
