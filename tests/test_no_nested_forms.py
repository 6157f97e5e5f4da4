"""No page a person can meet opens a <form> while another form is still open.

A browser silently drops a nested <form> start tag: the inner form's fields and buttons then
belong to the outer form, so "Acknowledge urgent alert" would post the outer form's data to
the outer form's URL. This renders every public and staff page through Django's test client
and reads the raw response with ``html.parser`` (a tokenizer, not a DOM that would already
have repaired the nesting), so the markup the server sends is what is checked.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from django.test import Client

from intake import services
from intake.forms import RENDER_SALT
from intake.models import (
    AuditEvent,
    CoordinatorProfile,
    CoordinatorQueue,
    Inquiry,
    OutboundMessage,
    ReassessmentNote,
    ReplyTemplate,
    RoutingRule,
)
from intake.roles import CLINICIAN, COORDINATOR, PROGRAM_ADMIN, REVIEWER
from tests.factories import SiteFactory, UserFactory, coordinator, default_queue, submission

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"


# --- the check -------------------------------------------------------------------------


class FormNesting(HTMLParser):
    """Reports each <form> start tag met while another form is open, with its line."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = html.splitlines()
        self.open_forms: list[int] = []
        self.problems: list[str] = []
        self.forms_seen = 0

    def _source(self, line: int) -> str:
        text = self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""
        return text if len(text) <= 160 else text[:157] + "..."

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "form":
            return
        self.forms_seen += 1
        line, _col = self.getpos()
        if self.open_forms:
            outer = self.open_forms[-1]
            self.problems.append(
                f"line {line}: <form> opened inside the form opened on line {outer}\n"
                f"    outer (line {outer}): {self._source(outer)}\n"
                f"    inner (line {line}): {self._source(line)}"
            )
        self.open_forms.append(line)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # "<form/>" is not self-closing in HTML: a browser opens a form that stays open.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag != "form":
            return
        if self.open_forms:
            self.open_forms.pop()
        else:
            line, _col = self.getpos()
            self.problems.append(f"line {line}: </form> with no form open: {self._source(line)}")

    def close(self) -> None:
        super().close()
        for line in self.open_forms:
            self.problems.append(f"line {line}: <form> never closed: {self._source(line)}")
        self.open_forms = []


def check_forms(html: str) -> FormNesting:
    parser = FormNesting(html)
    parser.feed(html)
    parser.close()
    return parser


def assert_no_nested_forms(html: str, what: str) -> int:
    """Fails naming the page and the lines; returns how many forms the page has."""
    parser = check_forms(html)
    assert not parser.problems, f"nested or unbalanced <form> on {what}:\n" + "\n".join(
        parser.problems
    )
    return parser.forms_seen


# --- the people and the things they look at --------------------------------------------


def user_in(role: str, username: str):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=role))
    return user


@dataclass
class World:
    people: dict
    things: dict
    clients: dict = field(default_factory=dict)

    def client(self, who: str | None) -> Client:
        if who not in self.clients:
            client = Client()
            if who is not None:
                client.force_login(self.people[who])
            self.clients[who] = client
        return self.clients[who]


@pytest.fixture
def world(roles, django_capture_on_commit_callbacks) -> World:
    queue = default_queue()
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    people = {
        "coordinator": lee,
        "clinician": user_in(CLINICIAN, "clin"),
        "reviewer": user_in(REVIEWER, "rev"),
        "program_admin": user_in(PROGRAM_ADMIN, "padmin"),
    }
    site = SiteFactory(name="Downtown", slug="downtown")
    ReplyTemplate.objects.create(language="en", title="Welcome back", body="Hi {name}.")
    ReplyTemplate.objects.create(
        language="en", title="No pressure", body="Whenever.", not_for_urgent=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        routine = services.inquiry_submit(
            submission=submission(email="routine@example.com", phone="617 555 0134")
        )
        urgent = services.inquiry_submit(
            submission=submission(
                email="urgent@example.com",
                phone="617 555 0135",
                contact_method="call",
                safety="not_safe",
            )
        )
        held = services.inquiry_submit(
            submission=submission(email="held@example.com"), over_rate_limit=True
        )
        quarantined = services.inquiry_submit(
            submission=submission(email="bot@example.com"), honeypot_filled=True, too_fast=True
        )
    routine, urgent, held, quarantined = (
        Inquiry.objects.get(pk=i.pk) for i in (routine, urgent, held, quarantined)
    )
    assert urgent.priority == "urgent"
    assert held.is_held and not held.is_spam
    assert quarantined.is_spam
    # A failed message puts a "Retry now" form inside the conversation table.
    failed = routine.messages.first()
    assert failed is not None
    OutboundMessage.objects.filter(pk=failed.pk).update(status=OutboundMessage.Status.FAILED)

    draft = services.note_add(
        actor=people["clinician"],
        inquiry_id=routine.pk,
        fields={"what_changed": "moved closer", "plan": "resume"},
    )
    to_sign = services.note_add(
        actor=people["clinician"],
        inquiry_id=urgent.pk,
        fields={"what_changed": "new job", "plan": "resume"},
    )
    services.note_mark_ready(actor=people["clinician"], note_id=to_sign.pk)
    signed = services.note_sign(
        actor=people["reviewer"], note_id=to_sign.pk, version=services.note_version(to_sign)
    )
    assert signed.state == ReassessmentNote.State.SIGNED
    # An on-call phone waiting for its code: the page shows its confirm and resend forms.
    CoordinatorQueue.objects.filter(pk=queue.pk).update(
        on_call_phone="+16175550199", on_call_phone_confirmed_at=None
    )
    rule = RoutingRule.objects.create(order=1, queue=queue, language="es")
    services.audit_record(
        actor=people["program_admin"],
        action=AuditEvent.Action.VIEW,
        object_type="inquiry",
        object_id=routine.pk,
    )
    things = {
        "queue": queue,
        "site": site,
        "rule": rule,
        "template": ReplyTemplate.objects.get(title="Welcome back"),
        "profile": CoordinatorProfile.objects.get(user=lee),
        "routine": routine,
        "urgent": urgent,
        "held": held,
        "quarantined": quarantined,
        "failed_message": OutboundMessage.objects.get(pk=failed.pk),
        "draft": draft,
        "signed": signed,
        "audit": AuditEvent.objects.order_by("-pk").first(),
    }
    return World(people=people, things=things)


# --- every page ------------------------------------------------------------------------


def inquiry_url(w: World, name: str, suffix: str = "change/") -> str:
    return f"{ADMIN}intake/inquiry/{w.things[name].pk}/{suffix}"


def note_url(w: World, name: str) -> str:
    return f"{ADMIN}intake/reassessmentnote/{w.things[name].pk}/change/"


def get(who: str | None, url, status: int = 200):
    def fetch(w: World):
        path = url(w) if callable(url) else url
        return w.client(who).get(path), status, path

    return fetch


def public_form_posted_empty(w: World):
    return w.client(None).post("/", {}), 200, "POST / (empty)"


def public_form_switched_to_spanish(w: World):
    """The language buttons post the unfinished form; the page drawn back has them too."""
    data = {"switch_language": "es", "message": "Hola", "contact_method": "email"}
    return w.client(None).post("/es/", data), 200, "POST /es/ (language switch)"


def thanks_after_a_valid_post(safety: str):
    def fetch(w: World):
        client = w.client(None)
        token = client.get("/").context["form"].initial["submission_token"]
        data = {
            "message": "I'm thinking about coming back. Is that okay?",
            "contact_method": "email",
            "email": "sky@example.com",
            "consent": "on",
            "rendered_at": signing.dumps(int(time.time()) - 30, salt=RENDER_SALT),
            "submission_token": token,
        }
        if safety:
            data["safety"] = safety
        posted = client.post("/", data)
        assert posted.status_code == 303, posted
        assert posted["Location"] == "/thanks/"
        return client.get("/thanks/"), 200, f"/thanks/ (safety={safety or 'unanswered'})"

    return fetch


def reply_preview(w: World):
    path = inquiry_url(w, "routine", "triage/reply/")
    body = {"body": "Hi Sam, welcome back whenever you're ready.", "preview": "1"}
    return w.client("coordinator").post(path, body), 200, f"POST {path} (preview)"


def reply_preview_with_tone_warning(w: World):
    path = inquiry_url(w, "urgent", "triage/reply/")
    body = {"body": "No pressure, take your time, whenever.", "preview": "1"}
    return w.client("coordinator").post(path, body), 200, f"POST {path} (preview, warnings)"


def searched_worklist(w: World):
    """The search box posts; the worklist comes back at an opaque search id."""
    path = f"{ADMIN}intake/inquiry/search/"
    response = w.client("coordinator").post(path, {"find": "routine@example.com"}, follow=True)
    return response, 200, f"POST {path} (then the worklist at its search id)"


def bulk_status_page(w: World):
    path = f"{ADMIN}intake/inquiry/"
    data = {"action": "set_status", "_selected_action": [w.things["routine"].pk]}
    return w.client("coordinator").post(path, data), 200, f"POST {path} (set_status action)"


PAGES = {
    # --- public ---
    "form": get(None, "/"),
    "form (es)": get(None, "/es/"),
    "form (pt-br)": get(None, "/pt-br/"),
    "form with errors": public_form_posted_empty,
    "form switched to Spanish": public_form_switched_to_spanish,
    "thanks": thanks_after_a_valid_post(""),
    "thanks (not safe)": thanks_after_a_valid_post("not_safe"),
    "not found": get(None, "/no-such-page/", 404),
    "staff sign-in": get(None, f"{ADMIN}login/?next={ADMIN}intake/inquiry/"),
    # --- coordinator ---
    "staff home (coordinator)": get("coordinator", ADMIN),
    "worklist": get("coordinator", f"{ADMIN}intake/inquiry/"),
    "worklist, everything": get("coordinator", f"{ADMIN}intake/inquiry/?status=all&quarantine=all"),
    "worklist, searched": searched_worklist,
    "routine inquiry": get("coordinator", lambda w: inquiry_url(w, "routine")),
    "routine inquiry, template chosen": get(
        "coordinator",
        lambda w: inquiry_url(w, "routine") + f"?template={w.things['template'].pk}",
    ),
    "urgent inquiry": get("coordinator", lambda w: inquiry_url(w, "urgent")),
    "held inquiry": get("coordinator", lambda w: inquiry_url(w, "held")),
    "quarantined inquiry": get("coordinator", lambda w: inquiry_url(w, "quarantined")),
    "reply preview": reply_preview,
    "reply preview with tone warnings": reply_preview_with_tone_warning,
    "bulk status change": bulk_status_page,
    "dashboard (coordinator)": get("coordinator", f"{ADMIN}dashboard/"),
    "on-call page (queue member)": get(
        "coordinator", lambda w: f"{ADMIN}intake/coordinatorqueue/{w.things['queue'].pk}/on-call/"
    ),
    "outbound messages (coordinator)": get("coordinator", f"{ADMIN}intake/outboundmessage/"),
    # --- clinician ---
    "staff home (clinician)": get("clinician", ADMIN),
    "urgent inquiry (clinician)": get("clinician", lambda w: inquiry_url(w, "urgent")),
    "notes list (clinician)": get("clinician", f"{ADMIN}intake/reassessmentnote/"),
    "note search page (clinician)": get("clinician", f"{ADMIN}intake/reassessmentnote/add/"),
    "note add page (clinician)": get(
        "clinician",
        lambda w: f"{ADMIN}intake/reassessmentnote/add/?inquiry={w.things['routine'].pk}",
    ),
    "amendment add page (clinician)": get(
        "clinician",
        lambda w: f"{ADMIN}intake/reassessmentnote/add/?amends={w.things['signed'].pk}",
    ),
    "draft note (author)": get("clinician", lambda w: note_url(w, "draft")),
    "signed note (clinician)": get("clinician", lambda w: note_url(w, "signed")),
    # --- clinical reviewer ---
    "staff home (reviewer)": get("reviewer", ADMIN),
    "draft note (reviewer)": get("reviewer", lambda w: note_url(w, "draft")),
    "signed note (reviewer)": get("reviewer", lambda w: note_url(w, "signed")),
    "routine inquiry (reviewer)": get("reviewer", lambda w: inquiry_url(w, "routine")),
    # --- program admin ---
    "staff home (program admin)": get("program_admin", ADMIN),
    "dashboard (program admin)": get("program_admin", f"{ADMIN}dashboard/"),
    "queue list": get("program_admin", f"{ADMIN}intake/coordinatorqueue/"),
    "queue change page": get(
        "program_admin", lambda w: f"{ADMIN}intake/coordinatorqueue/{w.things['queue'].pk}/change/"
    ),
    "queue add page": get("program_admin", f"{ADMIN}intake/coordinatorqueue/add/"),
    "on-call page (program admin)": get(
        "program_admin",
        lambda w: f"{ADMIN}intake/coordinatorqueue/{w.things['queue'].pk}/on-call/",
    ),
    "routing rule list": get("program_admin", f"{ADMIN}intake/routingrule/"),
    "routing rule change page": get(
        "program_admin", lambda w: f"{ADMIN}intake/routingrule/{w.things['rule'].pk}/change/"
    ),
    "site list": get("program_admin", f"{ADMIN}intake/site/"),
    "site change page": get(
        "program_admin", lambda w: f"{ADMIN}intake/site/{w.things['site'].pk}/change/"
    ),
    "reply template list": get("program_admin", f"{ADMIN}intake/replytemplate/"),
    "reply template change page": get(
        "program_admin",
        lambda w: f"{ADMIN}intake/replytemplate/{w.things['template'].pk}/change/",
    ),
    "coordinator profile change page": get(
        "program_admin",
        lambda w: f"{ADMIN}intake/coordinatorprofile/{w.things['profile'].pk}/change/",
    ),
    "outbound messages (program admin)": get("program_admin", f"{ADMIN}intake/outboundmessage/"),
    "outbound message page": get(
        "program_admin",
        lambda w: f"{ADMIN}intake/outboundmessage/{w.things['failed_message'].pk}/change/",
    ),
    "audit log": get("program_admin", f"{ADMIN}intake/auditevent/"),
    "audit event page": get(
        "program_admin", lambda w: f"{ADMIN}intake/auditevent/{w.things['audit'].pk}/change/"
    ),
    "staff users (program admin)": get("program_admin", f"{ADMIN}auth/user/"),
    "staff user page (program admin)": get(
        "program_admin", lambda w: f"{ADMIN}auth/user/{w.people['coordinator'].pk}/change/"
    ),
}

# Pages whose forms are the point: if the parser saw fewer, the page lost them (or the
# fixture no longer builds the state the test means to check). Every staff page also has
# the sign-out form in its header.
AT_LEAST = {
    "form": 1,
    "form with errors": 1,
    "form switched to Spanish": 1,
    "staff sign-in": 1,
    "worklist": 3,  # sign-out, search, the bulk-action form around the list
    "routine inquiry": 13,  # risk level, 8 triage cards, unassign, retry in the table
    "urgent inquiry": 12,  # acknowledge the alert; never quarantined
    "held inquiry": 13,  # release the hold
    "quarantined inquiry": 11,
    "reply preview": 2,
    "bulk status change": 2,
    "draft note (author)": 2,
    "draft note (reviewer)": 3,  # the admin's read-only form and the sign form after it
    "note add page (clinician)": 2,
    "on-call page (program admin)": 3,  # confirm the code, send a new one
    "on-call page (queue member)": 3,
    "queue change page": 2,
    "staff user page (program admin)": 3,  # sign-out, send a set-up link, the account's form
}


@pytest.mark.parametrize("name", list(PAGES))
def test_no_page_opens_a_form_inside_another(world, name) -> None:
    response, status, path = PAGES[name](world)
    assert response.status_code == status, f"{name} ({path}): HTTP {response.status_code}"
    assert response["Content-Type"].startswith("text/html"), (name, response["Content-Type"])
    html = response.content.decode(response.charset or "utf-8")
    forms = assert_no_nested_forms(html, f"{name} ({path})")
    assert forms >= AT_LEAST.get(name, 0), f"{name} ({path}) has only {forms} form(s)"


# --- the check catches what it is for ----------------------------------------------------


def test_the_parser_catches_a_planted_nested_form(world) -> None:
    """A real inquiry page with one form planted inside the first of its forms fails."""
    response, _status, path = PAGES["urgent inquiry"](world)
    html = response.content.decode()
    assert assert_no_nested_forms(html, path) >= 12

    risk_form = html.index('action="/admin/intake/inquiry/')
    end_of_tag = html.index(">", risk_form) + 1
    planted_line = html.count("\n", 0, end_of_tag) + 2
    planted = html[:end_of_tag] + '\n<form id="planted" method="post">\n' + html[end_of_tag:]
    with pytest.raises(AssertionError, match=rf"line {planted_line}: <form> opened inside"):
        assert_no_nested_forms(planted, "the planted page")

    parser = check_forms(planted)
    assert len(parser.problems) >= 1
    assert 'id="planted"' in parser.problems[0]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<form><div><FORM action='/x'></FORM></div></form>", "line 1: <form> opened inside"),
        ("<form>\n<p>\n<form/>\n</form>", "line 3: <form> opened inside"),
        ("<form><script>var s = '<form>';</script></form></form>", "</form> with no form open"),
        ("<p>\n<form>\n<p>never closed", "line 2: <form> never closed"),
    ],
    ids=["nested upper-case", "self-closing syntax", "stray end tag", "unclosed"],
)
def test_the_parser_reports_each_kind_of_fault(html, expected) -> None:
    parser = check_forms(html)
    assert any(expected in problem for problem in parser.problems), parser.problems


def test_the_parser_passes_sibling_forms_and_forms_in_scripts() -> None:
    html = "<form></form>\n<form><script>document.write('<form>')</script></form>"
    parser = check_forms(html)
    assert parser.problems == [] and parser.forms_seen == 2
