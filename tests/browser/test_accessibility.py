"""WCAG 2.2 AA on every public page, measured in a real browser.

axe-core (installed from the npm registry into node_modules/, injected from this process, never
from a CDN) checks each page a person can meet; the other tests cover what axe cannot: page
weight and origin, reflow at 320 CSS px, target sizes, visible focus, the form without
JavaScript, and error-summary links that take the person to the field.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intake.models import Inquiry
from tests import support
from tests.factories import default_queue

pytestmark = pytest.mark.browser

AXE_JS = support.ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGE_WEIGHT_LIMIT = 60 * 1024
MIN_TARGET = 24
PHONE = {"width": 390, "height": 844}
# A 640 CSS px window at 200% zoom lays out like a 320 CSS px viewport (WCAG 1.4.10's width).
ZOOMED = {"width": 320, "height": 480}
MESSAGE = "I'm thinking about coming back. Is that okay?"
URGENT_MESSAGE = "I'm not safe tonight and I want to come back."
# After following an error-summary link the page keeps its #fragment through the redirect.
THANKS_URL = re.compile(r".*/thanks/(#.*)?$")

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
  });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(' '), summary: n.failureSummary})),
  }));
}"""

# Everything a person can click, tap or type into (the honeypot is inert and never counted).
INTERACTIVE = (
    "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])"
)


@pytest.fixture(scope="session")
def axe_js() -> Path:
    if not AXE_JS.is_file():
        support.require(
            "browser",
            "axe-core is not installed: npm install --no-save --no-package-lock axe-core@4",
        )
    return AXE_JS


@pytest.fixture
def new_page(browser, live_server):
    """A fresh, cold browser context per call: new_page(viewport=..., **context_options)."""
    contexts = []

    def make(viewport: dict | None = None, **options):
        context = browser.new_context(
            viewport=viewport or PHONE, base_url=live_server.url, **options
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def accepting(settings, db):
    """The form accepts an immediate post (no fill-time quarantine) and has a queue."""
    settings.INTAKE_MIN_FILL_SECONDS = 0
    default_queue()


def assert_no_axe_violations(page, axe_js: Path, what: str) -> None:
    # Evaluated through DevTools, not injected as a <script>: the page's Content-Security-
    # Policy (no inline script) stays in force while axe audits it.
    page.evaluate(axe_js.read_text(encoding="utf-8") + "\n;undefined")
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {n['target']}: {n['summary']}" for n in v["nodes"])
        for v in violations
    )
    assert not violations, f"axe-core found WCAG 2.2 AA violations on {what}:\n{report}"


def open_more(page) -> None:
    """Open "Tell us more, if you'd like" (closed on a fresh form) with a real click."""
    page.click("details.more > summary")
    assert page.evaluate("document.querySelector('details.more').open")


def submit_empty(page) -> None:
    page.goto("/")
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.wait_for_selector(".error-summary")


def fill_and_submit(page, message: str = MESSAGE) -> None:
    page.fill("#id_message", message)
    page.check("#id_contact_method_0")
    page.fill("#id_email", "sky@example.com")
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.wait_for_url(THANKS_URL)


def scroll_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


# --- axe-core ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "lang"), [("/", "en"), ("/es/", "es"), ("/pt/", "pt-br"), ("/pt-br/", "pt-br")]
)
def test_the_form_in_every_language_has_no_wcag_violations(
    new_page, axe_js, db, path, lang
) -> None:
    page = new_page()
    response = page.goto(path)
    assert response.ok
    assert page.evaluate("document.documentElement.lang") == lang
    assert_no_axe_violations(page, axe_js, f"the form at {path} ({page.url})")


def test_the_form_with_errors_has_no_wcag_violations(new_page, axe_js, db) -> None:
    page = new_page()
    submit_empty(page)
    assert_no_axe_violations(page, axe_js, "the form's error state")


@pytest.mark.parametrize("path", ["/", "/pt-br/"])
def test_the_whole_form_opened_with_texting_chosen_has_no_wcag_violations(
    new_page, axe_js, settings, db, path
) -> None:
    """Every optional question, the OK worded for texting and the call line, in axe's view."""
    settings.PROGRAM_PHONE = "+16175550100"
    page = new_page()
    page.goto(path)
    page.check("#id_contact_method_2")
    open_more(page)
    assert page.locator(".consent-text").is_visible()
    assert_no_axe_violations(page, axe_js, f"the opened form at {path}, texting chosen")


def test_the_form_after_a_language_switch_has_no_wcag_violations(new_page, axe_js, db) -> None:
    page = new_page()
    page.goto("/")
    page.fill("#id_message", MESSAGE)
    with page.expect_navigation():
        page.click(".lang-switch button[value=es]")
    assert page.input_value("#id_message") == MESSAGE
    assert_no_axe_violations(page, axe_js, "the form drawn again in Spanish")


@pytest.mark.parametrize("message", [MESSAGE, URGENT_MESSAGE], ids=["routine", "urgent"])
def test_the_thanks_page_has_no_wcag_violations(new_page, axe_js, accepting, message) -> None:
    page = new_page()
    page.goto("/")
    fill_and_submit(page, message)
    if message == URGENT_MESSAGE:
        assert page.locator(".crisis-first").count() == 1
    assert_no_axe_violations(page, axe_js, f"the thanks page ({message!r})")


def test_the_axe_check_catches_a_planted_fault(new_page, axe_js, db) -> None:
    """Zero violations only means something if the same check fails a page with a fault."""
    page = new_page()
    page.goto("/")
    page.evaluate(
        "() => { const el = document.createElement('input'); el.id = 'planted';"
        " document.querySelector('main').append(el); }"
    )
    with pytest.raises(AssertionError, match=r"- label \(critical\)[\s\S]*#planted"):
        assert_no_axe_violations(page, axe_js, "a page with an unlabelled field")


def test_the_not_found_page_has_no_wcag_violations(new_page, axe_js, db) -> None:
    page = new_page()
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert_no_axe_violations(page, axe_js, "the 404 page")


# --- page weight and privacy ---------------------------------------------------------


def test_a_cold_load_stays_on_our_origin_and_under_60_kb(new_page, live_server, db) -> None:
    page = new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto("/", wait_until="networkidle")

    assert finished
    strangers = [r.url for r in finished if not r.url.startswith(live_server.url + "/")]
    assert not strangers, f"requests left our origin: {strangers}"

    weights = {}
    for request in finished:
        sizes = request.sizes()
        body = max(sizes["responseBodySize"], 0)
        weights[request.url] = body + max(sizes["responseHeadersSize"], 0)
    # Headless Chromium may skip the favicon; a person's browser fetches it, so count it too.
    favicon = page.eval_on_selector("link[rel=icon]", "el => el.href")
    if favicon not in weights:
        response = page.request.get(favicon)
        assert response.ok
        headers = sum(len(k) + len(v) + 4 for k, v in response.headers.items())
        weights[favicon] = len(response.body()) + headers
    kinds = {Path(url.split("?")[0]).suffix or ".html" for url in weights}
    assert {".html", ".css", ".svg"} <= kinds, weights
    total = sum(weights.values())
    print(f"cold load of /: {total} bytes in {len(weights)} responses: {weights}")
    assert total < PAGE_WEIGHT_LIMIT, f"cold load is {total} bytes: {weights}"


# --- reflow and zoom -----------------------------------------------------------------


def test_nothing_scrolls_sideways_at_320_css_px(new_page, accepting) -> None:
    page = new_page(ZOOMED)
    for path in ("/", "/es/", "/pt-br/", "/no-such-page/"):
        page.goto(path)
        assert scroll_width(page) <= 320, path
    submit_empty(page)
    assert scroll_width(page) <= 320, "error state"
    page.goto("/")
    fill_and_submit(page)
    assert scroll_width(page) <= 320, "thanks page"


def test_the_form_works_at_200_percent_zoom(new_page, accepting) -> None:
    # 640 device px at 200% zoom: 320 CSS px laid out at two device pixels per CSS pixel.
    page = new_page(ZOOMED, device_scale_factor=2)
    page.goto("/")
    assert scroll_width(page) <= 320
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert scroll_width(page) <= 320
    page.click(".error-summary a[href='#id_message']")
    page.keyboard.type(MESSAGE)
    page.check("#id_contact_method_1")
    page.fill("#id_phone", "617 555 0123")
    page.check("#id_consent")
    submit = page.locator("#submit-id-send")  # the first Send, above the optional questions
    submit.scroll_into_view_if_needed()
    box = submit.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 320
    with page.expect_navigation():
        submit.click()
    page.wait_for_url(THANKS_URL)
    assert "We got your message" in page.inner_text("h1")
    assert scroll_width(page) <= 320


@pytest.mark.parametrize("path", ["/", "/es/", "/pt-br/", "errors"])
def test_text_twice_as_large_still_fits_a_phone(new_page, db, path) -> None:
    """WCAG 1.4.4: text resized to 200% (a browser's text-only zoom) loses nothing."""
    page = new_page()
    if path == "errors":
        submit_empty(page)
    else:
        page.goto(path)
    add_reader_css(page, "html { font-size: 200% !important; }")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    assert scroll_width(page) <= PHONE["width"]


def add_reader_css(page, css: str) -> None:
    """A reader's own styles, as a constructed stylesheet (CSSOM), the way a user style
    or extension applies them: the page's CSP refuses injected <style> tags, as it should."""
    page.evaluate(
        "(css) => { const s = new CSSStyleSheet(); s.replaceSync(css);"
        " document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }",
        css,
    )


def test_text_spacing_overrides_lose_nothing(new_page, db) -> None:
    """WCAG 1.4.12: a reader's own line, letter, word and paragraph spacing still fits."""
    page = new_page(ZOOMED)
    page.goto("/pt-br/")
    add_reader_css(
        page,
        "* { line-height: 1.5 !important; letter-spacing: .12em !important;"
        " word-spacing: .16em !important; } p { margin-bottom: 2em !important; }",
    )
    assert scroll_width(page) <= 320


# --- targets and focus ---------------------------------------------------------------


def target_sizes(page) -> list[dict]:
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
          .filter((el) => !el.closest('[inert]') && el.getClientRects().length)
          .filter((el) => el.closest('main, header, aside, footer'))
          .map((el) => {
            const r = el.getBoundingClientRect();
            const label = el.labels && el.labels[0] ? el.labels[0].getBoundingClientRect() : null;
            return {what: el.id || el.name || el.textContent.trim().slice(0, 30),
                    tag: el.tagName.toLowerCase(), type: el.type || '',
                    width: r.width, height: r.height,
                    labelHeight: label ? label.height : null};
          })""",
        INTERACTIVE,
    )


@pytest.mark.parametrize("state", ["form", "errors"])
def test_every_target_is_at_least_24_css_px(new_page, db, state) -> None:
    page = new_page()
    if state == "form":
        page.goto("/")
    else:
        submit_empty(page)
    open_more(page)  # the optional questions too
    targets = target_sizes(page)
    assert len(targets) > 30
    small = [t for t in targets if min(t["width"], t["height"]) < MIN_TARGET]
    assert not small, f"targets under {MIN_TARGET}x{MIN_TARGET} CSS px: {small}"
    smallest = min(targets, key=lambda t: min(t["width"], t["height"]))
    print(f"smallest target ({state}): {smallest}")
    # Tick boxes and radio buttons are 24 px; their labels make each row 44 px to tap.
    choices = [t for t in targets if t["type"] in ("radio", "checkbox")]
    assert choices and all(t["labelHeight"] and t["labelHeight"] >= 44 for t in choices), [
        t for t in choices if not t["labelHeight"] or t["labelHeight"] < 44
    ]


FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {what: el.id || el.name || el.textContent.trim().slice(0, 30), tag: el.tagName,
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
}"""


@pytest.mark.parametrize("state", ["form", "errors"])
def test_keyboard_focus_is_always_visible(new_page, db, state) -> None:
    page = new_page()
    if state == "form":
        page.goto("/")
    else:
        submit_empty(page)
    if state == "errors":
        page.evaluate("document.activeElement.blur()")
    # Every optional question in the tab order too; opened without moving focus, so Tab
    # still starts from the top of the page.
    page.evaluate("document.querySelector('details.more').open = true")
    seen = []
    for _ in range(120):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_STYLE)
        if focus["tag"] == "BODY" or (seen and focus == seen[0]):
            break
        seen.append(focus)
    assert len(seen) > 20, seen
    hidden = [f for f in seen if f["outline"] == "none" or f["width"] < 2]
    assert not hidden, f"focus without a visible outline: {hidden}"
    assert "id_website" not in {f["what"] for f in seen}, "the honeypot took keyboard focus"


def test_the_honeypot_is_out_of_reach_for_people_but_still_in_the_form(new_page, db) -> None:
    page = new_page()
    page.goto("/")
    honeypot = page.evaluate(
        """() => {
          const input = document.getElementById('id_website');
          const wrapper = input.closest('.hp-field');
          input.focus();
          const r = input.getBoundingClientRect();
          return {hidden: wrapper.getAttribute('aria-hidden'), inert: wrapper.inert,
                  focused: document.activeElement === input, right: r.right,
                  submitted: new FormData(input.form).has('website')};
        }"""
    )
    assert honeypot["hidden"] == "true" and honeypot["inert"], honeypot
    assert not honeypot["focused"], "the honeypot can take focus"
    assert honeypot["right"] <= 0, "the honeypot is on screen"
    assert honeypot["submitted"], "bots no longer see the honeypot as a form field"


def test_the_skip_link_appears_on_focus_and_leads_to_the_form(new_page, db) -> None:
    page = new_page()
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_message"


# --- without JavaScript ----------------------------------------------------------------


def test_the_form_works_with_javascript_turned_off(new_page, accepting) -> None:
    page = new_page(java_script_enabled=False)
    page.goto("/")
    page_scripts_run = page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
        " document.head.append(s); return window.ran === 1; }"
    )
    assert not page_scripts_run, "JavaScript is still on in this context"
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert page.locator(".error-summary").is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"  # autofocus, no script
    fill_and_submit(page)
    assert "We got your message" in page.inner_text("h1")
    assert Inquiry.objects.filter(is_spam=False).count() == 1


# --- the error summary -----------------------------------------------------------------


@pytest.mark.parametrize("chosen", ["nothing", "text"])
def test_error_summary_takes_focus_and_its_links_move_focus_to_each_field(
    new_page, db, chosen
) -> None:
    page = new_page()
    page.goto("/")
    if chosen == "text":  # a text needs a phone number and its own tick box
        page.check("#id_contact_method_2")
    with page.expect_navigation():
        page.click("input[type=submit]")
    title = page.title()
    assert title.startswith("Please check a few things")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    links = page.locator(".error-summary a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) >= 3, hrefs
    assert all(re.fullmatch(r"#id_\w+", href) for href in hrefs), hrefs
    for href in hrefs:
        page.click(f".error-summary a[href='{href}']")
        assert page.evaluate("document.activeElement.id") == href[1:], href
        # The field's question is on screen too, not scrolled off above it.
        described = page.evaluate(
            """(id) => {
              const el = document.getElementById(id);
              const group = el.closest('fieldset');
              let label = el.type === 'radio' ? group.querySelector('legend') : el.labels[0];
              if (label.getBoundingClientRect().width <= 1) {  // shown once, as the legend
                label = group.querySelector('legend');
              }
              const r = label.getBoundingClientRect();
              return r.top >= 0 && r.bottom <= window.innerHeight;
            }""",
            href[1:],
        )
        assert described, f"the label of {href} is off screen after following the link"
        invalid = page.evaluate("document.activeElement.getAttribute('aria-invalid')")
        assert invalid == "true", href
