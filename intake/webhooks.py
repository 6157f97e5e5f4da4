"""One signature check for every webhook that brings something in (texts, e-mail).

A caller signs ``<timestamp>.<raw body>`` with HMAC-SHA256 under the webhook's secret and
sends two headers: ``X-Reengage-Timestamp`` (Unix seconds) and ``X-Reengage-Signature``
(``sha256=<hex>``). A request is refused (403, nothing stored) when the signature is wrong,
when the timestamp is more than ``WINDOW_SECONDS`` away from now either way, or when the same
signature was already accepted (a replay). Accepted signatures are remembered in the cache
for twice the window, so a replay is caught for as long as its timestamp could still pass.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time

from django.core.cache import cache
from django.http import HttpRequest, JsonResponse

logger = logging.getLogger(__name__)

TIMESTAMP_HEADER = "X-Reengage-Timestamp"
SIGNATURE_HEADER = "X-Reengage-Signature"
WINDOW_SECONDS = 5 * 60
_SEEN_PREFIX = "webhook-signature:"


def signature(secret: str, timestamp: str | int, body: bytes) -> str:
    """The header value a caller sends: ``sha256=<hex HMAC of "<timestamp>." + body>``."""
    signed = f"{timestamp}.".encode() + body
    return "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signed_headers(secret: str, body: bytes, *, at: float | None = None) -> dict[str, str]:
    """The two headers for ``body`` signed now (or at ``at``): for providers' docs and tests."""
    stamp = str(int(time.time() if at is None else at))
    return {TIMESTAMP_HEADER: stamp, SIGNATURE_HEADER: signature(secret, stamp, body)}


def refusal(
    request: HttpRequest, *, secret: str, name: str, body: bytes | None = None
) -> JsonResponse | None:
    """None when ``request`` (its ``body``, when the caller read it already) is signed under
    ``secret``, fresh and not seen before; else the answer to give (403; 503 when the replay
    check cannot be made). Logs the reason only, never the body."""
    body = request.body if body is None else body
    stamp = request.headers.get(TIMESTAMP_HEADER, "").strip()
    sent = request.headers.get(SIGNATURE_HEADER, "").strip()
    if not stamp.isdigit() or not sent:
        logger.warning("webhook refused name=%s reason=unsigned", name)
        return _refused("unsigned")
    if not hmac.compare_digest(signature(secret, stamp, body), sent):
        logger.warning("webhook refused name=%s reason=signature", name)
        return _refused("bad_signature")
    if abs(time.time() - int(stamp)) > WINDOW_SECONDS:
        logger.warning("webhook refused name=%s reason=stale", name)
        return _refused("stale")
    key = _SEEN_PREFIX + hashlib.sha256(f"{name}:{sent}".encode()).hexdigest()
    try:
        first_time = cache.add(key, 1, timeout=2 * WINDOW_SECONDS)
    except Exception:  # noqa: BLE001 - no replay check, no acceptance: the caller retries
        logger.warning("webhook refused name=%s reason=cache_unavailable", name)
        return JsonResponse({"status": "unavailable"}, status=503)
    if not first_time:
        logger.warning("webhook refused name=%s reason=replayed", name)
        return _refused("replayed")
    return None


def _refused(reason: str) -> JsonResponse:
    return JsonResponse({"status": "refused", "reason": reason}, status=403)
