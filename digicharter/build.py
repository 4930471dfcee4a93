"""``digicharter build``: every output into a fresh folder, then swapped in as ``site/``.

A school publishes whatever is in ``site/``. So nothing is written there until
every output of every language has been built and checked; a failed (or
killed) build leaves the previous ``site/`` exactly as it was. Everything a
build makes on the way (the new site, the generated pages, scratch files) is
in folders of its own next to the output, named after the output and the
process: two builds into two folders never share a file.

The new site replaces the old one in a single step where the system can
(:func:`~digicharter.fsutil.exchange`): at every instant ``site/`` is the
complete old or the complete new site.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

from .errors import DigicharterError, InternalError, OutputError, display_path
from .fsutil import exchange, move_into
from .i18n import _
from .os_errors import is_user_os_error, os_error_message, resolved
from .loading.charter_loader import load_charter
from .render.pdf_cache import PdfCache, cache_next_to, no_cache
from .reproducible import DEFAULT_EPOCH, source_date, source_date_epoch
from .schema import Charter
from .schema_export import refresh_schemas
from .view import LanguageView, views


@dataclass
class BuildContext:
    """What every output step gets: the charter, its language views and where to write."""

    charter: Charter
    views: list[LanguageView]
    charter_dir: Path
    staging: Path
    """The new site folder being filled; becomes site/ when all steps succeed."""
    work_dir: Path
    """Scratch space for intermediate files (deleted after the build)."""
    site_src: Path
    """Where the generated Markdown pages go (engine-neutral): this build's own, inside ``work_dir`` unless a caller chose."""
    quiet: bool = False
    pdf_cache: PdfCache = field(default_factory=no_cache)
    """PDFs of earlier builds by the hash of their input (see render/pdf_cache.py)."""

    def say(self, message: str) -> None:
        if not self.quiet:
            print(message, flush=True)


Step = tuple[str, Callable[[BuildContext], None]]


def _steps() -> list[Step]:
    """The outputs, in order: the website first (MkDocs owns its folder while it builds)."""
    from .render.bookmark import build_bookmarks
    from .render.calendar.build import build_calendars
    from .render.site import build_site
    from .render.slides import build_slides

    return [("website", build_site), ("bookmark", build_bookmarks), ("slides", build_slides),
            ("calendar", build_calendars)]


def _recover(out_dir: Path) -> None:
    """Undo what a build killed halfway may have left next to site/."""
    parent = out_dir.parent
    for leftover in [*parent.glob(f".{out_dir.name}-new-*"), *parent.glob(f".{out_dir.name}-work-*")]:
        shutil.rmtree(leftover, ignore_errors=True)
    old = sorted(parent.glob(f".{out_dir.name}-old-*"))
    if old and not out_dir.exists():
        old[-1].rename(out_dir)  # killed between the two renames: put the last good site back
        old = old[:-1]
    for leftover in old:
        shutil.rmtree(leftover, ignore_errors=True)


def charter_epoch(charter_dir: Path) -> str:
    """The moment the build claims to be from: ``SOURCE_DATE_EPOCH`` if set, else the charter's last commit.

    Every date a build writes (PDF metadata, the sitemap's lastmod, gzip
    headers) comes from this, so the same charter gives the same bytes.
    Outside git a fixed date is used.
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return str(source_date_epoch())
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "."],
            cwd=charter_dir, capture_output=True, text=True, timeout=10,
        )
        if done.returncode == 0 and done.stdout.strip().isdigit():
            return done.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return DEFAULT_EPOCH


def build(
    charter_dir: Path,
    out_dir: Path,
    *,
    site_src: Path | None = None,
    quiet: bool = False,
    steps: list[Step] | None = None,
    jobs: int | None = None,
) -> BuildContext:
    """Build every output; replace ``out_dir`` only if all of them succeed."""
    started = time.perf_counter()
    started_at = time.time()
    try:
        out_dir = resolved(out_dir)
        _refuse_dangerous_output(out_dir, charter_dir)
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        with _lock(out_dir):
            return _build_locked(charter_dir, out_dir, site_src, quiet, steps, jobs, started, started_at)
    except OSError as exc:
        # A full disk, a read-only folder …: the user's to fix. The staging folder is gone by now, and the
        # previous site was never touched (or, if the swap itself failed, put back).
        if not is_user_os_error(exc):
            raise
        raise OutputError(
            _("the build into {folder} stopped, and {folder} was not changed: {reason}").format(
                folder=display_path(out_dir), reason=os_error_message(exc, _failed_path(exc, out_dir)))
        ) from None


def _failed_path(exc: OSError, out_dir: Path) -> str | None:
    """The path to name for ``exc``: where a copy was going, and the folder the build writes in, not its scratch files."""
    failed = exc.filename2 if exc.filename2 is not None else exc.filename
    if failed is None:  # a write into an open file: the build writes only next to out_dir
        return display_path(out_dir.parent)
    failed_path = Path(os.fsdecode(failed))
    if failed_path == out_dir:
        return display_path(out_dir)
    if failed_path.parent == out_dir.parent or out_dir.parent in failed_path.parents:
        return display_path(out_dir.parent)  # the lock, the staging or the work folder: all sit next to out_dir
    return display_path(failed_path)


def _build_locked(charter_dir, out_dir, site_src, quiet, steps, jobs, started, started_at) -> BuildContext:
    _recover(out_dir)
    # Before the check: a charter with a mistake still gets schemas that know its new ids.
    refresh_schemas(charter_dir)
    result = load_charter(charter_dir, strict=True)
    epoch = charter_epoch(charter_dir)
    staging = out_dir.parent / f".{out_dir.name}-new-{os.getpid()}"
    work = out_dir.parent / f".{out_dir.name}-work-{os.getpid()}"
    staging.mkdir()
    work.mkdir(exist_ok=True)
    ctx = BuildContext(
        charter=result.charter,
        views=views(result.charter),
        charter_dir=charter_dir,
        staging=staging,
        work_dir=work,
        site_src=(site_src or work / "site_src"),
        quiet=quiet,
        pdf_cache=cache_next_to(out_dir),
    )
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    ctx.say(_("charter checked: {folder} ({languages})").format(folder=charter_dir, languages=", ".join(v.code for v in ctx.views)))
    try:
        with source_date(epoch):
            run_steps(ctx, steps if steps is not None else _steps(), jobs)
        (staging / BUILT_MARK).write_bytes(BUILT_MARK_TEXT)
        _swap_in(staging, out_dir)
        if steps is None:  # a partial build (e.g. only the bookmark) must not forget the others' PDFs
            ctx.pdf_cache.prune(started_at)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    files = sum(1 for p in out_dir.rglob("*") if p.is_file())
    ctx.say(_("built {folder}/: {count} files in {seconds} s").format(
        folder=out_dir.name, count=files, seconds=f"{time.perf_counter() - started:.1f}"))
    return ctx


#: Written into every output folder: a later build may replace it (also when it holds only the slides).
BUILT_MARK = ".digicharter-build"
BUILT_MARK_TEXT = b"Built by Digicharter. Each build replaces this folder as a whole.\n"


def _refuse_dangerous_output(out_dir: Path, charter_dir: Path) -> None:
    """The output folder is replaced whole: never let that be the charter, the project or a stranger's folder."""
    charter = resolved(charter_dir)
    protected = [charter, Path.cwd().resolve(), Path.home().resolve(), Path(out_dir.anchor)]
    if any(out_dir == p or out_dir in p.parents for p in protected):
        raise DigicharterError(
            _("the output folder {folder} would be replaced as a whole, and it is or contains the charter, "
              "the current folder or your home folder; choose a folder of its own, e.g. --output site").format(folder=out_dir)
        )
    built_here = (out_dir / BUILT_MARK).is_file() or (out_dir / "index.html").is_file()
    if out_dir.is_dir() and any(out_dir.iterdir()) and not built_here:
        raise DigicharterError(
            _("{folder} exists and does not look like a website Digicharter built (it has no index.html); "
              "the build replaces the output folder whole, so move it away or choose another --output").format(folder=out_dir)
        )


@contextmanager
def _lock(out_dir: Path) -> Iterator[None]:
    """One build at a time per output folder: a second one would clear the first one's half-built files."""
    import fcntl

    path = out_dir.parent / f".{out_dir.name}.lock"
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DigicharterError(
                _("another build into {folder}/ is running; wait until it has finished and try again").format(folder=out_dir.name)
            ) from None
        _LOCK_FILES.add(handle.fileno())
        try:
            yield
        finally:
            _LOCK_FILES.discard(handle.fileno())
            fcntl.flock(handle, fcntl.LOCK_UN)


#: Open lock files of this process; forked workers close their copies, so that the lock dies with the build.
_LOCK_FILES: set[int] = set()


def default_jobs() -> int:
    """How many outputs to build at once: ``DIGICHARTER_JOBS``, else one per core (at most one per output)."""
    value = os.environ.get("DIGICHARTER_JOBS", "")
    return int(value) if value.isdigit() and int(value) > 0 else (os.cpu_count() or 1)


def run_steps(ctx: BuildContext, steps: list[Step], jobs: int | None = None) -> None:
    """Run the output steps: one after the other, or side by side in forked worker processes.

    The outputs do not depend on each other, and the slow part (WeasyPrint
    laying out pages) is pure CPU, so on two cores they pay off in parallel.
    Each worker writes into its own folder, merged into the staging folder in
    the steps' order afterwards, so no two outputs ever write the same folder
    at once. WeasyPrint and MkDocs are imported before forking: once per build.

    A process that runs other threads (a program that calls :func:`build` while
    it serves pages or drives a browser) is never forked: a thread may hold a
    lock at that instant (the output buffer, the logging lock, a queue), and the
    forked copy would then wait for it forever, with the build waiting for the
    copy. Such a caller gets the steps one after the other.
    """
    jobs = min(jobs or default_jobs(), len(steps))
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        for name, step in steps:
            step_started = time.perf_counter()
            step(ctx)
            ctx.say(f"  {name:<10} {time.perf_counter() - step_started:6.2f} s")
        return
    import mkdocs.commands.build  # noqa: F401 - imported once, inherited by the workers
    import weasyprint  # noqa: F401

    # Outputs whose languages are independent are split per language, so the two
    # cores stay busy to the end.
    tasks: list[tuple[str, str, int | None]] = []
    for name, _step in steps:
        if name in PER_LANGUAGE and len(ctx.views) > 1:
            tasks += [(f"{name} ({view.code})", name, index) for index, view in enumerate(ctx.views)]
        else:
            tasks.append((name, name, None))
    global _FORKED
    _FORKED = (ctx, dict(steps))
    try:
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=multiprocessing.get_context("fork"), initializer=_die_with_parent, initargs=(os.getpid(),)
        ) as pool:
            # The last outputs (the PDFs) are the slowest: start them first.
            futures = {label: pool.submit(_run_forked, label, name, index) for label, name, index in reversed(tasks)}
            for label, _, _ in tasks:
                future = futures[label]
                ctx.say(f"  {label:<14} {future.result():6.2f} s")
    finally:
        _FORKED = None
    for label, _, _ in tasks:
        own = ctx.work_dir / f"output-{_slug(label)}"
        if not own.is_dir():
            raise InternalError(f"the {label} step finished but its output folder is gone")
        move_into(own, ctx.staging)


#: Outputs made language by language with nothing shared between languages.
PER_LANGUAGE = {"bookmark", "slides"}


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive a killed build and go on writing next to site/ (Linux: PR_SET_PDEATHSIG).

    It also lets go of the build's lock file, which it inherited: a killed build's lock must be free at once.
    """
    for fd in _LOCK_FILES:
        os.close(fd)
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the build died before the line above took effect
        os._exit(1)


def _slug(label: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in label)


#: What a forked worker needs: the build context and the steps by name (inherited, never pickled).
_FORKED: tuple[BuildContext, dict[str, Callable[[BuildContext], None]]] | None = None


def _run_forked(label: str, name: str, language: int | None) -> float:
    """In a worker: run one step (for one language, or all) with its own output folder; return its duration."""
    assert _FORKED is not None
    ctx, steps = _FORKED
    started = time.perf_counter()
    own, scratch = ctx.work_dir / f"output-{_slug(label)}", ctx.work_dir / f"scratch-{_slug(label)}"
    own.mkdir()
    scratch.mkdir()
    views = ctx.views if language is None else [ctx.views[language]]
    steps[name](replace(ctx, staging=own, work_dir=scratch, views=views))
    return time.perf_counter() - started


def _swap_in(staging: Path, out_dir: Path) -> None:
    """Put the finished site in place of the old one; the old tree is removed afterwards.

    With :func:`exchange` the two names trade places in one step, and the old
    site ends up under the staging name, where a killed build's leftovers are
    cleared by the next build (:func:`_recover`). Without it, two renames: a
    build killed between them leaves the old site as ``.site-old-*``, which the
    next build puts back first.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise DigicharterError(_("{folder} exists and is not a folder; move it away").format(folder=out_dir))
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    _pause_for_tests("before-swap")
    if exchange(staging, out_dir):
        _pause_for_tests("after-swap")
        shutil.rmtree(staging, ignore_errors=True)
        return
    old = out_dir.parent / f".{out_dir.name}-old-{os.getpid()}"
    out_dir.rename(old)
    _pause_for_tests("between-renames")
    staging.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)


#: Set only by tests: ``<moment>:<file>`` makes the build write ``file`` at that moment of the swap and wait to be killed.
PAUSE_FOR_TESTS = "DIGICHARTER_TEST_PAUSE_AT_SWAP"


def _pause_for_tests(moment: str) -> None:
    """Let a test kill the build at an exact moment of the swap (a window far too short to hit by chance)."""
    wanted, _sep, signal_file = os.environ.get(PAUSE_FOR_TESTS, "").partition(":")
    if wanted == moment and signal_file:
        Path(signal_file).write_text(moment, encoding="utf-8")
        time.sleep(600)
