"""Filled-in forms, prepared before a timed run so the run itself only POSTs.

Every POST uses a form fetched for it alone (its own CSRF cookie and token, its own submission
token) and a contact used nowhere else, so neither the double-submit nor the flood path is
what gets measured. The signed render time is re-signed 30 seconds in the past, as
tests/support.FormClient does: a believable fill time, so nothing is quarantined.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from .loadgen import Answer, Client, fetch_all

_HIDDEN = re.compile(
    rb'<input[^>]*name="(csrfmiddlewaretoken|submission_token)"[^>]*value="([^"]*)"'
)

MESSAGES = [
    "Hey, I'm thinking about coming back. Is that okay?",
    "Hi, I stopped coming in the spring when my work schedule changed. I'd like to try again, "
    "maybe an evening group if there is one.",
    "I was in the Tuesday and Thursday group last year. Things got busy with my kids and I "
    "drifted away. Could I talk to someone about starting again?",
    "Is it okay to come back after a relapse? I'd rather start with a one-on-one if that's "
    "possible.",
    "I left after a few weeks because the commute was too much. Do you have a virtual option now?",
    "Hola, dejé de ir hace unos meses por el trabajo. ¿Puedo volver?",
]
NAMES = ["Sam", "Alex", "Jordan", "Rosa", "", "Taylor", "Chris", "Dee"]
BEST_TIMES = ["", "morning", "afternoon", "evening", "any"]
KINDS = ["come_back", "come_back", "question", "not_sure"]


@dataclass(frozen=True)
class Prepared:
    tag: str  # the unique contact (e-mail) of an intake POST, or a serial number
    payload: bytes
    path: str


def _hidden(answer: Answer, cookie_name: str) -> tuple[dict[str, str], str]:
    if answer.status != 200:
        raise RuntimeError(f"fetching a form answered {answer.status}")
    fields = {k.decode(): v.decode() for k, v in _HIDDEN.findall(answer.body)}
    cookie = answer.cookies().get(cookie_name)
    if not cookie or "csrfmiddlewaretoken" not in fields:
        raise RuntimeError("the form page carried no CSRF cookie or token")
    return fields, cookie


def intake_fields(label: str, i: int) -> tuple[str, dict[str, str]]:
    """(path, fields) of the i-th person of a run: a realistic, varied, unique submission."""
    spanish = i % 10 == 9
    fields = {
        "message": MESSAGES[-1] if spanish else MESSAGES[i % (len(MESSAGES) - 1)],
        "contact_method": "email",
        "email": f"bench.{label}.{i}@example.com",
        "preferred_name": NAMES[i % len(NAMES)],
        "consent": "on",
        "website": "",
        "kind": KINDS[i % len(KINDS)],
        "best_time": BEST_TIMES[i % len(BEST_TIMES)],
        "voicemail_ok": ["", "yes", "no"][i % 3],
    }
    if i % 3 == 0:
        fields["phone"] = f"617 555 {i % 10000:04d}"
        if i % 6 == 0:
            fields["text_ok"] = "on"
    if i % 4 == 1:
        fields["care_format"] = "virtual"
        fields["pace"] = "two_three_days"
    if i % 5 == 2:
        fields["away_reasons"] = ["schedule", "work"]
        fields["last_attended"] = "one_three_months"
    return ("/es/" if spanish else "/"), fields


def prepare_intake(
    client: Client, label: str, start: int, count: int, *, cookie_name: str, sign_render_time
) -> list[Prepared]:
    """Fetch ``count`` fresh forms and fill each for its own person (untimed)."""
    people = [intake_fields(label, i) for i in range(start, start + count)]
    pages = fetch_all(client, [client.build("GET", path) for path, _f in people])
    rendered_at = sign_render_time(int(time.time() - 30))
    prepared = []
    for (path, fields), page in zip(people, pages, strict=True):
        hidden, cookie = _hidden(page, cookie_name)
        data = {**fields, **hidden, "rendered_at": rendered_at}
        payload = client.build("POST", path, form=data, cookies={cookie_name: cookie})
        prepared.append(Prepared(tag=fields["email"], payload=payload, path=path))
    return prepared


def prepare_minimal(
    client: Client, label: str, count: int, *, cookie_name: str, path: str = "/bench/minimal/"
) -> list[Prepared]:
    """Filled 3-field forms for the minimal reference (or the design floor, by ``path``)."""
    pages = fetch_all(client, [client.build("GET", path)] * count)
    prepared = []
    for i, page in enumerate(pages):
        hidden, cookie = _hidden(page, cookie_name)
        data = {
            "csrfmiddlewaretoken": hidden["csrfmiddlewaretoken"],
            "name": NAMES[i % len(NAMES)] or "Pat",
            "email": f"minimal.{label}.{i}@example.com",
            "message": MESSAGES[i % (len(MESSAGES) - 1)],
        }
        payload = client.build("POST", path, form=data, cookies={cookie_name: cookie})
        prepared.append(Prepared(tag=str(i), payload=payload, path=path))
    return prepared


def intake_answer_problem(answer: Answer) -> str | None:
    location = answer.header("Location") or ""
    if answer.status == 303 and location.endswith("/thanks/"):
        return None
    return f"intake POST answered {answer.status} {location!r} {answer.body[:120]!r}"


def minimal_answer_problem(answer: Answer) -> str | None:
    if answer.status == 303:
        return None
    return f"reference POST answered {answer.status} {answer.body[:120]!r}"


def ok_problem(answer: Answer) -> str | None:
    return None if answer.status == 200 else f"answered {answer.status}"
