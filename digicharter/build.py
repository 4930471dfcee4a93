"""``digicharter build``: every output into a fresh folder, then swapped in as ``site/``.

A school publishes whatever is in ``site/``. So nothing is written there until
every output of every language has been built and checked; a failed (or
killed) build leaves the previous ``site/`` exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .errors import DigicharterError
from .loading.charter_loader import load_charter
from .reproducible import DEFAULT_EPOCH, source_date
from .schema import Charter
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
    """Where the generated Markdown pages go (engine-neutral, not committed)."""
    quiet: bool = False
    written: list[Path] = field(default_factory=list)

    def say(self, message: str) -> None:
        if not self.quiet:
            print(message, flush=True)


Step = tuple[str, Callable[[BuildContext], None]]


def _steps() -> list[Step]:
    """The outputs, in order: the website first (MkDocs owns its folder while it builds)."""
    from .render.bookmark import build_bookmarks
    from .render.site import build_site
    from .render.slides import build_slides

    return [("website", build_site), ("bookmark", build_bookmarks), ("slides", build_slides)]


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
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
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
) -> BuildContext:
    """Build every output; replace ``out_dir`` only if all of them succeed."""
    started = time.perf_counter()
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    _recover(out_dir)

    result = load_charter(charter_dir, strict=True)
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
        site_src=(site_src or charter_dir.resolve().parent / "site_src"),
        quiet=quiet,
    )
    ctx.say(f"charter checked: {charter_dir} ({', '.join(v.code for v in ctx.views)})")
    try:
        with source_date(charter_epoch(charter_dir)):
            for name, step in steps if steps is not None else _steps():
                step_started = time.perf_counter()
                step(ctx)
                ctx.say(f"  {name:<10} {time.perf_counter() - step_started:6.2f} s")
        _swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    files = sum(1 for p in out_dir.rglob("*") if p.is_file())
    ctx.say(f"built {out_dir.name}/: {files} files in {time.perf_counter() - started:.1f} s")
    return ctx


def _swap_in(staging: Path, out_dir: Path) -> None:
    old = out_dir.parent / f".{out_dir.name}-old-{os.getpid()}"
    if out_dir.exists():
        if not out_dir.is_dir():
            raise DigicharterError(f"{out_dir} exists and is not a folder; move it away")
        out_dir.rename(old)
    staging.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
