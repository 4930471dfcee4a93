"""MkDocs + Material: one language's Markdown pages (``site_src/<code>/``) into HTML.

Why one MkDocs build per language (rather than the mkdocs-static-i18n plugin,
which builds all languages in one go):

* each language gets its own search index, with its own stemming (Dutch
  words are stemmed as Dutch), so a Dutch search never returns an English
  page — static-i18n 1.3 keeps a single index for every language;
* each language gets its own 404 page, ``<html lang>``, theme words and
  sitemap — static-i18n writes one 404.html;
* a language is nothing but a folder of Markdown pages and a few settings,
  which any MkDocs-compatible engine can build: no dependency on a little
  maintained plugin, and a way out when Material reaches its end of life.

The same settings serve three entry points: ``digicharter build`` (calls
:func:`build_language` per language), and ``mkdocs build`` / ``mkdocs serve``
straight from the repository (see :mod:`.preview`).
"""

from __future__ import annotations

import logging
import posixpath
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path

from markupsafe import Markup

from ... import outputs
from ...assets import PROJECT_DIR
from ...errors import InternalError
from ...schema import Charter
from ...view import LanguageView
from . import pages as site_pages
from . import theme as site_theme

log = logging.getLogger("mkdocs.plugins.digicharter")

CONFIG_FILE = PROJECT_DIR / "mkdocs.yml"


@dataclass(frozen=True)
class Job:
    """One language to build: the charter, the language, where its pages are."""

    charter: Charter
    views: list[LanguageView]
    view: LanguageView
    site_src: Path
    base_url: str | None = None
    """The address of the default language's home page; None: the charter's site_url."""
    problems: tuple[str, ...] = ()
    #: The same problems in each language's words (by language code), for that language's pages.
    problems_in: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Charter mistakes the live preview shows above its pages (it shows the last good version)."""
    output_problems: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """What the live preview could not print (a bookmark too full …), by page language; ``"*"``: every language."""
    standalone: bool = False
    """True when MkDocs itself was started (mkdocs build/serve): the hook then builds the other languages too."""
    charter_dir: Path | None = None
    config_file: Path = CONFIG_FILE
    """The MkDocs settings every language is built with."""

    @property
    def docs_dir(self) -> Path:
        return self.site_src / self.view.code

    def language_url(self, view: LanguageView) -> str:
        if self.base_url is None:
            return outputs.site_url(view)
        return self.base_url.rstrip("/") + "/" + outputs.language_prefix(view)

    def for_language(self, view: LanguageView) -> "Job":
        return replace(self, view=view, standalone=False)


#: The language being built by :func:`build_language`; unset when MkDocs was started by hand.
_current: ContextVar[Job | None] = ContextVar("digicharter_site_job", default=None)
#: The job of each config object being built (MkDocs hands the hook only the config).
_jobs: dict[int, Job] = {}


def current_job() -> Job | None:
    """The job :func:`build_language` is building, or None when MkDocs was started by hand."""
    return _current.get()


def remember(config, job: Job) -> None:
    """Tie ``job`` to the config MkDocs builds it with (the hook events get only the config)."""
    _jobs[id(config)] = job


def job_of(config, *, done: bool = False) -> Job | None:
    """The job a config is being built for; ``done``: forget it (the build is over)."""
    return _jobs.pop(id(config), None) if done else _jobs.get(id(config))


# --------------------------------------------------------------------------- building


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_language(job: Job, site_dir: Path, *, strict: bool = True, serve_url: str | None = None) -> None:
    """Build one language's pages into ``site_dir`` (MkDocs empties that folder first)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    token = _current.set(job)
    collect = _Collect()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collect)
    try:
        config = load_config(
            config_file=str(job.config_file), docs_dir=str(job.docs_dir), site_dir=str(site_dir), strict=strict
        )
        build(config, serve_url=serve_url)
    except Abort as exc:
        details = "\n".join(collect.messages) or str(exc)
        raise InternalError(f"the website ({job.view.code}) did not build cleanly:\n{details}") from None
    finally:
        mkdocs_log.removeHandler(collect)
        _current.reset(token)


# --------------------------------------------------------------------------- configuring one language


def _relative(target: str, here: str) -> str:
    """A link from the file ``here`` to ``target``, both relative to site/."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def alternates(job: Job, dest: str) -> list[dict[str, str]]:
    """The page ``dest`` in every language, as links relative to this language's root (for the theme's ``url``)."""
    here = outputs.language_prefix(job.view) + "index.html"
    return [
        {"name": other.language.name, "lang": other.code, "link": _relative(outputs.language_prefix(other) + dest, here)}
        for other in job.views
    ]


def _nav(view: LanguageView) -> list:
    entries = []
    for entry in site_pages.navigation(view):
        if isinstance(entry, site_pages.NavSection):
            entries.append({entry.title: [{page.title: page.file} for page in entry.pages]})
        else:
            entries.append({entry.title: entry.file})
    return entries


def configure(config, job: Job) -> None:
    """Fill in what the charter says for this language, on a loaded MkDocs config."""
    view, charter = job.view, job.charter
    labels = charter.site.labels
    config.docs_dir = str(job.docs_dir)
    config.site_name = view.raw(charter.settings.short_title or charter.settings.title)
    config.site_description = view.text(charter.settings.description, "plain")
    config.site_url = job.language_url(view)
    config.copyright = charter.school.name
    config.theme["language"] = site_theme.theme_language(view)
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:  # read by the search plugin's own on_config, which runs after this hook
        settings = site_theme.search_settings(view)
        search.config.lang, search.config.pipeline = settings.lang, settings.pipeline
    config.nav = _nav(view)
    if len(job.views) > 1:
        config.extra["alternate"] = alternates(job, "index.html")
    home_here = outputs.language_prefix(view) + "index.html"
    config.extra["digicharter"] = {
        "code": view.code,
        "theme_language": site_theme.theme_language(view),
        "labels": site_theme.theme_labels(view),
        "problems": [*job.problems_in.get(view.code, job.problems),
                     *job.output_problems.get(view.code, ()), *job.output_problems.get("*", ())],
        "sitemap_alternates": [{"lang": other.code, "root": job.language_url(other)} for other in job.views],
        # Already HTML (LanguageView's html mode escapes the text and keeps only its own markup).
        "preview_problem": Markup(view.text(labels.preview_problem, "html")),
        "not_found": [
            {
                "lang": other.code,
                "title": Markup(other.text(labels.not_found_title, "html")),
                "text": Markup(other.text(labels.not_found_text, "html")),
                "back_home": Markup(other.text(labels.back_home, "html")),
                "home": _relative(outputs.language_prefix(other) + "index.html", home_here),
            }
            for other in [view, *[v for v in job.views if v.code != view.code]]
        ],
    }
