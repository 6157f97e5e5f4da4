"""SMS channel behind one small interface; the backend is chosen by ``SMS_BACKEND``.

Development writes texts to files (var/sms/) or the console; tests keep them in memory.
"""

from __future__ import annotations

import json
import sys
import threading
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from .email import PermanentSendError, TransientSendError


class SMSBackend(Protocol):
    def send(self, *, to: str, body: str, reference: str) -> str:
        """Send one text; return the provider's id. Raise Transient/PermanentSendError."""
        ...


class ConsoleSMSBackend:
    def send(self, *, to: str, body: str, reference: str) -> str:
        sys.stdout.write(f"SMS to {to} ({reference}): {body}\n")
        return f"console-{reference}"


class FileSMSBackend:
    """One JSON file per text under SMS_FILE_PATH."""

    def send(self, *, to: str, body: str, reference: str) -> str:
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        record = {"to": to, "body": body, "reference": reference, "at": timezone.now().isoformat()}
        (folder / f"{timezone.now():%Y%m%d-%H%M%S}-{reference}.json").write_text(json.dumps(record))
        return f"file-{reference}"


class MemorySMSBackend:
    """Keeps texts in a list (tests), like Django's locmem e-mail backend."""

    outbox: list[dict[str, str]] = []
    _lock = threading.Lock()

    def send(self, *, to: str, body: str, reference: str) -> str:
        with self._lock:
            self.outbox.append({"to": to, "body": body, "reference": reference})
        return f"memory-{uuid.uuid4().hex[:12]}"


class HttpSMSBackend:
    """A provider's HTTP API: POST JSON {to, from, body, reference} with a bearer token.

    Expects a JSON answer with the provider's message ``id``. 429 and 5xx are worth another
    try later; any other 4xx means the provider will never take this text.
    """

    def send(self, *, to: str, body: str, reference: str) -> str:
        if not settings.SMS_API_URL.startswith(("https://", "http://")):
            # Only web URLs: never file:// or another scheme urllib would also open.
            raise PermanentSendError("SMS_API_URL must be an http(s) URL")
        payload = json.dumps(
            {"to": to, "from": settings.SMS_FROM, "body": body, "reference": reference}
        ).encode()
        request = urllib.request.Request(  # noqa: S310 - the URL is operator configuration
            settings.SMS_API_URL,
            data=payload,
            method="POST",
            headers={
                "Authorization": f"Bearer {settings.SMS_API_TOKEN}",
                "Content-Type": "application/json",
                "Idempotency-Key": reference,
            },
        )
        try:
            # The scheme was checked above (http/https only), which is what B310 asks for.
            with urllib.request.urlopen(request, timeout=settings.SMS_TIMEOUT) as response:  # noqa: S310 # nosec B310
                answer = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            if exc.code == 429 or exc.code >= 500:
                raise TransientSendError(f"HTTP {exc.code}") from exc
            raise PermanentSendError(f"HTTP {exc.code}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise TransientSendError(type(exc).__name__) from exc
        except ValueError as exc:
            raise TransientSendError("unreadable provider answer") from exc
        provider_id = str(answer.get("id") or "")
        if not provider_id:
            raise TransientSendError("provider answer without id")
        return provider_id


def get_backend() -> SMSBackend:
    return import_string(settings.SMS_BACKEND)()


def send_sms(*, to: str, body: str, reference: str) -> str:
    if not to:
        raise PermanentSendError("no number")
    return get_backend().send(to=to, body=body, reference=reference)
