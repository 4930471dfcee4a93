"""The live preview's printed outputs, built in a process of their own: ``python -m digicharter.render.site.preview_worker``.

Laying out the bookmark and the slides takes seconds of pure CPU (WeasyPrint
is Python); in the preview's own process that would hold up every page
reload. So :mod:`.preview_outputs` starts this worker after each saved change
(and stops a worker whose charter is already out of date); a worker is
started ahead of time, loads the renderers and waits on its standard input
for the line that starts it (the messages' language). It builds every
output but the website, each on its own, exactly as ``digicharter build``
does (same steps, same date, same PDF cache), and publishes each output that
succeeds; an output that fails keeps its last good files and leaves its
message, in every page language, for the preview's banner.

Layout of the preview folder (one per preview, in the system's temp folder)::

    <output>          symlink to the files last published for that output
    results/          the published files, one folder per run and output
    work/             this run's scratch space
    status/<output>.json   the output's problems by page language ({} when it built)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
import traceback
from pathlib import Path

from ... import i18n
from ...errors import CharterError, DigicharterError, OutputError
from ...i18n import _

#: How many published results of one output to keep: the current one and the one before it (a download
#: that started just before the switch still finds its file).
KEEP_RESULTS = 2


def output_steps() -> list:
    """Every output of ``digicharter build`` except the website, which the preview builds itself."""
    from ...steps import output_steps as all_steps

    return [(name, step) for name, step in all_steps() if name != "website"]


def publish(root: Path, name: str, built: Path) -> None:
    """Point ``root/name`` at ``built`` in one step, so that a download never sees half an output."""
    link = root / name
    temporary = root / f".{name}.link"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(built, temporary)
    os.replace(temporary, link)
    older = sorted((p for p in (root / "results").glob(f"{name}-*") if p != built), key=lambda p: p.name)
    for old in older[: max(0, len(older) - (KEEP_RESULTS - 1))]:
        shutil.rmtree(old, ignore_errors=True)


def write_status(root: Path, name: str, problems: dict[str, list[str]]) -> None:
    """The output's problems by page language, written whole (the preview may read it at any moment)."""
    status = root / "status"
    status.mkdir(exist_ok=True)
    partial = status / f".{name}.json.{os.getpid()}"
    partial.write_text(json.dumps(problems, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(partial, status / f"{name}.json")


def _message_languages(views) -> dict[str, str]:
    """Each page language's messages language (a page language without a catalog reads English)."""
    found = {}
    for view in views:
        with i18n.using(view.code):
            found[view.code] = i18n.current()
    return found


def build_output(ctx, name: str, step, root: Path) -> dict[str, list[str]]:
    """Build one output into a fresh folder and publish it; on a mistake return its message per page language."""
    from dataclasses import replace

    from ...build_runner import run_steps

    built = root / "results" / f"{name}-{time.time_ns()}"
    scratch = root / "work" / name
    shutil.rmtree(scratch, ignore_errors=True)
    built.mkdir(parents=True)
    scratch.mkdir(parents=True)
    own = replace(ctx, staging=built, work_dir=scratch)
    try:
        run_steps(own, [(name, step)], jobs=_jobs())
    except DigicharterError as exc:
        shutil.rmtree(built, ignore_errors=True)
        print(_("error: {message}").format(message=exc), file=sys.stderr, flush=True)
        return _messages_per_language(ctx, name, step, root, str(exc))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    publish(root, name, built)
    return {}


def _messages_per_language(ctx, name: str, step, root: Path, message: str) -> dict[str, list[str]]:
    """The same mistake in each page's language, so that the banner of a Dutch page speaks Dutch.

    A message is made in one language when it is raised; for the others the
    failing output is checked again (only when something failed, and nothing
    is published from it).
    """
    from dataclasses import replace

    languages = _message_languages(ctx.views)
    in_language = {i18n.current(): message}
    for language in sorted(set(languages.values()) - set(in_language)):
        scratch = root / "work" / f"{name}-{language}"
        shutil.rmtree(scratch, ignore_errors=True)
        (scratch / "out").mkdir(parents=True)
        try:
            with i18n.using(language):
                step(replace(ctx, staging=scratch / "out", work_dir=scratch, quiet=True))
            in_language[language] = message  # it built this time (it should not): keep the first message
        except DigicharterError as again:
            in_language[language] = str(again)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return {code: [in_language[language]] for code, language in languages.items()}


def _jobs() -> int:
    """Leave a core to the website's rebuild, which the editor waits for."""
    from ...build_runner import default_jobs

    return max(1, default_jobs() - 1)


def run(charter_dir: Path, root: Path, cache_dir: Path | None) -> int:
    """Build and publish every output but the website; write each output's status."""
    from ...build_context import BuildContext
    from ...reproducible import charter_epoch
    from ...loading.charter_loader import load_charter
    from ...reproducible import source_date
    from ...view import views
    from ..pdf.cache import PdfCache, no_cache

    started, started_at = time.perf_counter(), time.time()
    try:
        result = load_charter(charter_dir, strict=False)
    except CharterError:
        return 0  # changed again meanwhile, with a mistake: the preview reports it itself
    language_views = views(result.charter)
    ctx = BuildContext(
        charter=result.charter,
        views=language_views,
        charter_dir=charter_dir,
        staging=root / "work",
        work_dir=root / "work",
        site_src=root / "work" / "site_src",
        pdf_cache=PdfCache(cache_dir) if cache_dir is not None else no_cache(),
    )
    write_status(root, "worker", {})
    failed = 0
    with source_date(charter_epoch(charter_dir)):
        for name, step in output_steps():
            problems = build_output(ctx, name, step, root)
            failed += bool(problems)
            write_status(root, name, problems)
    seconds = f"{time.perf_counter() - started:.1f}"
    if failed:
        print(_("preview: what could not be built is still served as it was before ({seconds} s); "
                "the message is shown above every page").format(seconds=seconds), flush=True)
    else:
        ctx.pdf_cache.prune(started_at)  # as after a build: keep only what this charter uses
        print(_("preview: the bookmark and the slides are up to date ({seconds} s)").format(seconds=seconds), flush=True)
    return 0


def _load_renderers() -> None:
    """Import what building the outputs needs before being told to build (a second of a changed PDF's wait)."""
    import weasyprint  # noqa: F401

    from ...loading import charter_loader  # noqa: F401
    from ...view import views  # noqa: F401

    output_steps()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m digicharter.render.site.preview_worker")
    parser.add_argument("charter_dir", type=Path)
    parser.add_argument("root", type=Path)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--parent", type=int, required=True)
    args = parser.parse_args(argv)
    from ...build_runner import die_with_parent

    die_with_parent(args.parent)  # a worker never outlives the preview that started it
    try:
        os.nice(10)  # the pages the editor is looking at get the processor first
    except OSError:
        pass
    _load_renderers()
    # Started ahead of time: wait for the preview to say go (one line: the messages' language) or to close.
    language = sys.stdin.readline().strip()
    if not language:
        return 0
    i18n.setup(language)
    try:
        return run(args.charter_dir, args.root, args.cache)
    except Exception:  # a bug, not the charter's: say so in the banner, the details go to the terminal
        traceback.print_exc()
        message = _("internal error while building the bookmark and slides for the preview: this is a bug in "
                    "Digicharter, not in your charter; the terminal shows the details")
        write_status(args.root, "worker", {"*": [message]})
        return 2


if __name__ == "__main__":
    sys.exit(main())
