"""The built website, read as files: languages, translations, contacts, channels, privacy.

Expected values are read from the charter YAML itself (with PyYAML and
phonenumbers, not through Digicharter's model), so a test fails when the site
shows something else than the charter says.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import phonenumbers
import pytest
import yaml

from conftest import CHARTER
from digicharter import outputs
from digicharter.view import views


def charter_yaml(name: str, folder: Path = CHARTER) -> dict:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


class Page(HTMLParser):
    """The parts of a built page the tests look at."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.lang: str | None = None
        self.alternates: list[dict[str, str]] = []
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.ids: set[str] = set()
        self.resources: list[str] = []  # what the browser loads: stylesheets, scripts, images
        self.h1 = ""
        self._a: list | None = None
        self._in_h1 = False
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates.append(a)
        elif tag == "link" and a.get("rel") in ("stylesheet", "icon", "preconnect", "preload"):
            self.resources.append(a.get("href", ""))
        elif tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.resources.append(a["src"])
        elif tag == "a" and "href" in a:
            self._a = [a["href"], ""]
        elif tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag):
        if tag == "a" and self._a is not None:
            self.links.append((self._a[0], " ".join(self._a[1].split())))
            self._a = None
        elif tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._a is not None:
            self._a[1] += data
        if self._in_h1:
            self.h1 += data


def html_pages(site: Path) -> list[Path]:
    """Every page of the website (not the slide decks, which are another output)."""
    return sorted(p for p in site.rglob("*.html") if "slides" not in p.relative_to(site).parts)


def language_of(site: Path, page: Path, codes: list[str], default: str) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in codes and first != default else default


@pytest.fixture(scope="module")
def settings() -> dict:
    return charter_yaml("charter.yaml")


@pytest.fixture(scope="module")
def codes(settings) -> list[str]:
    return [lang["code"] for lang in settings["languages"]]


@pytest.fixture(scope="module")
def view_of(loaded) -> dict:
    """Each language's view of the example: what a text says in it (typed in the YAML or translated in a PO file)."""
    return {view.code: view for view in views(loaded.charter)}


def shown(view, text) -> str:
    """A text as a page shows it, spaces made plain (French puts narrow no-break spaces before : ; ? !)."""
    return " ".join(view.text(text, "plain").split())


def test_every_language_has_the_same_pages(website, settings, codes):
    default = settings["default_language"]
    per_language = {}
    for code in codes:
        root = website if code == default else website / code
        per_language[code] = {p.name for p in root.glob("*.html")}
    assert len({frozenset(names) for names in per_language.values()}) == 1, per_language
    assert {"index.html", "404.html", "protocol.html", "quality.html", "downloads.html"} <= per_language[default]


def test_every_page_has_its_language_and_hreflang_links_to_its_translations(website, settings, codes):
    default = settings["default_language"]
    pages = html_pages(website)
    assert len(pages) >= 2 * 15
    for path in pages:
        page = Page(path)
        code = language_of(website, path, codes, default)
        assert page.lang == code, path
        if path.name == "404.html":
            continue
        assert sorted(a["hreflang"] for a in page.alternates) == sorted(codes), path
        for alternate in page.alternates:
            target = (path.parent / alternate["href"]).resolve()
            # The translation is the same page, in the other language's folder.
            assert target.name == path.name, (path, alternate)
            assert target.is_file(), (path, alternate)
            assert Page(target).lang == alternate["hreflang"], (path, alternate)


def test_the_language_switcher_links_to_the_same_page(website, settings):
    names = {lang["code"]: lang["name"] for lang in settings["languages"]}
    for path in (website / "phone.html", website / "en" / "quality.html"):
        switcher = [(href, text) for href, text in Page(path).links if text in names.values()]
        assert sorted(text for _, text in switcher) == sorted(names.values())
        for href, _ in switcher:
            assert (path.parent / href).resolve().name == path.name


def test_contact_links_match_the_charter(website, settings, codes):
    """tel:/sms:/mailto: links carry exactly the YAML's numbers and addresses, shown as the charter writes them."""
    school = charter_yaml("school.yaml")
    default = settings["default_language"]
    expected_phones = {}
    for phone in school["phones"]:
        e164 = phonenumbers.format_number(phonenumbers.parse(phone["number"], "BE"), phonenumbers.PhoneNumberFormat.E164)
        assert e164.startswith("+32")
        scheme = "sms" if phone.get("prefer_sms") else "tel"
        expected_phones[f"{scheme}:{e164}"] = " ".join(phone["number"].split())
    addresses = {f"mailto:{e['address']}": e["address"] for e in school["emails"]}
    for code in codes:
        home = Page(website / ("" if code == default else code) / "index.html")
        links = dict(home.links)
        for href, written in {**expected_phones, **addresses}.items():
            assert href in links, (code, href)
            assert links[href] == written, (code, href, links[href])
    # And nowhere on the site a phone or mail link that the charter does not have.
    for path in html_pages(website):
        for href, text in Page(path).links:
            if href.startswith(("tel:", "sms:")):
                # On a right-to-left page the number is isolated left to right (LRI … PDI, invisible).
                assert expected_phones.get(href) == text.strip("\u2066\u2069"), (path, href, text)
            elif href.startswith("mailto:"):
                assert href in addresses, (path, href)


def test_the_directors_mobile_is_an_sms_link(website):
    school = charter_yaml("school.yaml")
    sms_numbers = [p for p in school["phones"] if p.get("prefer_sms")]
    assert sms_numbers, "the example charter has a number to send an SMS to"
    hrefs = [href for href, _ in Page(website / "phone.html").links]
    for phone in sms_numbers:
        e164 = phonenumbers.format_number(phonenumbers.parse(phone["number"], "BE"), phonenumbers.PhoneNumberFormat.E164)
        assert f"sms:{e164}" in hrefs
        assert f"tel:{e164}" not in hrefs


def test_every_channel_has_its_page_in_every_language(website, settings, codes, view_of):
    default = settings["default_language"]
    channels = charter_yaml("channels.yaml")["channels"]
    rules = charter_yaml("agreements.yaml")["rules"] + charter_yaml("protocol.yaml")["rules"]
    assert len(channels) == 10
    for channel in channels:
        for code in codes:
            path = website / ("" if code == default else code) / f"{channel['id']}.html"
            assert path.is_file(), path
            page = Page(path)
            name = next(c.name for c in view_of[code].charter.channels.channels if c.id == channel["id"])
            assert " ".join(page.h1.split()) == shown(view_of[code], name), path
            for rule in rules:
                if rule["channel"] == channel["id"]:
                    assert rule["id"] in page.ids, (path, rule["id"])


def test_internal_links_and_anchors_resolve(website):
    for path in html_pages(website):
        page = Page(path)
        for href, _ in page.links:
            if re.match(r"^[a-z]+:", href) or href.startswith("#") and href != "#":
                continue
            target, _, anchor = href.partition("#")
            if not target or "downloads/" in target or "slides/" in target:
                continue  # download files are checked in test_downloads_link_to_the_outputs
            # The 404 pages link from the host's root (they are served at any depth); the site sits at /.
            resolved = (website / target.lstrip("/") if target.startswith("/") else path.parent / target).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            assert resolved.is_file(), (path, href)
            if anchor and resolved.suffix == ".html":
                assert anchor in Page(resolved).ids, (path, href)


def test_downloads_link_to_the_outputs(website, loaded):
    """The downloads page of each language links to that language's bookmark and slides (paths from outputs.py)."""
    for view in views(loaded.charter):
        path = website / outputs.language_prefix(view) / "downloads.html"
        hrefs = {posixpath.normpath(posixpath.join(outputs.language_prefix(view), href)) for href, _ in Page(path).links}
        wanted = [
            outputs.bookmark_pdf(view), outputs.bookmark_sheet_pdf(view),
            outputs.slides_deck_page(view), outputs.slides_pdf(view), outputs.slides_notes_pdf(view),
        ]
        for target in wanted:
            assert posixpath.normpath(target) in hrefs, (view.code, target)
            assert (website / target).is_file(), target  # a file, so it opens from a USB stick too


def search_index(root: Path) -> tuple[dict, list[str]]:
    """A language's search index: its settings and the pages it holds (MkDocs' or Zensical's file)."""
    if (root / "search.json").is_file():  # Zensical: one file, its documents are "items"
        index = json.loads((root / "search.json").read_text(encoding="utf-8"))
        return index["config"], [item["location"] for item in index["items"]]
    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index["config"], [doc["location"] for doc in index["docs"]]


def test_search_index_per_language(website, settings, codes, request):
    default = settings["default_language"]
    for code in codes:
        root = website if code == default else website / code
        config, locations = search_index(root)
        # A language not written in Latin letters has English next to it, for names and texts not translated yet.
        language = next(lang for lang in settings["languages"] if lang["code"] == code)
        latin = all(unicodedata.name(c).startswith("LATIN") for c in language["name"] if c.isalpha())
        if request.node.callspec.params["site_engine"] == "mkdocs":
            assert config["lang"] == ([code] if latin else [code, "en"])
            assert "stemmer" in config["pipeline"]
        else:  # Zensical's index keeps one language and has no pipeline (no stemmer)
            assert config["lang"] == [code]
        assert locations and not any(loc.startswith(tuple(f"{c}/" for c in codes)) for loc in locations)


def test_not_found_page_in_every_language(website, settings, codes, view_of):
    default = settings["default_language"]
    for code in codes:
        labels = view_of[code].charter.site.labels
        page = Page(website / ("" if code == default else code) / "404.html")
        assert page.lang == code
        assert " ".join(page.h1.split()) == shown(view_of[code], labels.not_found_title)
        # The others are offered too: a host often serves the root 404 page for every language.
        texts = [" ".join(text.split()) for _, text in page.links]
        for other in codes:
            assert shown(view_of[other], labels.back_home) in texts


def test_the_home_link_is_the_charters_word(website, settings, codes, view_of):
    default = settings["default_language"]
    for code in codes:
        path = website / ("" if code == default else code) / "index.html"
        assert shown(view_of[code], view_of[code].charter.site.labels.home) in [
            " ".join(text.split()) for _, text in Page(path).links]


def test_theme_words_come_from_the_charter(website, settings, codes, view_of, request):
    if request.node.callspec.params["site_engine"] == "zensical":
        request.applymarker(pytest.mark.xfail(
            strict=True, reason="Zensical 0.0.73 draws its search dialog with English words of its own "
                                "('Search', 'Close search'): it reads none of the theme's words there"))
    default = settings["default_language"]
    for code in codes:
        site = view_of[code].charter.site
        path = website / ("" if code == default else code) / "index.html"
        placeholders = [html.unescape(p) for p in re.findall(r'placeholder="([^"]*)"', path.read_text(encoding="utf-8"))]
        assert shown(view_of[code], site.theme_labels["search.placeholder"]) in [" ".join(p.split()) for p in placeholders]


def test_no_request_can_leave_the_site(website):
    """No stylesheet, script, font or image from another host; no Google Fonts, no analytics."""
    for path in html_pages(website):
        page = Page(path)
        for resource in page.resources:
            assert not re.match(r"^(https?:)?//", resource), (path, resource)
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        assert "googletagmanager" not in html and "google-analytics" not in html, path
    for css in website.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            assert not re.match(r"^(https?:)?//", url), (css, url)


def test_the_font_is_served_from_the_site(website):
    css = (website / "assets" / "stylesheets" / "school.css").read_text(encoding="utf-8")
    fonts = re.findall(r"url\('([^']+\.woff2)'\)", css)
    assert len(fonts) >= 4
    for font in fonts:
        assert (website / "assets" / "stylesheets" / font).resolve().is_file(), font
    assert (website / "assets" / "fonts" / "LICENSE.txt").is_file()
    # Arabic script from the site too, with the licence of its font.
    assert "font-family: 'Noto Sans Arabic'" in css and "U+0600-06FF" in css
    assert (website / "assets" / "fonts" / "LICENSE-noto-sans-arabic.txt").is_file()


def test_school_colours_come_from_the_charter(website):
    colours = charter_yaml("school.yaml")["colours"]
    for root in (website, website / "en"):
        css = (root / "assets" / "stylesheets" / "school.css").read_text(encoding="utf-8")
        assert f"--md-primary-fg-color: {colours['primary']};" in css


def test_generated_pages_are_plain_markdown(website):
    """site_src/ holds Markdown with front matter per language: no theme syntax, no script."""
    site_src = website.parent / "site_src"
    channels = charter_yaml("channels.yaml")["channels"]
    for code in ("nl", "en"):
        pages = sorted((site_src / code).glob("*.md"))
        assert {p.stem for p in pages} == {"index", "protocol", "quality", "downloads", *(c["id"] for c in channels)}
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert text.startswith("---\ntitle: ")
            assert "<script" not in text and "{%" not in text and ":material-" not in text, page


def test_sitemaps_list_every_page_with_its_translations(website, settings, codes):
    """Search engines read hreflang from the sitemap too, where the addresses are absolute."""
    import xml.etree.ElementTree as ET

    base = settings["site_url"].rstrip("/") + "/"
    default = settings["default_language"]
    roots = {code: base + ("" if code == default else f"{code}/") for code in codes}
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for code in codes:
        folder = website if code == default else website / code
        urls = ET.parse(folder / "sitemap.xml").getroot().findall("s:url", ns)
        pages = {p.name for p in folder.glob("*.html")} - {"404.html"}
        assert {u.find("s:loc", ns).text for u in urls} == {roots[code] + name for name in pages}
        for url in urls:
            name = url.find("s:loc", ns).text.rsplit("/", 1)[1]
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
            assert alternates == {other: roots[other] + name for other in codes}
