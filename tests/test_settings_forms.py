"""The settings screens' controls: each shows what is stored and stores what it shows.

A queue's languages and working days are tick boxes, its time zone a list, its hours and
holidays the browser's time and date inputs; sites, routing rules, reply templates and
coordinators get the same kind of controls. Each case reads the page (or the form) the way a
browser would, posts back exactly what it shows, and checks the database holds what it held,
in the format the model always kept. Bad input is refused with words that say what to do.
"""

from __future__ import annotations

import re
from datetime import date, time
from html.parser import HTMLParser
from zoneinfo import available_timezones

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation

from intake.admin.settings_fields import COMMON_US_ZONES, known_time_zones, time_zone_choices
from intake.admin.settings_forms import QueueForm, RoutingRuleForm, SiteForm
from intake.messaging.sms import MemorySMSBackend
from intake.models import (
    CoordinatorProfile,
    CoordinatorQueue,
    QueueHoliday,
    ReplyTemplate,
    RoutingRule,
    Site,
)
from intake.roles import COORDINATOR, PROGRAM_ADMIN
from tests.factories import QueueFactory, SiteFactory, UserFactory, coordinator, default_queue

pytestmark = pytest.mark.django_db

ADMIN = "/admin/intake/"
# Django's own wording, which says what went wrong but not what to do.
DJANGO_DEFAULTS = (
    "This field is required.",
    "Select a valid choice.",
    "Enter a valid",
    "Enter a number.",
    "Ensure this value",
    "already exists.",
    "is violated",
    "Please correct the duplicate",
)


# --- reading a page as a browser would ------------------------------------------------------


class FormReader(HTMLParser):
    """The (name, value) pairs a browser would post for the form with ``form_id``."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.pairs: list[tuple[str, str]] = []
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside or "disabled" in a:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.pairs.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select":
            self._select = {"name": a.get("name"), "multiple": "multiple" in a, "options": []}
        elif tag == "option" and self._select is not None:
            self._option = {"value": a.get("value"), "selected": "selected" in a, "text": ""}
            self._select["options"].append(self._option)
        elif tag == "textarea":
            self._textarea = {"name": a.get("name"), "text": ""}

    def handle_data(self, data: str) -> None:
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "option":
            self._option = None
        elif tag == "textarea" and self._textarea is not None:
            # The parser keeps the newline after <textarea>; a browser drops it.
            text = self._textarea["text"].removeprefix("\n")
            self.pairs.append((self._textarea["name"], text))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            options = self._select["options"]
            chosen = [o for o in options if o["selected"]]
            if not chosen and not self._select["multiple"] and options:
                chosen = options[:1]
            for option in chosen:
                value = option["value"] if option["value"] is not None else option["text"]
                self.pairs.append((self._select["name"], value.strip()))
            self._select = None


def shown(html: str, form_id: str) -> dict[str, list[str]]:
    reader = FormReader(form_id)
    reader.feed(html)
    values: dict[str, list[str]] = {}
    for name, value in reader.pairs:
        values.setdefault(name, []).append(value)
    return values


def errors_in(html: str) -> str:
    """The error lists' text on a page."""
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S))


@pytest.fixture
def pat(roles) -> Client:
    user = UserFactory(username="pat")
    user.groups.add(Group.objects.get(name=PROGRAM_ADMIN))
    client = Client()
    client.force_login(user)
    return client


def round_trip(client: Client, url: str, form_id: str, **changes) -> tuple[dict, object]:
    """Open ``url``, post back what it shows (with ``changes``), return (shown, response)."""
    page = client.get(url)
    assert page.status_code == 200, url
    values = shown(page.content.decode(), form_id)
    data = {**values, **changes}
    return values, client.post(url, data)


QUEUE_FIELDS = (
    "languages",
    "work_days",
    "time_zone",
    "work_start",
    "work_end",
    "on_call_phone",
    "on_call_phone_confirmed_at",
    "name",
    "slug",
    "is_default",
)


def stored(queue: CoordinatorQueue) -> dict:
    queue.refresh_from_db()
    return {
        **{name: getattr(queue, name) for name in QUEUE_FIELDS},
        "holidays": [(h.date, h.name) for h in queue.holidays.all()],
        "sites": sorted(queue.sites.values_list("pk", flat=True)),
    }


# --- a queue: the page shows what is stored, and saving it as shown changes nothing --------


@pytest.mark.parametrize(
    ("languages", "work_days", "zone", "start", "end"),
    [
        (["en"], "12345", "America/New_York", time(9), time(17, 30)),
        (["es", "en"], "54321", "America/Chicago", time(8, 15), time(16, 45, 30)),
        ([], "67", "Pacific/Honolulu", time(0), time(23, 59)),
        (["pt-br", "es", "en"], "1234567", "Europe/Lisbon", time(7), time(19)),
        (["fr", "en"], "135", "America/Argentina/Buenos_Aires", time(10), time(14)),
    ],
)
def test_a_queue_saved_as_shown_stores_exactly_what_it_held(
    pat, languages, work_days, zone, start, end
) -> None:
    queue = default_queue(
        languages=languages, work_days=work_days, time_zone=zone, work_start=start, work_end=end
    )
    queue.sites.add(SiteFactory(name="Downtown", slug="downtown"))
    QueueHoliday.objects.create(queue=queue, date=date(2026, 12, 25), name="Christmas")
    before = stored(queue)
    url = f"{ADMIN}coordinatorqueue/{queue.pk}/change/"

    values, response = round_trip(pat, url, "coordinatorqueue_form")

    # What the page shows is what is stored, each in its own control.
    assert values.get("languages", []) == [c for c in ("en", "es", "pt-br", "fr") if c in languages]
    assert values["work_days"] == sorted(work_days)
    assert values["time_zone"] == [zone]
    assert values["work_start"] == [start.strftime("%H:%M:%S" if start.second else "%H:%M")]
    assert values["work_end"] == [end.strftime("%H:%M:%S" if end.second else "%H:%M")]
    assert values["holidays-0-date"] == ["2026-12-25"]
    # Saved as shown: the same languages in the same order, the same digits, the same zone.
    assert response.status_code == 302, errors_in(response.content.decode())
    assert stored(queue) == before


def test_the_controls_are_tick_boxes_a_zone_list_and_time_and_date_inputs(pat) -> None:
    queue = default_queue(languages=["es"])
    html = pat.get(f"{ADMIN}coordinatorqueue/{queue.pk}/change/").content.decode()
    for code in ("en", "es", "pt-br"):
        assert f'type="checkbox" name="languages" value="{code}"' in html
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        assert f"{day}</label>" in html
    assert '<select name="time_zone"' in html
    assert 'type="time" name="work_start"' in html and 'type="time" name="work_end"' in html
    assert 'type="date" name="holidays-0-date"' in html
    assert 'type="tel" name="on_call_phone"' in html
    assert "css/settings.css" in html
    assert '["es"]' not in html and 'value="12345"' not in html


def test_ticking_and_picking_stores_the_model_format(pat) -> None:
    queue = default_queue(languages=["en"], work_days="12345")
    url = f"{ADMIN}coordinatorqueue/{queue.pk}/change/"
    _values, response = round_trip(
        pat,
        url,
        "coordinatorqueue_form",
        languages=["pt-br", "en", "es"],
        work_days=["6", "1", "3"],
        time_zone="America/Denver",
        work_start="08:00",
        work_end="16:30",
        **{"holidays-0-date": "2026-07-03", "holidays-0-name": "Independence Day (observed)"},
    )
    assert response.status_code == 302, errors_in(response.content.decode())
    queue.refresh_from_db()
    # The stored "en" stays first; new ones follow in the form's order.
    assert queue.languages == ["en", "es", "pt-br"]
    assert queue.work_days == "136"
    assert queue.time_zone == "America/Denver"
    assert (queue.work_start, queue.work_end) == (time(8), time(16, 30))
    assert list(queue.holidays.values_list("date", "name")) == [
        (date(2026, 7, 3), "Independence Day (observed)")
    ]


# --- the time zone list -----------------------------------------------------------------------


def test_the_zone_list_puts_the_common_us_zones_first_then_every_zone_once() -> None:
    (_common_label, common), (_every_label, every) = time_zone_choices()
    assert [zone for zone, _label in common] == [zone for zone, _name in COMMON_US_ZONES]
    rest = [zone for zone, _label in every]
    assert rest == sorted(rest)
    listed = [zone for zone, _label in common] + rest
    assert len(listed) == len(set(listed))
    assert set(listed) == known_time_zones()
    assert known_time_zones() <= available_timezones()
    assert "localtime" not in listed


@pytest.mark.parametrize("typed", ["Mars/Olympus_Mons", "Eastern", "EST ", "", "localtime"])
def test_a_zone_that_does_not_exist_is_refused_kindly(typed) -> None:
    queue = QueueFactory()
    data = {**form_data(queue), "time_zone": typed}
    form = QueueForm(data=data, instance=queue)
    assert not form.is_valid()
    message = " ".join(form.errors["time_zone"])
    assert "Please choose the queue's time zone" in message
    assert not any(default in message for default in DJANGO_DEFAULTS)


def test_a_stored_zone_that_does_not_exist_is_shown_and_must_be_replaced(pat) -> None:
    queue = default_queue()
    CoordinatorQueue.objects.filter(pk=queue.pk).update(time_zone="Eastern")
    url = f"{ADMIN}coordinatorqueue/{queue.pk}/change/"
    values, response = round_trip(pat, url, "coordinatorqueue_form")
    assert values["time_zone"] == ["Eastern"]  # shown as stored, never silently swapped
    assert response.status_code == 200
    assert "“Eastern” is not a time zone we know" in response.content.decode()
    queue.refresh_from_db()
    assert queue.time_zone == "Eastern"


def form_data(queue: CoordinatorQueue) -> dict:
    """The queue form's fields as its page shows them (no page needed)."""
    form = QueueForm(instance=queue)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, time):
            value = value.strftime("%H:%M")
        data[name] = "" if value is None else value
    data["languages"] = form.initial["languages"]
    return {k: v for k, v in data.items() if v not in (False, [])}


# --- working days and hours ---------------------------------------------------------------------


def test_no_working_day_ticked_is_refused_with_what_to_do() -> None:
    queue = QueueFactory()
    data = form_data(queue)
    data.pop("work_days")
    form = QueueForm(data=data, instance=queue)
    assert not form.is_valid()
    assert "Please tick at least one working day" in form.errors["work_days"][0]


def test_a_working_day_that_ends_before_it_starts_is_refused_with_what_to_do() -> None:
    queue = QueueFactory()
    form = QueueForm(
        data={**form_data(queue), "work_start": "17:00", "work_end": "09:00"}, instance=queue
    )
    assert not form.is_valid()
    assert form.errors["work_end"] == [
        "The working day has to end after it starts. Please choose an end time later than 17:00."
    ]


def test_an_unchanged_working_days_string_keeps_its_spelling() -> None:
    queue = QueueFactory(work_days="531")
    form = QueueForm(data=form_data(queue), instance=queue)
    assert form.initial["work_days"] == ["1", "3", "5"]
    assert form.is_valid(), form.errors
    assert form.cleaned_data["work_days"] == "531"


# --- holidays ----------------------------------------------------------------------------------


def test_the_same_holiday_twice_is_refused_in_plain_words(pat) -> None:
    queue = default_queue()
    QueueHoliday.objects.create(queue=queue, date=date(2026, 12, 25))
    url = f"{ADMIN}coordinatorqueue/{queue.pk}/change/"
    _values, response = round_trip(
        pat, url, "coordinatorqueue_form", **{"holidays-1-date": "2026-12-25"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "The same date is listed twice. Please remove one of the two rows." in page
    assert not any(default in page for default in DJANGO_DEFAULTS)
    assert queue.holidays.count() == 1


def test_a_holiday_date_typed_wrong_says_how_to_write_it(pat) -> None:
    queue = default_queue()
    url = f"{ADMIN}coordinatorqueue/{queue.pk}/change/"
    _values, response = round_trip(
        pat, url, "coordinatorqueue_form", **{"holidays-0-date": "25/13/2026"}
    )
    assert "Please enter a date like 2026-12-25" in errors_in(response.content.decode())


# --- errors say what to do -----------------------------------------------------------------------


def test_an_empty_queue_form_says_what_to_do_for_every_field(pat) -> None:
    response = pat.post(
        f"{ADMIN}coordinatorqueue/add/",
        {
            "first_contact_promise_hours": "x",
            "escalation_minutes": "-3",
            "alert_email": "on-duty at clinic",
            "holidays-TOTAL_FORMS": "0",
            "holidays-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    errors = errors_in(response.content.decode())
    assert "Please fill this in." in errors
    assert "Please enter a number, like 8 or 4.5." in errors
    assert "Please enter 0 or more." in errors
    assert "Please enter a whole e-mail address" in errors
    assert "Please tick at least one working day" in errors
    assert not any(default in errors for default in DJANGO_DEFAULTS), errors


def test_a_second_default_queue_is_refused_in_plain_words(pat) -> None:
    default_queue(name="General intake")
    other = QueueFactory(name="Evening team")
    url = f"{ADMIN}coordinatorqueue/{other.pk}/change/"
    _values, response = round_trip(pat, url, "coordinatorqueue_form", is_default="on")
    assert response.status_code == 200
    errors = errors_in(response.content.decode())
    assert "“General intake” is already the default queue" in errors
    assert not any(default in errors for default in DJANGO_DEFAULTS), errors
    other.refresh_from_db()
    assert not other.is_default


# --- the on-call phone -------------------------------------------------------------------------


def test_an_on_call_phone_that_cannot_be_dialled_is_refused_before_anything_is_saved(pat) -> None:
    queue = default_queue(name="General intake")
    url = f"{ADMIN}coordinatorqueue/{queue.pk}/change/"
    _values, response = round_trip(
        pat, url, "coordinatorqueue_form", on_call_phone="555", name="Renamed"
    )
    assert response.status_code == 200
    assert "Please include the area code" in errors_in(response.content.decode())
    queue.refresh_from_db()
    assert (queue.name, queue.on_call_phone) == ("General intake", "")
    assert MemorySMSBackend.outbox == []


def test_the_on_call_phone_as_typed_is_stored_once_and_resaving_sends_no_new_code(pat) -> None:
    queue = default_queue()
    url = f"{ADMIN}coordinatorqueue/{queue.pk}/change/"
    _values, response = round_trip(pat, url, "coordinatorqueue_form", on_call_phone="617 555 0199")
    assert response.status_code == 302
    queue.refresh_from_db()
    assert queue.on_call_phone == "+16175550199" and queue.on_call_number == ""
    assert len(MemorySMSBackend.outbox) == 1

    page = pat.get(url).content.decode()
    assert 'value="+16175550199"' in page
    # One clear button from the queue's page to where the code is entered.
    assert f'class="button on-call-button" href="{ADMIN}coordinatorqueue/{queue.pk}/on-call/"' in (
        page
    )
    assert "Enter the code texted to it" in page
    values, response = round_trip(pat, url, "coordinatorqueue_form")
    assert values["on_call_phone"] == ["+16175550199"]
    assert response.status_code == 302
    assert len(MemorySMSBackend.outbox) == 1  # the same number: no second code
    followed = pat.get(response["Location"]).content.decode()
    assert "We texted a code" not in followed


# --- staff who may only look ---------------------------------------------------------------------


def test_a_coordinator_who_may_only_look_sees_the_settings_in_words(roles) -> None:
    queue = default_queue(languages=["es", "en"], work_days="12345")
    lee = coordinator(queue, "lee")
    lee.groups.add(Group.objects.get(name=COORDINATOR))
    client = Client()
    client.force_login(lee)
    page = client.get(f"{ADMIN}coordinatorqueue/{queue.pk}/change/").content.decode()
    assert "Español, English" in page
    assert "Monday, Tuesday, Wednesday, Thursday, Friday" in page
    assert '["es", "en"]' not in page and "12345" not in page


# --- the other settings screens --------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "Downtown", "name_es": "Centro", "name_pt_br": "Centro da cidade"},
        {"name": "Virtual", "name_es": "", "name_pt_br": "", "phone": "+16175550123"},
    ],
)
def test_a_site_saved_as_shown_stores_what_it_held(pat, fields) -> None:
    site = SiteFactory(slug="place", **fields)
    before = Site.objects.filter(pk=site.pk).values().get()
    url = f"{ADMIN}site/{site.pk}/change/"
    values, response = round_trip(pat, url, "site_form")
    assert values["name_es"] == [fields["name_es"]]
    assert values["phone"] == [fields.get("phone", "")]
    assert response.status_code == 302, errors_in(response.content.decode())
    assert Site.objects.filter(pk=site.pk).values().get() == before


def test_a_site_phone_is_a_phone_input_and_stored_dialable(pat) -> None:
    site = SiteFactory(slug="place", name="Downtown")
    url = f"{ADMIN}site/{site.pk}/change/"
    assert 'type="tel" name="phone"' in pat.get(url).content.decode()
    _values, response = round_trip(pat, url, "site_form", phone="(617) 555-0123")
    assert response.status_code == 302
    site.refresh_from_db()
    assert site.phone == "+16175550123"
    _values, response = round_trip(pat, url, "site_form", phone="12")
    assert "Please include the area code" in errors_in(response.content.decode())
    form = SiteForm(data={"slug": "x y"})
    assert "Please use only letters, numbers, hyphens and underscores" in str(form.errors["slug"])


@pytest.mark.parametrize("language", ["", "es", "pt-br", "xx"])
def test_a_routing_rule_language_is_a_list_and_round_trips(pat, language) -> None:
    queue = default_queue()
    rule = RoutingRule.objects.create(order=5, queue=queue, language=language)
    url = f"{ADMIN}routingrule/{rule.pk}/change/"
    values, response = round_trip(pat, url, "routingrule_form")
    assert values["language"] == [language]
    assert response.status_code == 302, errors_in(response.content.decode())
    rule.refresh_from_db()
    assert rule.language == language
    form = RoutingRuleForm(instance=rule)
    assert form.fields["language"].choices[0] == ("", "Any language")
    assert form.fields["kind"].choices[0] == ("", "Any kind")
    assert form.fields["site"].empty_label == "Any site"


def test_a_routing_rule_for_a_language_not_listed_is_refused_kindly() -> None:
    queue = QueueFactory()
    form = RoutingRuleForm(data={"order": 1, "queue": queue.pk, "language": "klingon"})
    assert not form.is_valid()
    assert form.errors["language"] == ["Please choose one of the languages listed."]


@pytest.mark.parametrize("languages", [[], ["en"], ["es", "en"], ["pt-br"]])
def test_a_coordinators_languages_are_tick_boxes_and_round_trip(pat, languages) -> None:
    lee = coordinator(default_queue(), "lee", languages=languages)
    profile = CoordinatorProfile.objects.get(user=lee)
    url = f"{ADMIN}coordinatorprofile/{profile.pk}/change/"
    values, response = round_trip(pat, url, "coordinatorprofile_form")
    assert sorted(values.get("languages", [])) == sorted(languages)
    assert response.status_code == 302, errors_in(response.content.decode())
    profile.refresh_from_db()
    assert profile.languages == languages


@pytest.mark.parametrize("language", ["en", "es", "pt-br"])
def test_a_reply_templates_language_is_a_list_and_round_trips(pat, language) -> None:
    template = ReplyTemplate.objects.create(language=language, title="Welcome", body="Hi {name}.")
    url = f"{ADMIN}replytemplate/{template.pk}/change/"
    values, response = round_trip(pat, url, "replytemplate_form")
    assert values["language"] == [language]
    assert response.status_code == 302, errors_in(response.content.decode())
    template.refresh_from_db()
    assert (template.language, template.body) == (language, "Hi {name}.")


@pytest.mark.parametrize(
    ("language", "monday", "sunday"),
    [("en", "Monday", "Sunday"), ("es", "lunes", "domingo"), ("pt-br", "Segunda", "Domingo")],
)
def test_the_weekdays_are_named_in_the_staff_members_language(language, monday, sunday) -> None:
    # Staff pages are drawn in the active language; the names come from Django's catalogue.
    with translation.override(language):
        boxes = str(QueueForm(instance=QueueFactory())["work_days"])
    assert monday in boxes and sunday in boxes
    assert boxes.index(monday) < boxes.index(sunday)
