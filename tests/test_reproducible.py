"""The same charter gives the same bytes: two builds, in different folders and at different times."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pypdf import PdfReader

from conftest import CHARTER, copy_charter
from digicharter.build import build
from digicharter.steps import output_steps


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


NO_FONTS_CONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def test_two_builds_are_byte_identical(built_site: Path, tmp_path: Path):
    """The second build runs in another process that sees none of the machine's fonts (a fontconfig with no
    folder): the PDFs draw every letter, Arabic included, with the fonts Digicharter ships, so a school's
    machine gives the same bytes as ours whatever fonts it has installed."""
    time.sleep(1.1)  # a later second: any time stamp would differ
    second = tmp_path / "elsewhere" / "site"
    fonts_config = tmp_path / "no-fonts.conf"
    fonts_config.write_text(NO_FONTS_CONFIG.format(cache=tmp_path / "fontconfig-cache"), encoding="utf-8")
    script = "import sys; from pathlib import Path; from digicharter.build import build; " \
             "build(Path(sys.argv[1]), Path(sys.argv[2]), site_src=Path(sys.argv[3]), quiet=True)"
    done = subprocess.run([sys.executable, "-c", script, str(CHARTER), str(second), str(tmp_path / "site_src")],
                          env={**os.environ, "FONTCONFIG_FILE": str(fonts_config)}, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert subprocess.run(["fc-list"], env={**os.environ, "FONTCONFIG_FILE": str(fonts_config)},
                          capture_output=True, text=True, check=True).stdout == ""  # no font of the machine's seen
    first_files, second_files = tree(built_site), tree(second)
    assert sorted(first_files) == sorted(second_files)
    different = [name for name in first_files if first_files[name] != second_files[name]]
    assert different == []
    # What is compared is a whole site: pages, search indexes, PDFs, the slide decks.
    names = "\n".join(first_files)
    for expected in ("index.html", "en/index.html", "search/search_index.json", ".pdf", "slides/index.html"):
        assert expected in names


def test_source_date_epoch_is_honoured(tmp_path: Path, monkeypatch):
    """The website's sitemap and the bookmark's PDF dates follow SOURCE_DATE_EPOCH (the slides' PDFs carry no date)."""
    charter = tmp_path / "charter"
    copy_charter(charter)
    steps = [(name, step) for name, step in output_steps() if name in ("website", "bookmark")]
    sites = {}
    for epoch in ("1725148800", "1756684800"):  # 2024-09-01 and 2025-09-01
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        sites[epoch] = tmp_path / f"site-{epoch}"
        build(charter, sites[epoch], site_src=tmp_path / "site_src", quiet=True, steps=steps)
    a, b = (tree(site) for site in sites.values())
    assert gzip.decompress(a["sitemap.xml.gz"]).decode().count("2024-09-01") >= 1
    assert gzip.decompress(b["sitemap.xml.gz"]).decode().count("2025-09-01") >= 1
    pdf = sites["1725148800"] / "downloads" / "digicharter-bookmark-nl.pdf"
    assert PdfReader(pdf).metadata["/CreationDate"].startswith("D:20240901")
    pdf = sites["1756684800"] / "downloads" / "digicharter-bookmark-nl.pdf"
    assert PdfReader(pdf).metadata["/CreationDate"].startswith("D:20250901")
    # The same epoch again gives the same bytes, from another folder.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1725148800")
    again = tmp_path / "again" / "site"
    build(charter, again, site_src=tmp_path / "site_src2", quiet=True, steps=steps)
    assert tree(again) == a
    assert os.environ["SOURCE_DATE_EPOCH"] == "1725148800"
