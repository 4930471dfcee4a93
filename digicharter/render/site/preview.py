"""``mkdocs build``, ``mkdocs serve`` and ``digicharter serve``: MkDocs started by hand, the charter read by the hook.

When MkDocs itself runs (rather than ``digicharter build``), the hook reads
``charter/`` next to mkdocs.yml (or the folder ``digicharter serve`` was
given), writes the pages into ``site_src/``, lets MkDocs build the default
language and then builds the other languages into ``<code>/`` of the same
folder. A live preview watches the charter, not the generated pages.

A mistake in the charter during a live preview is printed (the checker's own
lines, with file and line) and shown above every page, while the preview keeps
the last charter without mistakes — an editor should never face a blank page
halfway through typing.

The printed outputs come along: a live preview has them built in the
background (:mod:`.preview_outputs`) and serves them at the built site's
addresses; ``mkdocs build`` builds them into its site folder after the pages,
so that it, too, gives the complete site with working download links.
"""

from __future__ import annotations

import logging
import tempfile
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from ... import i18n, outputs
from ...assets import TEMPLATES_DIR
from ...errors import CharterError
from ...i18n import _, ngettext
from ...view import views
from . import preview_outputs
from . import pages as site_pages
from ...fsutil import move_into
from .job import CONFIG_FILE, Job
from .mkdocs_engine import build_language, job_of, log

#: Per charter folder, the last charter that had no mistakes (the live preview falls back to it).
_last_good: dict[Path, Job] = {}
#: The charter folder ``digicharter serve`` was given; otherwise charter/ next to mkdocs.yml.
_charter_dir_override: list[Path] = []
#: The MkDocs command that is running (``build``, ``serve``, ``gh-deploy``), told by on_startup.
_command: list[str] = []


def on_startup(command: str, dirty: bool) -> None:
    _command[:] = [command]


def _serving() -> bool:
    """A live preview (``digicharter serve``, ``mkdocs serve``): the printed outputs are built in the background."""
    return bool(_charter_dir_override) or _command == ["serve"]


def charter_dir_for(config) -> Path:
    if _charter_dir_override:
        return _charter_dir_override[-1]
    return (Path(config.config_file_path).parent / "charter").resolve()


def standalone_job(config) -> Job:
    """Read the charter and write the pages, as ``digicharter build`` does; on a mistake keep the last good ones."""
    from mkdocs.exceptions import Abort

    from ...loading.charter_loader import load_charter

    charter_dir = charter_dir_for(config)
    site_src = charter_dir.parent / "site_src"
    state = preview_outputs.fingerprint(charter_dir) if _serving() else None  # before reading: a later save counts
    try:
        result = load_charter(charter_dir, strict=False)
    except CharterError as exc:
        errors = [p for p in exc.problems if p.severity == "error"]
        for problem in exc.problems:
            (log.error if problem.severity == "error" else log.warning)(str(problem))
        last = _last_good.get(charter_dir)
        count = len(errors)
        if last is None:
            raise Abort(ngettext("{count} problem in the charter; fix it and save again.",
                                 "{count} problems in the charter; fix them and save again.", count).format(count=count)) from None
        log.error(ngettext("{count} problem in the charter: the preview shows the last version without mistakes.",
                           "{count} problems in the charter: the preview shows the last version without mistakes.",
                           count).format(count=count))
        return replace(last, problems=tuple(str(p) for p in errors), base_url=config.site_url,
                       problems_in=_problems_per_language(charter_dir, last), output_problems=_output_problems(charter_dir))
    for warning in result.warnings:
        log.warning(str(warning))
    language_views = views(result.charter)
    site_pages.generate(language_views, site_src)
    if state is not None:
        preview_outputs.preview_for(charter_dir).request(state)
    job = Job(
        charter=result.charter,
        views=language_views,
        view=language_views[0],
        site_src=site_src,
        base_url=config.site_url,
        standalone=True,
        charter_dir=charter_dir,
        config_file=Path(config.config_file_path),
        output_problems=_output_problems(charter_dir),
    )
    _last_good[charter_dir] = job
    return job


def _output_problems(charter_dir: Path) -> dict[str, tuple[str, ...]]:
    """What the background build of the printed outputs found so far (remembered as shown on the pages)."""
    outputs_preview = preview_outputs.running(charter_dir)
    if outputs_preview is None:
        return {}
    found = outputs_preview.problems()
    outputs_preview.shown = found
    return found


def _problems_per_language(charter_dir: Path, last: Job) -> dict[str, tuple[str, ...]]:
    """The problems again in each page's language, so the banner of a Dutch page speaks Dutch."""
    from ...loading.charter_loader import load_charter

    found: dict[str, tuple[str, ...]] = {}
    for view in last.views:
        with i18n.using(view.code):
            try:
                load_charter(charter_dir, strict=False)
            except CharterError as exc:
                found[view.code] = tuple(str(p) for p in exc.problems if p.severity == "error")
    return found


def on_post_build(config):
    job = job_of(config, done=True)
    if job is None or not job.standalone:
        return
    site_dir = Path(config.site_dir)
    for other in job.views:
        if other.code == job.view.code:
            continue
        with tempfile.TemporaryDirectory(prefix="digicharter-") as scratch, _quiet("mkdocs.commands.build"):
            build_language(job.for_language(other), Path(scratch) / "site", strict=config.strict)
            move_into(Path(scratch) / "site", site_dir / outputs.language_prefix(other))
        log.info(_("Built the '{code}' pages into /{folder}").format(code=other.code, folder=outputs.language_prefix(other)))
    if not _serving():
        _build_printed_outputs(job, site_dir)


def _build_printed_outputs(job: Job, site_dir: Path) -> None:
    """``mkdocs build``: the bookmark, the slides and the other downloads too, so that no link on the pages is dead."""
    from mkdocs.exceptions import Abort

    from ...build_context import BuildContext
    from ...build_runner import run_steps
    from ...reproducible import charter_epoch
    from ...errors import DigicharterError
    from ...reproducible import source_date
    from ..pdf.cache import cache_next_to
    from .preview_worker import output_steps

    assert job.charter_dir is not None
    with tempfile.TemporaryDirectory(prefix="digicharter-") as scratch:
        ctx = BuildContext(charter=job.charter, views=job.views, charter_dir=job.charter_dir, staging=site_dir,
                           work_dir=Path(scratch), site_src=job.site_src, quiet=True, pdf_cache=cache_next_to(site_dir))
        try:
            with source_date(charter_epoch(job.charter_dir)):
                run_steps(ctx, output_steps())
        except DigicharterError as exc:
            log.error(_("error: {message}").format(message=exc))
            raise Abort(_("The pages were built, their downloads not: fix what is named above and build again "
                          "(digicharter build replaces site/ only when every output is built).")) from None
    log.info(_("Built the bookmark, the slides and the other downloads into {folder}").format(folder=site_dir))


@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """Keep MkDocs' progress lines for the other languages out of the terminal (warnings still show)."""
    logger = logging.getLogger(logger_name)
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(previous)


def on_serve(server, config, builder):
    """Rebuild when the charter or the page templates change, not when the generated pages do."""
    _command[:] = ["serve"]
    charter_dir = charter_dir_for(config)
    job = job_of(config) or _last_good.get(charter_dir)
    server.unwatch(config.docs_dir)
    if job is not None and job.charter_dir is not None:
        server.watch(str(job.charter_dir))
    server.watch(str(TEMPLATES_DIR / "site"))
    # The bookmark, the slides …: built in the background, served at the built site's addresses.
    outputs_preview = preview_outputs.preview_for(charter_dir)
    if job is not None and job.charter_dir is not None:
        outputs_preview.request(preview_outputs.fingerprint(job.charter_dir))  # e.g. mkdocs serve --clean
    server.watch(str(outputs_preview.nudge_dir))
    server.set_app(outputs_preview.app(server.serve_request, server.mount_path))
    return server


def on_shutdown() -> None:
    preview_outputs.close_all()
    _command.clear()


def serve(charter_dir: Path, dev_addr: str) -> int:
    """``digicharter serve``: MkDocs' live preview of this charter's website."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    from ...loading.charter_loader import load_charter

    _log_to_terminal()
    charter_dir = charter_dir.resolve()
    load_charter(charter_dir, strict=False)  # a charter with mistakes: report them now, start nothing
    _charter_dir_override.append(charter_dir)
    try:
        with _quick_polling(), _stop_on_terminate():
            # docs_dir: mkdocs.yml's own (charter/ next to it) exists only in the repository; the hook
            # points MkDocs at the generated pages anyway.
            mkdocs_serve(config_file=str(CONFIG_FILE), dev_addr=dev_addr, livereload=True, docs_dir=str(charter_dir))
    finally:
        _charter_dir_override.remove(charter_dir)
        preview_outputs.close_all()
    return 0


@contextmanager
def _stop_on_terminate() -> Iterator[None]:
    """Stop on SIGTERM as on Ctrl+C: the background worker is stopped and its temporary folder removed."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


#: How often the preview looks for saved files. MkDocs polls every 0.5 s, which alone used half of the
#: second an editor should wait for the page to follow a save; the charter is a dozen small files.
POLLING_INTERVAL = 0.1


@contextmanager
def _quick_polling() -> Iterator[None]:
    """Let MkDocs' live-reload server poll the charter more often (it has no setting for it)."""
    import mkdocs.commands.serve as serve_module

    original = serve_module.LiveReloadServer

    class QuickServer(original):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("polling_interval", POLLING_INTERVAL)
            super().__init__(*args, **kwargs)

    serve_module.LiveReloadServer = QuickServer
    try:
        yield
    finally:
        serve_module.LiveReloadServer = original


def _log_to_terminal() -> None:
    mkdocs_log = logging.getLogger("mkdocs")
    if not any(getattr(h, "_digicharter", False) for h in mkdocs_log.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
        handler._digicharter = True  # type: ignore[attr-defined]
        mkdocs_log.addHandler(handler)
        mkdocs_log.setLevel(logging.INFO)
