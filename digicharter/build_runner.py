"""Running the output steps: one after the other, or side by side in forked worker processes.

Used by ``digicharter build`` and by the live preview's background worker;
it knows the steps only as names and functions (see :mod:`digicharter.steps`).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Callable

from .build_context import BuildContext, Step
from .errors import InternalError
from .fsutil import move_into


#: Open lock files of this process; forked workers close their copies, so that the lock dies with the build.
LOCK_FILES: set[int] = set()


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
    at once. MkDocs is imported before forking, once per build; WeasyPrint
    too when no PDF can come from the cache, else only by a worker that lays
    out a PDF: a build whose PDFs are all reused never loads it (half a second).

    A process that runs other threads (a program that calls :func:`build` while
    it serves pages or drives a browser) is never forked: a thread may hold a
    lock at that instant (the output buffer, the logging lock, a queue), and the
    forked copy would then wait for it forever, with the build waiting for the
    copy. Such a caller gets the steps one after the other.
    """
    # Outputs whose languages are independent are split per language, so the two
    # cores stay busy to the end (and `digicharter slides` alone uses both).
    tasks: list[tuple[str, str, int | None]] = []
    for name, _step in steps:
        if name in PER_LANGUAGE and len(ctx.views) > 1:
            tasks += [(f"{name} ({view.code})", name, index) for index, view in enumerate(ctx.views)]
        else:
            tasks.append((name, name, None))
    jobs = min(jobs or default_jobs(), len(tasks))
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        for name, step in steps:
            step_started = time.perf_counter()
            step(ctx)
            ctx.say(f"  {name:<10} {time.perf_counter() - step_started:6.2f} s")
        return
    if any(name == "website" for name, _step in steps):
        import mkdocs.commands.build  # noqa: F401 - imported once, inherited by the workers
    if ctx.pdf_cache.holds_nothing():  # every PDF will be laid out: load WeasyPrint once, for all workers
        import weasyprint  # noqa: F401

    global _FORKED
    _FORKED = (ctx, dict(steps))
    try:
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent, initargs=(os.getpid(),)
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


#: Outputs made language by language with nothing shared between languages (the website's pages name
#: the other languages, from ``all_views``, but are built by a build of their own for each language).
PER_LANGUAGE = {"website", "bookmark", "slides"}


def die_with_parent(parent: int) -> None:
    """A worker must not outlive a killed build and go on writing next to site/ (Linux: PR_SET_PDEATHSIG).

    It also lets go of the build's lock file, which it inherited: a killed build's lock must be free at once.
    """
    for fd in LOCK_FILES:
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
    steps[name](replace(ctx, staging=own, work_dir=scratch, views=views, all_views=ctx.views))
    return time.perf_counter() - started
