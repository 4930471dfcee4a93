"""The HTML deck in a real browser (Debian's Chromium): from a USB stick without network, and online.

The deck folder is copied on its own to a fresh place, as onto a USB stick, so
the test also proves that it needs nothing outside its own folder.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
from pathlib import Path

import pytest

from test_slides_pdf import expected_slide_count
from digicharter import outputs
from digicharter.view import views

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def languages(loaded):
    return views(loaded.charter)


@pytest.fixture(scope="module")
def usb_stick(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Only the decks, copied away from the rest of the site."""
    stick = tmp_path_factory.mktemp("usb")
    for view in views_of(built_site):
        shutil.copytree(built_site / outputs.slides_html(view), stick / view.code)
    return stick


def views_of(built_site: Path):
    from conftest import CHARTER
    from digicharter.loading.charter_loader import load_charter

    return views(load_charter(CHARTER, strict=True).charter)


@pytest.fixture
def offline(browser):
    """A browser page that may load file:// only; every other request is refused and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    attempted: list[str] = []

    def route(route):
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            attempted.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, attempted, errors
    context.close()


def open_deck(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=15000)


def test_deck_works_from_a_usb_stick_without_network(offline, usb_stick, languages):
    page, attempted, errors = offline
    for view in languages:
        charter = view.charter
        open_deck(page, (usb_stick / view.code / "index.html").as_uri())
        assert page.evaluate("document.documentElement.lang") == view.code
        total = expected_slide_count(charter)
        assert page.evaluate("Reveal.getTotalSlides()") == total
        # The school's font came from the stick, not from the system.
        page.evaluate("document.fonts.ready")
        assert page.evaluate("document.fonts.check('30px \"Atkinson Hyperlegible\"')")
        assert page.evaluate(
            "Array.from(document.fonts).some(f => f.family.includes('Atkinson') && f.status === 'loaded')"
        )
        # Nothing on any slide is cut off by the 1280 × 720 frame.
        cut = page.evaluate(
            "Array.from(document.querySelectorAll('.frame'))"
            ".map((f, i) => [i + 1, f.scrollHeight - f.clientHeight, f.scrollWidth - f.clientWidth])"
            ".filter(([, down, across]) => down > 0 || across > 0)"
        )
        assert cut == [], f"{view.code}: slides overflow their frame: {cut}"
    assert attempted == [], f"the deck tried to reach the network: {attempted}"
    assert errors == []


def test_arrow_keys_and_clicker_move_between_slides(offline, usb_stick, languages):
    page, attempted, _ = offline
    view = languages[0]
    open_deck(page, (usb_stick / view.code / "index.html").as_uri())
    page.locator(".reveal").click()
    assert page.evaluate("Reveal.getIndices().h") == 0
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 1")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 2")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("Reveal.getIndices().h === 1")
    # Presentation clickers send Page Down / Page Up.
    page.keyboard.press("PageDown")
    page.wait_for_function("Reveal.getIndices().h === 2")
    page.keyboard.press("PageUp")
    page.wait_for_function("Reveal.getIndices().h === 1")
    heading = page.evaluate("Reveal.getCurrentSlide().querySelector('h2').textContent")
    assert heading == view.text(view.charter.slides.labels.vision, "plain")
    assert attempted == []


def test_speaker_notes_are_in_the_page(offline, usb_stick, languages):
    page, _, _ = offline
    for view in languages:
        open_deck(page, (usb_stick / view.code / "index.html").as_uri())
        notes = page.evaluate(
            "Array.from(document.querySelectorAll('.reveal .slides > section'))"
            ".map(s => (s.querySelector('aside.notes') || {textContent: ''}).textContent.replace(/\\s+/g, ' ').trim())"
        )
        assert all(notes), f"{view.code}: every slide has speaker notes"
        everything = " ".join(notes)
        for rule in [*view.charter.agreements.rules, *view.charter.protocol.rules]:
            assert " ".join(view.text(rule.text, "plain").split()) in everything, rule.id
        assert not page.locator("aside.notes").first.is_visible(), "notes are for the speaker, not the projector"


def test_speaker_view_opens_offline_with_notes_and_timer(offline, usb_stick, languages):
    page, attempted, _ = offline
    view = languages[0]
    open_deck(page, (usb_stick / view.code / "index.html").as_uri() + "#/1")
    with page.context.expect_page() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.wait_for_function(
        "document.querySelector('.speaker-controls-notes .value') &&"
        " document.querySelector('.speaker-controls-notes .value').textContent.trim().length > 0",
        timeout=15000,
    )
    vision = " ".join(view.text(view.charter.quality.vision[1], "plain").split())
    shown = " ".join(speaker.evaluate("document.querySelector('.speaker-controls-notes .value').textContent").split())
    assert vision in shown
    assert speaker.evaluate("getComputedStyle(document.querySelector('#connection-status')).display") == "none"
    # The timer runs: its seconds move on from :00.
    speaker.wait_for_function(
        "document.querySelector('.speaker-controls-time .timer .seconds-value').textContent.trim() !== ':00'",
        timeout=5000,
    )
    # The pacing follows the minutes set in slides.yaml.
    assert speaker.evaluate("getComputedStyle(document.querySelector('.speaker-controls-time .pacing')).display") != "none"
    assert attempted == []


def test_deck_is_online_at_slides(browser, site_server, languages):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    elsewhere: list[str] = []

    def route(route):
        if route.request.url.startswith(site_server):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    try:
        for view in languages:
            open_deck(page, site_server + outputs.slides_html(view))
            assert page.evaluate("document.documentElement.lang") == view.code
            first = page.evaluate("document.querySelector('.reveal h1').textContent")
            assert " ".join(first.split()) == view.text(view.charter.settings.title, "plain")
    finally:
        context.close()
    assert elsewhere == []


@pytest.mark.parametrize("index", [0, 1])
def test_the_speaker_view_speaks_the_decks_language_with_its_clock(offline, usb_stick, languages, index):
    """Every word of the speaker view from the charter's slide labels, the clock as the locale writes it (24 h here)."""
    page, attempted, _ = offline
    view = languages[index]
    labels = view.charter.slides.labels
    moment = datetime(2026, 9, 8, 19, 5, tzinfo=ZoneInfo("Europe/Brussels"))
    page.context.clock.install(time=moment)
    open_deck(page, (usb_stick / view.code / "index.html").as_uri() + "#/1")
    with page.context.expect_page() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.wait_for_function("document.querySelector('.speaker-controls-notes .value')"
                              " && document.querySelector('.speaker-controls-notes .value').textContent.trim()",
                              timeout=15000)
    page.context.clock.run_for(2000)
    shown = speaker.evaluate("""() => ({
        lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title,
        upcoming: document.querySelector('#upcoming-slide .label').textContent,
        time: document.querySelector('.speaker-controls-time .label').firstChild.textContent.trim(),
        reset: document.querySelector('.reset-button').textContent,
        notes: document.querySelector('.speaker-controls-notes .label').textContent,
        layout: document.querySelector('.speaker-layout-label').textContent,
        layouts: [...document.querySelectorAll('.speaker-layout-dropdown option')].map(o => o.textContent),
        clock: document.querySelector('.clock-value').textContent.trim()})""")
    raw = view.raw
    assert shown["lang"] == view.code and shown["dir"] == view.direction
    assert shown["title"] == raw(labels.speaker_view)
    assert (shown["upcoming"], shown["time"], shown["reset"], shown["notes"]) == (
        raw(labels.speaker_upcoming), raw(labels.speaker_time), raw(labels.speaker_reset), raw(labels.notes))
    assert shown["layout"].startswith(raw(labels.speaker_layout))
    assert shown["layouts"] == [raw(labels.speaker_layout_default), raw(labels.speaker_layout_wide),
                                raw(labels.speaker_layout_tall), raw(labels.speaker_layout_notes)]
    # The presenter's own clock (this browser runs in UTC), as nl-BE and en-GB write it: 24 hours, no AM/PM.
    assert shown["clock"] == f"{moment.astimezone(timezone.utc):%H:%M}", shown["clock"]
    assert attempted == []


def test_a_changed_reveal_js_is_said_not_shipped_half_english(languages):
    from digicharter.errors import InternalError
    from digicharter.render.slides.html import NOTES_PLUGIN, REVEAL_DIR
    from digicharter.render.slides.speaker_view import localized_notes_plugin

    source = (REVEAL_DIR / NOTES_PLUGIN).read_text(encoding="utf-8")
    assert "Upcoming" not in localized_notes_plugin(source, languages[1])
    with pytest.raises(InternalError, match="notes plugin changed"):
        localized_notes_plugin(source.replace("Click to Reset", "Click to reset"), languages[1])


PAYLOAD = "`${alert(1)}` \\` </script><script>alert(2)</script> <img src=x onerror=alert(3)>"


def test_speaker_view_words_from_the_charter_are_text_only(charter_copy, tmp_path, browser):
    """A label is written into a JavaScript template literal and an inline script (the speaker view), or into a
    template literal of reveal.js (the help screen): it must stay text in every one."""
    import subprocess
    import sys

    slides = charter_copy / "slides.yaml"
    text = slides.read_text(encoding="utf-8")
    # The help screen (key ?) writes its labels from template literals inside reveal.js itself.
    words = {"speaker_upcoming": PAYLOAD, "speaker_layout_wide": PAYLOAD, "help_title": PAYLOAD, "help_next": PAYLOAD}
    # Braces doubled: the charter's way of writing a literal brace (a single one would be a reference).
    typed = {key: value.replace("{", "{{").replace("}", "}}") for key, value in words.items()}
    added = "".join(f"  {key}: {{en: {json.dumps(value)}}}\n" for key, value in typed.items())
    slides.write_text(text.replace("\nlabels:\n", "\nlabels:\n" + added, 1), encoding="utf-8")
    out = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "digicharter", "slides", str(charter_copy), "-o", str(out), "-q"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    dialogs: list[str] = []
    context.on("page", lambda page: page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss())))
    try:
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        open_deck(page, (out / "en" / "slides" / "index.html").as_uri() + "#/1")
        with context.expect_page() as opened:
            page.keyboard.press("s")
        speaker = opened.value
        speaker.wait_for_function("document.querySelector('#upcoming-slide .label')", timeout=15000)
        upcoming = speaker.evaluate("document.querySelector('#upcoming-slide .label').textContent")
        options = speaker.evaluate("[...document.querySelectorAll('.speaker-layout-dropdown option')].map(o => o.textContent)")
        images = speaker.evaluate("document.querySelectorAll('img[onerror]').length")
        page.bring_to_front()
        page.keyboard.press("Shift+Slash")
        page.wait_for_selector(".r-overlay-help", timeout=10000)
        title = page.evaluate("document.querySelector('.r-overlay-help .title').textContent")
        actions = page.evaluate("[...document.querySelectorAll('.r-overlay-help td')].map(td => td.textContent)")
        images += page.evaluate("document.querySelectorAll('img[onerror]').length")
    finally:
        context.close()
    assert upcoming == PAYLOAD and PAYLOAD in options
    assert title == PAYLOAD and PAYLOAD in actions
    assert images == 0 and dialogs == []


def test_the_help_screen_speaks_the_decks_language(offline, usb_stick, languages):
    """Key ? shows reveal.js's keyboard help with the charter's words, in every language of the example."""
    from digicharter.render.slides.help_screen import DESCRIPTIONS

    page, attempted, errors = offline
    for view in languages:
        labels = view.charter.slides.labels
        open_deck(page, (usb_stick / view.code / "index.html").as_uri())
        page.keyboard.press("Shift+Slash")  # the ? key
        page.wait_for_selector(".r-overlay-help", timeout=10000)
        shown = page.evaluate("""() => ({
            title: document.querySelector('.r-overlay-help .title').textContent,
            heads: [...document.querySelectorAll('.r-overlay-help th')].map(th => th.textContent),
            actions: [...document.querySelectorAll('.r-overlay-help tr td:last-child')].map(td => td.textContent),
        })""")
        word = lambda label: " ".join(view.raw(label).split())  # noqa: E731
        assert shown["title"] == word(labels.help_title)
        assert shown["heads"] == [word(labels.help_key), word(labels.help_action)]
        actions = [" ".join(a.split()) for a in shown["actions"]]
        assert word(labels.help_next) in actions and word(labels.speaker_view) in actions, (view.code, actions)
        if view.code != "en":  # the English labels may say what reveal.js says
            assert not set(actions) & set(DESCRIPTIONS), (view.code, actions)
    assert attempted == [] and errors == []
