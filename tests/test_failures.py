"""Failures that are not bugs: each class exits 1 with a message naming the file or setting, never a traceback.

Every test runs the real ``digicharter`` command in a subprocess, as an editor
would, so nothing in-process (pytest's capture, an already chosen language)
can hide a traceback or an exit status 2. Where the failure needs a read-only
or full disk, the command runs in its own user and mount namespace
(``unshare -rm``) on a tmpfs; that works as root (CI) and as a user, and the
test is skipped, with the reason, only where the kernel refuses namespaces.
"""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CHARTER
from helpers import line_of, replace_in

#: A disk that holds the charter check's output but not a website (the website is some megabytes).
SMALL_DISK = "2m"


def digicharter(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the command as a user would, English messages, one build step at a time."""
    environment = {**os.environ, "LANGUAGE": "en", "DIGICHARTER_JOBS": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "digicharter", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=timeout)


def assert_user_error(done: subprocess.CompletedProcess, *named: str) -> None:
    """Exit 1, every part of ``named`` in the message, and no traceback."""
    assert done.returncode == 1, (done.returncode, done.stderr[-3000:])
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert "internal error" not in done.stderr
    for part in named:
        assert part in done.stderr, (part, done.stderr[-3000:])


def in_namespace(script: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run a shell script as root of a new user and mount namespace, or skip if this kernel does not allow it."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed")
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"this kernel does not allow a user mount namespace: {probe.stderr.strip()}")
    environment = {**os.environ, "LANGUAGE": "en", "DIGICHARTER_JOBS": "1", **(env or {})}
    return subprocess.run(["unshare", "-rm", "sh", "-c", script], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=600)


def command_line(*args: str) -> str:
    return shlex.join([sys.executable, "-m", "digicharter", *args])


# --------------------------------------------------------------------------- the charter's own values


def test_a_lone_surrogate_in_times_yaml_is_rejected_at_its_line(charter_copy: Path):
    line = replace_in(charter_copy / "times.yaml", "task_deadline: 15:30", 'task_deadline: "\\udfff"')
    done = digicharter("check", "charter", cwd=charter_copy.parent)
    assert_user_error(done, f"charter/times.yaml:{line}:", "\\udfff", "surrogate")


def test_a_lone_surrogate_in_an_agreement_text_fails_check_and_build_alike(charter_copy: Path, tmp_path: Path):
    agreements = charter_copy / "agreements.yaml"
    text = agreements.read_text(encoding="utf-8")
    start = text.index("nl: >-")
    end = text.index("\n      en:", start)
    agreements.write_text(text[:start] + 'nl: "De school \\ud800 belt."' + text[end:], encoding="utf-8")
    line = line_of(agreements, "\\ud800")
    for command in (["check", "charter"], ["build", "charter", "--output", str(tmp_path / "site")]):
        done = digicharter(*command, cwd=charter_copy.parent)
        assert_user_error(done, f"charter/agreements.yaml:{line}:", "\\ud800")
    assert not (tmp_path / "site").exists()


def test_a_300_character_icon_name_is_rejected_by_the_schema_before_any_file_is_looked_up(charter_copy: Path):
    line = replace_in(charter_copy / "channels.yaml", "icon: phone", "icon: " + "a" * 300)
    done = digicharter("check", "charter", cwd=charter_copy.parent)
    assert_user_error(done, f"charter/channels.yaml:{line}:", "icon", "at most 64 characters")
    assert "File name too long" not in done.stderr


def test_a_charter_file_that_is_a_link_to_itself_is_named(charter_copy: Path):
    (charter_copy / "times.yaml").unlink()
    (charter_copy / "times.yaml").symlink_to("times.yaml")
    done = digicharter("check", "charter", cwd=charter_copy.parent)
    assert_user_error(done, "charter/times.yaml", "points to itself")


# --------------------------------------------------------------------------- the machine


def test_an_output_folder_on_a_read_only_disk_is_named(charter_copy: Path, tmp_path: Path):
    disk = tmp_path / "usb"
    disk.mkdir()
    script = f"mount -t tmpfs -o ro tmpfs {shlex.quote(str(disk))} && " + command_line(
        "build", "charter", "--output", str(disk / "site"), "--quiet")
    done = in_namespace(script, cwd=charter_copy.parent)
    assert_user_error(done, "the build into usb/site stopped", "usb: this disk or folder is read-only", "--output")


def test_a_full_disk_stops_the_build_with_a_message_and_the_old_site_survives(charter_copy: Path, tmp_path: Path):
    disk = tmp_path / "disk"
    disk.mkdir()
    site = disk / "site"
    script = (
        f"mount -t tmpfs -o size={SMALL_DISK} tmpfs {shlex.quote(str(disk))} && mkdir {shlex.quote(str(site))} && "
        f"echo 'the old site' > {shlex.quote(str(site / 'index.html'))} && "
        + command_line("build", "charter", "--output", str(site), "--quiet")
        + f"; status=$?; cat {shlex.quote(str(site / 'index.html'))}; ls -A {shlex.quote(str(disk))}; exit $status"
    )
    done = in_namespace(script, cwd=charter_copy.parent)
    assert_user_error(done, "the build into disk/site stopped", "disk: the disk is full", "disk/site was not changed")
    # The old site is still there, whole, and nothing half-built is left next to it.
    assert done.stdout.splitlines()[0] == "the old site"
    assert sorted(done.stdout.splitlines()[1:]) == [".site.lock", "site"]


@pytest.mark.parametrize("value", ["²", "99999999999999", "-1", "12 34", "١٧٢٥١٤٨٨٠٠"])
def test_a_source_date_epoch_that_is_no_date_in_range_is_named(tmp_path: Path, value: str):
    done = digicharter("build", str(CHARTER), "--output", str(tmp_path / "site"), "--quiet",
                       cwd=tmp_path, env={"SOURCE_DATE_EPOCH": value})
    assert_user_error(done, "SOURCE_DATE_EPOCH", "315532800", "4102444799")
    assert not (tmp_path / "site").exists()


def test_a_source_date_epoch_at_both_ends_of_the_range_is_accepted():
    from digicharter.reproducible import EPOCH_MAX, EPOCH_MIN, source_date_epoch

    for value in (EPOCH_MIN, EPOCH_MAX):
        os.environ["SOURCE_DATE_EPOCH"] = str(value)
        try:
            assert source_date_epoch() == value
        finally:
            del os.environ["SOURCE_DATE_EPOCH"]


@pytest.fixture
def busy_port():
    """A port another program is listening on."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


def test_serve_on_a_port_in_use_says_so_before_building(busy_port: int, tmp_path: Path):
    done = digicharter("serve", str(CHARTER), "--dev-addr", f"127.0.0.1:{busy_port}", cwd=tmp_path, timeout=60)
    assert_user_error(done, f"--dev-addr '127.0.0.1:{busy_port}'", "already uses this address")
    assert "Building" not in done.stderr + done.stdout  # refused before a minute of building


@pytest.mark.parametrize("address", ["127.0.0.1:99999", "127.0.0.1:0", "127.0.0.1", "localhost:http", "127.0.0.1:²"])
def test_serve_on_an_address_that_is_no_host_and_port_names_the_setting(address: str, tmp_path: Path):
    done = digicharter("serve", str(CHARTER), "--dev-addr", address, cwd=tmp_path, timeout=60)
    assert_user_error(done, f"--dev-addr '{address}'", "HOST:PORT", "1 to 65535")


def test_the_messages_are_dutch_too(charter_copy: Path):
    (charter_copy / "times.yaml").unlink()
    (charter_copy / "times.yaml").symlink_to("times.yaml")
    done = digicharter("--lang", "nl", "check", "charter", cwd=charter_copy.parent)
    assert_user_error(done, "charter/times.yaml", "naar zichzelf wijst")
