"""The swap of site/: at every instant the complete old or the complete new site; two builds never share a file.

The build is killed by SIGKILL at the exact moments of the swap (it pauses
there when a test asks, through an environment variable only tests set),
while a watcher looks at site/ as often as it can.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import CHARTER, PROJECT, copy_charter
from digicharter import build as build_module
from digicharter.build import BUILT_MARK, PAUSE_FOR_TESTS, build

from helpers import replace_in

PAGES = 40

#: A build whose only step writes a new site of PAGES pages, each saying "new" (run as a separate process).
CHILD = f"""
import sys
from pathlib import Path
from digicharter.build import build

def new_site(ctx):
    for number in range({PAGES}):
        (ctx.staging / f"new-{{number}}.html").write_text("new")
    (ctx.staging / "index.html").write_text("new")

build(Path(sys.argv[1]), Path(sys.argv[2]), quiet=True, steps=[("new", new_site)])
"""

OLD = {f"old-{n}.html" for n in range(PAGES)} | {"index.html"}
NEW = {f"new-{n}.html" for n in range(PAGES)} | {"index.html", BUILT_MARK}


def make_old_site(site: Path) -> None:
    site.mkdir()
    for name in OLD:
        (site / name).write_text("old")


class Watcher(threading.Thread):
    """Looks at site/ again and again; records every look that is not one whole site.

    Each look opens site/ first and reads names and contents through that open
    folder, so that one look sees one tree; a look during which the name moved
    on to the other tree is not counted (it saw no state of site/).
    """

    def __init__(self, site: Path) -> None:
        super().__init__(daemon=True)
        self.site = site
        self.stop = threading.Event()
        self.looks = 0
        self.seen: set[str] = set()
        self.wrong: list[str] = []

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                folder = os.open(self.site, os.O_RDONLY | os.O_DIRECTORY)
            except FileNotFoundError:
                self.wrong.append("no site/")
                continue
            try:
                names = set(os.listdir(folder))
                contents = set()
                for name in names - {BUILT_MARK}:  # (the mark says who built it, not which build)
                    handle = os.open(name, os.O_RDONLY, dir_fd=folder)
                    try:
                        contents.add(os.read(handle, 100).decode())
                    finally:
                        os.close(handle)
                same_tree = os.stat(self.site).st_ino == os.fstat(folder).st_ino
            except FileNotFoundError:
                continue  # a file of a tree that is no longer site/ was being removed
            finally:
                os.close(folder)
            if not same_tree:
                continue
            self.looks += 1
            if (names, contents) == (OLD, {"old"}):
                self.seen.add("old")
            elif (names, contents) == (NEW, {"new"}):
                self.seen.add("new")
            else:
                self.wrong.append(f"{len(names)} files, contents {sorted(contents)}")


def run_child(site: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(CHARTER), str(site)],
        cwd=PROJECT, env={**os.environ, "DIGICHARTER_JOBS": "1", **env},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def wait_for(path: Path, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert process.poll() is None, "the build ended before the pause:\n" + (process.stdout.read() if process.stdout else "")
        assert time.monotonic() < deadline, "the build never reached the pause"
        time.sleep(0.01)


needs_exchange = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the one-step swap (renameat2 RENAME_EXCHANGE) is Linux's"
)


@needs_exchange
@pytest.mark.parametrize("moment, expected", [("before-swap", "old"), ("after-swap", "new")])
def test_a_build_killed_at_the_swap_leaves_a_whole_site(tmp_path, moment, expected):
    """SIGKILL just before and just after the exchange: site/ is whole at every look, and after the kill."""
    site = tmp_path / "site"
    make_old_site(site)
    signal_file = tmp_path / "paused"
    watcher = Watcher(site)
    watcher.start()
    process = run_child(site, {PAUSE_FOR_TESTS: f"{moment}:{signal_file}"})
    try:
        wait_for(signal_file, process)
        time.sleep(0.2)  # the watcher looks at the paused state too
        os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=30)
        time.sleep(0.2)
    finally:
        watcher.stop.set()
        watcher.join()
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert watcher.wrong == [], watcher.wrong[:5]
    assert watcher.looks > 10 and watcher.seen == {"old", "new"} - ({"new"} if expected == "old" else set()), watcher.seen
    assert {p.name for p in site.iterdir()} == (OLD if expected == "old" else NEW)
    assert {p.read_text() for p in site.iterdir() if p.name != BUILT_MARK} == {expected}
    # The next build clears what the killed one left next to site/ (after the exchange: the old tree).
    replaced = build(CHARTER, site, quiet=True, steps=[("one", lambda ctx: (ctx.staging / "index.html").write_text("next"))])
    assert replaced.staging.name.startswith(".site-new-")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "paused", "site"]
    assert (site / "index.html").read_text() == "next"


@needs_exchange
def test_the_watcher_sees_only_whole_sites_through_a_real_swap(tmp_path):
    """No pause: the swap as it happens, looked at all the while."""
    site = tmp_path / "site"
    make_old_site(site)
    watcher = Watcher(site)
    watcher.start()
    process = run_child(site, {})
    try:
        output, _ = process.communicate(timeout=120)
        time.sleep(0.1)
    finally:
        watcher.stop.set()
        watcher.join()
    assert process.returncode == 0, output
    assert watcher.wrong == [], watcher.wrong[:5]
    assert "old" in watcher.seen and {p.name for p in site.iterdir()} == NEW


def test_without_the_one_step_swap_the_build_still_replaces_the_site(tmp_path, monkeypatch):
    """Where the system cannot exchange (not Linux, old C library, some file systems): two renames."""
    monkeypatch.setattr(build_module, "exchange", lambda first, second: False)
    site = tmp_path / "site"
    make_old_site(site)
    build(CHARTER, site, quiet=True, steps=[("one", lambda ctx: (ctx.staging / "index.html").write_text("new"))])
    assert sorted(p.name for p in site.iterdir()) == [BUILT_MARK, "index.html"] and (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_the_exchange_swaps_two_folders(tmp_path):
    from digicharter.fsutil import exchange

    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "from-a").touch()
    (second / "from-b").touch()
    if not exchange(first, second):
        pytest.skip("this system cannot exchange two names in one step")
    assert [p.name for p in first.iterdir()] == ["from-b"] and [p.name for p in second.iterdir()] == ["from-a"]


# --------------------------------------------------------------------------- two builds side by side

#: Builds the website of one charter into one folder (a separate process, so that two run at once).
WEBSITE = """
import sys
from pathlib import Path
from digicharter.build import build
from digicharter.render.site.build import build_site

build(Path(sys.argv[1]), Path(sys.argv[2]), quiet=True, steps=[("website", build_site)])
"""


def test_two_builds_at_once_each_get_only_their_own_pages(tmp_path):
    """Two charters in one folder (as a school keeps a copy to try things), built at the same moment.

    The second has another school name and no Facebook channel. Each website
    must have its own pages only: nothing generated is shared between builds.
    """
    first, second = tmp_path / "charter", tmp_path / "charter-try"
    copy_charter(first)
    copy_charter(second)
    replace_in(second / "school.yaml", "name: Basisschool De Boomhut Lozen", "name: Basisschool Het Wilgje Lozen")
    channels = (second / "channels.yaml").read_text(encoding="utf-8")
    channels = channels[: channels.index("  - id: facebook")] + channels[channels.index("  - id: info_evenings"):]
    (second / "channels.yaml").write_text(channels, encoding="utf-8")
    agreements = (second / "agreements.yaml").read_text(encoding="utf-8")
    start = agreements.index("  # ------------------------------------------------------------------ Facebook")
    end = agreements.index("  # ------------------------------------------------------------------ Gimme")
    (second / "agreements.yaml").write_text(agreements[:start] + agreements[end:], encoding="utf-8")

    sites = {"Boomhut": tmp_path / "out-a" / "site", "Wilgje": tmp_path / "out-b" / "site"}
    processes = [
        subprocess.Popen([sys.executable, "-c", WEBSITE, str(charter), str(site)], cwd=PROJECT,
                         env={**os.environ, "DIGICHARTER_JOBS": "1"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for charter, site in zip((first, second), sites.values())
    ]
    for process in processes:
        output, _ = process.communicate(timeout=300)
        assert process.returncode == 0, output

    assert (sites["Boomhut"] / "facebook.html").is_file() and (sites["Boomhut"] / "en" / "facebook.html").is_file()
    assert not (sites["Wilgje"] / "facebook.html").exists() and not (sites["Wilgje"] / "en" / "facebook.html").exists()
    for own, site in sites.items():
        other = "Wilgje" if own == "Boomhut" else "Boomhut"
        pages = sorted(site.rglob("*.html"))
        assert len(pages) > 10
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert other not in text, f"{page.relative_to(site)} of the {own} site shows the {other} charter"
            if page.name != "404.html":
                assert f"Basisschool {'De Boomhut' if own == 'Boomhut' else 'Het Wilgje'} Lozen" in text, page
    # Nothing was generated next to the charters (where every build used to share site_src/).
    assert sorted(p.name for p in tmp_path.iterdir()) == ["charter", "charter-try", "out-a", "out-b"]
