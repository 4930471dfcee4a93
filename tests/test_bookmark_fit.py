"""Nothing on the bookmark is ever cut off silently: too much text stops the build and says what to shorten.

The too-long texts are made from the charter's own words (repeated), so these
tests follow the example charter when it changes.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from conftest import CHARTER
from digicharter import outputs
from digicharter.build import build
from digicharter.errors import OutputError
from digicharter.loading.charter_loader import load_charter
from digicharter.render.bookmark.build import build_bookmarks
from digicharter.view import views

from helpers import replace_in, run_cli


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build_bookmark_only(charter_dir: Path, out: Path) -> Path:
    build(charter_dir, out, site_src=out.parent / "site_src", quiet=True, steps=[("bookmark", build_bookmarks)])
    return out


def front_agreement(charter_dir: Path) -> tuple[str, str, str]:
    """(id, file, English short text as written in the YAML) of the first agreement on the front."""
    charter = load_charter(charter_dir, strict=True).charter
    first = next(item.agreement for s in charter.bookmark.front.sections for item in s.items if item.agreement)
    english = views(charter)[1]
    rule = english.agreement(first)
    source = "agreements.yaml" if rule in charter.agreements.rules else "protocol.yaml"
    return first, source, rule.short.get("en", charter.settings.default_language)


def lengthen_english_short(charter_dir: Path, times: int) -> tuple[str, int]:
    """Make the English short text of the front's first agreement ``times`` times as long; return id and line."""
    agreement, source, short = front_agreement(charter_dir)
    text = (charter_dir / source).read_text(encoding="utf-8")
    written = next(line for line in text.splitlines() if line.strip().startswith("en:") and short[:20] in line)
    longer = written.split("en:", 1)[0] + "en: " + '"' + " — ".join([short.replace('"', "'")] * times) + '"'
    line = replace_in(charter_dir / source, written, longer)
    return agreement, line


def test_an_english_short_text_too_long_stops_the_build_and_keeps_the_site(charter_copy, tmp_path, capsys):
    agreement, line = lengthen_english_short(charter_copy, 12)
    site = tmp_path / "site"
    (site / "downloads").mkdir(parents=True)
    (site / "index.html").write_text("the previous site")
    (site / "downloads" / "old.pdf").write_bytes(b"%PDF previous")
    before = snapshot(site)

    code, _out, err = run_cli(capsys, "build", str(charter_copy), "--output", str(site), "--quiet")

    assert code == 1, err
    assert "Traceback" not in err
    message = err.strip()
    assert "English (en)" in message and "front face" in message
    assert "Nederlands" not in message, "the Dutch bookmark fits and must not be blamed"
    assert f"'{agreement}'" in message and f":{line}" in message, message
    mm = re.search(r"(\d+(?:\.\d)?) mm too long", message)
    assert mm and float(mm.group(1)) > 10, message
    assert "Shorten" in message and "bookmark.yaml" in message
    assert snapshot(site) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".site") and p.name not in (".site-cache", ".site.lock")]
    assert not leftovers, "a half-built site was left behind"  # (the PDF cache holds only checked PDFs)


def test_the_reported_overflow_is_what_is_missing(charter_copy, tmp_path):
    """Making the strip as much taller as the message says makes the same text fit."""
    lengthen_english_short(charter_copy, 6)
    with pytest.raises(OutputError) as failure:
        build_bookmark_only(charter_copy, tmp_path / "a" / "site")
    over = float(re.search(r"front face is (\d+\.\d) mm too long", str(failure.value)).group(1))
    height = load_charter(charter_copy).charter.bookmark.size.height_mm

    replace_in(charter_copy / "bookmark.yaml", f"height_mm: {height:g}", f"height_mm: {height + over - 0.6:.1f}")
    with pytest.raises(OutputError):
        build_bookmark_only(charter_copy, tmp_path / "b" / "site")

    replace_in(charter_copy / "bookmark.yaml", f"height_mm: {height + over - 0.6:.1f}", f"height_mm: {height + over + 0.2:.1f}")
    site = build_bookmark_only(charter_copy, tmp_path / "c" / "site")
    assert all((site / outputs.bookmark_pdf(v)).is_file() for v in views(load_charter(charter_copy).charter))


def test_the_line_that_runs_over_the_last_that_fits_and_the_longest_are_named(charter_copy, tmp_path):
    # Stretch the front's first line: it still fits, but pushes lines further down off the strip.
    stretched, line = lengthen_english_short(charter_copy, 6)
    with pytest.raises(OutputError) as failure:
        build_bookmark_only(charter_copy, tmp_path / "site")
    message = str(failure.value)
    runs_over = re.search(r"runs over at the (?:agreement|phone|email) '([a-z0-9_-]+)'", message)
    assert runs_over and runs_over.group(1) != stretched, message
    assert re.search(r"the last line that fits is the (agreement|phone|email) '[a-z0-9_-]+'", message), message
    assert f"shorten the longest line on this face, the short text (en) of agreement '{stretched}'" in message, message
    assert f":{line}, " in message, "the longest line's file and line"


def test_a_word_too_wide_for_the_strip_stops_the_build(charter_copy, tmp_path):
    agreement, source, short = front_agreement(charter_copy)
    text = (charter_copy / source).read_text(encoding="utf-8")
    written = next(line for line in text.splitlines() if line.strip().startswith("en:") and short[:20] in line)
    unbreakable = "".join(word.capitalize() for word in re.findall(r"[A-Za-z]+", short)) * 2
    replace_in(charter_copy / source, written, written.split("en:", 1)[0] + f'en: "{unbreakable}"')
    with pytest.raises(OutputError) as failure:
        build_bookmark_only(charter_copy, tmp_path / "site")
    message = str(failure.value)
    assert "English (en)" in message and "too wide" in message and f"'{agreement}'" in message, message


def test_two_builds_give_identical_bytes(built_site, tmp_path, caplog):
    """The same charter gives the same PDFs, byte for byte (no clock time, no random font subset names)."""
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        again = build_bookmark_only(CHARTER, tmp_path / "site")
    assert not caplog.records, f"WeasyPrint complained: {[r.getMessage() for r in caplog.records]}"
    for view in views(load_charter(CHARTER).charter):
        for path in (outputs.bookmark_pdf(view), outputs.bookmark_sheet_pdf(view)):
            assert (again / path).read_bytes() == (built_site / path).read_bytes(), path
