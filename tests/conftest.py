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


@pytest.fixture
def charter_copy(tmp_path: Path) -> Path:
    """A copy of the example charter to change freely."""
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="session")
def site_server(built_site: Path):
    """The built site served on 127.0.0.1 at a free port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
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
