"""Fixtures every test module shares: the example charter, one full build, a browser.

The full build runs once per test session (it is the slow part); tests that
change the charter work on a copy in a temporary folder.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import socket
import os
import threading
from pathlib import Path

import pytest

# The tests read the English messages; tests of other languages ask for theirs (--lang, LANG).
# LANGUAGE is gettext's first choice and only chooses the language of messages.
os.environ["LANGUAGE"] = "en"

PROJECT = Path(__file__).resolve().parent.parent
CHARTER = PROJECT / "charter"


@pytest.fixture(autouse=True)
def _messages_in_english():
    """Each test starts with English messages, whatever a test before it chose."""
    from digicharter import i18n

    i18n.reset()
    yield
    i18n.reset()


#: The languages typed in the example's YAML; French and Arabic come from its translators' PO files.
TYPED_LANGUAGES = ("nl", "en")


@pytest.fixture
def charter_copy(tmp_path: Path) -> Path:
    """A copy of the example charter to change freely, in its two typed languages (Dutch and English).

    Most tests change a text and build one output to see what happens; four
    languages would only make each build twice as long. The example's French
    and Arabic are built, browsed and checked by the session's full build
    (``loaded``, ``built_site``) and by ``full_charter_copy``.
    """
    return copy_charter(tmp_path / "charter")


def copy_charter(target: Path) -> Path:
    """The example charter copied to ``target`` in Dutch and English only (see :func:`charter_copy`)."""
    shutil.copytree(CHARTER, target)
    settings = target / "charter.yaml"
    text = settings.read_text(encoding="utf-8")
    first_other = min(text.index(f"  - code: {code}\n") for code in other_languages(text))
    settings.write_text(text[:first_other] + text[text.index("\n# Plain texts", first_other):], encoding="utf-8")
    shutil.rmtree(target / "translations", ignore_errors=True)
    return target


def other_languages(charter_yaml: str) -> list[str]:
    import re

    codes = re.findall(r"^  - code: (\S+)$", charter_yaml, flags=re.M)
    others = [code for code in codes if code not in TYPED_LANGUAGES]
    assert codes[: len(TYPED_LANGUAGES)] == list(TYPED_LANGUAGES) and others, codes
    return others


@pytest.fixture
def full_charter_copy(tmp_path: Path) -> Path:
    """A copy of the example charter with every language it is published in."""
    target = tmp_path / "charter"
    shutil.copytree(CHARTER, target)
    return target


@pytest.fixture(scope="session")
def loaded():
    """The example charter, loaded and validated (strict)."""
    from digicharter.loading.charter_loader import load_charter

    return load_charter(CHARTER, strict=True)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example charter built once into a fresh site/ folder (all outputs)."""
    from digicharter.build import build

    root = tmp_path_factory.mktemp("build")
    out = root / "site"
    build(CHARTER, out, site_src=root / "site_src", quiet=True)
    return out


class WeasyPrintBuild:
    """The example's bookmark and slides built in this process with no PDF cache (see :func:`weasyprint_build`)."""

    def __init__(self, site: Path, documents: list[str], warnings: list[str]):
        self.site = site
        #: Every HTML document WeasyPrint was given to lay out, in order.
        self.documents = documents
        #: Every message WeasyPrint logged at warning level or above.
        self.warnings = warnings


@pytest.fixture(scope="session")
def weasyprint_build(tmp_path_factory: pytest.TempPathFactory) -> WeasyPrintBuild:
    """Bookmark and slides of the example, laid out in this process (``jobs=1``) with nothing reused from a cache.

    In this process, so that what WeasyPrint is given and what it logs can be
    seen: every document passes through ``pdf.writing.html_document``.
    """
    import logging

    from digicharter.build import build
    from digicharter.render.bookmark.build import build_bookmarks
    from digicharter.render.pdf import writing
    from digicharter.render.slides.build import build_slides

    documents: list[str] = []
    warnings: list[str] = []
    real = writing.html_document

    def recording(html: str, base_url=None):
        documents.append(html)
        return real(html, base_url)

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warnings.append(record.getMessage())

    handler = Collect(logging.WARNING)
    logger = logging.getLogger("weasyprint")
    root = tmp_path_factory.mktemp("weasyprint")
    logger.addHandler(handler)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(writing, "html_document", recording)
            patch.setenv("DIGICHARTER_NO_CACHE", "1")
            build(CHARTER, root / "site", site_src=root / "site_src", quiet=True,
                  steps=[("bookmark", build_bookmarks), ("slides", build_slides)], jobs=1)
    finally:
        logger.removeHandler(handler)
    return WeasyPrintBuild(root / "site", documents, warnings)


#: The website engines ``site.yaml`` can name; the website tests run against each.
ENGINES = ("mkdocs", "zensical")


def with_engine(charter_dir: Path, engine: str) -> Path:
    """Have ``charter_dir``'s website built by ``engine`` (``engine:`` in site.yaml)."""
    site_yaml = charter_dir / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    assert "\nengine:" not in text, "the example names no engine: MkDocs is the default"
    site_yaml.write_text(text + f"\nengine: {engine}\n", encoding="utf-8")
    return charter_dir


@pytest.fixture(scope="session", params=ENGINES)
def site_engine(request) -> str:
    """Each website engine in turn (the tests that take it, or :func:`website`, run once per engine)."""
    return request.param


@pytest.fixture(scope="session")
def website(site_engine: str, built_site: Path) -> Path:
    """The example's complete site with its website built by each engine in turn (see :func:`engine_site`)."""
    return engine_site(site_engine, built_site)


def engine_site(engine: str, built_site: Path) -> Path:
    """The example's complete site with its website built by ``engine``, once per test process.

    MkDocs is the session's own build; another engine's is the same charter
    with ``engine: …`` in site.yaml, built next to it (``site.parent /
    "site_src"`` holds its pages, as for ``built_site``). Its PDF cache starts
    as a copy of the session build's, so only the website is built again.
    """
    if engine == "mkdocs":
        return built_site
    from digicharter.build import build

    root = built_site.parent / engine
    if not (root / "site").is_dir():  # pytest sets a parametrized session fixture up again after another param
        charter = with_engine(shutil.copytree(CHARTER, root / "charter", dirs_exist_ok=True), engine)
        shutil.copytree(built_site.parent / ".site-cache", root / ".site-cache", dirs_exist_ok=True)
        build(charter, root / "site", site_src=root / "site_src", quiet=True)
    return root / "site"


@pytest.fixture(scope="session")
def website_server(website: Path):
    """The website of :func:`website` served on 127.0.0.1; yields its base URL."""
    yield from _serve(website)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="session")
def site_server(built_site: Path):
    """The built site served on 127.0.0.1 at a free port; yields its base URL."""
    yield from _serve(built_site)


def _serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


#: Flags that keep Chromium from reaching out to Google's services (the network is closed anyway).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright cannot download its own browsers here)."""
    path = chromium_path()
    if path is None:
        pytest.fail("Chromium is not installed: run scripts/setup.sh (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


#: The test files that take longest (minutes in CI), run first: the suite runs one file per worker
#: (--dist loadfile), and a long file started last would leave the other cores idle at the end.
SLOW_FILES = ("test_injection_fields.py", "test_site_browser.py", "test_site_serve_downloads.py",
              "test_slides_pdf.py", "test_pdf_cache.py", "test_install.py", "test_reproducible.py",
              "test_layout_once.py", "test_bookmark_fit.py", "test_build_atomic.py", "test_site_answer_now.py")


def pytest_collection_modifyitems(session, config, items):
    """The slow files first, in SLOW_FILES' order; the rest as collected (the same order on every worker)."""
    rank = {name: index for index, name in enumerate(SLOW_FILES)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
