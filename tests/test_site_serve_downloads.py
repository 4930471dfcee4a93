"""The live preview shows everything the school prints: downloads served, rebuilt on save, mistakes in the banner.

The real ``digicharter serve`` (and ``mkdocs serve``) runs on a copy of the
charter; what it serves is fetched over HTTP, the PDFs are read with
pdftotext, the banner in Chromium. ``mkdocs build`` on the repository's own
mkdocs.yml must give the complete site, or refuse with the build's message.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from pptx import Presentation

from conftest import PROJECT
from helpers import replace_in
from test_site_serve import Preview, preview  # noqa: F401 - the fixture, shared

pytestmark = pytest.mark.slow

#: How long the background build of the PDFs may take on a busy two-core machine.
OUTPUTS_BUDGET = 240.0

QUIET_SHORT_EN = "Quiet times: evenings from"
NEW_SHORT_EN = "Calm times: evenings from"


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


def wait_for(what: str, check, budget: float = OUTPUTS_BUDGET, preview: Preview | None = None):
    """Poll ``check()`` until it returns something true; fail after ``budget`` seconds."""
    deadline = time.monotonic() + budget
    while time.monotonic() < deadline:
        try:
            found = check()
        except OSError:
            found = None
        if found:
            return found
        if preview is not None:
            assert preview.process.poll() is None, "the preview stopped"
        time.sleep(0.5)
    raise AssertionError(f"never saw {what} within {budget:.0f} s")


def pdf_text(data: bytes) -> str:
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def served_pdf_text(preview: Preview, path: str) -> str | None:
    status, body, kind = fetch(preview.base + path)
    if status != 200:
        return None
    assert kind == "application/pdf" and body.startswith(b"%PDF-"), path
    return pdf_text(body)


def download_links(html: str) -> list[str]:
    """The links of a downloads page (its list of files), relative to that page."""
    block = html[html.index('class="dc-downloads"'):]
    block = block[: block.index("</ul>")]
    return re.findall(r'href="([^"]+)"', block)


def drain(preview: Preview) -> str:
    """Everything the preview printed so far (its reader thread queues the lines)."""
    while not preview.lines.empty():
        preview.output.append(preview.lines.get())
    return "".join(preview.output)


#: bookmark sheet, deck, slide PDF, notes PDF, bookmark strip, PowerPoint, calendar (the example has calendar.yaml).
EXPECTED_DOWNLOADS = 7


def check_every_download(base: str, home_path: str) -> None:
    """From the home page to the downloads page, then every file it links: all served, all real files."""
    status, home, _ = fetch(base + home_path)
    assert status == 200
    folder = home_path.rpartition("/")[0] + "/" if "/" in home_path else ""
    assert 'href="downloads.html"' in home.decode("utf-8"), "the home page links the downloads page"
    status, page, _ = fetch(base + folder + "downloads.html")
    assert status == 200
    links = download_links(page.decode("utf-8"))
    assert len(links) == EXPECTED_DOWNLOADS, links
    for link in links:
        url = urllib.request.urljoin(base + folder + "downloads.html", link)
        status, body, kind = fetch(url)
        assert status == 200, url
        if link.endswith(".pdf"):
            assert kind == "application/pdf" and body.startswith(b"%PDF-"), url
            assert pdf_text(body), url
        elif link.endswith(".pptx"):
            assert body.startswith(b"PK") and len(Presentation(io.BytesIO(body)).slides) > 10, url
        elif link.endswith(".ics"):
            assert body.startswith(b"BEGIN:VCALENDAR") and b"END:VCALENDAR" in body, url
        else:
            assert kind.startswith("text/html") and b"reveal" in body, url
            for asset in re.findall(rb'(?:src|href)="([^"#:]+)"', body):
                assert fetch(urllib.request.urljoin(url, asset.decode()))[0] == 200, (url, asset)


@pytest.mark.browser
def test_serve_serves_every_download_rebuilds_the_bookmark_on_save_and_shows_one_that_does_not_fit(
        preview, charter_copy, browser, tmp_path, monkeypatch):
    """One preview through a school's morning: every download served, a text changed, then a bookmark too long."""
    from digicharter import i18n
    from digicharter.build import build
    from digicharter.errors import OutputError
    from digicharter.render.bookmark.build import build_bookmarks

    preview.wait_for_output("Serving on")
    # The pages come first; the PDFs follow from the background build, at the built site's addresses.
    wait_for("the English bookmark", lambda: served_pdf_text(preview, "downloads/digicharter-bookmark-en.pdf"), preview=preview)
    preview.wait_for_output("preview: the bookmark and the slides are up to date")
    for home in ("index.html", "en/index.html"):
        check_every_download(preview.base, home)
    assert QUIET_SHORT_EN in served_pdf_text(preview, "downloads/digicharter-bookmark-en.pdf")
    dutch_before = fetch(preview.base + "downloads/digicharter-bookmark-nl.pdf")[1]
    assert fetch(preview.base + "calendar/en.ics")[0] == 200
    assert fetch(preview.base + "downloads/no-such-file.pdf")[0] == 404

    # An English text on the bookmark changes: the served English bookmark follows; the Dutch one is reused.
    replace_in(charter_copy / "agreements.yaml", QUIET_SHORT_EN, NEW_SHORT_EN)
    text = wait_for("the new text in the served bookmark",
                    lambda: (t := served_pdf_text(preview, "downloads/digicharter-bookmark-en.pdf")) and NEW_SHORT_EN in t and t,
                    preview=preview)
    assert QUIET_SHORT_EN not in text
    sheet = served_pdf_text(preview, "downloads/digicharter-bookmark-sheet-en.pdf")
    assert NEW_SHORT_EN in sheet
    preview.wait_for_output("preview: the bookmark and the slides are up to date")
    output = drain(preview)
    last_run = output[output.rindex("bookmark (nl)"):]
    assert "(unchanged, reused)" in last_run.splitlines()[0], "the Dutch bookmark's PDFs are copied, not laid out again"
    assert fetch(preview.base + "downloads/digicharter-bookmark-nl.pdf")[1] == dutch_before
    good = fetch(preview.base + "downloads/digicharter-bookmark-en.pdf")[1]

    # The bookmark gets shorter than its texts: the banner shows what `digicharter build` says about it.
    replace_in(charter_copy / "bookmark.yaml", "  height_mm: 205", "  height_mm: 120")
    # What the build says, in English and in Dutch (file names as seen from the same folder).
    monkeypatch.chdir(charter_copy.parent)
    said = {}
    for language in ("en", "nl"):
        with i18n.using(language), pytest.raises(OutputError) as failure:
            build(charter_copy, tmp_path / f"site-{language}", site_src=tmp_path / "site_src", quiet=True,
                  steps=[("bookmark", build_bookmarks)])
        said[language] = " ".join(str(failure.value).split())
        assert ("mm too long" if language == "en" else "mm te lang") in said[language], said[language]

    page = browser.new_context().new_page()
    # The preview's pages hold a live-reload request open; this test loads the pages itself, and a
    # request left open kept the context from closing on a busy machine (the test then timed out).
    page.route("**/livereload/**", lambda route: route.abort())
    try:
        for path, language in (("en/index.html", "en"), ("index.html", "nl")):
            def banner() -> str | None:
                page.goto(preview.base + path)
                shown = page.locator(".dc-preview-problem")
                return " ".join(shown.inner_text().split()) if shown.count() else None

            text = wait_for(f"the bookmark's message in the banner of {path}", banner, preview=preview)
            assert said[language] in text, (said[language], text)
        # The last bookmark that fitted is still served, nothing is cut off.
        assert fetch(preview.base + "downloads/digicharter-bookmark-en.pdf")[1] == good

        replace_in(charter_copy / "bookmark.yaml", "  height_mm: 120", "  height_mm: 205")

        def banner_gone() -> bool:
            page.goto(preview.base + "en/index.html")
            return page.locator(".dc-preview-problem").count() == 0

        wait_for("the banner gone once the bookmark fits again", banner_gone, preview=preview)
    finally:
        page.context.close()
    assert "Traceback" not in drain(preview)


# --------------------------------------------------------------------------- plain MkDocs on the repository's mkdocs.yml


@pytest.fixture
def project_copy(charter_copy) -> Path:
    """A folder laid out like the repository: its mkdocs.yml, the hook and templates it names, a charter."""
    root = charter_copy.parent
    shutil.copyfile(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("digicharter", "templates"):
        (root / name).symlink_to(PROJECT / name)
    return root


def mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", *args, "-f", str(root / "mkdocs.yml")],
                          cwd=root, capture_output=True, text=True, timeout=900)


def test_mkdocs_build_gives_the_complete_site_with_every_download(project_copy, charter_copy):
    done = mkdocs(project_copy, "build", "-d", str(project_copy / "out"))
    assert done.returncode == 0, done.stderr
    out = project_copy / "out"
    for folder in ("", "en/"):
        links = download_links((out / folder / "downloads.html").read_text(encoding="utf-8"))
        assert len(links) == EXPECTED_DOWNLOADS
        for link in links:
            target = (out / folder / link).resolve()
            assert target.is_file(), link
            if link.endswith(".pdf"):
                assert pdf_text(target.read_bytes()), link
    assert QUIET_SHORT_EN in pdf_text((out / "downloads/digicharter-bookmark-en.pdf").read_bytes())
    assert (out / "calendar/nl.ics").is_file()


def test_mkdocs_build_refuses_a_bookmark_that_does_not_fit_with_the_builds_message(project_copy, charter_copy):
    replace_in(charter_copy / "bookmark.yaml", "  height_mm: 205", "  height_mm: 120")
    done = mkdocs(project_copy, "build", "-d", str(project_copy / "out"))
    assert done.returncode == 1
    said = done.stderr + done.stdout
    assert "front face is" in said and "mm too long" in said and "bookmark.yaml" in said, said
    assert "downloads not" in said
    assert "Traceback" not in said


def test_mkdocs_serve_serves_the_downloads_too(project_copy, charter_copy):
    running = Preview(charter_copy, [sys.executable, "-m", "mkdocs", "serve", "-f", str(project_copy / "mkdocs.yml")])
    try:
        running.wait_for_output("Serving on")
        text = wait_for("the bookmark under mkdocs serve",
                        lambda: served_pdf_text(running, "downloads/digicharter-bookmark-en.pdf"), preview=running)
        assert QUIET_SHORT_EN in text
    finally:
        running.stop()


def test_the_preview_serves_only_the_outputs_own_files(tmp_path):
    """Addresses are normalised like the site's: '..' never leaves an output's folder, other files are not found."""
    import os

    from digicharter.render.site.preview_outputs import OutputPreview

    (tmp_path / "secret.txt").write_text("not for the web")
    outputs = OutputPreview(tmp_path / "charter", None)
    try:
        built = outputs.root / "results" / "bookmark-1"
        (built / "downloads").mkdir(parents=True)
        (built / "downloads" / "a.pdf").write_bytes(b"%PDF-1.7")
        (built / "slides").mkdir()
        (built / "slides" / "index.html").write_text("<p>deck</p>")
        os.symlink(built, outputs.root / "bookmark")
        assert outputs.find("downloads/a.pdf") == built / "downloads" / "a.pdf"
        assert outputs.find("slides") == built / "slides"
        assert outputs.find("downloads/../downloads/a.pdf") == built / "downloads" / "a.pdf"
        depth = len(built.parts)
        assert outputs.find("../" * depth + str(tmp_path / "secret.txt")) is None
        assert outputs.find("downloads/../../../../secret.txt") is None
        assert outputs.find("status/bookmark.json") is None, "the preview's own files are not outputs"
        assert outputs.find("") is None and outputs.find("index.html") is None
    finally:
        outputs.close()
    assert not outputs.root.exists()


def test_the_next_save_finds_a_worker_that_has_loaded_the_renderers_already(charter_copy, tmp_path):
    """After a background build, a spare worker loads WeasyPrint and waits; the next save starts that one."""
    from digicharter.render.site.preview_outputs import NUDGE_INTERVAL, OutputPreview, fingerprint

    outputs = OutputPreview(charter_copy, tmp_path / "cache")
    try:
        outputs.shown = {"*": ("an older message",)}  # the pages show something else: the preview nudges them
        outputs.request(fingerprint(charter_copy))
        first = outputs._process
        assert first is not None and first.wait(timeout=OUTPUTS_BUDGET) == 0
        spare = wait_for("a spare worker", lambda: outputs._spare, budget=10)
        maps = Path(f"/proc/{spare.pid}/maps")
        wait_for("the spare worker with Pango loaded", lambda: "libpango" in maps.read_text(), budget=120)
        # The pages caught up: the thread that followed the first worker ends. A worker must live on
        # (Linux ends a process whose parent *thread* ends, once it asked to die with its parent).
        outputs.shown = outputs.problems()
        time.sleep(3 * NUDGE_INTERVAL)
        assert spare.poll() is None, "the spare waits to be told"
        assert outputs.find("downloads/digicharter-bookmark-en.pdf") is not None

        replace_in(charter_copy / "agreements.yaml", QUIET_SHORT_EN, NEW_SHORT_EN)
        outputs.request(fingerprint(charter_copy))
        assert outputs._process is spare
        assert spare.wait(timeout=OUTPUTS_BUDGET) == 0
        pdf = outputs.find("downloads/digicharter-bookmark-en.pdf")
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert NEW_SHORT_EN in " ".join(text.split())
    finally:
        outputs.close()
    assert spare.poll() is not None
    assert outputs._spare is None or outputs._spare.poll() is not None
