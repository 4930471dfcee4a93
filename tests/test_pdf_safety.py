"""WeasyPrint sees only our own files, and no PDF ever carries an embedded file.

A charter whose school name, short name, description, agreement texts and
slide words hold attachment links to ``/etc/passwd``, images, stylesheets,
``@import`` and SVG references to a local HTTP server is built into the
bookmark and the slides: the server must get no request, no PDF may hold an
embedded file or a file attachment annotation (pdfdetach, qpdf, pypdf), and
the payloads must be printed as text. The fetcher itself refuses other local
files (also through ``..`` and symbolic links), the network and other data:
URIs, and still serves our fonts: they are embedded in the PDFs (pdffonts).
"""

from __future__ import annotations

import http.server
import json
import logging
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import copy_charter
from digicharter.assets import font_files
from digicharter.build import build
from digicharter.errors import InternalError
from digicharter.render.pdf import fetcher as pdf_fetcher
from digicharter.render.bookmark.build import build_bookmarks
from digicharter.render.pdf.fonts import truetype_copy
from digicharter.render.pdf.writing import render, write_pdf
from digicharter.render.pdf.fetcher import OwnFilesFetcher, RefusedURL
from digicharter.render.slides.build import build_slides

from helpers import replace_in

STEPS = [("bookmark", build_bookmarks), ("slides", build_slides)]


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - the stdlib's name
        type(self).requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/svg+xml")
        self.end_headers()
        self.wfile.write(b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="module")
def server():
    """A local HTTP server that records every request it gets; yields its base URL and the list."""
    handler = type("Handler", (_Recorder,), {"requests": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", handler.requests
    httpd.shutdown()
    httpd.server_close()


def payloads(base: str) -> dict[str, str]:
    """One payload per place, each aiming at the local server and at /etc/passwd in another way."""
    return {
        "short_name": f'B"</style><a rel=attachment href=file:///etc/passwd>P</a><img src={base}/short>\\";x:url({base}/css)',
        "name": f'S"><link rel=stylesheet href={base}/n>',
        "short": f"R<img src={base}/s>",
        "text": (f"<a rel=attachment href=file:///etc/passwd>passwd</a> <svg><image href=\"{base}/svg\"/></svg> "
                 f"<style>@import url({base}/import);</style> <object data=\"{base}/object\"></object>"),
        "occasion": f"I</title><embed src={base}/occasion>",
        "description": (f'D"><link rel=attachment href=file:///etc/passwd><img src="file:///etc/passwd">'
                        f'<iframe src="{base}/description">'),
    }


def _yaml(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML double-quoted string


@pytest.fixture(scope="module")
def hostile_pdfs(tmp_path_factory, server) -> tuple[Path, dict[str, str], list[logging.LogRecord]]:
    base, _requests = server
    root = tmp_path_factory.mktemp("pdf-safety")
    charter = root / "charter"
    copy_charter(charter)
    p = payloads(base)
    replace_in(charter / "school.yaml", "short_name: De Boomhut", f"short_name: {_yaml(p['short_name'])}")
    replace_in(charter / "school.yaml", "name: Basisschool De Boomhut Lozen", f"name: {_yaml(p['name'])}")
    # Room on the bookmark's back for the longer name in its foot: the fit check is not what is tested here.
    from test_school_calendar import DATES_SECTION

    replace_in(charter / "bookmark.yaml", DATES_SECTION, "")
    replace_in(charter / "agreements.yaml", "nl: De agenda is ons belangrijkste communicatiemiddel", "nl: Agenda")
    replace_in(charter / "agreements.yaml", "en: The school diary is our main means of communication", "en: Diary")
    protocol = charter / "protocol.yaml"
    # On the bookmark's back, a slide and the handout's notes.
    replace_in(protocol, "nl: Altijd met respect, geen berichten in drukletters", f"nl: {_yaml(p['short'])}")
    replace_in(protocol, "en: Always respectful, no messages in capital letters", f"en: {_yaml(p['short'])}")
    replace_in(protocol, "        Er wordt steeds met respect voor elkaar gecommuniceerd.", "        " + p["text"])
    replace_in(protocol, "        We always communicate with respect for each other.", "        " + p["text"])
    slides = charter / "slides.yaml"
    replace_in(slides, "occasion: {nl: Infoavond, en: Info evening}",
               f"occasion: {{nl: {_yaml(p['occasion'])}, en: {_yaml(p['occasion'])}}}")
    settings = charter / "charter.yaml"
    replace_in(settings, "  nl: De afspraken van {school.name}", f"  nl: {p['description']} De afspraken van {{school.name}}")
    replace_in(settings, "  en: The agreements of {school.name}", f"  en: {p['description']} The agreements of {{school.name}}")
    records: list[logging.LogRecord] = []
    handler = _Collect(records)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        out = root / "site"
        build(charter, out, site_src=root / "site_src", quiet=True, steps=STEPS, jobs=1)
    finally:
        logger.removeHandler(handler)
    return out, p, records


class _Collect(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]):
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _pdfs(site: Path) -> list[Path]:
    pdfs = sorted((site / "downloads").glob("*.pdf"))
    # Bookmark strip and sheet, slides and notes, in both languages.
    assert len(pdfs) == 8, pdfs
    return pdfs


def test_no_request_reaches_a_local_server(hostile_pdfs, server):
    _base, requests = server
    _pdfs(hostile_pdfs[0])
    assert requests == []


def test_the_payloads_are_printed_as_text(hostile_pdfs):
    site, p, _records = hostile_pdfs
    slides = subprocess.run(["pdftotext", str(site / "downloads" / "digicharter-slides-en.pdf"), "-"],
                            capture_output=True, text=True, check=True).stdout
    notes = subprocess.run(["pdftotext", str(site / "downloads" / "digicharter-slides-notes-en.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", slides + notes)
    for name in ("short_name", "short", "occasion", "text"):
        assert re.sub(r"\s+", "", p[name]) in flat, name
    info = PdfReader(site / "downloads" / "digicharter-slides-en.pdf").metadata
    assert info.author == p["name"]  # the PDF's metadata holds the name as text, one line


def test_no_embedded_file_and_no_file_attachment_in_any_pdf(hostile_pdfs):
    for pdf in _pdfs(hostile_pdfs[0]):
        listed = subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert listed.strip() == "0 embedded files", f"{pdf.name}: {listed}"
        attachments = subprocess.run(["qpdf", "--json", "--json-key=attachments", str(pdf)],
                                     capture_output=True, text=True, check=True).stdout
        assert json.loads(attachments)["attachments"] == {}, pdf.name
        objects = subprocess.run(["qpdf", "--json", str(pdf)], capture_output=True, text=True, check=True).stdout
        for marker in ('"/EmbeddedFile"', '"/EmbeddedFiles"', '"/FileAttachment"', '"/Filespec"'):
            assert marker not in objects, f"{pdf.name}: {marker}"
        reader = PdfReader(pdf)
        assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {}), pdf.name
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                assert annotation.get_object().get("/Subtype") != "/FileAttachment", pdf.name


def _font_names(pdf: Path) -> list[str]:
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return [line.split()[0] for line in lines if line.split() and line.split()[-5] == "yes"]  # column "emb"


def test_our_fonts_are_still_embedded(hostile_pdfs):
    for pdf in _pdfs(hostile_pdfs[0]):
        names = _font_names(pdf)
        assert any(name.split("+")[-1] == "Atkinson-Hyperlegible" for name in names), f"{pdf.name}: {names}"
        assert any(name.split("+")[-1] == "Atkinson-Hyperlegible-Bold" for name in names), f"{pdf.name}: {names}"
        assert all("Atkinson" in name for name in names), f"{pdf.name}: a font that is not ours: {names}"


def test_weasyprint_had_nothing_to_complain_about_even_with_the_payloads(hostile_pdfs):
    records = hostile_pdfs[2]
    assert [r.getMessage() for r in records] == []


def test_weasyprint_logs_no_warning_for_the_example(weasyprint_build):
    assert weasyprint_build.documents, "WeasyPrint laid out the bookmark and the slides"
    assert weasyprint_build.warnings == []
    assert _font_names(weasyprint_build.site / "downloads" / "digicharter-bookmark-nl.pdf")


# --------------------------------------------------------------------------- the fetcher itself


def _fetch(url: str):
    return OwnFilesFetcher().fetch(url)


def test_fetcher_serves_our_fonts_templates_and_svg_data():
    font = truetype_copy(font_files()[0].path)
    assert _fetch(font.as_uri()).read()[:4] == b"\x00\x01\x00\x00"  # a TrueType font
    assert _fetch(font_files()[0].path.as_uri()).read()[:4] == b"wOF2"
    stylesheet = pdf_fetcher.TEMPLATES_DIR / "slides" / "slides.css"
    assert _fetch(stylesheet.as_uri()).read() == stylesheet.read_bytes()
    assert _fetch("data:image/svg+xml;base64,PHN2Zy8+").read() == b"<svg/>"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "file://example.org/etc/passwd",
        "file:///dev/zero",
        "file:///proc/self/environ",
        "http://127.0.0.1:9/x",
        "https://example.org/x.png",
        "ftp://example.org/x",
        "data:text/html,<script>alert(1)</script>",
        "data:image/png;base64,iVBORw0KGgo=",
        "javascript:alert(1)",
        "relative/path.css",
    ],
)
def test_fetcher_refuses_everything_else(url):
    with pytest.raises(RefusedURL):
        _fetch(url)


def test_fetcher_refuses_a_way_out_through_dot_dot():
    outside = pdf_fetcher.TEMPLATES_DIR / ".." / "pyproject.toml"
    assert outside.is_file()
    with pytest.raises(RefusedURL):
        _fetch("file://" + str(pdf_fetcher.TEMPLATES_DIR) + "/../pyproject.toml")
    with pytest.raises(RefusedURL):
        _fetch("file://" + str(pdf_fetcher.TEMPLATES_DIR) + "/%2e%2e/pyproject.toml")


def test_fetcher_refuses_a_symbolic_link_out_of_our_folders(tmp_path, monkeypatch):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "ours.css").write_text("p { color: red }", encoding="utf-8")
    (templates / "passwd.css").symlink_to("/etc/passwd")
    (templates / "etc").symlink_to("/etc", target_is_directory=True)
    monkeypatch.setattr(pdf_fetcher, "TEMPLATES_DIR", templates)
    assert _fetch((templates / "ours.css").as_uri()).read() == b"p { color: red }"
    for name in ("passwd.css", "etc/passwd"):
        with pytest.raises(RefusedURL):
            _fetch((templates / name).as_uri())
    fonts = pdf_fetcher.font_cache_dir()
    fonts.mkdir(parents=True, exist_ok=True)
    trap = fonts / f"trap-{tmp_path.name}.ttf"
    trap.symlink_to("/etc/passwd")
    try:
        with pytest.raises(RefusedURL):
            _fetch(trap.as_uri())
    finally:
        trap.unlink()


def test_fetcher_stops_after_too_many_requests():
    fetcher = OwnFilesFetcher()
    for _ in range(pdf_fetcher.MAX_FETCHES):
        fetcher.fetch("data:image/svg+xml,%3Csvg/%3E")
    with pytest.raises(RefusedURL):
        fetcher.fetch("data:image/svg+xml,%3Csvg/%3E")


def test_a_refused_resource_stops_the_rendering(server):
    base, requests = server
    before = list(requests)
    for html in (f'<img src="{base}/stop">', '<img src="file:///etc/passwd">',
                 f'<style>@import url("{base}/stop.css");</style><p>x</p>'):
        with pytest.raises(InternalError, match="refused"):
            render(html)
    assert requests == before


def test_attachment_links_to_our_own_files_are_not_embedded_either(tmp_path):
    """Even a file the fetcher may serve is never embedded: write_pdf drops attachments before writing."""
    font = truetype_copy(font_files()[0].path).as_uri()
    document = render(f'<html><head><link rel="attachment" href="{font}"></head>'
                      f'<body><a rel="attachment" href="{font}">font</a></body></html>')
    target = tmp_path / "x.pdf"
    write_pdf(document, target)
    listed = subprocess.run(["pdfdetach", "-list", str(target)], capture_output=True, text=True, check=True).stdout
    assert listed.strip() == "0 embedded files"
    assert b"/EmbeddedFile" not in target.read_bytes() and b"/FileAttachment" not in target.read_bytes()


def test_write_pdf_refuses_to_write_an_embedded_file(tmp_path):
    """The last check: should WeasyPrint ever embed a file by another way, no PDF is written."""
    document = render("<p>x</p>")
    target = tmp_path / "x.pdf"

    def sneak(doc, pdf):
        import pydyf

        stream = pydyf.Stream([b"secret"], {"Type": "/EmbeddedFile"})
        pdf.add_object(stream)

    with pytest.raises(InternalError, match="embedded"):
        write_pdf(document, target, finisher=sneak)
    assert not target.exists()


# --------------------------------------------------------------------------- escaping for the PDFs' CSS and metadata

CSS_CASES = [
    'B</style><a rel=attachment href=file:///etc/passwd>P</a><style>',
    '"; background: url(http://127.0.0.1:9/x); content: "',
    "back\\slash \\\" quote ' and \\3c  fake escape",
    "a<1 b>f c&d e\n\tnewline, tab",  # an escape followed by a hex digit, a space, a letter
    "emoji 🏫 and ünïcödé – ‘quotes’ · dots",
    "}</style><script>alert(1)</script>",
]


@pytest.mark.parametrize("value", CSS_CASES)
def test_css_string_reads_back_as_exactly_the_text(value):
    """tinycss2 (WeasyPrint's CSS parser) reads the literal back as one string holding the text, nothing more."""
    import tinycss2

    from digicharter.escaping import css_string, without_controls

    literal = str(css_string(value))
    assert not set("<>&\n") & set(literal)
    tokens = [t for t in tinycss2.parse_component_value_list(literal) if t.type != "whitespace"]
    assert [t.type for t in tokens] == ["string"], literal
    assert tokens[0].value == without_controls(value).replace("\n", " ")


@pytest.mark.parametrize("value", ["#1f5c3a;}", "red", "#1f5c3", "#1f5c3a</style>", "url(x)", ""])
def test_css_colour_refuses_anything_but_a_colour(value):
    from digicharter.escaping import css_colour

    with pytest.raises(InternalError):
        css_colour(value)
    assert css_colour("#1F5c3a") == "#1F5c3a"


@pytest.mark.parametrize("colour", ["#1f5c3a;} body{display:none", "#1f5c3a</style>", "red", "#12345"])
def test_a_colour_that_is_not_one_is_rejected_at_its_line(capsys, charter_copy, colour):
    from helpers import run_cli

    line = replace_in(charter_copy / "school.yaml", 'primary: "#1f5c3a"', f"primary: {_yaml(colour)}")
    code, _out, err = run_cli(capsys, "check", str(charter_copy))
    assert code == 1 and "Traceback" not in err
    assert f"school.yaml:{line}:" in err and "primary" in err


def test_pdf_metadata_is_one_printable_line():
    from digicharter.escaping import pdf_metadata

    assert pdf_metadata("De\x00 Boom\x1b[2J\nhut\u202e  Lozen\r") == "De Boom[2J hut Lozen"


# --------------------------------------------------------------------------- huge values, every WeasyPrint call


def test_a_huge_text_is_rejected_at_its_line(capsys, charter_copy):
    from digicharter.schema.base import MAX_TEXT_CHARS
    from helpers import run_cli

    huge = "lang " * (MAX_TEXT_CHARS // 5 + 1)
    line = replace_in(charter_copy / "agreements.yaml", "nl: De agenda is ons belangrijkste communicatiemiddel", f"nl: {huge}")
    name_line = replace_in(charter_copy / "school.yaml", "short_name: De Boomhut", "short_name: " + "B" * 201)
    code, _out, err = run_cli(capsys, "check", str(charter_copy))
    assert code == 1 and "Traceback" not in err
    # Reported at the text's key (short:), naming the language.
    assert f"agreements.yaml:{line - 1}:" in err and f"the 'nl' text is {len(huge.strip())} characters long" in err
    assert f"at most {MAX_TEXT_CHARS}" in err
    assert f"school.yaml:{name_line}:" in err and "at most 200" in err


def test_every_weasyprint_document_goes_through_our_fetcher():
    """Only pdf.html_document makes WeasyPrint documents: a new output cannot forget the fetcher."""
    import ast

    from conftest import PROJECT

    offenders = []
    for source in [*sorted((PROJECT / "digicharter").rglob("*.py")), PROJECT / "scripts" / "bench.py"]:
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            named = None
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("weasyprint"):
                named = {alias.name for alias in node.names} & {"HTML", "CSS", "Attachment", "URLFetcher"}
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "weasyprint":
                named = {node.attr} & {"HTML", "CSS", "Attachment"}
            if named and source.relative_to(PROJECT).as_posix() not in ("digicharter/render/pdf/writing.py",
                                                                   "digicharter/render/pdf/fetcher.py"):
                offenders.append(f"{source.relative_to(PROJECT)}:{node.lineno}: {sorted(named)}")
    assert offenders == []
