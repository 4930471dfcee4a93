"""Rebuilding reuses PDFs whose input did not change, and never hides a change or a failure."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from digicharter.build import build
from digicharter.errors import OutputError

from conftest import copy_charter
from helpers import replace_in


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def pdf_text(path: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory):
    """The two typed languages built once, with an empty cache: a folder holding the charter, site/ and its cache."""
    root = tmp_path_factory.mktemp("first")
    charter = copy_charter(root / "charter")
    result = build(charter, root / "site", site_src=root / "site_src", quiet=True, jobs=1)
    return root, result


@pytest.fixture
def built_twice(first_build, tmp_path: Path):
    """A copy of :func:`first_build` of one's own (the charter, the site and the cache the first build filled)."""
    root, first = first_build
    shutil.copytree(root, tmp_path, dirs_exist_ok=True, symlinks=True)
    site = tmp_path / "site"
    return tmp_path / "charter", site, first, tree(site)


def test_an_unchanged_charter_reuses_every_pdf(built_twice, tmp_path):
    charter, site, first, before = built_twice
    assert first.pdf_cache.hits == []
    second = build(charter, site, site_src=tmp_path / "site_src", quiet=True, jobs=1)
    assert len(second.pdf_cache.hits) == 4  # bookmark and slides, in both languages
    assert tree(site) == before


def test_a_change_renders_only_what_it_touches(built_twice, tmp_path):
    charter, site, first, before = built_twice
    # The English short text of an agreement on the bookmark and on a slide.
    replace_in(charter / "protocol.yaml", "en: Always respectful, no messages in capital letters", "en: Always kind and respectful")
    again = build(charter, site, site_src=tmp_path / "site_src", quiet=True, jobs=1)
    assert len(again.pdf_cache.hits) == 2  # the Dutch bookmark and slides
    after = tree(site)
    for name in ("digicharter-bookmark-en.pdf", "digicharter-slides-en.pdf"):
        assert after[f"downloads/{name}"] != before[f"downloads/{name}"]
        assert "Always kind and respectful" in pdf_text(site / "downloads" / name)
    for name in ("digicharter-bookmark-nl.pdf", "digicharter-slides-nl.pdf"):
        assert after[f"downloads/{name}"] == before[f"downloads/{name}"]
    # The cache keeps what the last build used: two languages × two outputs.
    assert len([p for p in (site.parent / ".site-cache").iterdir() if not p.name.startswith(".")]) == 4


def test_a_cached_build_still_catches_a_text_that_does_not_fit(built_twice, tmp_path):
    charter, site, first, before = built_twice
    replace_in(
        charter / "protocol.yaml",
        "en: Always respectful, no messages in capital letters",
        "en: " + "Always respectful, never any messages written in capital letters, " * 8,
    )
    with pytest.raises(OutputError):
        build(charter, site, site_src=tmp_path / "site_src", quiet=True, jobs=1)
    assert tree(site) == before


def test_the_cache_can_be_switched_off(built_twice, tmp_path, monkeypatch):
    charter, site, first, before = built_twice
    monkeypatch.setenv("DIGICHARTER_NO_CACHE", "1")
    again = build(charter, site, site_src=tmp_path / "site_src", quiet=True, jobs=1)
    assert again.pdf_cache.hits == []
    assert tree(site) == before


def imports_of(command: str, charter: Path, site: Path, **environment: str) -> list[str]:
    """Every module ``digicharter <command>`` imports on two workers, the forked ones' too (``python -X importtime``)."""
    env = {**os.environ, "DIGICHARTER_JOBS": "2", **environment}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "digicharter", command, str(charter), "-o", str(site), "-q"],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")]


def test_a_build_whose_pdfs_are_all_reused_never_loads_weasyprint(built_twice):
    """Loading WeasyPrint takes half a second: neither the build nor its forked workers do it for reused PDFs."""
    charter, site, first, before = built_twice
    imported = imports_of("build", charter, site)
    assert "mkdocs.commands.build" in imported and "pptx" in imported, "the workers' imports are listed too"
    assert not [name for name in imported if name.split(".")[0] == "weasyprint"]
    assert tree(site) == before


def test_the_cache_key_sees_the_libraries_weasyprint_loads():
    """The key asks for Pango and HarfBuzz's subsetter without importing WeasyPrint: it must find what WeasyPrint finds."""
    from weasyprint.text import ffi

    from digicharter.render.pdf import cache

    assert cache._pango_version() == ffi.pango.pango_version()
    assert cache._loadable(cache._HARFBUZZ_SUBSET) == (ffi.harfbuzz_subset is not None)
    assert not cache._loadable(("libdigicharter-no-such-library-1.so.0",))


def test_without_a_cache_weasyprint_is_loaded_once_for_every_worker(tmp_path):
    """When every PDF will be laid out, the build loads WeasyPrint before forking, not once per worker."""
    charter = copy_charter(tmp_path / "charter")
    imported = imports_of("slides", charter, tmp_path / "site", DIGICHARTER_NO_CACHE="1")
    assert imported.count("weasyprint") == 1
    assert (tmp_path / "site" / "downloads" / "digicharter-slides-en.pdf").is_file()
