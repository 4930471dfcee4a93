"""The built website in a real browser (Debian's Chromium via Playwright), served on 127.0.0.1."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import CHARTER
from helpers import time_phrases
from digicharter.view import views

pytestmark = pytest.mark.browser

PHONE, DESKTOP = {"width": 360, "height": 780}, {"width": 1280, "height": 900}


def website_pages(site: Path) -> list[str]:
    """Every page of the website, as paths from the site root (the slide decks are another output)."""
    return sorted(
        str(p.relative_to(site)) for p in site.rglob("*.html") if "slides" not in p.relative_to(site).parts
    )


@pytest.fixture(scope="module")
def pages(website, site_engine) -> list[str]:
    """Every page in every language; for the second engine, every page of one language per direction.

    The pages and their texts are the same whichever engine builds them (the
    page tests of the first engine read every language); what the second
    engine changes is the theme around them, which the default language and
    the right-to-left one show. The home page of every language comes along.
    """
    found = website_pages(website)
    assert "index.html" in found and "en/index.html" in found
    if site_engine != "mkdocs":
        right_to_left = {p.split("/")[0] for p in found if "/" in p and (website / p.split("/")[0] / "index.html")
                         .read_text(encoding="utf-8").count('dir="rtl"')}
        found = [p for p in found if "/" not in p or p.split("/")[0] in right_to_left or p.endswith("/index.html")]
    return found


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport=PHONE)
    yield ctx
    ctx.close()


def open_page(page, url: str, *, idle: bool = False) -> None:
    """Load a page with its font; ``idle``: also wait until it has fetched everything it fetches by itself."""
    page.goto(url, wait_until="networkidle" if idle else "load")
    page.evaluate("document.fonts.ready.then(() => true)")


@dataclass
class Visit:
    """What one page showed in Chromium: the tests below each assert on their part of it."""

    title: str = ""
    errors: list[str] = field(default_factory=list)
    scroll_width: int = 0
    #: Times and durations found in the page's content, and those of them broken over two lines.
    phrases_seen: int = 0
    phrases_broken: list[str] = field(default_factory=list)
    #: Serious and critical findings of axe-core.
    violations: list[str] = field(default_factory=list)


@dataclass
class Walk:
    visits: dict[str, Visit]
    requests: list[str]


#: A second look at a few pages at desktop width (the walk itself is at phone width, as parents read).
DESKTOP_PAGES = ("index.html", "phone.html", "en/quality.html")

MEASURE_PHRASES = """(phrases) => {
    const out = {broken: [], seen: 0};
    const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        for (const phrase of phrases) {
            let at = node.textContent.indexOf(phrase);
            while (at >= 0) {
                const range = document.createRange();
                range.setStart(node, at); range.setEnd(node, at + phrase.length);
                const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                out.seen++;
                if (tops.size > 1) out.broken.push(phrase + ' in ' + node.textContent.slice(0, 60));
                at = node.textContent.indexOf(phrase, at + 1);
            }
        }
    }
    return out;
}"""


@pytest.fixture(scope="module")
def walk(browser, website_server, pages, loaded) -> Walk:
    """Every page opened once in Chromium at phone width (and a few at desktop width), looked at in every way below.

    Each page is loaded, measured, checked by axe-core, and left only once the
    network is quiet, so that whatever it fetches by itself is seen too.
    """
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    phrases = time_phrases(loaded)
    visits: dict[str, Visit] = {}
    requests: list[str] = []
    for viewport, subset, suffix in ((PHONE, pages, ""), (DESKTOP, DESKTOP_PAGES, f" at {DESKTOP['width']} px")):
        ctx = browser.new_context(viewport=viewport)
        ctx.on("request", lambda request: requests.append(request.url))
        page = ctx.new_page()
        visit = Visit()
        page.on("console", lambda message: visit.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: visit.errors.append(str(error)))
        try:
            for path in subset:
                visit = visits[path + suffix] = Visit()
                open_page(page, website_server + path)
                visit.title = page.title()
                visit.scroll_width = page.evaluate("document.documentElement.scrollWidth")
                measured = page.evaluate(MEASURE_PHRASES, phrases.get(page.evaluate("document.documentElement.lang"), []))
                visit.phrases_seen, visit.phrases_broken = measured["seen"], measured["broken"]
                for violation in axe.run(page).response["violations"]:
                    if violation["impact"] in ("serious", "critical"):
                        targets = [node["target"] for node in violation["nodes"][:3]]
                        visit.violations.append(f"{violation['id']} {targets}")
                page.wait_for_load_state("networkidle")
        finally:
            ctx.close()
    return Walk(visits, requests)


def test_every_page_loads_without_errors_and_nothing_leaves_localhost(walk, pages):
    assert all(path in walk.visits for path in pages)
    assert [path for path, visit in walk.visits.items() if not visit.title] == []
    assert {path: visit.errors for path, visit in walk.visits.items() if visit.errors} == {}
    outside = [url for url in walk.requests
               if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).hostname != "127.0.0.1"]
    assert outside == []
    # The font came from the site itself.
    assert any(url.endswith(".woff2") for url in walk.requests)


def test_the_switcher_leads_to_the_same_page_in_the_other_language(context, website_server, pages, loaded):
    page = context.new_page()
    context.set_default_timeout(10_000)
    others = tuple(f"{lang.code}/" for lang in loaded.charter.settings.languages
                   if lang.code != loaded.charter.settings.default_language)
    pairs = [(path, "en/" + path, "en") for path in pages if not path.startswith(others) and path != "404.html"]
    # Every page one way; back the other way for a few (the static tests check every link's target).
    pairs += [("en/" + path, path, "nl") for path in ("index.html", "phone.html", "quality.html", "downloads.html")]
    for start, expected, language in pairs:
        open_page(page, website_server + start)
        page.click(".md-header__option .md-select button")
        page.click(f"a.md-select__link[hreflang={language}]")
        page.wait_for_load_state("load")
        assert urlsplit(page.url).path == "/" + expected, (start, page.url)
        assert page.get_attribute("html", "lang") == language


def search(page, query: str) -> list[str]:
    """Type a query into the site's search box; the paths of the pages it finds."""
    if page.locator("button.md-search__button").count():
        return zensical_search(page, query)
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.click("label.md-header__button[for=__search]")
    box.fill("")
    box.press_sequentially(query, delay=20)
    # The theme reads the box on each key's release. Playwright types a letter a US keyboard lacks (Arabic …)
    # as inserted text, with no key event, where a parent's own keyboard sends one: release a key, as it would.
    box.press("End")
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.includes('…')"
        " && document.querySelector('.md-search-result__meta').textContent.trim() !== ''"
    )
    page.wait_for_timeout(400)
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    return sorted({urlsplit(link).path for link in links})


def zensical_search(page, query: str) -> list[str]:
    """Zensical's search: a button opens its dialog (in a shadow root, which Playwright's selectors enter)."""
    box = page.locator("input[role=combobox]")
    if not box.is_visible():
        button = page.locator("button.md-search__button")  # on a phone: the magnifier in the header
        (button if button.is_visible() else page.locator("label.md-header__button[for=__search]")).click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.wait_for_timeout(600)
    links = page.eval_on_selector_all("a[role=option]", "els => els.map(e => e.href)")
    return sorted({urlsplit(link).path for link in links})


def no_stemmer_in_zensical(request) -> None:
    if request.node.callspec.params.get("site_engine") == "zensical":
        request.applymarker(pytest.mark.xfail(
            strict=True, reason="Zensical 0.0.73's search matches words by their letters (it forgives typos), "
                                "with no stemmer: its search index has no place for one"))


def test_dutch_search_finds_dutch_pages_with_dutch_stemming(context, website_server, website, request):
    no_stemmer_in_zensical(request)
    page = context.new_page()
    open_page(page, website_server + "index.html", idle=True)
    # The phone page says "afwezigheden"; "afwezigheid" is not on it, so only Dutch stemming finds it.
    phone_md = (website.parent / "site_src" / "nl" / "phone.md").read_text(encoding="utf-8")
    assert "afwezigheden" in phone_md and "afwezigheid" not in phone_md
    for query in ("afwezigheden", "afwezigheid"):
        found = search(page, query)
        assert "/phone.html" in found, (query, found)
        assert not any(path.startswith("/en/") for path in found), (query, found)
    # A Dutch word finds exactly the Dutch pages it is on (Facebook's, and the quality page's overview).
    having = sorted(f"/{md.stem}.html" for md in (website.parent / "site_src" / "nl").glob("*.md")
                    if "oudervereniging" in md.read_text(encoding="utf-8").lower())
    assert "/facebook.html" in having
    assert search(page, "oudervereniging") == having


def test_english_search_stays_in_english(context, website_server):
    page = context.new_page()
    open_page(page, website_server + "en/index.html", idle=True)
    found = search(page, "absence")
    assert "/en/phone.html" in found
    assert all(path.startswith("/en/") for path in found)
    assert search(page, "afwezigheden") == []


def test_no_serious_accessibility_violations(walk):
    assert {path: visit.violations for path, visit in walk.visits.items() if visit.violations} == {}
    assert any(path.endswith(" px") for path in walk.visits), "a few pages are checked at desktop width too"


def test_pages_fit_a_phone_screen(walk, pages):
    too_wide = [(path, walk.visits[path].scroll_width) for path in pages if walk.visits[path].scroll_width > PHONE["width"]]
    assert too_wide == []
    assert all(walk.visits[path].scroll_width for path in pages)


def test_contact_links_are_thumb_sized_on_a_phone(context, website_server):
    page = context.new_page()
    open_page(page, website_server + "index.html")
    heights = page.eval_on_selector_all(".dc-contact__link", "els => els.map(e => e.getBoundingClientRect().height)")
    school = yaml.safe_load((CHARTER / "school.yaml").read_text(encoding="utf-8"))
    assert len(heights) == len(school["phones"]) + len(school["emails"])
    assert min(heights) >= 44


def test_print_stylesheet_prints_the_content_only(context, website_server):
    page = context.new_page()
    open_page(page, website_server + "phone.html")
    page.emulate_media(media="print")
    assert not page.is_visible(".md-header")
    assert not page.is_visible(".md-sidebar--primary")
    assert page.is_visible(".dc-agreement")
    assert page.eval_on_selector(".dc-agreement", "e => getComputedStyle(e).breakInside") == "avoid"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_times_and_durations_never_break_inside_on_a_phone(walk, pages, loaded):
    """Every time and duration the charter names ("8.30 u", "48 uur", "17:00"), as the page shows it, sits on one line.

    Each occurrence is measured by its own boxes in Chromium at phone width (see :func:`time_phrases`).
    """
    assert any(time_phrases(loaded).values())
    assert sum(walk.visits[path].phrases_seen for path in pages) > 20
    assert {path: walk.visits[path].phrases_broken for path in pages if walk.visits[path].phrases_broken} == {}


def test_an_email_address_breaks_only_after_its_at_on_a_phone(browser, website_server, loaded):
    """At 360 px a long address that needs two lines breaks after its @ ("Ann.desair@ | deboomhutlozen.be"),
    never inside a word ("…deboomhutlozen.b | e"); every language, right to left included, the e-mail page and the home page."""
    context = browser.new_context(viewport={"width": 360, "height": 780})
    try:
        page = context.new_page()
        default = loaded.charter.settings.default_language
        for view in views(loaded.charter):
            prefix = "" if view.code == default else f"{view.code}/"
            for name in ("email.html", "index.html"):
                page.goto(website_server + prefix + name)
                lines = page.evaluate("""() => [...document.querySelectorAll('.md-content a[href^="mailto:"]')].map(a => {
                    const range = document.createRange(), text = a.textContent.replace(/[\\u2066-\\u2069]/g, '');
                    const tops = [];
                    for (const node of a.childNodes) {
                        if (node.nodeType !== 3) continue;
                        for (let i = 0; i < node.length; i++) {
                            range.setStart(node, i); range.setEnd(node, i + 1);
                            const rect = range.getBoundingClientRect();
                            if (rect.width) tops.push([node.data[i], Math.round(rect.top)]);
                        }
                    }
                    return tops;
                })""")
                for characters in lines:
                    letters = [c for c, _ in characters if c not in "\u2066\u2067\u2068\u2069"]
                    tops = [top for c, top in characters if c not in "\u2066\u2067\u2068\u2069"]
                    breaks = [i for i in range(1, len(tops)) if tops[i] != tops[i - 1]]
                    for i in breaks:
                        assert letters[i - 1] == "@", (prefix + name, "".join(letters), i)
    finally:
        context.close()
