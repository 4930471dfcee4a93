"""Package data that lives outside the package in the repository, copied into the wheel.

In the repository the templates, mkdocs.yml and the front-end assets (installed
by npm into node_modules/) sit at the top level, where the scripts and
``mkdocs build`` expect them. An installed Digicharter finds them in
``digicharter/_data/`` instead (see digicharter/assets.py), so a wheel carries
everything a build needs and a charter can live anywhere.
"""

from pathlib import Path
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent

#: What the wheel ships from outside the package: (source in the repository, destination under _data/).
SHIPPED = [
    ("templates", "templates"),
    ("mkdocs.yml", "mkdocs.yml"),
    ("node_modules/reveal.js/LICENSE", "node_modules/reveal.js/LICENSE"),
    ("node_modules/reveal.js/dist/reveal.css", "node_modules/reveal.js/dist/reveal.css"),
    ("node_modules/reveal.js/dist/reveal.js", "node_modules/reveal.js/dist/reveal.js"),
    ("node_modules/reveal.js/dist/plugin/notes.js", "node_modules/reveal.js/dist/plugin/notes.js"),
    # the font files, their licence and unicode.json (the ranges of each subset, for @font-face)
    ("node_modules/@fontsource/atkinson-hyperlegible", "node_modules/@fontsource/atkinson-hyperlegible"),
    *[(f"node_modules/@fontsource/noto-sans-arabic/{name}", f"node_modules/@fontsource/noto-sans-arabic/{name}")
      for name in ("LICENSE", "unicode.json", "files/noto-sans-arabic-arabic-400-normal.woff2",
                   "files/noto-sans-arabic-arabic-700-normal.woff2")],
    *[(f"node_modules/dejavu-fonts-ttf/{name}", f"node_modules/dejavu-fonts-ttf/{name}")
      for name in ("LICENSE", "ttf/DejaVuSans.ttf", "ttf/DejaVuSans-Bold.ttf")],
]

#: mkdocs.yml names its hook relative to itself; from _data/ the package's hook is one folder up.
HOOK_IN_REPO = "digicharter/render/site/hooks.py"
HOOK_IN_DATA = "../render/site/hooks.py"


class BuildWithData(build_py):
    """Copy the shipped files into build/…/digicharter/_data/ (not for editable installs: they read the repository)."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "digicharter" / "_data"
        if target.exists():
            shutil.rmtree(target)
        for source, destination in SHIPPED:
            origin, copy = ROOT / source, target / destination
            if not origin.exists():
                raise SystemExit(f"{origin} is missing: run scripts/setup.sh (npm ci) before building the wheel")
            copy.parent.mkdir(parents=True, exist_ok=True)
            if origin.is_dir():
                shutil.copytree(origin, copy)
            else:
                shutil.copyfile(origin, copy)
        config = target / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        if HOOK_IN_REPO not in text:
            raise SystemExit(f"mkdocs.yml no longer names {HOOK_IN_REPO}; update setup.py")
        config.write_text(text.replace(HOOK_IN_REPO, HOOK_IN_DATA), encoding="utf-8")


setup(cmdclass={"build_py": BuildWithData})
