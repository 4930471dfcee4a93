"""Right-to-left languages: the direction comes from CLDR, and facts keep their own order inside them."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from digicharter.loading.charter_loader import load_charter
from digicharter.view import views

ARABIC = """  - code: ar
    name: العربية
    locale: ar
    time_format: "HH:mm"
    complete: false
"""


@pytest.fixture
def with_arabic(charter_copy: Path):
    settings = charter_copy / "charter.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("\n# Plain texts", ARABIC + "\n# Plain texts", 1), encoding="utf-8")
    return load_charter(charter_copy, strict=True).charter


def test_the_direction_of_each_language_comes_from_its_locale(with_arabic) -> None:
    assert {view.code: view.direction for view in views(with_arabic)} == {"nl": "ltr", "en": "ltr", "ar": "rtl"}


def test_numbers_and_addresses_stay_left_to_right_in_arabic_text(charter_copy: Path) -> None:
    settings = charter_copy / "charter.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("\n# Plain texts", ARABIC + "\n# Plain texts", 1),
                        encoding="utf-8")
    agreements = charter_copy / "agreements.yaml"
    agreements.write_text(agreements.read_text(encoding="utf-8").replace(
        '      nl: "School: {phone.school}, elke dag {period.office_hours}"',
        '      nl: "School: {phone.school}, elke dag {period.office_hours}"\n'
        '      ar: "المدرسة: {phone.school}، كل يوم"', 1), encoding="utf-8")
    charter = load_charter(charter_copy, strict=True).charter
    arabic = next(view for view in views(charter) if view.code == "ar")
    rule = next(r for r in charter.all_rules() if r.id == "phone-school")
    assert arabic.text(rule.short, "plain") == "المدرسة: \u2066011 621 613\u2069، كل يوم"
    assert "\u2066" not in views(charter)[0].text(rule.short, "plain")
    # A text not translated yet is Dutch as a whole: isolated left to right in plain text, marked in HTML.
    untranslated = next(r for r in charter.all_rules() if r.id == "email-answer-time")
    plain = arabic.text(untranslated.short, "plain")
    assert plain.startswith("\u2066") and plain.endswith("\u2069") and "48\u00a0uur" in plain
    assert arabic.text(untranslated.short, "html").startswith('<span lang="nl" dir="ltr">')
    for rule in charter.all_rules():
        shown = arabic.text(rule.text, "html")
        assert shown.count("\u2066") + shown.count("\u2067") == shown.count("\u2069")
        assert not [c for c in shown if unicodedata.bidirectional(c) in ("LRE", "RLE", "LRO", "RLO", "PDF")]


@pytest.mark.slow
def test_the_arabic_bookmark_and_slides_run_right_to_left(charter_copy: Path, tmp_path: Path, built_site: Path) -> None:
    """The bookmark of a new Arabic with nothing translated yet (Dutch headings), and the example's own Arabic deck."""
    import subprocess
    import sys

    import pdfplumber

    settings = charter_copy / "charter.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("\n# Plain texts", ARABIC + "\n# Plain texts", 1),
                        encoding="utf-8")
    out = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "digicharter", "--lang", "en", "bookmark", str(charter_copy), "-o",
                           str(out), "-q"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr

    def heading_x0(code: str) -> float:
        with pdfplumber.open(out / "downloads" / f"digicharter-bookmark-{code}.pdf") as pdf:
            words = pdf.pages[0].extract_words()
            return next(w for w in words if w["text"].startswith("Bereikbaarheid"))["x0"]

    assert heading_x0("ar") > heading_x0("nl") + 10  # the icon moved to the right of the heading
    text = subprocess.run(["pdftotext", str(out / "downloads" / "digicharter-bookmark-ar.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "011 621 613" in text and "0497 381 759" in text  # numbers in their own order

    deck = (built_site / "ar" / "slides" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in deck
    # Not yet translated (the example's Arabic is in progress): shown in Dutch, marked as Dutch and left to right.
    assert '<span lang="nl" dir="ltr">' in deck
    dutch = (built_site / "slides" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl" dir="ltr">' in dutch and '<span lang="nl"' not in dutch


ARABIC_RULE = '      ar: "المدرسة: {phone.school}، كل يوم"'


@pytest.mark.browser
def test_the_arabic_website_runs_right_to_left_with_its_own_search(charter_copy: Path, tmp_path: Path, browser) -> None:
    """Every Arabic page says dir="rtl" on <html>; phone numbers read in their own order; search uses Arabic's settings."""
    import functools
    import http.server
    import json
    import threading

    from test_site_browser import search

    from digicharter.build import build
    from digicharter.render.site.build import build_site

    settings = charter_copy / "charter.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("\n# Plain texts", ARABIC + "\n# Plain texts", 1),
                        encoding="utf-8")
    agreements = charter_copy / "agreements.yaml"
    text = agreements.read_text(encoding="utf-8")
    anchor = "        from {period.office_hours}.\n    short:\n"
    assert anchor in text
    agreements.write_text(text.replace(anchor, anchor.replace("    short:", ARABIC_RULE + "\n    short:"), 1),
                          encoding="utf-8")
    out = tmp_path / "site"
    build(charter_copy, out, site_src=tmp_path / "site_src", quiet=True, steps=[("website", build_site)])

    for page in sorted((out / "ar").glob("*.html")):
        root = page.read_text(encoding="utf-8").split(">", 2)[1]
        assert 'lang="ar"' in root and 'dir="rtl"' in root, (page.name, root)
    for page in sorted(out.glob("*.html")):
        assert 'dir="ltr"' in page.read_text(encoding="utf-8").split(">", 2)[1], page.name
    index = json.loads((out / "ar" / "search" / "search_index.json").read_text(encoding="utf-8"))
    # Arabic's own stemmer, and English next to it: Arabic's index keeps Arabic letters only.
    assert index["config"]["lang"] == ["ar", "en"] and "stemmer" in index["config"]["pipeline"]

    context = browser.new_context(viewport={"width": 360, "height": 780})
    try:
        page = context.new_page()
        for name in ("index.html", "phone.html"):  # the home page's contact cards, then the phone page's text
            page.goto((out / "ar" / name).as_uri())
            assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
            # The digits of the school's number, by the position of their boxes, read left to right as typed.
            digits = page.evaluate("""() => {
                const found = [];
                const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                    const node = walker.currentNode, at = node.textContent.indexOf('011 621 613');
                    if (at < 0) continue;
                    for (let i = at; i < at + 11; i++) {
                        if (node.textContent[i] === ' ') continue;
                        const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
                        found.push([range.getBoundingClientRect().left, node.textContent[i]]);
                    }
                    break;
                }
                return found;
            }""")
            assert digits, "the school's number is on the Arabic page"
            assert "".join(d for _, d in sorted(digits)) == "011621613"

        # Search (it needs a server: the theme's search worker does not run from file://).
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
        handler.log_message = lambda *args: None
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/ar/index.html")
            # A name in Latin letters, and a text still in Dutch, are found on the Arabic site (Arabic's
            # own index keeps only Arabic letters); words in Arabic letters: see the next test.
            assert "/ar/smartschool.html" in search(page, "Smartschool")
            assert "/ar/phone.html" in search(page, "administratief")
        finally:
            server.shutdown()
            server.server_close()
    finally:
        context.close()


@pytest.mark.slow
def test_arabic_words_with_lam_alef_read_back_from_every_pdf_as_typed(built_site: Path, loaded) -> None:
    """Arabic draws lam + alef as one glyph; pdftotext used to give "األولياء" for "الأولياء" (the two letters
    swapped when it turns the run around). Every Arabic word of the charter with such a pair, in every PDF."""
    import re
    import subprocess

    from digicharter import outputs
    from helpers import reads_in

    arabic = [view for view in views(loaded.charter) if view.direction == "rtl"]
    assert arabic, "the example is published in a right-to-left language"
    for view in arabic:
        for path in (outputs.bookmark_pdf(view), outputs.slides_pdf(view), outputs.slides_notes_pdf(view)):
            text = subprocess.run(["pdftotext", str(built_site / path), "-"], capture_output=True, text=True,
                                  check=True).stdout
            read_back = set(re.findall(r"\w+", text))
            typed = set(re.findall(r"\w+", _shown_texts(view)))
            assert {word for word in typed & read_back if re.search(r"ل[اأإآ]", word)}, f"{path}: no lam-alef as typed"
            swapped = {word for word in read_back - typed if re.sub(r"([اأإآ])ل", r"ل\1", word) in typed}
            assert not swapped, f"{path}: lam-alef read back swapped: {sorted(swapped)[:5]}"
            assert reads_in(view.text(view.charter.bookmark.labels.title, "plain"), text, "rtl")
            if path == outputs.slides_notes_pdf(view):  # the handout names every address, each read as typed
                for email in view.charter.school.emails:
                    assert email.address in text, (path, email.address)
            if path == outputs.slides_pdf(view):  # the page numbers read "3 / 20", not "20 / 3"
                from pypdf import PdfReader

                total = len(PdfReader(built_site / path).pages)
                assert re.search(rf"(?<!\d)3 / {total}(?!\d)", text), path
                assert not re.search(rf"(?<!\d){total} / 3(?!\d)", text), path


def _shown_texts(view) -> str:
    """Every text of the charter in this language, as one string."""
    texts = []
    for rule in view.charter.all_rules():
        texts += [view.text(rule.text, "plain"), view.text(rule.short, "plain")]
    return " ".join(texts)


@pytest.mark.browser
def test_the_arabic_site_search_finds_arabic_words(website_server: str, loaded, browser) -> None:
    """Each channel's Arabic name, typed into the Arabic site's search, finds that channel's page (both engines)."""
    import re

    from test_site_browser import search

    arabic = next(view for view in views(loaded.charter) if view.direction == "rtl")
    context = browser.new_context(viewport={"width": 360, "height": 780})
    try:
        page = context.new_page()
        page.goto(f"{website_server}{arabic.code}/index.html")
        tried = 0
        for channel in loaded.charter.channels.channels:
            name = arabic.text(channel.name, "plain")
            if arabic.fallback_language(channel.name) or not re.search(r"[\u0621-\u064a]{3}", name):
                continue  # a name in Latin letters (Smartschool) or not translated yet
            tried += 1
            assert f"/{arabic.code}/{channel.id}.html" in search(page, name), (channel.id, name)
        assert tried >= 3, "the example has channels with Arabic names"
    finally:
        context.close()


def test_an_address_in_an_arabic_sentence_may_break_after_its_at_on_the_website_only(loaded) -> None:
    """The website's Markdown lets a browser break an isolated address after its @; the PDFs' HTML gives no break.

    Every text of every language that names an e-mail address: left to right both
    modes break after the @; right to left only the Markdown (WeasyPrint would
    reorder the two halves of an isolated address around a break).
    """
    charter = loaded.charter
    texts = [text for rule in charter.all_rules() for text in (rule.text, rule.short)
             if text is not None and any("{email." in value for _code, value in text.values)]
    assert texts
    directions = set()
    for view in views(charter):
        directions.add(view.direction)
        for text in texts:
            markdown, html = view.text(text, "markdown"), view.text(text, "html")
            if "](mailto:" not in markdown:
                continue  # not in this language, nor in its fallback
            assert "@<wbr>" in markdown, (view.code, markdown)
            assert ("@<wbr>" in html) == (view.direction == "ltr"), (view.code, html)
            assert "\ue000" not in markdown + html
    assert directions == {"ltr", "rtl"}
