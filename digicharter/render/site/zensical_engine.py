"""Zensical: one language's Markdown pages into HTML, with no hooks.

Zensical (the successor Material for MkDocs' makers are building) reads an
``mkdocs.yml`` but runs no MkDocs hooks and no plugins of ours. So everything
the MkDocs hook does while MkDocs builds (:mod:`.events`) is done here before
or after Zensical builds, from the same settings (:mod:`.settings`):

* the language's settings are written into a configuration file of its own,
  next to a copy of its pages and the generated files (the school's
  stylesheet, the font): Zensical wants its pages, theme and output inside the
  folder of its configuration file;
* the templates are ``templates/site/overrides/`` (shared with MkDocs) with
  ``templates/site/zensical/`` on top;
* Zensical's templates print values as they are, so every value from the
  charter is escaped for HTML in the configuration file itself and in the
  pages' front matter (what is HTML already is left as it is);
* ``<html dir>`` is set on the built pages afterwards (the theme puts the
  direction on ``<body>`` only).

Pinned to the newest release that installs from the package index (see the
README on moving to a newer one).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from ... import escaping
from ...assets import TEMPLATES_DIR
from ...errors import InternalError
from . import theme as site_theme
from .job import Job
from .settings import language_settings

#: The templates only Zensical uses, over the shared ones.
ENGINE_TEMPLATES = TEMPLATES_DIR / "site" / "zensical"
SHARED_TEMPLATES = TEMPLATES_DIR / "site" / "overrides"
#: Where Zensical's copy of the theme draws differently from Material for MkDocs (in ENGINE_TEMPLATES).
ZENSICAL_CSS = "assets/stylesheets/zensical.css"

#: What of mkdocs.yml is MkDocs' own business and means nothing (or something else) to Zensical.
_MKDOCS_ONLY = ("hooks",)
#: Scripts of templates/site/mkdocs/ (for Material's own search): not in Zensical's theme folder.
_MKDOCS_SCRIPTS = ("assets/javascripts/search-stemming.js",)


def escaped(value: Any) -> Any:
    """Every plain string in ``value`` as HTML text; what is HTML already (``Markup``) as it is."""
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, str):
        return str(escaping.html_text(value))
    if isinstance(value, dict):
        return {escaped(key): escaped(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [escaped(item) for item in value]
    return value


def configuration(job: Job) -> dict[str, Any]:
    """Zensical's configuration for one language: mkdocs.yml's shared settings with the language's on top."""
    base = yaml.safe_load(job.config_file.read_text(encoding="utf-8"))
    for key in _MKDOCS_ONLY:
        base.pop(key, None)
    settings = language_settings(job)
    search = asdict(settings.search)
    config = {
        **base,
        "site_name": settings.site_name,
        "site_description": settings.site_description,
        "site_url": settings.site_url,
        "copyright": settings.copyright,
        "nav": settings.nav,
        "extra": {**base.get("extra", {}), **settings.extra},
        "extra_css": [*base.get("extra_css", []), ZENSICAL_CSS],
        "extra_javascript": [js for js in base.get("extra_javascript", []) if js not in _MKDOCS_SCRIPTS],
        "plugins": [{"search": {"lang": search["lang"]}}],
    }
    config = escaped(config)
    config["theme"] = {
        **base["theme"],
        "custom_dir": "theme",
        # Zensical's own look (another font and icons) is "modern"; this site is drawn as Material draws it.
        "variant": "classic",
        "language": settings.theme_language,
        "direction": settings.direction,
    }
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    return config


def _templates(target: Path) -> None:
    shutil.copytree(SHARED_TEMPLATES, target)
    shutil.copytree(ENGINE_TEMPLATES, target, dirs_exist_ok=True)


def with_escaped_front_matter(markdown: str) -> str:
    """A page whose front matter (title, description: plain text for the theme) is escaped for HTML.

    The page body is Markdown that :mod:`.pages` escaped already; the front
    matter is printed by Zensical's templates as it is (``<title>``, the
    description's ``<meta>``), where MkDocs' hook escapes it.
    """
    if not markdown.startswith("---\n"):
        return markdown
    end = markdown.index("\n---\n", 3)
    meta = yaml.safe_load(markdown[4:end]) or {}
    front = yaml.safe_dump(escaped(meta), allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}{markdown[end + 1:]}"


def _pages(job: Job, target: Path) -> None:
    shutil.copytree(job.docs_dir, target)
    for page in target.rglob("*.md"):
        page.write_text(with_escaped_front_matter(page.read_text(encoding="utf-8")), encoding="utf-8")
    for extra in site_theme.site_files(job.view):
        dest = target / extra.dest
        dest.parent.mkdir(parents=True, exist_ok=True)
        if extra.content is not None:
            dest.write_text(extra.content, encoding="utf-8")
        else:
            shutil.copyfile(extra.source, dest)


def _with_direction(site_dir: Path, job: Job) -> None:
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(site_theme.with_html_direction(html, job.view), encoding="utf-8")


def build_language(job: Job, site_dir: Path, work_dir: Path) -> None:
    """Build one language's pages into ``site_dir`` (replaced), using ``work_dir`` (made here) on the way."""
    work_dir.mkdir(parents=True)
    _templates(work_dir / "theme")
    _pages(job, work_dir / "docs")
    config_file = work_dir / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(configuration(job), allow_unicode=True, sort_keys=False), encoding="utf-8")
    # A process of its own: Zensical's core prints its progress straight to the terminal, and a
    # build with --quiet (or the live preview's terminal) must show only what Digicharter says.
    done = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "--clean", "-f", str(config_file)],
                          cwd=work_dir, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if done.returncode != 0:
        details = (done.stderr.strip().splitlines() or done.stdout.strip().splitlines() or ["?"])[-1]
        raise InternalError(f"the website ({job.view.code}) did not build with Zensical: {details}")
    built = work_dir / "site"
    _with_direction(built, job)
    if site_dir.exists():
        shutil.rmtree(site_dir)
    shutil.move(str(built), site_dir)
