"""A build replaces site/ only when every output succeeded; failed or killed builds change nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CHARTER, PROJECT
from digicharter.build import BUILT_MARK, BUILT_MARK_TEXT, build
from digicharter.errors import CharterError, OutputError

from helpers import replace_in


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def old_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("previous good site")
    (site / "en" / "index.html").write_text("previous good site (en)")
    return site


def test_charter_error_leaves_site_untouched(charter_copy, old_site):
    before = snapshot(old_site)
    replace_in(charter_copy / "times.yaml", "evening_quiet_from: 20:00", "evening_quiet_from: 25:00")
    with pytest.raises(CharterError):
        build(charter_copy, old_site, site_src=old_site.parent / "site_src", quiet=True)
    assert snapshot(old_site) == before
    assert sorted(p.name for p in old_site.parent.iterdir()) == [".site.lock", "charter", "site"]


def test_failing_output_leaves_site_untouched(old_site):
    before = snapshot(old_site)

    def writes_then_fails(ctx):
        (ctx.staging / "index.html").write_text("half-built")
        raise OutputError("the slide 'x' does not fit")

    with pytest.raises(OutputError):
        build(CHARTER, old_site, site_src=old_site.parent / "site_src", quiet=True, steps=[("broken", writes_then_fails)])
    assert snapshot(old_site) == before
    assert sorted(p.name for p in old_site.parent.iterdir()) == [".site.lock", "site"]


def test_successful_build_replaces_site(old_site):
    def writes(ctx):
        (ctx.staging / "index.html").write_text("new")

    build(CHARTER, old_site, site_src=old_site.parent / "site_src", quiet=True, steps=[("new", writes)])
    assert snapshot(old_site) == {"index.html": b"new", BUILT_MARK: BUILT_MARK_TEXT}


def test_killed_build_leaves_site_untouched_and_next_build_recovers(old_site):
    before = snapshot(old_site)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with subprocess.Popen(
        [sys.executable, "-m", "digicharter", "build", str(CHARTER), "--output", str(old_site)],
        cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    ) as process:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            building = [*old_site.parent.glob(".site-new-*"), *old_site.parent.glob(".site-work-*")]
            if any(path.is_file() for folder in building for path in folder.rglob("*")):
                break  # the build is writing its outputs
            time.sleep(0.02)
        assert process.poll() is None, "the build finished before it could be killed:\n" + process.stdout.read()
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    assert snapshot(old_site) == before  # the half-built folder never replaced site/
    # No worker outlives the killed build (it would go on writing next to site/).
    deadline = time.monotonic() + 10
    while _processes_building(old_site) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _processes_building(old_site)
    # The next build clears what the killed one left behind.
    build(CHARTER, old_site, site_src=old_site.parent / "site_src", quiet=True, steps=[])
    assert not list(old_site.parent.glob(".site-*"))


def test_killed_between_renames_restores_last_good_site(old_site):
    before = snapshot(old_site)
    old_site.rename(old_site.parent / ".site-old-12345")  # as if killed right after the first rename
    with pytest.raises(OutputError):
        build(CHARTER, old_site, site_src=old_site.parent / "site_src", quiet=True, steps=[("fail", _fail)])
    assert snapshot(old_site) == before


def _fail(ctx):
    raise OutputError("failing on purpose")


def test_progress_and_quiet(capsys, old_site, charter_copy):
    from helpers import run_cli

    code, out, err = run_cli(capsys, "build", str(charter_copy), "--output", str(old_site), "--quiet")
    assert code == 0 and out == "" and err == ""
    code, out, err = run_cli(capsys, "build", str(charter_copy), "--output", str(old_site))
    assert code == 0
    lines = out.strip().splitlines()
    assert any(line.strip().startswith("website") and line.rstrip().endswith(" s") for line in lines)
    assert lines[-1].startswith("built site/:") and "files" in lines[-1]


def _processes_building(site: Path) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and str(site).encode() in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def test_a_second_build_into_the_same_folder_waits_its_turn(old_site, capsys):
    """While one build runs, another into the same site/ is refused instead of clearing its files."""
    from digicharter.build import _lock

    before = snapshot(old_site)
    with _lock(old_site):  # as if another build were running
        from helpers import run_cli

        code, out, err = run_cli(capsys, "build", str(CHARTER), "--output", str(old_site), "--quiet")
    assert code == 1 and "another build" in err and "Traceback" not in err
    assert snapshot(old_site) == before


@pytest.mark.parametrize("where", ["charter", "parent", "cwd"])
def test_the_output_folder_may_not_hold_the_charter_or_the_project(charter_copy, capsys, monkeypatch, where):
    from helpers import run_cli

    target = {"charter": charter_copy, "parent": charter_copy.parent, "cwd": Path.cwd()}[where]
    if where == "cwd":
        monkeypatch.chdir(charter_copy.parent)
        target = charter_copy.parent
    code, out, err = run_cli(capsys, "build", str(charter_copy), "--output", str(target), "--quiet")
    assert code == 1 and "would be replaced as a whole" in err
    assert (charter_copy / "charter.yaml").is_file()


def test_a_folder_that_is_not_a_built_site_is_not_replaced(tmp_path, capsys):
    from helpers import run_cli

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "minutes.txt").write_text("keep me")
    code, out, err = run_cli(capsys, "build", str(CHARTER), "--output", str(notes), "--quiet")
    assert code == 1 and "does not look like a website" in err
    assert (notes / "minutes.txt").read_text() == "keep me"


def test_a_bad_source_date_epoch_is_a_clear_error(old_site, capsys, monkeypatch):
    from helpers import run_cli

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    code, out, err = run_cli(capsys, "build", str(CHARTER), "--output", str(old_site), "--quiet")
    assert code == 1 and "SOURCE_DATE_EPOCH must be a number" in err and "Traceback" not in err


def test_a_folder_that_holds_only_the_slides_can_be_built_again(tmp_path, capsys, charter_copy):
    from helpers import run_cli

    out = tmp_path / "talk"
    for _ in range(2):  # the second run must recognise the folder the first one made (it has no index.html)
        code, _out, err = run_cli(capsys, "slides", str(charter_copy), "--output", str(out), "--quiet")
        assert code == 0, err
    assert (out / "downloads" / "digicharter-slides-nl.pdf").is_file() and not (out / "index.html").exists()
