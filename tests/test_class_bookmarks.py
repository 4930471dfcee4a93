"""Class bookmarks: a personal sheet per class and one for the school, in a private folder only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from digicharter.classes.loading import pattern_address

pytestmark = pytest.mark.slow

CLASSES = """\
classes:
  - id: 1a
    name: 1ste leerjaar A
    teachers:
      - name: Ann Desair
    follow:
      gimme: K1A-7PQ
  - id: 3b
    name: 3de leerjaar B
    teachers:
      - name: Bart Peeters
        days: [monday, tuesday]
      - name: Zoë Van den Broeck
        email: zoe.vdb@deboomhutlozen.be
        days: [wednesday, thursday, friday]
    follow:
      gimme: K3B-2XM
  - id: 5c
    name: 5de leerjaar C
    teachers:
      - name: {long_name}
"""
FITS = "Els Claes"
TOO_LONG = "Marie Vandenbrouckevanderheijdenschoot"  # one word wider than the strip


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digicharter", "--lang", "en", *args], capture_output=True,
                          text=True, timeout=600, cwd=cwd)


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.replace("\u00ad", "").split())


def test_three_classes_a_part_timer_and_the_school_sheet(charter_copy: Path, tmp_path: Path) -> None:
    (charter_copy / "classes.yaml").write_text(CLASSES.format(long_name=FITS), encoding="utf-8")
    done = run("bookmark", "--classes", str(charter_copy), "--private-output", "private", "-o", "site", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    private = tmp_path / "private"
    for code in ("nl", "en"):
        texts = {c: pdf_text(private / code / f"{c}.pdf") for c in ("1a", "3b", "5c")}
        assert "K1A-7PQ" in texts["1a"] and pattern_address("Ann Desair", "deboomhutlozen.be").split("@")[0] in texts["1a"]
        assert "Zoë Van den Broeck" in texts["3b"] and "zoe.vdb@" in texts["3b"] and "K3B-2XM" in texts["3b"]
        assert "K3B-2XM" not in texts["1a"] and "Els Claes" in texts["5c"]
        days = ("ma, di", "wo, do, vr") if code == "nl" else ("Mon, Tue", "Wed, Thu, Fri")
        assert all(d in texts["3b"] for d in days), texts["3b"]
        every = pdf_text(private / code / "all-classes.pdf")
        assert all(name in every for name in ("Ann Desair", "Bart Peeters", "Els Claes"))
        pages = subprocess.run(["pdfinfo", str(private / code / "all-classes.pdf")], capture_output=True, text=True).stdout
        assert "Pages:           6" in pages  # three classes, front and back each
    assert not (tmp_path / "site").exists(), "class bookmarks never touch the website's folder"


def test_a_name_too_long_fails_naming_the_class(charter_copy: Path, tmp_path: Path) -> None:
    (charter_copy / "classes.yaml").write_text(CLASSES.format(long_name=TOO_LONG), encoding="utf-8")
    done = run("bookmark", "--classes", str(charter_copy), "--private-output", "private", cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "class '5c' (5de leerjaar C)" in done.stderr and "does not fit" in done.stderr
    assert "class '1a'" not in done.stderr and not (tmp_path / "private").exists()


def test_no_class_data_reaches_the_website(charter_copy: Path, tmp_path: Path) -> None:
    (charter_copy / "classes.yaml").write_text(CLASSES.format(long_name=FITS), encoding="utf-8")
    assert run("build", str(charter_copy), "-o", "site", "-q", cwd=tmp_path).returncode == 0
    secrets = [b"K1A-7PQ", b"K3B-2XM", b"Bart Peeters", "Zoë".encode(), b"zoe.vdb", b"Els Claes", b"ann.desair"]
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not [s for s in secrets if s in data], path
    refused = run("bookmark", "--classes", str(charter_copy), "--private-output", "site/private", "-o", "site",
                  cwd=tmp_path)
    assert refused.returncode == 1 and "not public" in refused.stderr


def test_mistakes_in_classes_yaml_are_named_at_their_line(charter_copy: Path, tmp_path: Path) -> None:
    text = CLASSES.format(long_name=FITS).replace("gimme: K3B-2XM", "gimmy: K3B 2XM!").replace("[monday, tuesday]",
                                                                                              "[monday, sunday]")
    (charter_copy / "classes.yaml").write_text(text, encoding="utf-8")
    done = run("bookmark", "--classes", str(charter_copy), "--private-output", "private", cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "classes.yaml:" in done.stderr and "sunday" in done.stderr
