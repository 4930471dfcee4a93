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

import os
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .build_context import BuildContext, Step
from .build_runner import LOCK_FILES, run_steps
from .errors import DigicharterError, OutputError, display_path
from .fsutil import exchange
from .i18n import _
from .os_errors import is_user_os_error, os_error_message, resolved
from .loading.charter_loader import load_charter
from .render.pdf.cache import cache_next_to
from .reproducible import charter_epoch, source_date
from .schema_export import refresh_schemas
from .steps import output_steps
from .view import views


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
            run_steps(ctx, steps if steps is not None else output_steps(), jobs)
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
        LOCK_FILES.add(handle.fileno())
        try:
            yield
        finally:
            LOCK_FILES.discard(handle.fileno())
            fcntl.flock(handle, fcntl.LOCK_UN)


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
