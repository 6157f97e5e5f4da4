"""Each role lands on its own page after signing in; a missing or unsafe ``next`` lands there too.

Coordinators land on their own worklist, clinicians on the upcoming reassessments,
clinical reviewers on the notes waiting to be signed, program admins on the dashboard. The
sign-in here is the real form (``POST /admin/login/``), as a person sends it.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from intake import services
from intake.models import Inquiry
from intake.roles import CLINICIAN, COORDINATOR, PROGRAM_ADMIN, REVIEWER, SUPERVISOR
from tests.factories import UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
WORKLIST = "/admin/intake/inquiry/"
MINE = "/admin/intake/inquiry/?assigned=me"
UPCOMING_REASSESSMENTS = "/admin/intake/inquiry/reassessments/"
WAITING_TO_BE_SIGNED = "/admin/intake/reassessmentnote/?state__exact=ready"
DASHBOARD = "/admin/dashboard/"


@pytest.fixture(autouse=True)
def _many_sign_ins(settings):
    # The per-address sign-in limit counts every sign-in of the run (one cache, one address).
    settings.ADMIN_LOGIN_RATE = "1000/h"


def staff(username: str, *roles: str, **fields):
    user = UserFactory(username=username, **fields)
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    return user


def sign_in(client: Client, username: str, next_path: str | None = None):
    """The sign-in form as the browser posts it (the hidden ``next`` the page drew)."""
    url = "/admin/login/" if next_path is None else f"/admin/login/?next={next_path}"
    page = client.get(url)
    assert page.status_code == 200
    hidden = re.search(r'name="next" value="([^"]*)"', page.content.decode())
    data = {"username": username, "password": PASSWORD}
    if hidden:
        data["next"] = hidden.group(1).replace("&amp;", "&")
    return client.post(url, data)


def landed(client: Client, username: str, next_path: str | None = None) -> str:
    """Sign in and follow the redirects to the page the person ends on (its path and query)."""
    response = sign_in(client, username, next_path)
    assert response.status_code == 302, response.status_code
    where = response["Location"]
    for _ in range(5):
        response = client.get(where)
        if response.status_code != 302:
            break
        where = response["Location"]
    assert response.status_code == 200, (where, response.status_code)
    return where


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        ((COORDINATOR,), MINE),
        ((CLINICIAN,), UPCOMING_REASSESSMENTS),
        ((REVIEWER,), WAITING_TO_BE_SIGNED),
        ((PROGRAM_ADMIN,), DASHBOARD),
        # Several roles: the first of coordinator > clinician > reviewer > program admin.
        ((PROGRAM_ADMIN, REVIEWER, CLINICIAN, COORDINATOR), MINE),
        ((PROGRAM_ADMIN, REVIEWER, CLINICIAN), UPCOMING_REASSESSMENTS),
        ((PROGRAM_ADMIN, REVIEWER), WAITING_TO_BE_SIGNED),
        # No landing role: the staff home page.
        ((SUPERVISOR,), "/admin/"),
    ],
)
def test_each_role_lands_on_its_own_page_after_signing_in(request, roles, expected) -> None:
    request.getfixturevalue("roles")  # the role groups (the parameter shadows the fixture)
    staff("sam", *roles)
    assert landed(Client(), "sam") == expected


def test_a_superuser_with_no_role_lands_on_the_staff_home_page(roles) -> None:
    staff("root", is_superuser=True)
    assert landed(Client(), "root") == "/admin/"


def test_a_superuser_with_a_role_lands_on_that_roles_page(roles) -> None:
    staff("root", PROGRAM_ADMIN, is_superuser=True)
    assert landed(Client(), "root") == DASHBOARD


def test_the_landing_pages_show_what_waits_for_each_role(roles, django_capture_on_commit_callbacks):
    queue = default_queue()
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    kim = coordinator(queue, "kim")
    cleo = staff("cleo", CLINICIAN)
    rita = staff("rita", REVIEWER)
    with django_capture_on_commit_callbacks(execute=True):
        made = [
            services.inquiry_submit(submission=submission(email=f"p{n}@example.com"))
            for n in range(4)
        ]
    mine, theirs, needs_note, has_note = made
    services.inquiry_assign(actor=lee, inquiry_id=mine.pk, assignee=lee)
    for other in (theirs, needs_note, has_note):
        services.inquiry_assign(actor=kim, inquiry_id=other.pk, assignee=kim)
    Inquiry.objects.filter(pk__in=[needs_note.pk, has_note.pk]).update(
        status=Inquiry.Status.REASSESSMENT_SCHEDULED,
        reassessment_at=timezone.now() + timedelta(days=1),
        reassessment_format=Inquiry.CareFormat.VIRTUAL,
    )
    ready = services.note_add(actor=cleo, inquiry_id=has_note.pk, fields={"plan": "resume"})
    services.note_mark_ready(actor=cleo, note_id=ready.pk)
    services.note_add(actor=cleo, inquiry_id=theirs.pk, fields={"plan": "resume"})  # a draft
    signed = services.note_add(actor=cleo, inquiry_id=mine.pk, fields={"plan": "resume"})
    services.note_mark_ready(actor=cleo, note_id=signed.pk)
    services.note_sign(actor=rita, note_id=signed.pk, version=services.note_version(signed))

    def listed(client: Client, path: str, model: str) -> set[int]:
        page = client.get(path).content.decode()
        return {int(pk) for pk in re.findall(rf"/admin/intake/{model}/(\d+)/change/", page)}

    lee_client = Client()
    assert listed(lee_client, landed(lee_client, "lee"), "inquiry") == {mine.pk}
    cleo_client = Client()
    # The upcoming reassessments, with a note started or not.
    upcoming = {needs_note.pk, has_note.pk}
    assert listed(cleo_client, landed(cleo_client, "cleo"), "inquiry") == upcoming
    rita_client = Client()
    # Only the note its author marked ready: not a draft still being written, not a signed one.
    assert listed(rita_client, landed(rita_client, "rita"), "reassessmentnote") == {ready.pk}


@pytest.mark.parametrize(
    "unsafe",
    [
        "https://evil.example/admin/",
        "//evil.example/admin/",
        "/\\evil.example/",
        "javascript:alert(1)",
        "/",  # the public form: outside the staff pages
        "/thanks/",
        "/admin/no-such-page/",  # would be a 404
        "/admin/logout/",
        "/admin/login/",
        "/admin/",  # the staff home page: no particular page was asked for
    ],
)
def test_a_missing_or_unsafe_next_lands_on_the_role_page(roles, unsafe) -> None:
    staff("lee", COORDINATOR)
    client = Client()
    page = client.get("/admin/login/", {"next": unsafe})
    assert 'name="next" value="/admin/start/"' in page.content.decode()
    response = client.post(
        "/admin/login/?" + f"next={unsafe}",
        {"username": "lee", "password": PASSWORD, "next": unsafe},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/start/"
    assert client.get("/admin/start/")["Location"] == MINE


def test_a_safe_next_is_kept(roles) -> None:
    staff("lee", COORDINATOR)
    asked = "/admin/intake/inquiry/?status=all&held=yes"
    assert landed(Client(), "lee", next_path=quote(asked)) == asked
    response = Client().post(
        "/admin/login/", {"username": "lee", "password": PASSWORD, "next": asked}
    )
    assert response["Location"] == asked


def test_the_landing_page_needs_a_signed_in_staff_member(roles) -> None:
    response = Client().get("/admin/start/")
    assert response.status_code == 302
    where = urlsplit(response["Location"])
    assert where.path == "/admin/login/"
    assert parse_qs(where.query)["next"] == ["/admin/start/"]


def test_opening_the_sign_in_page_when_signed_in_goes_to_the_landing(roles) -> None:
    client = Client()
    client.force_login(staff("pat", PROGRAM_ADMIN))
    assert client.get("/admin/login/")["Location"] == "/admin/start/"
    assert client.get("/admin/start/")["Location"] == DASHBOARD
    asked = "/admin/intake/coordinatorqueue/"
    assert client.get("/admin/login/", {"next": asked})["Location"] == asked


def code_for(device: TOTPDevice) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def test_with_the_second_step_each_role_lands_after_the_code(roles, settings) -> None:
    settings.ADMIN_REQUIRE_2FA = True
    reviewer = staff("rita", REVIEWER)
    device = TOTPDevice.objects.create(user=reviewer, name="authenticator", confirmed=True)
    client = Client()
    response = sign_in(client, "rita")
    assert response["Location"] == "/admin/start/"
    second = client.get("/admin/start/")
    where = urlsplit(second["Location"])
    assert where.path == "/admin/2fa/verify/"
    assert parse_qs(where.query)["next"] == ["/admin/start/"]
    verified = client.post(
        "/admin/2fa/verify/", {"token": code_for(device), "next": "/admin/start/"}
    )
    assert verified["Location"] == "/admin/start/"
    assert client.get("/admin/start/")["Location"] == WAITING_TO_BE_SIGNED


def test_the_second_step_never_goes_on_to_an_unsafe_next(roles, settings) -> None:
    settings.ADMIN_REQUIRE_2FA = True
    pat = staff("pat", PROGRAM_ADMIN)
    device = TOTPDevice.objects.create(user=pat, name="authenticator", confirmed=True)
    start = timezone.now()
    for step, unsafe in enumerate(("https://evil.example/", "/thanks/", "/admin/nope/"), 1):
        client = Client()
        sign_in(client, "pat")
        # A code is accepted once: each sign-in uses the next 30-second code.
        with time_machine.travel(start + timedelta(seconds=31 * step)):
            token = code_for(device)
            verified = client.post("/admin/2fa/verify/", {"token": token, "next": unsafe})
        assert verified["Location"] == "/admin/start/", unsafe


@pytest.mark.parametrize(
    "target",
    ["/admin/intake/inquiry/../../../thanks/", "/admin/intake/inquiry/%2e%2e/%2e%2e/login/"],
)
def test_a_next_with_dot_segments_is_never_followed(rf, target) -> None:
    from intake.security import admin_next

    request = rf.get("/admin/login/")
    assert admin_next(request, target) is None
    assert admin_next(request, "/admin/intake/inquiry/") == "/admin/intake/inquiry/"
