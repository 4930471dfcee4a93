"""Outputs are built side by side in forked workers, except in a process that runs other threads."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from conftest import CHARTER
from digicharter.build_context import BuildContext
from digicharter.build_runner import run_steps
from digicharter.loading.charter_loader import load_charter
from digicharter.view import views


def _context(tmp_path: Path) -> BuildContext:
    charter = load_charter(CHARTER).charter
    staging, work = tmp_path / "staging", tmp_path / "work"
    staging.mkdir()
    work.mkdir()
    return BuildContext(charter=charter, views=views(charter), charter_dir=CHARTER, staging=staging, work_dir=work,
                        site_src=tmp_path / "site_src", quiet=True)


def _steps_writing_their_pid():
    def step(name):
        def write(ctx: BuildContext) -> None:
            (ctx.staging / f"{name}.pid").write_text(str(os.getpid()))
        return name, write
    return [step("first"), step("second")]


def pids(tmp_path: Path) -> set[int]:
    return {int(p.read_text()) for p in (tmp_path / "staging").glob("*.pid")}


def run_steps_alone(tmp_path: Path, steps: str) -> str:
    """``run_steps`` with two jobs on ``t.<steps>()``, in a process of its own with no other thread (this test
    process may already run a browser's or a server's threads); returns what it printed: its thread id."""
    script = (
        "import sys, threading; sys.path[:0] = sys.argv[2:]\n"
        "from pathlib import Path\n"
        "import test_build_jobs as t\n"
        "assert threading.active_count() == 1\n"
        f"t.run_steps(t._context(Path(sys.argv[1])), t.{steps}(), jobs=2)\n"
        "print(threading.get_native_id())\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path), str(Path(__file__).parent)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_without_other_threads_the_steps_run_in_forked_workers(tmp_path):
    own_id = run_steps_alone(tmp_path, "_steps_writing_their_pid")
    found = pids(tmp_path)
    assert len(found) >= 1 and int(own_id) not in found, (found, own_id)


def test_a_process_with_other_threads_is_never_forked(tmp_path):
    """A thread may hold a lock when the process forks; the copy would wait for it forever (and the build for the copy)."""
    release = threading.Event()
    other = threading.Thread(target=release.wait, daemon=True)
    other.start()
    try:
        run_steps(_context(tmp_path), _steps_writing_their_pid(), jobs=2)
    finally:
        release.set()
        other.join()
    assert pids(tmp_path) == {os.getpid()}


def _one_step_per_language():
    def write(ctx: BuildContext) -> None:
        import time

        time.sleep(0.5)  # long enough for the second worker to take a language too
        for view in ctx.views:
            (ctx.staging / f"{view.code}.pid").write_text(str(os.getpid()))
    return [("slides", write)]


def test_a_single_output_is_built_language_by_language_side_by_side(tmp_path):
    """`digicharter slides` (one step) still uses every core: its languages are tasks of their own."""
    run_steps_alone(tmp_path, "_one_step_per_language")
    charter = load_charter(CHARTER).charter
    assert sorted(p.stem for p in (tmp_path / "staging").glob("*.pid")) == sorted(v.code for v in views(charter))
    assert len(pids(tmp_path)) == 2
