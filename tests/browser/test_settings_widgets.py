"""The settings screens as a program admin meets them: in Chromium, signed in with both steps.

A program admin opens a queue, ticks its languages and working days, picks its time zone
from the list, sets its hours, adds a holiday with the date control and saves: the page says
it was saved, the database holds exactly what the page shows, and the page opened again
shows the same. The on-call phone is reached from the queue's page with one button and
confirmed with the code texted to it. A site's phone and its Spanish and Portuguese names
are edited and saved, and the public form shows them.
"""

from __future__ import annotations

import re
from datetime import date, time

import pytest

from intake.messaging.sms import MemorySMSBackend
from intake.models import CoordinatorProfile, CoordinatorQueue, ReplyTemplate, RoutingRule, Site
from intake.roles import PROGRAM_ADMIN
from tests.browser.staff import authenticator, messages, sign_in, staff, submit
from tests.browser.test_accessibility import (  # noqa: F401 - axe_js is a fixture
    assert_no_axe_violations,
    axe_js,
)
from tests.factories import SiteFactory, coordinator, default_queue

pytestmark = pytest.mark.browser

DESK = {"width": 1280, "height": 900}
ON_CALL = "+16175550199"
CODE_LABEL = "The six-digit code texted to the on-call phone"


@pytest.fixture(autouse=True)
def _two_step_sign_in(settings):
    settings.ADMIN_REQUIRE_2FA = True
    settings.ADMIN_LOGIN_RATE = "1000/h"


@pytest.fixture
def desk(browser, live_server):
    """A desktop-sized page: program admins keep the settings at a desk."""
    context = browser.new_context(viewport=DESK, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def pat(roles):
    admin = staff(PROGRAM_ADMIN, "pat")
    authenticator(admin)
    return admin


def queue_path(queue: CoordinatorQueue) -> str:
    return f"/admin/intake/coordinatorqueue/{queue.pk}/change/"


def ticked(page, name: str) -> list[str]:
    return page.locator(f"input[type=checkbox][name={name}]:checked").evaluate_all(
        "boxes => boxes.map(box => box.value)"
    )


def what_the_queue_page_shows(page) -> dict:
    return {
        "languages": ticked(page, "languages"),
        "work_days": ticked(page, "work_days"),
        "time_zone": page.locator("#id_time_zone").input_value(),
        "time_zone_text": page.locator("#id_time_zone option:checked").inner_text(),
        "work_start": page.locator("#id_work_start").input_value(),
        "work_end": page.locator("#id_work_end").input_value(),
        "holidays": [
            (
                page.locator(f"#id_holidays-{n}-date").input_value(),
                page.locator(f"#id_holidays-{n}-name").input_value(),
            )
            for n in range(int(page.locator("#id_holidays-INITIAL_FORMS").input_value()))
        ],
    }


def test_a_program_admin_ticks_picks_and_saves_a_queue_and_sees_the_same_again(desk, pat) -> None:
    queue = default_queue(languages=["en"], work_days="12345", time_zone="America/New_York")
    sign_in(desk, pat, queue_path(queue))
    form = desk.locator("#coordinatorqueue_form")

    # Real controls, not codes to type.
    assert ticked(desk, "languages") == ["en"]
    assert ticked(desk, "work_days") == ["1", "2", "3", "4", "5"]
    assert form.get_by_label("Time zone").evaluate("el => el.tagName") == "SELECT"
    assert desk.locator("#id_work_start").get_attribute("type") == "time"
    holiday_date = desk.locator("#id_holidays-0-date")
    assert holiday_date.get_attribute("type") == "date"
    # The common US zones come first in the list.
    first = desk.locator("#id_time_zone option").first.inner_text()
    assert first.startswith("America/New_York")

    form.get_by_label("Español", exact=True).check()
    form.get_by_label("Português (Brasil)", exact=True).check()
    form.get_by_label("Monday", exact=True).uncheck()
    form.get_by_label("Saturday", exact=True).check()
    form.get_by_label("Time zone").select_option("America/Chicago")
    desk.locator("#id_work_start").fill("08:30")
    desk.locator("#id_work_end").fill("16:00")
    holiday_date.fill("2026-12-25")
    desk.locator("#id_holidays-0-name").fill("Christmas Day")

    submit(desk, desk.locator("input[name=_continue]"))
    assert any("was changed successfully" in line for line in messages(desk)), desk.content()
    assert desk.locator(".errornote").count() == 0

    shown = what_the_queue_page_shows(desk)
    queue.refresh_from_db()
    assert shown["languages"] == queue.languages == ["en", "es", "pt-br"]
    assert "".join(shown["work_days"]) == queue.work_days == "23456"
    assert shown["time_zone"] == queue.time_zone == "America/Chicago"
    assert shown["time_zone_text"].startswith("America/Chicago")
    assert (shown["work_start"], shown["work_end"]) == ("08:30", "16:00")
    assert (queue.work_start, queue.work_end) == (time(8, 30), time(16, 0))
    assert shown["holidays"] == [("2026-12-25", "Christmas Day")]
    assert [(h.date, h.name) for h in queue.holidays.all()] == [
        (date(2026, 12, 25), "Christmas Day")
    ]

    # Opened again: the same ticks, the same zone, the same holiday.
    desk.goto(queue_path(queue))
    assert what_the_queue_page_shows(desk) == shown
    # Saved again untouched: nothing in the database moves.
    before = CoordinatorQueue.objects.filter(pk=queue.pk).values().get()
    submit(desk, desk.locator("input[name=_continue]"))
    assert any("was changed successfully" in line for line in messages(desk))
    assert CoordinatorQueue.objects.filter(pk=queue.pk).values().get() == before


def test_a_zone_or_hours_that_cannot_work_are_refused_in_words_that_say_what_to_do(
    desk, pat
) -> None:
    queue = default_queue(work_days="12345")
    sign_in(desk, pat, queue_path(queue))
    form = desk.locator("#coordinatorqueue_form")
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"):
        form.get_by_label(day, exact=True).uncheck()
    desk.locator("#id_work_start").fill("17:00")
    desk.locator("#id_work_end").fill("09:00")
    submit(desk, desk.locator("input[name=_continue]"))

    errors = desk.locator(".errorlist").all_inner_texts()
    assert any("Please tick at least one working day" in e for e in errors), errors
    assert any("Please choose an end time later than 17:00" in e for e in errors), errors
    queue.refresh_from_db()
    assert (queue.work_days, queue.work_start) == ("12345", time(9, 0))


def test_the_on_call_phone_is_confirmed_from_the_button_on_the_queue_page(desk, pat) -> None:
    queue = default_queue()
    sign_in(desk, pat, queue_path(queue))
    desk.locator("#coordinatorqueue_form").get_by_label("On-call phone").fill("617 555 0199")
    submit(desk, desk.locator("input[name=_continue]"))
    assert any("We texted a code to the on-call phone" in m for m in messages(desk, "info"))
    assert desk.locator("#id_on_call_phone").input_value() == ON_CALL
    assert desk.locator("#id_on_call_phone").get_attribute("type") == "tel"
    assert len(MemorySMSBackend.outbox) == 1

    # The clear button on the queue's page, next to the phone.
    button = desk.locator(".field-on_call_state").get_by_role(
        "link", name="Enter the code texted to it"
    )
    assert button.is_visible()
    submit(desk, button)
    assert desk.url.endswith(f"/admin/intake/coordinatorqueue/{queue.pk}/on-call/")

    # No code arrived? A new one, and only the newest works.
    submit(desk, desk.get_by_role("button", name="Send a new code"))
    assert any("A new code is on its way" in m for m in messages(desk))
    assert len(MemorySMSBackend.outbox) == 2
    code = re.search(r"\b(\d{6})\b", MemorySMSBackend.outbox[-1]["body"]).group(1)
    desk.get_by_label(CODE_LABEL).fill(code)
    submit(desk, desk.get_by_role("button", name="Confirm this phone"))
    assert any("Confirmed" in m for m in messages(desk))
    queue.refresh_from_db()
    assert queue.on_call_number == ON_CALL

    submit(desk, desk.get_by_role("link", name="Back to the queue"))
    state = desk.locator(".field-on_call_state").inner_text()
    assert "Confirmed on" in state and "Enter the code" not in state


def test_a_sites_phone_and_local_names_are_edited_and_saved(desk, pat) -> None:
    site = SiteFactory(name="Downtown", slug="downtown")
    path = f"/admin/intake/site/{site.pk}/change/"
    sign_in(desk, pat, path)
    form = desk.locator("#site_form")
    assert form.get_by_label("Phone").get_attribute("type") == "tel"

    form.get_by_label("Name in Spanish").fill("Centro")
    form.get_by_label("Name in Portuguese").fill("Centro da cidade")
    form.get_by_label("Phone").fill("617 555 0123")
    submit(desk, desk.locator("input[name=_continue]"))
    assert any("was changed successfully" in line for line in messages(desk)), desk.content()

    site.refresh_from_db()
    assert (site.name_es, site.name_pt_br, site.phone) == (
        "Centro",
        "Centro da cidade",
        "+16175550123",
    )
    # The page shows what is stored (the phone as it will be dialled).
    assert form.get_by_label("Name in Spanish").input_value() == site.name_es
    assert form.get_by_label("Name in Portuguese").input_value() == site.name_pt_br
    assert form.get_by_label("Phone").input_value() == site.phone

    # A phone that cannot be dialled is refused, and says what to do.
    form.get_by_label("Phone").fill("555")
    submit(desk, desk.locator("input[name=_continue]"))
    assert "Please include the area code" in desk.locator(".errorlist").first.inner_text()
    assert Site.objects.get(pk=site.pk).phone == "+16175550123"

    # People see the local names on the public form.
    desk.goto("/es/")
    assert "Centro" in desk.locator("#id_site option").all_text_contents()
    desk.goto("/pt-br/")
    assert "Centro da cidade" in desk.locator("#id_site option").all_text_contents()


def test_a_sites_address_and_a_queues_video_link_are_saved_for_confirmations(desk, pat) -> None:
    """What a reassessment confirmation says about where: set on the settings screens."""
    site = SiteFactory(name="Downtown", slug="downtown")
    queue = default_queue()
    sign_in(desk, pat, f"/admin/intake/site/{site.pk}/change/")
    desk.locator("#site_form").get_by_label("Address for visits").fill(
        "200 Example Street, 2nd floor"
    )
    submit(desk, desk.locator("input[name=_continue]"))
    assert any("was changed successfully" in line for line in messages(desk)), desk.content()
    site.refresh_from_db()
    assert site.address == "200 Example Street, 2nd floor"

    desk.goto(queue_path(queue))
    link = desk.get_by_label("Video-visit link")
    # A link phones would warn about is refused, in words that say what to do.
    link.fill("http://video.example.org/team")
    submit(desk, desk.locator("input[name=_continue]"))
    assert "starts with https://" in desk.locator(".errorlist").first.inner_text()
    assert CoordinatorQueue.objects.get(pk=queue.pk).video_visit_url == ""
    desk.get_by_label("Video-visit link").fill("https://video.example.org/team")
    submit(desk, desk.locator("input[name=_continue]"))
    assert any("was changed successfully" in line for line in messages(desk)), desk.content()
    assert CoordinatorQueue.objects.get(pk=queue.pk).video_visit_url == (
        "https://video.example.org/team"
    )


def test_every_settings_screen_with_its_new_controls_meets_wcag(desk, pat, axe_js) -> None:  # noqa: F811
    queue = default_queue(languages=["en", "es"])
    CoordinatorQueue.objects.filter(pk=queue.pk).update(on_call_phone=ON_CALL)
    site = SiteFactory(name="Downtown", slug="downtown", phone="+16175550123")
    rule = RoutingRule.objects.create(order=1, queue=queue, language="es")
    template = ReplyTemplate.objects.create(language="es", title="Bienvenida", body="Hola.")
    profile = CoordinatorProfile.objects.get(user=coordinator(queue, "lee", languages=["es"]))
    pages = [
        queue_path(queue),
        "/admin/intake/coordinatorqueue/add/",
        f"/admin/intake/site/{site.pk}/change/",
        f"/admin/intake/routingrule/{rule.pk}/change/",
        f"/admin/intake/replytemplate/{template.pk}/change/",
        f"/admin/intake/coordinatorprofile/{profile.pk}/change/",
        "/admin/intake/coordinatorprofile/",
    ]
    sign_in(desk, pat, pages[0])
    for path in pages:
        response = desk.goto(path)
        assert response.ok, path
        assert_no_axe_violations(desk, axe_js, f"{path} as a program admin")
    # The settings stylesheet is the settings screens' own: not on the worklist's pages.
    desk.goto("/admin/dashboard/")
    assert desk.locator("link[href*='css/settings.css']").count() == 0
