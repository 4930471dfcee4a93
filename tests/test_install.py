"""A wheel of Digicharter, installed (not editable) into a fresh virtual environment, builds a new charter anywhere.

This is what a school does that keeps its charter in a repository of its own:
``pip install digicharter-….whl``, then ``digicharter new charter`` and
``digicharter build`` in its own folder. The installed package must carry the
templates, mkdocs.yml, the font and reveal.js (setup.py copies them into the
wheel); and the build must write only into that folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import PROJECT
from digicharter.assets import NODE_MODULES, font_files, pdf_arabic_font_files

pytestmark = pytest.mark.slow

IGNORED = {".git", ".pytest_cache", "__pycache__", ".hypothesis", ".venv", "node_modules"}


def _listing(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` with its size and modification time (caches of Python and pytest left out)."""
    found = {}
    for path in root.rglob("*"):
        if IGNORED.intersection(path.relative_to(root).parts) or not path.is_file():
            continue
        stat = path.stat()
        found[str(path.relative_to(root))] = (stat.st_size, stat.st_mtime_ns)
    return found


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the sources (the build must not write build/ or *.egg-info into the repository)."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "src"
    tracked = _run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], PROJECT).stdout
    for name in filter(None, tracked.split("\0")):
        origin = PROJECT / name
        if origin.is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_bytes(origin.read_bytes())
    (source / "node_modules").symlink_to(PROJECT / "node_modules")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(root / "dist"), str(source)], root)
    [built] = (root / "dist").glob("digicharter-*.whl")
    return built


def test_wheel_carries_templates_fonts_and_reveal(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "digicharter/_data/mkdocs.yml",
        "digicharter/_data/templates/site/overrides/main.html",
        "digicharter/_data/templates/bookmark/strip.html.j2",
        "digicharter/_data/templates/slides/deck.html.j2",
        "digicharter/_data/node_modules/reveal.js/dist/reveal.js",
        "digicharter/_data/node_modules/reveal.js/dist/plugin/notes.js",
        "digicharter/_data/node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2",
        "digicharter/_data/node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2",
        "digicharter/_data/node_modules/@fontsource/noto-sans-arabic/unicode.json",
        "digicharter/defaults/fr.yaml",
        "digicharter/starter/charter.yaml.j2",
        "digicharter/locale/nl/LC_MESSAGES/digicharter.po",
    ):
        assert needed in names, needed
    # Every font file the outputs draw with, the PDFs' DejaVu Sans included, as assets lists them.
    for font in font_files() + pdf_arabic_font_files():
        needed = f"digicharter/_data/node_modules/{font.path.relative_to(NODE_MODULES).as_posix()}"
        assert needed in names, needed


def test_installed_wheel_builds_a_new_charter_in_an_empty_folder(wheel: Path, tmp_path: Path):
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path)
    # Dependencies come from the package index (pip's cache makes this quick on a machine that set up Digicharter),
    # installed by this pip into the new environment. Not compiled to bytecode: that is pip's own work, three
    # quarters of the install's time, and Python compiles what the commands below import.
    _run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet", "--no-compile",
          str(wheel)], tmp_path)
    installed = venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages" / "digicharter"
    assert (installed / "_data" / "mkdocs.yml").is_file()
    package_before = _listing(installed)

    school = tmp_path / "school"
    home, scratch = school / "home", school / "tmp"
    for folder in (home, scratch):
        folder.mkdir(parents=True)
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(home),
        "TMPDIR": str(scratch),
        "LANGUAGE": "en",
        "DIGICHARTER_JOBS": "1",
        "SOURCE_DATE_EPOCH": "1700000000",
    }
    repo_before = _listing(PROJECT)
    outside_before = sorted(p.name for p in tmp_path.iterdir())

    digicharter = str(venv / "bin" / "digicharter")
    created = _run([digicharter, "new", "charter", "--school-name", "Basisschool 't Kompas",
                    "--languages", "nl,en", "--site-url", "https://www.kompas.be/"], school, env)
    assert "charter" in created.stdout
    _run([digicharter, "check", "--strict"], school, env)
    _run([digicharter, "build"], school, env)

    site = school / "site"
    for page in ("index.html", "phone.html", "email.html", "agenda.html", "protocol.html", "quality.html",
                 "downloads.html", "404.html", "en/index.html", "en/phone.html"):
        assert (site / page).is_file(), page
    assert "Basisschool &#39;t Kompas" in (site / "index.html").read_text(encoding="utf-8") or \
        "Basisschool 't Kompas" in (site / "index.html").read_text(encoding="utf-8")
    for code in ("nl", "en"):
        for name in (f"digicharter-bookmark-{code}.pdf", f"digicharter-bookmark-sheet-{code}.pdf",
                     f"digicharter-slides-{code}.pdf", f"digicharter-slides-notes-{code}.pdf"):
            assert (site / "downloads" / name).read_bytes().startswith(b"%PDF-"), name
    for deck in (site / "slides", site / "en" / "slides"):
        assert "reveal.js" in (deck / "index.html").read_text(encoding="utf-8")
        assert list((deck / "assets").rglob("reveal.js")) and list((deck / "assets").rglob("*.woff2"))
    assert list((site / "assets").rglob("atkinson-hyperlegible-latin-400-normal.woff2"))

    # Nothing written outside the school's folder: not in the repository, not next to it, not in the package.
    assert _listing(PROJECT) == repo_before
    assert sorted(p.name for p in tmp_path.iterdir()) == outside_before
    assert _listing(installed) == package_before


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path):
    folder = tmp_path / "charter"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "digicharter", "new", str(folder)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env={**os.environ, "LANGUAGE": "en"})
    assert done.returncode == 1
    assert "is not empty" in done.stderr and "Traceback" not in done.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
