"""Save screenshots of the public pages and the worklist from a running app into docs/screenshots/.

Usage: start the app first (``make run``), then ``make screenshots``, or
``.venv/bin/python scripts/screenshots.py [URL] [--password …]`` (default
http://127.0.0.1:8000 and seed_demo's demo password).

Drives Debian's Chromium through Playwright with the same launch arguments as the browser
tests. It submits one demo inquiry to reach the thanks page, then a few fictional people
through the same form (one says they are not safe right now), signs in as the demo
coordinator (``make run`` needs no second step), puts two back in the team's queue and logs
a voicemail for another, and shoots the worklist at 1280 px. On the embedded default these
inquiries land in the demo queue and their acknowledgements and alerts in var/mail/ and
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
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

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
    if "best_time" in person:
        page.select_option("#id_best_time", person["best_time"])
    for name in ("kind", "care_format", "one_on_one_first", "voicemail_ok"):
        if name in person:
            page.check(f"input[name={name}][value={person[name]}]")
    time.sleep(max(0.0, FILL_SECONDS - (time.monotonic() - started)))
    with page.expect_navigation():
        page.click("#submit-id-send-more")
    page.wait_for_url("**/thanks/")


def worklist(page: Page, password: str) -> None:
    """The worklist at 1280 px, as the demo coordinator sees it after a little triage."""
    for person in PEOPLE:
        send_as(page, person)
    page.goto("/admin/login/?next=/admin/intake/inquiry/")
    page.fill("#id_username", "coordinator")
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.wait_for_url("**/admin/intake/inquiry/")
    rows = page.locator("#result_list tbody tr")
    # Routing gave every inquiry to the demo coordinator: two go back to the team's queue,
    # and Dev gets a voicemail (Dev is then waiting on the person).
    for who in ("Riley", "no name given"):
        with page.expect_navigation():
            rows.filter(has_text=who).first.locator("th a").click()
        unassign = page.locator("form[action$='/triage/unassign/']")
        unassign.locator("[name=reason]").fill("Back to the team's queue")
        with page.expect_navigation():
            unassign.locator("button[type=submit]").click()
        page.goto("/admin/intake/inquiry/")
    with page.expect_navigation():
        rows.filter(has_text="Dev").first.locator("th a").click()
    attempt = page.locator("form[action$='/triage/attempt/']")
    attempt.locator("select[name=channel]").select_option("call")
    attempt.locator("select[name=outcome]").select_option("left_voicemail")
    with page.expect_navigation():
        attempt.locator("button[type=submit]").click()
    page.goto("/admin/intake/inquiry/")
    shoot(page, "worklist.png")


def main() -> None:
    parser = argparse.ArgumentParser(description="Screenshots of the public pages and worklist.")
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
        finally:
            browser.close()


if __name__ == "__main__":
    main()
