"""`digicharter serve`: saving a charter file rebuilds the preview; a mistake is reported and the last good site stays."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import free_port
from helpers import replace_in

BUDGET = 60.0


class Preview:
    """A running `digicharter serve` on a charter folder, with its terminal output."""

    def __init__(self, charter_dir: Path, command: list[str] | None = None):
        """``command``: another way to start the preview (e.g. ``mkdocs serve``); ``--dev-addr ADDRESS`` is added."""
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        command = command or [sys.executable, "-m", "digicharter", "serve", str(charter_dir)]
        self.process = subprocess.Popen(
            [*command, "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=charter_dir.parent, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            # A group of its own: stopping it stops the background worker it started too.
            start_new_session=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_for_output(self, needle: str) -> str:
        deadline = time.monotonic() + BUDGET
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                assert self.process.poll() is None, "".join(self.output)
                continue
            self.output.append(line)
            if needle in line:
                return line
        raise AssertionError(f"never printed {needle!r}:\n{''.join(self.output)}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.base + path, timeout=10) as response:
            return response.read().decode("utf-8")

    def wait_for_page(self, path: str, predicate, what: str) -> str:
        deadline = time.monotonic() + BUDGET
        while time.monotonic() < deadline:
            try:
                html = self.get(path)
                if predicate(html):
                    return html
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"{path} never showed {what}")

    def stop(self) -> None:
        """Ctrl+C, as a user would; then whatever is left of its process group is killed.

        Its output pipe is closed only once the reader thread let go of it: closing a
        file another thread is reading blocks until that read ends, and a leftover
        child holding the pipe open would make it never end.
        """
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=15)
        self.reader.join(timeout=10)
        if not self.reader.is_alive():
            assert self.process.stdout is not None
            self.process.stdout.close()


@pytest.fixture
def preview(charter_copy):
    running = Preview(charter_copy)
    yield running
    running.stop()


def test_saving_the_charter_rebuilds_and_a_mistake_keeps_the_last_good_site(preview, charter_copy):
    preview.wait_for_output("Serving on")
    assert 'lang="en"' in preview.get("en/phone.html")
    assert "20:00" in preview.get("en/phone.html")

    replace_in(charter_copy / "times.yaml", "evening_quiet_from: 20:00", "evening_quiet_from: 19:30")
    preview.wait_for_page("en/phone.html", lambda html: "19:30" in html, "the new time")
    assert "19.30\u00a0u" in preview.get("phone.html")

    line = replace_in(charter_copy / "times.yaml", "evening_quiet_from: 19:30", "evening_quiet_from: 25:00")
    error = preview.wait_for_output("is not a time of day")
    assert f"times.yaml:{line}:" in error
    html = preview.wait_for_page("en/phone.html", lambda html: "dc-preview-problem" in html, "the mistake")
    assert "19:30" in html, "the last good version stays"
    assert "is not a time of day" in html

    replace_in(charter_copy / "times.yaml", "evening_quiet_from: 25:00", "evening_quiet_from: 18:45")
    html = preview.wait_for_page("en/phone.html", lambda html: "18:45" in html, "the fixed time")
    assert "dc-preview-problem" not in html
    assert "Traceback" not in "".join(preview.output)


def test_serve_refuses_to_start_on_a_broken_charter(charter_copy, capsys):
    from digicharter.cli import main

    line = replace_in(charter_copy / "times.yaml", "task_deadline: 15:30", "task_deadline: 15:75")
    code = main(["serve", str(charter_copy), "--dev-addr", f"127.0.0.1:{free_port()}"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"times.yaml:{line}:" in err
