"""SMS channel behind one small interface; the backend is chosen by ``SMS_BACKEND``.

Development writes texts to files (var/sms/) or the console; tests keep them in memory.
"""

from __future__ import annotations

import json
import sys
import threading
import uuid
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from .email import PermanentSendError


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


def get_backend() -> SMSBackend:
    return import_string(settings.SMS_BACKEND)()


def send_sms(*, to: str, body: str, reference: str) -> str:
    if not to:
        raise PermanentSendError("no number")
    return get_backend().send(to=to, body=body, reference=reference)
