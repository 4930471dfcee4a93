"""The website engine of one build: which program turns a language's pages and settings into HTML.

The site renderer gives every engine the same input: a folder of
engine-neutral Markdown pages per language (:mod:`.pages`) and that
language's settings (:mod:`.settings`). An adapter turns them into a built
site: :mod:`.mkdocs_engine` (MkDocs + Material for MkDocs, the default) or
:mod:`.zensical_engine` (Zensical, its makers' successor), chosen by
``engine:`` in ``site.yaml``.

Why one build per language (rather than the mkdocs-static-i18n plugin,
which builds all languages in one go):

* each language gets its own search index, with its own stemming (Dutch
  words are stemmed as Dutch), so a Dutch search never returns an English
  page — static-i18n 1.3 keeps a single index for every language;
* each language gets its own 404 page, ``<html lang>``, theme words and
  sitemap — static-i18n writes one 404.html;
* a language is nothing but a folder of Markdown pages and a few settings,
  which any MkDocs-compatible engine can build: no dependency on a little
  maintained plugin, and a way out when Material reaches its end of life.
"""

from __future__ import annotations

from pathlib import Path

from . import mkdocs_engine, zensical_engine
from .job import CONFIG_FILE, Job

__all__ = ["CONFIG_FILE", "Job", "build_language"]


def build_language(job: Job, site_dir: Path, work_dir: Path) -> None:
    """Build one language's pages into ``site_dir`` with the engine ``site.yaml`` names.

    ``work_dir`` is a folder of this build's own, for what an engine needs on the way.
    """
    if job.charter.site.engine == "zensical":
        zensical_engine.build_language(job, site_dir, work_dir)
    else:
        mkdocs_engine.build_language(job, site_dir)
