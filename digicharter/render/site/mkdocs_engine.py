"""MkDocs + Material for MkDocs: one language's Markdown pages (``site_src/<code>/``) into HTML.

The language's settings (:mod:`.settings`) are put onto MkDocs' loaded config
by the hook ``mkdocs.yml`` names (:mod:`.events`), which also escapes what the
theme prints. The same settings serve three entry points: ``digicharter
build`` (calls :func:`build_language` per language), and ``mkdocs build`` /
``mkdocs serve`` straight from the repository (see :mod:`.preview`).
"""

from __future__ import annotations

import logging
from contextvars import ContextVar
from pathlib import Path

from ...assets import TEMPLATES_DIR
from ...errors import InternalError
from . import template_cache
from .job import Job
from .settings import language_settings

log = logging.getLogger("mkdocs.plugins.digicharter")

#: The templates only MkDocs' Material uses, over the shared ones in ``templates/site/overrides/``.
ENGINE_TEMPLATES = TEMPLATES_DIR / "site" / "mkdocs"

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


def configure(config, job: Job) -> None:
    """Put this language's settings onto a loaded MkDocs config (called by the hook's ``on_config``)."""
    settings = language_settings(job)
    config.docs_dir = str(job.docs_dir)
    config.site_name = settings.site_name
    config.site_description = settings.site_description
    config.site_url = settings.site_url
    config.copyright = settings.copyright
    config.theme["language"] = settings.theme_language
    config.theme["direction"] = settings.direction
    # The templates only Material for MkDocs needs, right after the shared ones (custom_dir).
    if str(ENGINE_TEMPLATES) not in config.theme.dirs:
        config.theme.dirs.insert(1, str(ENGINE_TEMPLATES))
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:  # read by the search plugin's own on_config, which runs after this hook
        search.config.lang, search.config.pipeline = settings.search.lang, settings.search.pipeline
    config.nav = settings.nav
    config.extra.update(settings.extra)
    template_cache.list_theme_quickly(config.theme)
