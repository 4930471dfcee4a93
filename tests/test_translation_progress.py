"""A language in progress: published before it is complete, with check saying how far it is."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

FRENCH = """  - code: fr
    name: Français
    locale: fr_BE
    time_format: "HH:mm"
{complete}
"""


def with_french(charter: Path, complete: str) -> None:
    settings = charter / "charter.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("\n# Plain texts", FRENCH.format(complete=complete) + "\n# Plain texts", 1),
                        encoding="utf-8")


def check(charter: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digicharter", "--lang", "en", "check", *options, str(charter)],
                          capture_output=True, text=True, timeout=120)


def test_a_language_in_progress_passes_strict_and_reports_its_progress(charter_copy: Path) -> None:
    with_french(charter_copy, "    complete: false")
    done = check(charter_copy, "--strict")
    assert done.returncode == 0, done.stderr
    assert "missing translation" not in done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("Français (fr)"))
    match = re.search(r"in progress: (\d+) of (\d+) texts translated \((\d+) % of the words\)", line)
    assert match, line
    translated, total = int(match.group(1)), int(match.group(2))
    assert 0 < translated < total  # the shipped French interface words count, the charter's own texts not yet
    for output in ("website", "bookmark", "slides"):
        assert re.search(rf"{output} \d+ of \d+ \(\d+ %\)", line), line
    english = next(line for line in done.stdout.splitlines() if line.startswith("English (en)"))
    assert english == f"English (en): all {total} texts translated"


def test_a_complete_language_still_fails_strict_text_by_text(charter_copy: Path) -> None:
    with_french(charter_copy, "")
    done = check(charter_copy, "--strict")
    assert done.returncode == 1
    missing = [line for line in done.stderr.splitlines() if "missing translation into Français (fr)" in line]
    assert len(missing) > 100 and all(re.match(r".+\.yaml:\d+:\d+: ", line) for line in missing)


def test_every_page_of_a_language_in_progress_says_so(charter_copy: Path, tmp_path: Path) -> None:
    """French in progress: each French page opens with the notice, in French; no page of a complete language has it."""
    import html as html_module
    import re

    from digicharter.build import build
    from digicharter.loading.charter_loader import load_charter
    from digicharter.render.site.build import build_site
    from digicharter.view import views

    with_french(charter_copy, "    complete: false")
    out = tmp_path / "site"
    build(charter_copy, out, site_src=tmp_path / "site_src", quiet=True, steps=[("website", build_site)])
    charter = load_charter(charter_copy).charter
    french = next(v for v in views(charter) if v.code == "fr")
    notice = french.raw(charter.site.labels.in_progress)
    assert "traduction" in notice
    pages = sorted((out / "fr").glob("*.html"))
    assert len(pages) > 5
    for page in pages:
        if page.name == "404.html":
            continue
        html = page.read_text(encoding="utf-8")
        found = re.search(r'<p class="dc-in-progress" role="note">(.*?)</p>', html, re.S)
        assert found and html_module.unescape(re.sub(r"[ \t\n]+", " ", found.group(1)).strip()) == notice, page.name
        assert html.index("dc-in-progress") < html.index("<h1"), f"{page.name}: the notice comes first"
    for page in [*out.glob("*.html"), *(out / "en").glob("*.html")]:
        assert "dc-in-progress" not in page.read_text(encoding="utf-8"), page.name


@pytest.mark.browser
def test_french_pages_follow_french_typography(charter_copy: Path, tmp_path: Path, browser) -> None:
    """French: a narrow no-break space before : ; ? !, lists joined with "et", and a "?" never alone on a line at 360 px."""
    from digicharter.build import build
    from digicharter.render.site.build import build_site

    with_french(charter_copy, "    complete: false")
    out = tmp_path / "site"
    build(charter_copy, out, site_src=tmp_path / "site_src", quiet=True, steps=[("website", build_site)])
    context = browser.new_context(viewport={"width": 360, "height": 780})
    try:
        page = context.new_page()
        page.goto((out / "fr" / "index.html").as_uri())
        heading = page.locator("#answer-times").inner_text()
        page.goto((out / "fr" / "email.html").as_uri())
        meta = page.locator(".dc-meta").first.inner_text()
        # Every "?", ":" or "!" the French text ends a phrase with sits on the line of the word before it.
        alone = page.evaluate("""() => {
            const bad = [];
            const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode, text = node.textContent;
                for (let i = 1; i < text.length; i++) {
                    if (!'?:!;'.includes(text[i]) || text[i - 1] !== '\\u202f') continue;
                    const range = document.createRange();
                    range.setStart(node, Math.max(0, i - 3)); range.setEnd(node, i + 1);
                    if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1) bad.push(text);
                }
            }
            return bad;
        }""")
    finally:
        context.close()
    assert heading.endswith("réponse\u202f?"), repr(heading)
    assert "S'applique à\u202f: " in meta and " et " in meta, repr(meta)
    assert alone == []
