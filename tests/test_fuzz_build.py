"""Hostile charters never crash `digicharter build`: success, or a clear error and the old site/ kept.

Fewer examples than the checker's fuzz test (a valid charter means a full
build), each run as the real command with a time limit and a memory limit.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from conftest import CHARTER, PROJECT, copy_charter
from test_fuzz_check import LOCATED, mutated_charter

MEMORY_LIMIT = 3 * 1024**3  # address space per process: far above a normal build's needs


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(change=mutated_charter())
def test_build_never_crashes(change):
    name, content = change
    with tempfile.TemporaryDirectory() as tmp:
        charter = Path(tmp) / "charter"
        copy_charter(charter)
        (charter / name).write_bytes(content)
        site = Path(tmp) / "site"
        site.mkdir()
        (site / "index.html").write_text("previous site")
        done = subprocess.run(
            [sys.executable, "-m", "digicharter", "build", str(charter), "--output", str(site), "--quiet"],
            cwd=PROJECT, capture_output=True, text=True, timeout=180, preexec_fn=_limit_memory,
        )
        assert done.returncode in (0, 1), done.stderr
        assert "Traceback" not in done.stderr
        if done.returncode == 1:
            assert (site / "index.html").read_text() == "previous site"
            located = [line for line in done.stderr.splitlines() if LOCATED.match(line)]
            assert located or done.stderr.startswith("error: "), done.stderr
        else:
            assert (site / "en" / "index.html").is_file()
