"""Save screenshots of the public and staff pages from a running app into docs/screenshots/.

Usage: start the app first (``make run``), then ``make screenshots``, or
``.venv/bin/python scripts/screenshots.py [URL] [--password …]`` (default
http://127.0.0.1:8000 and seed_demo's demo password).

Drives Debian's Chromium through Playwright with the same launch arguments as the browser
tests. It submits one demo inquiry to reach the thanks page, then a few fictional people
through the same form (one says they are not safe right now), signs in as the demo
coordinator (``make run`` needs no second step), puts two back in the team's queue and logs
a voicemail for another, and shoots the worklist at 1280 px. Then one more person writes in:
the coordinator replies from a template and books an in-person reassessment at seed_demo's
Downtown site (and a video visit for Jordan), and the inquiry page is shot whole; the demo
clinician finds the person on the reassessment note's add page, starts the note beside their
words and saves it, and the Upcoming reassessments page is shot last. On the embedded default
these inquiries land in the demo queue and their acknowledgements and alerts in var/mail/ and
var/sms/. The PNGs are committed, so each is reduced to a 256-colour palette (flat UI
colours, no visible loss) with the standard library alone.
"""

from __future__ import annotations

import argparse
import shutil
import struct
import sys
import time
import zlib
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from playwright.sync_api import Locator, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM_ARGS  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Long enough that the form's fill-time check sees a person, not a script.
FILL_SECONDS = 4.0
# seed_demo's password for its demo users (``make run`` prints it).
DEMO_PASSWORD = "reengage-demo-2026"  # noqa: S105 - a local, throwaway demo database
# Fictional people for the worklist (555-01xx numbers are set aside for fiction).
PEOPLE = [
    {
        "message": "I stopped coming when my shifts changed. Could I come back?",
        "contact_method": "email",
        "email": "jordan.rivers@example.com",
        "preferred_name": "Jordan",
        "kind": "come_back",
        "best_time": "evening",
        "care_format": "virtual",
        "one_on_one_first": "yes",
    },
    {
        "message": "It has been a really bad week and I don't know what to do.",
        "safety": "not_safe",
        "contact_method": "text",
        "phone": "617 555 0143",
        "preferred_name": "Marisol",
        "kind": "question",
    },
    {
        "message": "Is the Tuesday group still meeting? I'd like to ask first.",
        "contact_method": "call",
        "phone": "617 555 0144",
        "preferred_name": "Dev",
        "kind": "question",
        "voicemail_ok": "no",
        "care_format": "in_person",
    },
    {
        "message": "Not sure I'm ready, but I've been thinking about it.",
        "contact_method": "email",
        "email": "quiet.reader@example.com",
        "kind": "not_sure",
    },
    {
        "message": "Hi, I'd like to start again if there is a place.",
        "contact_method": "email",
        "email": "riley.m@example.com",
        "preferred_name": "Riley",
        "kind": "come_back",
        "best_time": "morning",
        "care_format": "hybrid",
    },
]
# The person whose inquiry page and reassessment note are shown (fictional, example.com).
CASE_PERSON = {
    "message": (
        "I stopped coming in the spring when my mum was ill. Things are calmer now "
        "and I'd like to come back, maybe slowly at first."
    ),
    "contact_method": "email",
    "email": "casey.morales@example.com",
    "preferred_name": "Casey Morales",
    "kind": "come_back",
    "best_time": "afternoon",
    "site": "Downtown",
    "care_format": "in_person",
    "pace": "one_session",
    "one_on_one_first": "yes",
    "open_to_new_group": "yes",
    "away_reasons": "family schedule",
    "last_attended": "three_twelve_months",
}
# What the clinician starts writing in Casey's note (fictional).
NOTE = {
    "What changed since they left": (
        "Family illness in the spring; caring duties have eased. Sleeping better."
    ),
    "What they need now": "A gentle restart: one session a week, afternoons.",
}
# seed_demo's queues keep office hours in this zone; visits are typed on that clock.
QUEUE_ZONE = ZoneInfo("America/New_York")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        sys.exit("Debian's chromium is not installed (apt-get install chromium)")
    return path


# --- smaller PNGs without Pillow -----------------------------------------------------


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _unfilter(raw: bytes, width: int, height: int, bpp: int) -> list[bytes]:
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    pos = 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1 : pos + 1 + stride])
        pos += 1 + stride
        if kind == 1:
            for x in range(bpp, stride):
                line[x] = (line[x] + line[x - bpp]) & 0xFF
        elif kind == 2:
            for x in range(stride):
                line[x] = (line[x] + prev[x]) & 0xFF
        elif kind == 3:
            for x in range(stride):
                left = line[x - bpp] if x >= bpp else 0
                line[x] = (line[x] + (left + prev[x]) // 2) & 0xFF
        elif kind == 4:
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return rows


def shrink_png(path: Path) -> None:
    """Rewrite an 8-bit RGB(A) PNG as a 256-colour palette PNG (the most used colours)."""
    data = path.read_bytes()
    pos, idat, header = len(PNG_SIGNATURE), b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    if header is None:
        return
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        return
    bpp = 3 if colour == 2 else 4
    rows = _unfilter(zlib.decompress(idat), width, height, bpp)
    pixels = [[row[i : i + 3] for i in range(0, len(row), bpp)] for row in rows]
    counts = Counter(px for row in pixels for px in row)
    palette = [px for px, _ in counts.most_common(256)]
    index = {px: i for i, px in enumerate(palette)}

    def nearest(px: bytes) -> int:
        r, g, b = px
        return min(
            range(len(palette)),
            key=lambda i: (
                3 * (palette[i][0] - r) ** 2
                + 4 * (palette[i][1] - g) ** 2
                + 2 * (palette[i][2] - b) ** 2
            ),
        )

    for px in counts:
        if px not in index:
            index[px] = nearest(px)
    packed = b"".join(b"\x00" + bytes(index[px] for px in row) for row in pixels)
    smaller = (
        PNG_SIGNATURE
        + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0))
        + _chunk(b"PLTE", b"".join(palette))
        + _chunk(b"IDAT", zlib.compress(packed, 9))
        + _chunk(b"IEND", b"")
    )
    if len(smaller) < len(data):
        path.write_bytes(smaller)


# --- the pages -------------------------------------------------------------------------


def shoot(page: Page, name: str, *, full_page: bool = True) -> None:
    path = OUT / name
    page.screenshot(path=str(path), full_page=full_page, animations="disabled", caret="hide")
    shrink_png(path)
    print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")


def fill(page: Page) -> None:
    page.fill("#id_message", "I'm thinking about coming back. Is that okay?")
    page.check("#id_contact_method_0")
    page.fill("#id_email", "sky@example.com")
    page.check("#id_consent")
    page.click("details.more > summary")  # "Tell us more, if you'd like"
    page.fill("#id_preferred_name", "Sky")


def send_as(page: Page, person: dict[str, str]) -> None:
    """One fictional person writes in through the public form, as a person would."""
    page.goto("/")
    started = time.monotonic()
    page.fill("#id_message", person["message"])
    if "safety" in person:
        page.check(f"input[name=safety][value={person['safety']}]")
    page.check(f"input[name=contact_method][value={person['contact_method']}]")
    for name in ("email", "phone"):
        if name in person:
            page.fill(f"#id_{name}", person[name])
    page.check("#id_consent")
    page.click("details.more > summary")
    if "preferred_name" in person:
        page.fill("#id_preferred_name", person["preferred_name"])
    for name in ("best_time", "last_attended"):
        if name in person:
            page.select_option(f"#id_{name}", person[name])
    if "site" in person:
        page.select_option("#id_site", label=person["site"])
    radios = ("kind", "care_format", "pace", "one_on_one_first", "open_to_new_group")
    for name in (*radios, "voicemail_ok"):
        if name in person:
            page.check(f"input[name={name}][value={person[name]}]")
    for reason in person.get("away_reasons", "").split():
        page.check(f"input[name=away_reasons][value={reason}]")
    time.sleep(max(0.0, FILL_SECONDS - (time.monotonic() - started)))
    with page.expect_navigation():
        page.click("#submit-id-send-more")
    page.wait_for_url("**/thanks/")


def sign_in(page: Page, username: str, password: str, path: str) -> None:
    """Sign in as a demo user and land on ``path`` (``make run`` asks for no second step)."""
    page.goto(f"/admin/login/?next={path}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.wait_for_url(f"**{path}")


def click_through(page: Page, control: Locator) -> None:
    with page.expect_navigation():
        control.click()


def open_case(page: Page, who: str) -> None:
    """From the worklist, open the first inquiry whose row mentions ``who``."""
    page.goto("/admin/intake/inquiry/")
    row = page.locator("#result_list tbody tr").filter(has_text=who).first
    click_through(page, row.locator("th a"))


def worklist(page: Page, password: str) -> None:
    """The worklist at 1280 px, as the demo coordinator sees it after a little triage."""
    for person in PEOPLE:
        send_as(page, person)
    sign_in(page, "coordinator", password, "/admin/intake/inquiry/")
    # Routing gave every inquiry to the demo coordinator: two go back to the team's queue,
    # and Dev gets a voicemail (Dev is then waiting on the person).
    for who in ("Riley", "no name given"):
        open_case(page, who)
        unassign = page.locator("form[action$='/triage/unassign/']")
        unassign.locator("[name=reason]").fill("Back to the team's queue")
        click_through(page, unassign.locator("button[type=submit]"))
    open_case(page, "Dev")
    attempt = page.locator("form[action$='/triage/attempt/']")
    attempt.locator("select[name=channel]").select_option("call")
    attempt.locator("select[name=outcome]").select_option("left_voicemail")
    click_through(page, attempt.locator("button[type=submit]"))
    page.goto("/admin/intake/inquiry/")
    shoot(page, "worklist.png")


def visit_time(days_ahead: int, hour: int, minute: int) -> str:
    """A weekday at least ``days_ahead`` days from now, in the demo queues' time zone."""
    day = datetime.now(QUEUE_ZONE).date() + timedelta(days=days_ahead)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def schedule(page: Page, when: str, care_format: str) -> None:
    """On an open case: move it to Contacted if need be, then schedule the reassessment."""
    status = page.locator("#status select[name=status]")
    if status.locator("option", has_text="Contacted").count():
        status.select_option(label="Contacted")
        click_through(page, page.locator("#status button[type=submit]"))
    card = page.locator("#schedule")
    card.get_by_label("Reassessment on").fill(when)
    card.get_by_label("Format").select_option(label=care_format)
    click_through(page, card.get_by_role("button", name="Schedule"))


def case_page(page: Page, password: str) -> None:
    """One person's inquiry page after a reply went out and an in-person visit was booked."""
    send_as(page, CASE_PERSON)
    sign_in(page, "coordinator", password, "/admin/intake/inquiry/")
    open_case(page, CASE_PERSON["preferred_name"])
    case_path = urlsplit(page.url).path
    reply = page.locator("#reply")
    click_through(page, reply.get_by_role("link", name="We're glad you reached out"))
    click_through(page, reply.get_by_role("button", name="Preview"))
    click_through(page, page.get_by_role("button", name="Send", exact=True))
    schedule(page, visit_time(2, 10, 30), "In person")
    # Jordan chose virtual: a video visit next week, for the clinicians' upcoming list.
    open_case(page, "Jordan")
    schedule(page, visit_time(6, 16, 0), "Virtual")
    page.goto(case_path)
    # Open what the confirmation said (when, where, the address), as a coordinator would.
    confirmation = page.locator("#conversation li", has_text="Reassessment confirmation")
    confirmation.locator("summary").click()
    # Back to the top, so the admin's sticky sidebar is drawn where it belongs.
    page.evaluate("window.scrollTo(0, 0)")
    shoot(page, "case-page.png")


def note_flow(page: Page, password: str) -> None:
    """A clinician finds the person by name, starts the note beside their words, and saves."""
    add = "/admin/intake/reassessmentnote/add/"
    sign_in(page, "clinician", password, add)
    page.get_by_label("Find a person").fill(CASE_PERSON["preferred_name"].split()[-1])
    click_through(page, page.get_by_role("button", name="Search"))
    shoot(page, "note-search.png")
    row = page.locator("#result_list tbody tr").first
    click_through(page, row.get_by_role("link", name="Write the note"))
    for label, text in NOTE.items():
        page.get_by_label(label).fill(text)
    page.locator("h1").click()  # out of the field, so no focus ring in the picture
    shoot(page, "note-page.png")
    click_through(page, page.get_by_role("button", name="Save", exact=True))
    page.goto("/admin/intake/inquiry/reassessments/")
    shoot(page, "upcoming.png")


def main() -> None:
    parser = argparse.ArgumentParser(description="Screenshots of the public and staff pages.")
    parser.add_argument("url", nargs="?", default="http://127.0.0.1:8000")
    parser.add_argument("--password", default=DEMO_PASSWORD, help="the demo users' password")
    args = parser.parse_args()
    base = args.url.rstrip("/")
    OUT.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), headless=True, args=CHROMIUM_ARGS)
        try:
            phone = browser.new_context(viewport=PHONE, base_url=base)
            page = phone.new_page()
            page.goto("/")
            shoot(page, "form-phone.png")
            page.click("details.more > summary")
            shoot(page, "form-phone-more.png")

            page.goto("/")
            with page.expect_navigation():
                page.click("#submit-id-send")
            shoot(page, "errors-phone.png", full_page=False)

            page.goto("/")
            started = time.monotonic()
            fill(page)
            time.sleep(max(0.0, FILL_SECONDS - (time.monotonic() - started)))
            with page.expect_navigation():
                page.click("#submit-id-send-more")
            page.wait_for_url("**/thanks/")
            shoot(page, "thanks-phone.png")
            phone.close()

            desktop = browser.new_context(viewport=DESKTOP, base_url=base)
            page = desktop.new_page()
            page.goto("/")
            shoot(page, "form-desktop.png", full_page=False)
            worklist(page, args.password)
            desktop.close()

            # A fresh browser for each staff member, as on their own desks.
            for flow in (case_page, note_flow):
                context = browser.new_context(viewport=DESKTOP, base_url=base)
                flow(context.new_page(), args.password)
                context.close()
        finally:
            browser.close()


if __name__ == "__main__":
    main()
