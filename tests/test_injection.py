"""No injection: HTML typed into the charter comes out as visible text in every output.

Charter texts allow **bold**, *italic* and links, nothing else. A `<script>` or an
`<img onerror=…>` in the YAML must show up as text on the website, in the slide
deck and in the PDFs, and never run; links only take https, http, mailto, tel and sms.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import tinyhtml5

from conftest import CHARTER, copy_charter
from digicharter.build import build

from helpers import replace_in, run_cli

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"


class _Tags(HTMLParser):
    """Collects every tag and script body of a page as a browser would parse it."""

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if any(name.startswith("on") for name in names):
            self.bad.append(f"<{tag}> with an event handler {sorted(names)}")
        for name, value in attrs:
            if name in ("href", "src") and value and value.strip().lower().startswith(("javascript:", "data:text")):
                self.bad.append(f"<{tag} {name}={value!r}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.bad.append(f"script that runs alert: {data[:60]!r}")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    charter = root / "charter"
    copy_charter(charter)
    agreements = charter / "protocol.yaml"
    # The agreement is on the website (protocol, Smartschool page), the bookmark's back and a slide.
    replace_in(agreements, "nl: Altijd met respect, geen berichten in drukletters", f"nl: Respect {SCRIPT}")
    replace_in(agreements, "en: Always respectful, no messages in capital letters", f"en: Respect {SCRIPT}")
    replace_in(agreements, "        Er wordt steeds met respect voor elkaar gecommuniceerd.", f"        {SCRIPT} {IMG} Er wordt steeds met respect voor elkaar gecommuniceerd.")
    replace_in(agreements, "        We always communicate with respect for each other.", f"        {SCRIPT} {IMG} We always communicate with respect for each other.")
    out = root / "site"
    build(charter, out, site_src=root / "site_src", quiet=True)
    return out


def test_website_and_deck_show_the_html_as_text(hostile_site):
    pages = list(hostile_site.rglob("*.html"))
    shown = 0
    for page in pages:
        source = page.read_text(encoding="utf-8")
        parser = _Tags()
        parser.feed(source)
        assert not parser.bad, f"{page.relative_to(hostile_site)}: {parser.bad}"
        # Shown as text: the parsed page's text holds the payload (written as entities or character references).
        if SCRIPT in "".join(tinyhtml5.parse(source).itertext()):
            shown += 1
    # Protocol page, Smartschool page and the slide deck, in both languages.
    assert shown >= 6


def _pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", ["bookmark", "bookmark-sheet", "slides", "slides-notes"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_pdfs_print_the_html_as_text(hostile_site, name, language):
    text = _pdf_text(hostile_site / "downloads" / f"digicharter-{name}-{language}.pdf")
    assert re.sub(r"\s+", "", SCRIPT) in text


@pytest.mark.browser
def test_nothing_runs_in_the_browser(hostile_site, browser):
    """Open the pages and search for the payload: no dialog may ever appear."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(hostile_site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs: list[str] = []
    try:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in ("protocol.html", "smartschool.html", "en/protocol.html", "slides/index.html", "en/slides/index.html"):
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
        page.goto(base + "protocol.html")
        page.keyboard.press("/")  # Material's search shortcut
        page.keyboard.type("alert")
        page.wait_for_timeout(1500)
        body = page.inner_text("body")
        assert "alert(1)" in body  # the payload is shown as text in the search results or page
        page.close()
    finally:
        server.shutdown()
        server.server_close()
    assert dialogs == []


@pytest.mark.parametrize("target", ["javascript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x", "file:///etc/passwd"])
def test_only_safe_link_schemes(capsys, charter_copy, target):
    path = charter_copy / "agreements.yaml"
    line = replace_in(path, "nl: De agenda is ons belangrijkste communicatiemiddel", f"nl: De agenda is [hier]({target}) ons belangrijkste communicatiemiddel")
    code, out, err = run_cli(capsys, "check", str(charter_copy))
    assert code == 1
    assert f"agreements.yaml:{line}:" in err and "is not allowed" in err and "Traceback" not in err


@pytest.mark.parametrize("target", ["https://example.org/", "mailto:a@b.be", "tel:+3211621613", "sms:+32497381759"])
def test_safe_links_are_accepted_and_rendered(charter_copy, target):
    from digicharter.loading.charter_loader import load_charter
    from digicharter.view import views

    replace_in(charter_copy / "agreements.yaml", "nl: De agenda is ons belangrijkste communicatiemiddel", f"nl: De agenda is [hier]({target}) ons belangrijkste")
    charter = load_charter(charter_copy).charter
    view = views(charter)[0]
    assert f'<a href="{html.escape(target)}">hier</a>' in view.text(view.agreement("agenda-main-channel").short, "html")


@pytest.mark.parametrize(
    "text",
    [
        "[a [b]](javascript:alert(1))",  # nested brackets: Python-Markdown still makes it a link
        "[a](  javascript:alert(1) )",
        "[a](<javascript:alert(1)>)",
        "[a](jav&#x61;script:alert(1))",
        "[a]\\n\\n[a]: javascript:alert(1)",  # a reference definition
    ],
)
def test_disguised_links_are_refused(capsys, charter_copy, text):
    path = charter_copy / "agreements.yaml"
    line = replace_in(path, "nl: De agenda is ons belangrijkste communicatiemiddel", f'nl: "De agenda {text}"')
    code, out, err = run_cli(capsys, "check", str(charter_copy))
    assert code == 1
    assert f"agreements.yaml:{line}:" in err and "is not allowed" in err
