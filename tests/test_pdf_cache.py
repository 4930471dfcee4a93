"""Rebuilding reuses PDFs whose input did not change, and never hides a change or a failure."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from digicharter.build import build
from digicharter.errors import OutputError

from helpers import replace_in


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def pdf_text(path: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())


@pytest.fixture
def built_twice(charter_copy: Path, tmp_path: Path):
    site = tmp_path / "site"
    first = build(charter_copy, site, site_src=tmp_path / "site_src", quiet=True, jobs=1)
    before = tree(site)
    return charter_copy, site, first, before


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
