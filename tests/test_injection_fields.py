"""No charter field can attack the readers of any output, or the machine that builds it.

The fields are not listed here: :mod:`injection_fields` finds every string and
every text (in every declared language) from the model. One build puts every
payload of every family into all of them at once; a value the model or the checks
refuse must be refused at its own file:line and is then left out of that
build. Every output is built (website, bookmark, slides) and searched with a
real HTML parser, Chromium (every page, and the search box) and pypdf.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections import Counter
from pathlib import Path

import pytest
import tinyhtml5
from pypdf import PdfReader

import injection_fields as fields
from conftest import copy_charter, engine_site, with_engine
from digicharter.build import build
from digicharter.steps import output_steps
from helpers import locations

pytestmark = pytest.mark.slow

#: Only the characters a URL scheme may hold count, as a browser reads it (tabs and newlines are skipped).
_JAVASCRIPT = re.compile(r"^[\x00-\x20]*j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:", re.I)
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc")


class _Server:
    """A local HTTP server that records every request: no build may ever reach it."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        seen = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the stdlib's name
                seen.append(self.path)
                self.send_response(200)
                self.end_headers()

            def log_message(self, format, *args):  # noqa: A002
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def trap():
    server = _Server()
    yield server
    server.close()


# --------------------------------------------------------------------------- building the attacked charter


def _check(charter: Path) -> tuple[int, str]:
    """``digicharter check --strict`` in-process (a module-scoped fixture has no capsys)."""
    import contextlib
    import io

    from digicharter.cli import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", "--strict", str(charter)])
    return code, err.getvalue()


class Attack:
    """Every payload in every field: what was refused, and the outputs built from the rest.

    One build for all the families (HTML, Markdown, fetching): a field is refused for
    what it is (an id, an address, a time), not for which payload it holds, so
    separate builds per family would only repeat the same refusals, three times slower.
    """

    def __init__(self, root: Path, port: int):
        self.payloads = [p.replace("{PORT}", str(port)) for family in fields.FAMILIES.values() for p in family]
        self.value = " ".join(self.payloads)
        self.root = root
        self.charter = root / "charter"
        self.refused: set[fields.Target] = set()
        self.refusals: list[str] = []
        self.outputs: dict[str, Path] = {}

    def prepare(self) -> None:
        """Write the payloads, let the strict check refuse what it must, and keep the example's value there."""
        copy_charter(self.charter)
        fields.seed(self.charter)
        self.source = source = fields.read(self.charter)
        values = {target: self.value for target in source.targets}
        for _round in range(5):
            lines = fields.write(self.charter, source, values)
            code, err = _check(self.charter)
            assert "Traceback" not in err, err
            if code == 0:
                return
            assert code == 1, err
            problems = locations(err)
            assert problems, f"the check failed without naming file:line:\n{err[:2000]}"
            refused_now = set()
            follow_ons = []
            for file, line, message in problems:
                hit = {t for t in values if t.file == file and line in lines[t]}
                if not hit:
                    follow_ons.append(f"{file}:{line}: {message}")
                refused_now |= hit
                self.refusals.append(f"{file}:{line}: {message}")
            # A problem elsewhere may only follow from a refused payload (an unknown language code leaves
            # its labels without defaults): it must go away once the refused values are left out.
            assert refused_now, "problems not at the line of any payload:\n" + "\n".join(follow_ons)
            self.refused |= refused_now
            values = {t: v for t, v in values.items() if t not in refused_now}
        pytest.fail("the check still refused the charter after leaving out every refused field")

    def build_all(self) -> None:
        """Each output on its own, the bookmark and the slides with their fit checks switched off.

        Every payload in every field overfills the bookmark's faces and the
        slides, which a build refuses as a whole, writing nothing (the fit tests
        prove that refusal). So that the payloads reach a PDF, those outputs are
        built with the fit checks off: WeasyPrint lays out and writes every
        field, cut off or not.
        """
        from digicharter.render.bookmark import build as bookmark
        from digicharter.render.bookmark.html import strip_html
        from digicharter.render.pdf.writing import render
        from digicharter.render.slides import pdf as slides_pdf

        for name, step in output_steps():
            out = self.root / name / "site"
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(bookmark, "lay_out_strip", lambda view, faces, *args: render(strip_html(view, faces)))
                patch.setattr(slides_pdf, "lay_out", lambda view, slides, deck: (
                    slides_pdf.render(slides_pdf.deck_html(slides, deck)), []))
                build(self.charter, out, site_src=out.parent / "site_src", quiet=True, steps=[(name, step)], jobs=1)
            self.outputs[name] = out
        # The website once more with the second engine, whose templates print values unescaped.
        zensical = shutil.copytree(self.charter, self.root / "charter-zensical")
        site_yaml = zensical / "site.yaml"
        site_yaml.write_text(re.sub(r"^engine: .*\n", "", site_yaml.read_text(encoding="utf-8"), flags=re.M),
                             encoding="utf-8")
        self.outputs[ZENSICAL] = zensical_website(with_engine(zensical, "zensical"), self.root / ZENSICAL / "site")

    def attacked(self) -> list[fields.Target]:
        return [t for t in self.source.targets if t not in self.refused]

    def html_pages(self) -> list[tuple[str, Path]]:
        return [(name, page) for name, out in self.outputs.items() for page in sorted(out.rglob("*.html"))]

    def pdfs(self) -> list[Path]:
        return [pdf for out in self.outputs.values() for pdf in sorted(out.rglob("*.pdf"))]


#: The name of the website built by Zensical among the outputs.
ZENSICAL = "website-zensical"


def zensical_website(charter: Path, out: Path) -> Path:
    (step,) = [step for name, step in output_steps() if name == "website"]
    build(charter, out, site_src=out.parent / "site_src", quiet=True, steps=[("website", step)], jobs=1)
    return out


@pytest.fixture(scope="module")
def clean_scripts(built_site):
    """The scripts of a page of the example's own build (``ZENSICAL/…``: Zensical's): the only ones an attacked page may have.

    Looked up by the page's path in its site (each attacked output is built into
    a folder of its own, with the same paths); a page the example does not
    have has no scripts to allow.
    """
    sites = {"": built_site, f"{ZENSICAL}/": engine_site("zensical", built_site)}

    @functools.lru_cache(maxsize=None)
    def scripts(where: str) -> Counter:
        prefix = f"{ZENSICAL}/" if where.startswith(f"{ZENSICAL}/") else ""
        page = sites[prefix] / where.removeprefix(prefix)
        return _scripts(_elements(page)) if page.is_file() else Counter()

    return scripts


@pytest.fixture(scope="module")
def attack(tmp_path_factory, trap) -> Attack:
    attack = Attack(tmp_path_factory.mktemp("attack"), trap.port)
    attack.prepare()
    attack.build_all()
    print(
        f"\n{len(attack.source.targets)} fields × {len(attack.payloads)} payloads × "
        f"{len(attack.outputs)} outputs ({len(attack.refused)} fields refused at their line, {len(attack.attacked())} built; "
        f"{len(attack.html_pages())} HTML pages, "
        f"{len(attack.pdfs())} PDFs)"
    )
    return attack


# --------------------------------------------------------------------------- parsing what was built


def _elements(page: Path):
    return list(tinyhtml5.parse(page.read_bytes()).iter())


def _bare(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _scripts(elements: list) -> Counter:
    """A page's scripts by address (or, inline, by type and id: their JSON differs with the charter's words)."""
    return Counter(
        e.get("src") or f"inline:{e.get('type', '')}:{e.get('id', '')}" for e in elements if _bare(e.tag) == "script"
    )


def _html_problems(elements: list) -> list[str]:
    problems = []
    for element in elements:
        tag = _bare(element.tag)
        for name, value in element.attrib.items():
            bare = _bare(name)
            if bare.startswith("on"):
                problems.append(f"<{tag} {bare}={value[:40]!r}>")
            if bare in _URL_ATTRIBUTES and _JAVASCRIPT.match(value):
                problems.append(f"<{tag} {bare}={value[:40]!r}>")
            if bare in _URL_ATTRIBUTES and ("127.0.0.1" in value or value.strip().lower().startswith("file:")):
                problems.append(f"<{tag} {bare}={value[:60]!r}>")
        if tag in ("a", "link") and "attachment" in (element.get("rel") or "").lower():
            problems.append(f"<{tag} rel=attachment>")
    return problems


# --------------------------------------------------------------------------- the tests


def test_every_field_is_attacked_or_refused_at_its_line(attack):
    # Every string field of the schema has a place in the (seeded) example, so every one was attacked.
    assert fields.unreached(attack.source) == set()
    assert {t.field for t in attack.source.targets} == attack.source.schema
    assert attack.attacked(), "every field was refused: the payloads reached no output"
    # Every refusal was at the line of a payload: checked while preparing (Attack.prepare).
    assert "website" in attack.outputs


def test_no_event_handler_script_or_javascript_url(attack, clean_scripts):
    pages = attack.html_pages()
    assert pages
    problems = []
    for name, page in pages:
        path = page.relative_to(attack.outputs[name])
        where = f"{name}/{path}"
        elements = _elements(page)
        problems += [f"{where}: {p}" for p in _html_problems(elements)]
        extra = _scripts(elements) - clean_scripts(f"{ZENSICAL}/{path}" if name == ZENSICAL else str(path))
        problems += [f"{where}: a script the build does not write: {key}" for key in extra]
    assert not problems, "\n".join(problems[:40])


def test_nothing_reaches_the_local_server(attack, trap):
    """WeasyPrint lays out the bookmark and the slides (even the ones then refused as overfull): it must fetch nothing."""
    assert trap.requests == []


def test_every_pdf_is_written_and_holds_no_file_script_or_outside_link(attack):
    """Bookmarks, slides and notes in every language; their payloads are inert text in the PDF."""
    pdfs = attack.pdfs()
    names = {pdf.name for pdf in pdfs}
    for language in attack.source.languages:
        for expected in (f"digicharter-bookmark-{language}.pdf", f"digicharter-slides-{language}.pdf",
                         f"digicharter-slides-notes-{language}.pdf"):
            assert expected in names, (expected, sorted(names))
    for pdf in pdfs:
        reader = PdfReader(pdf)
        assert not reader.attachments, f"{pdf.name}: {sorted(reader.attachments)}"
        root = reader.trailer["/Root"]
        names_tree = root.get("/Names") or {}
        assert "/EmbeddedFiles" not in names_tree and "/JavaScript" not in names_tree, pdf.name
        assert "/OpenAction" not in root and "/AA" not in root, pdf.name
        for number, page in enumerate(reader.pages, 1):
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                assert annotation.get("/Subtype") != "/FileAttachment", f"{pdf.name} page {number}"
                action = annotation.get("/A")
                if action is None:
                    continue
                action = action.get_object()
                assert action.get("/S") in ("/URI", "/GoTo"), f"{pdf.name} page {number}: {action}"
                uri = str(action.get("/URI", ""))
                assert not _JAVASCRIPT.match(uri) and not uri.lower().startswith("file:"), (pdf.name, uri)
                assert "127.0.0.1" not in uri, (pdf.name, uri)
        # The payloads did reach the PDF: as the words they are.
        assert any("digipayload" in (page.extract_text() or "") for page in reader.pages), pdf.name


@pytest.mark.browser
def test_no_dialog_in_chromium(attack, browser, trap):
    """Every page of every output in Chromium, and the website's search for a payload's words: no dialog, no request."""
    dialogs: list[str] = []
    requests_before = len(trap.requests)
    servers = {}
    for name, out in attack.outputs.items():
        handler = functools.partial(_Quiet, directory=str(out))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers[name] = server
    try:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        for name, html_page in attack.html_pages():
            port = servers[name].server_address[1]
            page.goto(f"http://127.0.0.1:{port}/{html_page.relative_to(attack.outputs[name]).as_posix()}")
            page.wait_for_load_state("load")
        site = servers["website"].server_address[1]
        for start in ("index.html", "en/index.html"):
            page.goto(f"http://127.0.0.1:{site}/{start}", wait_until="networkidle")
            box = page.locator("input.md-search__input")
            if not box.is_visible():
                page.click("label.md-header__button[for=__search]")
            for word in ("script", "onerror", "javascript", "passwd", "alert"):  # parts of payloads, typed
                box.fill("")
                box.press_sequentially(word, delay=20)
                page.wait_for_timeout(500)
            # A word inside the payloads is found: results with the payloads in their titles and excerpts are shown.
            box.fill("")
            box.press_sequentially("digipayload", delay=20)
            page.wait_for_selector(".md-search-result__link", timeout=15_000)
        site = servers[ZENSICAL].server_address[1]
        for start in ("index.html", "en/index.html"):  # Zensical's search: its dialog, in a shadow root
            page.goto(f"http://127.0.0.1:{site}/{start}", wait_until="networkidle")
            page.click("button.md-search__button")
            box = page.locator("input[role=combobox]")
            for word in ("script", "onerror", "javascript", "passwd", "alert", "digipayload"):
                box.fill("")
                box.press_sequentially(word, delay=20)
                page.wait_for_timeout(500)
            page.wait_for_selector("a[role=option]", timeout=15_000)
        page.close()
    finally:
        for server in servers.values():
            server.shutdown()
            server.server_close()
    assert dialogs == []
    assert trap.requests[requests_before:] == [], "a page in Chromium reached the test's server"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass
