"""A staff form posted after the session ended: what was typed is kept, encrypted, briefly,
for the same person only, and nothing is saved until they press the button again.

The session is ended the way the server ends it (its row is gone from the session store), the
browser keeps its cookie, and the form is posted with the hidden field its page carried.
"""

from __future__ import annotations

import re
import time
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from intake import crypto, keep_work, services
from intake.models import ContactAttempt, InternalNote, ReassessmentNote
from intake.security import SESSION_STARTED_KEY
from tests.factories import UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.django_db

NOTE = "Canary-4471: safety plan reviewed with her sister on the call"
FIELD = re.compile(rf'name="{keep_work.FIELD_NAME}" value="([^"]+)"')
NOTICE = "We kept what you typed. Check it and press the button again."


@pytest.fixture
def world(roles, django_capture_on_commit_callbacks):
    queue = default_queue()
    lee = coordinator(queue, "lee")
    sam = coordinator(queue, "sam")
    for user in (lee, sam):
        user.groups.add(Group.objects.get(name="Intake coordinator"))
    with django_capture_on_commit_callbacks(execute=True):
        made = services.inquiry_submit(submission=submission())
    cache.clear()
    return {"lee": lee, "sam": sam, "inquiry": made}


def case(inquiry) -> str:
    return f"/admin/intake/inquiry/{inquiry.pk}/change/"


def action(inquiry, name: str) -> str:
    return f"/admin/intake/inquiry/{inquiry.pk}/triage/{name}/"


def signed_field(client: Client, page: str, form_action: str) -> str:
    """The hidden field of the form posting to ``form_action`` on ``page``."""
    html = client.get(page).content.decode()
    start = html.index(f'action="{form_action}"')
    return FIELD.search(html, start).group(1)


def session_ends(client: Client) -> None:
    """The server forgets the session (as the idle limit does); the browser keeps its cookie."""
    Session.objects.all().delete()


def kept_cache_keys() -> list[str]:
    return [k for k in cache._cache if keep_work.CACHE_PREFIX in k]


def post_note_after_sign_out(client: Client, world: dict, text: str = NOTE):
    inquiry = world["inquiry"]
    field = signed_field(client, case(inquiry), action(inquiry, "note"))
    session_ends(client)
    return client.post(action(inquiry, "note"), {"text": text, keep_work.FIELD_NAME: field})


def lee_client(world) -> Client:
    client = Client()
    client.force_login(world["lee"])
    return client


def test_the_form_comes_back_to_its_page_after_sign_in_never_to_the_handler(world) -> None:
    client = lee_client(world)
    response = post_note_after_sign_out(client, world)

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/admin/login/"
    assert parse_qs(location.query) == {"next": [case(world["inquiry"])]}
    assert not InternalNote.objects.exists()
    login = client.get(response["Location"]).content.decode()
    assert "Your session ended, so nothing was saved." in login

    client.force_login(world["lee"])
    page = client.get(case(world["inquiry"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert NOTE in html and NOTICE in html
    note_field = page.context["note_form"]["text"]
    assert note_field.value() == NOTE
    assert 'autofocus aria-describedby="kept-work-notice"' in str(note_field)
    # Shown again, not saved: nothing happens until the button is pressed.
    assert not InternalNote.objects.exists()
    # Taken once: the stash is gone, a reload shows the page as it is.
    assert kept_cache_keys() == []
    assert NOTE not in client.get(case(world["inquiry"])).content.decode()

    client.post(action(world["inquiry"], "note"), {"text": NOTE})
    assert InternalNote.objects.get().text == NOTE


def test_what_was_typed_is_encrypted_at_rest_and_never_in_a_url_or_a_cookie(world) -> None:
    client = lee_client(world)
    response = post_note_after_sign_out(client, world)

    assert NOTE not in response["Location"] and "safety" not in response["Location"]
    for morsel in client.cookies.values():
        assert "Canary" not in morsel.value and "safety plan" not in morsel.value
    # The new session row holds only a random id, never the text.
    [session] = Session.objects.all()
    decoded = session.get_decoded()
    stash_id = decoded[keep_work.SESSION_KEY]
    assert set(decoded) == {keep_work.SESSION_KEY} and len(stash_id) >= 40
    assert "Canary" not in session.session_data
    stored = cache.get(keep_work.CACHE_PREFIX + stash_id)
    assert stored.startswith("gAAAAA")  # a Fernet token under FIELD_ENCRYPTION_KEYS
    assert "Canary" not in stored and "safety" not in stored
    assert NOTE in crypto.decrypt(stored)


def test_someone_else_signing_in_gets_nothing_and_the_stash_is_deleted(world) -> None:
    client = lee_client(world)
    post_note_after_sign_out(client, world)
    assert len(kept_cache_keys()) == 1

    client.force_login(world["sam"])  # the same browser, another coordinator
    html = client.get(case(world["inquiry"])).content.decode()
    assert NOTE not in html and NOTICE not in html
    assert kept_cache_keys() == []
    assert keep_work.SESSION_KEY not in client.session
    client.force_login(world["lee"])
    assert NOTE not in client.get(case(world["inquiry"])).content.decode()


def test_the_stash_is_deleted_on_the_other_users_first_request_whatever_the_page(world) -> None:
    client = lee_client(world)
    post_note_after_sign_out(client, world)
    client.force_login(world["sam"])
    client.get("/admin/")
    assert kept_cache_keys() == []


def test_what_was_typed_expires_after_fifteen_minutes(world) -> None:
    client = lee_client(world)
    post_note_after_sign_out(client, world)
    with time_machine.travel(timezone.now() + timedelta(minutes=15, seconds=5)):
        client.force_login(world["lee"])
        html = client.get(case(world["inquiry"])).content.decode()
    assert NOTE not in html and NOTICE not in html
    assert keep_work.SESSION_KEY not in client.session


def test_a_stash_still_in_the_cache_but_past_its_time_is_not_restored(world) -> None:
    client = lee_client(world)
    with time_machine.travel(time.time() - keep_work.KEEP_SECONDS - 5, tick=False):
        post_note_after_sign_out(client, world)
    client.force_login(world["lee"])
    assert NOTE not in client.get(case(world["inquiry"])).content.decode()


def test_a_forged_or_missing_field_keeps_nothing(world) -> None:
    client = lee_client(world)
    inquiry = world["inquiry"]
    forged = signing.dumps({"u": world["lee"].pk, "p": case(inquiry), "k": 1}, salt="other")
    session_ends(client)
    for data in ({"text": NOTE}, {"text": NOTE, keep_work.FIELD_NAME: forged}):
        response = client.post(action(inquiry, "note"), data)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert kept_cache_keys() == []


def test_a_post_without_its_csrf_token_keeps_nothing(world) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["lee"])
    inquiry = world["inquiry"]
    field = signed_field(client, case(inquiry), action(inquiry, "note"))
    session_ends(client)
    response = client.post(action(inquiry, "note"), {"text": NOTE, keep_work.FIELD_NAME: field})
    assert response.status_code == 403
    assert kept_cache_keys() == []


def test_a_lone_button_goes_back_to_its_page_and_keeps_nothing(world) -> None:
    client = lee_client(world)
    inquiry = world["inquiry"]
    field = signed_field(client, case(inquiry), action(inquiry, "assign-me"))
    session_ends(client)
    response = client.post(action(inquiry, "assign-me"), {keep_work.FIELD_NAME: field})
    assert parse_qs(urlsplit(response["Location"]).query) == {"next": [case(inquiry)]}
    assert kept_cache_keys() == []
    assert "so nothing changed" in client.get(response["Location"]).content.decode()


def test_a_reply_from_its_preview_comes_back_on_the_inquirys_page(world) -> None:
    client = lee_client(world)
    inquiry = world["inquiry"]
    preview = client.post(action(inquiry, "reply"), {"body": "Hi, whenever you're ready."})
    field = FIELD.search(preview.content.decode()).group(1)
    session_ends(client)
    response = client.post(
        action(inquiry, "reply"),
        {"body": "Hi, whenever you're ready. Call us.", "send": "1", keep_work.FIELD_NAME: field},
    )
    assert parse_qs(urlsplit(response["Location"]).query) == {"next": [case(inquiry)]}
    client.force_login(world["lee"])
    page = client.get(case(inquiry))
    assert page.context["reply_form"]["body"].value() == "Hi, whenever you're ready. Call us."
    assert page.context["note_form"]["text"].value() in (None, "")
    assert not inquiry.messages.filter(kind="reply").exists()


def test_a_contact_attempt_is_restored_into_its_own_form(world) -> None:
    client = lee_client(world)
    inquiry = world["inquiry"]
    field = signed_field(client, case(inquiry), action(inquiry, "attempt"))
    session_ends(client)
    client.post(
        action(inquiry, "attempt"),
        {"channel": "text", "outcome": "no_answer", "note": NOTE, keep_work.FIELD_NAME: field},
    )
    client.force_login(world["lee"])
    form = client.get(case(inquiry)).context["attempt_form"]
    assert [form[n].value() for n in ("channel", "outcome", "note")] == ["text", "no_answer", NOTE]
    assert not ContactAttempt.objects.exists()


def test_a_reassessment_note_is_restored_into_the_admin_form(world) -> None:
    clinician = UserFactory(username="clin")
    clinician.groups.add(Group.objects.get(name="Clinician"))
    client = Client()
    client.force_login(clinician)
    page = f"/admin/intake/reassessmentnote/add/?inquiry={world['inquiry'].pk}"
    field = FIELD.search(client.get(page).content.decode()).group(1)
    session_ends(client)
    response = client.post(
        page,
        {
            "inquiry": world["inquiry"].pk,
            "what_changed": NOTE,
            "plan_codes": ["resume", "different_group"],
            "_save": "Save",
            keep_work.FIELD_NAME: field,
        },
    )
    assert parse_qs(urlsplit(response["Location"]).query) == {"next": [page]}
    client.force_login(clinician)
    shown = client.get(page)
    form = shown.context["adminform"].form
    assert form["what_changed"].value() == NOTE
    assert sorted(form["plan_codes"].value()) == ["different_group", "resume"]
    assert NOTICE in shown.content.decode()
    assert not ReassessmentNote.objects.exists()


def test_a_post_signed_out_by_the_absolute_cap_is_kept_too(world, settings) -> None:
    client = lee_client(world)
    inquiry = world["inquiry"]
    field = signed_field(client, case(inquiry), action(inquiry, "note"))
    session = client.session
    session[SESSION_STARTED_KEY] = time.time() - settings.SESSION_ABSOLUTE_SECONDS - 60
    session.save()
    response = client.post(action(inquiry, "note"), {"text": NOTE, keep_work.FIELD_NAME: field})
    assert parse_qs(urlsplit(response["Location"]).query) == {"next": [case(inquiry)]}
    assert not InternalNote.objects.exists()
    client.force_login(world["lee"])
    assert client.get(case(inquiry)).context["note_form"]["text"].value() == NOTE


def test_a_signed_in_post_is_untouched(world) -> None:
    client = lee_client(world)
    inquiry = world["inquiry"]
    field = signed_field(client, case(inquiry), action(inquiry, "note"))
    response = client.post(action(inquiry, "note"), {"text": NOTE, keep_work.FIELD_NAME: field})
    assert response.status_code == 302 and "/admin/login/" not in response["Location"]
    assert InternalNote.objects.get().text == NOTE
    assert kept_cache_keys() == []


# --- the keep-alive ping and the warning dialog ----------------------------------------------


def test_keep_alive_renews_the_session_for_signed_in_staff_only(world, settings) -> None:
    client = lee_client(world)
    Session.objects.update(expire_date=timezone.now() + timedelta(seconds=30))
    response = client.post("/admin/keep-alive/")
    assert response.status_code == 200
    assert response.json() == {"idle_seconds": settings.SESSION_COOKIE_AGE}
    expires = Session.objects.get().expire_date
    assert expires > timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
    assert client.get("/admin/keep-alive/").status_code == 405
    session_ends(client)
    assert client.post("/admin/keep-alive/").status_code == 302


def test_keep_alive_needs_the_csrf_token(world) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["lee"])
    assert client.post("/admin/keep-alive/").status_code == 403


def test_the_warning_is_on_signed_in_staff_pages_only(world, settings) -> None:
    settings.SESSION_COOKIE_AGE = 600
    anonymous = Client().get("/admin/login/").content.decode()
    assert 'id="session-timeout"' not in anonymous
    html = lee_client(world).get(case(world["inquiry"])).content.decode()
    assert '<dialog id="session-timeout"' in html
    assert 'data-idle-seconds="600"' in html and 'data-warn-seconds="120"' in html
    head = html.split("</head>")[0]
    assert '<script src="/static/js/session-timeout.js" defer>' in head
    assert "<script>" not in html  # no inline script: the page's CSP allows none
    public = Client().get("/").content.decode()
    assert "session-timeout" not in public


def test_the_warning_waits_for_the_second_step(world, settings) -> None:
    settings.ADMIN_REQUIRE_2FA = True
    TOTPDevice.objects.create(user=world["lee"], name="authenticator", confirmed=True)
    client = lee_client(world)
    response = client.get("/admin/2fa/verify/?next=/admin/")
    assert response.status_code == 200
    assert 'id="session-timeout"' not in response.content.decode()
