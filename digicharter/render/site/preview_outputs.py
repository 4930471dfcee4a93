"""The live preview of what the school prints: the bookmark, the slides and every other download.

The website's rebuild after a save takes a second; the PDFs take several.
So the preview keeps them apart: each time the pages are rebuilt from a
charter that changed, a worker process (:mod:`.preview_worker`) is started
for the printed outputs, and one still busy with an older charter is
stopped. When a worker is done, the next one is started at once and loads
WeasyPrint and the renderers while the editor reads, then waits to be told
to build: a second less until a changed PDF is served. The preview serves
the worker's last good files at the very addresses of the built site
(``downloads/…``, ``slides/``, ``en/slides/`` …), so every link on the pages
works while editing, and the pages never wait for a PDF.

What the worker could not build (a bookmark face too full, a slide too long)
is shown above every page with the build's own message: when the worker's
findings differ from what the pages show, a file in a watched folder is
touched, and the preview rebuilds its pages as after a save.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wsgiref.util
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable

from ... import i18n

#: How often, and how long, the preview asks for a rebuild of its pages until they show the worker's findings.
NUDGE_INTERVAL = 1.0
NUDGES = 120
#: Status files of the outputs whose problems count for every page language.
EVERY_LANGUAGE = "*"


def fingerprint(charter_dir: Path) -> str:
    """What the charter folder holds, file by file: a new value means the outputs must be built again."""
    digest = hashlib.sha256()
    for path in sorted(p for p in charter_dir.rglob("*") if p.is_file() and ".git" not in p.parts):
        digest.update(str(path.relative_to(charter_dir)).encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"?")  # being saved right now: the next rebuild reads it
    return digest.hexdigest()


class OutputPreview:
    """One charter's printed outputs during a live preview: built by a worker, served from a temporary folder."""

    def __init__(self, charter_dir: Path, cache_dir: Path | None) -> None:
        self.charter_dir = charter_dir
        self.cache_dir = cache_dir
        self.root = Path(tempfile.mkdtemp(prefix="digicharter-preview-"))
        for folder in ("status", "results", "work", "nudge"):
            (self.root / folder).mkdir()
        self.shown: dict[str, tuple[str, ...]] = {}
        """The problems the pages were last built with (see :meth:`problems`)."""
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._spare: subprocess.Popen | None = None
        self._fingerprint: str | None = None
        self._generation = 0
        self._closed = False
        # Every worker is started from this one thread, alive as long as the preview: a worker dies with
        # the thread that started it (PR_SET_PDEATHSIG follows the parent thread, not the process).
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="digicharter-preview-spawner")

    @property
    def nudge_dir(self) -> Path:
        """Watched by the preview: a file touched here rebuilds the pages."""
        return self.root / "nudge"

    # ------------------------------------------------------------------ the worker

    def request(self, charter_fingerprint: str) -> None:
        """Build the outputs for this state of the charter, unless that is already done or under way."""
        with self._lock:
            if self._closed or charter_fingerprint == self._fingerprint:
                return
            self._fingerprint = charter_fingerprint
            self._stop(self._process)
            self._generation += 1
            self._process = self._start(self._take_spare())
            threading.Thread(target=self._follow, args=(self._process, self._generation), daemon=True).start()

    def _spawn(self) -> subprocess.Popen:
        """A worker that loads what it needs (WeasyPrint, the renderers) and then waits to be told to start."""
        command = [sys.executable, "-m", "digicharter.render.site.preview_worker", str(self.charter_dir), str(self.root),
                   "--parent", str(os.getpid())]
        if self.cache_dir is not None:
            command += ["--cache", str(self.cache_dir)]
        return self._spawner.submit(subprocess.Popen, command, stdin=subprocess.PIPE).result()

    def _take_spare(self) -> subprocess.Popen:
        """The worker started ahead of time, if it is still waiting; else a new one."""
        spare, self._spare = self._spare, None
        if spare is not None and spare.poll() is None:
            return spare
        self._stop(spare)
        return self._spawn()

    def _start(self, worker: subprocess.Popen, *, again: bool = True) -> subprocess.Popen:
        """Tell a waiting worker to build, in the messages' language of this moment."""
        try:
            assert worker.stdin is not None
            worker.stdin.write(f"{i18n.current()}\n".encode("ascii", "replace"))
            worker.stdin.close()
        except OSError:  # it died while waiting: one new worker, told at once (if that fails, _follow sees it end)
            if again:
                return self._start(self._spawn(), again=False)
        return worker

    def _follow(self, process: subprocess.Popen, generation: int) -> None:
        """When the worker is done, get the pages rebuilt until they show what it found (the watcher may start late).

        A spare worker is started then too, so that the next save finds one that has loaded WeasyPrint and
        the renderers already: that loading was a third of the time until a changed PDF was served.
        """
        process.wait()
        with self._lock:
            # Not while a newer worker builds: a spare loading beside it would slow it down.
            if not self._closed and generation == self._generation and self._spare is None:
                self._spare = self._spawn()
        for _ in range(NUDGES):
            with self._lock:
                if self._closed or generation != self._generation:
                    return
            if self.problems() == self.shown:
                return
            (self.nudge_dir / "outputs-changed").write_text(str(time.time_ns()), encoding="utf-8")
            time.sleep(NUDGE_INTERVAL)

    @staticmethod
    def _stop(process: subprocess.Popen | None) -> None:
        if process is None:
            return
        if process.stdin is not None and not process.stdin.closed:
            try:
                process.stdin.close()  # a spare that still waits ends by itself
            except OSError:
                pass
        if process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._stop(self._process)
            self._stop(self._spare)
            self._process = self._spare = None
        self._spawner.shutdown()
        shutil.rmtree(self.root, ignore_errors=True)

    # ------------------------------------------------------------------ what the worker found

    def problems(self) -> dict[str, tuple[str, ...]]:
        """Every output's problems by page language (``"*"``: every language), as the worker left them."""
        found: dict[str, list[str]] = {}
        for status in sorted((self.root / "status").glob("*.json")):
            try:
                by_language = json.loads(status.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            for code, messages in by_language.items():
                found.setdefault(code, []).extend(messages)
        return {code: tuple(messages) for code, messages in found.items()}

    # ------------------------------------------------------------------ serving the files

    def find(self, relative: str) -> Path | None:
        """The published file at this address of the site (``downloads/x.pdf``, ``en/slides/``), if an output has it."""
        relative = posixpath.normpath("/" + relative).lstrip("/")
        if relative in ("", "."):
            return None
        for link in sorted(self.root.iterdir()):
            if not link.is_symlink() or link.name.startswith("."):
                continue  # not an output, or one being switched over right now
            base = link.resolve()
            candidate = (base / relative).resolve()
            if not candidate.is_relative_to(base):
                continue
            if candidate.is_file():
                return candidate
            if candidate.is_dir():
                return candidate  # a deck's folder: the caller redirects or adds index.html
        return None

    def app(self, fallback: Callable, mount_path: str = "/") -> Callable:
        """A WSGI app: the outputs' files where the built site has them, everything else from ``fallback``."""

        def serve(environ, start_response) -> Iterable[bytes]:
            path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
            if not path.startswith(mount_path):
                return fallback(environ, start_response)
            found = self.find(path[len(mount_path):])
            if found is not None and found.is_dir():
                if not path.endswith("/"):
                    start_response("302 Found", [("Location", path + "/")])
                    return []
                found = found / "index.html"
            if found is None or not found.is_file():
                return fallback(environ, start_response)
            try:
                handle = open(found, "rb")
            except OSError:  # replaced by a newer result this very moment
                return fallback(environ, start_response)
            start_response("200 OK", [
                ("Content-Type", _content_type(found)),
                ("Content-Length", str(os.fstat(handle.fileno()).st_size)),
                ("Cache-Control", "no-store"),  # the next save changes it: never show an old PDF
            ])
            return wsgiref.util.FileWrapper(handle)

        return serve


def _content_type(path: Path) -> str:
    if path.suffix in (".js", ".mjs"):
        return "application/javascript"
    guess, _ = mimetypes.guess_type(path.name)
    if guess is None:
        return "application/octet-stream"
    return f"{guess}; charset=utf-8" if guess.startswith("text/") or guess.endswith("+xml") else guess


#: The running previews' outputs, by charter folder.
_previews: dict[Path, OutputPreview] = {}


def preview_for(charter_dir: Path) -> OutputPreview:
    """The outputs' preview of this charter, started on first use; its PDF cache is the build's (``site/``)."""
    from ..pdf.cache import cache_next_to

    if charter_dir not in _previews:
        _previews[charter_dir] = OutputPreview(charter_dir, cache_next_to(Path("site").resolve()).root)
    return _previews[charter_dir]


def running(charter_dir: Path) -> OutputPreview | None:
    return _previews.get(charter_dir)


def close_all() -> None:
    """Stop every worker and remove the temporary folders (when the preview ends)."""
    while _previews:
        _previews.popitem()[1].close()
